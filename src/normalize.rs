//! stub
pub fn is_arabic_letter(c: char) -> bool { ('\u{0621}'..='\u{064A}').contains(&c) }
