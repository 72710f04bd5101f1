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
use std::ops::Range;
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

/// A word at which a speculation cue can start
/// (`analysis::speculation::trigger_words`).
pub const SPECULATION_TRIGGER: u64 = 1 << 12;

/// A word that opens an attribution cue of its own besides the verbs and stance adjectives:
/// "according", "there", "by", "reports", a consensus or knowledge participle, the first word
/// of a received opinion (`analysis::attribution::opener_words`).
pub const ATTRIBUTION_OPENER: u64 = 1 << 13;

/// Auxiliaries and modals, of the attribution analysis' own word lists (its flag `AUX`).
pub const ATTR_AUX: u64 = 1 << 14;
/// Forms of "be", of the attribution analysis' own word lists (its flag `BE`).
pub const ATTR_BE: u64 = 1 << 15;
/// Prepositions that cannot open a subject, of the attribution analysis' own word lists (its flag `PREPOSITION`).
pub const ATTR_PREPOSITION: u64 = 1 << 16;
/// Clause words, of the attribution analysis' own word lists (its flag `CLAUSE_BREAK`).
pub const ATTR_CLAUSE_BREAK: u64 = 1 << 17;
/// Determiners and possessives, of the attribution analysis' own word lists (its flag `DETERMINER`).
pub const ATTR_DETERMINER: u64 = 1 << 18;
/// Personal pronouns, of the attribution analysis' own word lists (its flag `PRONOUN`).
pub const ATTR_PRONOUN: u64 = 1 << 19;
/// Adverbs and auxiliaries between a subject and its verb, of the attribution analysis' own word lists (its flag `BETWEEN`).
pub const ATTR_BETWEEN: u64 = 1 << 20;
/// Irregular past tenses, of the attribution analysis' own word lists (its flag `IRREGULAR_PAST`).
pub const ATTR_IRREGULAR_PAST: u64 = 1 << 21;
/// Words that end a noun phrase, of the attribution analysis' own word lists (its flag `NP_BREAK`).
pub const ATTR_NP_BREAK: u64 = 1 << 22;
/// Adverbs and negation besides "-ly" words, of the attribution analysis' own word lists (its flag `OTHER_ADVERB`).
pub const ATTR_OTHER_ADVERB: u64 = 1 << 23;
/// Auxiliaries among the words between a subject and its verb, of the attribution analysis' own word lists (its flag `BETWEEN_AUX`).
pub const ATTR_BETWEEN_AUX: u64 = 1 << 24;
/// Words in "-ly" that are not adverbs, of the attribution analysis' own word lists (its flag `NOT_LY_ADVERB`).
pub const ATTR_NOT_LY_ADVERB: u64 = 1 << 25;
/// Post-modifiers of a source, of the attribution analysis' own word lists (its flag `DESCRIPTIVE`).
pub const ATTR_DESCRIPTIVE: u64 = 1 << 26;
/// Days, months and relative days, of the attribution analysis' own word lists (its flag `DATE_WORD`).
pub const ATTR_DATE_WORD: u64 = 1 << 27;
/// Nouns of time, of the attribution analysis' own word lists (its flag `TIME_NOUN`).
pub const ATTR_TIME_NOUN: u64 = 1 << 28;
/// A word of one of the attribution analysis' other own word lists (a flag it does not carry
/// as a class above).
pub const ATTR_LEX_REST: u64 = 1 << 29;

/// A form of "be" (or a verb that stands for it) before a participle in the speculation
/// finder (`analysis::speculation::be_words`).
pub const SPECULATION_BE: u64 = 1 << 30;

/// An adverb that may stand between "be" and a participle in the speculation finder
/// (`analysis::speculation::be_adverbs`).
pub const SPECULATION_BE_ADVERB: u64 = 1 << 31;

/// A word that can open a conditional clause in the speculation finder ("if", "unless",
/// "whether", `analysis::speculation::conditional_markers`).
pub const SPECULATION_CONDITIONAL: u64 = 1 << 32;

/// A word of the first person singular ("i", "me", "my", …) that makes a paragraph a
/// contributor's voice in the speculation finder (`analysis::speculation::first_person_words`).
pub const SPECULATION_FIRST_PERSON: u64 = 1 << 33;

/// A noun of a spokesperson, or "officials": the nouns that head an unnamed source of
/// `attribution/unnamed-source` (`rules::attribution::spokes_nouns`).
pub const SPOKES_NOUN: u64 = 1 << 46;

/// A short and common word that does not tie two sentences to one subject
/// (`attribution/unattributed-claim`'s stop words, `rules::attribution::stopwords`).
pub const STOPWORD: u64 = 1 << 47;

/// A stop word of the names analysis, in lower case: a capitalised word that is never a name
/// (`analysis::names::lexicon::stop_class_words`).
pub const NAMES_STOP: u64 = 1 << 40;

/// A title word of the names analysis ("minister", "mr", "gov"), in lower case
/// (`analysis::names::lexicon::title_class_words`).
pub const NAMES_TITLE_WORD: u64 = 1 << 41;

/// A generational suffix after a name ("jr", "iii"), in lower case
/// (`analysis::names::lexicon::generational_class_words`).
pub const NAMES_GENERATIONAL: u64 = 1 << 42;

/// A particle inside a name ("van", "bin", "de"), of the names analysis
/// (`analysis::names::lexicon::particle_words`).
pub const NAMES_PARTICLE: u64 = 1 << 43;

/// A trigger word of the speculation finder whose gate is the passive one ("said",
/// "reported": `analysis::speculation::passive_gate_words`).
pub const SPECULATION_PASSIVE_GATE: u64 = 1 << 44;

/// A trigger word of the speculation finder with no gate: the cue finder proper decides
/// (`analysis::speculation::any_gate_words`).
pub const SPECULATION_ANY_GATE: u64 = 1 << 45;

/// A word that gives a sentence a concrete signal of a claim, alone or beside its neighbours
/// (`attribution/unattributed-claim`'s gate before claim detection,
/// `rules::attribution::claim_signal_words`).
pub const CLAIM_SIGNAL: u64 = 1 << 48;

/// A quantifier phrase of one word ("some", "many", "others"): a word that is a whole phrase of
/// `lexicon::QUANTIFIERS` by itself.
pub const QUANTIFIER_WHOLE: u64 = 1 << 34;

/// The second word of a quantifier phrase of two or more words ("few" of "a few", "majority"
/// of "the majority of"; `lexicon::QUANTIFIERS`).
pub const QUANTIFIER_SECOND: u64 = 1 << 35;

/// A word that can introduce the names of a group's members ("including", "like", "such" of
/// "such as"; `analysis::attribution::name_intro_words`).
pub const NAME_INTRO: u64 = 1 << 36;

/// A word that a speculation trigger's gate looks for around it ("to", "as", "whether",
/// "if"; `analysis::speculation::gate_words`), so that the gate passes over other words on
/// their class.
pub const SPECULATION_GATE_WORD: u64 = 1 << 37;

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
        (
            SPECULATION_TRIGGER,
            crate::analysis::speculation::trigger_words().collect(),
        ),
        (
            ATTRIBUTION_OPENER,
            crate::analysis::attribution::opener_words(),
        ),
        (
            ATTR_AUX,
            crate::analysis::attribution::lex_class_words(ATTR_AUX),
        ),
        (
            ATTR_BE,
            crate::analysis::attribution::lex_class_words(ATTR_BE),
        ),
        (
            ATTR_PREPOSITION,
            crate::analysis::attribution::lex_class_words(ATTR_PREPOSITION),
        ),
        (
            ATTR_CLAUSE_BREAK,
            crate::analysis::attribution::lex_class_words(ATTR_CLAUSE_BREAK),
        ),
        (
            ATTR_DETERMINER,
            crate::analysis::attribution::lex_class_words(ATTR_DETERMINER),
        ),
        (
            ATTR_PRONOUN,
            crate::analysis::attribution::lex_class_words(ATTR_PRONOUN),
        ),
        (
            ATTR_BETWEEN,
            crate::analysis::attribution::lex_class_words(ATTR_BETWEEN),
        ),
        (
            ATTR_IRREGULAR_PAST,
            crate::analysis::attribution::lex_class_words(ATTR_IRREGULAR_PAST),
        ),
        (
            ATTR_NP_BREAK,
            crate::analysis::attribution::lex_class_words(ATTR_NP_BREAK),
        ),
        (
            ATTR_OTHER_ADVERB,
            crate::analysis::attribution::lex_class_words(ATTR_OTHER_ADVERB),
        ),
        (
            ATTR_BETWEEN_AUX,
            crate::analysis::attribution::lex_class_words(ATTR_BETWEEN_AUX),
        ),
        (
            ATTR_NOT_LY_ADVERB,
            crate::analysis::attribution::lex_class_words(ATTR_NOT_LY_ADVERB),
        ),
        (
            ATTR_DESCRIPTIVE,
            crate::analysis::attribution::lex_class_words(ATTR_DESCRIPTIVE),
        ),
        (
            ATTR_DATE_WORD,
            crate::analysis::attribution::lex_class_words(ATTR_DATE_WORD),
        ),
        (
            ATTR_TIME_NOUN,
            crate::analysis::attribution::lex_class_words(ATTR_TIME_NOUN),
        ),
        (
            ATTR_LEX_REST,
            crate::analysis::attribution::lex_class_words(ATTR_LEX_REST),
        ),
        (
            SPECULATION_BE,
            crate::analysis::speculation::be_words().collect(),
        ),
        (
            SPECULATION_BE_ADVERB,
            crate::analysis::speculation::be_adverbs().collect(),
        ),
        (
            SPECULATION_CONDITIONAL,
            crate::analysis::speculation::conditional_markers().collect(),
        ),
        (
            SPECULATION_FIRST_PERSON,
            crate::analysis::speculation::first_person_words().collect(),
        ),
        (
            SPECULATION_GATE_WORD,
            crate::analysis::speculation::gate_words().collect(),
        ),
        (SPOKES_NOUN, crate::rules::attribution::spokes_nouns()),
        (STOPWORD, crate::rules::attribution::stopwords()),
        (
            NAMES_STOP,
            crate::analysis::names::lexicon::stop_class_words(),
        ),
        (
            NAMES_TITLE_WORD,
            crate::analysis::names::lexicon::title_class_words(),
        ),
        (
            NAMES_GENERATIONAL,
            crate::analysis::names::lexicon::generational_class_words(),
        ),
        (
            NAMES_PARTICLE,
            crate::analysis::names::lexicon::particle_words().collect(),
        ),
        (
            SPECULATION_PASSIVE_GATE,
            crate::analysis::speculation::passive_gate_words().collect(),
        ),
        (
            SPECULATION_ANY_GATE,
            crate::analysis::speculation::any_gate_words().collect(),
        ),
        (
            CLAIM_SIGNAL,
            crate::rules::attribution::claim_signal_words(),
        ),
        (
            QUANTIFIER_WHOLE,
            lexicon::QUANTIFIERS
                .iter()
                .filter(|q| q.len() == 1)
                .map(|q| q[0])
                .collect(),
        ),
        (
            QUANTIFIER_SECOND,
            lexicon::QUANTIFIERS
                .iter()
                .filter_map(|q| q.get(1).copied())
                .collect(),
        ),
        (
            NAME_INTRO,
            crate::analysis::attribution::name_intro_words().to_vec(),
        ),
    ]
}

/// The word lists as one table: lower-case word → its classes.
pub(crate) struct Table {
    /// Every listed word (its bytes) with its classes.
    words: HashMap<&'static [u8], u64>,
    /// The words with no letter or digit in them ("%") and their classes: only these can be
    /// the text of a punctuation token or a placeholder (one character that is neither).
    symbols: Vec<(&'static str, u64)>,
    /// For each ASCII byte, the classes of the one-byte word of it among `symbols` (what
    /// [`Table::of_token`] answers for a one-byte punctuation token).
    ascii_symbols: [u64; 128],
    /// For each first byte of a listed word, the lengths of the listed words that start with
    /// it, as bits (bit `n` for `n` bytes, bit 31 for 31 bytes or more): a word whose first
    /// byte and length match no listed word is not looked up in the hash table.
    by_first: [u32; 256],
    /// The same for the last byte.
    by_last: [u32; 256],
    /// The listed words of 1 to 8 bytes, each packed into a `u64` ([`pack`]) with its
    /// classes, in an open-addressing hash table (linear probing, a quarter full; a slot of
    /// key 0 is empty): a short word is found with one multiplication and integer
    /// comparisons, without hashing its bytes one by one or comparing strings. No listed
    /// word holds a NUL byte, so two words of different lengths never pack alike, and the
    /// packed word alone is the key.
    short: Vec<(u64, u64)>,
    /// `64 - log2(short.len())`: the shift that turns a product into a slot.
    short_shift: u32,
    /// The listed words of 9 to 16 bytes, as [`Table::short`] holds the shorter ones: each
    /// keyed by its first eight bytes and the rest packed ([`pack`]), with its classes (a
    /// slot whose first key is 0 is empty).
    medium: Vec<(u64, u64, u64)>,
    /// `64 - log2(medium.len())`.
    medium_shift: u32,
    /// For each character of General Punctuation (U+2000 to U+206F, by its offset from
    /// U+2000), the classes of a punctuation token of it: [`Table::of_token`] of its
    /// lower-case form (`'` for `’`).
    general_punct: [u64; 0x70],
    /// The classes of a placeholder token ([`crate::markdown::PLACEHOLDER`]).
    placeholder: u64,
}

/// The bytes of the ASCII word of 1 to 8 bytes `text[range]` as one `u64`, zero-padded
/// (as [`pack`] gives them).
#[inline(always)]
pub(crate) fn short_ascii_key(text: &[u8], range: Range<usize>) -> u64 {
    let n = range.len();
    debug_assert!((1..=8).contains(&n));
    let word = u64::MAX >> (64 - 8 * n);
    match text.get(range.start..range.start + 8) {
        Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]) & word,
        _ => pack(&text[range]),
    }
}

/// The lower-case form of the ASCII word or number of `n` bytes (1 to 8) whose
/// [`short_ascii_key`] is `k`, packed the same way: every byte of such a token (letters,
/// digits and the joiners `'`, `-`, `.` and `,`) but a capital letter has bit 0x20 set, so
/// setting it in each byte lowers the word.
#[inline(always)]
pub(crate) fn lower_short_ascii_key(k: u64, n: usize) -> u64 {
    debug_assert!((1..=8).contains(&n));
    // The bytes of the word, zero-padded, and 0x20 in each of them.
    let word = u64::MAX >> (64 - 8 * n);
    k | (0x2020_2020_2020_2020 & word)
}

/// The bytes of `w` (at most 8) as a little-endian `u64`, zero-padded: two words of one length
/// are equal exactly when their packed forms are. Also the packing of the attribution word
/// table (`analysis::attribution::lex`).
#[inline]
pub(crate) fn pack(w: &[u8]) -> u64 {
    debug_assert!(w.len() <= 8);
    let n = w.len();
    if n >= 4 {
        // Two 4-byte loads, of the head and of the tail: where they overlap they hold the
        // same bytes, so ORed in place they make the bytes one by one.
        let head = u64::from(u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
        let tail = u64::from(u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]));
        head | (tail << (8 * (n - 4)))
    } else {
        w.iter()
            .enumerate()
            .fold(0u64, |k, (i, &b)| k | (u64::from(b) << (8 * i)))
    }
}

/// Whether one of the first `n` bytes (1 to 8) of packed word `k` is NUL.
#[inline]
fn has_nul(k: u64, n: usize) -> bool {
    // The bytes past the word set to 0xFF, then the classic test for a zero byte.
    let x = k | (u64::MAX.checked_shl(8 * n as u32).unwrap_or(0));
    x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080 != 0
}

/// The first slot to probe for packed word `k` in a table of `64 - shift` bits.
#[inline]
fn slot(k: u64, shift: u32) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// The bit of [`Table::by_first`] for a word of `len` bytes.
fn len_bit(len: usize) -> u32 {
    1 << len.min(31)
}

impl Table {
    fn new() -> Table {
        let mut by_word: HashMap<&'static str, u64> = HashMap::default();
        for (class, list) in lists() {
            for w in list {
                *by_word.entry(w).or_default() |= class;
            }
        }
        let mut symbols: Vec<(&'static str, u64)> = by_word
            .iter()
            .filter(|(k, _)| !k.chars().any(char::is_alphanumeric))
            .map(|(&k, &v)| (k, v))
            .collect();
        let words: HashMap<&'static [u8], u64> =
            by_word.iter().map(|(k, &v)| (k.as_bytes(), v)).collect();
        symbols.sort_unstable();
        let mut ascii_symbols = [0u64; 128];
        for (b, class) in ascii_symbols.iter_mut().enumerate() {
            let w = [b as u8];
            *class = symbols
                .iter()
                .find(|(s, _)| s.as_bytes() == w)
                .map_or(0, |&(_, c)| c);
        }
        let (mut by_first, mut by_last) = ([0u32; 256], [0u32; 256]);
        for w in words.keys() {
            if let (Some(&f), Some(&l)) = (w.first(), w.last()) {
                by_first[usize::from(f)] |= len_bit(w.len());
                by_last[usize::from(l)] |= len_bit(w.len());
            }
        }
        let shorts: Vec<(&[u8], u64)> = words
            .iter()
            .filter(|(k, _)| (1..=8).contains(&k.len()))
            .map(|(&k, &v)| (k, v))
            .collect();
        let size = (shorts.len() * 4).next_power_of_two().max(8);
        let short_shift = 64 - size.trailing_zeros();
        let mut short = vec![(0u64, 0u64); size];
        for (w, class) in shorts {
            // (No word of the lists holds a NUL byte: see `Table::short`.)
            if w.contains(&0) {
                continue;
            }
            let k = pack(w);
            let mut i = slot(k, short_shift);
            while short[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            short[i] = (k, class);
        }
        let mediums: Vec<(&[u8], u64)> = words
            .iter()
            .filter(|(k, _)| (9..=16).contains(&k.len()) && !k.contains(&0))
            .map(|(&k, &v)| (k, v))
            .collect();
        let size = (mediums.len() * 4).next_power_of_two().max(8);
        let medium_shift = 64 - size.trailing_zeros();
        let mut medium = vec![(0u64, 0u64, 0u64); size];
        for (w, class) in mediums {
            let (a, b) = (pack(&w[..8]), pack(&w[8..]));
            let mut i = slot(a ^ b.rotate_left(29), medium_shift);
            while medium[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            medium[i] = (a, b, class);
        }
        let mut table = Table {
            words,
            symbols,
            ascii_symbols,
            by_first,
            by_last,
            short,
            short_shift,
            medium,
            medium_shift,
            general_punct: [0; 0x70],
            placeholder: 0,
        };
        for o in 0..0x70u32 {
            let c = char::from_u32(0x2000 + o).map_or('\0', |c| if c == '’' { '\'' } else { c });
            let low = c.encode_utf8(&mut [0; 4]).as_bytes().to_vec();
            table.general_punct[o as usize] = table.of_token(&low, TokenKind::Punct);
        }
        let mut buf = [0; 4];
        let placeholder = crate::markdown::PLACEHOLDER.encode_utf8(&mut buf);
        table.placeholder = table.of_token(placeholder.as_bytes(), TokenKind::Placeholder);
        table
    }

    /// The classes of a lower-case word (0 when it is in no list).
    #[inline]
    pub(crate) fn of(&self, low: &str) -> u64 {
        self.of_bytes(low.as_bytes())
    }

    /// [`Table::of`] of the bytes of a word.
    #[inline]
    pub(crate) fn of_bytes(&self, b: &[u8]) -> u64 {
        if (1..=8).contains(&b.len()) {
            let k = pack(b);
            // A word with a NUL byte packs as a shorter one would: it is in no list.
            if has_nul(k, b.len()) {
                return 0;
            }
            return self.of_short(k);
        }
        if (9..=16).contains(&b.len()) {
            let (k0, k1) = (pack(&b[..8]), pack(&b[8..]));
            if has_nul(k0, 8) || has_nul(k1, b.len() - 8) {
                return 0;
            }
            return self.of_medium(k0, k1);
        }
        let (Some(&f), Some(&l)) = (b.first(), b.last()) else {
            return self.of_long(b);
        };
        let bit = len_bit(b.len());
        if self.by_first[usize::from(f)] & bit == 0 || self.by_last[usize::from(l)] & bit == 0 {
            return 0;
        }
        self.of_long(b)
    }

    /// [`Table::of_bytes`] of a word of 1 to 8 bytes, none of them NUL, packed into `k`
    /// ([`pack`]).
    #[inline(always)]
    fn of_short(&self, k: u64) -> u64 {
        let mask = self.short.len() - 1;
        let mut i = slot(k, self.short_shift);
        loop {
            let (key, class) = self.short[i & mask];
            if key == k {
                return class;
            }
            if key == 0 {
                return 0;
            }
            i += 1;
        }
    }

    /// [`Table::of_bytes`] of a word of 9 to 16 bytes, none of them NUL: its first eight
    /// bytes packed into `k0`, the rest into `k1` ([`pack`]).
    #[inline]
    fn of_medium(&self, k0: u64, k1: u64) -> u64 {
        let mask = self.medium.len() - 1;
        let mut i = slot(k0 ^ k1.rotate_left(29), self.medium_shift);
        loop {
            let (a, b, class) = self.medium[i & mask];
            if a == k0 && b == k1 {
                return class;
            }
            if a == 0 {
                return 0;
            }
            i += 1;
        }
    }

    /// The classes of the lower-case form of an ASCII word or number of 1 to 8 bytes:
    /// `text[range]`, a token of letters, digits and the joiners `'`, `-`, `.` and `,`. Every
    /// one of those bytes but a capital letter has bit 0x20 set, so setting it lowers the
    /// word: the word is read, lowered and looked up as one `u64`, with no copy.
    #[cfg(test)]
    pub(crate) fn of_short_ascii_word(&self, text: &[u8], range: Range<usize>) -> u64 {
        let n = range.len();
        self.of_short_ascii_key(short_ascii_key(text, range), n)
    }

    /// The classes of the lower-case form of an ASCII word or number of `n` bytes (1 to 8)
    /// whose [`short_ascii_key`] is `k`: its word is looked up as one `u64` (as
    /// `of_short_ascii_word` says).
    #[cfg(test)]
    pub(crate) fn of_short_ascii_key(&self, k: u64, n: usize) -> u64 {
        self.of_lower_short_ascii_key(lower_short_ascii_key(k, n))
    }

    /// [`Table::of_short_ascii_key`] of a word whose lower-case form, packed, is `low`
    /// ([`lower_short_ascii_key`]).
    #[inline(always)]
    pub(crate) fn of_lower_short_ascii_key(&self, low: u64) -> u64 {
        // (No byte of such a token is NUL.)
        self.of_short(low)
    }

    /// [`Table::of_short_ascii_word`] of a word of 9 to 16 bytes.
    #[inline(always)]
    pub(crate) fn of_medium_ascii_word(&self, text: &[u8], range: Range<usize>) -> u64 {
        let n = range.len();
        debug_assert!((9..=16).contains(&n));
        // The bytes of the word after its first eight, zero-padded, and 0x20 in each.
        let rest = u64::MAX >> (128 - 8 * n);
        let (k0, k1) = match text.get(range.start..range.start + 16) {
            Some(b) => (
                u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
                u64::from_le_bytes([b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]]) & rest,
            ),
            None => (
                pack(&text[range.start..range.start + 8]),
                pack(&text[range.start + 8..range.end]),
            ),
        };
        // (No byte of such a token is NUL.)
        self.of_medium(
            k0 | 0x2020_2020_2020_2020,
            k1 | (0x2020_2020_2020_2020 & rest),
        )
    }

    /// [`Table::of`] of a word the short table does not hold (empty, or over 8 bytes): the
    /// hash map, out of line so that the short path stays small.
    #[inline(never)]
    fn of_long(&self, low: &[u8]) -> u64 {
        self.words.get(low).copied().unwrap_or(0)
    }

    /// [`Table::of_token`] of a punctuation token that is ASCII byte `b` (below 0x80).
    #[inline]
    pub(crate) fn of_ascii_punct(&self, b: u8) -> u64 {
        self.ascii_symbols[usize::from(b & 0x7F)]
    }

    /// [`Table::of_token`] of a punctuation token that is character U+2000 + `o` (`o` below
    /// 0x70, in General Punctuation).
    #[inline]
    pub(crate) fn of_general_punct(&self, o: usize) -> u64 {
        self.general_punct.get(o).copied().unwrap_or(0)
    }

    /// [`Table::of_token`] of a placeholder token.
    #[inline]
    pub(crate) fn of_placeholder(&self) -> u64 {
        self.placeholder
    }

    /// The classes of a token of kind `kind` whose lower-case form is `low`: [`Table::of`],
    /// with punctuation looked up among the few listed symbols only.
    #[inline]
    pub(crate) fn of_token(&self, low: &[u8], kind: TokenKind) -> u64 {
        if matches!(kind, TokenKind::Punct | TokenKind::Placeholder) {
            self.symbols
                .iter()
                .find(|(w, _)| w.as_bytes() == low)
                .map_or(0, |&(_, c)| c)
        } else {
            self.of_bytes(low)
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
#[inline]
pub fn of(low: &str) -> u64 {
    TABLE.of(low)
}

/// The classes of a token of kind `kind` whose lower-case form is `low`: [`of`], with the
/// hash look-up spared for punctuation that is no listed word.
pub fn of_token(low: &str, kind: TokenKind) -> u64 {
    TABLE.of_token(low.as_bytes(), kind)
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
            let w = std::str::from_utf8(w).unwrap();
            for (class, words) in &lists {
                assert_eq!(classes & class != 0, words.contains(&w), "{w}");
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

    /// The packed tables of short and medium words answer as the hash map does: for every
    /// listed word, and for words that are not listed but look like them (every prefix and
    /// suffix of a listed word, with a letter changed, with a NUL byte added or put in).
    #[test]
    fn short_words_agree_with_the_map() {
        let t = &*TABLE;
        let map = |w: &str| t.words.get(w.as_bytes()).copied().unwrap_or(0);
        let mut probes: Vec<String> = vec!["".into(), "\0".into(), "a\0".into(), "tomato".into()];
        for w in t.words.keys() {
            let w = std::str::from_utf8(w).unwrap();
            for (i, _) in w.char_indices().skip(1) {
                probes.push(w[..i].to_string());
                probes.push(w[i..].to_string());
            }
            probes.push(format!("{w}\0"));
            probes.push(format!("{w}x"));
            probes.push(w.replacen(|c: char| c.is_ascii_lowercase(), "q", 1));
            probes.push(w.replacen(|c: char| c.is_ascii_lowercase(), "\0", 1));
            probes.push(w.to_string());
        }
        assert!(t.short.iter().filter(|s| s.0 != 0).count() > 10);
        assert!(t.medium.iter().filter(|s| s.0 != 0).count() > 10);
        assert!(!t.words.keys().any(|w| w.contains(&0)));
        for w in [
            "\0",
            "a\0",
            "\0a",
            "ab\0cdefg",
            "abcdefg\0",
            "\0\0\0\0\0\0\0\0",
        ] {
            assert!(has_nul(pack(w.as_bytes()), w.len()), "{w:?}");
        }
        for w in ["a", "abcdefgh", "\u{1}", "\u{80}x", "ÿÿÿÿ"] {
            assert!(!has_nul(pack(w.as_bytes()), w.len()), "{w:?}");
        }
        for p in &probes {
            assert_eq!(t.of(p), map(p), "{p:?}");
        }
    }

    /// An ASCII word of up to 16 bytes read in place, lowered on the fly, has the classes of
    /// its lower-case form: for every listed word in three cases, words that look like them, at every
    /// position (at the end of the text, where fewer than eight bytes follow, too).
    #[test]
    fn ascii_words_read_in_place() {
        let t = &*TABLE;
        let mut words: Vec<String> = vec!["a".into(), "x".into(), "12,5".into(), "it's".into()];
        for w in t.words.keys() {
            let w = std::str::from_utf8(w).unwrap();
            if !w
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"'-.,".contains(&b))
            {
                continue;
            }
            words.push(w.to_string());
            words.push(w.to_ascii_uppercase());
            let mut c = w.to_string();
            c[..1].make_ascii_uppercase();
            words.push(c);
            words.push(format!("{w}s"));
            words.push(w[1..].to_string());
        }
        for w in words.iter().filter(|w| !w.is_empty()) {
            let want = of(&w.to_ascii_lowercase());
            for pad in ["", " ", "  and more text"] {
                for pre in ["", "A "] {
                    let text = format!("{pre}{w}{pad}");
                    let r = pre.len()..pre.len() + w.len();
                    if (1..=8).contains(&w.len()) {
                        let got = t.of_short_ascii_word(text.as_bytes(), r);
                        assert_eq!(got, want, "{text:?}");
                    } else if (9..=16).contains(&w.len()) {
                        let got = t.of_medium_ascii_word(text.as_bytes(), r);
                        assert_eq!(got, want, "{text:?}");
                    }
                }
            }
        }
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
        for b in 0..128u8 {
            let w = [b];
            let w = std::str::from_utf8(&w).unwrap();
            assert_eq!(
                TABLE.of_ascii_punct(b),
                of_token(w, TokenKind::Punct),
                "{b}"
            );
        }
        assert!(prose.tokens.iter().any(|t| t.class & CUE_WORD != 0));
    }
}
