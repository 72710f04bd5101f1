//! The attribution word lists, read once from the data files in
//! `src/analysis/lexicons/attribution/` (see the README there for their sources).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// Every form of each verb on a line, mapped to the line's first word (the lemma).
fn forms(data: &'static str) -> HashMap<&'static str, &'static str> {
    let mut m = HashMap::default();
    for l in lines(data) {
        let mut ws = l.split_whitespace();
        if let Some(lemma) = ws.next() {
            m.insert(lemma, lemma);
            for w in ws {
                m.insert(w, lemma);
            }
        }
    }
    m
}

fn words(data: &'static str) -> HashSet<&'static str> {
    lines(data).flat_map(str::split_whitespace).collect()
}

/// Reporting verb forms → lemma.
pub static CUE_VERBS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| forms(include_str!("../lexicons/attribution/cue_verbs.txt")));

/// Belief and stance verb forms → lemma.
pub static BELIEF_VERBS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| forms(include_str!("../lexicons/attribution/belief_verbs.txt")));

/// Loaded attribution verb forms → what they imply.
pub static LOADED_VERBS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for l in lines(include_str!("../lexicons/attribution/loaded_verbs.txt")) {
        let (fs, class) = l.split_once('=').unwrap_or((l, ""));
        for f in fs.split_whitespace() {
            m.insert(f, class.trim());
        }
    }
    m
});

/// Participles of agentless attribution in the passive → whether they need `as`/`by` after.
pub static PASSIVE_VERBS: LazyLock<HashMap<&'static str, bool>> = LazyLock::new(|| {
    lines(include_str!("../lexicons/attribution/passive_verbs.txt"))
        .filter_map(|l| {
            let mut ws = l.split_whitespace();
            let w = ws.next()?;
            Some((w, ws.next() == Some("as")))
        })
        .collect()
});

/// Source nouns that identify no one by themselves.
pub static VAGUE_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("../lexicons/attribution/vague_nouns.txt")));

/// Titles and institutional nouns.
pub static ROLE_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("../lexicons/attribution/role_nouns.txt")));

/// Quantifier phrases (lowercase, words separated by one space).
pub static QUANTIFIERS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut v: Vec<Vec<&'static str>> =
        lines(include_str!("../lexicons/attribution/quantifiers.txt"))
            .map(|l| l.split_whitespace().collect())
            .collect();
    v.sort_by_key(|p: &Vec<&str>| std::cmp::Reverse(p.len()));
    v
});

/// Anonymity markers (word sequences).
pub static ANONYMITY: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    lines(include_str!("../lexicons/attribution/anonymity.txt"))
        .map(|l| l.split_whitespace().collect())
        .collect()
});

/// Reasons for anonymity (word sequences).
pub static ANONYMITY_REASONS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    lines(include_str!(
        "../lexicons/attribution/anonymity_reasons.txt"
    ))
    .map(|l| l.split_whitespace().collect())
    .collect()
});

/// The first words of the phrases of `list`: a word that is none of them starts no phrase.
fn first_words(list: &[Vec<&'static str>]) -> HashSet<&'static str> {
    list.iter().filter_map(|p| p.first().copied()).collect()
}

/// The phrases of [`QUANTIFIERS`] by their first word, each word's in the order of
/// [`QUANTIFIERS`] (longest first): only these can match where that word stands.
pub static QUANTIFIERS_BY_FIRST: LazyLock<HashMap<&'static str, Vec<&'static [&'static str]>>> =
    LazyLock::new(|| {
        let mut m: HashMap<&'static str, Vec<&'static [&'static str]>> = HashMap::default();
        for q in QUANTIFIERS.iter() {
            if let Some(&first) = q.first() {
                m.entry(first).or_default().push(q.as_slice());
            }
        }
        m
    });

/// [`QUANTIFIERS_BY_FIRST`] by the first byte of the word: for each byte, the first words
/// that start with it, each as its bytes ([`crate::prose::classes::pack`]ed in two parts)
/// with its phrases. A look-up compares a few integers instead of hashing the word.
struct ByFirstByte {
    /// `starts[b]..starts[b + 1]` are the entries of first byte `b`.
    starts: Vec<u16>,
    /// Length, packed first eight bytes, packed rest (zero if none), phrases.
    entries: Vec<(usize, u64, u64, &'static [&'static [&'static str]])>,
}

/// The parts of a word of at most sixteen bytes, packed ([`crate::prose::classes::pack`]).
#[inline]
fn pack16(w: &[u8]) -> (u64, u64) {
    if w.len() > 8 {
        let (lo, hi) = w.split_at(8);
        (
            crate::prose::classes::pack(lo),
            crate::prose::classes::pack(hi),
        )
    } else {
        (crate::prose::classes::pack(w), 0)
    }
}

static QUANTIFIERS_BY_FIRST_BYTE: LazyLock<ByFirstByte> = LazyLock::new(|| {
    ByFirstByte::new(
        QUANTIFIERS_BY_FIRST
            .iter()
            .map(|(&w, v)| (w, v.as_slice()))
            .collect(),
    )
});

/// The phrases of [`ANONYMITY`] by their first word, each word's in the order of
/// [`ANONYMITY`].
pub static ANONYMITY_BY_FIRST: LazyLock<HashMap<&'static str, Vec<&'static [&'static str]>>> =
    LazyLock::new(|| {
        let mut m: HashMap<&'static str, Vec<&'static [&'static str]>> = HashMap::default();
        for p in ANONYMITY.iter() {
            if let Some(&first) = p.first() {
                m.entry(first).or_default().push(p.as_slice());
            }
        }
        m
    });

static ANONYMITY_BY_FIRST_BYTE: LazyLock<ByFirstByte> = LazyLock::new(|| {
    ByFirstByte::new(
        ANONYMITY_BY_FIRST
            .iter()
            .map(|(&w, v)| (w, v.as_slice()))
            .collect(),
    )
});

/// The anonymity markers ([`ANONYMITY`]) that open with `first` (a lowercase word), in the
/// order of the list.
pub fn anonymity_from(first: &str) -> &'static [&'static [&'static str]] {
    ANONYMITY_BY_FIRST_BYTE.get(first)
}

impl ByFirstByte {
    /// The table of the phrases of each first word.
    fn new(mut firsts: Vec<(&'static str, &'static [&'static [&'static str]])>) -> ByFirstByte {
        // Every first word is short and not empty (checked by the tests).
        firsts.retain(|(w, _)| !w.is_empty() && w.len() <= 16);
        firsts.sort_by_key(|&(w, _)| (w.as_bytes()[0], w));
        let mut starts = vec![0u16; 257];
        for &(w, _) in &firsts {
            starts[usize::from(w.as_bytes()[0]) + 1] += 1;
        }
        for b in 0..256 {
            starts[b + 1] += starts[b];
        }
        let entries = firsts
            .into_iter()
            .map(|(w, v)| {
                let (lo, hi) = pack16(w.as_bytes());
                (w.len(), lo, hi, v)
            })
            .collect();
        ByFirstByte { starts, entries }
    }

    /// The phrases of first word `first`.
    #[inline]
    fn get(&self, first: &str) -> &'static [&'static [&'static str]] {
        let w = first.as_bytes();
        let (Some(&b), true) = (w.first(), w.len() <= 16) else {
            return &[];
        };
        let (from, to) = (
            usize::from(self.starts[usize::from(b)]),
            usize::from(self.starts[usize::from(b) + 1]),
        );
        if from == to {
            return &[];
        }
        let (lo, hi) = pack16(w);
        self.entries[from..to]
            .iter()
            .find(|e| e.0 == w.len() && e.1 == lo && e.2 == hi)
            .map_or(&[], |e| e.3)
    }
}

/// The quantifier phrases that open with `first` (a lowercase word), longest first.
pub fn quantifiers_from(first: &str) -> &'static [&'static [&'static str]] {
    QUANTIFIERS_BY_FIRST_BYTE.get(first)
}

/// The first words of [`QUANTIFIERS`].
pub static QUANTIFIER_FIRST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| first_words(&QUANTIFIERS));

/// The first words of [`ANONYMITY`].
pub static ANONYMITY_FIRST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| first_words(&ANONYMITY));

/// The first words of [`ANONYMITY_REASONS`].
pub static ANONYMITY_REASONS_FIRST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| first_words(&ANONYMITY_REASONS));

/// Stance verbs that attribute a view only when their subject is vague ("many want…").
pub const STANCE_ONLY: [&str; 22] = [
    "want",
    "oppose",
    "prefer",
    "support",
    "see",
    "know",
    "understand",
    "yearn",
    "welcome",
    "applaud",
    "dislike",
    "love",
    "hate",
    "embrace",
    "reject",
    "favor",
    "favour",
    "admire",
    "trust",
    "distrust",
    "view",
    "regard",
];

/// Adjectives of stance after "be" ("are worried", "were sceptical").
pub static STANCE_ADJECTIVES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "concerned",
        "confident",
        "worried",
        "skeptical",
        "sceptical",
        "convinced",
        "wary",
        "reluctant",
        "unhappy",
        "angry",
        "frustrated",
        "divided",
        "opposed",
        "sure",
        "afraid",
        "optimistic",
        "pessimistic",
        "uneasy",
        "fond",
        "adamant",
        "eager",
        "nervous",
        "certain",
        "unconvinced",
        "critical",
        "hopeful",
        "doubtful",
        "upset",
        "furious",
        "alarmed",
        "troubled",
        "disappointed",
        "dismayed",
        "mystified",
        "unsure",
        "uncertain",
        "aware",
        "supportive",
        "sick",
        "tired",
        "weary",
    ]
    .into_iter()
    .collect()
});

/// Personal pronouns that can stand as a source.
pub const PRONOUNS: [&str; 7] = ["he", "she", "they", "it", "we", "i", "you"];

/// Forms of "be".
pub const BE: [&str; 8] = ["is", "are", "was", "were", "be", "been", "being", "'s"];

/// Words that end a subject noun phrase when reading leftwards.
pub const CLAUSE_BREAKS: [&str; 27] = [
    "that", "which", "and", "but", "or", "as", "because", "if", "when", "while", "although",
    "though", "since", "after", "before", "so", "where", "whom", "whose", "than", "until",
    "unless", "once", "whether", "what", "how", "why",
];

/// Adverbs and auxiliaries allowed between a subject and its verb.
pub const BETWEEN: [&str; 30] = [
    "also",
    "later",
    "repeatedly",
    "previously",
    "earlier",
    "has",
    "have",
    "had",
    "did",
    "does",
    "do",
    "already",
    "often",
    "publicly",
    "privately",
    "recently",
    "again",
    "then",
    "once",
    "further",
    "separately",
    "reportedly",
    "initially",
    "had",
    "long",
    "first",
    "quickly",
    "still",
    "immediately",
    "frequently",
];

/// Determiners and possessives that open a noun phrase.
pub const DETERMINERS: [&str; 14] = [
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your",
];

/// Whether `w` (lowercase) is a reporting or belief verb form; returns its lemma.
pub fn verb_lemma(w: &str) -> Option<&'static str> {
    CUE_VERBS.get(w).or_else(|| BELIEF_VERBS.get(w)).copied()
}

/// Whether `w` is a belief verb form (the analysis reads it from the word's class: the
/// reference of the tests).
#[cfg(test)]
pub fn is_belief(w: &str) -> bool {
    BELIEF_VERBS.contains_key(w) && !CUE_VERBS.contains_key(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert_eq!(verb_lemma("said"), Some("say"));
        assert_eq!(verb_lemma("believes"), Some("believe"));
        assert!(LOADED_VERBS.contains_key("admitted"));
        assert_eq!(PASSIVE_VERBS.get("seen"), Some(&true));
        assert_eq!(PASSIVE_VERBS.get("believed"), Some(&false));
        assert!(VAGUE_NOUNS.contains("officials"));
        // The cue analysis reads "reports" as a group's head through this class.
        assert!(VAGUE_NOUNS.contains("reports"));
        // The source analysis reads these through the class of quantifiers' first words.
        for q in ["many", "some", "several", "most", "few"] {
            assert!(QUANTIFIER_FIRST.contains(q), "{q}");
        }
        assert!(ROLE_NOUNS.contains("minister"));
        assert!(QUANTIFIERS.first().is_some_and(|q| q.len() >= 3));
        // The index by first word holds every phrase, in the order of the list.
        for first in QUANTIFIER_FIRST.iter() {
            let in_order: Vec<&[&str]> = QUANTIFIERS
                .iter()
                .filter(|q| q[0] == *first)
                .map(Vec::as_slice)
                .collect();
            assert_eq!(quantifiers_from(first), in_order.as_slice());
        }
        assert_eq!(
            QUANTIFIERS_BY_FIRST.values().map(Vec::len).sum::<usize>(),
            QUANTIFIERS.len()
        );
        // The word classes answer `is_belief` and `verb_lemma` as the lists do.
        use crate::prose::classes;
        for w in CUE_VERBS.keys().chain(BELIEF_VERBS.keys()) {
            let c = classes::of(w);
            assert_eq!(
                c & classes::BELIEF_VERB != 0 && c & classes::CUE_VERB == 0,
                is_belief(w),
                "{w}"
            );
            let by_class = if c & classes::CUE_VERB != 0 {
                CUE_VERBS.get(w).copied()
            } else {
                BELIEF_VERBS.get(w).copied()
            };
            assert_eq!(by_class, verb_lemma(w), "{w}");
        }
        assert!(quantifiers_from("tomato").is_empty());
        assert!(quantifiers_from("").is_empty());
        assert!(quantifiers_from("som").is_empty());
        assert!(quantifiers_from("someones").is_empty());
        assert!(quantifiers_from("a-very-long-word-indeed").is_empty());
        // The look-up by first byte answers as the map does, for every first word.
        for (first, phrases) in QUANTIFIERS_BY_FIRST.iter() {
            assert!(!first.is_empty() && first.len() <= 16, "{first}");
            assert_eq!(quantifiers_from(first), phrases.as_slice());
        }
        // Every anonymity marker is found by its first word, in the order of the list.
        for first in ANONYMITY_FIRST.iter() {
            assert!(!first.is_empty() && first.len() <= 16, "{first}");
            let in_order: Vec<&[&str]> = ANONYMITY
                .iter()
                .filter(|p| p[0] == *first)
                .map(Vec::as_slice)
                .collect();
            assert_eq!(anonymity_from(first), in_order.as_slice());
        }
        assert!(anonymity_from("tomato").is_empty());
        assert!(!lines("# only a comment\n\n").any(|_| true));
    }
}
