//! The language data: reporting verbs, attributions, speaker heads, function words and denial
//! phrases. Their source is the TSV files in `lexicons/`; `build.rs` reads them at build time
//! (with `lexicon/source.rs`) and writes them out as static tables, which this module includes:
//! the first analysis parses nothing and builds no map.
//!
//! Verb inflections are generated from three stems per verb (past, present, participle), so
//! a linguist adds one row to get قال، قالت، قالوا، يقول، تقول، يقولون، قائلاً، قائلة … The
//! proclitics و ف ل سـ and object pronouns are stripped at lookup (`cue_at`).

pub mod source;

use crate::tokenize::{TokKind, Token};
use source::{key_hash, without_article};
pub use source::{CueKind, EntityClass, EntityInfo, Frame, Gender, Gram, Inflection, LexiconError, Needs, VerbForm};

#[derive(Clone, Debug)]
pub struct CueEntry {
    pub lemma: &'static str,
    pub kind: CueKind,
    pub frame: Frame,
    /// Folded preposition the verb takes before its content (إلى in أشار إلى), if any.
    pub prep: Option<&'static str>,
}

/// A reporting verb found in a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueMatch {
    pub entry: usize,
    pub infl: Inflection,
    /// The token carried a conjunction و or ف (وقال، فقال): it continues a clause, so its subject
    /// cannot stand before it.
    pub conj: bool,
    /// The token carried an object pronoun (أبلغه، نشرته).
    pub enclitic: bool,
    /// The future prefix س (سيعلن، ستطالب): speech still to come, no statement made.
    pub future: bool,
}

/// A word sequence; `joined_l` when its last word is the preposition لـ written onto the next word.
#[derive(Clone, Debug)]
pub struct Phrase {
    pub words: &'static [&'static str],
    pub joined_l: bool,
    /// Attributions only: what must follow for the phrase to attribute.
    pub needs: Needs,
}

/// A hash map compiled by `build.rs`: open addressing with linear probing over `key_hash`
/// (`source::hash_slots` lays out the slots, `get` probes them in the same order).
struct StaticMap<V: 'static> {
    keys: &'static [&'static str],
    values: &'static [V],
    /// A power of two in length; 0 is an empty slot, n the key `keys[n - 1]`.
    slots: &'static [u16],
}

impl<V> StaticMap<V> {
    /// The index of `key` in `keys`, if it is one.
    #[inline]
    fn find(&self, key: &str) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut s = (key_hash(key.as_bytes()) & mask as u64) as usize;
        loop {
            let n = self.slots[s] as usize;
            if n == 0 {
                return None;
            }
            if same_bytes(self.keys[n - 1].as_bytes(), key.as_bytes()) {
                return Some(n - 1);
            }
            s = (s + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, key: &str) -> Option<&'static V> {
        self.find(key).map(|n| &self.values[n])
    }

    /// The map's own copy of `key`, which outlives the word it was looked up with.
    #[inline]
    fn key(&self, key: &str) -> Option<&'static str> {
        self.find(key).map(|n| self.keys[n])
    }
}

/// `a == b` for the short byte strings of words, inline: the library `memcmp` call that `==`
/// makes costs more than the comparison itself on a few bytes.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// `s.strip_suffix(suf)` without the `memcmp` call (see `same_bytes`). The cut is at a char
/// boundary, since `suf` is a whole UTF-8 string.
#[inline]
fn strip_suffix_fast<'a>(s: &'a str, suf: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suf.len())?;
    if same_bytes(&s.as_bytes()[cut..], suf.as_bytes()) {
        s.get(..cut)
    } else {
        None
    }
}

/// `s.chars().count() < 2`, without counting past the second letter.
#[inline]
fn fewer_than_two_letters(s: &str) -> bool {
    let mut c = s.chars();
    c.next();
    c.next().is_none()
}

/// `s.strip_prefix(pre)` without the `memcmp` call.
#[inline]
fn strip_prefix_fast<'a>(s: &'a str, pre: &str) -> Option<&'a str> {
    if s.len() >= pre.len() && same_bytes(&s.as_bytes()[..pre.len()], pre.as_bytes()) {
        s.get(pre.len()..)
    } else {
        None
    }
}

pub struct Lexicon {
    pub cues: &'static [CueEntry],
    cue_forms: StaticMap<(usize, Inflection)>,
    pub attributions: &'static [Phrase],
    entities: &'static [(Phrase, EntityInfo)],
    grammar: &'static [(Phrase, Gram)],
    pub denials: &'static [Phrase],
    /// First folded word → indices into `entities` / `grammar`, longest phrase first.
    entity_index: StaticMap<&'static [usize]>,
    grammar_index: StaticMap<&'static [usize]>,
    /// First folded word → indices into `attributions` / `denials`, in file order.
    attribution_index: StaticMap<&'static [usize]>,
    denial_index: StaticMap<&'static [usize]>,
    /// Single-word grammar rows: folded word → bit set of its classes (bit = `Gram as u64`).
    word_classes: StaticMap<u64>,
    /// Class `common`, mined.
    common: WordSet,
    /// Class `accusative`, mined.
    accusative: WordSet,
}

/// Mined words, sorted, one a line, with a bit filter in front (`source::SortedWords`, compiled).
struct WordSet {
    lines: &'static str,
    filter: &'static [u64],
}

impl WordSet {
    /// The filter first, then the search.
    fn contains(&self, w: &str) -> bool {
        let b = source::filter_bit(w, self.filter.len() * 64);
        self.filter.get(b / 64).is_some_and(|x| x & (1 << (b % 64)) != 0) && source::sorted_lines_contain(self.lines, w)
    }
}

// `static LEXICON: Lexicon`, generated by build.rs from lexicons/*.tsv.
include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));

impl Lexicon {
    /// The lexicons compiled into this build (checked by `build.rs`: a broken row fails the build).
    #[inline]
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    /// The reporting verb in folded word `w`, trying proclitics and object pronouns.
    pub fn cue(&self, w: &str) -> Option<CueMatch> {
        for (pre, conj) in [
            ("", false),
            ("و", true),
            ("ف", true),
            ("ل", false),
            ("س", false),
            ("وس", true),
            ("فس", true),
            ("ول", true),
        ] {
            let Some(rest) = strip_prefix_fast(w, pre) else { continue };
            if fewer_than_two_letters(rest) {
                continue;
            }
            let via_l_or_s = pre.ends_with('ل') || pre.ends_with('س');
            for enc in ["", "ه", "ها", "هم", "هما", "هن", "ني", "نا"] {
                let Some(stem) = strip_suffix_fast(rest, enc) else { continue };
                if fewer_than_two_letters(stem) {
                    continue;
                }
                // The plural's silent alif drops before a pronoun: أخبروه = أخبروا + ـه.
                let restored = !enc.is_empty() && stem.ends_with('و');
                let found = self
                    .cue_forms
                    .get(stem)
                    .or_else(|| restored.then(|| concat(stem, "ا", |r| self.cue_forms.get(r))).flatten());
                if let Some(&(entry, infl)) = found {
                    if via_l_or_s && infl.form != VerbForm::Present {
                        continue;
                    }
                    return Some(CueMatch {
                        entry, infl, conj, enclitic: !enc.is_empty(), future: pre.ends_with('س')
                    });
                }
            }
        }
        None
    }

    /// The entity phrase starting at token `i` (its first word may carry و ف ل ب), if any.
    pub fn entity_at(&self, toks: &[Token], i: usize) -> Option<EntityAt> {
        let t = toks.get(i).filter(|t| t.is_word())?;
        let mut found = None;
        for_variants(&t.norm, &mut |first, pre| {
            let Some(cands) = self.entity_index.get(first).copied() else { return false };
            for &c in cands {
                let (p, info) = &self.entities[c];
                if let Some(end) = match_rest(toks, i, p) {
                    found = Some(EntityAt { info: *info, end, pre });
                    return true;
                }
            }
            false
        });
        found
    }

    /// A cheap first test before `entity_at`: could the word `w` (folded) start an entity phrase,
    /// as written or without a و or لـ and the article? No possessive forms, no allocation.
    pub fn may_start_entity(&self, w: &str) -> bool {
        let has = |x: &str| self.entity_index.get(x).is_some();
        let article = |x: &str| has(x) || x.strip_prefix("ال").is_some_and(has);
        article(w)
            || w.strip_prefix('و').is_some_and(&article)
            || w.strip_prefix('ل').is_some_and(|r| article(r) || r.strip_prefix('ل').is_some_and(has))
    }

    /// Whether the entity starting at token `i` could be spoken of by its head alone
    /// (`may_start_entity`), and the head word's lexicon form when it is a title (`head_key`):
    /// the facts `tag` stores beside `entity_at`.
    fn head_facts(&self, w: &str, entity: Option<EntityAt>) -> (bool, Option<&'static str>) {
        let Some(e) = entity else { return (false, None) };
        let head = if e.info.class == EntityClass::Title { self.head_key(w) } else { None };
        (self.may_start_entity(w), head)
    }

    /// The class of the one-word entity `w` (folded, without the article), if it is one.
    pub fn entity_index_has(&self, w: &str) -> Option<EntityClass> {
        self.entity_index
            .get(w)?
            .iter()
            .map(|&i| &self.entities[i])
            .find(|(p, _)| p.words.len() == 1)
            .map(|(_, e)| e.class)
    }

    /// True when two title heads name the same office (متحدث and ناطق).
    pub fn synonyms(&self, a: &str, b: &str) -> bool {
        a == b || self.is(a, Gram::Spokesman) && self.is(b, Gram::Spokesman)
    }

    /// The lexicon form of a head word as written (والدتها → والده، المحامي → محامي), for
    /// comparing titles; the word itself, without the article, when it is no head.
    pub fn head_form(&self, w: &str) -> String {
        self.head_key(w).unwrap_or_else(|| w.strip_prefix("ال").unwrap_or(w)).to_string()
    }

    /// The entity key a head word is written from, without proclitics (والدتها → والده); `None`
    /// when it is no head.
    fn head_key(&self, w: &str) -> Option<&'static str> {
        let mut form = None;
        for_variants(w, &mut |s, pre| {
            if pre == 0 {
                form = self.entity_index.key(s);
            }
            form.is_some()
        });
        form
    }

    /// The grammar phrase of class `class` starting at token `i` (a leading و ف stripped), if any:
    /// the index after it.
    pub fn gram_at(&self, toks: &[Token], i: usize, class: Gram) -> Option<usize> {
        let mut found = None;
        self.gram_phrases(toks, i, &mut |cl, end| {
            if cl == class {
                found = Some(end);
            }
            found.is_some()
        });
        found
    }

    /// The phrases of `grammar.tsv` that start at token `i`, in the order `gram_at` tries them:
    /// calls `f` with the class and the index after each, until it returns true.
    fn gram_phrases(&self, toks: &[Token], i: usize, f: &mut dyn FnMut(Gram, usize) -> bool) {
        let Some(t) = toks.get(i).filter(|t| t.is_word()) else { return };
        let firsts = [Some(t.norm.as_str()), t.norm.strip_prefix('و'), t.norm.strip_prefix('ف')];
        for first in firsts.into_iter().flatten() {
            let Some(cands) = self.grammar_index.get(first).copied() else { continue };
            for &c in cands {
                let (p, cl) = &self.grammar[c];
                if let Some(end) = match_rest(toks, i, p) {
                    if f(*cl, end) {
                        return;
                    }
                }
            }
        }
    }

    /// The ends of the phrases later stages ask about at token `i` (`gram_at` for those classes,
    /// in one pass).
    fn phrases_at(&self, toks: &[Token], i: usize) -> Phrases {
        let mut p = Phrases::default();
        self.gram_phrases(toks, i, &mut |cl, end| {
            let slot = match cl {
                Gram::Anon => &mut p.anon,
                Gram::Issued => &mut p.issued,
                Gram::Narration => &mut p.narration,
                _ => return false,
            };
            slot.get_or_insert(end);
            false
        });
        p
    }

    /// The grammar classes of folded word `w`, or of `w` without a leading و ف. (Not class
    /// `common`, which `word` adds, as written only: «فيصل» is no «ف» + «يصل».)
    pub fn grams(&self, w: &str) -> Grams {
        let own = self.word_classes.get(w).copied().unwrap_or(0);
        let stripped = [strip_prefix_fast(w, "و"), strip_prefix_fast(w, "ف")];
        let clitic = stripped.into_iter().flatten().filter_map(|f| self.word_classes.get(f)).fold(0, |a, &m| a | m);
        Grams(own | clitic & !(1 << Gram::Common as u64))
    }

    /// True when folded word `w` (or `w` without a leading و ف) is in grammar class `class`.
    pub fn is(&self, w: &str, class: Gram) -> bool {
        self.grams(w).has(class)
    }

    /// What the word lists say of folded word `w` by itself; `cue` and `that` are its
    /// `cue` and whether it is a `complementizer`, which the caller has looked up already.
    pub fn word(&self, w: &str, cue: Option<CueMatch>, that: bool) -> Word {
        // (A first-person form is never a cue of a statement (`verbs::verb_statement`), and
        // such forms are names as often: «نجيب» (نُجيب, we answer), «أروى», «ساري».)
        let cue = cue.is_some_and(|c| !c.infl.first_person);
        let gram = self.grams(w);
        // (Only a word shaped like a name can be a preposition with a pronoun or a mined common
        // word — the miner keeps name-like words only —, so the others skip both searches.
        // Class `common` is added here, once per distinct word: `grams` is also asked in loops.)
        let shaped = name_like(w, gram, cue, that);
        let name_like = shaped && !self.function_word_with_pronoun(w);
        let common = shaped && !w.starts_with("ال") && self.common.contains(w);
        let accusative = shaped && !w.starts_with("ال") && self.accusative.contains(w);
        Word {
            gram: Grams(
                gram.0
                    | if common { 1 << Gram::Common as u64 } else { 0 }
                    | if accusative { 1 << Gram::Accusative as u64 } else { 0 },
            ),
            gram_bare: strip_prefix_fast(w, "ال").map(|r| self.grams(r)),
            name_like,
        }
    }

    /// A preposition with a pronoun on it is no name: «فوقه»، «معي»، «عنهم»، «عليها». (Not any
    /// function word: «ماي» is a name, not «ما» + «ي».)
    fn function_word_with_pronoun(&self, w: &str) -> bool {
        ["هما", "هم", "ها", "ه", "ي", "نا"].iter().any(|s| {
            w.strip_suffix(s)
                .filter(|stem| stem.chars().nth(1).is_some())
                .is_some_and(|stem| self.word_classes.get(stem).is_some_and(|&m| m & (1 << Gram::Prep as u64) != 0))
        })
    }

    /// A complementizer (إن، أن، بأن) with or without a pronoun suffix (أنه، بأنها).
    /// Returns Some(true) when it carries a pronoun.
    pub fn complementizer(&self, w: &str) -> Option<bool> {
        let w = w.strip_prefix('و').filter(|r| r.starts_with("ان") || r.starts_with("بان")).unwrap_or(w);
        if self.is(w, Gram::That) && !w.starts_with('و') && !w.starts_with('ف') {
            return Some(false);
        }
        for suf in ["ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي"] {
            if let Some(base) = w.strip_suffix(suf) {
                if matches!(base, "ان" | "بان") {
                    return Some(true);
                }
            }
        }
        None
    }

    /// The attribution phrase starting at token `i`: (the index after it, whether its last word
    /// is a لـ joined to the next token).
    pub fn attribution_at(&self, toks: &[Token], i: usize) -> Option<(usize, bool, Needs)> {
        let t = toks.get(i).filter(|t| t.is_word())?;
        let firsts = [Some(t.norm.as_str()), t.norm.strip_prefix('و'), t.norm.strip_prefix('ف')];
        let mut lists = firsts.map(|f| f.and_then(|f| self.attribution_index.get(f).copied()).unwrap_or(&[]));
        // Rows in file order, so that longer phrases listed first win: each list is in file
        // order, so take the smallest first row of the three each time.
        while let Some(k) = (0..3).filter(|&k| !lists[k].is_empty()).min_by_key(|&k| lists[k][0]) {
            let r = lists[k][0];
            lists[k] = &lists[k][1..];
            let p = &self.attributions[r];
            let Some(end) = match_rest(toks, i, p) else { continue };
            // A joined لـ must start the next word.
            if !p.joined_l || toks.get(end).is_some_and(|n| n.is_word() && n.norm.starts_with('ل')) {
                return Some((end, p.joined_l, p.needs));
            }
        }
        None
    }

    /// The denial phrases (denials.tsv) that start at word token `i`, reading on over the next
    /// word tokens (punctuation between them is skipped, as a content's words are read): how long
    /// the shortest is, in words, and how long the shortest whose row wants a لـ joined to the
    /// next word is (then that word must start with ل). `statements::has_denial` asks whether
    /// one fits inside a content.
    pub fn denial_at(&self, toks: &[Token], i: usize) -> DenialAt {
        let mut found = DenialAt::default();
        let Some(first) = toks.get(i).filter(|t| t.is_word()).map(|t| t.norm.as_str()) else { return found };
        // The next few words after `i` (a phrase is a few words long).
        let mut next = [""; DenialAt::MAX_WORDS];
        let mut n = 0;
        for t in toks[i + 1..].iter().filter(|t| t.is_word()).take(DenialAt::MAX_WORDS) {
            next[n] = t.norm.as_str();
            n += 1;
        }
        // The first word may carry و or ف (فلا علاقة لنا); any word may carry the article or
        // بـ with it: «الادعاءات الباطلة» matches «ادعاءات باطلة»، «بالأكاذيب» «أكاذيب».
        let firsts = [Some(first), first.strip_prefix('و'), first.strip_prefix('ف')];
        for p in firsts
            .iter()
            .flatten()
            .filter_map(|f| self.denial_index.get(without_article(f)).copied())
            .flatten()
            .map(|&r| &self.denials[r])
        {
            let len = p.words.len();
            if len > n + 1 || len > DenialAt::MAX_WORDS {
                continue;
            }
            let rest = next[..len - 1].iter().zip(&p.words[1..]).all(|(a, b)| without_article(a) == without_article(b));
            if !rest {
                continue;
            }
            if p.joined_l {
                if len <= n && next[len - 1].starts_with('ل') && (found.joined == 0 || len < found.joined as usize) {
                    found.joined = len as u8;
                }
            } else if found.plain == 0 || len < found.plain as usize {
                found.plain = len as u8;
            }
        }
        found
    }
}

/// The denial phrases starting at a token (`Lexicon::denial_at`): the length in words of the
/// shortest, and of the shortest that wants a word starting with لـ after it; 0 for none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DenialAt {
    pub plain: u8,
    pub joined: u8,
}

impl DenialAt {
    /// The longest phrase read (the loader refuses a longer row of denials.tsv).
    pub const MAX_WORDS: usize = source::MAX_DENIAL_WORDS;

    /// A phrase starts here and fits in the `words` words from here to the content's end.
    pub fn fits(self, words: usize) -> bool {
        self.plain != 0 && self.plain as usize <= words || self.joined != 0 && (self.joined as usize) < words
    }
}

/// Calls `f` with `a` followed by `b`, joined on the stack when short (as words are), so that
/// trying a spelling allocates nothing.
fn concat<R>(a: &str, b: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 96];
    let n = a.len() + b.len();
    if n > buf.len() {
        return f(&format!("{a}{b}"));
    }
    buf[..a.len()].copy_from_slice(a.as_bytes());
    buf[a.len()..n].copy_from_slice(b.as_bytes());
    // Two strings joined are a string.
    match std::str::from_utf8(&buf[..n]) {
        Ok(s) => f(s),
        Err(_) => f(&format!("{a}{b}")),
    }
}

/// Calls `f` with each reading of a word as a head, until `f` returns true: the word itself,
/// without a proclitic (و ف ب ل and pairs), without a possessive pronoun (صديقته → صديقة،
/// والده → والد) and without the article (الرئيس → رئيس), with the letters of proclitic
/// stripped. The two spellings that change a letter (لل → ال، ـته → ـة) are built by `concat`.
fn for_variants(w: &str, f: &mut dyn FnMut(&str, usize) -> bool) -> bool {
    fn with_article_and_possessive(s: &str, n: usize, f: &mut dyn FnMut(&str, usize) -> bool) -> bool {
        fn bare(x: &str) -> Option<&str> {
            strip_prefix_fast(x, "ال").filter(|r| r.chars().count() >= 2)
        }
        if f(s, n) || bare(s).is_some_and(|r| f(r, n)) {
            return true;
        }
        for suf in ["ه", "ها", "هم", "هما"] {
            let Some(base) = strip_suffix_fast(s, suf).filter(|b| b.chars().count() >= 3) else { continue };
            let hit = match strip_suffix_fast(base, "ت") {
                Some(b) => concat(b, "ه", |fem| f(fem, n) || bare(fem).is_some_and(|r| f(r, n))),
                None => f(base, n) || bare(base).is_some_and(|r| f(r, n)),
            };
            if hit {
                return true;
            }
        }
        false
    }
    if with_article_and_possessive(w, 0, f) {
        return true;
    }
    for pre in ["و", "ف", "ب", "ل", "وب", "ول", "فب"] {
        let Some(rest) = strip_prefix_fast(w, pre).filter(|r| r.chars().count() >= 2) else { continue };
        let n = pre.chars().count();
        if with_article_and_possessive(rest, n, f) {
            return true;
        }
        // لـ + ال is written لل: للولايات = ل + الولايات.
        if pre.ends_with('ل') && rest.starts_with('ل') && concat("ا", rest, |w| with_article_and_possessive(w, n, f))
        {
            return true;
        }
    }
    // The accusative ending (مصدراً مسؤولاً، after أن or كان): the alef of the tanween.
    if let Some(base) = w.strip_suffix('ا').filter(|b| b.chars().count() >= 3 && !b.ends_with('ا')) {
        return f(base, 0);
    }
    false
}

/// Matches the words of `p` after the first against the tokens after `i`; the index after the match.
fn match_rest(toks: &[Token], i: usize, p: &Phrase) -> Option<usize> {
    let mut j = i + 1;
    for w in &p.words[1..] {
        let t = toks.get(j)?;
        if !t.is_word()
            || (t.norm != *w && t.norm.strip_prefix("ال") != Some(*w) && w.strip_prefix("ال") != Some(&t.norm))
        {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// A set of grammar classes (`Gram`), one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Grams(u64);

impl Grams {
    #[inline]
    pub fn has(self, g: Gram) -> bool {
        self.0 & (1 << g as u64) != 0
    }
}

/// An entity phrase found at a token (`Lexicon::entity_at`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityAt {
    pub info: EntityInfo,
    /// The index after its last token.
    pub end: usize,
    /// The letters of proclitic on its first word: 0, 1 (و ف ب ل) or 2 (وب ول فب).
    pub pre: usize,
}

/// What the word lists say of one folded word by itself, whatever stands around it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// Its grammar classes (`Lexicon::is` for every class), as written or without و ف.
    pub gram: Grams,
    /// The classes of the word without its article (الكبير → كبير); `None` when it has none.
    pub gram_bare: Option<Grams>,
    /// Could it be a word of a proper name? (see `name_like`)
    pub name_like: bool,
}

impl Word {
    #[inline]
    pub fn is(&self, g: Gram) -> bool {
        self.gram.has(g)
    }

    /// In class `g` as written or without its article (an adjective: كبير، الكبير).
    #[inline]
    pub fn is_or_bare(&self, g: Gram) -> bool {
        self.gram.has(g) || self.gram_bare.is_some_and(|b| b.has(g))
    }

    /// In class `g` once its article is dropped (الدكتور → دكتور), or as written when it has none.
    #[inline]
    pub fn bare_is(&self, g: Gram) -> bool {
        self.gram_bare.unwrap_or(self.gram).has(g)
    }
}

/// Could folded word `w` be a word of a proper name? Not a function word, not a reporting verb
/// or complementizer, not shaped like a verbal noun (استعداد) or a plural (اتهامات).
fn name_like(w: &str, gram: Grams, cue: bool, that: bool) -> bool {
    !(w.chars().nth(1).is_none()
        || gram.has(Gram::Stop)
        || gram.has(Gram::Time)
        || gram.has(Gram::Conj)
        || that
        || cue
        || gram.has(Gram::Accusation)
        || (w.starts_with("است") && w.chars().count() >= 6)
        || w.ends_with("ات")
        || w.starts_with("لل"))
}

/// Where the fixed phrases that later stages look for end, when one starts at a token
/// (`Lexicon::gram_at` for these classes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Phrases {
    /// An anonymous source's fixed ending: «لم يذكر اسمه».
    pub anon: Option<usize>,
    /// «issued by», between a document and its issuer: «صادر عن».
    pub issued: Option<usize>,
    /// The journalist's own voice: «ويذكر أن».
    pub narration: Option<usize>,
}

/// What the tagger knows of one token: every lexicon fact a later stage needs, looked up once,
/// so that `mentions` and `statements` read these and never hash a word again. Facts of a
/// phrase (an entity, an attribution) are those of the phrase starting at this token.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tag {
    pub cue: Option<CueMatch>,
    /// A complementizer; `Some(true)` when it carries a pronoun (أنه).
    pub that: Option<bool>,
    pub word: Word,
    /// The entity phrase starting here (`Lexicon::entity_at`).
    pub entity: Option<EntityAt>,
    /// With an entity: the word, without و or لـ and the article, starts one as written
    /// (`Lexicon::may_start_entity`; false without an entity).
    pub may_start_entity: bool,
    /// With an entity that is a title: the lexicon form of its head word (`Lexicon::head_form`
    /// when it is a head).
    pub head: Option<&'static str>,
    /// The attribution phrase starting here (`Lexicon::attribution_at`).
    pub attribution: Option<(usize, bool, Needs)>,
    pub phrases: Phrases,
    /// The denial phrases starting here (`Lexicon::denial_at`).
    pub denial: DenialAt,
}

/// What one folded word is by itself, whatever stands around it: `tag` looks this up once per
/// distinct word (kept in `KNOWN` across texts: news repeats its words), and the facts of phrases
/// only for the words that can start one.
#[derive(Clone, Copy)]
struct Lookup {
    cue: Option<CueMatch>,
    that: Option<bool>,
    word: Word,
    /// Some reading of the word is the first word of an entity, attribution or grammar phrase.
    entity: bool,
    attribution: bool,
    grammar: bool,
    denial: bool,
}

impl Lexicon {
    fn lookup(&self, w: &str) -> Lookup {
        let cue = self.cue(w);
        let that = self.complementizer(w);
        let firsts = [Some(w), strip_prefix_fast(w, "و"), strip_prefix_fast(w, "ف")];
        let first_of = |index: &StaticMap<&'static [usize]>| firsts.iter().flatten().any(|f| index.get(f).is_some());
        Lookup {
            cue,
            that,
            word: self.word(w, cue, that.is_some()),
            entity: for_variants(w, &mut |first, _| self.entity_index.get(first).is_some()),
            attribution: first_of(&self.attribution_index),
            grammar: first_of(&self.grammar_index),
            denial: firsts.iter().flatten().any(|f| self.denial_index.get(without_article(f)).is_some()),
        }
    }
}

/// Tags every token: reporting verbs, complementizers, grammar classes, and the entity,
/// attribution and fixed phrases that start at it.
pub fn tag(toks: &[Token], lex: &Lexicon) -> Vec<Tag> {
    KNOWN.with(|known| tag_with(toks, lex, &mut known.borrow_mut()))
}

/// How many words `KNOWN` keeps before it starts again: 7/8 of 32,768, the most a table of
/// 32,768 slots holds before it doubles (about 3 MB in all). On the first 800 articles of
/// ant-2018 this spares the analysis about a fifth of its instructions.
const KNOWN_WORDS: usize = 28_672;

thread_local! {
    /// The lexicon's facts of the words already looked up on this thread, in this text or in
    /// earlier ones (a batch of articles, or the page analyzing the same text as it is edited):
    /// they depend on the word alone, and news repeats its words. Emptied when full, so that
    /// memory stays bounded whatever the input.
    static KNOWN: std::cell::RefCell<crate::fastmap::FastMap<Box<str>, Lookup>> = Default::default();
}

/// Words after which «أن» joins a clause of time or manner, not reported content (folded).
const JOINS_A_CLAUSE: &[&str] = &["قبل", "بعد", "منذ", "قبيل", "عقب", "دون", "بدل", "بمجرد"];

/// Does the word before token `i` join the clause it opens to itself («قبل أن»، «وبعد أن»)?
fn after_clause_joiner(toks: &[Token], i: usize) -> bool {
    i > 0 && JOINS_A_CLAUSE.contains(&toks[i - 1].norm.trim_start_matches('و'))
}

fn tag_with(toks: &[Token], lex: &Lexicon, known: &mut crate::fastmap::FastMap<Box<str>, Lookup>) -> Vec<Tag> {
    let mut seen_other: crate::fastmap::FastMap<&str, Word> = crate::fastmap::FastMap::default();
    (0..toks.len())
        .map(|i| {
            let t = &toks[i];
            if t.kind != TokKind::Word {
                // (No word list holds punctuation or digits, and no phrase starts at them.)
                let word = *seen_other.entry(t.norm.as_str()).or_insert_with(|| lex.word(&t.norm, None, false));
                return Tag { word, ..Tag::default() };
            }
            let l = match known.get(t.norm.as_str()) {
                Some(&l) => l,
                None => {
                    let l = lex.lookup(&t.norm);
                    if known.len() >= KNOWN_WORDS {
                        known.clear();
                    }
                    known.insert(t.norm.as_str().into(), l);
                    l
                }
            };
            let entity = if l.entity { lex.entity_at(toks, i) } else { None };
            let (may_start_entity, head) = lex.head_facts(&t.norm, entity);
            let mut word = l.word;
            // The word after «أبو»، «بن» … is a name, even one spelled like a reporting verb: «أحمد
            // أبو طالب» (طالب, «demanded»); after «أبي» or «أم» only when another link stands before
            // them (علي بن أبي طالب), since they are other words too (Abiy, Abe; «or»). Its cue
            // goes; the name grammar reads it as a name. (Asked only of a cue: few words are.)
            let mut cue = l.cue;
            let linked = || {
                let grams = |k: usize| if toks[k].kind == TokKind::Word { lex.grams(&toks[k].norm) } else { Grams(0) };
                let before = if i > 0 { grams(i - 1) } else { Grams(0) };
                before.has(Gram::Link) || before.has(Gram::WeakLink) && i > 1 && grams(i - 2).has(Gram::Link)
            };
            if cue.is_some() && linked() {
                cue = None;
                word = lex.word(&t.norm, None, l.that.is_some());
            }
            // «علي أكبر» (ولايتي، صالحي) is one given name: «أكبر» after the name is no comparative
            // (the tokenizer tells the name «عليّ» from the preposition).
            if t.norm == "اكبر" && i > 0 && toks[i - 1].norm.trim_start_matches('و') == "عليّ" {
                word.gram = Grams(word.gram.0 & !(1 << Gram::Common as u64));
            }
            // «قبل أن يفارق»، «بعد أن انفجر»: أن after a word of time or manner joins a clause to
            // it and opens no reported content («ارتفاع يبلغ 40 متراً قبل أن …» is no «informs that»).
            let that = l.that.filter(|&pronoun| pronoun || !after_clause_joiner(toks, i));
            Tag {
                cue,
                that,
                word,
                entity,
                may_start_entity,
                head,
                attribution: if l.attribution { lex.attribution_at(toks, i) } else { None },
                phrases: if l.grammar { lex.phrases_at(toks, i) } else { Phrases::default() },
                denial: if l.denial { lex.denial_at(toks, i) } else { DenialAt::default() },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn files<'a>() -> source::Files<'a> {
        source::Files {
            cues: ("lexicons/cues.tsv", include_str!("../lexicons/cues.tsv")),
            attributions: ("lexicons/attributions.tsv", include_str!("../lexicons/attributions.tsv")),
            entities: ("lexicons/entities.tsv", include_str!("../lexicons/entities.tsv")),
            grammar: ("lexicons/grammar.tsv", include_str!("../lexicons/grammar.tsv")),
            denials: ("lexicons/denials.tsv", include_str!("../lexicons/denials.tsv")),
            mined: &[
                ("lexicons/mined/commons.tsv", include_str!("../lexicons/mined/commons.tsv")),
                ("lexicons/mined/accusatives.tsv", include_str!("../lexicons/mined/accusatives.tsv")),
            ],
        }
    }

    /// The compiled tables are a faithful copy of a fresh read of the TSV files.
    #[test]
    fn compiled_tables_match_the_lexicon_files() {
        let t = source::load(&files()).unwrap_or_else(|e| panic!("{e}"));
        let lex = Lexicon::get();
        assert_eq!(lex.cues.len(), t.cues.len());
        for (a, b) in lex.cues.iter().zip(&t.cues) {
            assert_eq!((a.lemma, a.kind, a.frame, a.prep), (b.lemma.as_str(), b.kind, b.frame, b.prep.as_deref()));
        }
        assert_eq!(lex.cue_forms.keys.len(), t.cue_forms.len());
        for (k, v) in &t.cue_forms {
            assert_eq!(lex.cue_forms.get(k), Some(v), "{k}");
        }
        let same = |a: &Phrase, b: &source::PhraseRow| {
            a.words.iter().eq(b.words.iter()) && a.joined_l == b.joined_l && a.needs == b.needs
        };
        assert!(lex.attributions.iter().zip(&t.attributions).all(|(a, b)| same(a, b)));
        assert!(lex.denials.iter().zip(&t.denials).all(|(a, b)| same(a, b)));
        assert_eq!(lex.entities.len(), t.entities.len());
        assert!(lex.entities.iter().zip(&t.entities).all(|(a, b)| same(&a.0, &b.0) && a.1 == b.1));
        assert_eq!(lex.grammar.len(), t.grammar.len());
        assert!(lex.grammar.iter().zip(&t.grammar).all(|(a, b)| same(&a.0, &b.0) && a.1 == b.1));
        for (map, want) in [
            (&lex.entity_index, &t.entity_index),
            (&lex.grammar_index, &t.grammar_index),
            (&lex.attribution_index, &t.attribution_index),
            (&lex.denial_index, &t.denial_index),
        ] {
            assert_eq!(map.keys.len(), want.len());
            for (k, v) in want {
                assert_eq!(map.get(k).copied(), Some(v.as_slice()), "{k}");
            }
        }
        for (k, v) in &t.word_classes {
            assert_eq!(lex.word_classes.get(k), Some(v), "{k}");
        }
        assert_eq!(lex.word_classes.get("not a word"), None);
        for (set, want) in [(&lex.common, &t.common), (&lex.accusative, &t.accusative)] {
            assert_eq!((set.lines, set.filter), (want.lines.as_str(), want.filter.as_slice()));
        }
        assert!(lex.word("عدم", None, false).is(Gram::Common) && !lex.word("فيصل", None, false).is(Gram::Common));
        // A function word with a pronoun is no name; a name that ends the same way is one.
        for w in ["فوقه", "معي", "عنهم", "عليها"] {
            assert!(!lex.word(w, None, false).name_like, "{w}");
        }
        for w in ["عطيه", "محمد", "بيسكوف", "ماي"] {
            assert!(lex.word(w, None, false).name_like, "{w}");
        }
        assert_eq!(lex.cue_forms.get(""), None);
    }

    /// A malformed row is reported with its file and line (build.rs stops the build with it).
    #[test]
    fn a_malformed_row_names_its_file_and_line() {
        let mut f = files();
        let cues = "# comment\n\nقال\tيقول\tقائلا\tdenail\tclause\t-\t-\tمثال\n";
        f.cues = ("lexicons/cues.tsv", cues);
        let e = source::load(&f).unwrap_err();
        assert_eq!(e.0, "lexicons/cues.tsv:3: unknown kind \"denail\" (expected claim, denial, question or reject)");
        f = files();
        f.entities = ("lexicons/entities.tsv", "رئيس title\n");
        let e = source::load(&f).unwrap_err();
        assert!(e.0.starts_with("lexicons/entities.tsv:1: expected 3 tab-separated columns"), "{e}");
    }

    fn cue(w: &str) -> Option<(String, Inflection, bool)> {
        let lex = Lexicon::get();
        lex.cue(&fold(w)).map(|m| (lex.cues[m.entry].lemma.to_string(), m.infl, m.conj))
    }

    #[test]
    fn verbs_are_found_in_every_person_tense_and_with_clitics() {
        for (w, lemma) in [
            ("قال", "قال"),
            ("قالت", "قال"),
            ("قالوا", "قال"),
            ("يقول", "قال"),
            ("تقول", "قال"),
            ("وقال", "قال"),
            ("فقال", "قال"),
            ("وقالت", "قال"),
            ("وأضاف", "أضاف"),
            ("وأضافت", "أضاف"),
            ("وتابع", "تابع"),
            ("يؤكد", "أكد"),
            ("مؤكداً", "أكد"),
            ("مؤكدة", "أكد"),
            ("مشيراً", "أشار"),
            ("لافتاً", "لفت"),
            ("سيقول", "قال"),
            ("نفى", "نفى"),
            ("نفت", "نفى"),
            ("ونفى", "نفى"),
            ("ينفي", "نفى"),
            ("تنفي", "نفى"),
            ("نفاه", "نفى"),
            ("اعتبرته", "اعتبر"),
            ("ووصفت", "وصف"),
            ("يدعو", "دعا"),
            ("دعت", "دعا"),
            ("وأفادت", "أفاد"),
            ("قائلاً", "قال"),
            ("قلت", "قال"),
            ("أخبروه", "أخبر"),
            ("أبلغوها", "أبلغ"),
        ] {
            assert_eq!(cue(w).map(|c| c.0), Some(lemma.to_string()), "{w}");
        }
    }

    #[test]
    fn inflection_carries_gender_and_conjunction() {
        let (_, infl, conj) = cue("وأضافت").unwrap();
        assert_eq!(infl.gender, Gender::Fem);
        assert!(conj);
        let (_, infl, conj) = cue("مشيراً").unwrap();
        assert_eq!(infl.form, VerbForm::Participle);
        assert!(!conj);
    }

    #[test]
    fn words_that_only_look_like_verbs_are_not_cues() {
        for w in ["قالب", "وزارة", "المتحدث", "التقارير", "القول", "مشير"] {
            assert!(cue(w).is_none(), "{w}");
        }
    }

    #[test]
    fn complementizers_with_and_without_pronouns() {
        let lex = Lexicon::get();
        assert_eq!(lex.complementizer(&fold("أن")), Some(false));
        assert_eq!(lex.complementizer(&fold("بأن")), Some(false));
        assert_eq!(lex.complementizer(&fold("إنه")), Some(true));
        assert_eq!(lex.complementizer(&fold("بأنها")), Some(true));
        assert_eq!(lex.complementizer(&fold("إنما")), None);
        assert_eq!(lex.complementizer(&fold("انتهى")), None);
    }

    /// Every fact `tag` stores is what the lexicon answers when asked about that token.
    #[test]
    fn tags_agree_with_the_lexicon() {
        let lex = Lexicon::get();
        let text = concat!(
            include_str!("../seeds/000_04b6d5a339be90df.txt"),
            "\nوقال مسؤول أمريكي كبير لم يذكر اسمه، وفقاً لأحد المصادر، إن بيان صادر عن والدتها الدكتور.\n",
            "للولايات المتحدة والرئيس الكبير بأنه ويذكر أن صديقته 2021 «نعم»"
        );
        let toks = crate::tokenize::tokenize(text);
        let tags = tag(&toks, lex);
        let mut seen = (0, 0, 0, 0);
        for (i, (t, g)) in toks.iter().zip(&tags).enumerate() {
            let w = t.norm.as_str();
            for class in
                [Gram::Stop, Gram::Time, Gram::Conj, Gram::Aux, Gram::Adj, Gram::Prep, Gram::Honorific, Gram::Quantity]
            {
                assert_eq!(g.word.is(class), lex.is(w, class), "{w} {class:?}");
                let bare = w.strip_prefix("ال").is_some_and(|r| lex.is(r, class));
                assert_eq!(g.word.is_or_bare(class), lex.is(w, class) || bare, "{w} {class:?}");
            }
            assert_eq!(g.entity, lex.entity_at(&toks, i), "{w}");
            assert_eq!(g.attribution.map(|a| (a.0, a.1)), lex.attribution_at(&toks, i).map(|a| (a.0, a.1)), "{w}");
            assert_eq!(g.phrases.anon, lex.gram_at(&toks, i, Gram::Anon), "{w}");
            assert_eq!(g.phrases.issued, lex.gram_at(&toks, i, Gram::Issued), "{w}");
            assert_eq!(g.phrases.narration, lex.gram_at(&toks, i, Gram::Narration), "{w}");
            if let Some(e) = g.entity {
                assert_eq!(g.may_start_entity, lex.may_start_entity(w), "{w}");
                if e.info.class == EntityClass::Title {
                    assert_eq!(
                        g.head.map_or_else(|| w.strip_prefix("ال").unwrap_or(w).to_string(), str::to_string),
                        lex.head_form(w)
                    );
                }
            }
            if t.is_word() {
                assert_eq!(g.cue, lex.cue(w), "{w}");
                let joined = after_clause_joiner(&toks, i);
                assert_eq!(g.that, lex.complementizer(w).filter(|&p| p || !joined), "{w}");
            }
            seen.0 += usize::from(g.entity.is_some());
            seen.1 += usize::from(g.attribution.is_some());
            seen.2 += usize::from(g.phrases.anon.is_some() || g.phrases.narration.is_some());
            seen.3 += usize::from(g.word.name_like);
        }
        // (The text holds each kind of fact, so the comparisons above compared something.)
        assert!(seen.0 > 5 && seen.1 > 0 && seen.2 > 1 && seen.3 > 20, "{seen:?}");
    }

    #[test]
    fn entities_match_with_clitics_and_article() {
        let lex = Lexicon::get();
        let text = "للولايات المتحدة والرئيس وكالة";
        let toks = crate::tokenize::tokenize(text);
        let e = lex.entity_at(&toks, 0).unwrap();
        assert_eq!((e.info.class, e.end, e.pre), (EntityClass::Place, 2, 1));
        assert_eq!(lex.entity_at(&toks, 2).unwrap().info.class, EntityClass::Title);
        assert_eq!(lex.entity_at(&toks, 3).unwrap().info.class, EntityClass::Media);
    }

    /// A reporting verb's form after a name link is a name (أبو طالب، بن أبي طالب); after «أبي»
    /// alone (Abiy, Abe) or «أم» («or») it stays a verb.
    #[test]
    fn a_cue_after_a_name_link_is_a_name() {
        let lex = Lexicon::get();
        let cue_of = |text: &str, word: &str| {
            let toks = crate::tokenize::tokenize(text);
            let tags = tag(&toks, lex);
            let k = toks.iter().position(|t| t.norm == word).unwrap_or_else(|| panic!("{word} in {text}"));
            tags[k].cue.is_some()
        };
        assert!(cue_of("وطالب المحتجون بالإصلاح", "وطالب"));
        assert!(!cue_of("وقال حمود أبو طالب إن", "طالب"));
        assert!(!cue_of("الإمام علي بن أبي طالب", "طالب"));
        assert!(cue_of("وأضاف أبي واصفا ما حدث", "واصفا"));
        assert!(cue_of("هل يصمت الوزير أم يعلن أن الخطة فشلت", "يعلن"));
    }
}
