//! «الأخير» and «الأخيرة» (the latter): a subject that only points back to the one the text
//! named last («وتربط علاقة صداقة بين ميسي وأغويرو … لكن الأخير استبعد …» is Agüero).

use super::*;

/// Whether `m` is «الأخير» or «الأخيرة» said alone.
fn is_latter(m: &Mention) -> bool {
    m.tok_end == m.tok_start + 1
        && m.name.is_empty()
        && matches!(m.key.as_slice(), [w] if w == "الاخير" || w == "الاخيره")
}

/// How far back the one meant is looked for, in tokens (about two sentences).
const LOOKBACK: usize = 60;

/// The subject `m` stands for: for «الأخير», the nearest phrase before it that names someone (a
/// person's name, a body, an outlet) and agrees in gender, with `m`'s place in the text; `m`
/// itself otherwise.
pub(super) fn resolve(cx: &Ctx, m: Mention) -> Mention {
    if !is_latter(&m) {
        return m;
    }
    antecedent(cx, &m).unwrap_or(m)
}

/// «وأكد الأخير أن …»: «الأخير» right after the verb, which the subject grammar reads as an
/// adjective, resolved to the one it points back to; `None` when it is not there or points to
/// nobody.
pub(super) fn after_verb(cx: &Ctx, p: usize) -> Option<Mention> {
    let t = cx.toks.get(p)?;
    if !t.is_word() || !matches!(t.norm.as_str(), "الاخير" | "الاخيره") {
        return None;
    }
    let m = Mention {
        start: t.start,
        end: t.end,
        tok_start: p,
        tok_end: p + 1,
        name: String::new(),
        role: String::new(),
        class: None,
        gender: if t.norm.ends_with('ه') { Gender::Fem } else { Gender::Masc },
        title_head: None,
        key: vec![t.norm.to_string()],
        name_toks: None,
        definite: true,
    };
    antecedent(cx, &m)
}

/// The nearest phrase before `m` that names someone and agrees with it in gender: of the phrases
/// ending nearest, the longest («بالسفيرة منى خليل» → منى خليل; «بين ميسي وأغويرو» → أغويرو).
fn antecedent(cx: &Ctx, m: &Mention) -> Option<Mention> {
    let fem = m.key[0].ends_with('ه');
    let from = m.tok_start.saturating_sub(LOOKBACK);
    let mut best: Option<Mention> = None;
    for k in (from..m.tok_start).rev() {
        if !cx.toks[k].is_word() {
            continue;
        }
        let Some(mut found) = mentions::parse(&cx.doc(), k, m.tok_start, false) else {
            continue;
        };
        // «وأغويرو»: the conjunction is not part of the name.
        if cx.toks[k].norm.starts_with('و') && found.tok_start == k {
            for w in [&mut found.name].into_iter().chain(found.key.first_mut()) {
                if let Some(rest) = w.strip_prefix('و').filter(|r| r.chars().count() >= 2) {
                    *w = rest.to_string();
                }
            }
        }
        let names = !found.name.is_empty()
            || matches!(found.class, Some(EntityClass::Organization | EntityClass::Media | EntityClass::Place));
        let agrees = match found.gender {
            Gender::Fem => fem,
            Gender::Masc => !fem,
            Gender::Unknown => true,
        };
        // (Not two names joined by و: «ميسي وأغويرو» is two people.)
        let joined = (found.tok_start + 1..found.tok_end).any(|x| cx.toks[x].norm.starts_with('و'));
        // A name the text repeats, or of two words or more (the one meant was often just named).
        let words = (found.tok_start..found.tok_end).filter(|&x| cx.toks[x].is_word()).count();
        let freq = |w: &str| cx.freq.get(w).copied().unwrap_or(0);
        let said_twice = found.key.last().is_some_and(|w| freq(w) + freq(&format!("و{w}")) >= 2);
        let shaped = found.class.is_some() || said_twice || (words >= 2 && cx.plausible_words(&found));
        if !names || !agrees || joined || found.tok_end > m.tok_start || !shaped {
            continue;
        }
        match &best {
            Some(b) if found.tok_end < b.tok_end => break,
            _ => {}
        }
        best = Some(found);
    }
    best.map(|found| Mention {
        start: m.start,
        end: m.end,
        tok_start: m.tok_start,
        tok_end: m.tok_end,
        name_toks: None,
        ..found
    })
}
