//! Chains: each statement's isnad, once its speaker is known (GUIDELINES, «The chain and the
//! denial's target»).
//!
//! `speakers` gives a statement the chain its own sentence names (`statements::Relay`: «نقلت
//! الصحيفة عن الوزير»، «ذكرت رويترز نقلاً عن مصادر»، «…، وفق ما ذكرت وكالة فرانس برس»). This
//! stage adds what only the whole text says, in text order:
//!
//! 1. **Speech inside speech.** A statement whose cue lies inside another's content, by someone
//!    else, was heard through that statement's speaker: «قال البيت الأبيض إن بايدن أبلغ بوتين
//!    أن …» gives the inner statement [البيت الأبيض، بايدن] (after the host's own chain, when it
//!    has one: [صحيفة صن، نيكولا رايت، المستشفى]).
//! 2. **One of the sources just cited.** An unnamed source speaking right after an outlet's words
//!    from unnamed sources is one of them: «ذكرت رويترز نقلاً عن مصادر أن …» then «…، وفقاً لأحد
//!    المصادر» is [رويترز، أحد المصادر].
//! 3. **A relayed speaker going on.** Once a speaker's words came through a relay, the statement
//!    right after it that goes on without naming them came through it too: «ونقل موقع ليفربول عن
//!    صلاح قوله …» then «وأضاف …» is [موقع ليفربول، صلاح]. (Not after speech inside speech: the host was a
//!    party to that one statement, not the journalist's source.)

use crate::output::{Analysis, SpeakerKind};

/// How many statements either side can hold a cue in their content: a content runs over at most
/// a few hundred tokens (`statements::MAX_CONTENT`), and the window keeps the stage linear.
const WINDOW: usize = 16;

/// Completes the chains of `analysis` (byte offsets, speakers resolved), then drops a source's
/// attribution that only passes another's words on (see `passes_on`). True when it dropped one
/// (the speakers are then to be pruned).
pub fn link(analysis: &mut Analysis) -> bool {
    chain_each(analysis);
    let keep: Vec<bool> = (0..analysis.statements.len()).map(|h| !passes_on(analysis, h)).collect();
    analysis.keep_statements(&keep)
}

/// «وبحسب «رويترز»، قال ريتشارد مالينسون … إن …»: the attribution's content is another
/// statement, verb and all, whose chain runs through the attribution's source. The source says
/// nothing of its own there; the inner statement carries it in its chain.
fn passes_on(analysis: &Analysis, h: usize) -> bool {
    let sts = &analysis.statements;
    let host = &sts[h];
    host.explain.as_deref().is_some_and(|e| e.starts_with("attribution before its content"))
        && (h + 1..sts.len().min(h + WINDOW)).any(|i| {
            let st = &sts[i];
            st.speaker != host.speaker
                && st.cue.start >= host.content.start
                && st.cue.start <= host.content.start + 2
                && st.chain.as_ref().is_some_and(|c| c.contains(&host.speaker))
        })
}

/// Gives each statement its chain (rules 1–3 above).
fn chain_each(analysis: &mut Analysis) {
    let sts = &analysis.statements;
    let n = sts.len();
    // For each statement: the innermost other statement whose content holds its cue (any
    // speaker), and the innermost one by another speaker (its host, for rule 1).
    let holds = |h: usize, i: usize| {
        let (c, cue) = (&sts[h].content, &sts[i].cue);
        h != i && c.start <= cue.start && cue.end <= c.end
    };
    let innermost = |i: usize, other_speaker: bool| {
        (i.saturating_sub(WINDOW)..n.min(i + WINDOW + 1))
            .filter(|&h| holds(h, i) && (!other_speaker || sts[h].speaker != sts[i].speaker))
            .min_by_key(|&h| sts[h].content.end - sts[h].content.start)
    };
    let nested: Vec<bool> = (0..n).map(|i| innermost(i, false).is_some()).collect();
    let hosts: Vec<Option<usize>> = (0..n).map(|i| innermost(i, true)).collect();
    // The latest chain each speaker's words came through, for rule 3.
    let mut relayed: Vec<Option<Vec<usize>>> = vec![None; analysis.speakers.len()];
    for (i, host) in hosts.into_iter().enumerate() {
        let st = &analysis.statements[i];
        let own = st.chain.clone();
        let speaker = st.speaker;
        let chain = if let Some(h) = host {
            let outer = &analysis.statements[h];
            let mut chain = outer.chain.clone().unwrap_or_else(|| vec![outer.speaker]);
            chain.extend(own.unwrap_or_else(|| vec![speaker]));
            Some(chain)
        } else if let Some(own) = own {
            relayed[speaker] = Some(own.clone());
            Some(own)
        } else if let Some(chain) = one_of_the_sources(analysis, i) {
            relayed[speaker] = Some(chain.clone());
            Some(chain)
        } else {
            // (Only right after, and only a statement that goes on from it: the statement just
            // before, passing over those inside another's content, is the same speaker's and came
            // through the relay. «وأضاف …» goes on from it; «وقال صلاح …» in a later paragraph is
            // the journalist's own again. Measured on the real articles: carried to every later
            // statement of the speaker, the chain was right 25 times and false 92; this way, 24
            // and 32.)
            match (i.saturating_sub(WINDOW)..i).rev().find(|&p| !nested[p]) {
                Some(p)
                    if p + 1 == i
                        && analysis.statements[p].speaker == speaker
                        && analysis.statements[p].chain.is_some()
                        && goes_on(st) =>
                {
                    relayed[speaker].clone()
                }
                _ => None,
            }
        };
        analysis.statements[i].chain = chain
            .map(|mut c| {
                c.dedup();
                c
            })
            .filter(|c| c.len() >= 2);
    }
}

/// A statement that goes on from the one before: its verb does not name its subject (وأضاف،
/// مشيراً), or it is a verb of going on (أضاف، تابع), as `statements` explains it.
fn goes_on(st: &crate::output::Statement) -> bool {
    st.explain.as_deref().is_some_and(|e| {
        e.contains("speaker not named") || e.starts_with("verb «أضاف»") || e.starts_with("verb «تابع»")
    })
}

/// Rule 2: statement `i`, by an unnamed source, right after an outlet's statement whose chain
/// ends in another unnamed source: the outlet's chain with this source in that one's place.
fn one_of_the_sources(analysis: &Analysis, i: usize) -> Option<Vec<usize>> {
    let st = &analysis.statements[i];
    let kind = |s: usize| analysis.speakers[s].kind;
    if i == 0 || kind(st.speaker) != SpeakerKind::Anonymous {
        return None;
    }
    let prev = &analysis.statements[i - 1];
    let chain = prev.chain.as_ref()?;
    let (&last, outer) = chain.split_last()?;
    let from_outlet = outer.first().is_some_and(|&o| kind(o) == SpeakerKind::Media) && prev.speaker == outer[0];
    (from_outlet && kind(last) == SpeakerKind::Anonymous && last != st.speaker)
        .then(|| outer.iter().copied().chain([st.speaker]).collect())
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Analysis, OffsetUnit};

    /// The names of statement `i`'s chain.
    fn chain(a: &Analysis, i: usize) -> Vec<String> {
        a.statements[i].chain.iter().flatten().map(|&s| a.speakers[s].name.clone()).collect()
    }

    /// The statement whose content starts with `words`.
    fn by_content(a: &Analysis, words: &str) -> usize {
        a.statements.iter().position(|s| s.content.text.starts_with(words)).expect(words)
    }

    /// The rules' statements, before the learned filter (which may drop a test sentence's).
    fn rules(text: &str) -> Analysis {
        crate::analyze_for_training(text).analysis
    }

    /// «وحسب فرانس برس، قال …»: the agency passes the words on; it says nothing of its own.
    #[test]
    fn an_attribution_before_a_verb_only_passes_on() {
        let a = rules("وحسب فرانس برس، قال إد باربريني قائد شرطة سان برونو إن الجرحى نقلوا إلى المستشفى.");
        assert_eq!(a.statements.len(), 1, "{:?}", a.statements);
        assert_eq!(chain(&a, 0), ["فرانس برس", "إد باربريني"]);
        assert_eq!(a.statements[0].id, 0);
    }

    #[test]
    fn speech_inside_speech_goes_through_the_outer_speaker() {
        let a = rules("وقال البيت الأبيض إن بايدن أبلغ بوتين أن الولايات المتحدة سترد.");
        let inner = by_content(&a, "الولايات المتحدة");
        assert_eq!(chain(&a, inner), ["البيت الأبيض", "بايدن"]);
        // The outer statement was heard directly.
        assert_eq!(a.statements[by_content(&a, "بايدن")].chain, None);
    }

    #[test]
    fn an_unnamed_source_after_an_outlets_sources_is_one_of_them() {
        let a = analyze(
            "وذكرت وكالة رويترز نقلاً عن مصادر أن الوزارة تعرضت لهجوم.\nوكان الاختراق خطيرا، وفقًا لأحد المصادر.",
            OffsetUnit::Byte,
        );
        assert_eq!(chain(&a, by_content(&a, "الوزارة")), ["وكالة رويترز", "مصادر"]);
        assert_eq!(chain(&a, by_content(&a, "وكان الاختراق")), ["وكالة رويترز", "أحد المصادر"]);
    }

    #[test]
    fn a_relayed_speaker_going_on_keeps_the_relay() {
        let a = rules(
            "ونقلت صحيفة الغارديان عن الوزير أحمد سالم قوله إن الاتفاق قريب.\nوأضاف سالم أن التوقيع سيتم غدا.\nوقالت وزيرة الخارجية سلمى حداد إن الموعد لم يحدد.",
        );
        assert_eq!(chain(&a, by_content(&a, "الاتفاق")), ["صحيفة الغارديان", "أحمد سالم"]);
        assert_eq!(chain(&a, by_content(&a, "التوقيع")), ["صحيفة الغارديان", "أحمد سالم"]);
        // Someone else, heard directly, has none.
        assert_eq!(a.statements[by_content(&a, "الموعد")].chain, None);
    }

    #[test]
    fn a_relayed_speaker_named_again_is_heard_directly() {
        let a = rules(
            "ونقلت صحيفة الغارديان عن الوزير أحمد سالم قوله إن الاتفاق قريب.\nوقال سالم في مؤتمر صحفي إن المفاوضات مستمرة.",
        );
        assert_eq!(chain(&a, by_content(&a, "الاتفاق")), ["صحيفة الغارديان", "أحمد سالم"]);
        assert_eq!(a.statements[by_content(&a, "المفاوضات")].chain, None);
    }
}
