//! The attribution analysis' own small word lists as bit flags.
//!
//! The analysis asks the same questions of a word many times ("is it an auxiliary?", "a
//! preposition?", "a determiner?"), each a scan of a short list of strings. The most asked
//! lists are token classes ([`from_class`]), so such a question is a bit test of the token's
//! classes; [`of`] looks a lower-case word up in one table built from all the lists, for the
//! others. The lists stay where they are documented; the
//! table is built from them, so a flag is by construction the same as a look-up in its list.

use super::{group, lexicon, source};
use crate::prose::classes;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

// The first fifteen flags (bits 0 to 14, [`IN_CLASS`]) are carried by every token as its
// classes [`classes::ATTR_AUX`] to [`classes::ATTR_TIME_NOUN`] (the same order, from bit
// [`CLASS_SHIFT`]): a question about them is answered from the token's classes, with no
// look-up. The words of the other lists have the class [`classes::ATTR_LEX_REST`].

/// Auxiliaries and modals ([`group::AUX`]).
pub const AUX: u64 = 1 << 0;
/// Forms of "be" ([`lexicon::BE`]).
pub const BE: u64 = 1 << 1;
/// Prepositions that cannot open a subject ([`group::PREPOSITIONS`]).
pub const PREPOSITION: u64 = 1 << 2;
/// Clause words ([`lexicon::CLAUSE_BREAKS`]).
pub const CLAUSE_BREAK: u64 = 1 << 3;
/// Determiners and possessives ([`lexicon::DETERMINERS`]).
pub const DETERMINER: u64 = 1 << 4;
/// Personal pronouns ([`lexicon::PRONOUNS`]).
pub const PRONOUN: u64 = 1 << 5;
/// Adverbs and auxiliaries between a subject and its verb ([`lexicon::BETWEEN`]).
pub const BETWEEN: u64 = 1 << 6;
/// Irregular past tenses ([`group::IRREGULAR_PAST`]).
pub const IRREGULAR_PAST: u64 = 1 << 7;
/// Words that end a noun phrase besides the lists above ([`group::NP_BREAKS`]).
pub const NP_BREAK: u64 = 1 << 8;
/// Adverbs and negation besides "-ly" words ([`group::OTHER_ADVERBS`]).
pub const OTHER_ADVERB: u64 = 1 << 9;
/// Auxiliaries of [`lexicon::BETWEEN`] that are not adverbs ([`group::BETWEEN_AUX`]).
pub const BETWEEN_AUX: u64 = 1 << 10;
/// Words in "-ly" that are not adverbs ([`group::NOT_LY_ADVERBS`]).
pub const NOT_LY_ADVERB: u64 = 1 << 11;
/// Post-modifiers of a source ([`source::DESCRIPTIVE`]).
pub const DESCRIPTIVE: u64 = 1 << 12;
/// Days, months and relative days ([`source::DATE_WORDS`]).
pub const DATE_WORD: u64 = 1 << 13;
/// Nouns of time ([`source::TIME_NOUNS`]).
pub const TIME_NOUN: u64 = 1 << 14;
/// Short regular past tenses ([`group::SHORT_PAST`]).
pub const SHORT_PAST: u64 = 1 << 15;
/// Documents and measures ([`group::DOCUMENTS`]).
pub const DOCUMENT: u64 = 1 << 16;
/// Nouns of a stance ([`group::STANCE_NOUNS`]).
pub const STANCE_NOUN: u64 = 1 << 17;
/// Quantifiers that stand alone for people ([`group::PRONOUN_QUANTIFIERS`]).
pub const PRONOUN_QUANTIFIER: u64 = 1 << 18;
/// Verbs of feeling and causation ([`group::FEELING_VERBS`]).
pub const FEELING_VERB: u64 = 1 << 19;
/// Prepositions of a view ([`group::VIEW_PREPOSITIONS`]).
pub const VIEW_PREPOSITION: u64 = 1 << 20;
/// Plural agent-like nouns that are not people ([`group::NOT_AGENTS`]).
pub const NOT_AGENT: u64 = 1 << 21;
/// Words that describe reports ([`source::MEDIA_WORDS`]).
pub const MEDIA_WORD: u64 = 1 << 22;
/// Participles of a consensus ([`super::CONSENSUS_PARTICIPLES`]).
pub const CONSENSUS_PARTICIPLE: u64 = 1 << 23;
/// Participles of common knowledge ([`group::KNOWLEDGE_PARTICIPLES`]).
pub const KNOWLEDGE_PARTICIPLE: u64 = 1 << 24;
/// First words of the phrases of received opinion ([`group::RECEIVED_OPINION`]).
pub const RECEIVED_OPINION_FIRST: u64 = 1 << 25;
/// Words that can open an attribution cue of their own (see [`super::find_attributions`]):
/// "according", "there", "by", the nouns of "questions have been raised", "reports",
/// "rumours".
pub const CUE_OPENER: u64 = 1 << 26;
/// People nouns of [`group::is_people`]'s own list ([`group::PEOPLE`]).
pub const PEOPLE: u64 = 1 << 27;

/// The flags every token carries as classes ([`from_class`]).
pub const IN_CLASS: u64 = (1 << 15) - 1;

/// Where the flags of [`IN_CLASS`] start among the classes.
pub const CLASS_SHIFT: u32 = 14;

const _: () = assert!(classes::ATTR_AUX == AUX << CLASS_SHIFT);
const _: () = assert!(classes::ATTR_TIME_NOUN == TIME_NOUN << CLASS_SHIFT);
const _: () = assert!(classes::ATTR_LEX_REST == 1 << (CLASS_SHIFT + 15));

/// The flags of [`IN_CLASS`] of a word, read from its classes ([`crate::prose::classes`]):
/// exactly `of(low) & IN_CLASS` for a word of classes `class`.
#[inline(always)]
pub fn from_class(class: u64) -> u64 {
    (class >> CLASS_SHIFT) & IN_CLASS
}

/// The words of class `class` ([`classes::ATTR_AUX`] to [`classes::ATTR_TIME_NOUN`]: the
/// words of the flag it carries; [`classes::ATTR_LEX_REST`]: the words of any flag outside
/// [`IN_CLASS`]), for the class table.
pub(super) fn class_words(class: u64) -> Vec<&'static str> {
    let want = if class == classes::ATTR_LEX_REST {
        !IN_CLASS
    } else {
        from_class(class)
    };
    let mut words: Vec<&'static str> = lists_flags()
        .into_iter()
        .filter(|&(_, f)| f & want != 0)
        .map(|(w, _)| w)
        .collect();
    words.sort_unstable();
    words
}

/// Every flag with its word list, for the table and for the tests.
fn lists() -> Vec<(u64, Vec<&'static str>)> {
    vec![
        (AUX, group::AUX.to_vec()),
        (BE, lexicon::BE.to_vec()),
        (PREPOSITION, group::PREPOSITIONS.to_vec()),
        (CLAUSE_BREAK, lexicon::CLAUSE_BREAKS.to_vec()),
        (DETERMINER, lexicon::DETERMINERS.to_vec()),
        (PRONOUN, lexicon::PRONOUNS.to_vec()),
        (BETWEEN, lexicon::BETWEEN.to_vec()),
        (IRREGULAR_PAST, group::IRREGULAR_PAST.to_vec()),
        (SHORT_PAST, group::SHORT_PAST.to_vec()),
        (DOCUMENT, group::DOCUMENTS.to_vec()),
        (STANCE_NOUN, group::STANCE_NOUNS.to_vec()),
        (PRONOUN_QUANTIFIER, group::PRONOUN_QUANTIFIERS.to_vec()),
        (FEELING_VERB, group::FEELING_VERBS.to_vec()),
        (VIEW_PREPOSITION, group::VIEW_PREPOSITIONS.to_vec()),
        (NOT_AGENT, group::NOT_AGENTS.to_vec()),
        (NOT_LY_ADVERB, group::NOT_LY_ADVERBS.to_vec()),
        (NP_BREAK, group::NP_BREAKS.to_vec()),
        (OTHER_ADVERB, group::OTHER_ADVERBS.to_vec()),
        (BETWEEN_AUX, group::BETWEEN_AUX.to_vec()),
        (DATE_WORD, source::DATE_WORDS.to_vec()),
        (TIME_NOUN, source::TIME_NOUNS.to_vec()),
        (MEDIA_WORD, source::MEDIA_WORDS.to_vec()),
        (DESCRIPTIVE, source::DESCRIPTIVE.to_vec()),
        (CONSENSUS_PARTICIPLE, super::CONSENSUS_PARTICIPLES.to_vec()),
        (KNOWLEDGE_PARTICIPLE, group::KNOWLEDGE_PARTICIPLES.to_vec()),
        (
            RECEIVED_OPINION_FIRST,
            group::RECEIVED_OPINION.iter().map(|p| p[0]).collect(),
        ),
        (CUE_OPENER, super::CUE_OPENERS.to_vec()),
        (PEOPLE, group::PEOPLE.to_vec()),
    ]
}

/// Lower-case word → a value (its flags, or a verb's lemma), bucketed by length and first and
/// last byte (see [`bucket`]): most words fall in an empty bucket and cost no string
/// comparison at all.
struct Table<V> {
    /// `starts[b]..starts[b + 1]` are the entries of bucket `b` in `entries`.
    starts: Vec<u16>,
    /// Every listed word ([`pack`]ed) with its value, by bucket.
    entries: Vec<((u64, u64), V)>,
}

impl<V: Copy> Table<V> {
    /// The table of `words` (each non-empty, at most [`MAX_LEN`] bytes, listed once).
    fn new(mut words: Vec<(&'static str, V)>) -> Table<V> {
        assert!(
            words
                .iter()
                .all(|(w, _)| !w.is_empty() && w.len() <= MAX_LEN)
        );
        words.sort_by_key(|&(w, _)| (bucket(w.as_bytes()), w));
        let buckets = (MAX_LEN + 1) * 27 * 27;
        let mut starts = vec![0u16; buckets + 1];
        for &(w, _) in &words {
            starts[bucket(w.as_bytes()) + 1] += 1;
        }
        for b in 0..buckets {
            starts[b + 1] += starts[b];
        }
        let entries = words
            .iter()
            .map(|&(w, v)| (pack(w.as_bytes()), v))
            .collect();
        Table { starts, entries }
    }

    /// The value of a lower-case word, if it is listed.
    #[inline]
    fn get(&self, low: &str) -> Option<V> {
        let w = low.as_bytes();
        if w.is_empty() || w.len() > MAX_LEN {
            return None;
        }
        let b = bucket(w);
        let (from, to) = (usize::from(self.starts[b]), usize::from(self.starts[b + 1]));
        if from == to {
            return None;
        }
        // Every word of a bucket has this word's length: packed, they compare as integers.
        let key = pack(w);
        self.entries[from..to]
            .iter()
            .find(|(e, _)| *e == key)
            .map(|&(_, v)| v)
    }
}

/// A word of at most [`MAX_LEN`] bytes as two integers, zero-padded: two words of one
/// length are equal exactly when their packed forms are.
#[inline]
fn pack(w: &[u8]) -> (u64, u64) {
    debug_assert!(w.len() <= MAX_LEN);
    if w.len() > 8 {
        let (lo, hi) = w.split_at(8);
        (classes::pack(lo), classes::pack(hi))
    } else {
        (classes::pack(w), 0)
    }
}

/// [`pack`] byte by byte: the reference of the tests.
#[cfg(test)]
fn pack_bytewise(w: &[u8]) -> (u64, u64) {
    let (mut lo, mut hi) = (0u64, 0u64);
    for (i, &b) in w.iter().enumerate() {
        if i < 8 {
            lo |= u64::from(b) << (8 * i);
        } else {
            hi |= u64::from(b) << (8 * (i - 8));
        }
    }
    (lo, hi)
}

/// The longest word a bucket can hold; every listed word is shorter.
const MAX_LEN: usize = 16;

/// Each byte's place in a bucket key: a lower-case ASCII letter (0–25), or anything else (26).
const SLOTS: [u8; 256] = {
    let mut t = [26u8; 256];
    let mut b = b'a';
    while b <= b'z' {
        t[b as usize] = b - b'a';
        b += 1;
    }
    t
};

/// The bucket of a non-empty word of at most [`MAX_LEN`] bytes.
#[inline]
fn bucket(w: &[u8]) -> usize {
    (w.len() * 27 + usize::from(SLOTS[usize::from(w[0])])) * 27
        + usize::from(SLOTS[usize::from(w[w.len() - 1])])
}

static TABLE: LazyLock<Table<u64>> = LazyLock::new(|| Table::new(lists_flags()));

/// The flags of a lower-case word (0 when it is in no list).
#[inline]
pub fn of(low: &str) -> u64 {
    TABLE.get(low).unwrap_or(0)
}

/// Reporting and belief verb forms with their lemmas, a reporting verb's lemma first (as
/// [`lexicon::verb_lemma`] looks them up), for the forms short enough for a [`Table`].
static LEMMAS: LazyLock<Table<&'static str>> = LazyLock::new(|| {
    let mut forms: Vec<(&'static str, &'static str)> = lexicon::CUE_VERBS
        .iter()
        .map(|(&f, &l)| (f, l))
        .filter(|(f, _)| f.len() <= MAX_LEN)
        .collect();
    forms.extend(
        lexicon::BELIEF_VERBS
            .iter()
            .filter(|(f, _)| f.len() <= MAX_LEN && !lexicon::CUE_VERBS.contains_key(*f))
            .map(|(&f, &l)| (f, l)),
    );
    Table::new(forms)
});

/// The lemma of a reporting or belief verb form (lower case), as [`lexicon::verb_lemma`]
/// answers: from the bucketed table, or from the word lists for a form longer than it holds.
#[inline]
pub fn lemma(low: &str) -> Option<&'static str> {
    if low.len() > MAX_LEN {
        return lexicon::verb_lemma(low);
    }
    LEMMAS.get(low)
}

/// [`lemma`] out of line, for a word whose classes say it is a verb form: the test of the
/// classes before it stays inline at every caller.
#[inline(never)]
pub fn lemma_of_verb(low: &str) -> Option<&'static str> {
    lemma(low)
}

/// The flags of the words that open a cue of their own (see `find_attributions`).
pub const OPENERS: u64 =
    CUE_OPENER | CONSENSUS_PARTICIPLE | KNOWLEDGE_PARTICIPLE | RECEIVED_OPINION_FIRST;

/// Every listed word with its flags.
fn lists_flags() -> Vec<(&'static str, u64)> {
    let mut flags: HashMap<&'static str, u64> = HashMap::default();
    for (flag, words) in lists() {
        for w in words {
            *flags.entry(w).or_default() |= flag;
        }
    }
    flags.into_iter().collect()
}

/// The words with a flag of [`OPENERS`] (the class table's
/// [`classes::ATTRIBUTION_OPENER`] is built from them).
pub(super) fn opener_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = lists_flags()
        .into_iter()
        .filter(|&(_, f)| f & OPENERS != 0)
        .map(|(w, _)| w)
        .collect();
    words.sort_unstable();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of every list has its flag, and a word has a flag only when its list
    /// holds it: the table answers as the list look-ups do.
    #[test]
    fn flags_agree_with_the_lists() {
        let lists = lists();
        assert!(lists.iter().all(|(_, ws)| !ws.is_empty()));
        for (flag, words) in &lists {
            for w in words {
                assert_ne!(of(w) & flag, 0, "{w} lacks its flag");
            }
        }
        // Each word's flags are exactly the lists that hold it.
        let mut all: Vec<&str> = lists
            .iter()
            .flat_map(|(_, ws)| ws.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(TABLE.entries.len(), all.len());
        for w in all {
            for (flag, words) in &lists {
                assert_eq!(of(w) & flag != 0, words.contains(&w), "{w}");
            }
        }
        assert_eq!(of("tomato"), 0);
        assert_eq!(of("Was"), 0);
        assert_ne!(of("was") & BE, 0);
        assert_ne!(of("'s") & BE, 0);
        assert_eq!(of(""), 0);
        assert_eq!(of(","), 0);
        assert_eq!(of("a-very-long-word-indeed"), 0);
        // Words of one bucket (same length, first and last letter) are told apart.
        assert_eq!(of("has") & (AUX | DETERMINER), AUX);
        assert_eq!(of("his") & (AUX | DETERMINER), DETERMINER);
        assert_eq!(of("hxs"), 0);
        // The class of the openers holds exactly the words with a flag of `OPENERS`.
        for &(w, f) in &lists_flags() {
            assert_eq!(
                classes::of(w) & classes::ATTRIBUTION_OPENER != 0,
                f & OPENERS != 0,
                "{w}"
            );
        }
        assert_eq!(classes::of("the") & classes::ATTRIBUTION_OPENER, 0);
        assert_ne!(classes::of("according") & classes::ATTRIBUTION_OPENER, 0);
    }

    /// The flags read from a word's classes are its flags of [`IN_CLASS`], and it has the
    /// class of the other flags exactly when it has one of them; no listed word is
    /// punctuation (whose classes are looked up among symbols only).
    #[test]
    fn flags_in_classes_agree_with_the_table() {
        let mut probes: Vec<&str> = lists_flags().into_iter().map(|(w, _)| w).collect();
        probes.extend(["", "tomato", "said", "officials", "Was", "'s", ",", "%"]);
        for w in probes {
            let (f, c) = (of(w), classes::of(w));
            assert_eq!(from_class(c), f & IN_CLASS, "{w}");
            assert_eq!(c & classes::ATTR_LEX_REST != 0, f & !IN_CLASS != 0, "{w}");
        }
        for (w, _) in lists_flags() {
            assert!(w.chars().any(char::is_alphanumeric), "{w}");
        }
        assert_ne!(from_class(classes::of("was")) & BE, 0);
        assert_ne!(classes::of("monday") & classes::ATTR_DATE_WORD, 0);
        assert_ne!(classes::of("people") & classes::ATTR_LEX_REST, 0);
        assert_eq!(classes::of("the") & classes::ATTR_LEX_REST, 0);
    }

    /// The lemma table answers as the word lists do, for every listed form and for others.
    #[test]
    fn lemmas_agree_with_the_lists() {
        for &f in lexicon::CUE_VERBS
            .keys()
            .chain(lexicon::BELIEF_VERBS.keys())
        {
            assert_eq!(lemma(f), lexicon::verb_lemma(f), "{f}");
            assert!(lemma(f).is_some());
        }
        for w in [
            "",
            "tomato",
            "Said",
            "said ",
            "a-very-long-word-indeed",
            "sayings",
        ] {
            assert_eq!(lemma(w), lexicon::verb_lemma(w), "{w}");
        }
        assert_eq!(lemma("said"), Some("say"));
    }

    proptest::proptest! {
        /// [`pack`] with its loads agrees with packing byte by byte, at every length.
        #[test]
        fn pack_agrees_with_the_bytewise_packing(
            w in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..=MAX_LEN)
        ) {
            proptest::prop_assert_eq!(pack(&w), pack_bytewise(&w));
        }
    }
}
