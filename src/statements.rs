pub fn find(_t: &str, _k: &[crate::tokenize::Token], _g: &[()], _q: &crate::quotes::Quotes, _l: &crate::lexicon::Lexicon) -> Vec<()> { vec![] }
