//! Relays: who else a statement passed through, as its own sentence names them (GUIDELINES, «The
//! chain and the denial's target»).
//!
//! - In the verb's frame: «ونقلت الصحيفة عن الوزير قوله» (the paper, then the minister, who
//!   speaks), «ذكرت رويترز نقلاً عن مصادر» (Reuters speaks, from sources), «أكدت المنظمة، على
//!   لسان المتحدث باسمها فلان، أن …» (the body, then the person, who speaks). `verbs` records
//!   these as it reads the frame. A pronoun on «عن» («ونقلت وكالة فارس عنه قوله») passes on the
//!   words of the one the text is following, whom `speakers` resolves in the pronoun's gender.
//! - After the statement, at the end of its sentence: «وقال مصدر طبي إن "…"، وفق ما ذكرت وكالة
//!   فرانس برس.»، or as a sentence of its own right after it: «… العواقب". حسب فرانس برس.» —
//!   the outlet passed on every statement of that sentence ([`trailing`]).
//!
//! - Between the cue and the content, where it was said and who passed it on: «وقال أقصوي في
//!   بيان نقلته وكالة الأناضول إن …» ([`interposed`]).
//!
//! Speech inside speech and a relayed speaker going on (وأضاف) are not in one sentence's
//! grammar; `chains` derives them once the speakers are known.

use super::*;

/// The parties named around a statement's speaker: `before`, from the one that reports the words
/// to the speaker; `after`, from the speaker to the one they started from. The chain is `before`,
/// the speaker, `after`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Relay {
    pub before: Vec<Mention>,
    pub after: Vec<Mention>,
}

impl Relay {
    pub fn is_empty(&self) -> bool {
        self.before.is_empty() && self.after.is_empty()
    }
}

/// «قوله»، «قولها»، «قولهم»: «his (her, their) saying», after the one quoted in «نقلت الصحيفة عن
/// الوزير قوله» (folded `w`).
pub(super) fn is_saying(w: &str) -> bool {
    w.strip_prefix("قول").is_some_and(|p| matches!(p, "ه" | "ها" | "هم" | "هما"))
}

/// Can `m` pass words on? An outlet, a body, a source, a person with a title, or a name of two
/// words or more — not a place or a document («حسب القانون»، «وفق التقرير» name no one who
/// speaks), nor one word that may be a noun («حسب قوله»: by his own words).
pub(super) fn is_party(cx: &Ctx, m: &Mention) -> bool {
    match m.class {
        Some(EntityClass::Place | EntityClass::Document) => false,
        Some(_) => true,
        None => m.name.split_whitespace().nth(1).is_some() && cx.plausible(m),
    }
}

/// The party an attribution phrase at token `k` names («وفق ما ذكرت وكالة فرانس برس»، «حسب
/// رويترز»), when one does, with the token after its phrase.
fn attribution_party(cx: &Ctx, k: usize, sent_end: usize) -> Option<Mention> {
    let (mut end, joined, needs) = cx.attribution(k)?;
    if needs == Needs::Document {
        return None;
    }
    if needs == Needs::Verb {
        // «وفق ما ذكرت …»: the verb belongs to the phrase.
        cx.cue(end)?;
        end += 1;
    }
    let m = mentions::parse(&cx.doc(), end, sent_end, joined && needs != Needs::Verb)?;
    is_party(cx, &m).then_some(m)
}

/// An attribution that closes the sentence of the statement whose content ends at token `c`:
/// after a comma or a closing quotation, nothing but the phrase and its party up to the sentence
/// end. Returns the party.
fn closing_attribution(cx: &Ctx, c: usize) -> Option<Mention> {
    let sent_end = cx.sentence_end(c);
    let k = (c..sent_end.min(c + 4)).find(|&k| cx.attribution(k).is_some())?;
    // Only punctuation between the content and the phrase.
    if (c..k).any(|x| cx.toks[x].is_word()) {
        return None;
    }
    let m = attribution_party(cx, k, sent_end)?;
    closes(cx, &m, sent_end).then_some(m)
}

/// Nothing but punctuation after the party up to the sentence end, or the one it was said to
/// («…، وفق ما أكده مصدر أمني لمراسل "الجوهرة أف أم".»).
fn closes(cx: &Ctx, m: &Mention, sent_end: usize) -> bool {
    let after = cx.addressee_end(m.tok_end, sent_end).filter(|&e| e <= sent_end).unwrap_or(m.tok_end);
    (after..sent_end).all(|x| !cx.toks[x].is_word())
}

/// A sentence that is only an attribution («. حسب فرانس برس.») right after the sentence that
/// ends at token `end`: its party.
fn attribution_sentence(cx: &Ctx, end: usize) -> Option<Mention> {
    let k = end + 1;
    if k >= cx.toks.len() || cx.toks[end].kind != TokKind::End || cx.attribution(k).is_none() {
        return None;
    }
    let sent_end = cx.sentence_end(k);
    let m = attribution_party(cx, k, sent_end)?;
    closes(cx, &m, sent_end).then_some(m)
}

/// Verbs of passing words on, with the pronoun of the words they pass on (folded): «في بيان
/// نقلته وكالة الأناضول»، «في تصريحات نشرتها صحيفة …».
const PASSED_ON: &[&str] = &[
    "نقلته",
    "نقلتها",
    "نقله",
    "نقلها",
    "نشرته",
    "نشرتها",
    "نشره",
    "نشرها",
    "اوردته",
    "اوردتها",
    "اورده",
    "اوردها",
    "بثته",
    "بثتها",
    "بثه",
    "بثها",
];

/// The most tokens between a cue and its content that may hold the outlet that passed it on.
const INTERPOSED: usize = 24;

/// The outlet named between a statement's cue and its content, when one is: where it was said
/// and who passed it on («وقال أقصوي في بيان نقلته وكالة الأناضول إن …»، «في تصريحات نشرتها صحيفة
/// …»). (Not an attribution phrase there, «وقال بوتين في الفيلم، بحسب تقرير وكالة رويترز: …»:
/// measured on the real articles it added 3 right chains and 10 false.) Nothing inside a
/// quotation counts.
fn interposed_party(cx: &Ctx, cue_end: usize, content_start: usize) -> Option<Mention> {
    if content_start <= cue_end || content_start - cue_end > INTERPOSED {
        return None;
    }
    let k = (cue_end + 1..content_start)
        .find(|&k| !cx.in_quote(k) && cx.toks[k - 1].is_word() && PASSED_ON.contains(&cx.toks[k].norm.as_str()))?;
    let m = mentions::parse(&cx.doc(), k + 1, content_start, false)?;
    matches!(m.class, Some(EntityClass::Media | EntityClass::Organization)).then_some(m)
}

/// Gives a statement whose frame names no one it passed through the outlet named between its cue
/// and its content (see `interposed_party`).
pub(super) fn interposed(cx: &Ctx, events: &mut [Event]) {
    for e in events.iter_mut() {
        let Event::Statement(f) = e else { continue };
        if !f.relay.is_empty() || f.nested {
            continue;
        }
        let (cue_end, content_start) = (cx.tok_at(f.cue.1), cx.tok_at(f.content.0));
        if cue_end >= cx.toks.len() || cx.in_quote(cue_end.saturating_sub(1)) {
            continue;
        }
        if let Some(party) = interposed_party(cx, cue_end, content_start) {
            f.relay.before.push(party);
        }
    }
}

/// Gives every statement of a sentence that an attribution closes («…، وفق ما ذكرت وكالة فرانس
/// برس.») that attribution's party as the one that passed it on, unless its frame already names
/// one. Statements inside a quotation are the quoted speaker's words, not the outlet's relay.
pub(super) fn trailing(cx: &Ctx, events: &mut [Event]) {
    let mut k = 0;
    while k < events.len() {
        let Event::Statement(f) = &events[k] else {
            k += 1;
            continue;
        };
        let cue = cx.tok_at(f.cue.0);
        if cue >= cx.toks.len() || cx.in_quote(cue) {
            k += 1;
            continue;
        }
        let sentence = cx.sentence_start(cue);
        let sent_end = cx.sentence_end(cue);
        // The statements of this sentence: this one and those after it whose cue is in it.
        let last = (k..events.len())
            .take_while(|&j| match &events[j] {
                Event::Statement(g) => cx.tok_at(g.cue.0) < sent_end,
                _ => true,
            })
            .last()
            .unwrap_or(k);
        // The last content of the sentence is what the attribution follows.
        let content_end = events[k..=last]
            .iter()
            .filter_map(|e| match e {
                Event::Statement(g) => Some(g.content.1.max(g.cue.1)),
                _ => None,
            })
            .max()
            .unwrap_or(f.content.1);
        let c = cx.toks.partition_point(|t| t.end <= content_end);
        let party = closing_attribution(cx, c).or_else(|| {
            (sent_end < cx.toks.len() && c + 3 >= sent_end).then(|| attribution_sentence(cx, sent_end)).flatten()
        });
        if let Some(party) = party {
            // The last statement, and before it those that it goes on from without naming its
            // subject («وأوضحت الوزارة أن …، مشيرة إلى أن …، وفق ما نقلت وكالة فرانس برس»); not
            // another speaker's earlier in the sentence («نفى المصمم …، وطالب ديبي …، حسب ما
            // ذكرته وكالة كيودو» is Kyodo's report of Debie's demand only).
            for e in events[k..=last].iter_mut().rev() {
                let Event::Statement(g) = e else { continue };
                let g_cue = cx.tok_at(g.cue.0);
                if g.nested || g_cue < sentence || cx.in_quote(g_cue) {
                    continue;
                }
                if g.relay.before.is_empty() {
                    g.relay.before.push(party.clone());
                }
                if !matches!(g.subject, Subject::Implicit { .. }) {
                    break;
                }
            }
        }
        k = last + 1;
    }
}
