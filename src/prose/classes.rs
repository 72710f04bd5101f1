//! Word classes: which word lists each token's lower-case form belongs to, as bit flags
//! looked up once per token when the prose is read ([`super::Token::class`]).
//!
//! The analyses ask `token.class & VAGUE_NOUN != 0` instead of hashing the word again at
//! every question: one look-up per token per draft instead of one per token per question.
//! The table is built once (on first use) from the analyses' own word lists, so a class is
//! by construction the same as a look-up in its list.

use super::TokenKind;
use crate::analysis::attribution::lexicon;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// A source noun that identifies no one by itself (`lexicon::VAGUE_NOUNS`).
pub const VAGUE_NOUN: u64 = 1 << 0;
/// A title or institutional noun (`lexicon::ROLE_NOUNS`).
pub const ROLE_NOUN: u64 = 1 << 1;
/// A form of a reporting verb (a key of `lexicon::CUE_VERBS`).
pub const CUE_VERB: u64 = 1 << 2;
/// A form of a belief or stance verb (a key of `lexicon::BELIEF_VERBS`).
pub const BELIEF_VERB: u64 = 1 << 3;
/// A loaded attribution verb form (a key of `lexicon::LOADED_VERBS`).
pub const LOADED_VERB: u64 = 1 << 4;
/// A participle of agentless attribution (a key of `lexicon::PASSIVE_VERBS`).
pub const PASSIVE_VERB: u64 = 1 << 5;
/// The first word of a quantifier phrase (`lexicon::QUANTIFIER_FIRST`).
pub const QUANTIFIER_FIRST: u64 = 1 << 6;
/// The first word of an anonymity marker (`lexicon::ANONYMITY_FIRST`).
pub const ANONYMITY_FIRST: u64 = 1 << 7;
/// The first word of a reason for anonymity (`lexicon::ANONYMITY_REASONS_FIRST`).
pub const ANONYMITY_REASON_FIRST: u64 = 1 << 8;
/// An adjective of stance after "be" (`lexicon::STANCE_ADJECTIVES`).
pub const STANCE_ADJECTIVE: u64 = 1 << 9;
/// A word that usually means someone is being cited ([`crate::analysis::attribution::is_cue_word`]).
pub const CUE_WORD: u64 = 1 << 10;

/// A word of the claim classes (a key of `claims::CLASSES`).
pub const CLAIMS_WORD: u64 = 1 << 11;

/// Every class with its word list, for the table and for the tests.
fn lists() -> Vec<(u64, Vec<&'static str>)> {
    vec![
        (VAGUE_NOUN, lexicon::VAGUE_NOUNS.iter().copied().collect()),
        (ROLE_NOUN, lexicon::ROLE_NOUNS.iter().copied().collect()),
        (CUE_VERB, lexicon::CUE_VERBS.keys().copied().collect()),
        (BELIEF_VERB, lexicon::BELIEF_VERBS.keys().copied().collect()),
        (LOADED_VERB, lexicon::LOADED_VERBS.keys().copied().collect()),
        (
            PASSIVE_VERB,
            lexicon::PASSIVE_VERBS.keys().copied().collect(),
        ),
        (
            QUANTIFIER_FIRST,
            lexicon::QUANTIFIER_FIRST.iter().copied().collect(),
        ),
        (
            ANONYMITY_FIRST,
            lexicon::ANONYMITY_FIRST.iter().copied().collect(),
        ),
        (
            ANONYMITY_REASON_FIRST,
            lexicon::ANONYMITY_REASONS_FIRST.iter().copied().collect(),
        ),
        (
            STANCE_ADJECTIVE,
            lexicon::STANCE_ADJECTIVES.iter().copied().collect(),
        ),
        (
            CUE_WORD,
            std::iter::once("according")
                .chain(lexicon::CUE_VERBS.keys().copied())
                .filter(|w| crate::analysis::attribution::cue_word_in_lists(w))
                .collect(),
        ),
        (
            CLAIMS_WORD,
            crate::analysis::attribution::claims::CLASSES
                .keys()
                .copied()
                .collect(),
        ),
    ]
}

/// The word lists as one table: lower-case word → its classes.
pub(crate) struct Table {
    /// Every listed word with its classes.
    words: HashMap<&'static str, u64>,
    /// The words with no letter or digit in them ("%") and their classes: only these can be
    /// the text of a punctuation token or a placeholder (one character that is neither).
    symbols: Vec<(&'static str, u64)>,
    /// For each first byte of a listed word, the lengths of the listed words that start with
    /// it, as bits (bit `n` for `n` bytes, bit 31 for 31 bytes or more): a word whose first
    /// byte and length match no listed word is not looked up in the hash table.
    by_first: [u32; 256],
    /// The same for the last byte.
    by_last: [u32; 256],
}

/// The bit of [`Table::by_first`] for a word of `len` bytes.
fn len_bit(len: usize) -> u32 {
    1 << len.min(31)
}

impl Table {
    fn new() -> Table {
        let mut words: HashMap<&'static str, u64> = HashMap::default();
        for (class, list) in lists() {
            for w in list {
                *words.entry(w).or_default() |= class;
            }
        }
        let mut symbols: Vec<(&'static str, u64)> = words
            .iter()
            .filter(|(k, _)| !k.chars().any(char::is_alphanumeric))
            .map(|(&k, &v)| (k, v))
            .collect();
        symbols.sort_unstable();
        let (mut by_first, mut by_last) = ([0u32; 256], [0u32; 256]);
        for w in words.keys() {
            if let (Some(&f), Some(&l)) = (w.as_bytes().first(), w.as_bytes().last()) {
                by_first[usize::from(f)] |= len_bit(w.len());
                by_last[usize::from(l)] |= len_bit(w.len());
            }
        }
        Table {
            words,
            symbols,
            by_first,
            by_last,
        }
    }

    /// The classes of a lower-case word (0 when it is in no list).
    #[inline]
    pub(crate) fn of(&self, low: &str) -> u64 {
        if let (Some(&f), Some(&l)) = (low.as_bytes().first(), low.as_bytes().last()) {
            let bit = len_bit(low.len());
            if self.by_first[usize::from(f)] & bit == 0 || self.by_last[usize::from(l)] & bit == 0 {
                return 0;
            }
        }
        self.words.get(low).copied().unwrap_or(0)
    }

    /// The classes of a token of kind `kind` whose lower-case form is `low`: [`Table::of`],
    /// with punctuation looked up among the few listed symbols only.
    #[inline]
    pub(crate) fn of_token(&self, low: &str, kind: TokenKind) -> u64 {
        if matches!(kind, TokenKind::Punct | TokenKind::Placeholder) {
            self.symbols
                .iter()
                .find(|(w, _)| w.as_bytes() == low.as_bytes())
                .map_or(0, |&(_, c)| c)
        } else {
            self.of(low)
        }
    }
}

/// The table, built on first use.
static TABLE: LazyLock<Table> = LazyLock::new(Table::new);

/// The table, for a caller that looks up many words (one check of the lazy value).
pub(crate) fn table() -> &'static Table {
    &TABLE
}

/// The classes of a lower-case word (0 when it is in no list).
pub fn of(low: &str) -> u64 {
    TABLE.of(low)
}

/// The classes of a token of kind `kind` whose lower-case form is `low`: [`of`], with the
/// hash look-up spared for punctuation that is no listed word.
pub fn of_token(low: &str, kind: TokenKind) -> u64 {
    TABLE.of_token(low, kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of every list has its class, and a word has a class only when its list
    /// holds it: the table answers as the set look-ups do.
    #[test]
    fn classes_agree_with_the_lists() {
        let lists = lists();
        assert!(lists.iter().all(|(_, ws)| !ws.is_empty()));
        for (class, words) in &lists {
            for w in words {
                assert_ne!(of(w) & class, 0, "{w} lacks its class");
            }
        }
        for (w, classes) in TABLE.words.iter() {
            for (class, words) in &lists {
                assert_eq!(classes & class != 0, words.contains(w), "{w}");
            }
        }
        // Words of no list, and case: the table holds lower-case forms only.
        assert_eq!(of("tomato"), 0);
        assert_eq!(of(""), 0);
        assert_ne!(of("officials") & VAGUE_NOUN, 0);
        assert_eq!(of("Officials"), 0);
        assert_ne!(of("said") & CUE_VERB, 0);
        assert_ne!(of("said") & CUE_WORD, 0);
        assert_ne!(of("according") & CUE_WORD, 0);
    }

    /// Each token of a draft carries the classes of its lower-case form.
    #[test]
    fn tokens_carry_their_classes() {
        let source = "Officials SAID the plan, according to Some experts, was Believed.\n";
        let draft = crate::markdown::parse(source);
        let prose = super::super::Prose::new(&draft);
        for (i, t) in prose.tokens.iter().enumerate() {
            let low = prose.token_lower(&draft, i);
            assert_eq!(t.class, of(low), "{low}");
            let text = prose.token_text(&draft, i);
            assert_eq!(prose.token_lower_with(i, text), low);
        }
        assert!(prose.tokens.iter().any(|t| t.class & VAGUE_NOUN != 0));
        // Punctuation is looked up only when a list holds it ("%" is a unit of a claim).
        assert!(TABLE.symbols.len() < 8);
        for p in [",", ".", "%", "“", "—", "\u{FFFC}"] {
            assert_eq!(of_token(p, TokenKind::Punct), of(p), "{p}");
        }
        assert_ne!(of_token("%", TokenKind::Punct) & CLAIMS_WORD, 0);
        assert!(prose.tokens.iter().any(|t| t.class & CUE_WORD != 0));
    }
}
