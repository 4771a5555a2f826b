pub fn resolve(_t: &str, _k: &[crate::tokenize::Token], _f: Vec<()>, _l: &crate::lexicon::Lexicon) -> crate::Analysis { crate::Analysis::default() }
