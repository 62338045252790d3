//! Finding words in the folded characters of a passage: plain search ([`find`],
//! [`starts_with`]), and sets of characters and words that pass over most positions of a text
//! with one bit test ([`Sieve`], [`Lexicon`]), built at compile time.

/// Whether `word` starts at `chars[at]` (and ends within `chars`).
pub fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(k, c)| chars.get(at + k) == Some(&c))
}

/// The first index at or after `from` where `word` starts in `chars`.
pub fn find(chars: &[char], word: &str, from: usize) -> Option<usize> {
    let first = word.chars().next()?;
    let len = word.chars().count();
    if chars.len() < len {
        return None;
    }
    (from..=chars.len() - len).find(|&i| chars[i] == first && starts_with(chars, i, word))
}

pub fn contains(chars: &[char], word: &str) -> bool {
    find(chars, word, 0).is_some()
}

/// A set of characters as a bitmap over their low bits: most characters (in no set) are told
/// apart with one bit test, and a character that passes is then looked at exactly.
pub struct Sieve([u64; SIEVE_BITS / 64]);

const SIEVE_BITS: usize = 4096;

impl Sieve {
    pub const EMPTY: Sieve = Sieve([0; SIEVE_BITS / 64]);

    pub const fn of(chars: &[char]) -> Sieve {
        let mut sieve = Sieve::EMPTY;
        let mut i = 0;
        while i < chars.len() {
            sieve.insert(chars[i]);
            i += 1;
        }
        sieve
    }

    pub const fn insert(&mut self, c: char) {
        let bit = c as usize % SIEVE_BITS;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// False when `c` is surely not in the set.
    #[inline]
    pub fn may_hold(&self, c: char) -> bool {
        let bit = c as usize % SIEVE_BITS;
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A list of words with a sieve of their first characters: at most positions of a text no
/// word of the list can start, and one bit test says so.
pub struct Lexicon {
    /// In the order given.
    pub words: &'static [&'static str],
    firsts: Sieve,
}

impl Lexicon {
    pub const fn new(words: &'static [&'static str]) -> Lexicon {
        let mut firsts = Sieve::EMPTY;
        let mut i = 0;
        while i < words.len() {
            firsts.insert(first_char(words[i]));
            i += 1;
        }
        Lexicon { words, firsts }
    }

    /// False when no word of the list starts at `chars[at]`.
    pub fn may_start(&self, chars: &[char], at: usize) -> bool {
        chars.get(at).is_some_and(|c| self.firsts.may_hold(*c))
    }

    /// Some word of the list starts at `chars[at]` (and ends within `chars`).
    pub fn starts_at(&self, chars: &[char], at: usize) -> bool {
        self.may_start(chars, at) && self.words.iter().any(|w| starts_with(chars, at, w))
    }

    /// Some word of the list lies in `chars[from..]`.
    pub fn occurs(&self, chars: &[char], from: usize) -> bool {
        (from..chars.len()).any(|at| self.starts_at(chars, at))
    }
}

/// The character whose UTF-8 starts at byte `i` of `text`, and its width; at compile time.
pub const fn char_at(text: &str, i: usize) -> (char, usize) {
    const fn tail(b: &[u8], i: usize) -> u32 {
        b[i] as u32 & 0x3F
    }
    let b = text.as_bytes();
    let (code, width) = match b[i] {
        0x00..=0x7F => (b[i] as u32, 1),
        0xC0..=0xDF => ((b[i] as u32 & 0x1F) << 6 | tail(b, i + 1), 2),
        0xE0..=0xEF => ((b[i] as u32 & 0x0F) << 12 | tail(b, i + 1) << 6 | tail(b, i + 2), 3),
        _ => ((b[i] as u32 & 0x07) << 18 | tail(b, i + 1) << 12 | tail(b, i + 2) << 6 | tail(b, i + 3), 4),
    };
    match char::from_u32(code) {
        Some(c) => (c, width),
        None => panic!("not UTF-8"),
    }
}

/// The first character of a word, at compile time.
pub const fn first_char(word: &str) -> char {
    char_at(word, 0).0
}

/// How many characters a word has, at compile time.
pub const fn char_count(word: &str) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < word.len() {
        count += (word.as_bytes()[i] & 0xC0 != 0x80) as usize; // a byte that starts a character
        i += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_at_compile_time() {
        for word in ["a", "é", "件", "𠀀x", "予以公开"] {
            assert_eq!(first_char(word), word.chars().next().unwrap());
            assert_eq!(char_count(word), word.chars().count());
        }
        assert_eq!(char_at("a件", 1), ('件', 3));
    }

    #[test]
    fn lexicon_finds_its_words_only() {
        const NEGATIONS: Lexicon = Lexicon::new(&["未发生", "无"]);
        let chars: Vec<char> = "本年度未发生收费".chars().collect();
        assert!(NEGATIONS.starts_at(&chars, 3) && !NEGATIONS.starts_at(&chars, 4));
        assert!(NEGATIONS.occurs(&chars, 0) && !NEGATIONS.occurs(&chars, 4));
        let cut: Vec<char> = "未发".chars().collect();
        assert!(!NEGATIONS.starts_at(&cut, 0), "a word must end within the characters");
    }
}
