//! Words looked up in a text by their first character: the template's row keys, searched in
//! label keys and in flattened lines at every character. A sieve of first characters settles
//! most positions with one bit test; the words starting with a character that passes are found
//! in a list sorted by first character.

use crate::narrative::lexicon::Sieve;

/// Words (with what each stands for) indexed by their first character.
pub struct WordIndex<T> {
    /// First character, word, what it stands for; sorted by first character.
    entries: Vec<(char, &'static str, T)>,
    firsts: Sieve,
}

impl<T> WordIndex<T> {
    pub fn new(words: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut firsts = Sieve::EMPTY;
        let mut entries: Vec<_> = words
            .into_iter()
            .filter_map(|(word, value)| word.chars().next().map(|first| (first, word, value)))
            .inspect(|(first, _, _)| firsts.insert(*first))
            .collect();
        entries.sort_by_key(|e| e.0);
        WordIndex { entries, firsts }
    }

    /// Calls `found` with every occurrence of an indexed word in `text` (the word, what it
    /// stands for, its byte offset), in order of position, until it returns true; returns
    /// whether it did. Positions at or past `limit` bytes are not searched. `found` is taken as
    /// a trait object: one copy of the loop serves every caller (it is called on matches only).
    pub fn find(&self, text: &str, limit: usize, found: &mut dyn FnMut(&'static str, &T, usize) -> bool) -> bool {
        for (at, c) in text.char_indices().take_while(|(at, _)| *at < limit) {
            if !self.firsts.may_hold(c) {
                continue;
            }
            let from = self.entries.partition_point(|e| e.0 < c);
            for (_, word, value) in self.entries[from..].iter().take_while(|e| e.0 == c) {
                if text[at..].starts_with(word) && found(word, value, at) {
                    return true;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_in_order() {
        let index = WordIndex::new([("行政许可", 1), ("行政", 2), ("其他", 3)]);
        let mut hits = Vec::new();
        index.find("其他行政许可与行政", usize::MAX, &mut |word, value, at| {
            hits.push((word, *value, at));
            false
        });
        // By position; at one position, in the order the words were given.
        assert_eq!(hits, [("其他", 3, 0), ("行政许可", 1, 6), ("行政", 2, 6), ("行政", 2, 21)]);
        assert!(index.find("甲其他", usize::MAX, &mut |_, value, _| *value == 3), "stops when told");
        assert!(!index.find("甲其他", 3, &mut |_, _, _| true), "positions past the limit are not searched");
    }
}
