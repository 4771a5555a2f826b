pub struct Lexicon;
impl Lexicon { pub fn get() -> &'static Lexicon { &Lexicon } }
pub fn tag(_t: &[crate::tokenize::Token], _l: &Lexicon) -> Vec<()> { vec![] }
