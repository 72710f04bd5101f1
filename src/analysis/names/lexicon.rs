//! Word lists of the names analysis: given names, known proper nouns, common words, titles,
//! and the Ukrainian spellings of SpellingUkraine. The data files and their sources and licences
//! are in `src/analysis/lexicons/names/`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

const GIVEN: &str = include_str!("../lexicons/names/given.txt");
const PROPER: &str = include_str!("../lexicons/names/proper.txt");
const COMMON: &str = include_str!("../lexicons/names/common.txt");
const UKRAINE: &str = include_str!("../lexicons/names/ukraine.tsv");

/// A word list, one word per line, found through an open-addressing hash table of its line
/// starts built on first use: one hash and, nearly always, one comparison of bytes per
/// look-up (a binary search over 100,000 strings took a dozen). Exact whatever the hashes:
/// a hit compares the word with the line itself.
struct WordTable {
    text: &'static [u8],
    /// 0 for an empty slot, else the upper 32 bits of the word's hash (its tag) and 1 + the
    /// byte offset of its line. A power of two long, at most half full.
    slots: Vec<u64>,
}

/// The hash of a word in a [`WordTable`]: its bytes read eight at a time (the last, partial,
/// group with two overlapping four-byte reads), each group mixed in with a multiplication.
#[inline]
fn word_hash(w: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (w.len() as u64).wrapping_mul(K);
    let mut rest = w;
    while rest.len() > 8 {
        let (head, tail) = rest.split_at(8);
        let v = u64::from_le_bytes([
            head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7],
        ]);
        h = (h ^ v).wrapping_mul(K).rotate_left(26);
        rest = tail;
    }
    let n = rest.len();
    let v = if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]));
        let hi = u64::from(u32::from_le_bytes([
            rest[n - 4],
            rest[n - 3],
            rest[n - 2],
            rest[n - 1],
        ]));
        lo | (hi << 32)
    } else {
        rest.iter().fold(0u64, |v, &b| (v << 8) | u64::from(b))
    };
    h = (h ^ v).wrapping_mul(K);
    h ^ (h >> 29)
}

impl WordTable {
    /// The table of the words (lines) of `text`; a word listed twice is kept once.
    fn new(text: &'static str) -> WordTable {
        let bytes = text.as_bytes();
        // The lines as the file has them (no line after a final line break).
        let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        let n = if text.is_empty() {
            0
        } else {
            memchr::memchr_iter(b'\n', body).count() + 1
        };
        let mut table = WordTable {
            text: bytes,
            slots: vec![0; (n * 2).next_power_of_two().max(16)],
        };
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', body).chain((n > 0).then_some(body.len())) {
            let line = &body[start..end];
            let h = word_hash(line);
            if let Err(at) = table.find(line, h) {
                table.slots[at] = (h & !0xffff_ffff) | (start as u64 + 1);
            }
            start = end + 1;
        }
        table
    }

    /// The slot that holds `w` (`Ok`), or the empty slot where it would go (`Err`).
    #[inline]
    fn find(&self, w: &[u8], h: u64) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let tag = h & !0xffff_ffff;
        let mut at = (h as usize) & mask;
        loop {
            let s = self.slots[at];
            if s == 0 {
                return Err(at);
            }
            if s & !0xffff_ffff == tag {
                let start = (s & 0xffff_ffff) as usize - 1;
                let end = start + w.len();
                if self.text.get(start..end) == Some(w)
                    && self.text.get(end).is_none_or(|&b| b == b'\n')
                {
                    return Ok(at);
                }
            }
            at = (at + 1) & mask;
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    fn contains_bytes(&self, w: &[u8]) -> bool {
        // No line holds a line break (a word with one could only match lines in a row, so
        // it is looked for only when a match is found).
        self.find(w, word_hash(w)).is_ok() && !w.contains(&b'\n')
    }
}

/// The given-name list and, after it, the lower-case spellings of [`KNOWN_GIVEN_GROUPS`]: one
/// table for [`is_given`].
static GIVEN_LIST: LazyLock<WordTable> = LazyLock::new(|| {
    let mut text = String::with_capacity(GIVEN.len() + 256);
    text.push_str(GIVEN);
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for w in KNOWN_GIVEN_GROUPS.iter().flat_map(|g| g.iter()) {
        text.push_str(&w.to_lowercase());
        text.push('\n');
    }
    WordTable::new(Box::leak(text.into_boxed_str()))
});
static PROPER_LIST: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(PROPER));
static COMMON_LIST: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(COMMON));

/// Whether `lower` (a lower-case word) is a known given name: in the given-name list, or a
/// spelling of a given name that `KNOWN_GIVEN_GROUPS` lists.
pub fn is_given(lower: &str) -> bool {
    GIVEN_LIST.contains(lower)
}

/// Calls `f` with the bytes of `w` in lower case (as `str::to_lowercase` spells it), without
/// allocating for a short ASCII word.
#[inline]
pub fn with_lower_bytes<R>(w: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    const MAX: usize = 48;
    if w.len() <= MAX && w.is_ascii() {
        let mut buf = [0u8; MAX];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        f(b)
    } else {
        f(w.to_lowercase().as_bytes())
    }
}

/// [`is_given`] of `word` lower-cased (as `str::to_lowercase` does it).
pub fn is_given_lowered(word: &str) -> bool {
    with_lower_bytes(word, |b| GIVEN_LIST.contains_bytes(b))
}

/// [`is_common`] of `word` lower-cased (as `str::to_lowercase` does it).
pub fn is_common_lowered(word: &str) -> bool {
    with_lower_bytes(word, |b| COMMON_LIST.contains_bytes(b))
}

/// Whether `word` (as capitalised in text) is a proper noun an English dictionary knows.
pub fn is_known_proper(word: &str) -> bool {
    PROPER_LIST.contains(word)
}

/// Whether `lower` (a lower-case word) is a common English word.
pub fn is_common(lower: &str) -> bool {
    COMMON_LIST.contains(lower)
}

/// One SpellingUkraine entry: the correct spelling and its common wrong spellings.
#[derive(Debug)]
pub struct UkrainianName {
    /// `City`, `Personal name`, `Person`, …
    pub category: &'static str,
    /// The spelling Ukraine's national transliteration gives.
    pub correct: &'static str,
    /// Wrong or Russian-derived spellings.
    pub incorrect: Vec<&'static str>,
}

/// Every SpellingUkraine entry that lists wrong spellings.
pub static UKRAINIAN: LazyLock<Vec<UkrainianName>> = LazyLock::new(|| {
    UKRAINE
        .lines()
        .filter_map(|l| {
            let mut it = l.split('\t');
            let category = it.next()?;
            let correct = it.next()?;
            let incorrect = it.next()?.split('|').filter(|s| !s.is_empty()).collect();
            Some(UkrainianName {
                category,
                correct,
                incorrect,
            })
        })
        .collect()
});

/// Pairs of spellings of one name that no folding rule derives (Russian- and Ukrainian-derived
/// forms, Arabic transliterations). Each group lists spellings of one name.
const KNOWN_GROUPS: &[&[&str]] = &[
    &["Kyiv", "Kiev"],
    &["Kharkiv", "Kharkov"],
    &["Odesa", "Odessa"],
    &["Lviv", "Lvov"],
    &["Mykolaiv", "Nikolaev", "Nikolayev"],
    &["Zaporizhzhia", "Zaporozhye", "Zaporizhia"],
    &["Chornobyl", "Chernobyl"],
    &["Qaeda", "Qaida"],
    &["Gaddafi", "Qaddafi", "Kadhafi", "Qadhafi"],
];

/// Given names in their transliterated spellings: variants of one another, and given names.
const KNOWN_GIVEN_GROUPS: &[&[&str]] = &[
    &["Volodymyr", "Vladimir"],
    &["Oleksandr", "Aleksandr", "Alexander", "Oleksander"],
    &["Serhiy", "Sergey", "Sergei", "Serhii"],
    &["Oleksiy", "Alexei", "Aleksei", "Alexey", "Oleksii"],
    &["Mykola", "Nikolai", "Nikolay"],
    &["Dmytro", "Dmitry", "Dmitri", "Dmitriy"],
    &["Yuriy", "Yuri", "Yury", "Iurii"],
    &["Mohammed", "Muhammad", "Mohammad", "Mohamed", "Muhammed"],
];

/// For every spelling in a known group or SpellingUkraine entry: the group's canonical spelling.
pub static KNOWN_VARIANTS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for g in KNOWN_GROUPS.iter().chain(KNOWN_GIVEN_GROUPS) {
        for w in *g {
            m.insert(*w, g[0]);
        }
    }
    for e in UKRAINIAN.iter() {
        if e.correct.contains(' ') {
            continue;
        }
        m.entry(e.correct).or_insert(e.correct);
        for w in &e.incorrect {
            if !w.contains(' ') {
                m.entry(*w).or_insert(e.correct);
            }
        }
    }
    m
});

/// Capitalised words that are never names on their own: function words that start sentences,
/// weekdays, months, pronouns.
const STOP: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "If",
    "As",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Their",
    "His",
    "Her",
    "Our",
    "My",
    "Your",
    "For",
    "From",
    "By",
    "With",
    "Without",
    "After",
    "Before",
    "When",
    "While",
    "Where",
    "What",
    "Who",
    "Why",
    "How",
    "Which",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "God",
    "Christmas",
    "Easter",
    "Also",
    "Meanwhile",
    "However",
    "So",
    "Not",
    "No",
    "Yes",
    "To",
    "Of",
    "Is",
    "Was",
    "All",
    "Some",
    "Many",
    "Most",
    "One",
    "Two",
    "Three",
];

static STOP_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| STOP.iter().copied().collect());

/// For each ASCII first byte, the lengths (bit `min(len, 31)`) of the words of a list that
/// start with it: a word whose bit is not set is not in the list, and is answered without
/// hashing it. (A word starting with a byte of 0x80 or more is always looked up.)
struct FirstAndLength([u32; 128]);

impl FirstAndLength {
    fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> FirstAndLength {
        let mut t = [0u32; 128];
        for w in words {
            if let Some(&b) = w.as_bytes().first().filter(|b| b.is_ascii()) {
                t[usize::from(b)] |= 1 << w.len().min(31);
            }
        }
        FirstAndLength(t)
    }

    /// Whether `word` may be in the list.
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&b) if b.is_ascii() => self.0[usize::from(b)] & (1 << word.len().min(31)) != 0,
            _ => true,
        }
    }
}

static STOP_FIRST: LazyLock<FirstAndLength> =
    LazyLock::new(|| FirstAndLength::new(STOP.iter().copied()));

/// Whether a capitalised word is a function word, weekday or month, never a name.
pub fn is_stop(word: &str) -> bool {
    STOP_FIRST.may_hold(word) && STOP_SET.contains(word)
}

/// Words that join a title before a name without heading it (`Foreign`, `Deputy`, `Shadow`);
/// every title head (below) is a title word too.
const TITLE_MODIFIERS: &[&str] = &[
    "Vice",
    "Prime",
    "Foreign",
    "Defence",
    "Defense",
    "Interior",
    "Finance",
    "Health",
    "Home",
    "Executive",
    "Officer",
    "Manager",
    "Deputy",
    "Gov.",
    "Chairperson",
    "Spokesman",
    "Spokeswoman",
    "Trade",
    "Industry",
    "Culture",
    "Education",
    "Transport",
    "Environment",
    "Economy",
    "Energy",
    "State",
    "First",
    "Former",
    "Acting",
    "Supreme",
    "Crown",
    "Elect",
    "Shadow",
    "Labour",
    "Tory",
    "Conservative",
    "Democratic",
    "Republican",
    "Liberal",
];

/// The words that make a title on their own (the head of a title phrase).
const TITLE_HEADS: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Rev",
    "Reverend",
    "President",
    "Minister",
    "Secretary",
    "Chancellor",
    "Senator",
    "Sen",
    "Representative",
    "Rep",
    "Gov",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "General",
    "Gen",
    "Lt",
    "Lieutenant",
    "Col",
    "Colonel",
    "Maj",
    "Major",
    "Capt",
    "Captain",
    "Sgt",
    "Sergeant",
    "Admiral",
    "Adm",
    "Commander",
    "Cmdr",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Bishop",
    "Archbishop",
    "Cardinal",
    "Father",
    "Ambassador",
    "Commissioner",
    "Chairman",
    "Chairwoman",
    "Chief",
    "Director",
    "Inspector",
    "Detective",
    "Coach",
    "Speaker",
    "Leader",
    "Premier",
    "Emperor",
    "Sheikh",
    "Ayatollah",
    "Envoy",
    "Attorney",
];

static TITLE_WORD_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| TITLE_MODIFIERS.iter().chain(TITLE_HEADS).copied().collect());
static TITLE_HEAD_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| TITLE_HEADS.iter().copied().collect());

static TITLE_WORD_FIRST: LazyLock<FirstAndLength> =
    LazyLock::new(|| FirstAndLength::new(TITLE_MODIFIERS.iter().chain(TITLE_HEADS).copied()));

/// Whether `word` may be part of a title before a name.
pub fn is_title_word(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    TITLE_WORD_FIRST.may_hold(w) && TITLE_WORD_SET.contains(w)
}

/// Whether `word` is the head of a title (`Minister`, `President`, `Mr`).
pub fn is_title_head(word: &str) -> bool {
    TITLE_HEAD_SET.contains(word.trim_end_matches('.'))
}

/// Courtesy titles: they say nothing about a role.
pub fn is_courtesy(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Sir" | "Dame" | "Lord" | "Lady"
    )
}

/// The generational suffixes of [`is_generational`].
const GENERATIONAL: &[&str] = &["Jr", "Sr", "Jnr", "Snr", "II", "III", "IV"];

/// Generational suffixes after a name (`Jr`, `Sr`, `III`): not a surname.
pub fn is_generational(word: &str) -> bool {
    GENERATIONAL.contains(&word.trim_end_matches('.'))
}

/// The particles of [`is_particle`].
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "la", "le", "du", "da", "das", "dos", "del", "dal", "dalla",
    "dello", "dei", "degli", "della", "di", "von", "bin", "ibn", "al", "el", "ter", "ben", "bint",
    "y",
];

/// Lower-case particles inside names (`van der`, `de la`, `bin`).
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// The lower-case forms of `words` (ASCII words, so that lowering is plain ASCII lowering, as
/// the prose lowers a token), each once, for the word-class table.
fn lowered(words: impl Iterator<Item = &'static str>) -> Vec<String> {
    let mut out: Vec<String> = words.map(|w| w.to_ascii_lowercase()).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The lower-case forms of the stop words ([`is_stop`]): the class
/// [`crate::prose::classes::NAMES_STOP`], which every token that [`is_stop`] accepts has.
pub(crate) fn stop_class_words() -> Vec<&'static str> {
    static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| lowered(STOP.iter().copied()));
    WORDS.iter().map(String::as_str).collect()
}

/// The lower-case forms of the title words ([`is_title_word`]) without their full stops: the
/// class [`crate::prose::classes::NAMES_TITLE_WORD`], which every token that
/// [`is_title_word`] accepts has, unless it ends with a full stop.
pub(crate) fn title_class_words() -> Vec<&'static str> {
    static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
        lowered(
            TITLE_MODIFIERS
                .iter()
                .chain(TITLE_HEADS)
                .map(|w| w.trim_end_matches('.')),
        )
    });
    WORDS.iter().map(String::as_str).collect()
}

/// The lower-case forms of the generational suffixes ([`is_generational`]): the class
/// [`crate::prose::classes::NAMES_GENERATIONAL`], which every token that [`is_generational`]
/// accepts has, unless it ends with a full stop.
pub(crate) fn generational_class_words() -> Vec<&'static str> {
    static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| lowered(GENERATIONAL.iter().copied()));
    WORDS.iter().map(String::as_str).collect()
}

/// The particles ([`is_particle`]): the class [`crate::prose::classes::NAMES_PARTICLE`].
pub(crate) fn particle_words() -> impl Iterator<Item = &'static str> {
    PARTICLES.iter().copied()
}

#[cfg(test)]
mod tests {
    /// The word lists behind the names classes agree with the tests they stand for: every
    /// word a test accepts has its class (the lists are ASCII, lowered as the prose lowers a
    /// token), and the particle and generational lists are the tests' own words.
    #[test]
    fn class_lists_cover_their_tests() {
        use crate::prose::classes::{self, of};
        let probes: Vec<&str> = super::STOP
            .iter()
            .chain(super::TITLE_MODIFIERS)
            .chain(super::TITLE_HEADS)
            .chain(super::GENERATIONAL)
            .chain(super::PARTICLES)
            .copied()
            .chain(["Mr.", "Jr.", "van", "Van", "Smith", "said", "III", "Iii"])
            .collect();
        for w in probes {
            assert!(w.is_ascii(), "{w}");
            let class = of(&w.to_ascii_lowercase().replace('’', "'"));
            if super::is_stop(w) {
                assert_ne!(class & classes::NAMES_STOP, 0, "{w}");
            }
            if super::is_title_word(w) && !w.ends_with('.') {
                assert_ne!(class & classes::NAMES_TITLE_WORD, 0, "{w}");
            }
            if super::is_generational(w) && !w.ends_with('.') {
                assert_ne!(class & classes::NAMES_GENERATIONAL, 0, "{w}");
            }
            if super::is_particle(w) {
                assert_ne!(class & classes::NAMES_PARTICLE, 0, "{w}");
            }
        }
        for w in super::GENERATIONAL {
            assert!(super::is_generational(w), "{w}");
        }
        for w in super::PARTICLES {
            assert!(super::is_particle(w), "{w}");
        }
        assert!(!super::is_particle("vant") && !super::is_generational("Jrr"));
    }

    /// The first-byte-and-length filters let every listed word through: the look-ups answer
    /// as the sets alone do, on the lists and on the proper nouns.
    #[test]
    fn filters_keep_every_listed_word() {
        let words = super::STOP
            .iter()
            .chain(super::TITLE_MODIFIERS)
            .chain(super::TITLE_HEADS)
            .copied()
            .chain(super::PROPER.lines().take(5000))
            .chain(["", "Mr.", "Dr..", "Über", "É", "A", "Zz"]);
        for w in words {
            assert_eq!(super::is_stop(w), super::STOP_SET.contains(w), "{w}");
            let t = w.trim_end_matches('.');
            assert_eq!(
                super::is_title_word(w),
                super::TITLE_WORD_SET.contains(t),
                "{w}"
            );
        }
    }

    use super::*;

    /// The reference for [`WordTable`]: a word list sorted in byte order, one word per line,
    /// searched in place by binary search (within the lines that share the first two bytes).
    struct SortedList {
        text: &'static str,
        /// The byte offset of each line's start, and one past the end of the last line.
        starts: Vec<u32>,
        /// For each two-byte key (see [`key`]), the index of the first line whose key is at least
        /// it; one entry more at the end. Keys never decrease down a sorted list.
        first: Vec<u32>,
    }

    /// The first two bytes of `w` as a number (a missing second byte counts as 0).
    fn key(w: &[u8]) -> usize {
        (usize::from(w.first().copied().unwrap_or(0)) << 8)
            | usize::from(w.get(1).copied().unwrap_or(0))
    }

    impl SortedList {
        fn new(text: &'static str) -> SortedList {
            let mut starts = Vec::with_capacity(text.len() / 8);
            starts.push(0);
            for (i, &b) in text.as_bytes().iter().enumerate() {
                if b == b'\n' {
                    starts.push(i as u32 + 1);
                }
            }
            // One past the end of the last line, as if it ended with a line break.
            if !text.is_empty() && !text.ends_with('\n') {
                starts.push(text.len() as u32 + 1);
            }
            let mut list = SortedList {
                text,
                starts,
                first: vec![0; (1 << 16) + 1],
            };
            let mut k = 0;
            for i in 0..list.len() {
                let lk = key(list.line(i));
                while k <= lk {
                    list.first[k] = i as u32;
                    k += 1;
                }
            }
            let n = list.len() as u32;
            list.first[k..].fill(n);
            list
        }

        /// How many words the list has.
        fn len(&self) -> usize {
            self.starts.len() - 1
        }

        fn line(&self, i: usize) -> &'static [u8] {
            &self.text.as_bytes()[self.starts[i] as usize..self.starts[i + 1] as usize - 1]
        }

        fn contains(&self, word: &str) -> bool {
            let w = word.as_bytes();
            let k = key(w);
            let (mut lo, mut hi) = (self.first[k] as usize, self.first[k + 1] as usize);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                match self.line(mid).cmp(w) {
                    std::cmp::Ordering::Equal => return true,
                    std::cmp::Ordering::Less => lo = mid + 1,
                    std::cmp::Ordering::Greater => hi = mid,
                }
            }
            false
        }
    }

    #[test]
    fn lowered_look_ups_lower_case_first() {
        for w in [
            "Trump",
            "WILLIAM",
            "Sergey",
            "Élan",
            "ÉLAN",
            "Zzzqx",
            "",
            "İstanbul",
        ] {
            assert_eq!(is_common_lowered(w), is_common(&w.to_lowercase()), "{w}");
            assert_eq!(is_given_lowered(w), is_given(&w.to_lowercase()), "{w}");
        }
        for g in KNOWN_GIVEN_GROUPS.iter().flat_map(|g| g.iter()) {
            assert!(is_given(&g.to_lowercase()) && is_given_lowered(g), "{g}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lowered_look_ups_agree(w in "[a-zA-ZéÉİ]{0,9}") {
            proptest::prop_assert_eq!(is_common_lowered(&w), is_common(&w.to_lowercase()));
            proptest::prop_assert_eq!(is_given_lowered(&w), is_given(&w.to_lowercase()));
        }
    }

    #[test]
    fn lists_load() {
        assert!(is_given("sergey") && is_given("william"));
        assert!(is_known_proper("Iraq") && is_known_proper("Davis"));
        assert!(is_common("trump") && !is_common("cqrdwell"));
        assert_eq!(KNOWN_VARIANTS.get("Kiev"), Some(&"Kyiv"));
        assert_eq!(KNOWN_VARIANTS.get("Kharkov"), Some(&"Kharkiv"));
        assert_eq!(KNOWN_VARIANTS.get("Mohammed"), Some(&"Mohammed"));
        assert!(is_title_head("Gen.") && is_title_word("Foreign") && !is_title_word("Paris"));
    }

    /// The word lists are searched in place, so each must be sorted in byte order, one word
    /// per line, no blanks (`LC_ALL=C sort -u` keeps them so).
    #[test]
    fn lists_are_sorted_for_binary_search() {
        for (name, list) in [("given", GIVEN), ("proper", PROPER), ("common", COMMON)] {
            let words: Vec<&str> = list.lines().collect();
            assert!(
                words.windows(2).all(|w| w[0] < w[1]),
                "{name}.txt is not sorted (LC_ALL=C sort -u)"
            );
            assert!(words.iter().all(|w| !w.is_empty() && w.trim() == *w));
            let sorted = SortedList::new(list);
            assert_eq!(sorted.len(), words.len());
            for w in words.iter().step_by(7).chain(words.last()) {
                assert!(sorted.contains(w), "{name}: {w}");
            }
            for w in ["", "zzzzzzzz", "Aaaaaaa", "a b"] {
                assert_eq!(sorted.contains(w), words.contains(&w), "{name}: {w:?}");
            }
            let unterminated = SortedList::new(list.trim_end_matches('\n'));
            assert_eq!(unterminated.len(), words.len());
            assert!(words.last().is_some_and(|w| unterminated.contains(w)));
        }
    }

    /// The hash table finds exactly what the binary search finds: every listed word, and
    /// no other (prefixes, extensions, one letter changed, case changed, line breaks).
    #[test]
    fn tables_agree_with_the_sorted_lists() {
        for list in [GIVEN, PROPER, COMMON] {
            let table = WordTable::new(list);
            let sorted = SortedList::new(list);
            for w in list.lines() {
                assert!(table.contains(w), "{w}");
                let mut probes = vec![
                    w[..w.len() - 1].to_string(),
                    format!("{w}s"),
                    format!("{w}\n"),
                    w.to_uppercase(),
                    w.to_lowercase(),
                ];
                if let Some(c) = w.chars().next() {
                    probes.push(format!("x{}", &w[c.len_utf8()..]));
                }
                for p in &probes {
                    assert_eq!(table.contains(p), sorted.contains(p), "{p:?}");
                }
            }
            for p in ["", "\n", "a\nb"] {
                assert_eq!(table.contains(p), sorted.contains(p), "{p:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn table_agrees_with_binary_search(
            words in proptest::collection::btree_set("[a-dé]{0,4}", 0..60),
            probes in proptest::collection::vec("[a-dé\n]{0,5}", 0..60),
            terminated in proptest::bool::ANY,
        ) {
            // A list of its own, sorted as the files are.
            let mut text: String = words.iter().map(|w| format!("{w}\n")).collect();
            if !terminated {
                text.pop();
            }
            let text: &'static str = Box::leak(text.into_boxed_str());
            let (table, sorted) = (WordTable::new(text), SortedList::new(text));
            for p in words.iter().chain(&probes) {
                proptest::prop_assert_eq!(table.contains(p), sorted.contains(p), "{:?}", p);
            }
        }
    }
}
