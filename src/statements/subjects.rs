//! Who a cue's subject is when it is not simply the phrase after the verb: the phrase before
//! it at the start of its clause, the antecedent of التي / الذي, or a person named earlier in the
//! sentence outside any statement.

use super::*;

/// The subject of a sentence that opens with a verb of another kind: «ورد الوزير قائلاً …»،
/// «وتقدمت مايورغا … متهمة اللاعب …». A participle or an unnamed verb later in the sentence
/// continues it. Token `i` is the word after the verb.
pub(super) fn clause_subject_at(cx: &Ctx, i: usize) -> Option<Mention> {
    let v = i.checked_sub(1)?;
    let s = cx.sentence_start(v);
    // The verb opens its sentence (after an optional conjunction word, or after a fronted
    // phrase set off by a comma: «وبالتزامن مع زيارة أردوغان لبريطانيا، شنت كاتي إلين …
    // هجوما … وقالت»).
    let fronted = v > s + 2
        && cx.toks[v - 1].kind == TokKind::Comma
        && v - s <= 8
        && (cx.word(s).is(Gram::Prep) || cx.toks[s].norm.starts_with("وب") || cx.toks[s].norm.starts_with("ب"))
        && (s..v - 1).all(|k| cx.toks[k].is_word() && cx.cue(k).is_none());
    // («ولم تحصل سارة على أي دعم، وتقول …»: a particle may stand before the verb.)
    let particle = v > s && cx.toks[v - 1].is_word() && cx.word(v - 1).is(Gram::Particle);
    let head = if particle { v - 1 } else { v };
    let opens = head == s || head == s + 1 && cx.word(s).is(Gram::Conj) || fronted;
    if !opens || !cx.toks[v].is_word() || cx.tags[v].cue.is_some() || cx.tags[v].that.is_some() {
        return None;
    }
    let w = &cx.toks[v].norm;
    if mentions::is_definite(w)
        || cx.entity(v).is_some()
        || cx.word(v).is(Gram::Stop)
        || cx.word(v).is(Gram::Prep)
        || cx.word(v).is(Gram::Aux)
    {
        return None;
    }
    let end = cx.sentence_end(i);
    // «ولطالما كانت تركيا شريكا …»: كان and its kin stand before the subject.
    let i = if i + 1 < end && cx.toks[i].is_word() && cx.word(i).is(Gram::Aux) { i + 1 } else { i };
    let mut m = mentions::parse(&cx.doc(), i, end, false)?;
    if let Some((a, b)) = m.name_toks.filter(|_| m.class == Some(EntityClass::Title)) {
        // «المفتش العام بياناً»: a lone word the text never repeats is the object, not a name.
        if b - a == 1 && a > m.tok_start && cx.freq.get(cx.toks[a].norm.as_str()).copied().unwrap_or(0) < 2 {
            m = mentions::parse(&cx.doc(), i, a, false)?;
        }
    }
    let believable = names_someone(cx, &m, true);
    // Only when a cue follows in the same sentence, or opens the next («وتوجه ستيوارت لوبشر … إلى
    // قطر. وقال إن …»): otherwise nothing depends on it.
    let next_opens = end + 1 < cx.toks.len() && cx.cue(end + 1).is_some();
    let cue_follows = (m.tok_end..end).any(|k| cx.cue(k).is_some()) || next_opens;
    (believable && cue_follows).then_some(m)
}

/// The subject that opens a sentence before a verb of another kind, when a verb of saying with
/// no subject of its own follows in the sentence: «ولكن ميلانيا كسرت الصمت … وأكدت أن …» —
/// she confirms, not whoever spoke before. Token `i` is the sentence's first word, or the one
/// after a conjunction word (لكن، ولكن، بينما).
pub(super) fn fronted_subject_at(cx: &Ctx, i: usize) -> Option<Mention> {
    let s = cx.sentence_start(i);
    // (At the sentence's start an unknown word is as often the verb itself, «وواجهت ميلانيا
    // انتقادات …»، «طمأن ياسر القحطاني …»: only a title, a body or a word with the article
    // opens the subject there.)
    let opens = i == s + 1 && cx.word(s).is(Gram::Conj)
        || i == s && (cx.entity(i).is_some() || mentions::is_definite(&cx.toks[i].norm));
    if !opens || cx.tags[i].that.is_some() {
        return None;
    }
    let end = cx.sentence_end(i);
    // (Only when a verb of saying follows: nothing else depends on it.)
    if !(i + 2..end).any(|k| cx.cue(k).is_some()) {
        return None;
    }
    let mut m = mentions::parse(&cx.doc(), i, end, false)?;
    // «ميلانيا ترامب كسرت الصمت»: the grammar reads an unknown verb as a name's last word; a
    // word the text says once, before the article of its object or a preposition, is the verb.
    if let Some((a, b)) = m.name_toks {
        let object_next = b < end && (mentions::is_definite(&cx.toks[b].norm) || cx.word(b).is(Gram::Prep));
        if b == m.tok_end
            && b - a >= 2
            && object_next
            && cx.freq.get(cx.toks[b - 1].norm.as_str()).copied().unwrap_or(0) < 2
        {
            m = mentions::parse(&cx.doc(), i, b - 1, false)?;
        }
    }
    let v = m.tok_end;
    // The next word is the verb: no name, article, preposition or particle, and no verb of
    // saying (that one has its own subject before it).
    let verb = v + 1 < end
        && cx.toks[v].is_word()
        && cx.tags[v].cue.is_none()
        && cx.tags[v].that.is_none()
        && cx.entity(v).is_none()
        && !mentions::is_definite(&cx.toks[v].norm)
        && !cx.word(v).is(Gram::Stop)
        && !cx.word(v).is(Gram::Prep)
        && !cx.word(v).is(Gram::Aux);
    // (An unknown word may be the verb: «ثم يتناول المؤلف»، «فيما تدشن مصر». A title or body
    // at the phrase's head is the subject, or a name with no title, body or article after its
    // first word.)
    let bare_name = m.class.is_none()
        && (i + 1..m.tok_end).all(|k| cx.entity(k).is_none() && !mentions::is_definite(&cx.toks[k].norm));
    let head_first = cx.entity(i).is_some() || mentions::is_definite(&cx.toks[i].norm) || bare_name;
    // (A title alone is not taken here: the rule was written and measured with named titles.)
    let subject = head_first && names_someone(cx, &m, false);
    (verb && subject && (v + 1..end).any(|k| cx.cue(k).is_some())).then_some(m)
}

/// Does the phrase a sentence's own verb has as subject name someone who may speak next? A
/// body, an outlet, a titled person with a name (or, when `bare_title`, a title alone: «ورد
/// الوزير قائلاً»), or a plausible name — not a document, nor a phrase opened by a common noun
/// («وتتركز زيارة أردوغان على …», as for a subject after a verb of saying).
fn names_someone(cx: &Ctx, m: &Mention, bare_title: bool) -> bool {
    match m.class {
        Some(EntityClass::Title) => !m.name.is_empty() || bare_title && m.definite,
        Some(EntityClass::Document) => false,
        Some(_) => true,
        None => cx.plausible(m) && !cx.word(m.tok_start).is(Gram::Common),
    }
}

/// A titled, named person starting at token `i` (مدير عام الشؤون الصحية … الدكتور مصطفى بلجون).
pub(super) fn titled_person_at(cx: &Ctx, i: usize) -> Option<Mention> {
    titled_at(cx, i, false)
}

/// A titled person named at token `i` as `titled_person_at` finds them, or also in the genitive
/// of a document or a venue when `in_genitive` («تصريحات وزير الاستثمار … فاضل عبد الكافي»).
pub(super) fn titled_at(cx: &Ctx, i: usize, in_genitive: bool) -> Option<Mention> {
    let EntityAt { info, pre, .. } = cx.entity(i)?;
    if info.class != EntityClass::Title || pre != 0 {
        return None;
    }
    // Only at the start of a phrase: not the genitive of something before it.
    let document_before = |k: usize| {
        cx.entity(k).is_some_and(|e| e.info.class == EntityClass::Document) || cx.word(k).bare_is(Gram::Venue)
    };
    if i > 0 && cx.toks[i - 1].is_word() && cx.entity(i - 1).is_some() && !(in_genitive && document_before(i - 1)) {
        return None;
    }
    let end = cx.sentence_end(i);
    let mut m = mentions::parse(&cx.doc(), i, end, false)?;
    // (For a later bare title, the name may come after the title's complements, before a comma
    // or the sentence's end: «وزير الاستثمار والتعاون الدولي فاضل عبد الكافي.».)
    // (Or before a time word, the name then being that of a person the narration names:
    // «أشرف وزير الطاقة والمناجم خالد قدور اليوم على …»; or set off by commas after the
    // complements: «وزيرة الطاقة والمناجم والطاقات المتجددة، سميرة مرعي، اليوم …».)
    if in_genitive && m.class == Some(EntityClass::Title) && m.name.is_empty() {
        let stop_at = |from: usize| {
            (from..end.min(from + 16)).find(|&k| !cx.toks[k].is_word() || cx.word(k).is(Gram::Time)).unwrap_or(end)
        };
        let ends_name = |k: usize| k == end || cx.toks[k].kind == TokKind::Comma || cx.word(k).is(Gram::Time);
        let stop = stop_at(m.tok_end);
        if ends_name(stop) {
            if let Some(n) = mentions::name_after_title(&cx.doc(), &m, stop) {
                m = n;
            } else if stop > m.tok_end && cx.toks.get(stop).is_some_and(|t| t.kind == TokKind::Comma) {
                // The name between two commas after the complements.
                let next = stop_at(stop + 1);
                if (stop + 3..=stop + 5).contains(&next) && ends_name(next) {
                    if let Some(n) = mentions::name_after_title(&cx.doc(), &m, next) {
                        m = n;
                    }
                }
            }
        }
    }
    // «وأصدر المفتش العام بياناً»: a word after a title is a name only if the text repeats it
    // or it has a first name too.
    let name_ok = m
        .name_toks
        .is_some_and(|(a, b)| b - a >= 2 || cx.freq.get(cx.toks[b - 1].norm.as_str()).copied().unwrap_or(0) >= 2);
    (m.class == Some(EntityClass::Title) && !m.name.is_empty() && name_ok).then_some(m)
}

/// The subject before a verb, at the start of its clause: «لكن موسكو نفت»، «وكانت وكالة رويترز،
/// ذكرت»، «إن الرئيس الأمريكي جو بايدن، أبلغ».
pub(super) fn subject_before(cx: &Ctx, cue: usize) -> Option<Mention> {
    let s = cx.sentence_start(cue);
    // «لكن صديقته التي كانت معه أثناء الرحلة، نيكولا رايت، نفت ذلك»: a name between commas
    // right before the verb is the subject, in apposition to what came before it.
    if cue > s + 2 && matches!(cx.toks[cue - 1].kind, TokKind::Comma) {
        let mut a = cue - 1;
        while a > s && cue - a <= 6 && cx.toks[a - 1].is_word() {
            a -= 1;
        }
        if a > s && a < cue - 1 && matches!(cx.toks[a - 1].kind, TokKind::Comma) {
            if let Some(m) = mentions::parse(&cx.doc(), a, cue - 1, false) {
                if m.tok_end == cue - 1 && !m.name.is_empty() && m.class.is_none() && cx.plausible(&m) {
                    return Some(m);
                }
            }
        }
    }
    let b = clause_opening(cx, cue)?;
    // (A phrase that opens with a preposition or a verb of the verbal noun is no subject: «وأمام
    // إلحاح الصحافيين قال: …»، «… أن يتم تدميرها، قال بن إلياهو».)
    if cx.word(b).is(Gram::Prep) || cx.word(b).is(Gram::Masdar) {
        return None;
    }
    // «والرفاعي، الذي أجرى اتصالين …، يؤكد»: a relative clause between commas stands between
    // the subject and its verb.
    let mut limit = cue;
    if cue >= 2 && cx.toks[cue - 1].kind == TokKind::Comma {
        if let Some(r) = (b + 1..cue - 1).find(|&r| {
            cx.toks[r - 1].kind == TokKind::Comma && matches!(cx.toks[r].norm.as_str(), "الذي" | "التي" | "الذين")
        }) {
            limit = r - 1;
        }
    }
    // (Nor is «كان» or «قد» before the verb part of the phrase: «أن حزبه كان يتوقع».)
    while limit > b + 1 && cx.word(limit - 1).is(Gram::Aux) {
        limit -= 1;
    }
    let m = mentions::parse(&cx.doc(), b, limit, false)?;
    // The phrase must reach the verb (only commas and «قد» between).
    let mut k = m.tok_end;
    while k < limit && (matches!(cx.toks[k].kind, TokKind::Comma) || cx.word(k).is(Gram::Aux)) {
        k += 1;
    }
    (k == limit).then_some(m)
}

/// The subject of «كان … قد» + verb, which the frame itself marks off: whatever stands between
/// «كان» and the verb is its subject, however long its apposition or complement
/// («وكان يورغن كلوب المدير الفني لليفربول قد أكد»، «وكانت وكالة الأنباء السورية الرسمية (سانا)
/// ذكرت»). The phrase grammar reads its head; the rest must hold no other verb of speech or
/// complementizer.
pub(super) fn framed_subject(cx: &Ctx, cue: usize) -> Option<Mention> {
    let b = clause_opening(cx, cue)?;
    // «كان» must open the clause (وكان، فكانت، or after a conjunction): after «ما إذا كانت» or
    // «التي كانت» the frame is another's.
    let kana = |k: usize| {
        let w = cx.toks[k].norm.as_str();
        let bare = w.strip_prefix('و').or_else(|| w.strip_prefix('ف'));
        let opens = bare.is_some() || k == cx.sentence_start(k) || k > 0 && cx.word(k - 1).is(Gram::Conj);
        opens && matches!(bare.unwrap_or(w), "كان" | "كانت" | "كانوا" | "كانا")
    };
    if b == 0 || !kana(b - 1) {
        return None;
    }
    let qad = cue > b && cx.toks[cue - 1].norm == "قد";
    let limit = if qad { cue - 1 } else { cue };
    let m = mentions::parse(&cx.doc(), b, limit, false)?;
    // Without «قد» the phrase could be the predicate of «كان» («وكانت مناسبة جيدة لبناء …»):
    // only a title, body or outlet with a short apposition is taken then.
    let rest = m.tok_end..limit;
    let clean = rest.len() <= if qad { 8 } else { 4 }
        && (qad || m.class.is_some())
        && rest.clone().all(|k| {
            cx.tags[k].cue.is_none()
                && cx.tags[k].that.is_none()
                && !cx.is_end(k)
                && cx.toks[k].kind != TokKind::Comma
                // «وكانت الرسالة التي قال بايدن إنه أرسلها»: the verb is the relative clause's.
                && !matches!(cx.toks[k].norm.as_str(), "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللواتي")
        });
    (m.tok_start == b && clean).then_some(m)
}

/// Where the clause of the verb at `cue` opens, when its subject may stand before it: the first
/// word after a clause boundary (a conjunction, a complementizer, «كان», the sentence start) at
/// most 14 words back. None when no boundary is in reach or the clause opens with a verb.
fn clause_opening(cx: &Ctx, cue: usize) -> Option<usize> {
    let s = cx.sentence_start(cue);
    let mut b = cue;
    let mut words = 0;
    // Why the scan stopped: only a clause boundary lets a subject stand before its verb.
    let mut at_boundary = false;
    while b > s && words < 14 {
        let t = &cx.toks[b - 1];
        if t.is_word() {
            let w = t.norm.as_str();
            if matches!(w, "قد" | "لقد" | "كان" | "كانت" | "كانوا") && words == 0 {
                // «وكانت وزارة العدل قد أعلنت»، «أن الشرطة الفرنسية كانت أعلنت» (a «وكان» opens the
                // clause instead: below).
                b -= 1;
                continue;
            }
            if cx.tags[b - 1].that.is_some()
                || cx.word(b - 1).is(Gram::Conj)
                || cx.word(b - 1).is(Gram::Aux)
                || w == "و"
                || w == "ف"
                // «وبحسب الصحيفة، فإن الرئيس … أبلغ»، «لأن الحكومة قالت»: a clause opens after them.
                || w == "فان"
                || w == "لان"
            {
                at_boundary = true;
                break;
            }
            if cx.tags[b - 1].cue.is_some() {
                return None;
            }
            words += 1;
        } else if matches!(t.kind, TokKind::Colon)
            || matches!(t.kind, TokKind::Quote(_))
                && cx.quotes.opening_at(b - 1).is_none()
                && !cx.in_quote(b - 1)
                && words == 0
                && cx.quotes.closing_at(b - 1).is_none_or(|q| q.close - q.open > 5)
        {
            // A quotation ends right before the verb («"…"، قال»); a short quoted name
            // («وكانت صحيفة "المصري اليوم" ذكرت») is part of the subject.
            at_boundary = true;
            break;
        } else if t.kind == TokKind::Close && b >= s + 3 && cx.toks[b - 3].kind == TokKind::Open {
            // «وكانت وزارة الدفاع الأميركية (البنتاغون) أعلنت»: a word in brackets names the
            // subject again.
            b -= 2;
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
    // (An opening quotation mark stays: it opens a quoted name, «وكانت "ماركا" قد ذكرت».)
    while b < cue && (!cx.toks[b].is_word() && cx.quotes.opening_at(b).is_none() || cx.word(b).is(Gram::Aux)) {
        b += 1;
    }
    if b >= cue {
        return None;
    }
    // A clause that opens with «و» + a word that is no name or noun phrase opens with a verb
    // («وأصدر المفتش العام بياناً أكد فيه …»): its subject is not before this cue.
    let first = &cx.toks[b].norm;
    if let Some(rest) = first.strip_prefix('و').or_else(|| first.strip_prefix('ف')) {
        if !mentions::is_definite(rest)
            && cx.entity(b).is_none()
            && cx.freq.get(first.as_str()).copied().unwrap_or(0) < 2
        {
            return None;
        }
    }
    Some(b)
}

/// The antecedent of a relative clause that opens with the verb: «لكاثرين مايورغا، التي تؤكد …».
pub(super) fn antecedent(cx: &Ctx, cue: usize) -> Option<Mention> {
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
        // So it is when the verb carries the object's pronoun and a subject follows it: «الرسائل،
        // التي كشفتها الصحيفة»، «القرار الذي أعلنه عمدة بلدية لندن».
        if cm.enclitic {
            let sent_end = cx.sentence_end(cue);
            let p = super::skip_fillers(cx, cue + 1, sent_end, None);
            let subject = |m: &Mention| {
                (m.class.is_some() || cx.plausible(m))
                    && cx.plausible_words(m)
                    && (!cx.toks[m.tok_start].norm.starts_with('ب') || cx.entity(m.tok_start).is_some())
            };
            if mentions::parse(&cx.doc(), p, sent_end, false).is_some_and(|m| subject(&m)) {
                return None;
            }
        }
    }
    let mut end = rel;
    while end > 0 && matches!(cx.toks[end - 1].kind, TokKind::Comma) {
        end -= 1;
    }
    // A name said once is the antecedent too when nothing after the verb can be its subject:
    // the content opens right after it, or the verb takes its object there («نوري المالكي، الذي
    // قال إن …»، «… الذي وصف السعودية بـ …»).
    // (One person: «الذي» or «التي» and a singular past verb, not «الذين يقولون».)
    let one = matches!(cx.toks[rel].norm.as_str(), "الذي" | "التي");
    let no_subject_after = cx.tags[cue].cue.is_some_and(|cm| {
        one && !cm.infl.plural
            && cm.infl.form == VerbForm::Past
            && !cm.enclitic
            && (cx.lex.cues[cm.entry].frame == Frame::Np || {
                let next = super::skip_fillers(cx, cue + 1, cx.sentence_end(cue), None);
                next < cx.toks.len() && cx.opens_content(next)
            })
    });
    // (A name alone, two words or more, the first neither definite nor a common word nor one
    // with a preposition: not «عجز الموازنة»، «لمزاعم الجمهوريين».)
    let named = |m: &Mention| {
        no_subject_after
            && m.class.is_none()
            && m.name_toks.is_some_and(|(a, b)| {
                a == m.tok_start
                    && b >= a + 2
                    && (a..b).all(|x| cx.word(x).name_like && !cx.word(x).is(Gram::Accusative))
                    && !mentions::definite(&cx.toks[a])
                    && !cx.word(a).is(Gram::Common)
                    && !cx.toks[a].norm.starts_with('ل')
            })
            && cx.plausible_words(m)
    };
    // The noun phrase ending at `end`: try the nearest starts first, up to four words back.
    let mut best = None;
    for back in 1..=4 {
        let Some(a) = end.checked_sub(back) else { break };
        // Not past a word that opens an attribution or a prepositional phrase («وفق غوريا الذي»).
        // (Nor past a verb of saying: «وانتقد أنجيه …» is a clause of its own.)
        if !cx.toks[a].is_word() || cx.attribution(a).is_some() || cx.word(a).is(Gram::Prep) || cx.cue(a).is_some() {
            break;
        }
        let strip = cx.toks[a].norm.starts_with('ل')
            && cx.entity(a).is_none_or(|e| e.pre == 1)
            && cx.toks[a].norm.chars().count() > 3;
        for strip_l in [false, strip] {
            if let Some(m) = mentions::parse(&cx.doc(), a, end, strip_l) {
                if m.tok_end == end
                    && (m.class.is_some() || cx.plausible(&m) || !m.name.is_empty() && strip_l || named(&m))
                {
                    best = Some(m);
                }
            }
        }
    }
    best
}

/// A bare name right after إن / أن is the subject of the clause (إن بايدن أبلغ …), even when the
/// text names it only once.
pub(super) fn after_complementizer(cx: &Ctx, m: &Mention) -> bool {
    m.tok_start > 0
        && cx.tags[m.tok_start - 1].that == Some(false)
        && !m.name.is_empty()
        && m.tok_end - m.tok_start <= 3
}

/// A name in quotation marks right after the verb, before the clause: «وقالت "فيسبوك" إن …»،
/// «وذكرت «شينخوا» أن …»، «وقالت "سينسبري" في بيان إن …»، «وأضاف "الشهري": …»، «وأشار "يونايتد
/// بيد" الخميس إلى أن …»، «ونقلت "رويترز" عن الوزير قوله …». A few words quoted, then the
/// complementizer, a colon, where it was said and then the clause, or the verb's preposition:
/// the quoted words are who spoke, not what was said. (Not for a verb whose object stands
/// before its content, `np`: in «ووصف "حزب الله" بأنه …» the quoted name is the object. «ودعا
/// "حماس" إلى …» may be either; the subject is the likelier reading when the name is quoted.)
fn quoted_name_after_verb(cx: &Ctx, p: usize, entry: &crate::lexicon::CueEntry, sent_end: usize) -> Option<Mention> {
    if entry.frame == Frame::Np {
        return None;
    }
    let q = cx.quotes.opening_at(p)?;
    let words = q.close - q.open - 1;
    if !(1..=4).contains(&words) || q.close >= sent_end || !(q.open + 1..q.close).all(|k| cx.toks[k].is_word()) {
        return None;
    }
    let next = skip_fillers(cx, q.close + 1, sent_end, None);
    let clause = |k: usize| k < sent_end && cx.tags[k].that.is_some() && !cx.toks[k].norm.starts_with('و');
    let opens = clause(next)
        || next < sent_end && cx.toks[next].kind == TokKind::Colon
        || entry.prep.is_some_and(|pr| next < sent_end && cx.toks[next].norm == pr)
        || venue_then(cx, next, sent_end, clause)
        // (Or a longer one, for a name the quotation marks already say is one: «وقالت
        // "بي.دبليو.سي" في تقرير قدمته إلى لجنة التجارة الاتحادية الأميركية، إن …».)
        || next + 1 < sent_end
            && venue_at(cx, next)
            && (next + 2..sent_end.min(next + 18))
                .find(|&k| cx.cue(k).is_some() || cx.tags[k].that.is_some())
                .is_some_and(clause)
        // «أعلنت "ألفابت"، الشركة الأم لغوغل، الاثنين، أن …»: an apposition in commas between.
        || opens_after_interposed(cx, q.close + 1, sent_end);
    if !opens {
        return None;
    }
    // (The phrase may take the apposition in: «"ألفابت"، الشركة الأم لغوغل».)
    let apposition = cx.toks.get(q.close + 1).is_some_and(|t| t.kind == TokKind::Comma);
    mentions::parse(&cx.doc(), p, sent_end, false)
        .filter(|m| (m.tok_end == q.close + 1 || apposition && m.tok_end > q.close) && !m.name.is_empty())
}

/// The subject after the verb (قال الرئيس الروسي فلاديمير بوتين إن …), if the phrase there is
/// believable as one: a title, a body, a recurring name, or anything right before the clause.
pub(super) fn subject_after(cx: &Ctx, i: usize, entry: &crate::lexicon::CueEntry, sent_end: usize) -> Option<Mention> {
    let prep = entry.prep;
    let mut p = skip_fillers(cx, i + 1, sent_end, None);
    // «ذكر فيه مسؤولون أميركيون أن …»، «يقول عنه الناقد الفني …»: a preposition with a pronoun
    // pointing back (to the report, to the one spoken of) stands before the subject.
    // (Not before a verb's object: «بلاغ اتهم فيه الطفل بتقبيل ابنته»، «طالبت فيها الهيئة بـ…».)
    if p + 1 < sent_end
        && matches!(cx.toks[p].norm.as_str(), "فيه" | "فيها" | "عنه" | "عنها")
        && entry.frame != Frame::Np
        && prep.is_none()
    {
        p = skip_fillers(cx, p + 1, sent_end, None);
    }
    // «وأكد كل من الوزير … والسفير …»: the first member speaks (GUIDELINES: «Several
    // speakers at once»).
    if p + 1 < sent_end && cx.toks[p].norm == "كل" && cx.toks[p + 1].norm == "من" {
        p += 2;
    }
    if let Some(m) = quoted_name_after_verb(cx, p, entry, sent_end) {
        return Some(m);
    }
    if p >= sent_end || cx.opens_content(p) || prep.is_some_and(|pr| cx.toks[p].norm == pr) {
        return None;
    }
    // An accusative with tanween is no subject: «وأضاف ضاحكاً أنه …».
    if cx.text[cx.toks[p].start..cx.toks[p].end].contains('\u{064B}') {
        return None;
    }
    // A prepositional phrase is no subject: «وختم بالقول: …»، «وشدد بالقول»; nor one that says
    // where or to whom, «وقال أمام أنصاره إن …»، «وأشار لوجود …» (the subject is the speaker the
    // text follows). (So is «بأهمية العمل»، «بإعادة النظر»: بـ on a verbal noun with hamza, which
    // no name starts with. «أمام» with its hamza above is «before», never the title «إمام», which
    // folds the same.)
    let original = &cx.text[cx.toks[p].start..cx.toks[p].end];
    let prepositional = cx.toks[p].norm.starts_with("بال")
        || original.starts_with("بأ")
        || original.starts_with("بإ")
        || cx.word(p).is(Gram::Prep)
        || to_someone(cx, p);
    if prepositional && cx.entity(p).is_none() || original == "أمام" {
        return None;
    }
    // Nor a possessed noun: «وأضاف سعادتي أيضاً أن …» (my happiness).
    if crate::mentions::possessed_noun(original, 4, true) && cx.entity(p).is_none() {
        return None;
    }
    // Nor the verb's own one-letter preposition written onto a word said once: «تعهد بخلق فرص».
    if prep.is_some_and(|pr| pr.chars().count() == 1 && cx.toks[p].norm.starts_with(pr))
        && cx.freq.get(cx.toks[p].norm.as_str()).copied().unwrap_or(0) < 2
        && cx.entity(p).is_none()
    {
        return None;
    }
    // The clause, a quotation or a participle of saying follows the phrase at once
    // («وتابع الكاظمي قائلاً: …»).
    let opens_after = |m: &Mention| {
        let next = skip_fillers(cx, m.tok_end, sent_end, prep);
        let opens_at = |k: usize| {
            k < sent_end && (cx.opens_content(k) || cx.cue(k).is_some_and(|c| c.infl.form == VerbForm::Participle))
        };
        // «وقالت سنية، ربّة بيت: «…»»: a short description between a comma and the colon.
        let described = cx.toks.get(m.tok_end).is_some_and(|t| t.kind == TokKind::Comma)
            && (m.tok_end + 2..sent_end.min(m.tok_end + 6))
                .find(|&k| !cx.toks[k].is_word())
                .is_some_and(|k| cx.toks[k].kind == TokKind::Colon && (m.tok_end + 1..k).all(|x| cx.toks[x].is_word()));
        // «… تركي المالكي في مؤتمر صحفي: …»: where it was said stands between the name and the
        // content.
        let venue = venue_then(cx, next, sent_end, opens_at);
        opens_at(next) || described || venue || opens_after_interposed(cx, m.tok_end, sent_end)
    };
    let believable = |m: &Mention| {
        // Right before the content (قال فلان إن …، قال فلان: …) anything is the subject.
        let next = skip_fillers(cx, m.tok_end, sent_end, prep);
        // (Not for «وصف X بأنه …», where what stands before بأن is the object.)
        let opens = opens_after(m) && entry.frame != Frame::Np;
        // «"…"، قالت أم محمد، وهي نازحة …»: after a quotation that ends at the verb, the phrase
        // right after the verb is who said it.
        let quoted_before = m.tok_start == skip_fillers(cx, i + 1, sent_end, None)
            && super::quote_before(cx, i).is_some_and(|q| q.close + 2 >= i)
            && cx.tags[i].cue.is_some_and(|c| !c.conj);
        let np_subject = entry.frame == Frame::Np
            && next < sent_end
            && cx.toks[m.tok_start].norm.starts_with("ال")
            && !cx.lex.is(cx.toks[m.tok_start].norm.trim_start_matches("ال"), Gram::Accusation);
        // «وقال جيمي زوو الوسيط لدى مجموعة غوسن سيكيوريتيز لوكالة بلومبرغ إن …»: a name of two
        // words or more, then a description the lexicon does not know, then the clause.
        let described_name = m.class.is_none()
            && m.name_toks.is_some_and(|(a, b)| b >= a + 2 && (a..b).all(|x| cx.word(x).name_like))
            && cx.plausible_words(m)
            && entry.frame != Frame::Np
            && (m.tok_end..sent_end.min(m.tok_end + 16))
                .find(|&x| {
                    cx.toks[x].kind == TokKind::End
                        || cx.cue(x).is_some()
                        || cx.quotes.opening_at(x).is_some()
                        || cx.tags[x].that.is_some()
                })
                .is_some_and(|x| {
                    // (Or a quotation of a few words: «وقالت صوفي سلامة الباحثة في … "سيكون …"».)
                    cx.tags[x].that.is_some() && !cx.toks[x].norm.starts_with('و') || opens_quotation_of_words(cx, x)
                });
        opens || np_subject || quoted_before || described_name || cx.plausible(m)
    };
    let mut parsed = mentions::parse(&cx.doc(), p, sent_end, false).map(|m| family_name(cx, m, false));
    // «قال بوعلاق لموزاييك إن …»: a لـ-word said once, right before the clause, is the
    // one spoken to, not the end of the name (names that start with ل recur: لينيك).
    if let Some(m) = &parsed {
        let last = m.tok_end - 1;
        if m.tok_end - m.tok_start > 1
            && cx.addressee_end(last, sent_end) == Some(last + 1)
            && !cx.toks[last].norm.starts_with("لل")
            && cx.entity(last).is_none()
        {
            parsed = mentions::parse(&cx.doc(), p, last, false);
        }
    }
    // The verb's own preposition ends its subject: «وطالبت منظمة العفو الدولية | بالإفراج».
    // (Also «هدّد الرئيس مارك هولدن | بفرض رسوم»: after two words of a name, a word with the
    // verb's one-letter preposition that the text says only once.)
    if let (Some(m), Some(pr)) = (&parsed, prep) {
        let name_start = m.name_toks.map_or(usize::MAX, |(a, _)| a);
        let once = |x: usize| cx.freq.get(cx.toks[x].norm.as_str()).copied().unwrap_or(0) < 2;
        // (Not the «عن» of whom a titled person stands for, when their name follows: «أعلنت
        // النائب عن نداء تونس ليلى الشتاوي تجميد عضويتها»; after «أعلن الوزير عن خطة» no
        // name follows, and the preposition is the verb's.)
        let stands_for = |x: usize| m.class == Some(EntityClass::Title) && name_start != usize::MAX && x < name_start;
        let cut = (m.tok_start + 1..m.tok_end).find(|&x| {
            let w = &cx.toks[x].norm;
            let one_letter = pr.chars().count() == 1 && w.starts_with(pr);
            w == pr && !stands_for(x)
                || one_letter && w[pr.len()..].starts_with("ال")
                || one_letter
                    && x >= name_start.saturating_add(2)
                    && once(x)
                    && w.chars().count() > 3
                    && cx.tags[x].that.is_none()
                    && m.class.is_none_or(|c| c == EntityClass::Title)
        });
        if let Some(x) = cut {
            parsed = mentions::parse(&cx.doc(), p, x, false);
        }
    }
    // «وأكدت والدتها توقف التنفس»: a lone word after a title, said nowhere else, is more
    // likely what follows the subject than the subject's name.
    let once = |k: usize| cx.freq.get(cx.toks[k].norm.as_str()).copied().unwrap_or(0) < 2;
    for _ in 0..2 {
        let Some(m) = &parsed else { break };
        let Some((a, b)) = m.name_toks else { break };
        // After an honorific (العقيد تامر الرفاعي) the words are a name, said once or not.
        let honorific = cx.word(a - 1).bare_is(Gram::Honorific);
        // A name set off by commas («الناطق باسم الحكومة، محمد الشمري،») is an apposition.
        let apposition = cx.toks[a - 1].kind == TokKind::Comma;
        // «نفى طارق منصور وجود …»: the name the text repeats ends before a word said once.
        if b >= a + 3 && once(b - 1) && !once(b - 2) && !opens_after(m) {
            parsed = mentions::parse(&cx.doc(), p, b - 1, false);
            continue;
        }
        // An adverb or a circumstantial participle right after it (`accusative`: «وقال المغرد
        // عبدالله مخاطبا هذه الفئة "…"») follows a subject that is complete.
        let circumstance = b < sent_end && cx.word(b).is(Gram::Accusative);
        if a == m.tok_start || opens_after(m) || honorific || apposition || circumstance {
            break;
        }
        if b == a + 1 && once(a) {
            parsed = mentions::parse(&cx.doc(), p, a, false);
        } else if b == a + 2
            && mentions::definite(&cx.toks[a + 1])
            && once(a + 1)
            // (Not a family name in ي after a given name: «وطالب النائب حاتم الفرجاني بضرورة …»;
            // a plural in يين or an adjective in ى is no family name: «باستمرار الأوروبيين».)
            && (!family_nisba(cx, a + 1) || cx.word(a).is(Gram::Common))
        {
            // «توقف التنفس»: a one-time article-word «surname» is what follows, too.
            parsed = mentions::parse(&cx.doc(), p, a + 1, false);
        } else {
            break;
        }
    }
    // «بينما يرجح الهلال الأحمر أن …»: a definite phrase whose last word the parser did
    // not know (الأحمر), with the clause right after it, is the subject all the same.
    if let Some(m) = parsed.as_ref().filter(|m| !believable(m) && m.definite && m.name.is_empty() && m.class.is_none())
    {
        let opener = (m.tok_end..sent_end.min(m.tok_end + 2)).find(|&x| cx.opens_content(x));
        if let Some(o) = opener.filter(|&o| {
            o > m.tok_end && (m.tok_end..o).all(|x| cx.toks[x].is_word() && mentions::definite(&cx.toks[x]))
        }) {
            parsed = Some(mentions::extend_to(cx.text, cx.toks, m, o));
        }
    }
    // «أكد النائب من الجبهة الشعبية منجي الرحوي اليوم أن …»: a title whose complements run on
    // to the name right before the content (or a time word before it).
    if let Some(m) =
        parsed.as_ref().filter(|m| m.class == Some(EntityClass::Title) && m.name.is_empty() && !opens_after(m))
    {
        // (A day right after the title is no name: «كشف الرئيس الشيشاني يوم الأحد هوية …».)
        let day = cx.toks.get(m.tok_end).is_some_and(|t| mentions::is_day(&t.norm));
        // (A quoted name is no content: «الأمين العام لجماعة "حزب الله" اللبنانية، حسن نصرالله».)
        let opener = (m.tok_end..sent_end.min(m.tok_end + 20)).find(|&x| {
            (cx.opens_content(x) && (cx.quotes.opening_at(x).is_none() || opens_quotation_of_words(cx, x)))
                || cx.cue(x).is_some_and(|c| c.infl.form == VerbForm::Participle)
        });
        if let Some(o) = opener.filter(|_| !day) {
            // (A comma may set the name off from the content: «… رأفت الصباغ، أن», and so may
            // a time word and where it was said: «… حسن نصرالله، الأحد، إن»، «… رأفت الصباغ، في
            // تصريح صحفي، أن».)
            let e = before_addressee(cx, m.tok_end, before_asides(cx, m.tok_end, o));
            if let Some(n) = mentions::name_after_title(&cx.doc(), m, e) {
                parsed = Some(n);
            }
        }
    }
    // «وأوضح المتحدث الرسمي لمركز الملك سلمان للإغاثة … رأفت الصباغ، أن …»: a name inside the
    // title's complements (the body is named after someone) is not the speaker's when another
    // name ends the phrase right before the content, set off by a comma or not.
    if let Some(m) = parsed.as_ref().filter(|m| {
        m.class == Some(EntityClass::Title) && m.name_toks.is_some_and(|(a, _)| a > m.tok_start) && !opens_after(m)
    }) {
        let opener = (m.tok_end..sent_end.min(m.tok_end + 16)).find(|&x| cx.opens_content(x));
        if let Some(o) = opener {
            let e = before_addressee(cx, m.tok_end, before_asides(cx, m.tok_end, o));
            let mut bare = m.clone();
            bare.name.clear();
            bare.name_toks = None;
            // Only the body's own name runs on between the two (no «في رده على …»), and the
            // second name is a person's, not a body's named after one («مؤسسة سالم بن محفوظ
            // الخيرية»، «جامعة الإمام محمد بن سعود الإسلامية»).
            let plain = |k: usize| !cx.word(k).is(Gram::Prep) && !cx.word(k).is(Gram::Stop);
            if let Some(n) = mentions::name_after_title(&cx.doc(), &bare, e).filter(|n| {
                let (a, b) = n.name_toks.unwrap_or((e, e));
                (m.tok_end..a).all(plain) && b > a && !cx.toks[b - 1].norm.ends_with("يه")
            }) {
                parsed = Some(n);
            }
        }
    }
    // «وقال ستيفان دوغاريك المتحدث باسم الأمين العام إن …»: a name, then its title with no comma
    // between, then the content: the title is the name's apposition.
    if let Some(m) = parsed.as_ref().filter(|m| m.class.is_none() && !m.name.is_empty() && !opens_after(m)) {
        let definite_title = cx.toks.get(m.tok_end).is_some_and(mentions::definite)
            && cx.entity(m.tok_end).is_some_and(|e| e.info.class == EntityClass::Title && e.pre == 0);
        if definite_title {
            if let Some(t) = mentions::parse(&cx.doc(), m.tok_end, sent_end, false)
                .filter(|t| t.class == Some(EntityClass::Title) && t.name.is_empty() && opens_after(t))
            {
                let mut joined = m.clone();
                joined.tok_end = t.tok_end;
                joined.end = t.end;
                joined.role = t.role.clone();
                joined.class = t.class;
                joined.title_head = t.title_head.clone();
                joined.gender = t.gender;
                parsed = Some(joined);
            }
        }
    }
    // A phrase that opens with a word the news almost never writes as a name (`common`: «سيكون»،
    // «لوجود»، «توجه»، «قراره»، «حرص») is no subject: «ويؤكد توجه القيادة …», «سيعلن قراره بشأن
    // …», «وأكد حرص بلاده على …» have an unnamed one and an object after the verb. (Not the
    // outlet's own «مراسلنا», nor a share of a group: «أحد المتابعين»، «معظم المشاركين».)
    let lone_common = |m: &Mention| {
        let first = cx.toks[m.tok_start].norm.as_str();
        m.class.is_none()
            && cx.word(m.tok_start).is(Gram::Common)
            && !first.ends_with("نا")
            && (m.tok_end == m.tok_start + 1 || !QUANTIFIERS.contains(&first))
    };
    let found = parsed.filter(|m| (believable(m) || m.class == Some(EntityClass::Title)) && !lone_common(m));
    found.or_else(|| counted_subject(cx, p, entry, sent_end)).or_else(|| phrase_up_to_content(cx, p, entry, sent_end))
}

/// Words that open a share of a group, «أحد المتابعين»، «معظم المشاركين»: a phrase they open
/// names someone though the word alone is `common`.
pub(super) const QUANTIFIERS: &[&str] = &["احد", "احدى", "عدد", "معظم", "اغلب", "بعض", "كل"];

/// «وقال 60,7٪ من المجيبين إن …»، «ورأى 86 بالمئة من الذين استطلعت آراؤهم أن …»، «وقال أقل من
/// ربع الذين …»: a share of the people surveyed or counted speaks (GUIDELINES: counted and
/// surveyed people are speakers). The phrase runs from the number (or a fraction, after an
/// approximation) right up to the content; it is an anonymous group.
fn counted_subject(cx: &Ctx, p: usize, entry: &crate::lexicon::CueEntry, sent_end: usize) -> Option<Mention> {
    const APPROX: &[&str] = &["حوالي", "نحو", "قرابه", "زهاء", "اكثر", "اقل", "من", "ما", "يقرب"];
    const FRACTION: &[&str] = &["نصف", "ربع", "ثلث", "ثلثي", "ثلثا", "خمس", "غالبيه", "اغلبيه"];
    let counted =
        |k: usize| cx.toks.get(k).is_some_and(|t| t.kind == TokKind::Number || FRACTION.contains(&t.norm.as_str()));
    let mut k = p;
    while k < sent_end && k < p + 4 && APPROX.contains(&cx.toks[k].norm.as_str()) {
        k += 1;
    }
    if !counted(k) {
        return None;
    }
    let limit = sent_end.min(p + 16);
    let o = (k + 1..limit).find(|&x| cx.tags[x].that.is_some() || cx.toks[x].kind == TokKind::Colon)?;
    // (No comma inside but right before the content: «حوالي 12 من الكوادر … سنة سجنا، بعد أن»
    // is no group speaking.)
    let inside_ok = (p..o).all(|x| {
        let t = &cx.toks[x];
        !matches!(t.kind, TokKind::End | TokKind::Para | TokKind::Quote(_))
            && cx.cue(x).is_none()
            && (t.kind != TokKind::Comma || x + 1 == o)
    });
    if !inside_ok {
        return None;
    }
    // Not a comma, the verb's own preposition or «فقط» before the content: «وأشار 10,7٪ فقط إلى أن».
    let mut e = o;
    while e > k + 1
        && (cx.toks[e - 1].kind == TokKind::Comma
            || matches!(cx.toks[e - 1].norm.as_str(), "فقط" | "الى")
            || entry.prep.is_some_and(|pr| cx.toks[e - 1].norm == pr))
    {
        e -= 1;
    }
    if e <= k {
        return None;
    }
    // The group the share is of («من المجيبين»، «ممن شملهم الاستطلاع») names the speaker, so
    // that every share of the same respondents is one speaker; a bare share is its own.
    let group =
        (k + 1..e).find(|&x| matches!(cx.toks[x].norm.as_str(), "من" | "ممن")).map(|x| x + 1).filter(|&g| g < e);
    let (a, b) = (group.unwrap_or(p), e);
    let text = mentions::text_of(cx.text, cx.toks, p, e);
    Some(Mention {
        start: cx.toks[p].start,
        end: cx.toks[e - 1].end,
        tok_start: p,
        tok_end: e,
        name: String::new(),
        role: text,
        class: Some(EntityClass::Anonymous),
        gender: Gender::Unknown,
        title_head: None,
        key: cx.toks[a..b]
            .iter()
            .filter(|t| t.is_word() || t.kind == TokKind::Number)
            .map(|t| t.norm.to_string())
            .collect(),
        name_toks: None,
        definite: false,
    })
}

/// «وقالت جماعات مدافعة عن حقوق الإنسان إن …»، «قال د. علي بن دبكل العنزي أستاذ العقيدة إن …»،
/// «ويقول المحاسب الخمسيني ماجد عمران إن …»: when the grammar finds no subject, a short phrase
/// of words that runs from the verb right up to its content (إن، أن، a colon, a quotation) is
/// the subject all the same: Arabic puts the subject there (verb, subject, content), and the
/// alternative — the speaker the text was following — is wrong for most such phrases in the
/// annotated articles. Not a phrase that opens with a preposition, a time word or a word the
/// news almost never writes as a name, and not after a verb whose object is a noun phrase.
fn phrase_up_to_content(cx: &Ctx, p: usize, entry: &crate::lexicon::CueEntry, sent_end: usize) -> Option<Mention> {
    const MAX_WORDS: usize = 8;
    if entry.frame == Frame::Np || p >= sent_end || !cx.toks[p].is_word() {
        return None;
    }
    let first = cx.word(p);
    if first.is(Gram::Prep)
        || first.is(Gram::Stop)
        || first.is(Gram::Time)
        || first.is(Gram::Common)
        || !first.name_like && !mentions::definite(&cx.toks[p]) && cx.entity(p).is_none()
    {
        return None;
    }
    // The opener: the content, or the verb's own preposition right before it (أشار إلى أن).
    let limit = sent_end.min(p + MAX_WORDS + 3);
    // (A quotation opens the content only when it holds a few words: «أعلن … التوصل مع "جبهة
    // النصرة"» quotes a name.)
    let opens =
        |k: usize| cx.tags[k].that.is_some() || cx.toks[k].kind == TokKind::Colon || opens_quotation_of_words(cx, k);
    let mut o = (p + 1..limit).find(|&k| {
        opens(k) || entry.prep.is_some_and(|pr| cx.toks[k].norm == pr && k + 1 < sent_end && opens(k + 1))
    })?;
    // A dot after a one-letter word (د.) is part of the phrase; nothing else that is not a word,
    // and no preposition, particle or conjunction («الأحمدي في تصريحات لـ»، «الحق والباطل لكن»).
    let abbreviation = |k: usize| cx.toks[k].norm == "." && k > p && cx.toks[k - 1].norm.chars().count() == 1;
    let plain = |k: usize| {
        let w = cx.word(k);
        let addressee = k > p && cx.toks[k].norm.starts_with('ل') && cx.addressee_end(k, o).is_some();
        cx.toks[k].is_word()
            && !addressee
            && cx.cue(k).is_none()
            && cx.tags[k].that.is_none()
            && !w.is(Gram::Prep)
            && !w.is(Gram::Stop)
            && !w.is(Gram::Conj)
            && cx.quotes.opening_at(k).is_none()
    };
    if cx.quotes.inside[p].is_some() {
        return None;
    }
    // The phrase may end at a preposition that says where it was said, the rest running on to
    // the content: «وقالت كريستين لاجارد المديرة العامة | في بيان إن»، «الأحمدي | في تصريحات لـ"عكاظ" إن».
    if let Some(e) = (p..o).find(|&k| !plain(k) && !abbreviation(k)) {
        let w = cx.toks[e].norm.as_str();
        let where_said = matches!(w, "في" | "خلال" | "امام" | "عبر" | "لدى")
            || w.starts_with('ل') && cx.addressee_end(e, o).is_some();
        let adjunct =
            e > p && where_said && (e..o).all(|k| cx.cue(k).is_none() && cx.tags[k].that.is_none() && !cx.is_end(k));
        if !adjunct {
            return None;
        }
        o = e;
    }
    // A time word before the content is not part of the subject («قالت بيونغيانغ الأربعاء إن»).
    while o > p + 1 && cx.word(o - 1).is(Gram::Time) {
        o -= 1;
    }
    if (p..o).filter(|&k| cx.toks[k].is_word()).count() > MAX_WORDS {
        return None;
    }
    // One word alone must be shaped like a name, not an adjective («عديدة»).
    if o == p + 1 && (first.is(Gram::Adj) || !first.name_like) {
        return None;
    }
    let m = mentions::parse(&cx.doc(), p, o, false)?;
    let m = if m.tok_end < o { mentions::extend_to(cx.text, cx.toks, &m, o) } else { m };
    // No word shaped like something other than a name's («أسرارَهُ»، «بنفس»).
    cx.plausible_words(&m).then_some(m)
}

/// One definite word the text repeats, in the place of a person, said alone as a family name
/// («قال المحمداوي خلال استقباله …» after «عادل المحمداوي»): read as a name, so that it joins the
/// full name. In a subject's place the text must also write it after a given name somewhere
/// (`Ctx::surnames`); after «نقلت الوكالة عن» (`relayed`) the place itself says it is a person.
pub(super) fn family_name(cx: &Ctx, m: Mention, relayed: bool) -> Mention {
    let w = cx.toks[m.tok_start].norm.as_str();
    let alone = m.name.is_empty()
        && m.class.is_none()
        && m.tok_end == m.tok_start + 1
        && w.starts_with("ال")
        && cx.freq.get(w).copied().unwrap_or(0) >= 2
        && (relayed || cx.surnames.contains_key(w) && cx.entity(m.tok_start).is_none());
    if !alone {
        return m;
    }
    Mention {
        name: m.role.clone(),
        role: String::new(),
        name_toks: Some((m.tok_start, m.tok_end)),
        definite: true,
        ..m
    }
}

/// «وتقول ليديا، التي ساعدت أندرو، إن …»، «وقال أليكس راموس، رئيس المجتمع المدني، إن …»: a clause
/// or an apposition set off by two commas between the subject and its content; or a relative
/// clause set off by a comma and the colon that opens the content («وقال المدعي أنطونيو دي ماتيو،
/// الذي يعيش تحت حراسة مسلحة: "…"»). True when
/// `end` is such a comma and the content opens right after the second mark. (The stretch holds
/// words and numbers only: no verb of saying, no quotation, no sentence end, so a second
/// statement is not skipped.)
/// The relative pronouns (folded) that open a clause about the one before them.
pub(super) const RELATIVES: &[&str] = &["الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "اللاتي"];

fn opens_after_interposed(cx: &Ctx, end: usize, sent_end: usize) -> bool {
    if cx.toks.get(end).is_none_or(|t| t.kind != TokKind::Comma) {
        return false;
    }
    // Up to three stretches set off by commas, each of words and numbers and short quoted names
    // («قبطان المركب «بريغيت بادوت» التابع للجماعة البيئية»), the whole within 30 tokens:
    // «قال كزافييه بيتل، رئيس وزراء لوكسمبرغ …، في مقابلة أجريت مع وكالة الأنباء الألمانية، إن».
    let limit = sent_end.min(end + 30);
    let mut from = end;
    for stretch in 0..3 {
        let mut k = from + 1;
        let close = loop {
            if k >= limit {
                return false;
            }
            match cx.toks[k].kind {
                TokKind::Word | TokKind::Number => k += 1,
                _ => match cx.quotes.opening_at(k) {
                    Some(q) if k > from + 1 && q.close <= k + 5 && q.close < limit => k = q.close + 1,
                    _ => break k,
                },
            }
        };
        if close < from + 2 || (from + 1..close).any(|k| cx.cue(k).is_some() || cx.tags[k].that.is_some()) {
            return false;
        }
        match cx.toks[close].kind {
            // (A time word may follow in commas of its own: «أقر المختبر البريطاني، الذي قام بتحليل
            // المادة، الثلاثاء، بأنه …»; so may where it was said: «…، في بيان "إن …"».)
            TokKind::Comma => {
                let next = super::skip_fillers(cx, close + 1, sent_end, None);
                if next < sent_end
                    && (cx.opens_content(next) || venue_then(cx, next, sent_end, |k| cx.opens_content(k)))
                {
                    return true;
                }
                from = close;
            }
            // A relative clause («…، الذي يعيش تحت حراسة مسلحة: "…"»), or the first stretch when
            // it opens with a title («كارلوس غصن، الرئيس العام ورئيس مجلس الإدارة: «…»»).
            // (Not any words: «… بدهشة، طرح السفير عددا من الأسئلة …:» is the next sentence.)
            TokKind::Colon => {
                let title = stretch == 0
                    && cx.entity(from + 1).is_some_and(|e| e.pre == 0 && e.info.class == EntityClass::Title);
                return (RELATIVES.contains(&cx.toks[from + 1].norm.as_str()) || title) && cx.opens_content(close);
            }
            _ => return false,
        }
    }
    false
}

/// Where a name that runs from after `from` up to the content at `o` ends: before the commas,
/// time words («الأحد») and the place it was said («في تصريح صحفي»، «في بيان») that may stand
/// between the two.
fn before_asides(cx: &Ctx, from: usize, o: usize) -> usize {
    let mut e = before_comma(cx, from, o);
    loop {
        let comma = e > from + 2 && cx.toks[e - 1].kind == TokKind::Comma;
        if comma || e > from + 1 && cx.word(e - 1).is(Gram::Time) {
            e -= 1;
        } else if let Some(c) = (from + 1..e)
            .rev()
            .take(6)
            .find(|&c| !cx.toks[c].is_word())
            .filter(|&c| cx.toks[c].kind == TokKind::Comma && cx.toks.get(c + 1).is_some_and(|t| t.norm == "في"))
            .filter(|&c| (c + 2..e).any(|k| cx.entity(k).is_some_and(|en| en.info.class == EntityClass::Document)))
        {
            e = c;
        } else if let Some(c) = (from + 1..e).rev().take(6).find(|&c| venue_at(cx, c)) {
            // «… تركي المالكي في مؤتمر صحفي: …»: where it was said, with no comma before it.
            e = c;
        } else {
            return e;
        }
    }
}

/// «في» at `c`, then a word for where or how words were said (في مؤتمر صحفي، في مقابلة; grammar
/// class `venue`).
fn venue_at(cx: &Ctx, c: usize) -> bool {
    cx.toks[c].norm == "في" && cx.toks.get(c + 1).is_some_and(|t| t.is_word()) && cx.word(c + 1).bare_is(Gram::Venue)
}

/// Where the words were said at `k` («في مؤتمر صحفي»), then within a few words what `opens`
/// accepts (the clause, a quotation): the venue stands between a name and its content.
fn venue_then(cx: &Ctx, k: usize, sent_end: usize, opens: impl Fn(usize) -> bool) -> bool {
    k + 1 < sent_end && venue_at(cx, k) && (k + 2..sent_end.min(k + 5)).any(opens)
}

/// Where a name that runs from after `from` up to `e` ends: before the one spoken to, when the
/// preposition is written apart and the addressee runs up to `e` («… سعيد البسامي لـ»المدينة» أن»).
fn before_addressee(cx: &Ctx, from: usize, e: usize) -> usize {
    (from + 1..e).find(|&k| cx.toks[k].norm == "ل" && cx.addressee_end(k, e) == Some(e)).unwrap_or(e)
}

/// A quotation of a few words opens at `k` (more than a quoted name: «"جبهة النصرة"»).
fn opens_quotation_of_words(cx: &Ctx, k: usize) -> bool {
    cx.quotes.opening_at(k).is_some_and(|q| q.close > q.open + 3)
}

/// Where a name that runs from after `from` up to the content at `o` ends: before the comma that
/// may set it off from the content («… رأفت الصباغ، أن»).
fn before_comma(cx: &Ctx, from: usize, o: usize) -> usize {
    if o > from + 2 && cx.toks[o - 1].kind == TokKind::Comma {
        o - 1
    } else {
        o
    }
}

/// A family name in ي at token `k` (الفرجاني، الجهيناوي): a singular nisba written with ي, not an
/// adjective in ى (الوسطى) nor a plural (الأوروبيين).
fn family_nisba(cx: &Ctx, k: usize) -> bool {
    let t = &cx.toks[k];
    mentions::is_nisba(&t.norm) && t.norm.ends_with('ي') && cx.text[t.start..t.end].ends_with('ي')
}

/// A لـ-word at `k` that says to whom or why, not a name: not a word whose ل is its own
/// (لافروف), and a word the lexicon knows after the ل («لنفسه»، «لوجود»; not «لوني ميتز»،
/// «لورنزو»). (A word said once was tried instead: it lost foreign given names said once.)
fn to_someone(cx: &Ctx, k: usize) -> bool {
    let t = &cx.toks[k];
    let Some(rest) = t.norm.strip_prefix('ل').filter(|r| r.chars().count() >= 3 && !r.starts_with('ل')) else {
        return false;
    };
    let known = cx.lex.grams(rest) != Default::default() || cx.lex.word(rest, None, false).is(Gram::Common);
    known && !cx.word(k).is(Gram::Lword)
}
