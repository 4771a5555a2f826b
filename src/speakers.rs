//! Speakers: one entity per speaker however it is mentioned, and every statement given to one.
//!
//! A mention joins an entity already seen when its name is part of the entity's name or the other
//! way round (بيسكوف = دميتري بيسكوف; رويترز = وكالة رويترز), or, for a bare title, when an entity
//! was introduced with the same title word (الرئيس الديمقراطي → الرئيس الأمريكي جو بايدن). An
//! implicit subject (وأضافت) goes to the entity the text is following, skipping those whose gender
//! disagrees. Each entity is named by its most complete name, its role by its titles.

use crate::learn;
use crate::lexicon::{EntityClass, Gender, Lexicon};
use crate::mentions::Mention;
use crate::output::{Analysis, Sources, Span, Speaker, SpeakerKind, Statement};
use crate::statements::{Event, Relay, Subject};
use crate::tokenize::{TokKind, Token};

struct Entity {
    name: String,
    role: String,
    kind: SpeakerKind,
    gender: Gender,
    key: Vec<String>,
    title_heads: Vec<String>,
    mentions: Vec<(usize, usize)>,
    has_statement: bool,
    /// Whether a proper name is known (else `name` is a title or description).
    named: bool,
    /// A stand-in pronoun for a subject nobody named (see `resolve`).
    pronoun: bool,
    /// How many singular verbs with this entity as their named subject were feminine, and how
    /// many masculine: what the output says of a person's gender (see `gender_of`).
    agreement: (u16, u16),
}

/// Mentions in text order, each passage once: a phrase read twice (as a subject before its verb
/// and as part of a longer phrase: «بن سلمان» inside «محمد بن سلمان») keeps the longer reading.
fn in_text_order(mentions: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted = mentions.to_vec();
    sorted.sort_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(sorted.len());
    for (a, b) in sorted {
        match out.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The folded words of a role, without the article (and بـ / لـ written onto them).
fn bare_words(role: &str) -> Vec<String> {
    crate::normalize::fold(role)
        .split(|c: char| !crate::normalize::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w =
                w.strip_prefix("بال").or_else(|| w.strip_prefix("لل")).or_else(|| w.strip_prefix("ال")).unwrap_or(w);
            w.to_string()
        })
        .collect()
}

/// The words of a role that name a body or a place (الجيش، وزارة، غزة): what the title is of.
fn bodies_in(lex: &Lexicon, role: &str) -> Vec<String> {
    bare_words(role)
        .into_iter()
        .filter(|w| {
            lex.entity_index_has(w)
                .is_some_and(|c| !matches!(c, EntityClass::Title | EntityClass::Anonymous | EntityClass::Document))
        })
        .collect()
}

pub(crate) fn kind_of(m: &Mention) -> SpeakerKind {
    match m.class {
        Some(EntityClass::Organization | EntityClass::Place | EntityClass::Document) => SpeakerKind::Organization,
        Some(EntityClass::Media) => SpeakerKind::Media,
        Some(EntityClass::Anonymous) if m.name.is_empty() => SpeakerKind::Anonymous,
        _ => SpeakerKind::Person,
    }
}

/// True when `small` occurs in `big` as a run of whole words.
fn contains(big: &[String], small: &[String]) -> bool {
    !small.is_empty() && big.windows(small.len()).any(|w| w == small)
}

/// `small` names the same body as `big` when it occurs in it, but not as the place after «في»
/// (المملكة العربية السعودية is not وزارة الإعلام في المملكة العربية السعودية).
fn names_same_body(big: &[String], small: &[String]) -> bool {
    !small.is_empty()
        && big
            .windows(small.len())
            .enumerate()
            .any(|(p, w)| w == small && (p == 0 || !matches!(big[p - 1].as_str(), "في" | "من" | "عن" | "لدي")))
}

fn strip_article(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w).to_string()).collect()
}

fn same_entity(e: &Entity, m: &Mention, kind: SpeakerKind) -> bool {
    if m.key.is_empty() {
        return false;
    }
    if kind == SpeakerKind::Person && !m.name.is_empty() {
        // Names: one contains the other (بيسكوف ⊂ دميتري بيسكوف).
        return e.kind == SpeakerKind::Person && (contains(&e.key, &m.key) || contains(&m.key, &e.key));
    }
    if kind == SpeakerKind::Person && m.name.is_empty() {
        return false;
    }
    // «مصدر خاص» introduces a new source; «المصدر» refers back to one already named.
    let indefinite = m.key.first().is_some_and(|w| !w.starts_with("ال"));
    if kind == SpeakerKind::Anonymous && indefinite {
        return e.key == m.key;
    }
    let (a, b) = (strip_article(&e.key), strip_article(&m.key));
    names_same_body(&a, &b) || names_same_body(&b, &a)
}

/// Resolves every statement's subject to a speaker and builds the analysis (byte offsets).
pub fn resolve(
    text: &str,
    toks: &[Token],
    events: Vec<Event>,
    _lex: &Lexicon,
    choose: Choose,
) -> (Analysis, Vec<Candidates>) {
    let mut entities: Vec<Entity> = Vec::new();
    // The entities the text is following, most recent last; a reader keeps only the last few in
    // mind, and so does this list (which keeps long texts linear).
    let mut recent: Vec<usize> = Vec::new();
    let mut index = KeyIndex::default();
    let mut statements = Vec::new();
    let touch = |recent: &mut Vec<usize>, e: usize| {
        recent.retain(|&x| x != e);
        recent.push(e);
        if recent.len() > RECENT {
            recent.remove(0);
        }
    };
    // The latest titled person named outside a statement: (entity, sentence start, whether they
    // are the subject of the verb that opens the sentence).
    // (The last few, most recent last: «رد رونالدو على … سيدة تدعى مايورغا، والتي ادعت …،
    // نافياً …» — the masculine participle goes back past her to him.)
    let mut seen: Vec<(usize, usize, bool)> = Vec::new();
    // The latest titled person who was the subject of a sentence that opens with a verb
    // («وانتقد رئيس البلدية فلان …»): (entity, where their mention ends), until someone speaks.
    let mut subject: Option<(usize, usize)> = None;
    let mut last_content: Option<(usize, usize)> = None;
    // Every entity the text has named, speaking or not, most recent last: what a bare «الصحيفة»،
    // «الوزير» or «البيان» can point back to when no speaker fits.
    let mut mentioned: Vec<usize> = Vec::new();
    // Bodies and outlets the journalist named (not speakers unless pointed back to).
    let mut named: Vec<Mention> = Vec::new();
    // Titled persons named anywhere (not speakers unless a bare title points back to them).
    let mut titled: Vec<Mention> = Vec::new();
    for ev in events {
        match ev {
            Event::Asked(m) => {
                let e = entity_for(&mut entities, &mut index, &m, &recent, &mentioned);
                touch(&mut recent, e);
                touch(&mut mentioned, e);
            }
            Event::Named(m) => {
                named.push(m);
                if named.len() > RECENT {
                    named.remove(0);
                }
            }
            Event::Titled(m) => {
                titled.push(m);
                if titled.len() > RECENT {
                    titled.remove(0);
                }
            }
            // A person named inside what someone said («نفى الزهراني … انهيار نفق طريق الملك
            // عبدالله، واصفاً …») is not who the text turns to.
            Event::Seen(m, ..) if last_content.is_some_and(|(a, b)| a <= m.start && m.end <= b) => {}
            Event::Seen(m, sentence, is_subject) => {
                let e = entity_for(&mut entities, &mut index, &m, &recent, &mentioned);
                subject = is_subject.then_some((e, m.end));
                touch(&mut mentioned, e);
                seen.push((e, sentence, is_subject));
                if seen.len() > 3 {
                    seen.remove(0);
                }
            }
            Event::Statement(f) => {
                last_content = Some(f.content);
                // The subject of the sentence just before, when nobody has spoken since.
                let prior_subject = subject.take().filter(|&(_, end)| {
                    if end > f.sentence {
                        return false;
                    }
                    let (a, b) =
                        (toks.partition_point(|t| t.start < end), toks.partition_point(|t| t.start < f.sentence));
                    toks[a..b].iter().filter(|t| matches!(t.kind, TokKind::End | TokKind::Para)).count() == 1
                });
                // The parties the words passed through, resolved like any mention.
                let relay = relay_entities(&mut entities, &mut index, &recent, &mentioned, &named, &f.relay);
                // The parties are named in the text: a later «المصدر نفسه» may be one of them.
                for &p in relay.0.iter().chain(&relay.1) {
                    touch(&mut mentioned, p);
                }
                // For an unnamed subject, when recording: each candidate's name and features.
                let mut recorded: Vec<(String, Vec<String>)> = Vec::new();
                let (e, why) = match &f.subject {
                    Subject::Explicit(m) => {
                        let back = pointed_to(&entities, &recent, &mentioned, &named, m)
                            .or_else(|| titled_antecedent(&entities, &recent, &mentioned, &titled, m));
                        let e = match back {
                            Some(n) => {
                                let e = entity_for(&mut entities, &mut index, n, &recent, &mentioned);
                                entities[e].mentions.push((m.start, m.end));
                                e
                            }
                            None => entity_for(&mut entities, &mut index, m, &recent, &mentioned),
                        };
                        // «وقالت سنية …»: the verb agrees with its subject, so a person named by a
                        // first name alone is of the verb's gender (not for a participle, whose
                        // subject may be another; nor for bodies).
                        if entities[e].gender == Gender::Unknown
                            && entities[e].kind == SpeakerKind::Person
                            && !f.rule.contains("participle")
                        {
                            entities[e].gender = f.verb_gender;
                        }
                        // A speaker named since is nearer than a person seen before them («ودخل
                        // الأردن …، إذ قال وزير الخارجية …، داعياً …»), unless they speak in a
                        // relative clause («رد رونالدو على … سيدة …، والتي ادعت …، نافياً»).
                        if !f.relative {
                            seen.clear();
                        }
                        (e, format!("named «{}»", &text[m.start..m.end]))
                    }
                    Subject::Implicit { gender, plural } => {
                        let agrees = |g: Gender| *gender == Gender::Unknown || g == Gender::Unknown || g == *gender;
                        // A plural verb (وأضافوا، قائلين) never continues one named person: «حذّر
                        // الجمهوريون …» after Clinton spoke is theirs, not hers. (Such a person is
                        // no candidate; a group, a body or a title may be plural, and so may two
                        // persons joined by و after a full name: «أليكس تيتشي وديفيد كيبينغ» — not
                        // «محمد وليد الأحمد», whose second word is a given name.)
                        let rules_out = |kind: SpeakerKind, named: bool, name: &str| {
                            *plural
                                && kind == SpeakerKind::Person
                                && named
                                && !name.split(' ').skip(2).any(|w| w.starts_with('و'))
                        };
                        // Who the subject may be: titled persons seen, the subject of the clause
                        // the verb continues, the entities the text follows (most recent first),
                        // a body named just before. The rules choose one (`rule`); the learned
                        // ranker may choose another (see `learn`).
                        let mut cands: Vec<Cand> = Vec::new();
                        let mut rule: Option<usize> = None;
                        let opens = f.sentence >= f.cue.0.saturating_sub(2);
                        // (The subject of the verb that opens the sentence comes before its
                        // objects: «هاجم الرئيس الأميركي دونالد ترامب وزير الخارجية السابق جون
                        // كيري …، قائلا» — Trump speaks, not Kerry named after him.)
                        let mut sentence_subject: Option<usize> = None;
                        for (k, &(e, st, is_subject)) in seen.iter().enumerate().rev() {
                            if rules_out(entities[e].kind, entities[e].named, &entities[e].name) {
                                continue;
                            }
                            let subject_before = opens && prior_subject.is_some_and(|(p, _)| p == e);
                            if agrees(entities[e].gender)
                                && (st == f.sentence || recent.is_empty() || subject_before)
                                && rule.is_none()
                            {
                                rule = Some(cands.len());
                            }
                            if is_subject && st == f.sentence && agrees(entities[e].gender) {
                                sentence_subject = Some(cands.len());
                            }
                            cands.push(Cand::Seen(k));
                        }
                        if let (Some(k), Some(r)) = (sentence_subject, rule) {
                            if matches!(cands[r], Cand::Seen(j) if seen[j].1 == f.sentence) {
                                rule = Some(k);
                            }
                        }
                        let followed = recent.last().copied();
                        // «… إن السلطات السويسرية اتصلت بالقاضي وأكدت له …»: when the speaker the
                        // text follows disagrees in gender, the subject of the clause the verb
                        // continues is meant.
                        if let Some(alt) = &f.continues {
                            let disagrees = followed.is_some_and(|e| {
                                let g = entities[e].gender;
                                *gender != Gender::Unknown && g != Gender::Unknown && g != *gender
                            });
                            if !rules_out(kind_of(alt), !alt.name.is_empty(), &alt.name) {
                                if rule.is_none()
                                    && disagrees
                                    && (alt.gender == Gender::Unknown || alt.gender == *gender)
                                {
                                    rule = Some(cands.len());
                                }
                                cands.push(Cand::Continues);
                            }
                        }
                        let first_recent = cands.len();
                        for &e in recent.iter().rev() {
                            if rules_out(entities[e].kind, entities[e].named, &entities[e].name) {
                                continue;
                            }
                            if rule.is_none() && agrees(entities[e].gender) {
                                rule = Some(cands.len());
                            }
                            cands.push(Cand::Recent(e));
                        }
                        if rule.is_none() && cands.len() > first_recent {
                            rule = Some(first_recent);
                        }
                        // Nobody has spoken yet: the latest one the text named who agrees
                        // («أدانت مجموعة "كيان" ما أقدمت عليه … وأكدت أنها …»).
                        // (Only one named close before: about a sentence, 300 bytes.)
                        for (k, n) in named.iter().enumerate().rev().take_while(|(_, n)| n.end + 300 >= f.cue.0) {
                            if rules_out(kind_of(n), !n.name.is_empty(), &n.name) {
                                continue;
                            }
                            if rule.is_none() && agrees(n.gender) {
                                rule = Some(cands.len());
                            }
                            cands.push(Cand::Body(k));
                        }
                        let view = |k: usize, c: &Cand| -> learn::Candidate {
                            let (route, rank, name, g, kind, named_, last) = match *c {
                                Cand::Seen(j) => {
                                    let en = &entities[seen[j].0];
                                    (
                                        "seen",
                                        seen.len() - 1 - j,
                                        en.name.as_str(),
                                        en.gender,
                                        en.kind,
                                        en.named,
                                        en.mentions.iter().map(|m| m.1).max(),
                                    )
                                }
                                Cand::Continues => {
                                    let alt = f.continues.as_ref().expect("a candidate");
                                    (
                                        "continues",
                                        0,
                                        &text[alt.start..alt.end],
                                        alt.gender,
                                        kind_of(alt),
                                        !alt.name.is_empty(),
                                        Some(alt.end),
                                    )
                                }
                                Cand::Recent(e) => {
                                    let en = &entities[e];
                                    let rank =
                                        recent.len() - 1 - recent.iter().position(|&x| x == e).expect("in recent");
                                    (
                                        "recent",
                                        rank,
                                        en.name.as_str(),
                                        en.gender,
                                        en.kind,
                                        en.named,
                                        en.mentions.iter().map(|m| m.1).max(),
                                    )
                                }
                                Cand::Body(j) => {
                                    let n = &named[j];
                                    (
                                        "body",
                                        named.len() - 1 - j,
                                        &text[n.start..n.end],
                                        n.gender,
                                        kind_of(n),
                                        !n.name.is_empty(),
                                        Some(n.end),
                                    )
                                }
                            };
                            learn::Candidate {
                                route,
                                rank,
                                name,
                                gender: g,
                                verb: *gender,
                                kind,
                                named: named_,
                                last_end: last,
                                rule: rule == Some(k),
                            }
                        };
                        let choice = match (choose, rule) {
                            (_, None) if cands.is_empty() => None,
                            (Choose::Record, r) => {
                                let all: Vec<(String, Vec<String>)> = cands
                                    .iter()
                                    .enumerate()
                                    .map(|(k, c)| {
                                        let v = view(k, c);
                                        (v.name.to_string(), learn::candidate_features(text, &f, &v))
                                    })
                                    .collect();
                                recorded = all;
                                r
                            }
                            // No candidate agrees: the rules' stand-in (below), whatever the scores.
                            (Choose::Learned, None) => None,
                            // No weights (the rules did better on held-out articles): the rules.
                            (Choose::Learned, r) if !learn::HAS_WEIGHTS => r,
                            (Choose::Learned, r) => {
                                let scores: Vec<f32> = cands
                                    .iter()
                                    .enumerate()
                                    .map(|(k, c)| learn::score(&learn::candidate_features(text, &f, &view(k, c))))
                                    .collect();
                                // The rules' choice unless another scores strictly higher.
                                let mut best = r;
                                for (k, &sc) in scores.iter().enumerate() {
                                    if best.is_none_or(|b| sc > scores[b]) {
                                        best = Some(k);
                                    }
                                }
                                best
                            }
                        };
                        match choice.map(|k| cands[k]) {
                            Some(Cand::Seen(j)) => {
                                let (e, _, _) = seen.remove(j);
                                entities[e].has_statement = true;
                                touch(&mut recent, e);
                                let why = format!("not named; «{}» is named earlier in the sentence", entities[e].name);
                                statements.push((e, f, why, recorded, relay));
                                continue;
                            }
                            Some(Cand::Continues) => {
                                let alt = f.continues.clone().expect("a candidate");
                                let e = entity_for(&mut entities, &mut index, &alt, &recent, &mentioned);
                                entities[e].has_statement = true;
                                let why =
                                    format!("not named; it continues the clause of «{}»", &text[alt.start..alt.end]);
                                statements.push((e, f, why, recorded, relay));
                                continue;
                            }
                            Some(Cand::Recent(e)) => {
                                (e, format!("not named; the text was following «{}»", entities[e].name))
                            }
                            Some(Cand::Body(j)) => {
                                let n = named[j].clone();
                                let e = entity_for(&mut entities, &mut index, &n, &recent, &mentioned);
                                (e, format!("not named; the text named «{}» before", entities[e].name))
                            }
                            None => {
                                // Nobody to refer to: the pronoun the verb implies stands in.
                                let pronoun = match gender {
                                    Gender::Fem => "هي",
                                    _ => "هو",
                                };
                                let m = Mention {
                                    start: f.cue.0,
                                    end: f.cue.1,
                                    tok_start: 0,
                                    tok_end: 0,
                                    name: pronoun.to_string(),
                                    role: String::new(),
                                    class: None,
                                    gender: *gender,
                                    title_head: None,
                                    key: vec![pronoun.to_string()],
                                    name_toks: None,
                                    definite: true,
                                };
                                let e = entity_for(&mut entities, &mut index, &m, &recent, &mentioned);
                                (e, "not named, and no speaker before it".to_string())
                            }
                        }
                    }
                };
                if let Subject::Explicit(_) = &f.subject {
                    // A gendered verb with a named subject tells that subject's gender.
                    // (Not the verb of the outlet or body that passed the words on: «ونقلت
                    // الصحيفة عن الوزير»، «ونقلت الوكالة على لسان قاسمي».)
                    let g = if f.passed_on {
                        Some(f.verb_gender).filter(|&g| g != Gender::Unknown)
                    } else {
                        cue_gender(text, f.cue)
                    };
                    if entities[e].gender == Gender::Unknown {
                        if let Some(g) = g {
                            entities[e].gender = g;
                        }
                    }
                    if let Some(g) = g {
                        vote(&mut entities[e].agreement, g);
                    }
                }
                entities[e].has_statement = true;
                // (A stand-in pronoun is nobody the text can go on following.)
                if !f.nested && !entities[e].pronoun {
                    touch(&mut recent, e);
                }
                touch(&mut mentioned, e);
                statements.push((e, f, why, recorded, relay));
            }
        }
    }
    // A pronoun stands in for a speaker only in a fragment that names none (a sentence or a
    // paragraph pasted alone); in an article (a headline and a body, or any other speaker), a
    // statement whose speaker cannot be found is left out.
    let body_end = text.trim_end().len();
    let fragment = !toks.iter().any(|t| t.kind == crate::tokenize::TokKind::Para && t.end < body_end);
    if !fragment || statements.iter().any(|(e, ..)| !entities[*e].pronoun) {
        statements.retain(|(e, ..)| !entities[*e].pronoun);
    }
    // An unnamed subject's verb agrees with the speaker it was resolved to («وقال …» after
    // «الدكتور أسامة عبدالسلام»): for a person no named subject's verb says anything of, those
    // verbs tell the gender (the resolution already skipped candidates of the other gender).
    // (Not a verb that passed the words on: its gender is the outlet's.)
    let mut implied = vec![(0u16, 0u16); entities.len()];
    for (e, f, ..) in &statements {
        if let (Subject::Implicit { gender, plural: false }, false) = (&f.subject, f.passed_on) {
            vote(&mut implied[*e], *gender);
        }
    }
    for (en, v) in entities.iter_mut().zip(implied) {
        if en.agreement == (0, 0) && en.gender == Gender::Unknown {
            en.agreement = v;
        }
    }
    // Speakers in order of their first statement, then the parties of chains who make none, in
    // order of their first chain.
    let mut order: Vec<usize> = Vec::new();
    let mut ids: Vec<Option<usize>> = vec![None; entities.len()];
    for (e, ..) in &statements {
        if ids[*e].is_none() {
            ids[*e] = Some(order.len());
            order.push(*e);
        }
    }
    let chains: Vec<Vec<usize>> = statements.iter().map(|(e, .., relay)| chain_of(&entities, *e, relay)).collect();
    for &e in chains.iter().flatten() {
        if ids[e].is_none() {
            ids[e] = Some(order.len());
            order.push(e);
        }
    }
    let id_of = |e: usize| ids[e].unwrap_or(0);
    let span = |(a, b): (usize, usize)| Span { start: a, end: b, text: text[a..b].to_string() };
    let speakers: Vec<Speaker> = order
        .iter()
        .enumerate()
        .map(|(id, &e)| {
            let en = &entities[e];
            Speaker {
                id,
                name: en.name.clone(),
                role: en.role.clone(),
                kind: en.kind,
                gender: gender_of(en),
                mentions: in_text_order(&en.mentions).into_iter().map(span).collect(),
            }
        })
        .collect();
    let mut features = Vec::new();
    let statements = statements
        .into_iter()
        .zip(chains)
        .enumerate()
        .map(|(id, ((e, f, why, feats, _), chain))| {
            features.push(feats);
            Statement {
                id,
                speaker: id_of(e),
                chain: (!chain.is_empty()).then(|| chain.into_iter().map(id_of).collect()),
                kind: f.kind,
                form: f.form,
                cue: span(f.cue),
                content: span(f.content),
                rejects: None,
                confidence: (f.confidence * 100.0).round() / 100.0,
                explain: Some(format!("{}; speaker {}", f.rule, why)),
            }
        })
        .collect();
    let sources = Sources::of(&speakers);
    (Analysis { speakers, statements, sources, diagnostics: vec![] }, features)
}

/// The entities of a statement's relay parties, before its speaker and after it (see
/// `statements::Relay`): each resolved as a subject would be («الوكالة» is the agency named
/// before), but none becomes the one the text follows — they pass words on, they do not speak.
fn relay_entities(
    entities: &mut Vec<Entity>,
    index: &mut KeyIndex,
    recent: &[usize],
    mentioned: &[usize],
    named: &[Mention],
    relay: &Relay,
) -> (Vec<usize>, Vec<usize>) {
    let mut one = |m: &Mention| match pointed_to(entities, recent, mentioned, named, m).cloned() {
        Some(n) => {
            let e = entity_for(entities, index, &n, recent, mentioned);
            entities[e].mentions.push((m.start, m.end));
            e
        }
        None => entity_for(entities, index, m, recent, mentioned),
    };
    let before = relay.before.iter().map(&mut one).collect();
    let after = relay.after.iter().map(&mut one).collect();
    (before, after)
}

/// The chain of a statement by `e` with these relay entities: before, `e`, after, an entity said
/// twice in a row once; none (empty) when only `e` is left. A person whose name ends as the
/// speaker's is the speaker, named with a word before it («…، وفق تأكيد السليطي»).
fn chain_of(entities: &[Entity], e: usize, (before, after): &(Vec<usize>, Vec<usize>)) -> Vec<usize> {
    let surname = |x: usize| (entities[x].kind == SpeakerKind::Person).then(|| entities[x].key.last()).flatten();
    let same = |x: usize| x == e || surname(x).is_some() && surname(x) == surname(e);
    let mut chain: Vec<usize> = before
        .iter()
        .copied()
        .filter(|&x| !same(x))
        .chain([e])
        .chain(after.iter().copied().filter(|&x| !same(x)))
        .collect();
    chain.dedup();
    if chain.len() < 2 {
        chain.clear();
    }
    chain
}

/// Counts one verb's gender as (feminine, masculine) votes (see `Entity::agreement`).
fn vote(votes: &mut (u16, u16), g: Gender) {
    match g {
        Gender::Fem => votes.0 += 1,
        Gender::Masc => votes.1 += 1,
        Gender::Unknown => {}
    }
}

/// What the output says of a person's gender: the verbs it is the named subject of (قالت فلانة),
/// most of them, or with none, the unnamed subjects' verbs resolved to it; without any, its title (الوزيرة) or the first verb that told it. Only for one
/// person, someone with a title (المشرف، رئيس الوزراء) or a name — not a phrase without either
/// that may be a group («البعض»، «الكثير منهم»). Never a body's, whose agreement is grammar
/// (قالت الوزارة), nor an unnamed source's.
fn gender_of(en: &Entity) -> Option<crate::output::Gender> {
    let one_person = !en.title_heads.is_empty() || en.named;
    if en.kind != SpeakerKind::Person || !one_person {
        return None;
    }
    // «أم سعد»، «أبو العبد»: a name of two words that opens with «mother of» or «father of» says
    // it, whatever verb the text (or a wrong attribution) gives it. (Not longer ones: «بيلد أم
    // سونتاغ» is German, «أبو ظبي للإعلام» a city's body.)
    let name = crate::normalize::fold(&en.name);
    let mut words = name.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    let kunya = match (words.next(), words.next(), words.next()) {
        (Some("ام"), Some(_), None) => Gender::Fem,
        (Some("ابو"), Some(b), None) if b != "ظبي" => Gender::Masc,
        _ => Gender::Unknown,
    };
    let (fem, masc) = en.agreement;
    let g = if kunya != Gender::Unknown {
        kunya
    } else if fem > masc {
        Gender::Fem
    } else if masc > fem {
        Gender::Masc
    } else {
        en.gender
    };
    match g {
        Gender::Fem => Some(crate::output::Gender::Female),
        Gender::Masc => Some(crate::output::Gender::Male),
        Gender::Unknown => None,
    }
}

/// How `resolve` chooses the speaker of an unnamed subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choose {
    /// The learned ranker over the rules' candidates (`learn`): what `analyze` does.
    Learned,
    /// The rules alone, recording every candidate with its features: what `cargo xtask train`
    /// learns from.
    Record,
}

/// Per statement, when recording: each candidate speaker's name and features (none for a
/// statement whose subject is named).
pub type Candidates = Vec<(String, Vec<String>)>;

/// A candidate speaker for an unnamed subject (indices into `resolve`'s lists).
#[derive(Clone, Copy, Debug)]
enum Cand {
    Seen(usize),
    Continues,
    Recent(usize),
    Body(usize),
}

/// Gender from the verb's ending: past ـت, present تـ (third person feminine).
fn cue_gender(text: &str, cue: (usize, usize)) -> Option<Gender> {
    let lex = Lexicon::get();
    let m = lex.cue(&crate::normalize::fold(&text[cue.0..cue.1]))?;
    (m.infl.gender != Gender::Unknown && !m.infl.plural).then_some(m.infl.gender)
}

/// A bare definite noun (الصحيفة، الوزارة، الوزير، البيان) only points back to someone: a
/// definite phrase with no proper name, or a body, outlet or document named by its head alone.
fn is_bare(m: &Mention) -> bool {
    // (One word as written: «بيان صادر عن الجمعية» names its issuer.)
    let head_alone = m.key.len() == 1
        && m.tok_end == m.tok_start + 1
        && matches!(m.class, Some(EntityClass::Organization | EntityClass::Media | EntityClass::Document));
    m.definite && (m.name.is_empty() || head_alone)
}

/// What a bare definite noun (الصحيفة، الوزارة، البيان) points back to when no entity the text
/// has met fits it: the latest body or outlet the journalist named that it fits («الصحيفة»
/// after «نشرتها صحيفة الشرق الأوسط»; «وأضافت الصحيفة» after «قالت جريدة "ديلي ميل"»), or for a
/// document with no speaker before it, the latest body named (its issuer).
fn pointed_to<'n>(
    entities: &[Entity],
    recent: &[usize],
    mentioned: &[usize],
    named: &'n [Mention],
    m: &Mention,
) -> Option<&'n Mention> {
    if !is_bare(m) {
        return None;
    }
    let kind = kind_of(m);
    match m.class {
        Some(EntityClass::Document) => {
            if !recent.is_empty() {
                return None;
            }
            named.last()
        }
        Some(EntityClass::Media | EntityClass::Organization) => {
            let fits = |e: usize| same_entity(&entities[e], m, kind);
            if recent.iter().chain(mentioned).any(|&e| fits(e)) {
                return None;
            }
            let key = strip_article(&m.key);
            let same = named.iter().rev().find(|n| {
                let k = strip_article(&n.key);
                names_same_body(&k, &key) || names_same_body(&key, &k)
            });
            // Any outlet at all, when none has spoken (else `entity_for` takes the latest that did).
            let outlet_spoke = recent.iter().any(|&e| entities[e].kind == SpeakerKind::Media);
            same.or_else(|| {
                (kind == SpeakerKind::Media && !outlet_spoke)
                    .then(|| named.iter().rev().find(|n| kind_of(n) == SpeakerKind::Media))
                    .flatten()
            })
        }
        _ => None,
    }
}

/// The entity a mention names: an existing one, or a new one.
/// How many entities back the text can refer to without naming them again.
const RECENT: usize = 32;

/// Entities by the words of their keys, so that finding a mention's entity looks only at those
/// sharing a word with it.
#[derive(Default)]
struct KeyIndex(crate::fastmap::FastMap<String, Vec<usize>>);

impl KeyIndex {
    fn add(&mut self, e: usize, key: &[String]) {
        for w in key {
            let w = w.strip_prefix("ال").unwrap_or(w).to_string();
            let v = self.0.entry(w).or_default();
            if v.last() != Some(&e) {
                v.push(e);
            }
        }
    }

    /// Entities that may be the one `key` names, rarest word first. A word that half the
    /// entities share (رئيس، وزارة) is passed over, so that a long text stays linear; an entity
    /// worth finding shares a rarer word too.
    fn candidates(&self, key: &[String]) -> impl Iterator<Item = usize> + '_ {
        let mut lists: Vec<&Vec<usize>> =
            key.iter().filter_map(|w| self.0.get(w.strip_prefix("ال").unwrap_or(w))).collect();
        lists.sort_by_key(|l| l.len());
        let rarest = lists.first().map_or(0, |l| l.len());
        lists.into_iter().filter(move |l| l.len() == rarest || l.len() <= 256).flatten().copied()
    }
}

/// A person entity `en` has the title a bare `m` (head `h`) names: the same head word or a
/// synonymous one (grammar.tsv, class `synonym`: «وأضاف المتحدث» after «الناطق الرسمي …»), not
/// across genders (المتحدثة after المتحدث), nor when the title names a body the person's does not
/// (المتحدث باسم الجيش after المتحدث باسم وزارة الصحة); adjectives may differ (الرئيس الديمقراطي
/// = الرئيس الأمريكي جو بايدن).
fn same_title(lex: &Lexicon, en: &Entity, m: &Mention, h: &str) -> bool {
    title_fits(lex, en.gender, &en.role, en.title_heads.iter().map(String::as_str), m, h)
}

/// `same_title` for whoever has `gender`, `role` and title head words `heads`: an entity, or a
/// titled person only named so far (`titled_antecedent`).
fn title_fits<'h>(
    lex: &Lexicon,
    gender: Gender,
    role: &str,
    mut heads: impl Iterator<Item = &'h str>,
    m: &Mention,
    h: &str,
) -> bool {
    let gender_ok = m.gender == Gender::Unknown || gender == Gender::Unknown || m.gender == gender;
    let role_words = bare_words(role);
    let h = h.strip_prefix("ال").unwrap_or(h);
    // What the title is of, the noun right after its head, must be the same where both say it:
    // «وزير الخزانة الأمريكي» is not «وزير الخارجية الأمريكي مايك بومبيو». (Not an adjective:
    // «الرئيس الديمقراطي» is «الرئيس الأمريكي جو بايدن».)
    let of = |words: &[String]| -> Option<String> {
        let p = words.iter().position(|w| w == h)?;
        words.get(p + 1).filter(|w| !(w.ends_with('ي') && w.chars().count() >= 4)).cloned()
    };
    let same_of = match (of(&role_words), of(&bare_words(&m.role))) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    gender_ok
        && same_of
        && bodies_in(lex, &m.role).iter().all(|b| role_words.contains(b))
        && (heads.any(|t| {
            // (A head is written with or without its article: الوزير = وزير.)
            let t = t.strip_prefix("ال").unwrap_or(t);
            t == h || lex.synonyms(t, h)
        }) || role_words.first().is_some_and(|w| w == h))
}

/// What a bare title («وقال الوزير»، «وأعلنت الوزيرة») points back to when no person the text has
/// met has that title: the latest titled person named before it anywhere, in an attribution or
/// in narration («بحسب ما أكده في تصريحات وزير الاستثمار … فاضل عبد الكافي. وكشف الوزير …»).
fn titled_antecedent<'t>(
    entities: &[Entity],
    recent: &[usize],
    mentioned: &[usize],
    titled: &'t [Mention],
    m: &Mention,
) -> Option<&'t Mention> {
    let h = m.title_head.as_deref()?;
    if !(is_bare(m) && m.name.is_empty() && kind_of(m) == SpeakerKind::Person) {
        return None;
    }
    let lex = Lexicon::get();
    let fits = |e: usize| entities[e].kind == SpeakerKind::Person && same_title(lex, &entities[e], m, h);
    if recent.iter().chain(mentioned).any(|&e| fits(e)) {
        return None;
    }
    titled
        .iter()
        .rev()
        .filter(|n| n.end <= m.start)
        .find(|n| title_fits(lex, n.gender, &n.role, n.title_head.as_deref().into_iter(), m, h))
}

fn entity_for(
    entities: &mut Vec<Entity>,
    index: &mut KeyIndex,
    m: &Mention,
    recent: &[usize],
    mentioned: &[usize],
) -> usize {
    let kind = kind_of(m);
    let bare = is_bare(m);
    if m.class == Some(EntityClass::Document) {
        // A statement with no issuer named («وأضاف البيان»): the latest organization speaking,
        // else whoever the text follows (who spoke «في بيان»), else the latest body named.
        let issuer = recent
            .iter()
            .rev()
            .find(|&&e| entities[e].kind == SpeakerKind::Organization)
            .or_else(|| recent.last().filter(|_| bare));
        if let Some(&e) = issuer {
            entities[e].mentions.push((m.start, m.end));
            return e;
        }
    }
    // The most recently followed entity first: «المصدر» is the source the text just quoted.
    let mut found = recent
        .iter()
        .rev()
        .copied()
        .find(|&e| same_entity(&entities[e], m, kind))
        .or_else(|| index.candidates(&m.key).filter(|&e| same_entity(&entities[e], m, kind)).min());
    if found.is_none() && kind == SpeakerKind::Anonymous && m.definite {
        // «المصدر المسؤول في الشركة المصرية» after «مصدر مسؤول في شركة …»: the same head.
        let head = m.key.first().map(|w| w.strip_prefix("ال").unwrap_or(w).to_string());
        found = recent.iter().rev().copied().find(|&e| {
            entities[e].kind == SpeakerKind::Anonymous
                && entities[e].key.first().map(|w| w.strip_prefix("ال").unwrap_or(w).to_string()) == head
        });
    }
    if found.is_none() && m.name.is_empty() && kind == SpeakerKind::Person && m.definite {
        // A bare title stands for the latest person introduced with the same title word.
        if let Some(h) = &m.title_head {
            // (Synonymous titles count as the same: see `same_title`.)
            let lex = Lexicon::get();
            found = recent
                .iter()
                .rev()
                .chain(mentioned.iter().rev())
                .copied()
                .find(|&e| entities[e].kind == SpeakerKind::Person && same_title(lex, &entities[e], m, h));
        }
    }
    if found.is_none() && bare && kind == SpeakerKind::Media {
        // «وأضافت الصحيفة» after «وبحسب "ماركا"»: the latest outlet that spoke.
        found = recent.iter().rev().copied().find(|&e| entities[e].kind == SpeakerKind::Media);
    }
    if found.is_none() && bare {
        // «وأضاف المصدر نفسه»، «وأوضح المسؤول»، «وأضاف المتحدث»: words that only mean «the one
        // speaking» stand for whoever the text is quoting, of the same gender.
        let lex = Lexicon::get();
        // One word (المسؤول، المتحدث، المصدر), or with «نفسه / ذاته» (المصدر نفسه).
        let one_word = m.key.len() == 1
            || m.key.len() == 2 && m.key[1].ends_with('ه') && lex.is(&m.key[1], crate::lexicon::Gram::Adj);
        let generic = one_word
            && (kind == SpeakerKind::Anonymous
                || m.title_head
                    .as_deref()
                    .is_some_and(|h| lex.is(h.strip_prefix("ال").unwrap_or(h), crate::lexicon::Gram::Spokesman)));
        if generic {
            // (An anonymous word other than one for a single source never stands for a person the
            // text named: «ويقول الخبراء» after «وقالت سارة …» is other people, not her; «وأضاف
            // المصدر» may be the official just quoted.)
            let one_source = m
                .key
                .first()
                .is_some_and(|w| lex.is(w.strip_prefix("ال").unwrap_or(w), crate::lexicon::Gram::OneSource));
            // (A body's grammatical gender is not «the same source»'s: «حسب ما أضافت النيابة
            // الاتحادية. وأوضح المصدر نفسه».)
            let same = one_source && m.key.iter().any(|w| matches!(w.as_str(), "نفسه" | "ذاته" | "نفس" | "ذات"));
            let fits = |e: usize| {
                let g = entities[e].gender;
                (m.gender == Gender::Unknown
                    || g == Gender::Unknown
                    || g == m.gender
                    || same && entities[e].kind != SpeakerKind::Person)
                    && !(kind == SpeakerKind::Anonymous && entities[e].named && !one_source)
            };
            found = recent.iter().rev().copied().find(|&e| fits(e));
            // (Or a source that passed on what was said, and said nothing itself: «اعترفت الفتاة
            // …، وفق ما أكده مصدر أمني. وأضاف المصدر نفسه …».)
            if found.is_none() && same {
                found =
                    mentioned.iter().rev().copied().find(|&e| entities[e].kind == SpeakerKind::Anonymous && fits(e));
            }
        }
    }
    if found.is_none() && !m.name.is_empty() && kind == SpeakerKind::Person {
        // A name given after its bearer was introduced by title alone («أحد محامي النجم …»
        // then «بيتر كريستيانسن محامي مهاجم يوفنتوس»): the titled entity gets its name.
        // (Not one introduced as «another»: «وقال مغرد آخر …» then «وقال المغرد عبدالله …» are two.)
        let another =
            |e: usize| entities[e].key.iter().any(|w| matches!(w.as_str(), "اخر" | "اخري" | "اخرون" | "اخرين"));
        if let Some(h) = &m.title_head {
            found = recent.iter().rev().copied().find(|&e| {
                entities[e].kind == SpeakerKind::Person
                    && !entities[e].named
                    && entities[e].title_heads.contains(h)
                    && !another(e)
            });
        }
    }
    if found.is_none() && m.name.is_empty() && m.class.is_none() && m.key.len() == 1 {
        // A family name with the article said alone (الزهراني after محمد بن سعد الزهراني) reads
        // like a common noun to the parser; it is the named person whose name ends with it.
        let surname = |e: usize| {
            entities[e].kind == SpeakerKind::Person && entities[e].named && entities[e].key.last() == m.key.last()
        };
        found = recent
            .iter()
            .rev()
            .copied()
            .find(|&e| surname(e))
            .or_else(|| index.candidates(&m.key).filter(|&e| surname(e)).min());
    }
    let display = if m.name.is_empty() { m.role.clone() } else { m.name.clone() };
    match found {
        Some(e) => {
            let en = &mut entities[e];
            en.mentions.push((m.start, m.end));
            if !m.name.is_empty() && (m.key.len() > en.key.len() || !en.named) {
                index.add(e, &m.key);
                en.key = m.key.clone();
                en.name = display;
                en.named = true;
                if !m.role.is_empty() {
                    en.role = m.role.clone();
                }
            }
            if en.role.is_empty() && !m.role.is_empty() && !m.name.is_empty() {
                en.role = m.role.clone();
            }
            if let Some(h) = &m.title_head {
                if !en.title_heads.contains(h) {
                    en.title_heads.push(h.clone());
                }
            }
            if en.gender == Gender::Unknown {
                en.gender = m.gender;
            }
            e
        }
        None => {
            entities.push(Entity {
                name: display,
                // A speaker named by its title alone has no separate role.
                role: if m.name.is_empty() { String::new() } else { m.role.clone() },
                kind,
                gender: m.gender,
                key: m.key.clone(),
                title_heads: m.title_head.iter().cloned().collect(),
                mentions: vec![(m.start, m.end)],
                has_statement: false,
                named: !m.name.is_empty(),
                pronoun: m.tok_start == m.tok_end,
                agreement: (0, 0),
            });
            index.add(entities.len() - 1, &m.key);
            entities.len() - 1
        }
    }
}
