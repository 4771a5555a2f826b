//! A hash map keyed by short strings with a fast, non-cryptographic hash (FNV-1a).
//!
//! The lexicon lookups hash every token several times; std's SipHash guards against
//! hash-flooding, which matters for maps filled from untrusted keys, but these maps are filled
//! from the compiled-in lexicons (and a word count), so the faster hash is safe here.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
