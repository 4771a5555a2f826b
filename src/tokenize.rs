pub struct Token;
pub fn tokenize(_t: &str) -> Vec<Token> { vec![] }
