//! A set of words (their bytes) kept in one buffer: a draft's lower-case vocabulary without a string
//! allocated per word.

use std::hash::{BuildHasher, Hasher};

/// A set of strings, stored one after another in one buffer and found through an open
/// addressing table of their indices. Look-ups compare the words themselves, so the set is
/// exact whatever the hashes.
#[derive(Clone, Debug, Default)]
pub struct WordSet {
    /// The words, one after another.
    text: Vec<u8>,
    /// Each word's byte range in `text`.
    ranges: Vec<(u32, u32)>,
    /// The table: 0 for an empty slot, else 1 + the word's index in `ranges`. Its length is
    /// a power of two, at least twice the number of words.
    slots: Vec<u32>,
}

fn hash(w: &[u8]) -> u64 {
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(w);
    h.finish()
}

impl WordSet {
    /// An empty set with room for about `words` words before it grows.
    pub fn with_capacity(words: usize) -> WordSet {
        WordSet {
            text: Vec::with_capacity(words * 6),
            ranges: Vec::with_capacity(words),
            slots: vec![0; (words * 2).next_power_of_two().max(16)],
        }
    }

    /// How many words the set holds.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Whether the set holds no word.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    fn word(&self, i: usize) -> &[u8] {
        let (s, e) = self.ranges[i];
        &self.text[s as usize..e as usize]
    }

    /// The slot that holds `w`, or the empty slot where it would go.
    fn slot(&self, w: &[u8], h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = (h as usize) & mask;
        loop {
            match self.slots[at] {
                0 => return at,
                n if self.word(n as usize - 1) == w => return at,
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Whether the set holds `w`.
    pub fn contains(&self, w: &[u8]) -> bool {
        self.position(w).is_some()
    }

    /// The index of `w` in the order the words were added, if the set holds it.
    pub fn position(&self, w: &[u8]) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        (self.slots[self.slot(w, hash(w))] as usize).checked_sub(1)
    }

    /// Adds `w`; returns whether it was new.
    pub fn insert(&mut self, w: &[u8]) -> bool {
        if (self.ranges.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let at = self.slot(w, hash(w));
        if self.slots[at] != 0 {
            return false;
        }
        let start = self.text.len() as u32;
        self.text.extend_from_slice(w);
        self.ranges.push((start, self.text.len() as u32));
        self.slots[at] = self.ranges.len() as u32;
        true
    }

    fn grow(&mut self) {
        let mut slots = vec![0; (self.slots.len() * 2).max(16)];
        let mask = slots.len() - 1;
        for i in 0..self.ranges.len() {
            let mut at = (hash(self.word(i)) as usize) & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = i as u32 + 1;
        }
        self.slots = slots;
    }

    /// The words, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.ranges.len()).map(|i| self.word(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashSet;

    #[test]
    fn holds_what_was_added() {
        let mut set = WordSet::default();
        assert!(!set.contains(b"storm") && set.is_empty());
        assert!(set.insert(b"storm"));
        assert!(!set.insert(b"storm"));
        assert!(set.insert(b"") && set.contains(b""));
        assert!(set.contains(b"storm") && !set.contains(b"stor") && !set.contains(b"storms"));
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn grows_past_its_capacity() {
        let mut set = WordSet::with_capacity(2);
        let words: Vec<String> = (0..2000).map(|i| format!("w{i}")).collect();
        for w in &words {
            assert!(set.insert(w.as_bytes()));
        }
        assert!(words.iter().all(|w| set.contains(w.as_bytes())));
        assert!(!set.contains(b"w2000"));
        let back: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
        assert_eq!(set.iter().collect::<Vec<_>>(), back);
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_a_hash_set(words in proptest::collection::vec("[a-dé]{0,4}", 0..80),
                                  probes in proptest::collection::vec("[a-dé]{0,4}", 0..40)) {
            let mut set = WordSet::with_capacity(4);
            let mut reference = FxHashSet::default();
            for w in &words {
                proptest::prop_assert_eq!(set.insert(w.as_bytes()), reference.insert(w.clone()));
            }
            let order: Vec<&[u8]> = set.iter().collect();
            for w in words.iter().chain(&probes) {
                proptest::prop_assert_eq!(set.contains(w.as_bytes()), reference.contains(w));
                if let Some(i) = set.position(w.as_bytes()) {
                    proptest::prop_assert_eq!(order[i], w.as_bytes());
                }
            }
            proptest::prop_assert_eq!(set.len(), reference.len());
        }
    }
}
