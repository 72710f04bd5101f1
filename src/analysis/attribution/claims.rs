//! Claim detection: does a sentence assert something a reader would want sourced?
//!
//! This is the "is it a claim" half of `attribution/unattributed-claim`; whether the claim is
//! attributed is the analysis' scope ([`super::Scope`]). A sentence is weighed, feature by
//! feature, for what makes it checkable and against what makes it an opinion, a plan or a
//! courtesy:
//!
//! * for: figures (a number with a unit or a scale word, "40 percent", "$3 billion", numbers
//!   written as words, "two-thirds"), measures ("rate", "average", "majority"), change over
//!   time ("rose", "doubled", "went up", "cut", "lost"), comparisons ("more … than", "the
//!   largest", "in history"), the public record ("voted", "vetoed", "signed"), past actions of
//!   people and governments, laws and public money ("bill", "budget", "deficit", "taxes"),
//!   time anchors ("since", "ago", "last year"), the past and perfect tenses, causes,
//!   accusations and crimes, casualties, what was done in private, public affairs (war,
//!   health, crime, schools, energy, prices);
//! * against: modal and future verbs, contracted too (plans and promises: "will", "won't",
//!   "should", "we need to"), opinion frames ("I think", "I hope", "important"), judgements
//!   ("great", "wrong"), infinitives of purpose ("to build"), values ("freedom",
//!   "opportunity"), thanks and greetings, first and second person, conditionals,
//!   imperatives, fragments without a verb (a contraction such as "it's" is a verb).
//!
//! A sentence is a claim only when it has at least one concrete signal (a figure, a measure,
//! a change, a comparison, a record, "since", a cause, an accusation, a law or budget…) and
//! the evidence adds up. Some sentences are never claims here, whatever they carry: any words
//! inside quotation marks or a reporting verb other than its base form (someone is being
//! cited; "added", "found", "maintained", "showed" and "asked" only before "that" or a pause,
//! as they also name deeds), questions, results of public competitions, awards and charts
//! (witnessed, public record), acts of speech and stance ("praised", "urged", "accused": the
//! sentence reports its subject's own account), headlines in title case and fragments of
//! fewer than five words.
//!
//! The weights were fitted on sentences labelled check-worthy or not (logistic regression,
//! log-odds × 10, rounded); accusations, secrecy, casualties and causes are rare in such data
//! and keep weights set by hand from the attribution standards. The word classes are listed
//! in `src/analysis/lexicons/attribution/claims_*.txt`.

use super::W;
use crate::prose::{TokenKind, classes};
use crate::text::Span;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// A claim found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    /// How strongly the sentence reads as a checkable claim (higher is stronger; a claim
    /// scores at least [`THRESHOLD`]).
    pub score: i32,
    /// The strongest signal, to point the finding at.
    pub span: Span,
}

/// The score a sentence needs to count as a claim.
pub const THRESHOLD: i32 = -7;

/// The score of a sentence with no features at all.
const BIAS: i32 = -14;

/// The claim classes of the lexicon files, one bit each.
mod c {
    pub const ACCUSATION: u64 = 1 << 0;
    pub const ANCHOR: u64 = 1 << 1;
    pub const CASUALTY: u64 = 1 << 2;
    pub const CAUSAL: u64 = 1 << 3;
    pub const CHANGE: u64 = 1 << 4;
    pub const COMPARATIVE: u64 = 1 << 5;
    pub const DEONTIC: u64 = 1 << 6;
    pub const EVALUATIVE: u64 = 1 << 7;
    pub const EVENT: u64 = 1 << 8;
    pub const FIRST_PERSON: u64 = 1 << 9;
    pub const FUTURE: u64 = 1 << 10;
    pub const GOVERNMENT: u64 = 1 << 11;
    pub const IMPERATIVE: u64 = 1 << 12;
    pub const MODAL: u64 = 1 << 13;
    pub const NUMWORD: u64 = 1 << 14;
    pub const OPINION: u64 = 1 << 15;
    pub const PAST: u64 = 1 << 16;
    pub const POLICY: u64 = 1 << 17;
    pub const PUBLIC: u64 = 1 << 18;
    pub const RECORD: u64 = 1 << 19;
    pub const SCALE: u64 = 1 << 20;
    pub const SECOND_PERSON: u64 = 1 << 21;
    pub const SECRECY: u64 = 1 << 22;
    pub const SOCIAL: u64 = 1 << 23;
    pub const SPEECH: u64 = 1 << 24;
    pub const STAT: u64 = 1 << 25;
    pub const SUPERLATIVE: u64 = 1 << 26;
    pub const TOPIC: u64 = 1 << 27;
    pub const UNIT: u64 = 1 << 28;
    pub const VALUE: u64 = 1 << 29;
    pub const VERB: u64 = 1 << 30;
}

/// Each class of the lexicon files with its bit.
const CLASS_BITS: [(&str, u64); 31] = [
    ("accusation", c::ACCUSATION),
    ("anchor", c::ANCHOR),
    ("casualty", c::CASUALTY),
    ("causal", c::CAUSAL),
    ("change", c::CHANGE),
    ("comparative", c::COMPARATIVE),
    ("deontic", c::DEONTIC),
    ("evaluative", c::EVALUATIVE),
    ("event", c::EVENT),
    ("first_person", c::FIRST_PERSON),
    ("future", c::FUTURE),
    ("government", c::GOVERNMENT),
    ("imperative", c::IMPERATIVE),
    ("modal", c::MODAL),
    ("numword", c::NUMWORD),
    ("opinion", c::OPINION),
    ("past", c::PAST),
    ("policy", c::POLICY),
    ("public", c::PUBLIC),
    ("record", c::RECORD),
    ("scale", c::SCALE),
    ("second_person", c::SECOND_PERSON),
    ("secrecy", c::SECRECY),
    ("social", c::SOCIAL),
    ("speech", c::SPEECH),
    ("stat", c::STAT),
    ("superlative", c::SUPERLATIVE),
    ("topic", c::TOPIC),
    ("unit", c::UNIT),
    ("value", c::VALUE),
    ("verb", c::VERB),
];

/// Word classes read from the lexicon files: word → its classes, as bits of [`c`].
pub(crate) static CLASSES: LazyLock<HashMap<&'static str, u64>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, u64> = HashMap::default();
    for data in [
        include_str!("../lexicons/attribution/claims_signals.txt"),
        include_str!("../lexicons/attribution/claims_against.txt"),
        include_str!("../lexicons/attribution/claims_exempt.txt"),
    ] {
        for line in data.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((class, words)) = line.split_once(": ") else {
                continue;
            };
            let bit = CLASS_BITS
                .iter()
                .find(|(name, _)| *name == class)
                .map(|&(_, bit)| bit)
                .unwrap_or_else(|| panic!("unknown claim class {class}"));
            for w in words.split_whitespace() {
                *m.entry(w).or_default() |= bit;
            }
        }
    }
    m
});

/// Whether `low` is in class `class` (a bit of [`c`]).
fn is(low: &str, class: u64) -> bool {
    CLASSES.get(low).is_some_and(|c| c & class != 0)
}

/// The classes of word `w` (none for most words: its token class says whether to look).
fn classes_of(w: &W<'_>) -> u64 {
    if w.has(classes::CLAIMS_WORD) {
        CLASSES.get(w.low).copied().unwrap_or(0)
    } else {
        0
    }
}

/// The classes of each word of `ws` ([`classes_of`]), looked up once for all the questions
/// a sentence is asked.
fn claim_classes(ws: &[W<'_>]) -> Vec<u64> {
    ws.iter().map(classes_of).collect()
}

const MONTHS: [&str; 23] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
];

/// "-est" words that are not superlatives.
const NOT_SUPERLATIVE: [&str; 10] = [
    "interest", "request", "protest", "contest", "conquest", "harvest", "arrest", "honest",
    "latest", "earliest",
];

/// Reporting verbs that also mean doing something ("added jobs", "maintained the sanctions").
const DOING_TOO: [&str; 5] = ["add", "maintain", "find", "show", "ask"];

/// Words between "has" and its participle ("has not yet", "have also been").
const PERFECT_SKIP: [&str; 12] = [
    "not", "never", "also", "already", "just", "always", "ever", "been", "now", "n't", "actually",
    "yet",
];

/// Irregular past participles.
const PARTICIPLES: [&str; 33] = [
    "done", "made", "gone", "taken", "given", "seen", "been", "known", "shown", "grown", "thrown",
    "written", "brought", "bought", "built", "cut", "put", "set", "kept", "held", "led", "lost",
    "paid", "sent", "sold", "spent", "told", "found", "left", "become", "begun", "run", "won",
];

/// Fractions written as words ("two-thirds", "a quarter").
const FRACTIONS: [&str; 14] = [
    "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "eighth",
    "eighths", "sixth", "twelfth", "half", "halves",
];

/// Words after "to" that do not make an infinitive (determiners, pronouns, fillers).
const NOT_INFINITIVE: [&str; 31] = [
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "our", "my", "your",
    "its", "me", "us", "you", "them", "him", "it", "all", "some", "any", "every", "each", "no",
    "one", "be", "being", "been", "uh",
];

/// The features of a sentence and their weights (log-odds × 10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum F {
    NumUnit,
    Num,
    Year,
    Ordinal,
    Scale,
    NumWord,
    Change,
    Record,
    Event,
    Policy,
    Government,
    Superlative,
    SuperlativeEst,
    ComparativeThan,
    Than,
    History,
    Anchor,
    Past,
    Perfect,
    Causal,
    Accusation,
    Casualty,
    Secrecy,
    Stat,
    Since,
    Topic,
    Capitalised,
    Long,
    Modal,
    Future,
    Deontic,
    Opinion,
    Evaluative,
    Infinitive,
    Value,
    Social,
    First,
    Second,
    If,
    Imperative,
    Verbless,
}

impl F {
    const ALL: [F; 41] = [
        F::NumUnit,
        F::Num,
        F::Year,
        F::Ordinal,
        F::Scale,
        F::NumWord,
        F::Change,
        F::Record,
        F::Event,
        F::Policy,
        F::Government,
        F::Superlative,
        F::SuperlativeEst,
        F::ComparativeThan,
        F::Than,
        F::History,
        F::Anchor,
        F::Past,
        F::Perfect,
        F::Causal,
        F::Accusation,
        F::Casualty,
        F::Secrecy,
        F::Stat,
        F::Since,
        F::Topic,
        F::Capitalised,
        F::Long,
        F::Modal,
        F::Future,
        F::Deontic,
        F::Opinion,
        F::Evaluative,
        F::Infinitive,
        F::Value,
        F::Social,
        F::First,
        F::Second,
        F::If,
        F::Imperative,
        F::Verbless,
    ];
    const COUNT: usize = F::ALL.len();

    fn weight(self) -> i32 {
        match self {
            F::NumUnit => 20,
            F::Scale => 14,
            F::Accusation | F::Secrecy => 13,
            F::Num | F::History | F::Since => 10,
            F::Casualty | F::Event | F::Record | F::Superlative | F::Than => 8,
            F::Change | F::NumWord | F::Stat | F::Topic => 7,
            F::Capitalised | F::Ordinal | F::Past | F::SuperlativeEst | F::Year => 4,
            F::Policy => 3,
            F::Government | F::Perfect | F::Causal => 2,
            F::Anchor => 1,
            F::Long => 0,
            F::ComparativeThan | F::If => -1,
            F::First => -2,
            F::Second => 0,
            F::Infinitive => -3,
            F::Deontic | F::Evaluative | F::Social => -4,
            F::Imperative | F::Verbless => -5,
            F::Value => -6,
            F::Modal => -9,
            F::Opinion => -10,
            F::Future => -11,
        }
    }

    /// A concrete signal: without one, a sentence is not a claim however it scores. A year
    /// is not one: dates of public events are background.
    fn is_anchor(self) -> bool {
        matches!(
            self,
            F::NumUnit
                | F::Num
                | F::Scale
                | F::NumWord
                | F::Change
                | F::Record
                | F::Policy
                | F::Superlative
                | F::SuperlativeEst
                | F::ComparativeThan
                | F::Than
                | F::History
                | F::Causal
                | F::Accusation
                | F::Casualty
                | F::Secrecy
                | F::Stat
                | F::Since
        )
    }
}

fn is_currency(s: &str) -> bool {
    matches!(s, "$" | "£" | "€")
}

/// Whether a sentence of these tokens can be a claim at all, read from the tokens alone: one
/// with quoted words or fewer than five words is exempt (`exempt`), so its words need not
/// be read.
pub fn may_be_claim(tokens: &[crate::prose::Token]) -> bool {
    !tokens.iter().any(|t| t.quoted())
        && tokens
            .iter()
            .filter(|t| t.kind() != TokenKind::Punct)
            .nth(4)
            .is_some()
}

/// Whether the sentence cites someone (quoted words or a reporting verb), so that it is not a
/// claim of the reporter's whatever it carries.
fn cited(ws: &[W<'_>]) -> bool {
    // Quoted words or a reporting verb: someone is being cited, even if the analysis could
    // not parse who.
    // A base form ("I say", "we find", "let me tell you") cites no one, and a verb that also
    // means doing something cites only before "that" or a pause ("added that", not "added
    // 300 jobs"; "found that", not "found them guilty").
    ws.iter().enumerate().any(|(i, w)| {
        w.quoted
            || (w.is_word()
                && w.has(classes::CUE_WORD)
                && super::lexicon::CUE_VERBS.get(w.low).is_some_and(|&lemma| {
                    lemma != w.low
                        && (!DOING_TOO.contains(&lemma)
                            || ws
                                .get(i + 1)
                                .is_none_or(|n| n.kind == TokenKind::Punct || n.low == "that"))
                }))
    })
}

/// Whether the sentence of words `ws` (of claim classes `cl`, [`claim_classes`]) is not a
/// claim of the reporter's whatever it carries, besides [`cited`].
fn exempt(ws: &[W<'_>], cl: &[u64]) -> bool {
    // Results of games, awards and charts are public; acts of speech are their subject's.
    if ws.iter().zip(cl).any(|(w, &k)| {
        (w.is_word() && k & (c::PUBLIC | c::SPEECH) != 0)
            || (w.kind == TokenKind::Number && w.text.contains('-') && w.text.len() <= 5)
    }) {
        return true;
    }
    // A question asserts nothing.
    if ws.iter().rev().take(2).any(|w| w.text == "?") {
        return true;
    }
    let words = ws.iter().filter(|w| w.kind != TokenKind::Punct).count();
    if words < 5 {
        return true;
    }
    // Headlines in title case are not sentences of copy.
    let letters = ws.iter().filter(|w| w.is_word()).count();
    let caps = ws.iter().filter(|w| w.is_word() && w.is_cap()).count();
    caps * 10 >= letters * 7
}

/// A contraction that carries a verb ("it's", "we're", "didn't"; not "let's").
fn is_contracted_verb(low: &str) -> bool {
    low != "let's"
        && ["'s", "'re", "'ve", "'m", "'d", "'ll", "n't"]
            .iter()
            .any(|c| low.ends_with(c) && low.len() > c.len())
}

/// The feature of number token `i` (of `ws`, whose claim classes are `cl`), or `None` for a
/// date or a label.
fn number_feature(ws: &[W<'_>], cl: &[u64], i: usize) -> Option<F> {
    let w = &ws[i];
    let prev = i.checked_sub(1).and_then(|p| ws.get(p));
    let next = ws.get(i + 1);
    let t = w.text;
    let month = |x: &W<'_>| MONTHS.contains(&x.low);
    // A date ("3 March", "March 3, 2024") is background.
    if ws[i.saturating_sub(3)..i].iter().any(month) || next.is_some_and(month) {
        return None;
    }
    if t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && matches!(t.as_bytes()[0], b'1' | b'2')
    {
        return Some(F::Year);
    }
    let b = t.as_bytes();
    if b.len() >= 3
        && b[b.len() - 3].is_ascii_digit()
        && matches!(&t[t.len() - 2..], "st" | "nd" | "rd" | "th")
    {
        return Some(F::Ordinal);
    }
    let unit = prev.is_some_and(|p| is_currency(p.text))
        || t.starts_with(['$', '£', '€'])
        || cl
            .get(i + 1)
            .is_some_and(|&k| k & (c::UNIT | c::SCALE) != 0)
        || t.ends_with('%')
        || t.ends_with("bn");
    Some(if unit { F::NumUnit } else { F::Num })
}

/// The features of word token `i` (of `ws`, whose claim classes are `cl`).
fn word_features(ws: &[W<'_>], cl: &[u64], i: usize, out: &mut Vec<F>) {
    let w = &ws[i];
    let prev = i.checked_sub(1).and_then(|p| ws.get(p));
    let next = ws.get(i + 1);
    let low = w.low;
    let prev_low = prev.map_or("", |p| p.low);
    let next_low = next.map_or("", |n| n.low);
    let simple = [
        (c::SCALE, F::Scale),
        (c::NUMWORD, F::NumWord),
        (c::CHANGE, F::Change),
        (c::RECORD, F::Record),
        (c::EVENT, F::Event),
        (c::POLICY, F::Policy),
        (c::GOVERNMENT, F::Government),
        (c::ANCHOR, F::Anchor),
        (c::CAUSAL, F::Causal),
        (c::ACCUSATION, F::Accusation),
        (c::CASUALTY, F::Casualty),
        (c::SECRECY, F::Secrecy),
        (c::STAT, F::Stat),
        (c::TOPIC, F::Topic),
        (c::MODAL, F::Modal),
        (c::OPINION, F::Opinion),
        (c::EVALUATIVE, F::Evaluative),
        (c::VALUE, F::Value),
        (c::SOCIAL, F::Social),
        (c::FIRST_PERSON, F::First),
        (c::SECOND_PERSON, F::Second),
    ];
    let cls = cl[i];
    if cls != 0 {
        for (class, f) in simple {
            if cls & class != 0 {
                out.push(f);
            }
        }
    }
    let definite = prev_low == "the" || prev_low.ends_with("'s");
    if cls & c::SUPERLATIVE != 0 && definite {
        out.push(F::Superlative);
    } else if low.ends_with("est")
        && low.len() > 5
        && prev_low == "the"
        && !NOT_SUPERLATIVE.contains(&low)
    {
        out.push(F::SuperlativeEst);
    }
    if next_low == "than" && cls & c::COMPARATIVE != 0 {
        out.push(F::ComparativeThan);
    }
    if low == "than" {
        out.push(F::Than);
    }
    if matches!(low, "history" | "ever") && matches!(prev_low, "the" | "in" | "than") {
        out.push(F::History);
    }
    if low == "since" {
        out.push(F::Since);
    }
    // A regular past, but not a name that happens to end in -ed ("United").
    if cls & c::PAST != 0 || (low.ends_with("ed") && low.len() > 4 && !(i > 0 && w.is_cap())) {
        out.push(F::Past);
    }
    if matches!(low, "has" | "have" | "had")
        && (next_low.ends_with("ed") || next_low.ends_with("en"))
    {
        out.push(F::Perfect);
    }
    // A perfect past an adverb or a contraction ("has not yet signed", "haven't paid").
    let contracted = matches!(low, "hasn't" | "haven't" | "hadn't") || low.ends_with("'ve");
    if matches!(low, "has" | "have" | "had") || contracted {
        let j = ws[i + 1..]
            .iter()
            .position(|x| !PERFECT_SKIP.contains(&x.low))
            .map(|p| i + 1 + p);
        if let Some(j) = j
            && (j > i + 1 || contracted)
            && (ws[j].low.ends_with("ed")
                || ws[j].low.ends_with("en")
                || PARTICIPLES.contains(&ws[j].low))
        {
            out.push(F::Perfect);
        }
    }
    // Going up or down is a change ("prices went up").
    if matches!(low, "go" | "goes" | "went" | "gone" | "going") && matches!(next_low, "up" | "down")
    {
        out.push(F::Change);
    }
    // A figure in a compound ("two-thirds", "five-year").
    if low.contains('-')
        && low
            .split('-')
            .any(|p| is(p, c::NUMWORD) || FRACTIONS.contains(&p))
    {
        out.push(F::NumWord);
    }
    // An infinitive ("to build", "to protect"): a purpose or a plan, not a record.
    if low == "to"
        && let Some(n) = next
        && n.is_word()
        && !n.is_cap()
        && !NOT_INFINITIVE.contains(&next_low)
        && !next_low.ends_with("ed")
        && !next_low.ends_with("ing")
    {
        out.push(F::Infinitive);
    }
    if cls & c::FUTURE != 0 || low.ends_with("'ll") || (low == "going" && next_low == "to") {
        out.push(F::Future);
    }
    if cls & c::DEONTIC != 0 || (low == "have" && next_low == "to") {
        out.push(F::Deontic);
    }
    if low == "if" {
        out.push(F::If);
    }
    if i > 0 && w.is_cap() && cls & c::FIRST_PERSON == 0 && prev.is_none_or(|p| p.text != ".") {
        out.push(F::Capitalised);
    }
}

/// The feature counts of a sentence (of claim classes `cl`, [`claim_classes`]) and its
/// strongest concrete signal.
fn features(ws: &[W<'_>], cl: &[u64]) -> ([i32; F::COUNT], Option<(i32, Span)>) {
    let mut counts = [0i32; F::COUNT];
    let mut best: Option<(i32, Span)> = None;
    let mut feats = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        feats.clear();
        match w.kind {
            TokenKind::Number => feats.extend(number_feature(ws, cl, i)),
            TokenKind::Word => word_features(ws, cl, i, &mut feats),
            _ => {}
        }
        for &f in &feats {
            counts[f as usize] += 1;
            if f.is_anchor() && best.is_none_or(|(weight, _)| f.weight() > weight) {
                best = Some((f.weight(), w.span));
            }
        }
    }
    let words = ws.iter().filter(|w| w.kind != TokenKind::Punct).count();
    if words >= 25 {
        counts[F::Long as usize] += 1;
    }
    if cl.first().is_some_and(|&k| k & c::IMPERATIVE != 0) {
        counts[F::Imperative as usize] += 1;
    }
    if !ws.iter().zip(cl).any(|(w, &k)| {
        w.is_word()
            && (k & (c::VERB | c::PAST) != 0
                || (w.low.ends_with("ed") && w.low.len() > 4)
                || is_contracted_verb(w.low))
    }) {
        counts[F::Verbless as usize] += 1;
    }
    (counts, best)
}

/// Whether the sentence of words `ws` is a checkable claim, and where its strongest signal is.
pub fn claim(ws: &[W<'_>]) -> Option<Claim> {
    if cited(ws) {
        return None;
    }
    let cl = claim_classes(ws);
    if exempt(ws, &cl) {
        return None;
    }
    let (counts, best) = features(ws, &cl);
    // Without a concrete signal there is nothing to check.
    let (_, span) = best?;
    let score = BIAS
        + F::ALL
            .iter()
            .map(|&f| f.weight() * counts[f as usize].min(3))
            .sum::<i32>();
    (score >= THRESHOLD).then_some(Claim { score, span })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzed;

    fn score(text: &str) -> Option<i32> {
        let a = Analyzed::new(text);
        let ws = super::super::sentence_words(&a.draft, &a.prose, 0);
        claim(&ws).map(|c| c.score)
    }

    #[test]
    fn figures_changes_and_records_are_claims() {
        for s in [
            "The county cut its road budget by 12 percent in two years.",
            "Unemployment fell to its lowest level since 1998.",
            "The senator voted against the farm bill three times.",
            "Our factories lost 40,000 jobs while the deficit doubled.",
            "The mayor secretly took money from the builders of the new bridge.",
        ] {
            assert!(score(s).is_some(), "{s}");
        }
    }

    #[test]
    fn opinions_plans_questions_and_courtesies_are_not() {
        for s in [
            "I think we need to do much better for our children.",
            "We will cut taxes for every family in this country.",
            "How much will the new bridge cost the town?",
            "Thank you for the question and for having me here tonight.",
            "Freedom and opportunity are the values that built this nation.",
        ] {
            assert_eq!(score(s), None, "{s}");
        }
    }

    #[test]
    fn public_results_and_reported_speech_are_not() {
        for s in [
            "The home side won the cup final 3-1 in front of 40,000 fans.",
            "The film took $20 million at the box office in its first week.",
            "The minister praised the 300 volunteers who cleared the beach.",
            "Profits rose 5 percent last year, the company said.",
        ] {
            assert_eq!(score(s), None, "{s}");
        }
    }

    #[test]
    fn measures_since_going_up_and_compound_figures_are_claims() {
        for s in [
            "Harbour dues have gone up every year since the new quay opened.",
            "Two-thirds of the moorings have not been dredged since 2019.",
            "The unemployment rate in the valley is above the national average.",
            // "added" and "found" here are deeds, not reports.
            "The boatyard added 300 jobs after the navy contract.",
            "The hospital found asbestos in two of its wards.",
        ] {
            assert!(score(s).is_some(), "{s}");
        }
    }

    #[test]
    fn judgements_contracted_modals_and_plans_are_not() {
        for s in [
            "It's a great harbour and we're proud of the crews who work it.",
            "We won't raise the mooring fees and we can't close the fish market.",
            "The harbour board wants to build a new slipway to protect the lifeboat.",
            // A report of what someone found is theirs.
            "The treasurer found that the harbour budget had a deficit of two million pounds.",
        ] {
            assert_eq!(score(s), None, "{s}");
        }
    }

    #[test]
    fn contractions_are_verbs_and_names_in_ed_are_not_past_tenses() {
        let a = Analyzed::new("It's 40 percent of the vote.");
        let ws = super::super::sentence_words(&a.draft, &a.prose, 0);
        assert_eq!(
            features(&ws, &claim_classes(&ws)).0[F::Verbless as usize],
            0
        );
        let a = Analyzed::new("The United Nations sent 40 observers.");
        let ws = super::super::sentence_words(&a.draft, &a.prose, 0);
        // "sent" is past; "United" is a name.
        assert_eq!(features(&ws, &claim_classes(&ws)).0[F::Past as usize], 1);
        let a = Analyzed::new("The port has not yet paid the 12 pilots.");
        let ws = super::super::sentence_words(&a.draft, &a.prose, 0);
        assert_eq!(features(&ws, &claim_classes(&ws)).0[F::Perfect as usize], 1);
    }

    /// A sentence that [`may_be_claim`] rules out is no claim when read in full.
    #[test]
    fn the_token_filter_rules_out_only_non_claims() {
        let text = "The bypass cut journey times by 40 percent. “It cut journey times by 40 \
                    percent,” she said. Times fell 40 percent. The council cut 300 jobs in \
                    the harbour “scheme” last year. Prices rose. The port lost 12 of its 40 \
                    pilots since 2019, a record.";
        let a = Analyzed::new(text);
        let mut ruled_out = 0;
        for si in 0..a.prose.sentences.len() {
            let ws = super::super::sentence_words(&a.draft, &a.prose, si);
            if !may_be_claim(a.prose.sentence_tokens(si)) {
                ruled_out += 1;
                assert_eq!(claim(&ws), None, "sentence {si}");
            }
        }
        assert_eq!(ruled_out, 4);
    }

    #[test]
    fn the_strongest_signal_is_pointed_at() {
        let text = "The new bypass cut journey times by 40 percent.";
        let a = Analyzed::new(text);
        let ws = super::super::sentence_words(&a.draft, &a.prose, 0);
        let c = claim(&ws).expect("a claim");
        assert_eq!(c.span.slice(text), "40");
    }
}
