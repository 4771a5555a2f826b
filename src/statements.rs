//! Statements: for every cue, where its content is and who its subject is.
//!
//! Verb cues (قال، أكد، نفى …) take their subject after them (قال الرئيس …), before them at the
//! start of a clause (موسكو نفت …، وكانت وكالة رويترز، ذكرت …) or from the text's current speaker
//! (وأضاف …، مشيراً إلى …). Their content is a quotation, the إن / أن clause, or the noun phrase
//! after the subject, up to the end of the sentence or the next cue that continues the same
//! speaker. Attribution phrases (وفقاً لـ، بحسب) take the speaker after them and the rest of the
//! sentence as content. Which entity each subject is, is decided later, in `speakers`.

use crate::lexicon::{CueKind, EntityClass, Frame, Gender, Gram, Lexicon, Needs, Tag, VerbForm};
use crate::mentions::{self, Mention};
use crate::output::{Form, StatementKind};
use crate::quotes::Quotes;
use crate::tokenize::{TokKind, Token};

/// Who a statement's subject is, before coreference.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// Named in the text.
    Explicit(Mention),
    /// Not named (وأضاف، مشيراً): the speaker the text is following, agreeing in gender.
    Implicit { gender: Gender, plural: bool },
}

/// A statement found in the text, with byte ranges.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub cue: (usize, usize),
    pub content: (usize, usize),
    pub subject: Subject,
    pub kind: StatementKind,
    pub form: Form,
    pub confidence: f32,
    pub rule: String,
    /// Byte offset where the cue's sentence starts: implicit subjects look there first.
    pub sentence: usize,
    /// The cue lies inside another statement's content («قال غوريا إن مسؤولين صينيين أخبروه
    /// أن …»): its speaker does not become the one the text follows.
    pub nested: bool,
    /// For an unnamed subject right after another statement's content: the subject of that
    /// content's clause, which a verb of another gender continues (see `speakers`).
    pub continues: Option<Mention>,
}

/// What `find` reports, in text order.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Statement(Found),
    /// A question: the one asked becomes the one the text follows (… فقال “نعم”).
    Asked(Mention),
    /// A titled person named outside any statement («في الوقت الذي يجتمع مدير … الدكتور مصطفى
    /// بلجون …، أكد أن …»): an implicit subject in the same sentence, or before anyone has
    /// spoken, is most likely them. The byte offset is the start of their sentence.
    Seen(Mention, usize),
}

/// The most tokens a statement's content may run over (a long unpunctuated text is cut here).
const MAX_CONTENT: usize = 400;
/// The most tokens looked back for a sentence start or a subject.
const MAX_LOOKBACK: usize = 80;

struct Ctx<'a> {
    /// How often each folded word occurs in the text: a proper name is usually repeated.
    freq: crate::fastmap::FastMap<&'a str, u32>,
    /// For every token: the index just after the sentence end before it, and the index of the
    /// sentence end at or after it (sentence ends outside quotations).
    prev_end: Vec<usize>,
    next_end: Vec<usize>,
    text: &'a str,
    toks: &'a [Token],
    tags: &'a [Tag],
    quotes: &'a Quotes,
    lex: &'a Lexicon,
}

impl Ctx<'_> {
    /// Is `m` a believable subject? A title, organization, outlet or source always is; a bare
    /// name only when some word of it recurs in the text, or it is introduced by an apposition
    /// (a word that occurs once and has no title is more likely the object or a noun: «اعتبرته
    /// أمر مثير»).
    fn plausible(&self, m: &Mention) -> bool {
        if m.class.is_some() {
            return true;
        }
        if m.name.is_empty() {
            // A common noun phrase (الكشف الطبي) speaks only right before its content.
            return false;
        }
        let words: Vec<&Token> = self.toks[m.tok_start..m.tok_end].iter().filter(|t| t.is_word()).collect();
        let bad = |t: &Token| {
            let w = t.norm.as_str();
            ["ها", "هم", "هما", "هن"].iter().any(|s| w.ends_with(s) && w.chars().count() > 4)
                || self.text[t.start..t.end].contains('\u{064B}')
                || ["بال", "لل", "كال"].iter().any(|p| w.starts_with(p))
        };
        if words.iter().any(|t| bad(t)) {
            return false;
        }
        // The surname (the last word) recurs: بيسكوف after دميتري بيسكوف.
        words.last().is_some_and(|t| self.freq.get(t.norm.as_str()).copied().unwrap_or(0) >= 2)
    }

    fn in_quote(&self, i: usize) -> bool {
        self.quotes.inside[i].is_some()
    }

    /// A sentence end outside quotations.
    fn is_end(&self, i: usize) -> bool {
        // «د. بلجون»: a dot after a one-letter word is an abbreviation, not a sentence end.
        let abbreviation = self.toks[i].norm == "." && i > 0 && self.toks[i - 1].is_word() && self.toks[i - 1].norm.chars().count() == 1;
        matches!(self.toks[i].kind, TokKind::End | TokKind::Para) && !self.in_quote(i) && !abbreviation
    }

    /// The first token of `i`'s sentence, at most `MAX_LOOKBACK` back (so that text without
    /// punctuation stays linear).
    fn sentence_start(&self, i: usize) -> usize {
        if i >= self.toks.len() {
            return i;
        }
        self.prev_end[i].max(i.saturating_sub(MAX_LOOKBACK))
    }

    /// The sentence end at or after `i`, at most `MAX_CONTENT` ahead.
    fn sentence_end(&self, i: usize) -> usize {
        if i >= self.toks.len() {
            return self.toks.len();
        }
        self.next_end[i].min(i + MAX_CONTENT)
    }

    /// The reporting verb at token `i`, unless it is inside a quotation or is really a noun: a
    /// word written with ة (إفادة is not أفاد + ـه) or right after a preposition (على توقع).
    fn cue(&self, i: usize) -> Option<crate::lexicon::CueMatch> {
        let t = self.toks.get(i)?;
        let ta_marbuta = self.text[t.start..t.end].chars().rev().find(|&c| crate::normalize::fold_char(c).is_some()) == Some('ة');
        // «إفادته»: إ opens the verbal noun of a form-IV verb (إفادة)، never one of its verbs.
        let masdar_hamza = self.text[t.start..t.end].starts_with('إ') && self.tags[i].cue.is_some_and(|c| self.lex.cues[c.entry].lemma.starts_with('أ'));
        let after_preposition = i > 0 && self.toks[i - 1].is_word() && self.lex.is(&self.toks[i - 1].norm, Gram::Prep);
        self.tags[i].cue.filter(|c| !self.in_quote(i) && !after_preposition && !masdar_hamza && !(ta_marbuta && c.infl.form != VerbForm::Participle))
    }

    /// A token that opens reported content: a complementizer, a colon, a quotation.
    fn opens_content(&self, i: usize) -> bool {
        self.tags[i].that.is_some() || self.toks[i].kind == TokKind::Colon || self.quotes.opening_at(i).is_some()
    }

    /// An addressee after the verb: للصحفيين، لوكالة فرانس برس، لي، له.
    fn addressee_end(&self, i: usize, limit: usize) -> Option<usize> {
        let t = self.toks.get(i).filter(|t| t.is_word())?;
        if t.norm == "ل" {
            // «لـ"فرانس برس"»: the preposition written apart, before a quoted name or a word.
            if let Some(q) = self.quotes.opening_at(i + 1) {
                return (q.close - q.open <= 6).then_some(q.close + 1);
            }
            return self.toks.get(i + 1).filter(|n| n.is_word()).map(|_| i + 2);
        }
        // «لـCNN»، «لـ"فرانس برس"»: the preposition set apart with a tatweel.
        if self.text[t.start..t.end].starts_with("لـ") {
            return Some(i + 1);
        }
        let rest = t.norm.strip_prefix('ل')?;
        let pronoun = matches!(rest, "ي" | "ه" | "ها" | "هم" | "هما" | "نا" | "كم");
        let definite = rest.starts_with('ل');
        let head = self.lex.entity_at(self.toks, i).is_some_and(|e| e.2 == 1);
        if pronoun {
            return Some(i + 1);
        }
        if !definite && !head {
            return None;
        }
        let m = mentions::parse(self.text, self.toks, self.quotes, self.lex, i, limit, true);
        Some(m.map_or(i + 1, |m| m.tok_end))
    }
}

/// Finds every statement (and question) in the text.
pub fn find(text: &str, toks: &[Token], tags: &[Tag], quotes: &Quotes, lex: &Lexicon) -> Vec<Event> {
    let mut freq = crate::fastmap::FastMap::default();
    for t in toks.iter().filter(|t| t.is_word()) {
        *freq.entry(t.norm.as_str()).or_insert(0) += 1;
    }
    let mut cx = Ctx { freq, prev_end: Vec::new(), next_end: Vec::new(), text, toks, tags, quotes, lex };
    let ends: Vec<bool> = (0..toks.len()).map(|i| cx.is_end(i)).collect();
    let mut prev_end = vec![0; toks.len()];
    let mut last = 0;
    for i in 0..toks.len() {
        prev_end[i] = last;
        if ends[i] {
            last = i + 1;
        }
    }
    let mut next_end = vec![toks.len(); toks.len()];
    let mut next = toks.len();
    for i in (0..toks.len()).rev() {
        if ends[i] {
            next = i;
        }
        next_end[i] = next;
    }
    cx.prev_end = prev_end;
    cx.next_end = next_end;
    let cx = cx;
    let mut events = Vec::new();
    // Tokens already read as part of another cue's frame (نقلاً عن inside «ذكرت رويترز نقلاً عن …»).
    let mut used = vec![false; toks.len()];
    for i in 0..toks.len() {
        if used[i] || cx.in_quote(i) {
            continue;
        }
        if let Some(cm) = cx.cue(i) {
            // «وهو ما يؤكد أن …»، «مما يشير إلى …»: a relative «what», the journalist's voice.
            // «وهو ما يؤكد»: a relative «what»; «ولم يعلق البيت الأبيض»: a negated verb said
            // nothing. Neither is a statement.
            let relative_ma = i > 0 && matches!(toks[i - 1].norm.as_str(), "ما" | "مما" | "لم" | "ولم" | "لن" | "ولن" | "فلم");
            if !relative_ma {
                if let Some(ev) = verb_statement(&cx, i, cm, &mut used) {
                    events.push(ev);
                }
            }
        } else if let Some(ev) = colon_statement(&cx, i) {
            events.push(ev);
        } else if let Some(m) = titled_person_at(&cx, i).or_else(|| clause_subject_at(&cx, i)) {
            for u in &mut used[m.tok_start..m.tok_end] {
                *u = true;
            }
            let sentence = cx.toks[cx.sentence_start(i)].start;
            events.push(Event::Seen(m, sentence));
        } else if let Some((end, joined, needs)) = lex.attribution_at(toks, i) {
            if let Some(ev) = attribution_statement(&cx, i, end, joined, needs, &mut used) {
                events.push(ev);
            }
        }
    }
    // Mark statements whose cue lies inside an earlier statement's content. An unnamed subject
    // there continues the clause it stands in: «أن السلطات السويسرية اتصلت بالقاضي وأكدت له
    // أنها …» — the authorities, named where that content begins.
    let mut outer: Vec<(usize, usize)> = Vec::new();
    for e in &mut events {
        if let Event::Statement(f) = e {
            let host = outer.iter().rev().find(|&&(a, b)| a <= f.cue.0 && f.cue.1 <= b).copied();
            f.nested = host.is_some();
            if let (Some((a, _)), Subject::Implicit { gender, .. }) = (host, &f.subject) {
                let first = toks.partition_point(|t| t.start < a);
                let end = cx.sentence_end(first);
                if let Some(m) = mentions::parse(text, toks, quotes, lex, first, end, false) {
                    let agrees = *gender == Gender::Unknown || m.gender == Gender::Unknown || m.gender == *gender;
                    let names_someone = m.class.is_some_and(|c| c != EntityClass::Document) || cx.plausible(&m);
                    if agrees && names_someone && m.tok_end < toks.partition_point(|t| t.start < f.cue.0) {
                        f.rule.push_str("; the subject of the clause it continues");
                        f.subject = Subject::Explicit(m);
                    }
                }
            }
            if let (Some(&(a, b)), Subject::Implicit { .. }) = (outer.last(), &f.subject) {
                // The cue follows that content at once, with no comma between.
                let between = &text[b.min(f.cue.0)..f.cue.0];
                if between.trim().is_empty() {
                    let first = toks.partition_point(|t| t.start < a);
                    let end = cx.sentence_end(first);
                    f.continues = mentions::parse(text, toks, quotes, lex, first, end, false)
                        .filter(|m| m.class.is_some_and(|c| c != EntityClass::Document) || cx.plausible(m));
                }
            }
            outer.push(f.content);
        }
    }
    // One content, one statement: a second cue whose content is the very same span (a relative
    // «ونشرته الصحف» before the clause of «وأكد فلان») adds nothing.
    let mut seen_contents = std::collections::HashSet::new();
    events.retain(|e| match e {
        Event::Statement(f) => seen_contents.insert(f.content),
        _ => true,
    });
    events
}

/// «المتحدث باسم الخارجية: …» — a speaker opening a paragraph (or a headline) and a colon: what
/// follows the colon is theirs (GUIDELINES: «a colon or quote right after a speaker»).
fn colon_statement(cx: &Ctx, i: usize) -> Option<Event> {
    let para_start = i == 0 || cx.toks[i - 1].kind == TokKind::Para;
    if !para_start || !cx.toks[i].is_word() {
        return None;
    }
    let end = cx.sentence_end(i);
    let m = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, i, end, false)?;
    let colon = m.tok_end;
    if cx.toks.get(colon).is_none_or(|t| t.kind != TokKind::Colon) {
        return None;
    }
    // A person with a title or a recurring name, an organization, an outlet or a source; not a
    // place or a topic («فرنسا: ممثلة …» is a dateline).
    let speaker = match m.class {
        Some(EntityClass::Place) | Some(EntityClass::Document) => false,
        Some(_) => !m.name.is_empty() || m.class != Some(EntityClass::Title) || m.definite,
        None => cx.plausible(&m),
    };
    if !speaker {
        return None;
    }
    let (content, form) = match cx.quotes.opening_at(colon + 1) {
        Some(q) => (span(cx, q.open + 1, q.close)?, Form::Direct),
        None => {
            let e = content_end(cx, colon + 1, end);
            (span(cx, colon + 1, e)?, Form::Direct)
        }
    };
    let (ca, cb) = (cx.toks.partition_point(|t| t.start < content.0), cx.toks.partition_point(|t| t.end <= content.1));
    Some(Event::Statement(Found {
        cue: (cx.toks[colon].start, cx.toks[colon].end),
        content,
        kind: kind_of(cx, CueKind::Claim, ca, cb),
        subject: Subject::Explicit(m),
        form,
        confidence: 0.7,
        rule: "a speaker and a colon at the start of a paragraph".to_string(),
        sentence: cx.toks[i].start,
        nested: false,
        continues: None,
    }))
}

/// The subject of a sentence that opens with a verb of another kind: «ورد الوزير قائلاً …»،
/// «وتقدمت مايورغا … متهمة اللاعب …». A participle or an unnamed verb later in the sentence
/// continues it. Token `i` is the word after the verb.
fn clause_subject_at(cx: &Ctx, i: usize) -> Option<Mention> {
    let v = i.checked_sub(1)?;
    let s = cx.sentence_start(v);
    // The verb opens its sentence (after an optional conjunction word).
    let opens = v == s || v == s + 1 && cx.lex.is(&cx.toks[s].norm, Gram::Conj);
    if !opens || !cx.toks[v].is_word() || cx.tags[v].cue.is_some() || cx.tags[v].that.is_some() {
        return None;
    }
    let w = &cx.toks[v].norm;
    if is_definite_word(w) || cx.lex.entity_at(cx.toks, v).is_some() || cx.lex.is(w, Gram::Stop) || cx.lex.is(w, Gram::Prep) || cx.lex.is(w, Gram::Aux) {
        return None;
    }
    let end = cx.sentence_end(i);
    let mut m = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, i, end, false)?;
    if let Some((a, b)) = m.name_toks.filter(|_| m.class == Some(EntityClass::Title)) {
        // «المفتش العام بياناً»: a lone word the text never repeats is the object, not a name.
        if b - a == 1 && a > m.tok_start && cx.freq.get(cx.toks[a].norm.as_str()).copied().unwrap_or(0) < 2 {
            m = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, i, a, false)?;
        }
    }
    let believable = match m.class {
        Some(EntityClass::Title) => !m.name.is_empty() || m.definite,
        Some(EntityClass::Document) => false,
        Some(_) => true,
        None => cx.plausible(&m),
    };
    // Only when a cue follows in the same sentence: otherwise nothing depends on it.
    let cue_follows = (m.tok_end..end).any(|k| cx.cue(k).is_some());
    (believable && cue_follows).then_some(m)
}

/// A titled, named person starting at token `i` (مدير عام الشؤون الصحية … الدكتور مصطفى بلجون).
fn titled_person_at(cx: &Ctx, i: usize) -> Option<Mention> {
    let (info, _, pre) = cx.lex.entity_at(cx.toks, i)?;
    if info.class != EntityClass::Title || pre != 0 {
        return None;
    }
    // Only at the start of a phrase: not the genitive of something before it.
    if i > 0 && cx.toks[i - 1].is_word() && cx.lex.entity_at(cx.toks, i - 1).is_some() {
        return None;
    }
    let end = cx.sentence_end(i);
    let m = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, i, end, false)?;
    // «وأصدر المفتش العام بياناً»: a word after a title is a name only if the text repeats it
    // or it has a first name too.
    let name_ok = m.name_toks.is_some_and(|(a, b)| b - a >= 2 || cx.freq.get(cx.toks[b - 1].norm.as_str()).copied().unwrap_or(0) >= 2);
    (m.class == Some(EntityClass::Title) && !m.name.is_empty() && name_ok).then_some(m)
}

/// The subject before a verb, at the start of its clause: «لكن موسكو نفت»، «وكانت وكالة رويترز،
/// ذكرت»، «إن الرئيس الأمريكي جو بايدن، أبلغ».
fn subject_before(cx: &Ctx, cue: usize) -> Option<Mention> {
    let s = cx.sentence_start(cue);
    // «لكن صديقته التي كانت معه أثناء الرحلة، نيكولا رايت، نفت ذلك»: a name between commas
    // right before the verb is the subject, in apposition to what came before it.
    if cue > s + 2 && matches!(cx.toks[cue - 1].kind, TokKind::Comma) {
        let mut a = cue - 1;
        while a > s && cue - a <= 6 && cx.toks[a - 1].is_word() {
            a -= 1;
        }
        if a > s && a < cue - 1 && matches!(cx.toks[a - 1].kind, TokKind::Comma) {
            if let Some(m) = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, a, cue - 1, false) {
                if m.tok_end == cue - 1 && !m.name.is_empty() && m.class.is_none() && cx.plausible(&m) {
                    return Some(m);
                }
            }
        }
    }
    let mut b = cue;
    let mut words = 0;
    // Why the scan stopped: only a clause boundary lets a subject stand before its verb.
    let mut at_boundary = false;
    while b > s && words < 14 {
        let t = &cx.toks[b - 1];
        if t.is_word() {
            let w = t.norm.as_str();
            if matches!(w, "قد" | "لقد") && words == 0 {
                // «وكانت وزارة العدل قد أعلنت»
                b -= 1;
                continue;
            }
            if cx.tags[b - 1].that.is_some() || cx.lex.is(w, Gram::Conj) || cx.lex.is(w, Gram::Aux) || w == "و" || w == "ف" {
                at_boundary = true;
                break;
            }
            if cx.tags[b - 1].cue.is_some() {
                return None;
            }
            words += 1;
        } else if matches!(t.kind, TokKind::Colon)
            || matches!(t.kind, TokKind::Quote(_)) && cx.quotes.opening_at(b - 1).is_none() && !cx.in_quote(b - 1) && words == 0 && !cx.quotes.closing_at(b - 1).is_some_and(|q| q.close - q.open <= 5)
        {
            // A quotation ends right before the verb («"…"، قال»); a short quoted name
            // («وكانت صحيفة "المصري اليوم" ذكرت») is part of the subject.
            at_boundary = true;
            break;
        } else if !matches!(t.kind, TokKind::Comma | TokKind::Quote(_)) {
            break;
        }
        b -= 1;
    }
    if b == s {
        at_boundary = true;
    }
    if !at_boundary {
        return None;
    }
    // «من جانبه،» and «وقد» before the subject are not part of it.
    while b < cue && (!cx.toks[b].is_word() || cx.lex.is(&cx.toks[b].norm, Gram::Aux)) {
        b += 1;
    }
    if b >= cue {
        return None;
    }
    // A clause that opens with «و» + a word that is no name or noun phrase opens with a verb
    // («وأصدر المفتش العام بياناً أكد فيه …»): its subject is not before this cue.
    let first = &cx.toks[b].norm;
    if let Some(rest) = first.strip_prefix('و').or_else(|| first.strip_prefix('ف')) {
        if !is_definite_word(rest) && cx.lex.entity_at(cx.toks, b).is_none() && cx.freq.get(first.as_str()).copied().unwrap_or(0) < 2 {
            return None;
        }
    }
    let m = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, b, cue, false)?;
    // The phrase must reach the verb (only commas and «قد» between).
    let mut k = m.tok_end;
    while k < cue && (matches!(cx.toks[k].kind, TokKind::Comma) || cx.lex.is(&cx.toks[k].norm, Gram::Aux)) {
        k += 1;
    }
    (k == cue).then_some(m)
}

/// The antecedent of a relative clause that opens with the verb: «لكاثرين مايورغا، التي تؤكد …».
fn antecedent(cx: &Ctx, cue: usize) -> Option<Mention> {
    let rel = cue.checked_sub(1)?;
    let rel_gender = match cx.toks[rel].norm.as_str() {
        "التي" | "اللواتي" => Gender::Fem,
        "الذي" | "الذين" => Gender::Masc,
        _ => return None,
    };
    // The verb agrees with its subject: «الهيئة التي قال إنها …» — a masculine verb after التي
    // has another subject; the antecedent is its object.
    if let Some(cm) = cx.tags[cue].cue {
        if cm.infl.gender != Gender::Unknown && cm.infl.gender != rel_gender {
            return None;
        }
    }
    let mut end = rel;
    while end > 0 && matches!(cx.toks[end - 1].kind, TokKind::Comma) {
        end -= 1;
    }
    // The noun phrase ending at `end`: try the nearest starts first, up to four words back.
    let mut best = None;
    for back in 1..=4 {
        let Some(a) = end.checked_sub(back) else { break };
        // Not past a word that opens an attribution or a prepositional phrase («وفق غوريا الذي»).
        if !cx.toks[a].is_word() || cx.lex.attribution_at(cx.toks, a).is_some() || cx.lex.is(&cx.toks[a].norm, Gram::Prep) {
            break;
        }
        let strip = cx.toks[a].norm.starts_with('ل') && cx.lex.entity_at(cx.toks, a).is_none_or(|e| e.2 == 1) && cx.toks[a].norm.chars().count() > 3;
        for strip_l in [false, strip] {
            if let Some(m) = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, a, end, strip_l) {
                if m.tok_end == end && (m.class.is_some() || cx.plausible(&m) || !m.name.is_empty() && strip_l) {
                    best = Some(m);
                }
            }
        }
    }
    best
}

/// Skips time adverbs, addressees, commas and the verb's preposition between `i` and `limit`.
fn skip_fillers(cx: &Ctx, mut i: usize, limit: usize, prep: Option<&str>) -> usize {
    while i < limit {
        let t = &cx.toks[i];
        if matches!(t.kind, TokKind::Comma) {
            i += 1;
            continue;
        }
        if !t.is_word() {
            break;
        }
        if cx.lex.is(&t.norm, Gram::Time) {
            i += 1;
            continue;
        }
        if prep.is_some_and(|p| p == t.norm) {
            i += 1;
            continue;
        }
        if let Some(e) = cx.addressee_end(i, limit) {
            i = e;
            continue;
        }
        break;
    }
    i
}

/// Where content that starts at `start` ends: the sentence end, or just before the next cue that
/// starts a statement of its own. Quotations are skipped whole.
fn content_end(cx: &Ctx, start: usize, sent_end: usize) -> usize {
    let mut k = start;
    while k < sent_end {
        if let Some(q) = cx.quotes.opening_at(k) {
            k = q.close + 1;
            continue;
        }
        if k > start {
            let relative = matches!(cx.toks[k - 1].norm.as_str(), "ما" | "مما" | "التي" | "الذي" | "الذين")
                || cx.lex.gram_at(cx.toks, k, Gram::Narration).is_some();
            if let Some(cm) = cx.cue(k).filter(|_| !relative) {
                // A cue whose subject opens this very clause is speech inside the content
                // («إن بايدن أبلغ بوتين أن …»): it stays in.
                let nested = subject_before(cx, k).is_some_and(|m| m.tok_start <= start + 1);
                // A participle without a clause of its own («متهمة اللاعب بـ…») describes the
                // content; with one («مشيراً إلى أن …») it starts the next statement.
                let participle = cm.infl.form == VerbForm::Participle;
                let own_clause = !participle || opens_within(cx, k + 1, sent_end, 3);
                // «ورفضوا استكمال علاجه»: a refusal of anything but an accusation says nothing,
                // so it does not start a statement either.
                let entry = &cx.lex.cues[cm.entry];
                // So do homographs that are not speech here: «عبر القنوات» (via), «بين الطرفين»
                // (between) — a verb that needs a preposition or a clause and has none.
                let needs_prep = entry.frame == Frame::Np && entry.prep.as_deref().is_some_and(|p| cx.toks.get(k + 1).is_none_or(|t| t.norm != p));
                let needs_clause = matches!(entry.frame, Frame::Clause | Frame::Relay) && !opens_within(cx, k + 1, sent_end, 8);
                let silent = entry.kind == CueKind::Reject && !rejects_accusation(cx, k + 1) || entry.kind == CueKind::Question || needs_prep || needs_clause;
                if own_clause && !silent && (!nested || cm.conj || participle) {
                    return cut_back(cx, start, k);
                }
            }
            if let Some((e, joined, needs)) = cx.lex.attribution_at(cx.toks, k) {
                // «، وفقاً لأحد المصادر» ends the content; «، حسب القانون» does not.
                let (e, joined) = if needs == Needs::Verb { (e + 1, false) } else { (e, joined) };
                let speaker = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, e, sent_end, joined).is_some_and(|m| cx.plausible(&m));
                if speaker && (matches!(cx.toks[k - 1].kind, TokKind::Comma) || cx.quotes.closing_at(k - 1).is_some()) {
                    return k;
                }
            }
        }
        k += 1;
    }
    sent_end
}

/// A bare name right after إن / أن is the subject of the clause (إن بايدن أبلغ …), even when the
/// text names it only once.
fn after_complementizer(cx: &Ctx, m: &Mention) -> bool {
    m.tok_start > 0 && cx.tags[m.tok_start - 1].that == Some(false) && !m.name.is_empty() && m.tok_end - m.tok_start <= 3
}

fn is_definite_word(w: &str) -> bool {
    w.starts_with("ال") && w.chars().count() > 3
}

/// True when one of the three words from `a` is an accusation (رفض الاتهامات، رفضت المزاعم).
fn rejects_accusation(cx: &Ctx, a: usize) -> bool {
    cx.toks[a.min(cx.toks.len())..].iter().filter(|t| t.is_word()).take(3).any(|t| {
        let w = t.norm.strip_prefix('ل').filter(|w| w.starts_with("ال")).unwrap_or(&t.norm);
        cx.lex.is(w, Gram::Accusation) || w.strip_prefix("ال").is_some_and(|w| cx.lex.is(w, Gram::Accusation))
    })
}

/// The quotation that ends right before the cue at `i` (commas and «هكذا» between).
fn quote_before(cx: &Ctx, i: usize) -> Option<crate::quotes::Quote> {
    let mut b = i;
    while b > 0 && (matches!(cx.toks[b - 1].kind, TokKind::Comma) || cx.toks[b - 1].norm == "هكذا") {
        b -= 1;
    }
    let q = b.checked_sub(1).and_then(|c| cx.quotes.closing_at(c))?;
    // Not a short quoted name («وكانت صحيفة "المصري اليوم" ذكرت»).
    (q.close - q.open > 3 || b < i).then_some(*q)
}

/// True when a complementizer, colon or quotation opens within `n` tokens from `i`.
fn opens_within(cx: &Ctx, i: usize, end: usize, n: usize) -> bool {
    (i..end.min(i + n)).any(|j| cx.opens_content(j))
}

/// Content cut before the cue at `k`: back over the clause that leads to it (its conjunction,
/// relative pronoun or subject), to the comma that opens it when one is close.
fn cut_back(cx: &Ctx, start: usize, k: usize) -> usize {
    let mut c = k;
    let mut steps = 0;
    while c > start + 1 && steps < 6 {
        if matches!(cx.toks[c - 1].kind, TokKind::Comma) {
            return c - 1;
        }
        c -= 1;
        steps += 1;
    }
    k
}

/// The byte range of tokens `a..b`, trimmed of punctuation at both ends (quotation marks are kept
/// when they close a quotation that the range opens, and dropped otherwise).
fn span(cx: &Ctx, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    let trim = |t: &Token| matches!(t.kind, TokKind::Comma | TokKind::Colon | TokKind::End | TokKind::Para | TokKind::Quote(_) | TokKind::Other);
    while a < b && trim(&cx.toks[a]) {
        a += 1;
    }
    while b > a && trim(&cx.toks[b - 1]) {
        b -= 1;
    }
    (a < b).then(|| (cx.toks[a].start, cx.toks[b - 1].end))
}

/// Like `span`, but a quotation mark that opens the range stays in it.
fn span_keep_quotes(cx: &Ctx, a: usize, b: usize) -> Option<(usize, usize)> {
    let (s, e) = span(cx, a, b)?;
    Some((cx.toks[a].start.min(s), e))
}

fn has_quote(cx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).any(|k| cx.quotes.opening_at(k).is_some())
}

fn kind_of(cx: &Ctx, cue_kind: CueKind, a: usize, b: usize) -> StatementKind {
    if cue_kind == CueKind::Denial || cue_kind == CueKind::Reject {
        return StatementKind::Denial;
    }
    let words: Vec<&str> = cx.toks[a..b].iter().filter(|t| t.is_word()).map(|t| t.norm.as_str()).collect();
    // «أعلنت …، رفضها لاتهامات …»: announcing one's rejection of an accusation is a denial.
    let accusation = |w: &str| {
        let w = w.strip_prefix('ل').unwrap_or(w);
        let w = w.strip_prefix("ال").unwrap_or(w);
        cx.lex.is(w, Gram::Accusation)
    };
    if words.first().is_some_and(|w| w.starts_with("رفض") || w.starts_with("نفي")) && words.iter().skip(1).take(3).any(|w| accusation(w)) {
        return StatementKind::Denial;
    }
    if cx.lex.has_denial_phrase(&words) {
        StatementKind::Denial
    } else {
        StatementKind::Claim
    }
}

fn verb_statement(cx: &Ctx, i: usize, cm: crate::lexicon::CueMatch, used: &mut [bool]) -> Option<Event> {
    let entry = &cx.lex.cues[cm.entry];
    if cm.infl.first_person {
        return None;
    }
    // The journalist's own voice: «ويذكر أن»، «يشار إلى أن».
    if cx.lex.gram_at(cx.toks, i, Gram::Narration).is_some() {
        return None;
    }
    let sent_end = cx.sentence_end(i);
    let prep = entry.prep.as_deref();
    let mut rule = String::new();

    // 1. The subject.
    let mut subject = None;
    let mut after = i + 1;
    if !cm.conj && cm.infl.form != VerbForm::Participle {
        // A definite noun phrase opening the clause is its subject too (الأهلي ينفي، الحكومة تقول).
        let definite_subject = |m: &Mention| m.class.is_none() && m.name.is_empty() && m.definite && m.tok_end - m.tok_start <= 3;
        if let Some(m) = subject_before(cx, i).filter(|m| cx.plausible(m) || after_complementizer(cx, m) || definite_subject(m)) {
            rule.push_str("subject before the verb");
            subject = Some(m);
        } else if let Some(m) = antecedent(cx, i) {
            rule.push_str("the antecedent of «التي / الذي»");
            subject = Some(m);
        }
    }
    if subject.is_none() && cm.infl.form != VerbForm::Participle {
        let mut p = skip_fillers(cx, i + 1, sent_end, None);
        // «وأكد كل من الوزير … والسفير …»: the first member speaks (GUIDELINES: «Several
        // speakers at once»).
        if p + 1 < sent_end && cx.toks[p].norm == "كل" && cx.toks[p + 1].norm == "من" {
            p += 2;
        }
        if p < sent_end && !cx.opens_content(p) && prep.is_none_or(|pr| cx.toks[p].norm != pr) {
            let opens_after = |m: &Mention| {
                let next = skip_fillers(cx, m.tok_end, sent_end, prep);
                next < sent_end && cx.opens_content(next)
            };
            let believable = |m: &Mention| {
                // Right before the content (قال فلان إن …، قال فلان: …) anything is the subject.
                let next = skip_fillers(cx, m.tok_end, sent_end, prep);
                // (Not for «وصف X بأنه …», where what stands before بأن is the object.)
                let opens = opens_after(m) && entry.frame != Frame::Np;
                let np_subject = entry.frame == Frame::Np
                    && next < sent_end
                    && cx.toks[m.tok_start].norm.starts_with("ال")
                    && !cx.lex.is(cx.toks[m.tok_start].norm.trim_start_matches("ال"), Gram::Accusation);
                opens || np_subject || cx.plausible(m)
            };
            let mut parsed = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, p, sent_end, false);
            // «وأكدت والدتها توقف التنفس»: a lone word after a title, said nowhere else, is more
            // likely what follows the subject than the subject's name.
            let once = |k: usize| cx.freq.get(cx.toks[k].norm.as_str()).copied().unwrap_or(0) < 2;
            for _ in 0..2 {
                let Some(m) = &parsed else { break };
                let Some((a, b)) = m.name_toks else { break };
                if a == m.tok_start || opens_after(m) {
                    break;
                }
                if b == a + 1 && once(a) {
                    parsed = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, p, a, false);
                } else if b == a + 2 && is_definite_word(&cx.toks[a + 1].norm) && once(a + 1) {
                    // «توقف التنفس»: a one-time article-word «surname» is what follows, too.
                    parsed = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, p, a + 1, false);
                } else {
                    break;
                }
            }
            if let Some(m) = parsed.filter(|m| believable(m) || m.class == Some(EntityClass::Title)) {
                after = m.tok_end;
                rule.push_str("subject after the verb");
                for u in &mut used[m.tok_start..m.tok_end] {
                    *u = true;
                }
                subject = Some(m);
            }
        }
    }
    // «كشف أحد محامي رونالدو، المتهم بعملية اغتصاب …، ما دار …»: a descriptive apposition
    // between commas after the subject is not content.
    if subject.is_some() && after < sent_end && matches!(cx.toks[after].kind, TokKind::Comma) {
        let seg = after + 1;
        if cx.toks.get(seg).is_some_and(|t| t.is_word() && is_definite_word(&t.norm)) {
            let mut e = seg;
            while e < sent_end && e - seg < 12 && cx.toks[e].kind != TokKind::Comma && cx.cue(e).is_none() && cx.tags[e].that.is_none() && cx.quotes.opening_at(e).is_none() {
                e += 1;
            }
            if e < sent_end && e > seg + 1 && cx.toks[e].kind == TokKind::Comma {
                after = e + 1;
            }
        }
    }
    // «ونقلت الصحيفة عن رايت قولها: …»: the one quoted is the speaker (GUIDELINES: «An outlet
    // passing on a named person's words»).
    if entry.frame == Frame::Relay && after < sent_end && prep.is_some_and(|p| cx.toks[after].norm == p) {
        if let Some(src) = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, after + 1, sent_end, false).filter(|m| cx.plausible(m) || !m.name.is_empty()) {
            let mut a = src.tok_end;
            if cx.toks.get(a).is_some_and(|t| t.norm.starts_with("قول")) {
                a += 1;
            }
            if src.class != Some(EntityClass::Anonymous) || subject.is_none() {
                rule.push_str(", passed on by an outlet");
                for u in &mut used[src.tok_start..src.tok_end] {
                    *u = true;
                }
                subject = Some(src);
            }
            after = a;
        }
    }
    // «ذكرت رويترز نقلاً عن مصادر»: the attribution belongs to this verb's frame.
    let mut k = skip_fillers(cx, after, sent_end, prep);
    if let Some((end, joined, _)) = cx.lex.attribution_at(cx.toks, k) {
        for u in &mut used[k..end] {
            *u = true;
        }
        let src = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, end, sent_end, joined);
        if let Some(src) = src {
            k = skip_fillers(cx, src.tok_end, sent_end, prep);
            // A named person passed on by an outlet is the speaker (GUIDELINES: «An outlet passing
            // on a named person's words»); anonymous sources leave the outlet as speaker.
            if !src.name.is_empty() && src.class != Some(EntityClass::Anonymous) && src.class != Some(EntityClass::Media) && subject.as_ref().is_some_and(|s| s.class == Some(EntityClass::Media)) {
                subject = Some(src);
                rule.push_str(", passed on by an outlet");
            }
        }
    }

    // An object or adjunct may stand between the subject and the clause (أبلغ بايدن نظيره أن …).
    if entry.frame != Frame::Np && k < sent_end && !cx.opens_content(k) {
        let mut j = k;
        // Questions and verbs with an object pronoun in between are clauses of their own
        // («في بيان أرسلته شركة …، ونشرته الصحف …، بأن …»): the search passes them.
        let passable = |j: usize| cx.cue(j).is_some_and(|c| cx.lex.cues[c.entry].kind == CueKind::Question || c.enclitic);
        while j < sent_end && j - k < 24 && (cx.cue(j).is_none() || passable(j)) && cx.lex.attribution_at(cx.toks, j).is_none() {
            if let Some(q) = cx.quotes.opening_at(j) {
                // A short quotation after a word is a name or a term («شركة "جيستيفوت"»), not
                // the content; anything else is.
                let short = q.close - q.open <= 4 && j > 0 && cx.toks[j - 1].is_word();
                if !short {
                    // «وقال بايدن لوسائل الإعلام بعد المكالمة “…”»: the quotation is the content
                    // when only adverbials stand before it; after an object noun («أعلنت رفضها
                    // لاتهامات … "…"») it is part of a noun-phrase content.
                    let adverbial = |x: &Token| cx.lex.is(&x.norm, Gram::Prep) || cx.lex.is(&x.norm, Gram::Time);
                    if cx.toks.get(k).is_some_and(|t| adverbial(t) || !t.is_word()) {
                        k = j;
                    }
                    break;
                }
                j = q.close + 1;
                continue;
            }
            // «وأن» coordinates a clause that is already someone's content: not an opening.
            let coordinated = cx.toks[j].norm.starts_with('و');
            if cx.tags[j].that.is_some() && !coordinated || cx.toks[j].kind == TokKind::Colon {
                k = j;
                break;
            }
            j += 1;
        }
    }
    // 2. The content.
    // A colon and a quotation soon after the subject carry the content whatever the frame
    // («وأعرب العضو الجمهوري …: «…»»).
    let colon_quote = (k..sent_end.min(k + 24)).find(|&j| cx.toks[j].kind == TokKind::Colon && cx.quotes.opening_at(j + 1).is_some() && (k..j).all(|x| cx.cue(x).is_none()));
    if let Some(j) = colon_quote {
        k = j;
    }
    let (content, form) = if entry.frame == Frame::Np && entry.kind != CueKind::Question && colon_quote.is_none() {
        // A verb listed with its preposition needs it: «عبّر عن استعداده», not «عبر القنوات».
        if let Some(p) = prep {
            let at = skip_fillers(cx, after, sent_end, None);
            if cx.toks.get(at).is_none_or(|t| t.norm != p) {
                return None;
            }
        }
        let start = skip_fillers(cx, after, sent_end, prep);
        let end = content_end(cx, start, sent_end);
        (span(cx, start, end), if has_quote(cx, start, end) { Form::Mixed } else { Form::Indirect })
    } else if k < sent_end && cx.toks[k].kind == TokKind::Colon {
        let q = cx.quotes.opening_at(k + 1).copied();
        match q {
            Some(q) => (span(cx, q.open + 1, q.close), Form::Direct),
            None => {
                let end = content_end(cx, k + 1, sent_end);
                (span(cx, k + 1, end), Form::Direct)
            }
        }
    } else if let Some(q) = cx.quotes.opening_at(k).copied() {
        // «وحذر من "التبعات السلبية" للحرب …»: a quotation that the clause goes on after is part
        // of a noun-phrase content.
        let goes_on = cx.toks.get(q.close + 1).is_some_and(|t| t.is_word() && cx.cue(q.close + 1).is_none());
        if goes_on {
            let end = content_end(cx, k, sent_end);
            (span_keep_quotes(cx, k, end), Form::Mixed)
        } else {
            (span(cx, q.open + 1, q.close), Form::Direct)
        }
    } else if k < sent_end && cx.tags[k].that.is_some() {
        // إن / أن: the particle itself is left out; with a pronoun (أنه) the content starts at it.
        let start = if cx.tags[k].that == Some(true) { k } else { k + 1 };
        let end = content_end(cx, start, sent_end);
        (span(cx, start, end), if has_quote(cx, start, end) { Form::Mixed } else { Form::Indirect })
    } else if let Some(q) = quote_before(cx, i) {
        // «“…”، قال فلان للصحفيين»، «"…"، هكذا قال فلان»: the quotation before the verb, when
        // nothing after it opens a content of its own.
        (span(cx, q.open + 1, q.close), Form::Direct)
    } else if k >= sent_end || cx.toks[k].kind == TokKind::End {
        (None, Form::Indirect)
    } else {
        // A noun phrase (أعلن استعداد بلاده …).
        let end = content_end(cx, k, sent_end);
        (span(cx, k, end), if has_quote(cx, k, end) { Form::Mixed } else { Form::Indirect })
    };
    let mut content = content?;
    // «الرسالة التي قال بايدن إنه أرسلها يوم الجمعة، مماثلة …»: speech inside a relative
    // clause ends with the clause, at its comma.
    if i > 0 && matches!(cx.toks[i - 1].norm.as_str(), "التي" | "الذي" | "الذين") && form != Form::Direct {
        let first = cx.toks.partition_point(|t| t.start < content.0);
        if let Some(c) = (first..cx.toks.len()).take_while(|&c| cx.toks[c].end <= content.1).find(|&c| cx.toks[c].kind == TokKind::Comma && !cx.in_quote(c)) {
            if let Some(shorter) = span(cx, first, c) {
                content = shorter;
            }
        }
    }
    // Without a named subject, a verb that takes a clause must have one (or a quotation): «وأضاف
    // أن …»، «مشيراً إلى أن …». A bare noun phrase after it is more often not speech at all
    // (كشف النقاب عن …).
    // A clause: the إن / أن particle, or a quotation that is the whole content.
    let clause = cx.tags.get(k).is_some_and(|t| t.that.is_some()) || form == Form::Direct;
    let (ca, cb) = (cx.toks.partition_point(|t| t.start < content.0), cx.toks.partition_point(|t| t.end <= content.1));
    // …unless the noun phrase itself dismisses something («أكدت فيه عدم صحة ما ورد …»).
    let dismissal = kind_of(cx, CueKind::Claim, ca, cb) == StatementKind::Denial;
    if subject.is_none() && matches!(entry.frame, Frame::That | Frame::Relay) && !clause && !dismissal {
        return None;
    }
    // Verbs whose other senses are common (بيّن «between», لاحظ) count only before a clause.
    if matches!(entry.frame, Frame::Clause | Frame::Relay) && !clause {
        return None;
    }

    if entry.kind == CueKind::Question {
        // Only who was asked matters: they answer next («سأل صحفي الوزير … فقال»).
        let p = skip_fillers(cx, i + 1, sent_end, None);
        let asker = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, p, sent_end, false);
        if let Some(asker) = asker {
            let q = skip_fillers(cx, asker.tok_end, sent_end, None);
            if let Some(m) = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, q, sent_end, false) {
                return Some(Event::Asked(m));
            }
        }
        return None;
    }
    let mut kind = kind_of(cx, entry.kind, ca, cb);
    if entry.kind == CueKind::Reject {
        // رفض is a denial only when what is rejected is an accusation.
        if !rejects_accusation(cx, ca) {
            return None;
        }
        kind = StatementKind::Denial;
    }
    let mut confidence: f32 = match form {
        Form::Direct => 0.9,
        Form::Mixed => 0.85,
        Form::Indirect => 0.8,
    };
    let subject = match subject {
        Some(m) => {
            if m.name.is_empty() {
                confidence -= 0.05;
            }
            Subject::Explicit(m)
        }
        None => {
            confidence -= 0.1;
            rule.push_str(if cm.infl.form == VerbForm::Participle {
                "participle continuing the current speaker"
            } else {
                "no named subject: the current speaker"
            });
            Subject::Implicit { gender: cm.infl.gender, plural: cm.infl.plural }
        }
    };
    if entry.frame == Frame::Np || form == Form::Indirect && cx.tags.get(k).is_none_or(|t| t.that.is_none()) {
        confidence -= 0.05;
    }
    Some(Event::Statement(Found {
        cue: (cx.toks[i].start, cx.toks[i].end),
        content,
        subject,
        kind,
        form,
        confidence: confidence.clamp(0.05, 0.99),
        rule: format!("verb «{}» ({:?}); {}", entry.lemma, form, rule),
        sentence: cx.toks[cx.sentence_start(i)].start,
        nested: false,
        continues: None,
    }))
}

fn attribution_statement(cx: &Ctx, a: usize, mut end: usize, joined: bool, needs: Needs, used: &mut [bool]) -> Option<Event> {
    let sent_start = cx.sentence_start(a);
    let sent_end = cx.sentence_end(a);
    if needs == Needs::Verb {
        // «بحسب ما أفاد مصدر قضائي»: the verb belongs to the phrase, the speaker follows it.
        cx.cue(end)?;
        used[end] = true;
        end += 1;
    }
    let m = mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, end, sent_end, joined && needs != Needs::Verb).filter(|m| cx.plausible(m))?;
    if needs == Needs::Document && m.class != Some(EntityClass::Organization) && !cx.toks[end].norm.contains("بيان") {
        return None;
    }
    // Content before the phrase («…، وفقاً لأحد المصادر») or after it («وبحسب الصحيفة، فإن …»).
    let lead_words = (sent_start..a).filter(|&k| cx.toks[k].is_word()).count();
    // A second member («وموقع أوتوكار المتخصص …») is not content.
    let mut m_end = m.tok_end;
    while m_end < sent_end && cx.toks[m_end].norm.starts_with('و') && cx.lex.entity_at(cx.toks, m_end).is_some_and(|e| e.2 == 1) {
        match mentions::parse(cx.text, cx.toks, cx.quotes, cx.lex, m_end, sent_end, false) {
            Some(second) if second.tok_end > m_end => m_end = second.tok_end,
            _ => break,
        }
    }
    // «أكدت فيه عدم صحة ما ورد على لسان الأب»: an attribution after a cue in the same sentence
    // is part of that statement's content, not an attribution of the sentence.
    if lead_words >= 3 && (sent_start..a).any(|k| cx.cue(k).is_some()) {
        return None;
    }
    let (content, rule) = if lead_words >= 3 {
        (span(cx, sent_start, a), "attribution after its content")
    } else {
        let mut k = m_end;
        // What is left of the speaker's phrase up to its comma (وموقع أوتوكار المتخصص في
        // السيارات، فإن …) is not content either.
        if let Some(c) = (k..sent_end.min(k + 10)).find(|&c| cx.toks[c].kind == TokKind::Comma) {
            if (k..c).all(|x| cx.cue(x).is_none() && cx.tags[x].that.is_none() && cx.quotes.opening_at(x).is_none()) {
                k = c;
            }
        }
        // Skip what is not content: commas, addressees (للمكالمة) and a particle (فإن، أن).
        while k < sent_end && (matches!(cx.toks[k].kind, TokKind::Comma) || cx.toks[k].norm.starts_with('ل') && k == m_end) {
            k += 1;
        }
        if k < sent_end && (cx.tags[k].that == Some(false) || matches!(cx.toks[k].norm.as_str(), "فان" | "فانه" | "فانها")) {
            k += 1;
        }
        let e = content_end(cx, k, sent_end);
        (span(cx, k, e), "attribution before its content")
    };
    let content = content?;
    let (ca, cb) = (cx.toks.partition_point(|t| t.start < content.0), cx.toks.partition_point(|t| t.end <= content.1));
    let words: Vec<&str> = cx.toks[ca..cb].iter().filter(|t| t.is_word()).map(|t| t.norm.as_str()).collect();
    let kind = if cx.lex.has_denial_phrase(&words) { StatementKind::Denial } else { StatementKind::Claim };
    Some(Event::Statement(Found {
        cue: (cx.toks[a].start, cx.toks[end - 1].end),
        content,
        subject: Subject::Explicit(m),
        kind,
        form: Form::Indirect,
        confidence: 0.7,
        rule: rule.to_string(),
        sentence: cx.toks[sent_start].start,
        nested: false,
        continues: None,
    }))
}
