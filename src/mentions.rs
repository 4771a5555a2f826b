//! Mentions: the noun phrases that name a speaker — «المتحدث الرسمي باسم الرئاسة الروسية، دميتري
//! بيسكوف»، «وكالة رويترز»، «مسؤول أمريكي كبير لم يذكر اسمه»، «بيان صادر عن مكتب بوتين».
//!
//! Arabic writes no capitals, so a name is told from a title by its shape: a title is a head word
//! from `entities.tsv` with its definite or genitive complements and nisba adjectives (الرئيس
//! الروسي، رئيس اللجنة الدولية في مجلس الاتحاد الروسي); a name is a run of indefinite words that
//! are not function words (جو بايدن). Appositions between commas join the phrase.

use crate::lexicon::{EntityAt, EntityClass, Gender, Gram, Lexicon, Tag, Word};
use crate::quotes::Quotes;
use crate::tokenize::{TokKind, Token};

/// The text as the phrase grammar reads it: its tokens, what the tagger found at each (so no
/// word is looked up again here), and its quotations. The lexicon is here only for the one word
/// the grammar derives itself, a first word without its لـ, which no tag describes.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub tags: &'a [Tag],
    pub quotes: &'a Quotes,
    pub lex: &'a Lexicon,
}

impl<'a> Doc<'a> {
    /// The entity phrase starting at token `k`, if any (none past the end).
    #[inline]
    pub fn entity(&self, k: usize) -> Option<EntityAt> {
        self.tags.get(k).and_then(|t| t.entity)
    }

    /// Token `k` and its tag, if there is one.
    #[inline]
    pub fn tok(&self, k: usize) -> Option<(&'a Token, &'a Tag)> {
        Some((self.toks.get(k)?, self.tags.get(k)?))
    }

    /// The word facts of token `k`.
    #[inline]
    pub fn word(&self, k: usize) -> Word {
        self.tags[k].word
    }
}

/// A speaker as one passage of the text names it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte range of the whole phrase.
    pub start: usize,
    pub end: usize,
    /// Token range of the whole phrase.
    pub tok_start: usize,
    pub tok_end: usize,
    /// The proper name, as written (دميتري بيسكوف); empty when the phrase has none.
    pub name: String,
    /// Titles and appositions, as written (المتحدث الرسمي باسم الرئاسة الروسية).
    pub role: String,
    /// What the head of the phrase says the speaker is; `None` for a bare name.
    pub class: Option<EntityClass>,
    pub gender: Gender,
    /// Folded head word of the title, without ال (رييس), for matching «الرئيس الديمقراطي» to a
    /// person introduced with the same title.
    pub title_head: Option<String>,
    /// Folded words of the name (or of the whole phrase when it has no name), for coreference.
    pub key: Vec<String>,
    /// Token range of the name, when the phrase has one.
    pub name_toks: Option<(usize, usize)>,
    /// A definite phrase (المتحدث، محامي اللاعب، صديقته) may refer back to someone already
    /// named; an indefinite one (متحدث باسم الوزارة، مصدر) introduces someone new.
    pub definite: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Start,
    /// After an indefinite head or noun: a genitive complement may follow (رئيس اللجنة).
    Construct,
    /// After a definite word: only adjectives follow.
    Definite,
    Name,
}

fn is_definite(w: &str) -> bool {
    w.starts_with("ال") && w.chars().count() > 3
}

/// Nisba adjectives (الروسي، أمريكية، البريطانيون) by their ending.
fn is_nisba(w: &str) -> bool {
    // With the article a three-letter stem will do: الصحي، الطبي، الفني.
    let (w, min) = w.strip_prefix("ال").map_or((w, 4), |r| (r, 3));
    w.chars().count() >= min && (w.ends_with('ي') || w.ends_with("يه") || w.ends_with("يون") || w.ends_with("يين"))
}

/// Is token `k` a word that could be part of a name, with no article (جو، بايدن)?
fn indefinite_name_word(doc: &Doc, k: usize) -> bool {
    doc.tok(k).is_some_and(|(n, g)| n.is_word() && !is_definite(&n.norm) && g.word.name_like)
}

/// Joins the original text of tokens `a..b`, dropping quotation marks and trailing commas.
pub fn text_of(text: &str, toks: &[Token], a: usize, b: usize) -> String {
    let mut out = String::new();
    let mut last_end = None;
    for t in &toks[a..b.min(toks.len())] {
        if matches!(t.kind, TokKind::Quote(_) | TokKind::Para) {
            continue;
        }
        if let Some(e) = last_end {
            if t.start > e || matches!(t.kind, TokKind::Word | TokKind::Number) && !out.is_empty() {
                out.push(' ');
            }
        }
        out.push_str(&text[t.start..t.end]);
        last_end = Some(t.end);
    }
    out.trim_matches(|c: char| c == '،' || c == ',' || c.is_whitespace()).replace(" ،", "،").replace(" ,", ",")
}

/// Parses a speaker phrase starting at token `i`, not reaching `limit`. With `strip_l`, the
/// first word carries a preposition لـ (وفقاً لأحد المصادر) that is not part of the name.
pub fn parse(doc: &Doc, i: usize, limit: usize, strip_l: bool) -> Option<Mention> {
    let Doc { text, toks, quotes, lex, .. } = *doc;
    let limit = limit.min(toks.len());
    // The first word without its لـ: للولايات → الولايات. The one word no tag describes.
    let first_stripped = (strip_l && i < limit).then(|| {
        let norm = &toks[i].norm;
        let stripped = norm.strip_prefix('ل').unwrap_or(norm);
        // للولايات: ل + الولايات
        let w = if stripped.starts_with('ل') { format!("ا{stripped}") } else { stripped.to_string() };
        let facts = lex.word(&w, lex.cue(&w).is_some(), lex.complementizer(&w).is_some());
        (w, facts)
    });
    let mut j = i;
    let mut state = State::Start;
    let mut class: Option<EntityClass> = None;
    let mut gender = Gender::Unknown;
    let mut title_head = None;
    // Token ranges of the title part and of the name part.
    let mut title: Option<(usize, usize)> = None;
    let mut name: Option<(usize, usize)> = None;
    let mut issuer: Option<(usize, usize)> = None;
    // The issuer was named with a joined لـ (تقرير لمنظمة …), which its name drops.
    let mut issuer_stripped = false;
    let mut appositions = 0;
    let mut words = 0;
    // «محامي النجم البرتغالي كريستيانو رونالدو»: a person noun in the genitive owns the name that
    // follows, so the speaker is the lawyer, unnamed here.
    let mut genitive_person = false;
    // The index just after the head word(s): only a name right after an indefinite head is in
    // construct with it; further indefinite words continue a genitive chain (رئيس لجنة مكافحة).
    let mut head_end: Option<usize> = None;
    let mut name_of_genitive = false;
    // A person's title names a body (المتحدث باسم الاتحاد …): a لـ-genitive after it is the body's.
    let mut body_in_title = false;
    while j < limit && words < 14 {
        let t = &toks[j];
        match t.kind {
            TokKind::Word => {}
            TokKind::Quote(_)
                if matches!(class, Some(EntityClass::Media | EntityClass::Organization))
                    // A body's quoted name inside a title: «المحللة في شركة "كوموديتي إنسايت"».
                    || j > i
                        && doc.entity(j - 1).is_some_and(|e| {
                            e.pre == 0 && matches!(e.info.class, EntityClass::Media | EntityClass::Organization)
                        }) =>
            {
                // A name in quotes after its head: صحيفة "واشنطن بوست".
                if let Some(q) = quotes.opening_at(j) {
                    if q.close - q.open <= 5 && q.close < limit {
                        if matches!(class, Some(EntityClass::Media | EntityClass::Organization)) {
                            extend(&mut name, j + 1, q.close);
                        } else {
                            extend(&mut title, j, q.close + 1);
                        }
                        j = q.close + 1;
                        // Adjectives may follow: صحيفة «نيويورك تايمز» الأميركية.
                        state = State::Definite;
                        continue;
                    }
                }
                break;
            }
            TokKind::Comma if state != State::Start && anonymity_clause(doc, j + 1, limit).is_some() => {
                // «مصدر قضائي، طلب عدم الكشف عن هويته لأنه غير مخول …،»: part of the source.
                // (It makes the phrase end later, but it is no part of the role.)
                let end = anonymity_clause(doc, j + 1, limit).unwrap_or(j + 1);
                if matches!(class, None | Some(EntityClass::Title)) && name.is_none() {
                    class = Some(EntityClass::Anonymous);
                }
                j = end;
                break;
            }
            // A quoted name opening the phrase: «وكانت "ماركا" قد ذكرت» (an outlet or a page
            // known by its name alone).
            TokKind::Quote(_) if j == i && state == State::Start => {
                let Some(q) = quotes.opening_at(j).filter(|q| q.close - q.open <= 5 && q.close < limit) else { break };
                if q.close == q.open + 1 || !(q.open + 1..q.close).all(|k| toks[k].is_word()) {
                    break;
                }
                extend(&mut name, j + 1, q.close);
                words += q.close - q.open - 1;
                j = q.close + 1;
                state = State::Definite;
                continue;
            }
            // An acronym in brackets after a body's name: «وكالة السودان للأنباء (سونا)».
            TokKind::Open if matches!(class, Some(EntityClass::Media | EntityClass::Organization)) => {
                let Some(close) = short_brackets(toks, j, limit) else { break };
                j = close + 1;
                state = State::Definite;
                continue;
            }
            TokKind::Comma if appositions < 2 && state != State::Start => {
                // An apposition between commas: «المتحدث …، دميتري بيسكوف،» or «بيسكوف، المتحدث …،».
                let mut k = j + 1;
                while k < limit && toks[k].is_word() && k - j <= 9 {
                    k += 1;
                }
                let closes = k > j + 1 && (k >= limit || matches!(toks[k].kind, TokKind::Comma | TokKind::Colon));
                if !closes {
                    break;
                }
                // «وهو مسؤول باتحاد …»: a relative apposition, read as a title.
                let mut a = j + 1;
                if matches!(toks[a].norm.as_str(), "وهو" | "وهي" | "هو" | "هي") {
                    a += 1;
                }
                let inner = if a < k { parse(doc, a, k, false) } else { None };
                let titled = inner.as_ref().is_some_and(|m| m.title_head.is_some() || m.class.is_some()) || a > j + 1;
                match inner {
                    Some(m) if name.is_none() && !m.name.is_empty() && m.tok_end == k => {
                        // Title first, then the name: «المتحدث …، دميتري بيسكوف،».
                        name = Some(name_range(toks, &m));
                        if matches!(class, None | Some(EntityClass::Title) | Some(EntityClass::Anonymous)) {
                            class = Some(EntityClass::Title);
                        }
                    }
                    _ if name.is_some() && title.is_none() && titled => {
                        // Name first, then its title: «بيسكوف، المتحدث باسم الكرملين،».
                        title = Some((a, k));
                        if let Some(m) = &inner {
                            title_head = m.title_head.clone();
                            if gender == Gender::Unknown {
                                gender = m.gender;
                            }
                        }
                        if class.is_none() {
                            class = Some(EntityClass::Title);
                        }
                    }
                    _ => break,
                }
                appositions += 1;
                j = k;
                continue;
            }
            _ => break,
        }
        // A genitive with لـ inside a title or a body's name: «المدير العام للشركة نبيل حسن»،
        // «الأمين العام للأمم المتحدة»، «الهيئة العامة للأرصاد الجوية»، «الاتحاد التونسي لكرة
        // القدم». After a person's title it must lead on to the name, or it is the addressee
        // («وقال الوزير للصحفيين إن …»).
        let person = matches!(class, Some(EntityClass::Title) | Some(EntityClass::Anonymous));
        // (A document takes one in any state: «استطلاع للرأي أجراه معهد …».)
        // (A body after لـ is the document's issuer, read below: «تقرير لمنظمة العفو».)
        let document_open = class == Some(EntityClass::Document)
            && issuer.is_none()
            && doc.entity(j).is_none_or(|e| e.pre != 1 || e.info.class == EntityClass::Title);
        if let Some(end) = genitive_with_l(doc, j, limit).filter(|_| {
            (state == State::Definite || document_open) && (name.is_none() || !person) && class.is_some() && j > i
        }) {
            let name_at = |k: usize| indefinite_name_word(doc, k);
            // (A nationality may stand before the name: «للفريق، البرتغالي جواو بينتو».)
            let name_after_comma = |k: usize| {
                let mut k = k;
                while toks.get(k).is_some_and(|n| n.is_word() && is_definite(&n.norm) && is_nisba(&n.norm)) {
                    k += 1;
                }
                name_at(k)
            };
            // …or to a name in apposition: «المحللة في شركة "…" للأبحاث، لينا الحسيني،».
            // Genitives may chain: «الأمين العام لمجلس التعاون لدول الخليج العربية، خالد …».
            // So may a place: «منسقة الشؤون الإنسانية للأمم المتحدة في السودان، كلير …».
            let mut e = end;
            loop {
                if let Some(e2) = genitive_with_l(doc, e, limit).filter(|&e2| e2 > e && e2 - end < 8) {
                    e = e2;
                } else if toks.get(e).is_some_and(|t| t.norm == "في")
                    && toks
                        .get(e + 1)
                        .is_some_and(|t| t.is_word() && (is_definite(&t.norm) || doc.entity(e + 1).is_some()))
                    && e + 2 <= limit
                    && e + 2 - end < 8
                {
                    e += 2;
                } else {
                    break;
                }
            }
            let leads_to_name =
                name_at(e) || toks.get(e).is_some_and(|n| n.kind == TokKind::Comma) && name_after_comma(e + 1);
            // After a body named in the title the genitive is the body's: «المتحدث باسم الاتحاد
            // المصري لكرة القدم».
            if !person || leads_to_name || body_in_title {
                if person {
                    extend(&mut title, j, end);
                } else {
                    add_part(&mut title, &mut name, class, j, end);
                }
                words += end - j;
                // «لشرطة منطقة الرياض»: an indefinite genitive governs the next word in turn.
                state = if is_definite(&toks[end - 1].norm) { State::Definite } else { State::Construct };
                j = end;
                continue;
            }
        }
        // An addressee ends the phrase: «كاثرين تاي لشبكة "سي إن بي سي"»، «الوزير للصحفيين».
        if j > i && !(class == Some(EntityClass::Document) && issuer.is_none()) {
            if let Some(rest) = t.norm.strip_prefix('ل') {
                if rest.starts_with('ل') || doc.entity(j).is_some_and(|e| e.pre == 1) {
                    break;
                }
            }
        }
        // «و» starts a second member (صحيفة فاينانشال تايمز وموقع أوتوكار): the first member is
        // the speaker (GUIDELINES: «Several speakers at once»).
        if j > i && t.norm.starts_with('و') && state != State::Start {
            let rest = &t.norm['و'.len_utf8()..];
            // Inside a person's title a definite word after «و» coordinates a genitive: «رئيس
            // لجنة المالية والميزانية».
            let in_genitive = class == Some(EntityClass::Title)
                && body_in_title
                && state == State::Definite
                && name.is_none()
                && doc.entity(j).is_none()
                && toks[j - 1].is_word()
                && is_definite(&toks[j - 1].norm)
                && title.is_some_and(|(a, _)| j - a >= 2);
            if (is_definite(rest) && !in_genitive) || doc.entity(j).is_some_and(|e| e.pre == 1) {
                break;
            }
            if in_genitive && is_definite(rest) {
                extend(&mut title, j, j + 1);
                j += 1;
                words += 1;
                continue;
            }
        }
        // The word here and what the word lists say of it.
        let (w, wd): (&str, Word) = match &first_stripped {
            Some((s, facts)) if j == i => (s.as_str(), *facts),
            _ => (t.norm.as_str(), doc.word(j)),
        };
        // The lexicon form of a title's head word here (see `Lexicon::head_form`).
        let head_form = || match &first_stripped {
            Some(_) if j == i => lex.head_form(w),
            _ => doc.tags[j].head.unwrap_or_else(|| w.strip_prefix("ال").unwrap_or(w)).to_string(),
        };
        // Fixed endings of anonymous sources: «لم يذكر اسمه»، «طلب عدم الكشف عن هويته».
        if state != State::Start {
            let fixed = doc.tags[j].phrases.anon;
            if let Some(end) = fixed.or_else(|| anonymity_clause(doc, j, limit)) {
                if end <= limit {
                    // «لم يذكر اسمه» is part of the role; a longer request for anonymity is not.
                    if fixed.is_some() {
                        extend(&mut title, j, end);
                    }
                    j = end;
                    if class.is_none() {
                        class = Some(EntityClass::Anonymous);
                    }
                    break;
                }
            }
        }
        // A document's issuer: بيان صادر عن مكتب بوتين، تقرير لمنظمة العفو الدولية.
        if class == Some(EntityClass::Document) && issuer.is_none() && state != State::Start {
            let issued_by = doc.tags[j].phrases.issued.map(|end| (end, false)).or_else(|| {
                doc.entity(j)
                    .filter(|e| {
                        e.pre == 1 && e.info.class != EntityClass::Document && e.info.class != EntityClass::Title
                    })
                    .map(|_| (j, true))
            });
            if let Some((end, strip)) = issued_by {
                if let Some(m) = parse(doc, end, limit, strip) {
                    issuer = Some((m.tok_start, m.tok_end));
                    issuer_stripped = strip;
                    j = m.tok_end;
                    break;
                }
            }
        }
        // An honorific title before the name: «رئيس اللجنة الدكتور حسام حسني»، «المتحدث
        // العسكري العقيد تامر الرفاعي».
        let honorific = wd.bare_is(Gram::Honorific) && indefinite_name_word(doc, j + 1);
        if honorific
            && j > i
            && name.is_none()
            && matches!(class, Some(EntityClass::Title) | Some(EntityClass::Anonymous))
        {
            extend(&mut title, j, j + 1);
            class = Some(EntityClass::Title);
            state = State::Definite;
            j += 1;
            words += 1;
            continue;
        }
        if let Some(EntityAt { info, end, pre }) = doc.entity(j) {
            // The first word may carry the conjunction that opens its clause: «واتحاد الشغل يحذر».
            let conj_first = j == i && !strip_l && pre == 1 && t.norm.starts_with('و');
            let pre_ok = pre == 0 || (j == i && strip_l) || conj_first;
            if pre_ok && end <= limit {
                // A head after a complete definite phrase starts another phrase («الجمهوريون إدارة
                // أوباما»): only a first head, or a document's issuer, belongs here.
                let first_entity = class.is_none() && state != State::Definite
                    || (class == Some(EntityClass::Document) && issuer.is_none() && state == State::Construct);
                if first_entity && state != State::Name {
                    if class == Some(EntityClass::Document) {
                        // بيان الكرملين، تقديرات وكالة الطاقة الدولية: the genitive is the issuer.
                        if let Some(m) =
                            parse(doc, j, limit, false).filter(|m| m.class.is_some_and(|c| c != EntityClass::Document))
                        {
                            issuer = Some(
                                m.name_toks
                                    .filter(|_| m.class == Some(EntityClass::Title))
                                    .unwrap_or((m.tok_start, m.tok_end)),
                            );
                            j = m.tok_end;
                            break;
                        }
                        issuer = Some((j, end));
                        j = end;
                        state = State::Definite;
                        words += 1;
                        continue;
                    }
                    class = Some(info.class);
                    gender = info.gender;
                    head_end = Some(end);
                    if info.class == EntityClass::Title {
                        title_head = Some(head_form());
                        extend(&mut title, j, end);
                    } else if info.class == EntityClass::Anonymous {
                        extend(&mut title, j, end);
                    } else {
                        extend(&mut name, j, end);
                    }
                    state = state_after(toks, j, end, info.class);
                    j = end;
                    words += 1;
                    continue;
                }
                if state == State::Name
                    && info.class == EntityClass::Title
                    && title.is_none()
                    && class.is_none()
                    && !is_definite(w)
                {
                    // A title after the name, with no comma: «بيتر كريستيانسن محامي مهاجم يوفنتوس».
                    class = Some(EntityClass::Title);
                    gender = info.gender;
                    title_head = Some(head_form());
                    extend(&mut title, j, end);
                    state = if is_definite(&toks[end - 1].norm) { State::Definite } else { State::Construct };
                    j = end;
                    words += 1;
                    continue;
                }
                let adjective = wd.is_or_bare(Gram::Adj);
                if state == State::Definite && !is_nisba(w) && !adjective && info.class != EntityClass::Place {
                    // A second phrase after a complete one: «وزارة الإعلام … وسائل الإعلام».
                    break;
                }
                if state == State::Construct || state == State::Definite && (is_nisba(w) || adjective) {
                    if matches!(class, Some(EntityClass::Title)) && state == State::Construct {
                        body_in_title |= matches!(info.class, EntityClass::Organization | EntityClass::Media);
                    }
                    // A genitive or adjective that happens to be a known word (رئيس الوزراء).
                    if state == State::Construct
                        && info.class == EntityClass::Title
                        && class == Some(EntityClass::Title)
                        && name.is_none()
                    {
                        genitive_person = true;
                    }
                    add_part(&mut title, &mut name, class, j, end);
                    state = state_after(toks, j, end, info.class);
                    j = end;
                    words += 1;
                    continue;
                }
            }
        }
        // A demonstrative before the head: «هذه المصادر»، «هذا المسؤول».
        if matches!(w, "هذه" | "هذا" | "هولاء" | "تلك" | "ذلك")
            && state == State::Start
            && j == i
            && toks.get(j + 1).is_some_and(|n| is_definite(&n.norm))
        {
            j += 1;
            continue;
        }
        // A quantity of people or bodies: «عدد من أصحاب المتاجر»، «بعض المحللين»، «عشرات
        // المحتجين» — an unnamed group, whatever the phrase after it is.
        if state == State::Start && j == i && wd.is(Gram::Quantity) {
            let k = if toks.get(j + 1).is_some_and(|n| n.norm == "من") { j + 2 } else { j + 1 };
            if let Some(inner) = (k < limit).then(|| parse(doc, k, limit, false)).flatten() {
                if inner.class != Some(EntityClass::Document)
                    && (inner.class.is_some() || inner.definite || !inner.name.is_empty())
                {
                    title = Some((i, inner.tok_end));
                    class = Some(match inner.class {
                        Some(c @ (EntityClass::Organization | EntityClass::Media)) => c,
                        _ => EntityClass::Anonymous,
                    });
                    gender = inner.gender;
                    j = inner.tok_end;
                    words += inner.tok_end - i;
                    break;
                }
            }
        }
        if (w == "احد" || w == "احدي") && state == State::Start {
            extend(&mut title, j, j + 1);
            j += 1;
            words += 1;
            state = State::Construct;
            continue;
        }
        // Connectors inside a title or organization: باسم، في + place, ب + place.
        if state != State::Start && state != State::Name && class.is_some() {
            if w == "باسم" {
                extend(&mut title, j, j + 1);
                j += 1;
                words += 1;
                state = State::Construct;
                continue;
            }
            let next_entity = doc.entity(j + 1).filter(|e| e.pre == 0);
            let next_is_document = next_entity.is_some_and(|e| e.info.class == EntityClass::Document);
            // «النائبة عن كتلة "الخط الوطني"»: عن names whom a representative stands for.
            let for_whom = w == "عن" && matches!(class, Some(EntityClass::Title)) && next_entity.is_some();
            // «منسقة المنظمة في ليسبوس، ماريا …»: an unknown place right before the apposition.
            let place_before_apposition = w == "في"
                && matches!(class, Some(EntityClass::Title))
                && name.is_none()
                && doc.tok(j + 1).is_some_and(|(t, g)| t.is_word() && g.word.name_like)
                && toks.get(j + 2).is_some_and(|t| t.kind == TokKind::Comma)
                && indefinite_name_word(doc, j + 3);
            if (w == "في" || for_whom)
                && j + 1 < limit
                && toks[j + 1].is_word()
                && !next_is_document
                && (is_definite(&toks[j + 1].norm) || next_entity.is_some() || place_before_apposition)
            {
                let end = next_entity.map_or(j + 2, |e| e.end).min(limit);
                add_part(&mut title, &mut name, class, j, end);
                state = if is_definite(&toks[end - 1].norm)
                    || next_entity.is_some_and(|e| e.info.class == EntityClass::Place)
                {
                    State::Definite
                } else {
                    State::Construct
                };
                j = end;
                words += 2;
                continue;
            }
            let b_entity = w.starts_with('ب')
                && doc.entity(j).is_some_and(|e| e.pre == 1 && e.info.class != EntityClass::Document);
            if (w.starts_with("بال") && w.chars().count() > 4 && !is_nisba(w)) || b_entity {
                add_part(&mut title, &mut name, class, j, j + 1);
                j += 1;
                words += 1;
                // «بمجلس نواب الشعب»: an indefinite body governs the genitive after it.
                state = if b_entity && !w.starts_with("بال") { State::Construct } else { State::Definite };
                continue;
            }
        }
        // «مصدر مقرب من آل الشيخ»: who the source is close to is part of it.
        if w == "من" && class == Some(EntityClass::Anonymous) && j > i && toks[j - 1].norm.starts_with("مقرب") {
            let mut e = j + 1;
            while e < limit
                && e < j + 4
                && toks[e].is_word()
                && !doc.word(e).is(Gram::Stop)
                && doc.tags[e].cue.is_none()
                && !toks[e].norm.starts_with('ل')
            {
                e += 1;
            }
            if e > j + 1 {
                extend(&mut title, j, e);
                j = e;
                words += e - j;
                break;
            }
        }
        // «وأشاد وزير الطاقة بأهمية العمل»: بـ on a verbal noun with hamza, which no name
        // starts with, ends the phrase.
        let original = &text[toks[j].start..toks[j].end];
        if j > i && (original.starts_with("بأ") || original.starts_with("بإ")) && doc.entity(j).is_none() {
            break;
        }
        // A kunya: «أم فيصل»، «أبو محمد».
        let kunya = matches!(w, "ام" | "ابو")
            && matches!(state, State::Start | State::Definite)
            && name.is_none()
            && indefinite_name_word(doc, j + 1);
        let accept = match state {
            State::Start => wd.name_like || is_definite(w) && !wd.is(Gram::Stop) || kunya,
            State::Construct => {
                if class == Some(EntityClass::Anonymous) {
                    // A three-letter nisba too: «مصدر طبي»، «مصدر فني».
                    let short_nisba = w.chars().count() == 3 && w.ends_with('ي') && !wd.is(Gram::Stop);
                    is_nisba(w) || short_nisba || wd.is(Gram::Adj) || is_definite(w) && !wd.is(Gram::Stop)
                } else {
                    wd.name_like || is_definite(w) && !wd.is(Gram::Stop)
                }
            }
            // After a definite head: adjectives, a person's name after a title (الرئيس الأمريكي جو
            // بايدن), or a second word of an outlet's name (صحيفة الشرق الأوسط); a body's name
            // is not followed by a bare indefinite word (النادي الأهلي صحة الأنباء).
            State::Definite => {
                // A group (أحد المراسلين، المسؤولين) has no name of its own: «سأل أحد المراسلين
                // بايدن» asks Biden.
                let group = class == Some(EntityClass::Anonymous)
                    && ["ين", "ون", "ات"].iter().any(|s| toks[j - 1].norm.ends_with(s));
                // A nationality alone is a title too: «البرتغالي جواو بينتو».
                // (Only in an apposition, which ends at a comma: «، البرتغالي جواو بينتو،»; a
                // surname with the article opens a phrase too: «ودحض الحلبي رواية الجيش».)
                let nationality = class.is_none()
                    && toks.get(limit).is_some_and(|t| matches!(t.kind, TokKind::Comma | TokKind::Colon))
                    && title
                        .is_some_and(|(a, b)| (a..b).all(|k| is_definite(&toks[k].norm) && is_nisba(&toks[k].norm)));
                // Indefinite nisbas follow each other: «منظمات حقوقية محلية».
                let after_indefinite_nisba = !is_definite(&toks[j - 1].norm) && is_nisba(&toks[j - 1].norm);
                // A definite word between a person's title and a name is an adjective of the
                // title, whatever its shape: «النائب المستقل رائد الحسناوي».
                let adjective_before_name = class == Some(EntityClass::Title)
                    && name.is_none()
                    && is_definite(w)
                    && !wd.is(Gram::Stop)
                    && doc.entity(j).is_none()
                    && indefinite_name_word(doc, j + 1)
                    && !is_nisba(&toks[j + 1].norm)
                    && doc.tok(j + 2).is_some_and(|(n, g)| n.is_word() && g.word.name_like);
                is_nisba(w) && (is_definite(w) || after_indefinite_nisba && !is_definite(w))
                    || adjective_before_name
                    || wd.name_like
                        && !is_definite(w)
                        && !group
                        && (matches!(class, Some(EntityClass::Title) | Some(EntityClass::Anonymous)) || nationality)
                    || wd.is_or_bare(Gram::Adj)
                    || class == Some(EntityClass::Media)
                        && is_definite(w)
                        && wd.name_like
                        && doc.entity(j).is_none()
                        && j - i <= 3
            }
            // A family name may carry the article when it is a nisba (سفيان السليطي).
            State::Name => {
                // A family name may carry the article (سفيان السليطي); «عبد» and its kin join
                // the next word into one given name (عبد الفتاح السيسي).
                let compound = |k: usize| doc.word(k).is(Gram::Compound);
                // (The second word of «نور الدين» is no name of its own; that of «عبد الرحيم» is.)
                let particle = |k: usize| NAME_PARTICLES.contains(&toks[k].norm.as_str());
                let core = name.map_or(0, |(a, b)| {
                    (a..b).filter(|&k| !(particle(k) || compound(k) && k > a && !particle(k - 1))).count()
                });
                let after_particle = NAME_PARTICLES.contains(&toks[j - 1].norm.as_str());
                // A family name with the article ends the name (تامر الرفاعي | وقوع …), unless it
                // is part of a compound (عبد الفتاح السيسي، نور الدين الطبوبي).
                let after_family_name = is_definite(&toks[j - 1].norm)
                    && !compound(j - 1)
                    && !(j >= 2 && NAME_PARTICLES.contains(&toks[j - 2].norm.as_str()));
                // A body's head word starts another phrase, the object (أدرعي حركة حماس), and
                // a word with the preposition بـ and the article or a verbal noun is no name.
                let body_head = doc.entity(j).is_some_and(|e| {
                    e.pre == 0
                        && matches!(
                            e.info.class,
                            EntityClass::Organization | EntityClass::Media | EntityClass::Document
                        )
                });
                let with_b = w.starts_with("بال") || w.starts_with("باست");
                !after_family_name
                    && !body_head
                    && !with_b
                    && name.is_some_and(|(a, b)| b - a < 5)
                    && (wd.name_like && !is_definite(w)
                        || is_definite(w)
                            // A nisba family name may follow two given names: عبدالله مسفر الغامدي.
                            && (core == 1 || after_particle || core == 2 && is_nisba(w))
                            && wd.name_like
                            && !wd.is_or_bare(Gram::Adj)
                            && (doc.entity(j).is_none() || family_name_like_title(doc, j)))
            }
        };
        if !accept {
            break;
        }
        let definite = is_definite(w);
        // A nisba-shaped word opening a phrase or continuing a name is a name (دميتري).
        // After a definite head an indefinite word cannot be its adjective: «الوزيرة سلمى».
        let nisba_ok = matches!(state, State::Start | State::Name) || state == State::Definite && !definite;
        let nameish = !definite && (nisba_ok || !is_nisba(w)) && !wd.is(Gram::Adj) && wd.name_like || kunya;
        match state {
            State::Start if nameish => {
                extend(&mut name, j, j + 1);
                state = State::Name;
            }
            State::Start => {
                extend(&mut title, j, j + 1);
                state = if definite { State::Definite } else { State::Construct };
            }
            State::Definite | State::Construct
                if nameish
                    && name.is_none()
                    && (state == State::Definite
                        || matches!(class, Some(EntityClass::Title) | None)
                            && title.is_some()
                            && head_end == Some(j)) =>
            {
                extend(&mut name, j, j + 1);
                // An indefinite title right before a name is in construct with it: «محامي
                // رونالدو» is Ronaldo's lawyer, «الرئيس بوتين» is Putin.
                // A possessive title (صديقته، والدتها) is definite: the name is its own.
                let possessive = |w: &str| w.ends_with("ته") || w.ends_with("ها") || w.ends_with("هم");
                let construct_owner = state == State::Construct
                    && title.is_some_and(|(a, b)| {
                        b == j
                            && !is_definite(&toks[b - 1].norm)
                            && !possessive(&toks[b - 1].norm)
                            && b - a <= 2
                            && !toks[a..b].iter().any(|t| t.norm == "احد" || t.norm == "احدي")
                    });
                // An anonymous head: «مسؤول أمريكي» has no name; a name after an indefinite one
                // belongs to its complement («محققي شرطة لاس فيغاس»), after a definite one it is
                // the official's own («المسؤول الأمريكي جون كيربي»).
                let anonymous_owner = class == Some(EntityClass::Anonymous)
                    && title.is_some_and(|(a, _)| !is_definite(&toks[a].norm) || toks[a].norm == "احد");
                if class == Some(EntityClass::Anonymous) && !anonymous_owner {
                    class = Some(EntityClass::Title);
                }
                name_of_genitive = genitive_person || construct_owner || anonymous_owner;
                state = State::Name;
            }
            State::Name => extend(&mut name, j, j + 1),
            _ => {
                add_part(&mut title, &mut name, class, j, j + 1);
                state = if definite || is_nisba(w) { State::Definite } else { State::Construct };
            }
        }
        j += 1;
        words += 1;
    }
    if j == i || words == 0 {
        return None;
    }
    let end_tok = j;
    let start = toks[i].start;
    let end = toks[end_tok - 1].end;
    let (name_text, role_text, key_range) = if let Some((a, b)) = issuer {
        let name = text_of(text, toks, a, b);
        (if issuer_stripped { strip_l_prefix(&name) } else { name }, String::new(), (a, b))
    } else {
        match (name, title) {
            (Some((a, b)), Some((c, d))) => (text_of(text, toks, a, b), text_of(text, toks, c, d), (a, b)),
            (Some((a, b)), None) => (text_of(text, toks, a, b), String::new(), (a, b)),
            (None, Some((c, d))) => (String::new(), text_of(text, toks, c, d), (c, d)),
            (None, None) => return None,
        }
    };
    let mut name_text = name_text;
    let (name_text_g, role_text_g) = if name_of_genitive {
        (String::new(), text_of(text, toks, title.map_or(i, |t| t.0), end_tok))
    } else {
        (name_text, role_text)
    };
    name_text = name_text_g;
    let role_text = role_text_g;
    if strip_l && name.is_some_and(|(a, _)| a == i)
        || issuer.is_none() && strip_l && title.is_some_and(|(a, _)| a == i) && name.is_none()
    {
        name_text = strip_l_prefix(&name_text);
    }
    let mut role_text = role_text;
    if strip_l && title.is_some_and(|(a, _)| a == i) {
        role_text = strip_l_prefix(&role_text);
    }
    let key_range = if name_of_genitive { (title.map_or(i, |t| t.0), end_tok) } else { key_range };
    let key = toks[key_range.0..key_range.1].iter().filter(|t| t.is_word()).map(|t| t.norm.clone()).collect();
    let mut m = Mention {
        start,
        end,
        tok_start: i,
        tok_end: end_tok,
        name: name_text,
        role: role_text,
        class,
        gender,
        title_head,
        key,
        name_toks: if name_of_genitive || issuer.is_some() { None } else { name },
        definite: false,
    };
    let words_of: Vec<&Token> = toks[i..end_tok].iter().filter(|t| t.is_word()).collect();
    m.definite = match words_of.as_slice() {
        [] => false,
        [first, rest @ ..] => {
            let f = if strip_l { strip_l_prefix(&first.norm) } else { first.norm.clone() };
            // (A first word without its لـ is the one word no tag describes.)
            let stop = || if strip_l { lex.is(&f, Gram::Stop) } else { doc.word(i).is(Gram::Stop) };
            let possessive = f.ends_with("ته")
                || f.ends_with("ها")
                || f.ends_with("هم")
                || doc.entity(i).is_some_and(|e| e.info.class == EntityClass::Title) && f.ends_with('ه') && !stop();
            is_definite(&f) || possessive || rest.first().is_some_and(|n| is_definite(&n.norm)) || !m.name.is_empty()
        }
    };
    if issuer.is_some() {
        m.class = Some(EntityClass::Organization);
    }
    // A conjunction written onto a name with the article opens the clause, it is no part of the
    // name: «والرفاعي، الذي …، يؤكد» is الرفاعي.
    let conj_name = !strip_l
        && toks[i].norm.starts_with('و')
        && (name.is_some_and(|(a, _)| a == i) && toks[i].norm.strip_prefix('و').is_some_and(is_definite)
            || m.class.is_some())
        && doc.entity(i).is_some_and(|e| e.pre == 1)
        || name.is_some_and(|(a, _)| a == i)
            && !strip_l
            && toks[i].norm.strip_prefix('و').is_some_and(is_definite)
            && doc.entity(i).is_none();
    if conj_name {
        if let Some(rest) = m.name.strip_prefix('و') {
            m.name = rest.to_string();
        }
        if let Some(rest) = m.role.strip_prefix('و') {
            m.role = rest.to_string();
        }
        if let Some(k) = m.key.first_mut() {
            if let Some(rest) = k.strip_prefix('و') {
                *k = rest.to_string();
            }
        }
    }
    if strip_l || issuer_stripped {
        if let Some(k) = m.key.first_mut() {
            *k = strip_l_prefix(k);
        }
    }
    Some(m)
}

/// The state after a known phrase at `j..end`: complete (definite) when it ends in a definite
/// word (البيت الأبيض) or names a place; otherwise it governs the next word as its genitive or
/// adjective (وزارة → الخارجية، رئيس → اللجنة، باسم وزارة → النقل، وسائل إعلام → محلية).
fn state_after(toks: &[Token], _j: usize, end: usize, class: EntityClass) -> State {
    // «وسائل إعلام» ends indefinite and takes adjectives (محلية، رسمية) as its own.
    if is_definite(&toks[end - 1].norm) || class == EntityClass::Place {
        State::Definite
    } else {
        State::Construct
    }
}

/// Short brackets opening at token `i` and holding only words or numbers, an acronym or an
/// age: «(سونا)»، «(CGT)»، «(22 عاماً)». Returns the index of the closing bracket.
pub fn short_brackets(toks: &[Token], i: usize, limit: usize) -> Option<usize> {
    if toks.get(i)?.kind != TokKind::Open {
        return None;
    }
    let close = (i + 2..limit.min(i + 6)).find(|&k| toks[k].kind == TokKind::Close)?;
    (i + 1..close).all(|k| matches!(toks[k].kind, TokKind::Word | TokKind::Number)).then_some(close)
}

/// A request for anonymity starting at token `i` (طلب عدم الكشف عن هويته، مشترطاً عدم ذكر
/// اسمه): a `withhold` verb with an `identity` word within five words. Returns the index after
/// the clause: the next comma, dash, colon or sentence end, at most 16 words on.
pub fn anonymity_clause(doc: &Doc, i: usize, limit: usize) -> Option<usize> {
    let toks = doc.toks;
    let (_, tag) = doc.tok(i).filter(|(t, _)| t.is_word() && i < limit)?;
    if !tag.word.is(Gram::Withhold) {
        return None;
    }
    let id = (i + 1..limit.min(i + 6)).find(|&k| toks[k].is_word() && doc.word(k).is(Gram::Identity))?;
    let mut e = id + 1;
    while e < limit && e < id + 16 && toks[e].is_word() {
        e += 1;
    }
    Some(e)
}

/// A family name spelled like a title (نوري الصديق، محمد الأمين): the title word is not followed
/// by a complement of its own (a definite genitive or adjective, باسم, لـ).
fn family_name_like_title(doc: &Doc, j: usize) -> bool {
    let title = doc.entity(j).is_some_and(|e| e.info.class == EntityClass::Title && e.end == j + 1);
    title
        && doc.toks.get(j + 1).is_none_or(|n| {
            !n.is_word() || !(is_definite(&n.norm) || n.norm == "باسم" || n.norm.starts_with('ل') || is_nisba(&n.norm))
        })
}

/// Words that join the next one into a single name: عبد الله، أبو بكر، بن سلمان، آل الشيخ.
const NAME_PARTICLES: &[&str] = &["عبد", "ابو", "ابي", "بن", "ابن", "ال", "ذو", "بنت", "ام"];

/// A genitive with the preposition لـ at token `j`: an entity (للأمم المتحدة), a definite word
/// with its adjectives (للأرصاد الجوية), or لـ + an indefinite word and its definite genitive
/// (لكرة القدم). Returns the index after it.
fn genitive_with_l(doc: &Doc, j: usize, limit: usize) -> Option<usize> {
    let toks = doc.toks;
    let t = toks.get(j).filter(|t| t.is_word())?;
    let rest = t.norm.strip_prefix('ل').filter(|r| r.chars().count() >= 3)?;
    if let Some(EntityAt { mut end, pre: 1, .. }) = doc.entity(j) {
        // with its definite genitive and adjectives: لمجلس التعاون، لوزارة الخارجية الأمريكية.
        let head_end = end;
        while end < limit && end < head_end + 3 && toks[end].is_word() && is_definite(&toks[end].norm) {
            end += 1;
        }
        return (end <= limit).then_some(end);
    }
    let mut end = j + 1;
    if rest.starts_with('ل') {
        // للأرصاد = لـ + الأرصاد
    } else if toks.get(end).is_some_and(|n| n.is_word() && is_definite(&n.norm)) && end < limit {
        end += 1;
    } else {
        return None;
    }
    while end < limit
        && toks[end].is_word()
        && is_definite(&toks[end].norm)
        // (An adjective from grammar.tsv, with or without the article: كبير، العام.)
        && (is_nisba(&toks[end].norm) || doc.word(end).is_or_bare(Gram::Adj))
    {
        end += 1;
    }
    Some(end)
}

/// The mention `m` (a phrase with no name) stretched to end before token `end`: its role and key
/// take the added words.
pub fn extend_to(text: &str, toks: &[Token], m: &Mention, end: usize) -> Mention {
    let mut out = m.clone();
    out.tok_end = end;
    out.end = toks[end - 1].end;
    out.role = text_of(text, toks, m.tok_start, end);
    out.key = toks[m.tok_start..end].iter().filter(|t| t.is_word()).map(|t| t.norm.clone()).collect();
    out
}

/// A title whose complements run on to a name the parser did not reach: «النائب من الجبهة الشعبية
/// منجي الرحوي»، «وزير التكوين المهني والتشغيل حافظ العموري». `end` is where the subject must
/// end (the content or a time word follows): the run of two to four indefinite, name-like words
/// right before it is the name, and everything from the title to it is the role. Only words lie
/// between (no comma, no quotation), at most about twenty of them.
pub fn name_after_title(doc: &Doc, m: &Mention, end: usize) -> Option<Mention> {
    let Doc { text, toks, .. } = *doc;
    if m.class != Some(EntityClass::Title) || !m.name.is_empty() || end <= m.tok_end || end - m.tok_start > 22 {
        return None;
    }
    if !(m.tok_end..end).all(|k| toks[k].is_word()) {
        return None;
    }
    let namey = |k: usize| {
        let w = toks[k].norm.as_str();
        !is_definite(w)
            && !w.starts_with("وال")
            && doc.word(k).name_like
            && doc.entity(k).is_none()
            // (no accusative: «مخاطباً الهيئة»)
            && !text[toks[k].start..toks[k].end].contains('\u{064B}')
    };
    // A family name may carry the article (منجي الرحوي، حافظ العموري).
    let last = end - 1;
    let family = is_definite(&toks[last].norm) && doc.word(last).name_like && !doc.word(last).is(Gram::Adj);
    let mut a = if family { last } else { end };
    while a > m.tok_end && end - a < 4 && namey(a - 1) {
        a -= 1;
    }
    // Two words at least, after complements of the title (the parser reads a name right after it).
    if end - a < 2 || a == m.tok_end || family && a == last {
        return None;
    }
    // Not the object of a preposition («في كلمة متلفزة»), nor the one spoken to («سيدة من
    // سكان المدينة لبي بي سي»: a run that starts with لـ; a name like «لويجي» is lost with it).
    let before = toks[a - 1].norm.as_str();
    if doc.word(a - 1).is(Gram::Prep)
        || doc.word(a - 1).is(Gram::Stop)
        || toks[a].norm.starts_with('ل')
        || before.starts_with('ل') && !is_definite(before) && !before.starts_with("لل")
    {
        return None;
    }
    let mut out = m.clone();
    out.tok_end = end;
    out.end = toks[end - 1].end;
    out.name = text_of(text, toks, a, end);
    out.role = text_of(text, toks, m.tok_start, a);
    out.name_toks = Some((a, end));
    out.key = toks[a..end].iter().map(|t| t.norm.clone()).collect();
    Some(out)
}

/// «لأحد المصادر» → «أحد المصادر»; «للولايات المتحدة» → «الولايات المتحدة».
fn strip_l_prefix(s: &str) -> String {
    let mut it = s.chars();
    match (it.next(), it.clone().next()) {
        (Some('ل'), Some('ل')) => format!("ا{}", it.as_str()),
        (Some('ل'), Some(_)) => it.as_str().to_string(),
        _ => s.to_string(),
    }
}

fn name_range(toks: &[Token], m: &Mention) -> (usize, usize) {
    // The name the apposition's own parse found (العميد خالد الطيب → خالد الطيب).
    if let Some((a, b)) = m.name_toks.filter(|&(a, b)| a < b) {
        return (a, b);
    }
    // Otherwise its indefinite run (the whole apposition when it is a bare name).
    let mut a = m.tok_start;
    while a < m.tok_end && !toks[a].is_word() {
        a += 1;
    }
    if m.role.is_empty() {
        return (a, m.tok_end);
    }
    let mut b = m.tok_end;
    while b > a && !toks[b - 1].is_word() {
        b -= 1;
    }
    let mut s = b;
    while s > a && toks[s - 1].is_word() && !is_definite(&toks[s - 1].norm) {
        s -= 1;
    }
    (s, b)
}

fn extend(r: &mut Option<(usize, usize)>, a: usize, b: usize) {
    *r = Some(match *r {
        Some((x, _)) => (x, b),
        None => (a, b),
    });
}

/// Adds tokens to the part they continue: the title for people, the name for organizations.
fn add_part(
    title: &mut Option<(usize, usize)>,
    name: &mut Option<(usize, usize)>,
    class: Option<EntityClass>,
    a: usize,
    b: usize,
) {
    match class {
        Some(EntityClass::Title) | Some(EntityClass::Anonymous) | None if name.is_none() => extend(title, a, b),
        Some(EntityClass::Title) | None => extend(title, a, b),
        _ => {
            if name.is_some() {
                extend(name, a, b)
            } else {
                extend(title, a, b)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::find_quotes;
    use crate::tokenize::tokenize;

    fn np(text: &str) -> Mention {
        let toks = tokenize(text);
        let lex = Lexicon::get();
        let tags = crate::lexicon::tag(&toks, lex);
        let quotes = find_quotes(text, &toks);
        let doc = Doc { text, toks: &toks, tags: &tags, quotes: &quotes, lex };
        parse(&doc, 0, toks.len(), false).expect(text)
    }

    #[test]
    fn title_then_name() {
        let m = np("الرئيس الأمريكي جو بايدن");
        assert_eq!((m.name.as_str(), m.role.as_str()), ("جو بايدن", "الرئيس الأمريكي"));
        assert_eq!(m.class, Some(EntityClass::Title));
    }

    #[test]
    fn title_then_name_in_apposition() {
        let m = np("المتحدث الرسمي باسم الرئاسة الروسية، دميتري بيسكوف، اليوم");
        assert_eq!(m.name, "دميتري بيسكوف");
        assert_eq!(m.role, "المتحدث الرسمي باسم الرئاسة الروسية");
        let m = np("رئيس اللجنة الدولية في مجلس الاتحاد الروسي، قسطنطين كوساتشوف، اليوم");
        assert_eq!(m.name, "قسطنطين كوساتشوف");
        assert_eq!(m.role, "رئيس اللجنة الدولية في مجلس الاتحاد الروسي");
    }

    #[test]
    fn name_then_title_in_apposition() {
        let m = np("دميتري بيسكوف، المتحدث باسم الكرملين، إن");
        assert_eq!(m.name, "دميتري بيسكوف");
        assert_eq!(m.role, "المتحدث باسم الكرملين");
    }

    #[test]
    fn organizations_media_and_anonymous_sources() {
        let m = np("السفارة الروسية في الولايات المتحدة اتهامات");
        assert_eq!((m.name.as_str(), m.class), ("السفارة الروسية في الولايات المتحدة", Some(EntityClass::Organization)));
        let m = np("وكالة رويترز، ذكرت");
        assert_eq!((m.name.as_str(), m.class), ("وكالة رويترز", Some(EntityClass::Media)));
        let m = np("صحيفة \"واشنطن بوست\" نقلاً");
        assert_eq!((m.name.as_str(), m.class), ("صحيفة واشنطن بوست", Some(EntityClass::Media)));
        let m = np("مسؤول أمريكي كبير لم يذكر اسمه مزاعم روسيا");
        assert_eq!(m.class, Some(EntityClass::Anonymous));
        assert!(m.role.ends_with("لم يذكر اسمه"), "{}", m.role);
    }

    #[test]
    fn a_document_names_its_issuer() {
        assert_eq!(np("بيان صادر عن مكتب بوتين “على").name, "مكتب بوتين");
        assert_eq!(np("بيان الكرملين أن").name, "الكرملين");
    }

    #[test]
    fn compound_given_names() {
        assert_eq!(np("رئيس النقابة نور الدين الطبوبي إن").name, "نور الدين الطبوبي");
        assert_eq!(np("صلاح الدين الجورشي إن").name, "صلاح الدين الجورشي");
        assert_eq!(np("الوزير عبد الله بن زايد إن").name, "عبد الله بن زايد");
    }

    #[test]
    fn a_name_starting_with_madda_is_no_complementizer() {
        assert_eq!(np("المتحدثة باسم الخارجية الفرنسية آن كلير لوجندر إن").name, "آن كلير لوجندر");
    }

    #[test]
    fn apposition_before_a_prepositional_phrase() {
        let m = np("الناطق باسم الحكومة، محمد الشمري، في تصريح صحفي:");
        assert_eq!((m.name.as_str(), m.role.as_str()), ("محمد الشمري", "الناطق باسم الحكومة"));
    }

    #[test]
    fn a_report_of_an_organization_names_it() {
        assert_eq!(np("تقرير لمنظمة العفو الدولية أن").name, "منظمة العفو الدولية");
    }

    #[test]
    fn long_organization_names() {
        let m = np("المفوضية السامية للأمم المتحدة لشؤون اللاجئين إلى");
        assert_eq!(
            (m.name.as_str(), m.class),
            ("المفوضية السامية للأمم المتحدة لشؤون اللاجئين", Some(EntityClass::Organization))
        );
    }

    #[test]
    fn a_name_ends_before_an_object() {
        let m = np("المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي حركة حماس باستخدام");
        assert_eq!(m.name, "أفيخاي أدرعي");
    }

    #[test]
    fn a_title_does_not_swallow_a_verbal_noun() {
        let m = np("الرئيس الروسي استعداد بلاده");
        assert_eq!(m.name, "");
        assert_eq!(m.role, "الرئيس الروسي");
    }
}
