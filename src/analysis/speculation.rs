//! Speculative cues in the reporter's own words, for the `speculation` rules.
//!
//! One pass over each sentence finds typed [`Cue`]s: hearsay adverbs, epistemic adverbs and
//! adjectives, speculative modals, appearance verbs, unsourced expectation and belief,
//! reported beliefs and forecasts, and speculative nouns and verbs. It runs once per draft
//! ([`LintContext::speculation`]); each rule of the family reports the kinds it owns.
//!
//! Context that turns a cue off is decided here, once, for every rule:
//! - words inside a direct quotation are the speaker's ([`Token::quoted`](crate::prose::Token));
//! - `May` the month and `May` the name are not the modal;
//! - `alleged`, `allegedly`, `accused` and `suspected` in a paragraph about crime, police or
//!   courts are the legally required wording;
//! - inside a conditional clause (`if`, `unless`, `whether` …) nothing is flagged, and `could`
//!   or `would` in a sentence with an `if` or `unless` clause is the conditional's mood, not a
//!   hedge (unless `speculation.flag_conditionals` is set);
//! - modals of permission and past ability ("you may apply", "could not attend");
//! - `could` in a sentence that reports someone's words ("said", "told", "according to",
//!   "warned" …): in reported speech it is the speaker's possibility, often the backshifted
//!   `can` ("She said the plant could close" reports "the plant can close");
//! - `may`, `might`, `likely`, `unlikely`, `probably`, appearance words and open questions
//!   in the reported speech of a named speaker ("Ana Ruiz said the ferry may sail", "…,
//!   Ana Ruiz said"): the speaker's judgement, passed on with its source;
//! - any cue in a sentence that continues the reported speech of the sentence before it
//!   (the attribution analysis's [`Scope::Continuation`](crate::analysis::attribution::Scope));
//! - `could` in a past-tense narrative (after `was`, `were`, `had`, `did`) or a purpose
//!   clause ("so they could"): past ability, not a guess;
//! - statements that look like hedges but state something else: the legal range of a
//!   penalty ("could face a fine"), the counterfactual "could have won", a prospective role
//!   ("potential buyers"), feasibility ("possible thanks to"), a denied possibility, a
//!   status a rule gives ("is automatically considered"), deliberation ("think carefully"),
//!   a poll's counted holders ("62% believe"), a wish ("the club hopes that"), fear of a
//!   topic ("fears about security") and concerns raised about a topic, an arranged event
//!   ("is set to tour"), a choice of action ("decide whether to"), a speculation noun with
//!   no content or one that is denied ("the subject of speculation", "denied rumours"), an
//!   adjective graded by "potentially", the attributive "an unlikely hero" and a market
//!   consensus used as a benchmark ("below expectations");
//! - a cue in a question, up to its question mark ("Could this be the end?");
//! - hearsay passives ("is said to") while `attribution/vague-source`, which flags the same
//!   words, is on.

use crate::context::LintContext;
use crate::prose::TokenKind;
use crate::text::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::cell::Cell;
use std::sync::LazyLock;

/// What kind of speculative wording a cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// Evidential adverbs and adjectives that pass on hearsay: reportedly, allegedly, alleged.
    Hearsay,
    /// Epistemic adverbs and adjectives: possibly, probably, likely, it is possible that.
    Epistemic,
    /// Speculative modals: may, might, could (have), must have.
    Modal,
    /// A modal and an epistemic adverb together: "may possibly".
    DoubledHedge,
    /// Appearance and perception: appears to, seems, looks set to.
    Appearance,
    /// An open question stated by the writer: it is unclear, remains to be seen.
    OpenQuestion,
    /// Expectation or belief with no holder: is expected to, is believed to, it is thought that.
    UnsourcedExpectation,
    /// A belief or forecast reported as someone's: analysts expect, she believes.
    Belief,
    /// Speculative nouns and verbs: speculation, rumours, suggests, signals.
    Conjecture,
}

/// One speculative cue in the reporter's words.
#[derive(Clone, Debug)]
pub struct Cue {
    /// What kind.
    pub kind: CueKind,
    /// The cue words in the source.
    pub span: Span,
    /// The cue as written (lowercase, one space between words).
    pub words: String,
    /// The index of its sentence in [`crate::prose::Prose::sentences`].
    pub sentence: usize,
    /// For a doubled hedge: the source span to delete to keep one hedge.
    pub remove: Option<Span>,
    /// For unsourced expectation: the participle ("expected", "believed"); empty otherwise.
    pub head: &'static str,
}

fn load(text: &'static str) -> Vec<Vec<&'static str>> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
        .collect()
}

fn set(text: &'static str) -> HashSet<&'static str> {
    load(text)
        .into_iter()
        .filter_map(|r| r.first().copied())
        .collect()
}

static HEARSAY: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("lexicons/speculation/hearsay.txt")));
static EPISTEMIC: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("lexicons/speculation/epistemic.txt")));
static LEGAL: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("lexicons/speculation/legal_context.txt")));
static MONTH_CONTEXT: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("lexicons/speculation/month_context.txt")));
/// Participle -> what may follow it (`to`, `as`).
static EXPECTATION: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
    for r in load(include_str!("lexicons/speculation/expectation.txt")) {
        if let [w, f, ..] = r.as_slice() {
            m.entry(*w).or_default().push(*f);
        }
    }
    m
});
/// Verb form -> lemma.
static BELIEF: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    load(include_str!("lexicons/speculation/belief_verbs.txt"))
        .into_iter()
        .filter_map(|r| match r.as_slice() {
            [w, l, ..] => Some((*w, *l)),
            _ => None,
        })
        .collect()
});

/// Words other than the lists' entries at which a cue can start.
const OTHER_TRIGGERS: &[&str] = &[
    "alleged",
    "purported",
    "supposed",
    "so-called",
    "reputed",
    "suspected",
    "accused",
    "may",
    "might",
    "could",
    "must",
    "likely",
    "unlikely",
    "probable",
    "improbable",
    "tentative",
    "possible",
    "possibility",
    "likelihood",
    "probability",
    "potential",
    "chances",
    "odds",
    "seem",
    "seems",
    "seemed",
    "seeming",
    "appear",
    "appears",
    "appeared",
    "appearing",
    "look",
    "looks",
    "looked",
    "looking",
    "perceived",
    "unclear",
    "uncertain",
    "unknown",
    "remains",
    "believed",
    "thought",
    "understood",
    "expected",
    "feared",
    "hoped",
    "said",
    "rumoured",
    "rumored",
    "reported",
    "assumed",
    "claimed",
    "presumed",
    "anticipated",
    "estimated",
    "reckoned",
    "confident",
    "expectation",
    "expectations",
    "anticipation",
    "belief",
    "beliefs",
    "concerns",
    "fears",
    "presumption",
    "assumption",
    "doubts",
    "hopes",
    "questioned",
    "speculation",
    "speculative",
    "speculate",
    "speculates",
    "speculated",
    "speculating",
    "conjecture",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "unconfirmed",
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "indicate",
    "indicates",
    "indicated",
    "indicating",
    "imply",
    "implies",
    "implied",
    "implying",
    "signal",
    "signals",
    "signalled",
    "signaled",
    "signs",
    "indications",
    "hints",
    "hinted",
    "hint",
    "indication",
    "suggestion",
    "suggestions",
    "raises",
    "raise",
    "raised",
    "raising",
    "cast",
    "casts",
    "casting",
];

/// Verbs of inquiry that, before `whether` or `if`, state an open question under
/// investigation ("police are investigating whether", "the court will decide if").
const INQUIRY_VERBS: &[&str] = &[
    "determine",
    "determines",
    "determined",
    "determining",
    "decide",
    "decides",
    "decided",
    "deciding",
    "establish",
    "establishes",
    "established",
    "establishing",
    "investigate",
    "investigates",
    "investigated",
    "investigating",
    "examine",
    "examines",
    "examined",
    "examining",
    "assess",
    "assesses",
    "assessed",
    "assessing",
    "ascertain",
    "ascertains",
    "ascertained",
    "ascertaining",
    "probe",
    "probes",
    "probed",
    "probing",
    "study",
    "studies",
    "studied",
    "studying",
    "explore",
    "explores",
    "explored",
    "exploring",
    "test",
    "tests",
    "tested",
    "testing",
    "check",
    "checks",
    "checked",
    "checking",
    "review",
    "reviews",
    "reviewed",
    "reviewing",
    "weigh",
    "weighs",
    "weighed",
    "weighing",
    "consider",
    "considers",
    "considered",
    "considering",
    "see",
    "debate",
    "debates",
    "debated",
    "debating",
    "judge",
    "judges",
    "judged",
    "judging",
    "verify",
    "verifies",
    "verified",
    "verifying",
    "predict",
    "vote",
    "votes",
    "voted",
    "voting",
    "wonder",
    "wonders",
    "wondered",
    "wondering",
    "find",
    "finds",
    "found",
    "finding",
];

/// Nouns that, before `whether` or `if` (with or without `on`, `over`, `about`, `of`,
/// `as to`), name an open question ("a decision on whether", "the question of whether").
const INQUIRY_NOUNS: &[&str] = &[
    "decision",
    "question",
    "debate",
    "uncertainty",
    "confusion",
    "doubt",
    "doubts",
];

/// What must hold around a trigger for a cue to start at it at all: a cheap necessary
/// condition, read before the cue finder proper (see [`GATES`]).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Gate {
    /// Nothing to check: the cue finder decides.
    Any,
    /// A participle that starts a cue only in an unsourced passive ([`unsourced`]): before
    /// "to" or "as" ("is said to"), or after a form of "be" ("it is said that"), with
    /// adverbs between.
    Passive,
    /// A word that starts a cue only before one of these words.
    Next(&'static [&'static str]),
    /// A verb or noun of inquiry that starts a cue only before "whether" or "if", at most
    /// four words on ("decide whether", "find out whether", "the question of whether").
    Inquiry,
    /// "see" and "sees" ([`SEE_GATES`]): a cue only as an inquiry ("see whether", as
    /// [`Gate::Inquiry`]) or as a view with its "as" two to six words on ("see the deal as
    /// a lifeline", the "see" route of [`belief`]).
    SeeAs,
    /// "seen" ([`SEEN_GATES`]): a cue only as the passive "seen as", or after "widely" and
    /// its like ([`WIDELY`]), the only routes of [`unsourced`] that take it.
    SeenAs,
}

/// The participles with [`Gate::SeenAs`]: in no route of [`match_at`] but [`unsourced`],
/// whose list of what follows them ([`EXPECTATION`]) holds only "as" (checked by the test
/// `see_gate_holds`).
const SEEN_GATES: &[&str] = &["seen"];

/// The forms of "see" with [`Gate::SeeAs`]: in no other route of [`match_at`] than the
/// inquiry and the "see … as" of [`belief`] (the test `see_gate_holds` compares the cues
/// found with the gate and without it).
const SEE_GATES: &[&str] = &["see", "sees"];

/// Triggers that start a cue only in one construction, each checked against every route
/// of [`match_at`] (the test `gates_hold_for_every_route` checks that no list holds them
/// elsewhere). The commonest trigger of all, the "said" of reported speech, is passed over
/// here without the whole cue finder.
const GATES: &[(&str, Gate)] = &[
    ("said", Gate::Passive),
    ("reported", Gate::Passive),
    ("claimed", Gate::Passive),
    ("hoped", Gate::Passive),
    ("understood", Gate::Passive),
    ("forecast", Gate::Passive),
    ("predicted", Gate::Passive),
    ("projected", Gate::Passive),
    ("slated", Gate::Passive),
    ("touted", Gate::Passive),
    ("poised", Gate::Passive),
    ("set", Gate::Next(&["to"])),
    ("yet", Gate::Next(&["to"])),
    ("remains", Gate::Next(&["to"])),
    ("must", Gate::Next(&["have", "'ve"])),
    ("known", Gate::Next(&["whether", "if"])),
    ("certain", Gate::Next(&["whether", "if"])),
    ("sure", Gate::Next(&["whether", "if"])),
    ("clear", Gate::Next(&["whether", "if"])),
    (
        "look",
        Gate::Next(&["set", "likely", "unlikely", "poised", "like", "as"]),
    ),
    (
        "looks",
        Gate::Next(&["set", "likely", "unlikely", "poised", "like", "as"]),
    ),
    (
        "looked",
        Gate::Next(&["set", "likely", "unlikely", "poised", "like", "as"]),
    ),
    (
        "looking",
        Gate::Next(&["set", "likely", "unlikely", "poised", "like", "as"]),
    ),
    ("chances", Gate::Next(&["are"])),
    ("odds", Gate::Next(&["are"])),
    ("unconfirmed", Gate::Next(&["reports", "report"])),
    ("concerns", Gate::Next(&["that"])),
    ("hopes", Gate::Next(&["that"])),
    ("expectation", Gate::Next(&["that"])),
    ("anticipation", Gate::Next(&["of", "that"])),
    ("belief", Gate::Next(&["that"])),
    ("beliefs", Gate::Next(&["that"])),
    ("presumption", Gate::Next(&["that"])),
    ("assumption", Gate::Next(&["that"])),
    ("expectations", Gate::Next(&["about", "of", "that"])),
    ("confident", Gate::Next(&["that", "about", "of"])),
    ("questioned", Gate::Next(&["whether", "how", "if", "why"])),
    ("raise", Gate::Next(RAISED)),
    ("raises", Gate::Next(RAISED)),
    ("raised", Gate::Next(RAISED)),
    ("raising", Gate::Next(RAISED)),
    ("cast", Gate::Next(&["doubt"])),
    ("casts", Gate::Next(&["doubt"])),
    ("casting", Gate::Next(&["doubt"])),
];

/// What "raises" is followed by when it starts a cue ([`conjecture`]).
const RAISED: &[&str] = &[
    "the",
    "new",
    "fresh",
    "serious",
    "questions",
    "doubts",
    "fears",
    "concerns",
    "",
];

/// [`INQUIRY_VERBS`] and [`INQUIRY_NOUNS`] in one table: each word with its lists as bits
/// ([`INQUIRY_VERB`], [`INQUIRY_NOUN`]), looked up once instead of read through two lists.
static INQUIRY: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut t: HashMap<&'static str, u8> = HashMap::default();
    for &w in INQUIRY_VERBS {
        *t.entry(w).or_default() |= INQUIRY_VERB;
    }
    for &w in INQUIRY_NOUNS {
        *t.entry(w).or_default() |= INQUIRY_NOUN;
    }
    t
});
/// The bit of an [`INQUIRY`] word in [`INQUIRY_VERBS`].
const INQUIRY_VERB: u8 = 1;
/// The bit of an [`INQUIRY`] word in [`INQUIRY_NOUNS`].
const INQUIRY_NOUN: u8 = 2;

/// Every word at which a cue can start, with its [`Gate`]: a token not in it is passed over
/// at once.
static TRIGGERS: LazyLock<HashMap<&'static str, Gate>> = LazyLock::new(|| {
    let mut t: HashMap<&'static str, Gate> = HashMap::default();
    let words = OTHER_TRIGGERS
        .iter()
        .copied()
        .chain(HEARSAY.iter().copied())
        .chain(EPISTEMIC.iter().copied())
        .chain(EXPECTATION.keys().copied())
        .chain(BELIEF.keys().copied())
        .chain([
            "certain",
            "sure",
            "clear",
            "known",
            "yet",
            "guarantee",
            "assurance",
            "certainty",
        ]);
    for w in words {
        t.insert(w, Gate::Any);
    }
    // A verb or noun of inquiry that is in no other list starts a cue only as an open
    // question.
    for &w in INQUIRY_VERBS.iter().chain(INQUIRY_NOUNS) {
        t.entry(w).or_insert(Gate::Inquiry);
    }
    for &(w, g) in GATES {
        t.insert(w, g);
    }
    for &w in SEE_GATES {
        t.insert(w, Gate::SeeAs);
    }
    for &w in SEEN_GATES {
        t.insert(w, Gate::SeenAs);
    }
    t
});

#[cfg(test)]
thread_local! {
    /// In tests: whether [`Gate::SeeAs`] and [`Gate::SeenAs`] are always open (the
    /// reference the gates are checked against).
    static SEE_GATE_OFF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
thread_local! {
    /// In tests: whether a sentence that continues reported speech is read like any other
    /// (the reference its skip in [`find_in`] is checked against).
    static CONTINUATION_SKIP_OFF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Every word at which a cue can start: the class
/// [`crate::prose::classes::SPECULATION_TRIGGER`], so that a token that starts no cue is
/// passed over on one bit of its class, without being sliced, lowered or hashed.
pub(crate) fn trigger_words() -> impl Iterator<Item = &'static str> {
    TRIGGERS.keys().copied().filter(|w| !w.is_empty())
}

/// The triggers whose gate is [`Gate::Passive`]: the class
/// [`crate::prose::classes::SPECULATION_PASSIVE_GATE`].
pub(crate) fn passive_gate_words() -> impl Iterator<Item = &'static str> {
    TRIGGERS
        .iter()
        .filter(|(w, g)| !w.is_empty() && **g == Gate::Passive)
        .map(|(w, _)| *w)
}

/// The triggers with no gate ([`Gate::Any`]): the class
/// [`crate::prose::classes::SPECULATION_ANY_GATE`].
pub(crate) fn any_gate_words() -> impl Iterator<Item = &'static str> {
    TRIGGERS
        .iter()
        .filter(|(w, g)| !w.is_empty() && **g == Gate::Any)
        .map(|(w, _)| *w)
}

/// Every form of "be" that [`View::is_be`] accepts as a word of its own: the class
/// [`crate::prose::classes::SPECULATION_BE`].
pub(crate) fn be_words() -> impl Iterator<Item = &'static str> {
    BE.iter().copied()
}

/// The adverbs that may stand between "be" and a participle: the class
/// [`crate::prose::classes::SPECULATION_BE_ADVERB`].
pub(crate) fn be_adverbs() -> impl Iterator<Item = &'static str> {
    BE_ADVERBS.iter().copied()
}

/// Whether a cue may start at token `k` of a sentence, `t`: a word outside quotation marks
/// with the class [`crate::prose::classes::SPECULATION_TRIGGER`] whose gate is open. `low`
/// gives the lower-case form of each token of the sentence ("" outside it) and `class` its
/// classes (0 outside it). [`crate::prose::Prose::new`] asks this of every trigger word
/// (the tokens [`crate::prose::Prose::speculation_starts`] lists), while the sentence's
/// tokens are at hand.
#[inline]
pub(crate) fn starts_cue<'w>(
    t: &crate::prose::Token,
    k: usize,
    low: impl Fn(isize) -> &'w str,
    class: impl Fn(isize) -> u64,
) -> bool {
    use crate::prose::classes::{
        SPECULATION_ANY_GATE, SPECULATION_PASSIVE_GATE, SPECULATION_TRIGGER,
    };
    if t.class & SPECULATION_TRIGGER == 0 || t.kind() != TokenKind::Word || t.quoted() {
        return false;
    }
    // A trigger of the passive gate ("said") or of none is known by its class, without its
    // text hashed.
    let gate = if t.class & SPECULATION_PASSIVE_GATE != 0 {
        Some(Gate::Passive)
    } else if t.class & SPECULATION_ANY_GATE != 0 {
        Some(Gate::Any)
    } else {
        TRIGGERS.get(low(k as isize)).copied()
    };
    gate.is_some_and(|g| gate_open(g, k as isize, low, class))
}

/// The words the gates of [`gate_open`] look for around a trigger: the class
/// [`crate::prose::classes::SPECULATION_GATE_WORD`].
const GATE_WORDS: &[&str] = &["to", "as", "whether", "if"];

/// [`GATE_WORDS`], for the word-class table.
pub(crate) fn gate_words() -> impl Iterator<Item = &'static str> {
    GATE_WORDS.iter().copied()
}

/// Whether a trigger with gate `gate` at token `k` of a sentence (whose lower-case words
/// `low` gives, "" outside it, and their classes `class`, 0 outside it) can start a cue.
fn gate_open<'w>(
    gate: Gate,
    k: isize,
    low: impl Fn(isize) -> &'w str,
    class: impl Fn(isize) -> u64,
) -> bool {
    use crate::prose::classes::{SPECULATION_BE, SPECULATION_BE_ADVERB, SPECULATION_GATE_WORD};
    // Whether token `q` is "whether" or "if", or "as", or "to" or "as" ([`GATE_WORDS`]):
    // any other word is passed over on its class.
    let gate_word = |q: isize| class(q) & SPECULATION_GATE_WORD != 0;
    let whether = |q: isize| gate_word(q) && matches!(low(q), "whether" | "if");
    let as_ = |q: isize| gate_word(q) && low(q) == "as";
    match gate {
        Gate::Any => true,
        Gate::Next(words) => words.contains(&low(k + 1)),
        Gate::Inquiry => (k + 1..=k + 4).any(whether),
        Gate::SeeAs => {
            #[cfg(test)]
            if SEE_GATE_OFF.get() {
                return true;
            }
            (k + 1..=k + 4).any(whether) || (k + 2..k + 7).any(as_)
        }
        Gate::SeenAs => {
            #[cfg(test)]
            if SEE_GATE_OFF.get() {
                return true;
            }
            as_(k + 1) || WIDELY.contains(&low(k - 1))
        }
        Gate::Passive => {
            if gate_word(k + 1) && matches!(low(k + 1), "to" | "as") {
                return true;
            }
            // Back over adverbs; `p` is the word stopped at, once read ("" before the
            // sentence).
            let mut j = k - 1;
            let mut p = "";
            while j >= 0 {
                if class(j) & SPECULATION_BE_ADVERB == 0 {
                    let a = low(j);
                    if !(a.ends_with("ly") && a != "likely") {
                        p = a;
                        break;
                    }
                }
                j -= 1;
            }
            // What [`View::is_be`] and the "it'" of [`unsourced`] accept, and more.
            if class(j) & SPECULATION_BE != 0 {
                return true;
            }
            p.ends_with("'s") || p.ends_with("'re") || p.starts_with("it'")
        }
    }
}

const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "remains", "remain",
    "remained", "become", "becomes", "became",
];
const BE_ADVERBS: &[&str] = &[
    "widely",
    "generally",
    "also",
    "now",
    "still",
    "already",
    "long",
    "commonly",
    "largely",
    "increasingly",
    "not",
    "n't",
    "strongly",
    "firmly",
    "originally",
    "initially",
    "privately",
    "currently",
    "mostly",
    "often",
    "frequently",
    "sometimes",
    "traditionally",
    "popularly",
    "once",
    "further",
    "even",
    "all",
    "both",
    "each",
    "previously",
    "later",
    "then",
    "therefore",
    "thus",
    "reportedly",
    "apparently",
    "again",
    "never",
    "always",
    "usually",
    "otherwise",
];
const WIDELY: &[&str] = &[
    "widely",
    "generally",
    "commonly",
    "popularly",
    "universally",
    "traditionally",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "my", "our",
    "your", "them", "him", "me", "us", "it", "some", "any", "no", "every", "each",
];
/// Words before a noun: after them a belief verb form is a noun ("the fear", "a thought").
const NOUN_DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "my", "our", "your",
    "some", "any", "every", "each", "such",
];
const SUBJECT_PRONOUNS: &[&str] = &[
    "i", "you", "he", "she", "we", "they", "it", "who", "which", "that", "there", "one",
];
const AUXILIARIES: &[&str] = &[
    "had", "has", "have", "having", "'d", "'ve", "did", "does", "do", "will", "would", "could",
    "can", "may", "might", "should", "must", "shall", "to",
];
const FINITE: &[&str] = &[
    "is", "are", "was", "were", "had", "has", "have", "will", "would", "could", "may", "might",
    "can", "did", "does", "do", "should", "must", "'s", "'re", "'ll", "'d",
];
/// Vague agents after "by" that do not source a passive ("considered by many").
const VAGUE_AGENTS: &[&str] = &[
    "many",
    "some",
    "most",
    "several",
    "few",
    "others",
    "critics",
    "experts",
    "observers",
    "people",
    "analysts",
    "commentators",
    "scholars",
    "historians",
    "fans",
];
/// Past-tense verbs whose clause puts a following "could" in the past: the past of "can",
/// not a hedge ("The pass meant that riders could board anywhere").
const BACKSHIFT_GOVERNORS: &[&str] = &[
    "meant",
    "realised",
    "realized",
    "discovered",
    "found",
    "knew",
    "learned",
    "learnt",
    "decided",
    "wanted",
    "allowed",
    "limited",
    "ensured",
    "agreed",
    "hinted",
    "showed",
    "revealed",
];

/// Subjects of the perceiving "could see": people and pronouns, not a deal or a year.
const PERCEIVERS: &[&str] = &[
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "who",
    "everyone",
    "anyone",
    "nobody",
    "people",
    "witnesses",
    "residents",
    "fans",
    "viewers",
    "spectators",
    "visitors",
    "passengers",
    "onlookers",
    "crowds",
    "neighbours",
    "neighbors",
];

/// Verbs after "could" that state past ability, not a possibility.
const ABILITY_VERBS: &[&str] = &[
    "see",
    "hear",
    "feel",
    "smell",
    "taste",
    "remember",
    "recall",
    "understand",
    "afford",
    "tell",
    "imagine",
    "believe",
    "only",
    "hardly",
    "barely",
    "scarcely",
    "easily",
    "do",
    "manage",
    "speak",
    "read",
    "write",
    "walk",
    "swim",
    "play",
    "sing",
    "count",
    "find",
    "get",
    "not",
    "n't",
    "never",
    "no",
    "longer",
    "nothing",
];
/// Verbs after "may" that state a permission.
const PERMISSION_VERBS: &[&str] = &[
    "apply", "register", "submit", "request", "opt", "choose", "enter", "attend", "contact",
    "call", "email", "visit", "bring", "use", "park", "download", "print",
];
/// Participles after "may be" that state what is allowed ("may be bought online").
const PERMISSION_PASSIVES: &[&str] = &[
    "purchased",
    "bought",
    "downloaded",
    "obtained",
    "exercised",
    "redeemed",
    "renewed",
    "ordered",
    "booked",
    "collected",
    "submitted",
    "exchanged",
];
/// Nouns of a prospective role: "potential buyers" are the people who might take the
/// role, a known group (the bidders, the jury pool), not the writer's guess.
const ROLE_NOUNS: &[&str] = &[
    "buyer",
    "buyers",
    "bidder",
    "bidders",
    "investor",
    "investors",
    "customer",
    "customers",
    "client",
    "clients",
    "candidate",
    "candidates",
    "juror",
    "jurors",
    "recruit",
    "recruits",
    "suitor",
    "suitors",
    "partner",
    "partners",
    "employer",
    "employers",
    "voter",
    "voters",
    "member",
    "members",
    "user",
    "users",
    "applicant",
    "applicants",
    "successor",
    "successors",
    "purchaser",
    "purchasers",
    "acquirer",
    "acquirers",
    "donor",
    "donors",
    "subscriber",
    "subscribers",
    "entrant",
    "entrants",
    "sponsor",
    "sponsors",
    "backer",
    "backers",
    "tenant",
    "tenants",
    "contender",
    "contenders",
    "challenger",
    "challengers",
    "signing",
    "signings",
    "replacement",
    "replacements",
    "employee",
    "employees",
    "student",
    "students",
    "host",
    "hosts",
    "opponent",
    "opponents",
    "rival",
    "rivals",
    "audience",
    "audiences",
    "viewers",
    "visitors",
];
/// Verbs of forecasting that close a sentence as its attribution: "Growth is set to pick
/// up, the bank forecast."
const CLOSING_FORECAST_VERBS: &[&str] = &[
    "forecast",
    "forecasts",
    "forecasted",
    "predicts",
    "predicted",
    "estimates",
    "estimated",
    "projects",
    "projected",
    "expects",
];

/// Whether a penalty word follows within the noun phrase after the word at `i`: "a
/// possible seven-match ban", "potential fines", "the possibility of a prison sentence".
fn penalty_ahead(v: &View<'_>, i: isize) -> bool {
    (i + 1..i + 5)
        .take_while(|&j| {
            !v.is_boundary(j) && v.is_word(j)
                || v.toks
                    .get(j as usize)
                    .is_some_and(|t| t.kind == TokenKind::Number)
        })
        .any(|j| v.in_(j, PENALTIES))
}

/// What a modal's subject "could face" or "could be" when a sentence states the legal range
/// of a penalty ("could face a fine", "could be jailed for up to five years").
const PENALTIES: &[&str] = &[
    "fine",
    "fines",
    "fined",
    "jail",
    "jailed",
    "prison",
    "imprisonment",
    "imprisoned",
    "ban",
    "bans",
    "banned",
    "suspension",
    "suspended",
    "sentence",
    "sentences",
    "sentenced",
    "prosecution",
    "prosecuted",
    "charges",
    "charged",
    "disqualification",
    "disqualified",
    "deportation",
    "deported",
    "expulsion",
    "expelled",
    "extradition",
    "extradited",
    "penalty",
    "penalties",
    "sanctions",
    "punishment",
    "arrest",
    "disciplinary",
    "struck",
];
/// Irregular past participles: after "could have" they make the counterfactual perfect
/// ("could have won"), as do "been" and the "-ed"/"-en" forms.
const PAST_PARTICIPLES: &[&str] = &[
    "been", "won", "had", "got", "gotten", "made", "done", "gone", "seen", "come", "become",
    "lost", "hit", "put", "set", "cut", "run", "taken", "given", "found", "left", "brought",
    "bought", "kept", "held", "told", "said", "sold", "paid", "meant", "led", "felt", "thought",
    "built", "sent", "spent", "shot", "struck", "beaten", "caught", "chosen", "driven", "fallen",
    "flown", "grown", "known", "risen", "shown", "spoken", "stolen", "thrown", "worn", "written",
    "met", "dealt", "fought", "taught", "sought",
];
/// After "is set to", these state a timetable or an arrangement the subject has made, not a
/// prediction: "is set to expire", "the band is set to tour", "the chief is set to meet
/// unions" ("is set to soar", "is set to miss the final" stay flagged).
const SCHEDULE_VERBS: &[&str] = &[
    "begin",
    "start",
    "open",
    "close",
    "expire",
    "end",
    "resume",
    "run",
    "take",
    "launch",
    "debut",
    "air",
    "finish",
    "conclude",
    "reopen",
    "continue",
    "play",
    "meet",
    "face",
    "host",
    "visit",
    "join",
    "sign",
    "leave",
    "quit",
    "release",
    "unveil",
    "announce",
    "publish",
    "trial",
    "test",
    "hold",
    "address",
    "attend",
    "appear",
    "perform",
    "tour",
    "headline",
    "star",
    "return",
    "undergo",
    "compete",
    "race",
    "fight",
    "travel",
    "protest",
    "march",
    "vote",
    "debate",
    "discuss",
    "strike",
    "stand",
    "testify",
    "marry",
    "wed",
    "retire",
    "speak",
    "outline",
    "introduce",
    "table",
    "present",
    "deliver",
    "succeed",
    // deals, moves and plans the subject makes
    "merge",
    "replace",
    "call",
    "stay",
    "learn",
    "loan",
    "move",
    "offer",
    "buy",
    "sell",
    "acquire",
    "list",
    "float",
    "hire",
    "appoint",
    "name",
    "follow",
    "relocate",
    "transfer",
    "cut",
    "axe",
    "shed",
    "scrap",
    "build",
    "invest",
];
/// After "is set to be", these state a timetable ("is set to be heard in May", "is set to be
/// unveiled on Monday").
const SCHEDULE_PASSIVES: &[&str] = &[
    "heard",
    "held",
    "released",
    "published",
    "unveiled",
    "announced",
    "launched",
    "screened",
    "broadcast",
    "shown",
    "staged",
    "opened",
    "signed",
    "named",
    "appointed",
    "sentenced",
    "debated",
    "discussed",
    "introduced",
    "presented",
    "tabled",
    "auctioned",
    "tried",
    "sworn",
    "inaugurated",
    "made",
    "scaled",
    "frozen",
    "axed",
    "scrapped",
    "cut",
    "merged",
    "sold",
    "bought",
    "built",
    "demolished",
    "closed",
    "renamed",
    "relaunched",
    "replaced",
];
const CONDITIONALS: &[&str] = &["if", "unless", "whether", "provided", "providing", "lest"];
const WH: &[&str] = &["how", "what", "why", "where", "when", "whatever", "however"];

/// A sentence's tokens as the cue finder reads them.
struct Tok<'a> {
    lower: &'a str,
    text: &'a str,
    kind: TokenKind,
    quoted: bool,
    span: Span,
    /// The word classes of `lower` ([`crate::prose::Token::class`]).
    class: u64,
}

impl<'a> Tok<'a> {
    /// Token `t` as the cue finder reads it, with its text and lower-case form.
    #[inline]
    fn of(t: &crate::prose::Token, text: &'a str, lower: &'a str) -> Tok<'a> {
        Tok {
            lower,
            text,
            kind: t.kind(),
            quoted: t.quoted(),
            span: t.span(),
            class: t.class,
        }
    }
}

struct View<'a> {
    toks: Vec<Tok<'a>>,
    /// The tokens at which a cue may start, in order: trigger words outside quotation marks
    /// whose [`Gate`] is open.
    triggers: Vec<usize>,
    /// The words that report someone's words: reporting verbs and "according" outside
    /// quotation marks ("she said", "told", "warned", "according to").
    reporting: Vec<usize>,
    /// Whether the sentence continues the reported speech of the sentence before it.
    continues: bool,
    /// The stretches of the sentence that report a named speaker's statement (a name, or a
    /// pronoun standing for one; not "analysts" or "a spokesman"): "Ana Ruiz said [the
    /// plant may close]", "[Sales will probably fall], Ana Ruiz said."
    speech: Vec<Span>,
    /// "indicate" (and the like) used as a reporting verb by a named speaker: "Ana Ruiz
    /// indicated she would stand" reports what she made known.
    named_signals: Vec<Span>,
    /// Agentless passives of reporting that `attribution/vague-source` reports ("is said
    /// to", "it was reported"), when that rule is on: hearsay with its speaker hidden is
    /// a sourcing fault, and that rule asks "By whom?" of the same words.
    hidden_speakers: Vec<Span>,
}

impl View<'_> {
    fn w(&self, i: isize) -> &str {
        if i < 0 {
            return "";
        }
        self.toks.get(i as usize).map_or("", |t| t.lower)
    }
    fn is_word(&self, i: isize) -> bool {
        i >= 0
            && self
                .toks
                .get(i as usize)
                .is_some_and(|t| t.kind == TokenKind::Word)
    }
    fn in_(&self, i: isize, set: &[&str]) -> bool {
        set.contains(&self.w(i))
    }
    /// The word classes of token `i` (0 outside the sentence).
    fn class(&self, i: isize) -> u64 {
        if i < 0 {
            return 0;
        }
        self.toks.get(i as usize).map_or(0, |t| t.class)
    }
    fn is_be(&self, i: isize) -> bool {
        if self.class(i) & crate::prose::classes::SPECULATION_BE != 0 {
            return true;
        }
        let w = self.w(i);
        // (Not a form of "be" of its own: see `BE`.)
        (w.ends_with("'s")
            && matches!(
                w.trim_end_matches("'s"),
                "it" | "that" | "he" | "she" | "there" | "what" | "who"
            ))
            || (w.ends_with("'re") && self.is_word(i))
    }
    /// The index of the previous token, skipping adverbs that may sit between "be" and a
    /// participle.
    fn prev_skipping_adverbs(&self, i: isize) -> isize {
        let mut j = i - 1;
        while j >= 0
            && (self.class(j) & crate::prose::classes::SPECULATION_BE_ADVERB != 0
                || self.w(j).ends_with("ly") && self.w(j) != "likely")
        {
            j -= 1;
        }
        j
    }
    /// Whether token `i` ends a clause.
    fn is_boundary(&self, i: isize) -> bool {
        if i < 0 {
            return true;
        }
        match self.toks.get(i as usize) {
            None => true,
            Some(t) => {
                t.kind == TokenKind::Punct
                    && matches!(
                        t.text,
                        "," | ";"
                            | ":"
                            | "("
                            | ")"
                            | "—"
                            | "–"
                            | "-"
                            | "\""
                            | "“"
                            | "”"
                            | "?"
                            | "!"
                    )
            }
        }
    }
    fn capitalized(&self, i: isize) -> bool {
        i >= 0
            && self
                .toks
                .get(i as usize)
                .is_some_and(|t| t.text.chars().next().is_some_and(char::is_uppercase))
    }
    fn quoted(&self, a: usize, b: usize) -> bool {
        self.toks
            .get(a..b)
            .is_none_or(|ts| ts.iter().any(|t| t.quoted))
    }
    fn span(&self, a: usize, b: usize) -> Span {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|b| self.toks.get(b)),
        ) {
            (Some(x), Some(y)) => x.span.cover(y.span),
            (Some(x), None) => x.span,
            _ => Span::new(0, 0),
        }
    }
    /// The lower-case words of tokens `a..b`, one space between them, in one allocation.
    fn words(&self, a: usize, b: usize) -> String {
        let Some(ts) = self.toks.get(a..b) else {
            return String::new();
        };
        let len = ts.iter().map(|t| t.lower.len() + 1).sum::<usize>();
        let mut s = String::with_capacity(len.saturating_sub(1));
        for (k, t) in ts.iter().enumerate() {
            if k > 0 {
                s.push(' ');
            }
            s.push_str(t.lower);
        }
        s
    }
    /// Whether a finite verb follows within `n` tokens of `i`, before a clause boundary.
    fn clause_follows(&self, i: isize, n: isize) -> bool {
        for j in i + 1..=i + n {
            if self.is_boundary(j) && j != i + 1 {
                return false;
            }
            if self.in_(j, FINITE)
                || matches!(
                    self.w(j),
                    "it's" | "that's" | "he's" | "she's" | "there's" | "they're" | "we're"
                )
            {
                return true;
            }
            if self.w(j) == "that" && j == i + 1 {
                return true;
            }
        }
        false
    }
}

/// `text` in lower case with typographic apostrophes made straight; borrowed when unchanged.
fn lower(text: &str) -> Cow<'_, str> {
    if text.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(text.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Finds every speculative cue of the draft, in document order, with context applied.
pub fn find(ctx: &LintContext<'_>) -> Vec<Cue> {
    let runs = find_runs(ctx);
    let mut all = Vec::with_capacity(runs.iter().map(Vec::len).sum());
    for run in runs {
        all.extend(run);
    }
    all
}

/// [`find`]'s cues as the runs of sentences they were found in: the runs one after another
/// are [`find`]'s list, and all the cues of one sentence are in one run. (Kept apart, they
/// are not copied into one list.)
pub fn find_runs(ctx: &LintContext<'_>) -> Vec<Vec<Cue>> {
    let n = ctx.prose.sentences.len();
    if !ctx.prose.is_big() {
        return vec![find_in(ctx, 0..n)];
    }
    // Sentences are read one by one: a big draft shares runs of them out over the pool.
    use rayon::prelude::*;
    const RUN: usize = 256;
    let runs: Vec<std::ops::Range<usize>> =
        (0..n).step_by(RUN).map(|a| a..(a + RUN).min(n)).collect();
    runs.into_par_iter().map(|r| find_in(ctx, r)).collect()
}

/// The cues of sentences `sentences`, in order.
fn find_in(ctx: &LintContext<'_>, sentences: std::ops::Range<usize>) -> Vec<Cue> {
    let prose = ctx.prose;
    let flag_conditionals = ctx.settings.speculation.flag_conditionals;
    let legal_block: Cell<Option<(usize, bool)>> = Cell::new(None);
    let first_person_block: Cell<Option<(usize, bool)>> = Cell::new(None);
    let Some(run) = prose.sentences.get(sentences) else {
        return Vec::new();
    };
    // The tokens of the run's sentences at which a cue may start (found by `Prose::new` while
    // it read them): a sentence with none is passed over without its tokens, or even its
    // record, being read.
    let starts = match (run.first(), run.last()) {
        (Some(a), Some(z)) => {
            let all = prose.speculation_starts();
            let lo = all.partition_point(|&k| (k as usize) < a.tokens.start);
            let hi = all.partition_point(|&k| (k as usize) < z.tokens.end);
            all.get(lo..hi).unwrap_or(&[])
        }
        _ => &[],
    };
    // Each cue starts at one of the starts: room for them all, reserved once.
    let mut out = Vec::with_capacity(starts.len());
    // The buffers that hold no text, as the thread's last run left them (each is cleared
    // before a sentence fills it).
    let buffers = RUN_BUFFERS.with(Cell::take).unwrap_or_default();
    let mut view = View {
        toks: Vec::new(),
        triggers: buffers.triggers,
        reporting: buffers.reporting,
        continues: false,
        speech: buffers.speech,
        named_signals: buffers.named_signals,
        hidden_speakers: buffers.hidden_speakers,
    };
    let vague_source_on = ctx
        .settings
        .severity(&crate::rules::attribution::VagueSource::META)
        .is_some();
    let mut taken = buffers.taken;
    // The sentence's conditional clauses (the buffer reused from sentence to sentence).
    let mut cond = Conditionals {
        clauses: buffers.clauses,
        has_if: false,
    };
    let attributions = ctx.attributions();
    let mut rest = starts;
    while let Some(&k0) = rest.first() {
        // The sentence of the next start, and its starts.
        let Some(si) = prose.tokens.get(k0 as usize).map(|t| t.sentence()) else {
            break;
        };
        let Some(s) = prose.sentences.get(si) else {
            break;
        };
        let n = rest
            .iter()
            .position(|&k| k as usize >= s.tokens.end)
            .unwrap_or(rest.len())
            .max(1);
        let here = &rest[..n];
        rest = &rest[n..];
        // The union of the sentence's classes (kept by the attribution analysis).
        let attributed = attributions.sentence(si);
        let union = attributed.map_or(u64::MAX, |a| a.classes);
        // A sentence that continues someone's reported speech has no cue of its own
        // ([`sentence_cues`] reports none): its tokens are not read either.
        let continues = attributed
            .is_some_and(|a| a.scope == crate::analysis::attribution::Scope::Continuation);
        #[cfg(test)]
        let continues = continues && !CONTINUATION_SKIP_OFF.get();
        if continues {
            continue;
        }
        // (The lower-case forms of a sentence's tokens are there whenever its tokens are.)
        let (Some(tokens), Some(lowers)) = (
            prose.tokens.get(s.tokens.clone()),
            prose.token_lowers(s.tokens.clone()),
        ) else {
            continue;
        };
        let Some(block) = ctx.draft.blocks.get(s.block) else {
            continue;
        };
        view.triggers.clear();
        view.triggers.extend(
            here.iter()
                .filter_map(|&k| (k as usize).checked_sub(s.tokens.start)),
        );
        // The view's buffers are reused from sentence to sentence.
        view.toks.clear();
        // The sentence's lower-case forms read in order, with no look-up per token.
        view.toks
            .extend(tokens.iter().zip(lowers.entries()).map(|(t, entry)| {
                let text = block.text.get(t.range()).unwrap_or("");
                Tok::of(t, text, lowers.form(entry, text))
            }));
        view.reporting.clear();
        view.reporting.extend(
            tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    t.class & crate::prose::classes::CUE_WORD != 0
                        && t.kind() == TokenKind::Word
                        && !t.quoted()
                })
                .map(|(k, _)| k),
        );
        view.speech.clear();
        view.named_signals.clear();
        view.hidden_speakers.clear();
        // A sentence that continues the reported speech of the one before it in the same
        // paragraph ("He said the plant was safe. It could reopen in May.").
        view.continues = attributed
            .is_some_and(|a| a.scope == crate::analysis::attribution::Scope::Continuation);
        if let Some(a) = attributed {
            use crate::analysis::attribution::CueKind as Ak;
            if vague_source_on {
                view.hidden_speakers.extend(
                    attributions
                        .attributions_of(si)
                        .iter()
                        .filter(|at| at.cue.kind == Ak::Passive && at.source.is_none())
                        .map(|at| at.cue.span),
                );
            }
            view.speech.extend(
                attributions
                    .attributions_of(si)
                    .iter()
                    .filter(|at| {
                        at.cue.kind == Ak::AccordingTo
                            || at.cue.kind == Ak::Verb && STATEMENT_VERBS.contains(&at.cue.lemma)
                    })
                    .filter(|at| has_named_source(ctx, at))
                    .filter_map(|at| {
                        // Everything after the reporting verb, or, for an attribution that
                        // follows its content ("…, she said"), everything before its source
                        // ("said it was unlikely that …" puts the cue before the "that").
                        let content = at.content?;
                        let src = at.source.as_ref()?.span;
                        if content.start >= at.cue.span.end {
                            // Up to a clause of the reporter's own: "…; the outlook", ", although
                            // a cut seems unlikely".
                            let end = view
                                .toks
                                .windows(2)
                                .find(|p| {
                                    p[0].span.start >= at.cue.span.end
                                        && (p[0].text == ";"
                                            || p[0].text == ","
                                                && matches!(
                                                    p[1].lower,
                                                    "although" | "though" | "whereas" | "while"
                                                ))
                                })
                                .map_or(a.span.end, |p| p[0].span.start);
                            Some(Span::new(at.cue.span.end, end))
                        } else {
                            // A closing attribution ("…, the company said on Monday."), not one
                            // with a clause of its own after it.
                            // An apposition after the source ("…, said Ana Ruiz, a fund
                            // manager at Brightwater.") names the speaker; it is no clause.
                            let head_end = src.end.max(at.cue.span.end);
                            let rest = view.toks.iter().skip_while(|t| t.span.start < head_end);
                            let appositive = view
                                .toks
                                .iter()
                                .find(|t| t.span.start >= head_end)
                                .is_some_and(|t| t.text == ",")
                                && rest.clone().all(|t| {
                                    t.kind != TokenKind::Word
                                        || !(t.lower.ends_with("ing")
                                            || APPOSITION_BREAKERS.contains(&t.lower))
                                });
                            let tail = view
                                .toks
                                .iter()
                                .filter(|t| {
                                    t.kind == TokenKind::Word
                                        && t.span.start >= at.cue.span.end
                                        && !(appositive && t.span.start >= head_end)
                                })
                                .count();
                            (tail <= 5)
                                .then(|| Span::new(a.span.start, src.start.min(at.cue.span.start)))
                        }
                    }),
            );
            view.named_signals.extend(
                attributions
                    .attributions_of(si)
                    .iter()
                    .filter(|at| at.cue.lemma == "indicate" && has_named_source(ctx, at))
                    .map(|at| at.cue.span),
            );
        }
        // Whether the paragraph is about crime or courts: read only for the few cues it
        // turns off, once per paragraph.
        let legal = Legal {
            ctx,
            block: s.block,
            cache: &legal_block,
        };
        let title_case = block.is_heading() && is_title_case(&view);
        cond.fill(&view, union);
        let before = out.len();
        sentence_cues(
            &view,
            si,
            &legal,
            title_case,
            &cond,
            flag_conditionals,
            &mut taken,
            &mut out,
        );
        // A paragraph in the first person singular is a contributor's voice (a reader's
        // comment, a column, a first-person account): its opinions and hedges are the "I"'s
        // own, and say so. (Read only for a sentence with a cue, once per paragraph.)
        if out.len() > before {
            let first_person = match first_person_block.get() {
                Some((b, fp)) if b == s.block => fp,
                _ => {
                    let fp = block_is_first_person(ctx, si);
                    first_person_block.set(Some((s.block, fp)));
                    fp
                }
            };
            if first_person {
                out.truncate(before);
            }
        }
    }
    RUN_BUFFERS.with(|b| {
        b.set(Some(RunBuffers {
            triggers: view.triggers,
            reporting: view.reporting,
            speech: view.speech,
            named_signals: view.named_signals,
            hidden_speakers: view.hidden_speakers,
            taken,
            clauses: cond.clauses,
        }))
    });
    out
}

/// The buffers of [`find_in`] that hold no borrowed text, kept per thread from one run of
/// sentences to the next.
#[derive(Default)]
struct RunBuffers {
    triggers: Vec<usize>,
    reporting: Vec<usize>,
    speech: Vec<Span>,
    named_signals: Vec<Span>,
    hidden_speakers: Vec<Span>,
    taken: Vec<bool>,
    clauses: Vec<(usize, usize)>,
}

thread_local! {
    /// Each thread's [`RunBuffers`], between runs.
    static RUN_BUFFERS: Cell<Option<RunBuffers>> = const { Cell::new(None) };
}

/// The lower-case forms of the words of the first person singular that
/// [`block_is_first_person`] looks for ("I", "I'm", "me", "My", …): the class
/// [`crate::prose::classes::SPECULATION_FIRST_PERSON`].
const FIRST_PERSON: &[&str] = &["i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself"];

/// [`FIRST_PERSON`], for the word-class table.
pub(crate) fn first_person_words() -> impl Iterator<Item = &'static str> {
    FIRST_PERSON.iter().copied()
}

/// Whether the paragraph of sentence `si` is written in the first person singular: "I",
/// "me", "my" or "myself" outside quotation marks in any of its sentences. (Not the numeral
/// of "World War I" or a title's "My" inside a sentence.)
fn block_is_first_person(ctx: &LintContext<'_>, si: usize) -> bool {
    let prose = ctx.prose;
    let Some(block_index) = prose.sentences.get(si).map(|s| s.block) else {
        return false;
    };
    let Some(block) = ctx.draft.blocks.get(block_index) else {
        return false;
    };
    let same = |k: &usize| {
        prose
            .sentences
            .get(*k)
            .is_some_and(|s| s.block == block_index)
    };
    let first = (0..si).rev().take_while(same).last().unwrap_or(si);
    let end = (si..prose.sentences.len())
        .take_while(same)
        .last()
        .map_or(si, |k| k + 1);
    (first..end).any(|k| {
        // (A sentence with no word of the class is passed over unread: its record, just read
        // for its block, holds the union of its tokens' classes.)
        if prose
            .sentences
            .get(k)
            .is_some_and(|s| s.classes & crate::prose::classes::SPECULATION_FIRST_PERSON == 0)
        {
            return false;
        }
        let toks = prose.sentence_tokens(k);
        let text = |t: &crate::prose::Token| block.text.get(t.range()).unwrap_or("");
        toks.iter().enumerate().any(|(j, t)| {
            // Only words of up to 7 bytes that start with "I", "m" or "M", and whose
            // lower-case form is one of `FIRST_PERSON`, can be one.
            if t.class & crate::prose::classes::SPECULATION_FIRST_PERSON == 0
                || t.kind() != TokenKind::Word
                || t.quoted()
                || t.range().len() > 7
                || !matches!(
                    block.text.as_bytes().get(t.range().start),
                    Some(b'I' | b'm' | b'M')
                )
            {
                return false;
            }
            let opens = j == 0 || toks[j - 1].kind() != TokenKind::Word;
            match text(t) {
                "I" | "I'm" | "I've" | "I'd" | "I'll" => {
                    // After a capitalised word inside the sentence: the numeral.
                    opens || j == 1 || !text(&toks[j - 1]).starts_with(char::is_uppercase)
                }
                "me" | "my" | "myself" => true,
                "My" => opens,
                _ => false,
            }
            // (Each word matched above is in `FIRST_PERSON` in lower case.)
        })
    })
}

/// Whether a sentence's paragraph is about crime, police or courts, looked up when a cue
/// asks: `cache` keeps the answer for the last paragraph looked up.
struct Legal<'c, 'a> {
    ctx: &'c LintContext<'a>,
    block: usize,
    cache: &'c Cell<Option<(usize, bool)>>,
}

impl Legal<'_, '_> {
    fn get(&self) -> bool {
        match self.cache.get() {
            Some((b, l)) if b == self.block => l,
            _ => {
                let l = block_is_legal(self.ctx, self.block);
                self.cache.set(Some((self.block, l)));
                l
            }
        }
    }
}

fn block_is_legal(ctx: &LintContext<'_>, block: usize) -> bool {
    let Some(b) = ctx.draft.blocks.get(block) else {
        return false;
    };
    b.text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && LEGAL.contains(lower(w).as_ref()))
}

fn is_title_case(v: &View<'_>) -> bool {
    let words: Vec<&Tok<'_>> = v
        .toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.text.len() > 3)
        .collect();
    words.len() >= 3
        && words
            .iter()
            .filter(|t| t.text.chars().next().is_some_and(char::is_uppercase))
            .count()
            * 4
            >= words.len() * 3
}

/// The words that can open a conditional clause ([`Conditionals::fill`]): the class
/// [`crate::prose::classes::SPECULATION_CONDITIONAL`].
const CONDITIONAL_MARKERS: &[&str] = &[
    "if",
    "unless",
    "lest",
    "whether",
    "provided",
    "providing",
    "case",
    "event",
];

/// [`CONDITIONAL_MARKERS`], for the word-class table.
pub(crate) fn conditional_markers() -> impl Iterator<Item = &'static str> {
    CONDITIONAL_MARKERS.iter().copied()
}

/// The conditional clauses of a sentence.
struct Conditionals {
    /// Token ranges inside a conditional clause (from the marker to the clause's end).
    clauses: Vec<(usize, usize)>,
    /// Whether the sentence has an `if` or `unless` clause (a conditional consequent).
    has_if: bool,
}

impl Conditionals {
    /// [`Conditionals::fill`] into a new value.
    #[cfg(test)]
    fn new(v: &View<'_>, union: u64) -> Conditionals {
        let mut c = Conditionals {
            clauses: Vec::new(),
            has_if: false,
        };
        c.fill(v, union);
        c
    }

    /// Makes `self` the conditional clauses of sentence `v`, the union of whose tokens'
    /// classes is `union` (a sentence with no marker in it has none); its buffer is reused
    /// from sentence to sentence.
    fn fill(&mut self, v: &View<'_>, union: u64) {
        let Conditionals { clauses, has_if } = self;
        clauses.clear();
        *has_if = false;
        if union & crate::prose::classes::SPECULATION_CONDITIONAL == 0 {
            return;
        }
        let n = v.toks.len();
        for i in 0..n {
            // Only the markers below open a clause: any other word is passed over on its
            // class.
            if v.toks[i].class & crate::prose::classes::SPECULATION_CONDITIONAL == 0 {
                continue;
            }
            let ii = i as isize;
            let w = v.w(ii);
            let marker = match w {
                "if" | "unless" | "lest" => {
                    // "as if" and "even if" are still conditional; "if not" as a hedge too.
                    true
                }
                "whether" => true,
                "provided" | "providing" => v.w(ii + 1) == "that" || v.in_(ii - 1, &[","]),
                "case" => v.w(ii - 1) == "in" && !v.in_(ii + 1, &["of", "."]),
                "event" => v.w(ii - 1) == "the" && v.w(ii - 2) == "in" && v.w(ii + 1) != "of",
                _ => false,
            };
            if !marker || v.toks[i].quoted {
                continue;
            }
            debug_assert!(CONDITIONAL_MARKERS.contains(&w), "{w}");
            if matches!(w, "if" | "unless" | "lest" | "case" | "event") {
                *has_if = true;
            }
            let mut j = i + 1;
            while j < n && !v.is_boundary(j as isize) {
                // A "whether" clause as the subject ends at its verb: "Whether the pier
                // reopens is unclear" states an open question of its own.
                if w == "whether"
                    && i == 0
                    && v.in_(j as isize, &["is", "was", "remains", "remained"])
                    && v.in_(
                        j as isize + 1,
                        &[
                            "unclear",
                            "uncertain",
                            "unknown",
                            "yet",
                            "not",
                            "far",
                            "anyone's",
                        ],
                    )
                {
                    break;
                }
                j += 1;
            }
            clauses.push((i, j));
        }
        debug_assert!(CONDITIONALS.contains(&"if"));
    }
    fn inside(&self, i: usize) -> bool {
        self.clauses.iter().any(|&(a, b)| a <= i && i < b)
    }
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Cue>,
    v: &View<'_>,
    si: usize,
    kind: CueKind,
    a: usize,
    b: usize,
    head: &'static str,
) {
    out.push(Cue {
        kind,
        span: v.span(a, b),
        words: v.words(a, b),
        sentence: si,
        remove: None,
        head,
    });
}

#[allow(clippy::too_many_arguments)]
fn sentence_cues(
    v: &View<'_>,
    si: usize,
    legal: &Legal<'_, '_>,
    title_case: bool,
    cond: &Conditionals,
    flag_conditionals: bool,
    taken: &mut Vec<bool>,
    out: &mut Vec<Cue>,
) {
    // A sentence that continues someone's reported speech is theirs, cues and all: "The
    // minister said the law was clear. Councils would likely lose any appeal."
    if v.continues {
        return;
    }
    // A question claims nothing: "Could this be the end of the ferry?" asks, it does not
    // hedge a claim. (A clause of its own before the question, "The ferry may close, but
    // will the pier?", is still a claim.)
    let question = v
        .toks
        .iter()
        .rposition(|t| {
            t.kind == TokenKind::Punct && !matches!(t.text, "\"" | "”" | "’" | "'" | ")")
        })
        .filter(|&q| v.toks[q].text == "?" && !v.toks[q].quoted);
    // Tokens already part of a cue (so "may possibly" is one cue, not two).
    taken.clear();
    taken.resize(v.toks.len(), false);
    for &i in &v.triggers {
        if taken[i] || !flag_conditionals && cond.inside(i) {
            continue;
        }
        if question.is_some_and(|q| (i + 1..q).all(|k| !v.is_boundary(k as isize))) {
            continue;
        }
        let found = match_at(v, i as isize, legal, title_case, cond, flag_conditionals)
            .filter(|f| !speakers_hedge(v, f));
        if let Some((kind, a, b, head, remove)) = found {
            if b > a && !v.quoted(a, b) && !taken[a..b].iter().any(|&t| t) {
                for t in taken.iter_mut().take(b).skip(a) {
                    *t = true;
                }
                push(out, v, si, kind, a, b, head);
                if let Some((ra, rb)) = remove
                    && let Some(c) = out.last_mut()
                {
                    c.remove = Some(removal_span(v, ra, rb));
                }
            }
        }
    }
}

/// Words that open a clause of its own after a closing attribution's source, so what follows
/// is no apposition ("…, she said, adding that …", "…, he said, but …").
const APPOSITION_BREAKERS: &[&str] = &[
    "who", "which", "that", "and", "but", "as", "because", "although", "though", "while", "when",
    "after", "before", "since", "so", "if", "is", "was", "are", "were", "has", "had", "have",
    "will", "would", "said", "says",
];

/// Verbs that report a statement (lemmas of the attribution lexicon); not "urge",
/// "conclude" or "promise", whose content is a demand, an inference or an undertaking.
const STATEMENT_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "announce",
    "explain",
    "insist",
    "warn",
    "predict",
    "write",
    "report",
    "admit",
    "confirm",
    "reveal",
    "caution",
    "concede",
    "acknowledge",
    "stress",
    "claim",
    "argue",
    "note",
    "point",
    "declare",
    "reiterate",
    "maintain",
    "assert",
    "contend",
    "emphasize",
    "emphasise",
    "reply",
    "respond",
    "testify",
];

/// Whether an attribution's source is a named speaker or holder, or a pronoun standing for
/// one.
fn has_named_source(ctx: &LintContext<'_>, at: &crate::analysis::attribution::Attribution) -> bool {
    use crate::analysis::attribution::SourceKind as Sk;
    at.source.as_ref().is_some_and(|src| {
        let named = match (src.kind, src.antecedent) {
            (Sk::Named, _) => Some(src.span),
            (Sk::Pronoun, Some((span, Sk::Named))) => Some(span),
            _ => None,
        };
        named.is_some_and(|span| {
            ctx.source
                .get(span.start..span.end)
                .is_some_and(names_someone)
        })
    })
}

/// Whether a source phrase names someone: its head noun, before any relative clause,
/// apposition or prepositional phrase, is a proper name ("Ms Reyes", "the Harbour Board",
/// "Dana Cole, a fund manager"), not a group or a role ("port officials", "a spokesman for
/// the board").
fn names_someone(phrase: &str) -> bool {
    let mut head = None;
    for w in phrase.split_whitespace() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if [
            "who", "which", "that", "of", "for", "at", "from", "with", "in", "on",
        ]
        .iter()
        .any(|s| bare.eq_ignore_ascii_case(s))
        {
            break;
        }
        if !bare.is_empty() {
            head = Some(bare);
        }
        if w.ends_with(',') || w.ends_with(';') {
            break;
        }
    }
    if head.is_some_and(|h| h.chars().next().is_some_and(char::is_uppercase)) {
        return true;
    }
    // "the club's lawyer, Dana Cole," names her in apposition.
    let Some((_, rest)) = phrase.split_once(", ") else {
        return false;
    };
    let appo = rest.split(',').next().unwrap_or("").split_whitespace();
    (2..=4).contains(&appo.clone().take(5).count())
        && appo
            .clone()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a modal, a likelihood word, an appearance word or an open question lies in the
/// reported speech of a named speaker: "Ana Ruiz said the plant may close", "Sales will
/// probably fall, Ana Ruiz said". The hedge is the speaker's own judgement, passed on with
/// its source, as `could` in reported speech is; the reporter's guess it is not. (A vague source, "analysts said
/// growth may slow", stays flagged: the reader still cannot tell whose guess it is.)
fn speakers_hedge(v: &View<'_>, f: &Match) -> bool {
    let (kind, a, b) = (f.0, f.1, f.2);
    let w = v.w(a as isize);
    let hedge = match kind {
        CueKind::Modal => matches!(w, "may" | "might"),
        CueKind::Epistemic => matches!(w, "likely" | "unlikely" | "probably"),
        // "She said the plan seemed to work", "he said it was unclear whether …".
        CueKind::Appearance | CueKind::OpenQuestion => true,
        CueKind::Conjecture => w.starts_with("indicat"),
        // "Ana Ruiz said the pier is thought to be the oldest": she is the source.
        CueKind::UnsourcedExpectation => true,
        _ => false,
    };
    if !hedge || b <= a {
        return false;
    }
    // Under a named holder's verb of opinion in the same clause: "She believes the pier may
    // close", "Ana Ruiz thinks it will probably rain". The hedge is the holder's judgement,
    // as it is a named speaker's after "said".
    if matches!(kind, CueKind::Modal | CueKind::Epistemic) && under_named_opinion(v, a) {
        return true;
    }
    let span = v.span(a, b);
    if kind == CueKind::Conjecture {
        return v
            .named_signals
            .iter()
            .any(|c| c.start <= span.start && span.end <= c.end);
    }
    v.speech
        .iter()
        .any(|c| c.start <= span.start && span.end <= c.end)
}

/// Whether the token at `a` follows, in the same clause, a verb of opinion (*believe*,
/// *think*, *feel*, *fear*, *reckon*, *suspect*, *worry*) whose holder is named right before
/// it or is *he* or *she* ("Ana Ruiz fears the pier may close"). A name inside a phrase that
/// heads elsewhere ("Few in Westminster believe") does not count, nor does "believe in".
fn under_named_opinion(v: &View<'_>, a: usize) -> bool {
    let mut k = a as isize - 1;
    // Within a clause's reach (bounded, so a sentence of a million words stays linear).
    let stop = a as isize - 40;
    while k >= 0 && k > stop && !v.in_(k, &[";", "but", "although", "though", "while", "whereas"]) {
        let opinion = BELIEF.get(v.w(k)).is_some_and(|l| {
            matches!(
                *l,
                "believe" | "think" | "feel" | "fear" | "reckon" | "suspect" | "worry"
            )
        });
        if opinion && v.w(k + 1) != "in" && holder_named(v, k) {
            return true;
        }
        k -= 1;
    }
    false
}

/// The index of the word before the verb at `i`, past up to five adverbs between a subject
/// and its verb ("Ana Ruiz also / still / privately believes").
fn before_adverbs(v: &View<'_>, i: isize) -> isize {
    let mut k = i - 1;
    while k >= 0
        && k > i - 6
        && (v.in_(k, &["also", "still", "now", "even", "already", "too"])
            || v.w(k).ends_with("ly") && v.w(k) != "likely")
    {
        k -= 1;
    }
    k
}

/// Whether the capitalised name right before the verb at `k` sits inside a phrase headed
/// by something else: after a preposition ("Few in Westminster believe", "the head of
/// Acme thinks").
fn name_in_phrase(v: &View<'_>, k: isize) -> bool {
    let mut h = before_adverbs(v, k);
    let stop = h - 8;
    while h >= 0 && h > stop && v.is_word(h) && v.capitalized(h) {
        h -= 1;
    }
    v.in_(
        h,
        &["in", "of", "at", "from", "for", "with", "by", "on", "to"],
    )
}

/// The source span that deletes tokens `a..b` with the space before them.
fn removal_span(v: &View<'_>, a: usize, b: usize) -> Span {
    let s = v.span(a, b);
    let prev_end = a
        .checked_sub(1)
        .and_then(|p| v.toks.get(p))
        .map_or(s.start, |t| t.span.end);
    Span::new(prev_end.min(s.start), s.end)
}

type Match = (CueKind, usize, usize, &'static str, Option<(usize, usize)>);

fn m(kind: CueKind, a: isize, b: isize) -> Option<Match> {
    Some((kind, a.max(0) as usize, b.max(0) as usize, "", None))
}

fn match_at(
    v: &View<'_>,
    i: isize,
    legal: &Legal<'_, '_>,
    title_case: bool,
    cond: &Conditionals,
    flag_conditionals: bool,
) -> Option<Match> {
    let w = v.w(i);
    let next = v.w(i + 1);
    let prev = v.w(i - 1);
    use CueKind::*;

    // Hearsay adverbs.
    if HEARSAY.contains(w) {
        if w == "allegedly" && legal.get() {
            return None;
        }
        return m(Hearsay, i, i + 1);
    }
    match w {
        "alleged" | "purported" | "supposed" | "so-called" | "reputed" => {
            if w == "supposed" && next == "to" {
                return None;
            }
            if w == "alleged" && (legal.get() || v.in_(i - 1, SUBJECT_PRONOUNS) || v.is_be(i - 1)) {
                return None;
            }
            if w == "so-called" {
                return None;
            }
            if w == "alleged" || w == "purported" || w == "reputed" || v.in_(i - 1, DETERMINERS) {
                return m(Hearsay, i, i + 1);
            }
            return None;
        }
        "suspected" | "accused" => {
            if legal.get() {
                return None;
            }
            // "the suspected leak", "was accused of": an unproved charge, unsourced.
            let passive = v.is_be(v.prev_skipping_adverbs(i)) && next == "of";
            let attributive = v.in_(i - 1, DETERMINERS) && v.is_word(i + 1) && next != "of";
            if passive || attributive || (w == "suspected" && next == "of") {
                return m(Hearsay, i, i + 1);
            }
            return None;
        }
        _ => {}
    }

    // Modals.
    if matches!(w, "may" | "might" | "could" | "must") {
        return modal(v, i, title_case, cond, flag_conditionals);
    }

    // Epistemic adverbs (a doubled hedge with a modal before it is found at the modal).
    if EPISTEMIC.contains(w) {
        // "potentially toxic materials", "a potentially serious injury": a property of the
        // thing, what it can be, not a hedge on the claim ("potentially faces", "it
        // potentially lets" stay flagged).
        if w == "potentially" && v.is_word(i + 1) && is_gradable_adjective(v, i + 1) {
            return None;
        }
        // Inside a title, capitalised after a capitalised word mid-sentence: the album
        // "Definitely Maybe", the show "Probably Not" (a title-case heading is prose).
        if !title_case && i > 1 && v.capitalized(i) && v.is_word(i - 1) && v.capitalized(i - 1) {
            return None;
        }
        return m(Epistemic, i, i + 1);
    }
    match w {
        "likely" | "unlikely" => {
            // A comparison of rates is a statistic, not a hedge: "smokers are more likely to
            // fall ill", "twice as likely as men".
            if v.in_(i - 1, &["more", "less", "least", "as", "equally"])
                && v.in_(i + 1, &["to", "than", "as"])
            {
                return None;
            }
            // The group that ranks first: "of the six age groups, teenagers were the most
            // likely to own one" (but "the bill is most likely to pass" is a hedge).
            if v.w(i - 1) == "most" && v.w(i - 2) == "the" && v.w(i + 1) == "to" {
                return None;
            }
            // "an unlikely hero", "the unlikely setting for": surprising, not improbable
            // ("the unlikely event that", "an unlikely outcome" stay hedges).
            if w == "unlikely"
                && v.in_(
                    i - 1,
                    &[
                        "a", "an", "the", "this", "that", "his", "her", "its", "their", "most",
                    ],
                )
                && (v.is_word(i + 1)
                    || v.toks
                        .get((i + 1) as usize)
                        .is_some_and(|t| t.kind == TokenKind::Number))
                && !v.in_(
                    i + 1,
                    &[
                        "to",
                        "that",
                        "and",
                        "or",
                        "but",
                        "event",
                        "scenario",
                        "outcome",
                        "prospect",
                        "possibility",
                        "case",
                        "result",
                    ],
                )
            {
                return None;
            }
            // "likely to", "it is likely that", "will likely", "the likely winner".
            return m(Epistemic, i, i + 1);
        }
        "probable" | "improbable" | "tentative" => return m(Epistemic, i, i + 1),
        "possible" => {
            // Not "as soon as possible", "made possible", "possible to" (ability), "if possible".
            if v.in_(
                i - 1,
                &[
                    "as",
                    "made",
                    "make",
                    "makes",
                    "making",
                    "if",
                    "where",
                    "whenever",
                    "wherever",
                    "best",
                    "worst",
                    "only",
                    "every",
                    "all",
                    "everything",
                    "lowest",
                    "highest",
                    "greatest",
                    "smallest",
                    "largest",
                    "shortest",
                    "fastest",
                    "earliest",
                    "latest",
                    "maximum",
                    "minimum",
                    "any",
                    "not",
                    "n't",
                    "impossible",
                ],
            ) || v.w(i - 1).ends_with("est")
                || next == "to"
                || next == "for"
            {
                return None;
            }
            // "three possible routes", "other possible causes": a list of options.
            let counted = v
                .toks
                .get((i - 1).max(0) as usize)
                .is_some_and(|t| t.kind == TokenKind::Number && i > 0)
                || v.in_(
                    i - 1,
                    &[
                        "other",
                        "another",
                        "several",
                        "many",
                        "various",
                        "different",
                        "two",
                        "three",
                        "four",
                        "five",
                        "six",
                        "ten",
                        "all",
                    ],
                );
            if counted {
                return None;
            }
            // Feasibility, not likelihood: "the service is possible thanks to a new law",
            // "faster than would be possible with cable" (but "it is possible the plant
            // closes" is a hedge).
            let p = v.prev_skipping_adverbs(i);
            if v.in_(
                i + 1,
                &[
                    "thanks", "due", "because", "with", "through", "using", "via", "by", "without",
                    "under", "owing",
                ],
            ) && (v.is_be(p) || v.in_(p, &["become", "became", "becomes"]))
                && !(v.in_(p - 1, &["it", "this", "that"]) || v.w(p).starts_with("it'"))
            {
                return None;
            }
            if penalty_ahead(v, i) {
                return None;
            }
            if next == "that" || v.is_word(i + 1) {
                return m(Epistemic, i, i + 1);
            }
            return None;
        }
        "possibility" | "likelihood" | "probability" => {
            // A possibility someone denies or rules out is their statement, not a hedge:
            // "the minister ruled out the possibility of a strike".
            let d = if v.in_(i - 1, &["the", "any", "a"]) {
                i - 2
            } else {
                i - 1
            };
            if v.in_(
                d,
                &[
                    "denied",
                    "deny",
                    "denies",
                    "denying",
                    "rejected",
                    "rejects",
                    "dismissed",
                    "dismisses",
                    "excluded",
                    "excludes",
                ],
            ) || v.in_(d, &["out"]) && v.in_(d - 1, &["ruled", "rule", "rules", "ruling"])
            {
                return None;
            }
            if w == "possibility" && next == "of" && penalty_ahead(v, i) {
                return None;
            }
            if w == "probability"
                && next != "that"
                && !v.in_(i - 1, &["high", "low", "strong", "a", "some", "reasonable"])
            {
                return None;
            }
            return m(Epistemic, i, i + 1);
        }
        "potential" => {
            // The adjective ("a potential buyer"), not the noun ("the potential to grow").
            if v.is_word(i + 1)
                && !v.in_(
                    i + 1,
                    &["to", "for", "of", "and", "or", "in", "is", "was", "as"],
                )
                && !v.in_(
                    i - 1,
                    &[
                        "the", "its", "their", "his", "her", "full", "great", "huge", "enormous",
                        "real", "untapped", "economic", "growth",
                    ],
                )
            {
                // A prospective role ("potential buyers", "potential foreign investors"):
                // the people who may take it, not the writer's guess.
                if v.in_(i + 1, ROLE_NOUNS) || v.is_word(i + 2) && v.in_(i + 2, ROLE_NOUNS) {
                    return None;
                }
                return m(Epistemic, i, i + 1);
            }
            return None;
        }
        "chances" | "odds" if next == "are" => return m(Epistemic, i, i + 2),
        _ => {}
    }

    // Appearance and perception.
    match w {
        "seem" | "seems" | "seemed" | "seeming" => return m(Appearance, i, i + 1),
        "appear" | "appears" | "appeared" | "appearing" => {
            if next == "to" && v.is_word(i + 2) && !v.in_(i + 2, DETERMINERS) {
                return m(Appearance, i, i + 2);
            }
            if matches!(next, "that" | "likely" | "unlikely" | "certain" | "set") {
                return m(Appearance, i, i + 2);
            }
            if prev == "it" && !v.is_word(i + 1) {
                return m(Appearance, i - 1, i + 1);
            }
            // Copular use with an adjective: "appears contradictory", "appeared reluctant".
            if v.is_word(i + 1) && is_predicate_adjective(next) {
                return m(Appearance, i, i + 2);
            }
            return None;
        }
        "look" | "looks" | "looked" | "looking" => {
            if matches!(next, "set" | "likely" | "unlikely" | "poised") {
                return m(Appearance, i, i + 2);
            }
            if next == "like" && v.in_(i - 1, &["it", "this", "that"]) {
                return m(Appearance, i, i + 2);
            }
            if next == "as" && v.in_(i + 2, &["if", "though"]) {
                return m(Appearance, i, i + 3);
            }
            return None;
        }
        "perceived" if next == "as" || v.is_be(i - 1) => return m(Appearance, i, i + 1),
        _ => {}
    }

    // Open questions stated by the writer.
    if matches!(w, "unclear" | "uncertain" | "unknown") && v.is_be(v.prev_skipping_adverbs(i)) {
        if w == "unknown"
            && v.is_word(i + 1)
            && !v.in_(
                i + 1,
                &["whether", "if", "how", "what", "why", "who", "when"],
            )
        {
            return None;
        }
        return m(OpenQuestion, i, i + 1);
    }
    if w == "remains" && next == "to" && v.w(i + 2) == "be" && v.w(i + 3) == "seen" {
        return m(OpenQuestion, i, i + 4);
    }
    // "There is no guarantee that the ferry will sail", "no assurance a sale will happen".
    if matches!(w, "guarantee" | "assurance" | "certainty")
        && v.w(i - 1) == "no"
        && (next == "that" || v.in_(i + 1, DETERMINERS) || v.in_(i + 1, SUBJECT_PRONOUNS))
    {
        return m(OpenQuestion, i - 1, i + 1);
    }

    // An open question under inquiry: "investigating whether", "will decide if",
    // "to find out whether".
    let inquiry = INQUIRY.get(w).copied().unwrap_or(0);
    let verb = inquiry & INQUIRY_VERB != 0 && !v.in_(i - 1, NOUN_DETERMINERS);
    if verb || inquiry & INQUIRY_NOUN != 0 {
        let mut q = i + 1;
        if verb && matches!(w, "find" | "finds" | "found" | "finding") {
            if next != "out" {
                q = -1;
            } else {
                q += 1;
            }
        }
        if q > 0 {
            if v.in_(q, &["on", "over", "about", "of"]) {
                q += 1;
            } else if v.w(q) == "as" && v.w(q + 1) == "to" {
                q += 2;
            }
            // "if" must open a clause ("decide if the fare rises"), not an aside
            // ("further tests if needed").
            let clause_if = v.w(q) == "if"
                && (v.in_(q + 1, DETERMINERS)
                    || v.in_(q + 1, SUBJECT_PRONOUNS)
                    || v.capitalized(q + 1));
            // "decide whether to sell", "whether or not to stand": a choice of action to be
            // made, not an open question of fact.
            if v.w(q) == "whether"
                && (v.w(q + 1) == "to"
                    || v.w(q + 1) == "or" && v.w(q + 2) == "not" && v.w(q + 3) == "to")
            {
                return None;
            }
            if v.w(q) == "whether" || clause_if {
                return m(OpenQuestion, i, q + 1);
            }
        }
    }
    // "not clear whether", "not known if", "is yet to be seen".
    if matches!(w, "certain" | "sure" | "clear" | "known")
        && v.in_(i - 1, &["not", "n't"])
        && matches!(next, "whether" | "if")
    {
        return m(OpenQuestion, i - 1, i + 2);
    }
    if w == "yet"
        && next == "to"
        && v.w(i + 2) == "be"
        && v.in_(
            i + 3,
            &["seen", "determined", "decided", "confirmed", "known"],
        )
    {
        return m(OpenQuestion, i, i + 4);
    }

    // Unsourced expectation and belief.
    if let Some(m) = unsourced(v, i) {
        // "The firm said sales are expected to rise": the sentence names whose
        // expectation it is, so "by whom?" is answered.
        let forecast = matches!(
            m.3,
            "expected"
                | "set"
                | "poised"
                | "tipped"
                | "slated"
                | "projected"
                | "forecast"
                | "predicted"
                | "anticipated"
                | "estimated"
                | "understood"
        );
        if forecast && v.reporting.iter().any(|&k| k < m.1 || k >= m.2) {
            return None;
        }
        if forecast
            && (m.2 as isize..(v.toks.len() as isize).min(m.2 as isize + 40))
                .any(|k| v.in_(k, CLOSING_FORECAST_VERBS) && v.is_word(k - 1) && !v.is_word(k + 1))
        {
            return None;
        }
        // Hearsay with a hidden speaker ("is said to", "it was reported that") is left to
        // `attribution/vague-source`, which flags the same passive when it is on.
        if matches!(m.3, "said" | "reported" | "claimed") {
            let span = v.span(m.1, m.2);
            if v.hidden_speakers
                .iter()
                .any(|h| h.start < span.end && span.start < h.end)
            {
                return None;
            }
        }
        return Some(m);
    }
    // Reported belief and forecast.
    if let Some(m) = belief(v, i) {
        return Some(m);
    }
    conjecture(v, i)
}

fn modal(
    v: &View<'_>,
    i: isize,
    title_case: bool,
    cond: &Conditionals,
    flag_conditionals: bool,
) -> Option<Match> {
    let w = v.w(i);
    let next = v.w(i + 1);
    use CueKind::*;
    // Generic "you": an option or a supposition put to the reader, "you could use the
    // side door", "you might think the worst is over", not a hedged claim.
    if matches!(w, "could" | "might") && v.w(i - 1) == "you" {
        return None;
    }
    // A concession: "the plan may be costly, but it is safe", "the side may have won, but
    // they were poor". The writer grants the first clause to set the second against it;
    // nothing is hedged. (The contrast needs a subject of its own: "the market may be
    // steadying but still looks weak" stays a hedge.)
    if matches!(w, "may" | "might") {
        let mut j = i + 1;
        while v.in_(j, &["well", "not", "n't", "only", "also", "still"]) {
            j += 1;
        }
        if v.in_(j, &["be", "have"]) {
            let mut k = j + 1;
            while (k as usize) < v.toks.len() && !matches!(v.w(k), "but" | ";" | ":" | ".") {
                k += 1;
            }
            if v.w(k) == "but"
                && (v.in_(k + 1, SUBJECT_PRONOUNS)
                    || v.in_(k + 1, DETERMINERS)
                    || v.capitalized(k + 1)
                    || v.in_(
                        k + 1,
                        &["there", "many", "most", "few", "some", "for", "in"],
                    ))
            {
                return None;
            }
        }
    }
    // A polite suggestion or a wish: "shoppers may want to book early", "you might like
    // to try the ferry".
    if matches!(w, "may" | "might")
        && v.in_(i + 1, &["want", "wish", "like", "prefer", "care"])
        && v.w(i + 2) == "to"
    {
        return None;
    }
    // A comparison of ability: "as fast as she could", "as much music as he could fit in",
    // "not as bad as it might have been".
    if (2..=3).any(|d| v.w(i - d) == "as" && (i - d - 4..i - d).any(|k| v.w(k) == "as")) {
        return None;
    }
    if w == "may" {
        if v.capitalized(i) {
            let first = i == 0 || v.is_boundary(i - 1) && i <= 1;
            let numberish = v
                .toks
                .get((i + 1) as usize)
                .is_some_and(|t| t.kind == TokenKind::Number);
            if numberish || MONTH_CONTEXT.contains(v.w(i - 1)) {
                return None;
            }
            if !first && !title_case {
                // "Theresa May", "in May": the name or the month.
                return None;
            }
            // "May said", "May has": a name at the start of a sentence.
            if v.capitalized(i + 1) && next != "i" && !title_case
                || next.ends_with("ed")
                || next.ends_with('s') && !matches!(next, "is" | "has" | "was")
                || matches!(
                    next,
                    "said" | "told" | "won" | "met" | "has" | "was" | "is" | "had"
                )
                || !v.is_word(i + 1)
            {
                return None;
            }
        }
        // Permission: "you may apply", "visitors may park".
        if v.in_(
            i - 1,
            &[
                "you",
                "anyone",
                "everyone",
                "readers",
                "visitors",
                "applicants",
            ],
        ) || v.in_(i + 1, PERMISSION_VERBS)
            || next == "i"
            // The passive of a transaction: "tickets may be bought online", "the options
            // may be exercised until June".
            || next == "be" && v.in_(i + 2, PERMISSION_PASSIVES)
        {
            return None;
        }
    }
    if w == "must" {
        // Only the epistemic "must have been".
        if next == "have" || next == "'ve" {
            return m(Modal, i, i + 2);
        }
        return None;
    }
    if matches!(next, "signal" | "signals") {
        // "could signal" is conjecture, found at "signal".
        return None;
    }
    if w == "might" && next == "as" && v.w(i + 2) == "well" {
        return None;
    }
    // The noun: "their military might", "with all his might".
    // ("this might be", "some might say": the modal after a pronoun.)
    if w == "might"
        && v.in_(
            i - 1,
            &[
                "the",
                "his",
                "its",
                "their",
                "our",
                "my",
                "your",
                "military",
                "economic",
                "industrial",
                "financial",
                "naval",
            ],
        )
    {
        return None;
    }
    if w == "could" {
        // Past ability and inability: "could not attend", "witnesses could see the smoke".
        // ("The deal could see prices fall": a thing that "could see" an outcome is a
        // forecast.)
        if v.in_(i + 1, ABILITY_VERBS) && (next != "see" || v.in_(i - 1, PERCEIVERS))
            || next == "be"
                && v.in_(
                    i + 2,
                    &["reached", "seen", "heard", "contacted", "found", "traced"],
                )
        {
            return None;
        }
        // An embedded question or a purpose clause: "how it could", "so that it could".
        for j in (i - 4).max(0)..i {
            if v.in_(j, WH)
                || (v.w(j) == "so"
                    && (v.w(j + 1) == "that" || v.in_(j + 1, &["they", "it", "he", "she", "we"])))
            {
                let mut boundary = false;
                for k in j + 1..i {
                    boundary |= v.is_boundary(k);
                }
                if !boundary {
                    return None;
                }
            }
        }
        if !flag_conditionals && cond.has_if {
            return None;
        }
        // Past narrative: after "was", "were", "had" or "did" in the sentence, "could" is
        // past ability or the backshifted "can" ("The plant was old and could not cope").
        if (0..i).any(|k| v.in_(k, &["was", "were", "had", "did"])) {
            return None;
        }
        // The sequence of tenses: in a clause under a past-tense verb of knowing, deciding,
        // meaning or allowing, "could" is the past of "can" ("The pass meant that riders
        // could board at any stop", "the club decided to limit who could enter").
        if (0..i).any(|k| {
            v.in_(k, BACKSHIFT_GOVERNORS)
                && !v.is_be(v.prev_skipping_adverbs(k))
                && !v.in_(
                    v.prev_skipping_adverbs(k),
                    &["has", "have", "having", "the", "a", "an", "its", "their"],
                )
                && (k + 1..i).all(|j| !matches!(v.w(j), ";" | ":"))
        }) || v.w(i - 1) == "they" && v.w(i - 2) == "like" && v.in_(i - 3, &["looked", "seemed"])
        {
            return None;
        }
        // Reported speech: "The firm said it could cut jobs" passes on the speaker's
        // possibility (often the backshifted "can"), not the reporter's guess.
        // (Not a reporting verb of the modal's own phrase: "could be asked to travel".)
        if v.reporting
            .iter()
            .any(|&k| k < i as usize || k > i as usize + 3)
        {
            return None;
        }
    }
    // The legal range of a penalty, not a guess: "firms that break the rule could face a
    // fine", "could be jailed for up to two years".
    {
        let mut j = i + 1;
        while v.in_(j, &["still", "now", "also", "even", "each"]) {
            j += 1;
        }
        if v.in_(j, &["face", "risk", "incur", "receive", "get"])
            || v.w(j) == "be" && v.in_(j + 1, &["handed", "given", "liable"])
        {
            for k in j + 1..j + 6 {
                if v.is_boundary(k) || !v.is_word(k) && v.w(k) != "-" {
                    break;
                }
                if v.in_(k, PENALTIES) {
                    return None;
                }
            }
        }
        if v.w(j) == "be" && v.in_(j + 1, PENALTIES) {
            return None;
        }
    }
    // The counterfactual perfect: "could have won", "a deal that could have forced it to
    // buy" tells what did not happen; it hedges no claim. ("may have", "might have" and
    // "could have" + a noun, "could have two new names", stay.)
    if w == "could" && v.in_(i + 1, &["have", "'ve"]) {
        let pp = v.w(i + 2);
        if PAST_PARTICIPLES.contains(&pp) || pp.len() > 3 && pp.ends_with("ed") && v.is_word(i + 2)
        {
            return None;
        }
    }
    // "may not" / "might not" stay hedges; the doubled hedge "may possibly".
    let mut j = i + 1;
    if v.in_(
        j,
        &[
            "not", "n't", "also", "well", "yet", "still", "even", "never",
        ],
    ) {
        j += 1;
    }
    let adv = v.w(j);
    if EPISTEMIC.contains(adv) || adv == "perhaps" {
        let (a, b) = (j as usize, (j + 1) as usize);
        return Some((DoubledHedge, i as usize, b, "", Some((a, b))));
    }
    if v.in_(i + 1, &["have", "'ve"]) {
        return m(Modal, i, i + 2);
    }
    if !(v.is_word(i + 1) || next == "," && v.is_word(i + 2)) {
        // "as it may." / a dangling modal; "may, in time, save" is still a hedge.
        return None;
    }
    m(Modal, i, i + 1)
}

fn unsourced(v: &View<'_>, i: isize) -> Option<Match> {
    let w = v.w(i);
    let next = v.w(i + 1);
    // "set" the noun: "lost the opening set to her rival", "a set to match".
    if w == "set"
        && v.in_(
            i - 1,
            &[
                "a", "the", "opening", "first", "second", "third", "fourth", "fifth", "final",
                "deciding", "next", "each", "every", "one",
            ],
        )
    {
        return None;
    }
    let follows = EXPECTATION.get_key_value(w);
    let widely = v.in_(i - 1, WIDELY);
    // "it is believed that", "it is understood", "it was feared that".
    let it_be = {
        let p = v.prev_skipping_adverbs(i);
        v.is_be(p) && v.w(p - 1) == "it" || v.w(p).starts_with("it'")
    };
    // (The participle as a static word, for the cue's head.)
    let it_participle = IT_PARTICIPLES.iter().copied().find(|p| *p == w);
    if it_be
        && let Some(head) = it_participle
        && !by_named_agent(v, i + 1)
    {
        // "it is said to be" is the same pattern as "is said to".
        if next == "that" || !v.is_word(i + 1) || next != "to" && next != "by" {
            let p = v.prev_skipping_adverbs(i);
            return Some((
                CueKind::UnsourcedExpectation,
                (p - 1).max(0) as usize,
                (i + 1) as usize,
                head,
                None,
            ));
        }
    }
    if let Some(head) = ["presumed", "feared", "believed", "thought"]
        .into_iter()
        .find(|p| *p == w)
        && v.in_(
            i + 1,
            &["dead", "killed", "drowned", "lost", "missing", "kidnapped"],
        )
    {
        return m(CueKind::UnsourcedExpectation, i, i + 2)
            .map(|(k, a, b, _, r)| (k, a, b, head, r));
    }
    // (The participle as the table's static word, for the cue's head.)
    let (&head, follows) = follows?;
    let p = v.prev_skipping_adverbs(i);
    let passive = v.is_be(p)
        || widely
        // a reduced relative: "a move expected to cut costs"
        || (v.is_word(i - 1)
            && !v.in_(i - 1, SUBJECT_PRONOUNS)
            && !v.in_(i - 1, AUXILIARIES)
            && !v.in_(i - 1, &["and", "or", "but", "than", "as", "what", "had", "who"])
            && !v.capitalized(i - 1)
            && next == "to");
    if !passive {
        return None;
    }
    if v.in_(i - 1, &["than", "as"]) {
        return None;
    }
    let ok = follows.iter().any(|f| match *f {
        "to" => {
            next == "to"
                && v.is_word(i + 2)
                && !v.in_(i + 2, DETERMINERS)
                && !(w == "set" && matches!(v.w(i + 2), "music" | "work" | "zero" | "date"))
                && !(w == "set"
                    // ("set to move closer", "set to cut further" are forecasts of a trend)
                    && !v.in_(
                        i + 3,
                        &["closer", "further", "higher", "lower", "up", "down", "ahead", "back"],
                    )
                    && (SCHEDULE_VERBS.contains(&v.w(i + 2))
                        || v.w(i + 2) == "be" && SCHEDULE_PASSIVES.contains(&v.w(i + 3))))
        }
        "as" => next == "as",
        _ => false,
    }) || (w == "considered"
        && v.is_word(i + 1)
        && !v.in_(
            i + 1,
            &[
                "for",
                "in",
                "at",
                "during",
                "carefully",
                "and",
                "or",
                "but",
                "when",
                "after",
                "before",
                "by",
                "with",
                "on",
                "under",
            ],
        )
        && !v.in_(i - 1, &["be", "being"]))
        || (w == "expected"
            && v.is_be(p)
            && v.in_(
                i + 1,
                &[
                    "in", "on", "later", "soon", "next", "this", "within", "shortly", "early",
                    "around", "at", "tomorrow", "today",
                ],
            ))
        || (widely
            && matches!(
                w,
                "expected"
                    | "believed"
                    | "thought"
                    | "regarded"
                    | "seen"
                    | "held"
                    | "accepted"
                    | "assumed"
                    | "tipped"
            ));
    if !ok {
        return None;
    }
    // A status the rules give, not a belief: "a child born abroad is automatically
    // considered a citizen", "is legally regarded as".
    if (p + 1..i).any(|k| {
        v.in_(
            k,
            &[
                "automatically",
                "legally",
                "officially",
                "formally",
                "technically",
                "statutorily",
                "constitutionally",
            ],
        )
    }) {
        return None;
    }
    if by_named_agent(v, i + 1) {
        return None;
    }
    // An expectation overtaken by events, in the pluperfect: "the club had been expected to
    // win the cup but lost in the first round", "had been seen as favourite". The story
    // tells what was expected before it turned out; it passes on no guess about now.
    if v.w(p) == "been" && v.in_(v.prev_skipping_adverbs(p), &["had", "'d"]) {
        return None;
    }
    // The same in the past tense with what happened instead: "the striker was expected to
    // miss the match, but has recovered".
    if v.in_(p, &["was", "were"])
        && matches!(
            w,
            "expected" | "tipped" | "set" | "poised" | "forecast" | "predicted" | "projected"
        )
        && (i + 2..v.toks.len() as isize)
            .any(|j| v.in_(j, &["but", "instead"]) && v.is_boundary(j - 1))
    {
        return None;
    }
    let start = if v.is_be(p) {
        p
    } else if widely {
        i - 1
    } else {
        i
    };
    let end = if next == "to" || next == "as" {
        i + 2
    } else {
        i + 1
    };
    Some((
        CueKind::UnsourcedExpectation,
        start.max(0) as usize,
        end as usize,
        head,
        None,
    ))
}

/// The participles of "it is believed that", "it was feared": the pattern
/// [`unsourced`] reads as an unsourced expectation after "it" and a form of "be".
const IT_PARTICIPLES: &[&str] = &[
    "believed",
    "thought",
    "understood",
    "expected",
    "feared",
    "hoped",
    "said",
    "rumoured",
    "rumored",
    "reported",
    "assumed",
    "alleged",
    "claimed",
    "suspected",
    "presumed",
    "anticipated",
    "estimated",
    "reckoned",
];

/// Whether the word at `k` can open a content clause after a verb of belief: a subject
/// ("he", "the", "Acme", "prices"), not a preposition, an auxiliary or punctuation.
fn opens_clause(v: &View<'_>, k: isize) -> bool {
    v.is_word(k)
        && !v.in_(k, FINITE)
        && !v.in_(
            k,
            &[
                "of", "in", "on", "at", "for", "from", "under", "with", "without", "by", "to",
                "over", "after", "before", "during", "into", "and", "or", "but", "as", "than",
                "awaiting", "being",
            ],
        )
}

/// Whether the "that" at `k` opens a content clause ("fears that the pier will close"),
/// not a relative clause, which goes straight on to its verb ("signals that can be read",
/// "a belief that is widely held").
fn content_that(v: &View<'_>, k: isize) -> bool {
    v.w(k) == "that" && !v.in_(k + 1, FINITE)
}

/// Whether "by" + a named agent follows (within the clause), sourcing a passive.
fn by_named_agent(v: &View<'_>, from: isize) -> bool {
    for j in from..from + 4 {
        if v.is_boundary(j) {
            return false;
        }
        if v.w(j) == "by" {
            let a = v.w(j + 1);
            let b = v.w(j + 2);
            return !(VAGUE_AGENTS.contains(&a)
                || (matches!(a, "some" | "many" | "most" | "other") && VAGUE_AGENTS.contains(&b)));
        }
    }
    false
}

/// Whether the holder of the verb at `i` is named right before it (not inside a phrase
/// headed by something else) or is *he* or *she*.
fn holder_named(v: &View<'_>, i: isize) -> bool {
    personal_holder(v, i) || named_holder(v, i) && !name_in_phrase(v, i)
}

/// Whether the subject right before the verb at `i` (past adverbs such as "also" or
/// "now") is *he* or *she*: in the reporter's narration a personal pronoun stands for a
/// person already named ("Ana Ruiz runs the harbour. She believes the channel will
/// reopen"). *It* and *they* are left out: they as often stand for a vague group or an
/// unnamed body as for a named one.
fn personal_holder(v: &View<'_>, i: isize) -> bool {
    v.in_(before_adverbs(v, i), &["he", "she"])
}

/// Whether the subject right before the verb at `i` is a named holder: a capitalised word
/// that is not a pronoun, a question word or a vague group ("Mr Lee", "the Commission",
/// "Labour"). A plural ("Turks", "Analysts" at the start) counts only inside a longer name
/// that does not start the sentence ("the Lib Dems", "coach Serena Williams").
fn named_holder(v: &View<'_>, i: isize) -> bool {
    let k = before_adverbs(v, i);
    if !v.is_word(k) || !v.capitalized(k) {
        return false;
    }
    let w = v.w(k);
    let vague = |j: isize| {
        v.in_(j, VAGUE_AGENTS)
            || v.in_(j, SUBJECT_PRONOUNS)
            || v.in_(j, DETERMINERS)
            || v.in_(j, AUXILIARIES)
            || v.in_(j, WH)
            || v.in_(
                j,
                &[
                    "officials",
                    "sources",
                    "insiders",
                    "economists",
                    "investors",
                    "ministers",
                    "police",
                    "researchers",
                    "scientists",
                    "campaigners",
                    "pundits",
                    "traders",
                    "politicians",
                    "voters",
                    "and",
                    "but",
                    "all",
                    "other",
                    "both",
                ],
            )
    };
    if vague(k) {
        return false;
    }
    if w.ends_with('s')
        && !w.ends_with("'s")
        // (a first word is capitalised anyway: "Senior Tories believe" is a vague group)
        && (k <= 1 || !v.is_word(k - 1) || !v.capitalized(k - 1) || vague(k - 1))
    {
        return false;
    }
    !v.in_(
        k - 1,
        &["most", "many", "some", "few", "all", "other", "several"],
    )
}

/// Whether a name follows the verb at `i` and ends the clause, the holder put after the
/// view as a speaker is after "says": "Prices will fall, thinks Ana Ruiz." or "…, believes
/// Mr Lee, a fund manager." (Not "he thinks Acme will win": there the name starts the
/// content.)
fn named_after(v: &View<'_>, i: isize) -> bool {
    if i == 0 || !v.w(i).ends_with('s') {
        return false;
    }
    let mut j = i + 1;
    while j <= i + 3 && v.is_word(j) && v.capitalized(j) && !v.in_(j, SUBJECT_PRONOUNS) {
        j += 1;
    }
    j > i + 1 && !v.is_word(j)
}

fn belief(v: &View<'_>, i: isize) -> Option<Match> {
    let w = v.w(i);
    // "The club hopes that he stays": a named holder's wish, not a belief or a forecast.
    // The noun stays a cue ("boosting hopes that", "amid hopes that", "investors' hopes").
    if w == "hopes" {
        let p = v.w(i - 1);
        let noun = v.in_(i - 1, NOUN_DETERMINERS)
            || p.ends_with("'s")
            || p.ends_with("s'")
            || !v.is_word(i - 1)
            || v.in_(
                i - 1,
                &[
                    "amid", "on", "with", "of", "and", "boosting", "boosted", "boost", "boosts",
                    "raising", "raised", "raise", "raises", "dashing", "dashed", "dash",
                    "fuelling", "fuelled", "fueling", "fueled", "fuel", "lifting", "lifted",
                    "reviving", "revived", "sparking", "sparked", "high", "growing", "rising",
                    "renewed", "faint", "slim", "new", "early", "false", "initial", "no",
                ],
            );
        if !noun {
            return None;
        }
    }
    // A market consensus used as a benchmark, not a forecast passed on: "below analyst
    // expectations", "beat expectations", "expectations of 2.1% growth".
    if w == "expectations"
        && (v.in_(
            i - 1,
            &[
                "below",
                "above",
                "beat",
                "beats",
                "beating",
                "exceed",
                "exceeded",
                "exceeds",
                "exceeding",
                "missed",
                "miss",
                "met",
                "meet",
                "than",
                "outstripped",
            ],
        ) || v.in_(
            i - 2,
            &[
                "below", "above", "beat", "exceeded", "missed", "than", "met",
            ],
        ) || v.in_(
            i - 3,
            &[
                "below", "above", "beat", "exceeded", "missed", "than", "met",
            ],
        ) && !v.is_boundary(i - 1)
            && !v.is_boundary(i - 2)
            || v.w(i + 1) == "of"
                && v.toks
                    .get(
                        (if v.in_(i + 2, &["a", "an"]) {
                            i + 3
                        } else {
                            i + 2
                        }) as usize,
                    )
                    .is_some_and(|t| {
                        t.kind == TokenKind::Number || t.text.starts_with(['$', '£', '€'])
                    }))
    {
        return None;
    }
    // "in anticipation of a deal": acting on a forecast of it.
    if w == "anticipation" {
        return (v.w(i - 1) == "in" && v.in_(i + 1, &["of", "that"]))
            .then(|| m(CueKind::Belief, i, i + 1))
            .flatten();
    }
    // A holder named right before: "Ana Ruiz is confident that the pier will open", "Mr Lee
    // has questioned whether the fare is fair" (as with "Ana Ruiz believes").
    // The verb whose subject holds the view: the "is" of "is confident", the "has" of
    // "has questioned", or "questioned" itself.
    let holder_verb = match w {
        "confident" => Some(v.prev_skipping_adverbs(i)).filter(|&k| {
            v.in_(
                k,
                &[
                    "is", "was", "are", "were", "remains", "remained", "feels", "felt", "'s",
                ],
            )
        }),
        "questioned" => {
            let k = v.prev_skipping_adverbs(i);
            Some(if v.in_(k, &["has", "have", "had"]) {
                k
            } else {
                i
            })
        }
        _ => None,
    };
    if holder_verb.is_some_and(|k| k > 0 && (named_holder(v, k) || personal_holder(v, k))) {
        return None;
    }
    // "confident that", "the expectation that", "concerns that", "the belief that".
    if (w == "confident" && v.in_(i + 1, &["that", "about", "of"]))
        || (w == "expectations" && v.in_(i + 1, &["about", "of"]))
        || (matches!(
            w,
            "expectation"
                | "expectations"
                | "belief"
                | "beliefs"
                | "concerns"
                | "fears"
                | "presumption"
                | "assumption"
                | "doubts"
                | "hopes"
        ) && content_that(v, i + 1))
        // ("questioned why the plan was dropped" takes the fact as given and asks for the
        // reason: it doubts nothing.)
        || (w == "questioned" && v.in_(i + 1, &["whether", "how", "if"]))
    {
        return m(CueKind::Belief, i, i + 1);
    }
    let lemma = *BELIEF.get(w)?;
    // Part of a name or a title, capitalised inside running text: "the quiz show They Think
    // It's All Over", "the Think Secret website". (A title-case heading, where every word
    // is capitalised, is read as prose.)
    if i > 0
        && v.capitalized(i)
        && v.capitalized(i + 1)
        && v.is_word(i + 1)
        && v.toks
            .iter()
            .filter(|t| {
                t.kind == TokenKind::Word
                    && t.text.len() > 3
                    && t.text.chars().next().is_some_and(char::is_lowercase)
            })
            .count()
            >= 3
    {
        return None;
    }
    // An opinion of a holder named right before the verb, in the reporter's narration:
    // "Lord Smith believes prices will fall", "The Commission thinks the fee is too high".
    // The belief is already attributed to someone the reader can weigh; "analysts believe",
    // "most Britons think" and "I think" stay flagged, as do forecasts ("Acme expects").
    if matches!(
        lemma,
        "believe"
            | "think"
            | "feel"
            | "fear"
            | "reckon"
            | "suspect"
            | "doubt"
            | "worry"
            | "consider"
            | "regard"
            | "see"
            | "view"
    ) && (holder_named(v, i) || named_after(v, i))
    {
        return None;
    }
    // A named body's estimate of a figure that is, or was: "the Labour Office estimated
    // that 4,000 jobs were lost", "Acme estimates the market is worth $2bn". The figure is
    // sourced. (A forecast stays: "Acme estimates sales will double".)
    if lemma == "estimate"
        && named_holder(v, i)
        && !(i + 1..i + 14)
            .take_while(|&j| !v.is_boundary(j) || v.w(j) == ",")
            .any(|j| {
                v.in_(
                    j,
                    &["will", "would", "could", "may", "might", "should", "'ll"],
                )
            })
    {
        return None;
    }
    let next = v.w(i + 1);
    // Not passive ("is believed" is unsourced expectation, found before), not a noun
    // ("the fear", "a thought", "the suspect").
    let p = v.prev_skipping_adverbs(i);
    if v.is_be(p) && !w.ends_with("ing") {
        return None;
    }
    // A noun, not the verb: after a determiner or a preposition ("the fear", "a thought",
    // "through fear", "with fears of"), or as the subject of a verb that follows it at the
    // start of a clause or after a quantifier ("Fears had grown", "several suspects were
    // held"). A verb needs a subject before it; "the risk they fear will come" has one.
    let noun_subject = v.in_(i + 1, FINITE)
        && !matches!(next, "'s" | "'d")
        && (v.is_boundary(i - 1)
            || v.in_(
                i - 1,
                &[
                    "several", "many", "few", "two", "three", "four", "five", "both", "all",
                    "other", "more", "most",
                ],
            ));
    if noun_subject
        || v.in_(i - 1, NOUN_DETERMINERS)
        || v.in_(
            i - 1,
            &[
                "no", "without", "little", "second", "new", "terror", "murder", "with", "through",
                "of", "for", "from", "amid", "over", "despite", "against", "by", "under", "on",
                "in",
            ],
        )
    {
        // Nouns: "the fear that" is still a belief; "a thought", "the forecast" are not.
        if matches!(w, "fear" | "fears" | "doubt" | "doubts" | "worries") && content_that(v, i + 1)
        {
            return m(CueKind::Belief, i, i + 1);
        }
        return None;
    }
    // "than expected", "as many feared", "than some analysts had expected".
    if (1..4).any(|k| v.in_(i - k, &["than", "as"]))
        || (4..8).any(|k| {
            v.w(i - k) == "than"
                && (1..k).all(|q| {
                    !v.is_boundary(i - q) && !v.in_(i - q, &["and", "but", "or", "said", "says"])
                })
        })
    {
        return None;
    }
    // A past forecast used as a benchmark for the figure that came out: "analysts had
    // expected 34 cents", "the market had expected more", "analysts expected a figure
    // closer to 5%". (A forecast of an event stays: "analysts had expected the firm to
    // post a profit".)
    if w == "expected" && (v.in_(i - 1, &["had", "'d"]) || v.in_(i + 1, &["a", "an"])) {
        let figure = |j: isize| {
            v.toks.get(j as usize).is_some_and(|t| {
                t.kind == TokenKind::Number || t.text.bytes().any(|b| b.is_ascii_digit())
            })
        };
        let mut j = i + 1;
        let mut benchmark = v.in_(i + 1, &["more", "less", "better", "worse"]) && !v.is_word(i + 2);
        while !benchmark && j <= i + 7 && !v.is_boundary(j) && !v.in_(j, FINITE) {
            if v.w(j) == "to" && !v.in_(j - 1, &["closer", "close", "nearer"]) {
                break;
            }
            benchmark = figure(j);
            j += 1;
        }
        if benchmark {
            return None;
        }
    }
    // Deliberation, not belief: "should think carefully", "think how it sounds",
    // "consider what the voters want".
    // ("Traders think what matters is …" is a belief: "what" marks deliberation only after
    // "consider".)
    if matches!(lemma, "think" | "consider")
        && v.in_(
            i + 1,
            &[
                "carefully",
                "hard",
                "long",
                "how",
                "why",
                "whether",
                "through",
                "differently",
                "creatively",
            ],
        )
        || lemma == "consider" && v.in_(i + 1, &["what", "which", "who"])
    {
        return None;
    }
    // Idioms that hold no belief: an emotion about a thought ("I'd hate to think", "likes
    // to think"), disbelief ("can't believe", "hard to believe"), a choice of whom to trust
    // ("did not know who to believe"), and the concessive "when you consider that". ("Hard
    // to believe that" doubts the claim, and stays.)
    if matches!(lemma, "think" | "believe")
        && v.w(i - 1) == "to"
        && v.in_(
            i - 2,
            &[
                "hate", "hates", "hated", "like", "likes", "love", "loves", "dread", "dreads",
                "shudder", "who", "whom",
            ],
        )
        || lemma == "believe"
            && (v.in_(i - 1, &["cannot", "can't", "couldn't"])
                || v.in_(i - 1, &["n't", "not"]) && v.in_(i - 2, &["ca", "can", "could"]))
        || lemma == "consider"
            && v.w(i - 1) == "you"
            && v.in_(i - 2, &["when", "if", "once", "until"])
    {
        return None;
    }
    // A poll's finding: "47% believe", "a majority of voters think" — the holders are
    // counted and named by the survey.
    {
        let mut k = i - 1;
        while v.in_(k, &["also", "still", "now", "only", "just"]) {
            k -= 1;
        }
        let mut j = k;
        while j >= 0 && j > k - 8 && !v.is_boundary(j) {
            if v.in_(j, &["%", "percent", "majority", "minority"])
                || v.w(j) == "cent" && v.w(j - 1) == "per"
            {
                return None;
            }
            if v.in_(j, FINITE) {
                break;
            }
            j -= 1;
        }
    }
    let that = next == "that";
    let clause = that || v.clause_follows(i, 6);
    let hit = match lemma {
        "believe" | "think" => {
            !matches!(
                next,
                "about"
                    | "of"
                    | "in"
                    | "so"
                    | "twice"
                    | "tank"
                    | "tanks"
                    | "again"
                    | "back"
                    | "up"
                    | "more"
                    | "ahead"
            ) && (clause
                || v.in_(i + 1, &["it", "he", "she", "they", "we", "there", "this"])
                    && v.is_word(i + 2)
                || v.is_word(i + 1)
                    && !v.in_(i + 1, &["it", "me", "you", "him", "her", "them", "this"]))
        }
        // What is in store or what is due, not a belief: "buyers can expect to pay more",
        // "women can expect to live to 85", "staff should expect delays", "you could not
        // expect them to wait".
        "expect"
            if {
                let mut k = i - 1;
                if v.in_(k, &["not", "n't", "also", "now", "still", "only"]) {
                    k -= 1;
                }
                v.in_(k, &["can", "could", "should", "must", "ca", "cannot"])
            } =>
        {
            false
        }
        "expect" => {
            if w == "expected" {
                // Active only after "had/has/have", a pronoun or a capitalised name.
                v.in_(i - 1, &["had", "have", "has", "'d", "'ve", "widely"])
                    || v.in_(i - 1, SUBJECT_PRONOUNS)
                    || v.capitalized(i - 1) && !v.in_(i - 1, &["as", "than"])
            } else {
                v.is_word(i + 1) || v.w(i + 1) == "\""
            }
        }
        // "estimate" the noun is a figure: "the growth estimate is 2%", "estimates of the
        // cost vary", "early estimates have put the damage at …".
        "estimate" => that || clause && opens_clause(v, i + 1),
        "presume" | "assume" => that || clause,
        "anticipate" | "predict" | "foresee" | "forecast" | "reckon" => {
            that || clause || v.is_word(i + 1) && lemma != "forecast"
        }
        "see" | "view" => {
            // "sees the deal as a lifeline"; not sight ("to see the site as they walk by",
            // "failed to see themselves as others did") or an example ("to see cartoons
            // such as these").
            (2..7).any(|k| {
                v.w(i + k) == "as"
                    && v.w(i + k - 1) != "such"
                    && !v.in_(
                        i + k + 1,
                        &[
                            "they", "he", "she", "we", "i", "you", "others", "many", "well",
                        ],
                    )
                    && !(1..k).any(|q| v.is_boundary(i + q))
            }) && !v.in_(i + 1, &["as", "it"])
        }
        // "fears about security", "fear for his safety": an emotion about a topic, not a
        // proposition held true.
        "fear" if matches!(next, "about" | "over" | "for") => false,
        // Likewise "nothing to worry about", "councils worry about the cost" (the verb; the
        // adjective "worried about prices rising" stays).
        "worry" if w != "worried" && matches!(next, "about" | "over") => false,
        // The clause must start right after the verb: "suspects under arrest", "suspects
        // (two of them) were", "fear of flying" are nouns.
        "fear" | "worry" | "doubt" | "suspect" => {
            that || matches!(next, "about" | "whether") && lemma != "suspect"
                || lemma != "worry"
                    && clause
                    // or a parenthetical: "This, they fear, could hurt sales."
                    && (opens_clause(v, i + 1) || v.is_boundary(i + 1) && v.is_boundary(i - 2))
        }
        "feel" => {
            that || (v.in_(
                i + 1,
                &["they", "he", "she", "we", "there", "it", "the", "their"],
            ) && v.clause_follows(i, 6))
        }
        "consider" | "regard" => {
            if w == "considering" {
                false
            } else {
                that || (1..7).any(|k| {
                    (v.w(i + k) == "as" || v.w(i + k) == "to" && v.w(i + k + 1) == "be")
                        && !(1..k).any(|q| v.is_boundary(i + q))
                }) || lemma == "consider"
                    && v.in_(
                        i + 1,
                        &["it", "him", "her", "them", "this", "himself", "herself"],
                    )
                    // with what it is taken to be after the object ("consider it a
                    // mistake"), not weighing a thing ("did not consider it when …",
                    // "must consider this deal")
                    && v.is_word(i + 2)
                    && !v.in_(
                        i + 2,
                        &[
                            "when", "if", "because", "before", "after", "while", "and", "or",
                            "but", "for", "in", "on", "at", "with", "by", "now", "further",
                            "again", "carefully", "seriously", "first", "until",
                        ],
                    )
                    && (v.w(i + 1) != "this"
                        || v.in_(i + 2, &["a", "an", "the", "one", "to"]))
            }
        }
        _ => false,
    };
    if hit {
        m(CueKind::Belief, i, i + 1)
    } else {
        None
    }
}

fn conjecture(v: &View<'_>, i: isize) -> Option<Match> {
    let w = v.w(i);
    let next = v.w(i + 1);
    use CueKind::Conjecture;
    match w {
        // The nouns carry a speculation only with its content ("speculation that he will
        // quit", "rumours of a sale", "speculation the bank may cut rates"); "speculation
        // about his future" or "the subject of speculation" names a topic and claims
        // nothing, and speculation someone denies or ends is not passed on.
        "speculation" | "conjecture" | "rumour" | "rumours" | "rumor" | "rumors" => {
            if denied(v, i) || !carries_content(v, i) {
                return None;
            }
            m(Conjecture, i, i + 1)
        }
        // Declining to speculate passes nothing on: "it would be unwise to speculate",
        // "refused to speculate on his future", "too early to speculate".
        "speculate"
            if v.w(i - 1) == "to"
                && (2..5).any(|k| {
                    v.in_(
                        i - k,
                        &[
                            "unwise",
                            "early",
                            "premature",
                            "wrong",
                            "refused",
                            "refuses",
                            "refusing",
                            "declined",
                            "declines",
                            "declining",
                            "not",
                            "n't",
                            "pointless",
                            "inappropriate",
                            "irresponsible",
                        ],
                    )
                }) =>
        {
            None
        }
        // A named holder's (or his or her) guess is theirs, as "Ana Ruiz believes" is: "Ana
        // Ruiz speculated that the pier would close"; and "speculated about the cost" names
        // a topic, as the noun does ("speculation about his future").
        "speculate" | "speculates" | "speculated" | "speculating"
            if named_holder(v, i) || personal_holder(v, i) || v.w(i + 1) == "about" =>
        {
            None
        }
        "speculative" | "speculate" | "speculates" | "speculated" | "speculating" | "rumoured"
        | "rumored" => m(Conjecture, i, i + 1),
        "unconfirmed" if matches!(next, "reports" | "report") => m(Conjecture, i, i + 2),
        "suggest" | "suggests" | "suggested" | "suggesting" | "indicate" | "indicates"
        | "indicated" | "indicating" | "imply" | "implies" | "implied" | "implying" => {
            if next == "to" || v.in_(i - 1, DETERMINERS) {
                return None;
            }
            // A person who suggests proposes or claims: "Mr Lee suggested a delay",
            // "she suggested the vote was rigged" is reported speech, not the writer's
            // inference from evidence ("the figures suggest").
            if matches!(w, "suggest" | "suggests" | "suggested" | "suggesting")
                && said_by_person(v, i)
            {
                return None;
            }
            let suggests = matches!(w, "suggests" | "implies") && v.is_word(i + 1);
            if next == "that" || v.clause_follows(i, 6) || suggests {
                m(Conjecture, i, i + 1)
            } else {
                None
            }
        }
        "signal" | "signals" | "signalled" | "signaled" | "signs" | "indications" | "hints"
        | "hinted" | "hint" | "indication" | "suggestion" | "suggestions" => {
            if matches!(w, "suggestion" | "suggestions") && denied(v, i) {
                return None;
            }
            // A person who hints says something indirectly, as one who suggests: "the coach
            // hinted at a recall" is reported speech ("the data hint at a slowdown" stays).
            if matches!(w, "hinted" | "hint" | "hints") && said_by_person(v, i) {
                return None;
            }
            // (After a noun, "that" straight before a verb is a relative pronoun: "signals
            // that can be read"; after the verb it is a subject: "hinted that would fail".)
            let verb = matches!(w, "hinted" | "signalled" | "signaled");
            let that = |k: isize| v.w(k) == "that" && (verb || content_that(v, k));
            if that(i + 1)
                || (2..4).any(|k| {
                    that(i + k) && !(1..k).any(|q| v.is_boundary(i + q) || v.in_(i + q, FINITE))
                })
            {
                m(Conjecture, i, i + 1)
            } else if matches!(v.w(i - 1), "could" | "may" | "might") {
                m(Conjecture, i - 1, i + 1)
            } else if matches!(w, "hinted" | "hints") && next == "at" {
                m(Conjecture, i, i + 2)
            } else {
                None
            }
        }
        "raises" | "raise" | "raised" | "raising" => {
            let a = v.w(i + 1);
            let b = v.w(i + 2);
            if (matches!(a, "the" | "new" | "fresh" | "serious") || a.is_empty())
                && matches!(
                    b,
                    "prospect"
                        | "possibility"
                        | "spectre"
                        | "specter"
                        | "questions"
                        | "doubts"
                        | "fears"
                )
            {
                return m(Conjecture, i, i + 3);
            }
            if matches!(a, "questions" | "doubts" | "fears" | "concerns") {
                // Named people voicing worries: "parents raised concerns about class
                // sizes" is what they did, not an insinuation.
                if a == "concerns"
                    && (v.in_(
                        i + 2,
                        &[
                            "about",
                            "over",
                            "with",
                            "regarding",
                            "at",
                            "among",
                            "for",
                            "from",
                        ],
                    ) || !v.is_word(i + 2))
                {
                    return None;
                }
                return m(Conjecture, i, i + 2);
            }
            None
        }
        "cast" | "casts" | "casting" if next == "doubt" => m(Conjecture, i, i + 2),
        _ => None,
    }
}

/// Whether the verb at `i` has a person for its subject: a name or a personal pronoun right
/// before it (adverbs and auxiliaries between: "Ms Kaur bluntly suggested", "he has
/// hinted"), or a named or pronoun speaker whose reported speech it continues ("Ana Ruiz
/// said … and suggested …").
fn said_by_person(v: &View<'_>, i: isize) -> bool {
    let mut p = i - 1;
    while p >= 0
        && v.in_(
            p,
            &[
                "also",
                "even",
                "later",
                "has",
                "had",
                "have",
                "earlier",
                "recently",
                "previously",
                "again",
                "once",
            ],
        )
        || v.w(p).ends_with("ly") && v.w(p) != "likely"
    {
        p -= 1;
    }
    if v.in_(p, &["he", "she", "they", "we", "i", "who"])
        || (p > 0 && v.capitalized(p) && v.is_word(p))
    {
        return true;
    }
    // The second verb of a person's reported speech: "He said the bill was a
    // nudge and suggested it would work."
    if v.in_(p, &["and", "but"])
        && v.reporting.iter().any(|&k| {
            let k = k as isize;
            k < p
                && (v.in_(k - 1, &["he", "she", "they", "we", "i"])
                    || k >= 2 && v.capitalized(k - 1) && v.is_word(k - 1))
        })
    {
        return true;
    }
    false
}

/// Verbs that deny, dismiss or settle a speculation: after them the speculation's content is
/// rejected, not passed on ("denied rumours that", "played down suggestions that",
/// "ended speculation about").
const DENIALS: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "dismiss",
    "dismisses",
    "dismissed",
    "dismissing",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "refute",
    "refutes",
    "refuted",
    "refuting",
    "rubbish",
    "rubbished",
    "rubbishes",
    "rubbishing",
    "quash",
    "quashed",
    "quashes",
    "quashing",
    "scotch",
    "scotched",
    "scotches",
    "scotching",
    "dispel",
    "dispelled",
    "dispels",
    "dispelling",
    "quell",
    "quelled",
    "quells",
    "quelling",
    "end",
    "ended",
    "ends",
    "ending",
    "discounted",
    "dampened",
    "dampen",
    "dampens",
];

/// Whether the noun at `i` is the object of a denial ([`DENIALS`], "played down", "laughed
/// off", "brushed aside", "an end to"), with at most three words between.
fn denied(v: &View<'_>, i: isize) -> bool {
    let mut j = i - 1;
    while j >= 0 && j >= i - 4 && v.is_word(j) && !v.in_(j, FINITE) {
        let w = v.w(j);
        if DENIALS.contains(&w)
            || matches!(w, "down" | "off" | "aside")
                && v.in_(
                    j - 1,
                    &[
                        "play",
                        "plays",
                        "played",
                        "playing",
                        "laugh",
                        "laughs",
                        "laughed",
                        "laughing",
                        "brush",
                        "brushes",
                        "brushed",
                        "brushing",
                        "shrug",
                        "shrugs",
                        "shrugged",
                        "shrugging",
                    ],
                )
            || w == "to" && v.w(j - 1) == "end"
        {
            return true;
        }
        j -= 1;
    }
    false
}

/// Whether a speculation noun at `i` comes with its content: "that …", "of a sale",
/// "linking him with", a clause ("speculation the bank may cut rates"), or an open question
/// ("speculation over whether", "about who will").
fn carries_content(v: &View<'_>, i: isize) -> bool {
    let next = v.w(i + 1);
    if content_that(v, i + 1) || matches!(next, "of" | "linking" | "whether") {
        return true;
    }
    if v.in_(
        i + 1,
        &["about", "over", "on", "as", "concerning", "surrounding"],
    ) && (v.in_(i + 2, WH) || v.in_(i + 2, &["whether", "who", "which", "to"]))
    {
        return true;
    }
    // "rumours persist that", "speculation in the press that", "speculation is growing that".
    for j in i + 2..=i + 5 {
        if v.is_boundary(j) {
            break;
        }
        if content_that(v, j) {
            return true;
        }
    }
    // A clause: "speculation he will quit", "rumours the band is splitting".
    let subject = v.in_(i + 1, &["he", "she", "they", "it", "we", "i", "there"])
        || v.in_(i + 1, NOUN_DETERMINERS)
        || v.capitalized(i + 1);
    subject
        && (i + 2..=i + 5)
            .take_while(|&j| !v.is_boundary(j))
            .any(|j| v.in_(j, FINITE))
}

/// Whether the word at `k` reads as an adjective that "potentially" grades ("toxic",
/// "damaging chemicals", "wide"), not a verb ("reducing the demand", "lets").
fn is_gradable_adjective(v: &View<'_>, k: isize) -> bool {
    let w = v.w(k);
    const WORDS: &[&str] = &[
        "wide",
        "big",
        "huge",
        "large",
        "serious",
        "fatal",
        "lethal",
        "deadly",
        "toxic",
        "risky",
        "unsafe",
        "vast",
        "great",
        "worse",
        "better",
        "valuable",
        "costly",
        "profitable",
        "lucrative",
        "dangerous",
        "explosive",
        "difficult",
        "hazardous",
        "crucial",
        "key",
        "vital",
        "major",
        "severe",
        "massive",
        "contentious",
        "controversial",
        "embarrassing",
        "awkward",
        "useful",
        "important",
        "harmful",
        "damaging",
    ];
    if WORDS.contains(&w) {
        return true;
    }
    if w.ends_with("ing") {
        // An -ing form before a determiner or a pronoun is a verb with its object.
        return !(v.in_(k + 1, DETERMINERS) || v.in_(k + 1, SUBJECT_PRONOUNS));
    }
    [
        "ous", "ful", "ive", "al", "ic", "ble", "ent", "ant", "ary", "ory", "less",
    ]
    .iter()
    .any(|x| w.len() > 4 && w.ends_with(x))
}

/// Whether `w` reads as an adjective after a copular "appear" ("appears contradictory",
/// "appeared reluctant"), as opposed to a place, time or manner ("appeared in court",
/// "appeared briefly", "appeared alongside").
fn is_predicate_adjective(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "clear",
        "keen",
        "ready",
        "willing",
        "reluctant",
        "determined",
        "confident",
        "close",
        "unaware",
        "aware",
        "calm",
        "happy",
        "sure",
        "unable",
        "able",
        "poised",
        "destined",
        "increasingly",
        "less",
        "more",
        "far",
        "highly",
        "genuine",
        "real",
        "true",
        "false",
        "ill",
        "weak",
        "strong",
        "frail",
        "tired",
        "shaken",
        "upset",
        "relaxed",
    ];
    const SUFFIXES: &[&str] = &[
        "ory", "ous", "ive", "ful", "less", "able", "ible", "ent", "ant", "ical", "ic", "ary",
    ];
    if WORDS.contains(&w) {
        return true;
    }
    !w.ends_with("ly") && w.len() > 4 && SUFFIXES.iter().any(|x| w.ends_with(x))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    /// Checks the cues found in `input` (kind and words, in order), with default settings.
    #[track_caller]
    fn check(input: &str, expected: &[(CueKind, &str)]) {
        check_with(&Settings::default(), input, expected);
    }

    /// Settings with `attribution/vague-source` off: the hearsay passives are this family's.
    fn vague_source_off() -> Settings {
        let mut settings = Settings::default();
        settings.levels.insert(
            "attribution/vague-source".to_string(),
            crate::settings::Level::Off,
        );
        settings
    }

    /// [`check`] with `settings`.
    #[track_caller]
    fn check_with(settings: &Settings, input: &str, expected: &[(CueKind, &str)]) {
        let a = crate::Analyzed::new(input);
        let ctx = a.context(settings);
        let got: Vec<(CueKind, String)> =
            find(&ctx).into_iter().map(|c| (c.kind, c.words)).collect();
        let want: Vec<(CueKind, String)> =
            expected.iter().map(|(k, w)| (*k, w.to_string())).collect();
        assert_eq!(got, want, "input: {input}");
    }

    /// Triggers are found four tokens at a time: a cue is found wherever its trigger
    /// falls in the sentence (any place modulo four, in the last short group or not), and
    /// with words in capitals and curly apostrophes read in their lower-case forms.
    #[test]
    fn triggers_found_at_every_place_in_a_group_of_four() {
        use CueKind::*;
        for n in 0..9 {
            let pad = "Yesterday ".repeat(n);
            check(
                &format!("{pad}ships are REPORTEDLY waiting."),
                &[(Hearsay, "reportedly")],
            );
            check(&format!("{pad}the vote may slip"), &[(Modal, "may")]);
            check(
                &format!("Ships {pad}It\u{2019}s Reportedly late"),
                &[(Hearsay, "reportedly")],
            );
        }
    }

    #[test]
    fn kinds() {
        use CueKind::*;
        check("Ships are reportedly waiting.", &[(Hearsay, "reportedly")]);
        check(
            "The vote may possibly slip.",
            &[(DoubledHedge, "may possibly")],
        );
        check("It seems the vote will slip.", &[(Appearance, "seems")]);
        check(
            "The plan appears contradictory.",
            &[(Appearance, "appears contradictory")],
        );
        check(
            "The minister appeared reluctant.",
            &[(Appearance, "appeared reluctant")],
        );
        check("The mayor appeared in court on Monday.", &[]);
        check("The singer appeared briefly on stage.", &[]);
        check(
            "It remains to be seen who wins.",
            &[(OpenQuestion, "remains to be seen")],
        );
        check(
            "The mayor is poised to resign.",
            &[(UnsourcedExpectation, "is poised to")],
        );
        check("Analysts expect a loss.", &[(Belief, "expect")]);
        check(
            "Rumours of a sale lifted the shares.",
            &[(Conjecture, "rumours")],
        );
        // Several cues in one sentence are all found; the rules pick one to report.
        check(
            "The fund reportedly may close.",
            &[(Hearsay, "reportedly"), (Modal, "may")],
        );
    }

    #[test]
    fn context_turns_cues_off() {
        check("“It may rain,” she said.", &[]);
        check("The trial of the alleged smuggler opened in court.", &[]);
        check("Sales fell in May.", &[]);
        check("If it rains, the match could be off.", &[]);
        check(
            "Staff will strike whether or not the board might object.",
            &[],
        );
        check("Applicants may apply online.", &[]);
        check("She could not attend.", &[]);
    }

    #[test]
    fn reported_speech_owns_its_could() {
        use CueKind::*;
        // The speaker's possibility, often the backshifted "can".
        check("The mayor said the bridge could close in May.", &[]);
        check("According to the agency, prices could rise.", &[]);
        check("The winger could be asked to travel.", &[(Modal, "could")]);
        // The writer's own guess is still a hedge.
        check("The bridge could close in May.", &[(Modal, "could")]);
        // "might" stays a marked hedge even in reported speech.
        check(
            "The mayor said the bridge might close.",
            &[(Modal, "might")],
        );
        // A sentence continuing the reported speech of the one before it.
        check(
            "The mayor said the repairs were urgent. The bridge could close for a month.",
            &[],
        );
        check(
            "The repairs are urgent. The bridge could close for a month.",
            &[(Modal, "could")],
        );
        check(
            "The mayor said the repairs were urgent. The bridge would likely close.",
            &[],
        );
    }

    #[test]
    fn a_role_named_in_apposition_is_a_named_speaker() {
        use CueKind::*;
        check(
            "The club's lawyer, Dana Mack, said the stand may reopen in June.",
            &[],
        );
        check(
            "The club's lawyer said the stand may reopen in June.",
            &[(Modal, "may")],
        );
    }

    #[test]
    fn a_passive_belief_in_a_named_speakers_words_is_theirs() {
        use CueKind::*;
        check(
            "Lena Ortiz said the pier is thought to be the oldest in Wales.",
            &[],
        );
        check(
            "The pier is thought to be the oldest in Wales.",
            &[(UnsourcedExpectation, "is thought to")],
        );
    }

    #[test]
    fn a_closing_forecast_sources_the_expectation() {
        use CueKind::*;
        check(
            "Growth is set to pick up next year, the bank forecast.",
            &[],
        );
        check(
            "Exports are expected to slow, Acme predicted on Monday.",
            &[],
        );
        check(
            "Growth is set to pick up next year.",
            &[(UnsourcedExpectation, "is set to")],
        );
    }

    #[test]
    fn a_possible_penalty_is_the_laws_range() {
        use CueKind::*;
        check("The winger faces a possible six-match ban.", &[]);
        check("The firm faces lawsuits and possible prosecution.", &[]);
        check("He now faces the possibility of a prison sentence.", &[]);
        check(
            "The board discussed a possible merger.",
            &[(Epistemic, "possible")],
        );
    }

    #[test]
    fn a_named_holders_confidence_or_question_is_theirs() {
        use CueKind::*;
        check("Ana Ruiz is confident that the pier will open in May.", &[]);
        check("She was confident of winning a medal.", &[]);
        check(
            "Councillor Tom Hale has questioned whether the fare is fair.",
            &[],
        );
        check(
            "Investors are confident that the pier will open in May.",
            &[(Belief, "confident")],
        );
        check(
            "Analysts have questioned whether the fare is fair.",
            &[(Belief, "questioned")],
        );
    }

    #[test]
    fn an_epistemic_word_inside_a_title() {
        use CueKind::*;
        check("The band played Definitely Maybe in full.", &[]);
        check(
            "The band will maybe play the album in full.",
            &[(Epistemic, "maybe")],
        );
    }

    #[test]
    fn a_hedge_under_a_named_holders_opinion_is_theirs() {
        use CueKind::*;
        check("Ana Ruiz fears the pier may close.", &[]);
        check("She believes it will probably rain on the day.", &[]);
        check(
            "Analysts believe the pier may close.",
            &[(Belief, "believe"), (Modal, "may")],
        );
        check(
            "Few in Westhaven believe the pier may close.",
            &[(Belief, "believe"), (Modal, "may")],
        );
        // A clause of the reporter's own after "but" is not the holder's.
        check(
            "Ana Ruiz fears a strike, but the pier may stay open.",
            &[(Modal, "may")],
        );
    }

    #[test]
    fn a_named_holders_speculation_and_speculation_about_a_topic() {
        use CueKind::*;
        check("Ana Ruiz speculated that the pier would close.", &[]);
        check("Fans speculated about the new model for weeks.", &[]);
        check(
            "Some fans speculated that the pier would close.",
            &[(Conjecture, "speculated")],
        );
    }

    #[test]
    fn ranking_and_surprise_are_not_likelihood() {
        use CueKind::*;
        check(
            "Of the six groups, teenagers were the most likely to vote.",
            &[],
        );
        check("The visitors earned an unlikely 2-0 win.", &[]);
        check(
            "The bill is most likely to pass in May.",
            &[(Epistemic, "likely")],
        );
    }

    #[test]
    fn a_sentence_adverb_before_the_speaker_is_not_the_content() {
        check("However, Lena Ortiz said the bridge may close.", &[]);
        check(
            "Meanwhile, Lena Ortiz told reporters the deck was likely to be replaced.",
            &[],
        );
        check(
            "In a statement on Monday, Harrow Ferries said fares were likely to rise.",
            &[],
        );
        check(
            "Speaking in Leeds, Lena Ortiz said the bridge might close.",
            &[],
        );
    }

    #[test]
    fn a_named_speakers_hedge_is_theirs() {
        use CueKind::*;
        check("Mayor Lena Ortiz said the bridge might close.", &[]);
        check(
            "Lena Ortiz, the city engineer, said the cables may need replacing.",
            &[],
        );
        check(
            "The cables will probably need replacing, Lena Ortiz said.",
            &[],
        );
        check(
            "Ms Ortiz told reporters it was unlikely the bridge would reopen.",
            &[],
        );
        check("Lena Ortiz said the deck seemed sound.", &[]);
        check(
            "Lena Ortiz said it was unclear whether the deck was sound.",
            &[],
        );
        // A pronoun that stands for a named speaker.
        check(
            "Lena Ortiz said the deck was sound. She said it may need resurfacing.",
            &[],
        );
        // Groups and roles are not named speakers; the reader still asks whose guess it is.
        check(
            "City officials said the bridge might close.",
            &[(Modal, "might")],
        );
        check(
            "A spokesman for the council said the bridge might close.",
            &[(Modal, "might")],
        );
        // The reporter's own clause after the speech, and a verb that is no statement.
        check(
            "Lena Ortiz said the deck was sound, although it may need resurfacing.",
            &[(Modal, "may")],
        );
        check(
            "Lena Ortiz urged drivers who might be affected to plan ahead.",
            &[(Modal, "might")],
        );
        // "indicated" as a named speaker's statement; evidence that indicates stays.
        check("Ana Ruiz has indicated she will stand again.", &[]);
        check(
            "The figures indicate that trade is recovering.",
            &[(Conjecture, "indicate")],
        );
        // A conjecture noun is the writer's framing even after a named speaker.
        check(
            "Lena Ortiz said rumours of a sale were false.",
            &[(Conjecture, "rumours")],
        );
    }

    #[test]
    fn a_forecast_in_reported_speech_has_a_holder() {
        use CueKind::*;
        check("The retailer said its sales are expected to rise.", &[]);
        check(
            "Sales are expected to rise.",
            &[(UnsourcedExpectation, "are expected to")],
        );
        // The reporting word must be outside the cue, and a judgement stays flagged.
        check_with(
            &vague_source_off(),
            "The mayor is said to be ill.",
            &[(UnsourcedExpectation, "is said to")],
        );
        check(
            "The bridge is considered unsafe, the report said.",
            &[(UnsourcedExpectation, "is considered")],
        );
    }

    #[test]
    fn permission_in_the_passive() {
        use CueKind::*;
        check("Tickets may be bought at the door.", &[]);
        check("The shares may be sold next year.", &[(Modal, "may")]);
    }

    #[test]
    fn past_narrative_and_purpose_could() {
        use CueKind::*;
        check("The hall was small and could seat only fifty people.", &[]);
        check("They moved the vote so they could attend.", &[]);
        check(
            "The hall could seat fifty people next year.",
            &[(Modal, "could")],
        );
    }

    #[test]
    fn inquiries_are_open_questions() {
        use CueKind::*;
        check(
            "Inspectors are investigating whether the pipe burst.",
            &[(OpenQuestion, "investigating whether")],
        );
        check(
            "The board will decide if the fare rises.",
            &[(OpenQuestion, "decide if")],
        );
        check(
            "Tests will find out whether the water is safe.",
            &[(OpenQuestion, "find out whether")],
        );
        check(
            "There was a decision on whether the fare rises.",
            &[(OpenQuestion, "decision on whether")],
        );
        check(
            "It is not clear whether the pipe burst.",
            &[(OpenQuestion, "not clear whether")],
        );
        check(
            "The effect on prices is yet to be seen.",
            &[(OpenQuestion, "yet to be seen")],
        );
        // Not an inquiry: the noun, an aside, and a plain conditional.
        check("Patients will have further tests if needed.", &[]);
        check("The review of the plan ended.", &[]);
        check("We will decide the date soon.", &[]);
    }

    #[test]
    fn statements_that_look_like_hedges() {
        use CueKind::*;
        check(
            "Firms that break the rule could face a fine of up to £500.",
            &[],
        );
        check("The firm could face delays.", &[(Modal, "could")]);
        check("The striker could have won the match.", &[]);
        check("The striker could have a role.", &[(Modal, "could have")]);
        check("The gallery invited potential buyers.", &[]);
        check(
            "The gallery is a potential target.",
            &[(Epistemic, "potential")],
        );
        check(
            "Traders think what matters is the price.",
            &[(Belief, "think")],
        );
        check("Buyers should consider what they need.", &[]);
        check("Some 40% think the fee is too high.", &[]);
        check("The club hopes that he stays.", &[]);
        check(
            "Under the rules the rider could receive a maximum two-year ban.",
            &[],
        );
        check("The firm could be liable for fines.", &[]);
        check("The rival firm hopes to extend its might into phones.", &[]);
        check("This might be the reason.", &[(Modal, "might")]);
        check("Coach Lena Berg believes the team can win.", &[]);
        check("The Commission thinks the fee is too high.", &[]);
        check(
            "Analysts believe the fee is too high.",
            &[(Belief, "believe")],
        );
        check(
            "Senior Tories believe the fee is too high.",
            &[(Belief, "believe")],
        );
        check(
            "Most Britons think the fee is too high.",
            &[(Belief, "think")],
        );
        check("Parents think the fee is too high.", &[(Belief, "think")]);
        check("Acme expects sales to rise.", &[(Belief, "expects")]);
        check(
            "Shares rose amid hopes that the talks will resume.",
            &[(Belief, "hopes")],
        );
    }

    #[test]
    fn nouns_and_idioms_are_not_cues() {
        use CueKind::*;
        check("Smokers are more likely to fall ill than others.", &[]);
        check("Boys were less likely than girls to apply.", &[]);
        check("The vote is likely to slip.", &[(Epistemic, "likely")]);
        check("Two think tanks published the report.", &[]);
        check("She lost the opening set to her rival.", &[]);
        check("Sales were higher than some analysts had expected.", &[]);
        check("The minister suggested a meeting next week.", &[]);
        check(
            "The figures suggest that demand is slowing.",
            &[(Conjecture, "suggest")],
        );
    }

    #[test]
    fn belief_words_used_as_nouns() {
        use CueKind::*;
        check("Several suspects were held overnight.", &[]);
        check("Police questioned two suspects under the new law.", &[]);
        check("Fears had grown over the winter.", &[]);
        check("The ferry crew lived with fear of the storm season.", &[]);
        check("The plan eased the growers' fears, the report said.", &[]);
        check(
            "The board fears that sales will fall.",
            &[(Belief, "fears")],
        );
        check(
            "Many growers suspect the rules will change.",
            &[(Belief, "suspect")],
        );
        check(
            "The levy, they fear, will hurt small shops.",
            &[(Belief, "fear")],
        );
    }

    #[test]
    fn deals_and_moves_that_are_set() {
        use CueKind::*;
        check("The two ferry firms are set to merge.", &[]);
        check("The striker is set to move to a rival club.", &[]);
        check("The old pier is set to be demolished.", &[]);
        check(
            "Ticket prices are set to move higher.",
            &[(UnsourcedExpectation, "are set to")],
        );
        check(
            "Fuel prices are set to soar.",
            &[(UnsourcedExpectation, "are set to")],
        );
    }

    #[test]
    fn an_expectation_overtaken_by_events() {
        use CueKind::*;
        check(
            "The club had been expected to win the cup but lost in the first round.",
            &[],
        );
        check("The rower had long been seen as the favourite.", &[]);
        check(
            "The striker was expected to miss the match, but has recovered.",
            &[],
        );
        check(
            "The striker was expected to miss the match.",
            &[(UnsourcedExpectation, "was expected to")],
        );
        check(
            "The club is expected to win the cup.",
            &[(UnsourcedExpectation, "is expected to")],
        );
        check(
            "The club has long been seen as the favourite.",
            &[(UnsourcedExpectation, "been seen as")],
        );
    }

    #[test]
    fn a_person_who_suggests() {
        use CueKind::*;
        check(
            "Mayor Ana Ruiz said the levy was fair and suggested it would raise $2m.",
            &[],
        );
        check("Ms Kaur bluntly suggested the plan would fail.", &[]);
        check(
            "The figures suggest the plan would fail.",
            &[(Conjecture, "suggest")],
        );
        check("The coach Ana Ruiz hinted at a recall.", &[]);
        check(
            "The survey hints at a slowdown.",
            &[(Conjecture, "hints at")],
        );
    }

    #[test]
    fn declining_to_speculate() {
        use CueKind::*;
        check(
            "The coach said it was too early to speculate about the squad.",
            &[],
        );
        check("The mayor refused to speculate on the cost.", &[]);
        check("The plan raised concerns among residents.", &[]);
        check(
            "Some fans speculate that the manager will leave.",
            &[(Conjecture, "speculate")],
        );
        check(
            "The delay raised concerns that the bridge is unsafe.",
            &[(Conjecture, "raised concerns")],
        );
    }

    #[test]
    fn a_relative_that_carries_no_content() {
        use CueKind::*;
        check(
            "The sensor picks up signals that can be read by a phone.",
            &[],
        );
        check(
            "Crews faced an expectation that was never written down.",
            &[],
        );
        check(
            "There are signs that the river is rising.",
            &[(Conjecture, "signs")],
        );
        check(
            "The board hinted that would change.",
            &[(Conjecture, "hinted")],
        );
    }

    #[test]
    fn a_belief_verb_inside_a_name() {
        use CueKind::*;
        check(
            "The leaked plans were posted on the Think Ahead forum last week.",
            &[],
        );
        check(
            "Analysts Think the plans were posted last week by a rival.",
            &[(Belief, "think")],
        );
    }

    #[test]
    fn worry_about_a_topic() {
        use CueKind::*;
        check("Residents have nothing to worry about.", &[]);
        check("Councils worry about the cost of the scheme.", &[]);
        check(
            "Growers worry that the frost will return.",
            &[(Belief, "worry")],
        );
    }

    #[test]
    fn an_estimate_as_a_figure() {
        use CueKind::*;
        check(
            "The Harbour Board estimates that 3,000 boats used the port last year.",
            &[],
        );
        check(
            "The Harbour Board estimates that traffic will double.",
            &[(Belief, "estimates")],
        );
        check(
            "The quarter's growth estimate is the last before the vote.",
            &[],
        );
        check("Estimates of the cost vary widely.", &[]);
        check("Early estimates have put the damage at $2m.", &[]);
        check(
            "The agency estimates that 4,000 homes were flooded.",
            &[(Belief, "estimates")],
        );
    }

    #[test]
    fn seeing_is_not_always_a_view() {
        use CueKind::*;
        check("Walkers will be able to see the cliffs as they climb.", &[]);
        check("Critics failed to see the film as others did.", &[]);
        check("Children want to see animals such as otters.", &[]);
        check("Investors see the merger as a rescue.", &[(Belief, "see")]);
    }

    #[test]
    fn idioms_of_thinking_and_believing() {
        use CueKind::*;
        check("I'd hate to think the pier is closing.", &[]);
        check(
            "Locals like to think the town is the sunniest in the county.",
            &[],
        );
        check("Fans can't believe the club sold its captain.", &[]);
        check("Voters did not know who to believe on the levy.", &[]);
        check("Ms Kaur questioned why the ferry was cut.", &[]);
        check("The board must consider this offer by Friday.", &[]);
        check("We did not consider it when the fares rose.", &[]);
        check(
            "Most residents consider it a waste of money.",
            &[(Belief, "consider")],
        );
        check(
            "Traders questioned whether the ferry would run.",
            &[(Belief, "questioned")],
        );
        check(
            "The fare is cheap when you consider that the trip takes a day.",
            &[],
        );
        check(
            "Traders believe the levy is too high.",
            &[(Belief, "believe")],
        );
    }

    #[test]
    fn a_past_forecast_as_a_benchmark() {
        use CueKind::*;
        check(
            "Profit was 20 cents a share; analysts had expected 22 cents.",
            &[],
        );
        check("The market had expected more.", &[]);
        check("Analysts expected a figure closer to 3%.", &[]);
        check("Output fell, against expectations of a 0.4% rise.", &[]);
        check(
            "The sale raised more than the $40m brokers had expected.",
            &[],
        );
        check(
            "Analysts had expected the bakery to post a profit.",
            &[(Belief, "expected")],
        );
    }

    #[test]
    fn a_holder_named_after_the_verb() {
        use CueKind::*;
        check("Fares will rise next spring, thinks Ana Ruiz.", &[]);
        check(
            "The pier is the town's best asset, believes Mr Okafor, a local builder.",
            &[],
        );
        check(
            "Analysts think Acme will win the contract.",
            &[(Belief, "think")],
        );
    }

    #[test]
    fn he_or_she_stands_for_a_named_holder() {
        use CueKind::*;
        check("She believes the channel will reopen in June.", &[]);
        check("He now fears the pier will close.", &[]);
        check("But he privately thinks the fare is too high.", &[]);
        // "It" and "they" may stand for an unnamed body or a vague group.
        check(
            "They believe the channel will reopen in June.",
            &[(Belief, "believe")],
        );
        check(
            "It believes the channel will reopen in June.",
            &[(Belief, "believes")],
        );
        // A forecast stays a forecast, whoever makes it.
        check(
            "She expects the channel to reopen in June.",
            &[(Belief, "expects")],
        );
    }

    #[test]
    fn what_is_in_store_is_not_a_belief() {
        use CueKind::*;
        check("Visitors can expect to queue for an hour.", &[]);
        check("Tenants should not expect a refund this year.", &[]);
        check(
            "The council expects to finish the works by June.",
            &[(Belief, "expects")],
        );
        check(
            "Growers expect the harvest to be late.",
            &[(Belief, "expect")],
        );
    }

    #[test]
    fn speculation_needs_its_content() {
        use CueKind::*;
        check(
            "There is speculation that the pier will close.",
            &[(Conjecture, "speculation")],
        );
        check(
            "Amid speculation the pier may close, shares fell.",
            &[(Conjecture, "speculation"), (Modal, "may")],
        );
        check(
            "Rumours of a sale lifted the shares.",
            &[(Conjecture, "rumours")],
        );
        check(
            "There was speculation over whether the pier would close.",
            &[(Conjecture, "speculation")],
        );
        check("The pier has been the subject of speculation.", &[]);
        check("Speculation about the pier's future grew.", &[]);
        check("The owner denied rumours that the pier was for sale.", &[]);
        check(
            "The owner played down suggestions that the pier was unsafe.",
            &[],
        );
        check("The new lease ended speculation about the pier.", &[]);
    }

    #[test]
    fn questions_claim_nothing() {
        use CueKind::*;
        check("Could this be the end of the ferry?", &[]);
        check("Will the pier reopen, or might it close for good?", &[]);
        check("The pier may close, but will the ferry?", &[(Modal, "may")]);
        check("The pier may close.", &[(Modal, "may")]);
    }

    #[test]
    fn arranged_events_and_choices() {
        use CueKind::*;
        check("The orchestra is set to tour Japan.", &[]);
        check("The appeal is set to be heard in May.", &[]);
        check(
            "Ticket prices are set to double.",
            &[(UnsourcedExpectation, "are set to")],
        );
        check("The board will decide whether to sell the pier.", &[]);
        check("The board is weighing whether or not to sell.", &[]);
        check(
            "The board will decide whether the pier is safe.",
            &[(OpenQuestion, "decide whether")],
        );
    }

    #[test]
    fn adjectives_that_are_not_hedges() {
        use CueKind::*;
        check("The keeper was an unlikely hero.", &[]);
        check(
            "The keeper is unlikely to play.",
            &[(Epistemic, "unlikely")],
        );
        check(
            "A strike is an unlikely outcome.",
            &[(Epistemic, "unlikely")],
        );
        check("The leak released potentially toxic gas.", &[]);
        check(
            "The leak potentially threatens the reef.",
            &[(Epistemic, "potentially")],
        );
        check(
            "The leak is potentially reducing the catch.",
            &[(Epistemic, "potentially")],
        );
        check(
            "Shares rose in anticipation of a deal.",
            &[(Belief, "anticipation")],
        );
        check("The anticipation of the crowd grew.", &[]);
        check("Profits came in below analyst expectations.", &[]);
        check("Sales beat expectations of 4% growth.", &[]);
        check(
            "Expectations of a rate cut grew.",
            &[(Belief, "expectations")],
        );
    }

    #[test]
    fn hearsay_passives_are_left_to_vague_source() {
        use CueKind::*;
        // attribution/vague-source asks "By whom?" of the same words.
        check("The pier is said to be unsafe.", &[]);
        check("It was reported that the pier is unsafe.", &[]);
        // A belief passive stays: it is a guess, not only hearsay.
        check(
            "The pier is thought to be unsafe.",
            &[(UnsourcedExpectation, "is thought to")],
        );
        // With that rule off, the hearsay is this family's.
        check_with(
            &vague_source_off(),
            "The pier is said to be unsafe.",
            &[(UnsourcedExpectation, "is said to")],
        );
    }

    #[test]
    fn lowercase_is_borrowed_when_unchanged() {
        assert!(matches!(lower("may"), Cow::Borrowed("may")));
        assert_eq!(lower("It’s"), "it's");
    }

    /// The inquiry table holds exactly the words of the two inquiry lists, each with its lists.
    #[test]
    fn inquiry_table_matches_the_lists() {
        for &w in INQUIRY_VERBS.iter().chain(INQUIRY_NOUNS) {
            let bits = INQUIRY.get(w).copied().unwrap_or(0);
            assert_eq!(bits & INQUIRY_VERB != 0, INQUIRY_VERBS.contains(&w), "{w}");
            assert_eq!(bits & INQUIRY_NOUN != 0, INQUIRY_NOUNS.contains(&w), "{w}");
        }
        assert_eq!(
            INQUIRY.len(),
            INQUIRY_VERBS
                .iter()
                .chain(INQUIRY_NOUNS)
                .collect::<HashSet<_>>()
                .len()
        );
        assert!(INQUIRY.get("sunshine").is_none());
    }

    /// A gated trigger reaches the cue finder only through the route its gate stands for:
    /// no list sends it down another one.
    #[test]
    fn gates_hold_for_every_route() {
        for &(w, gate) in GATES {
            assert!(!HEARSAY.contains(w) && !EPISTEMIC.contains(w), "{w}");
            assert!(!BELIEF.contains_key(w), "{w}");
            assert!(
                !INQUIRY_VERBS.contains(&w) && !INQUIRY_NOUNS.contains(&w),
                "{w}"
            );
            assert_eq!(TRIGGERS.get(w), Some(&gate), "{w}");
            let allowed: &[&str] = match gate {
                Gate::Passive => &["to", "as"],
                Gate::Next(next) => next,
                _ => unreachable!("{w}"),
            };
            if let Some(follows) = EXPECTATION.get(w) {
                assert!(follows.iter().all(|f| allowed.contains(f)), "{w}");
            }
        }
        for (w, gate) in TRIGGERS.iter() {
            if *gate == Gate::Inquiry {
                assert!(
                    !OTHER_TRIGGERS.contains(w) && !EXPECTATION.contains_key(w),
                    "{w}"
                );
                assert!(!BELIEF.contains_key(w) && !EPISTEMIC.contains(w), "{w}");
            }
        }
        for w in SEEN_GATES {
            assert_eq!(
                EXPECTATION.get(w).map(Vec::as_slice),
                Some(&["as"][..]),
                "{w}"
            );
            assert!(
                !BELIEF.contains_key(w) && !OTHER_TRIGGERS.contains(w),
                "{w}"
            );
            assert!(!HEARSAY.contains(w) && !EPISTEMIC.contains(w), "{w}");
        }
        for w in SEE_GATES {
            assert!(
                !OTHER_TRIGGERS.contains(w) && !EXPECTATION.contains_key(w),
                "{w}"
            );
            assert!(!HEARSAY.contains(w) && !EPISTEMIC.contains(w), "{w}");
        }
        assert_eq!(TRIGGERS.get("vote"), Some(&Gate::Inquiry));
        assert_eq!(TRIGGERS.get("consider"), Some(&Gate::Any));
    }

    /// Each kind of gate lets its construction through, and nothing else.
    #[test]
    fn gated_triggers() {
        use CueKind::*;
        check_with(
            &vague_source_off(),
            "It is said that the ferry will be sold.",
            &[(UnsourcedExpectation, "it is said")],
        );
        check_with(
            &vague_source_off(),
            "The ferry is said to be for sale.",
            &[(UnsourcedExpectation, "is said to")],
        );
        check_with(
            &vague_source_off(),
            "It was widely reported that the ferry leaked.",
            &[(UnsourcedExpectation, "it was widely reported")],
        );
        check_with(
            &vague_source_off(),
            "The ferry, it is often said, never sank.",
            &[(UnsourcedExpectation, "it is often said")],
        );
        check(
            "The pier is understood to be closing.",
            &[(UnsourcedExpectation, "is understood to")],
        );
        check("The port owner said the ferry was old.", &[]);
        check("The port owner reported a leak.", &[]);
        check("The firm claimed the record.", &[]);
        check(
            "The club is set to lose its best striker.",
            &[(UnsourcedExpectation, "is set to")],
        );
        check(
            "The result is yet to be confirmed.",
            &[(OpenQuestion, "yet to be confirmed")],
        );
        check(
            "The driver must have seen the sign.",
            &[(Modal, "must have")],
        );
        check(
            "It is not known whether the pier will reopen.",
            &[(OpenQuestion, "not known whether")],
        );
        check("Nobody is sure if the pier will reopen.", &[]);
        check("The tower looks set to fall.", &[(Appearance, "looks set")]);
        check(
            "Councils will decide whether the pool is safe.",
            &[(OpenQuestion, "decide whether")],
        );
        check(
            "The council found out whether the pier was safe.",
            &[(OpenQuestion, "found out whether")],
        );
        check("The council will vote on the plan.", &[]);
        check(
            "The chances are the pier will close.",
            &[(Epistemic, "chances are")],
        );
        check(
            "The move raises the prospect of a strike.",
            &[(Conjecture, "raises the prospect")],
        );
        check("The board raised prices.", &[]);
        check(
            "There are concerns that the pier is unsafe.",
            &[(Belief, "concerns")],
        );
    }

    /// The cues found with [`Gate::SeeAs`] and [`Gate::SeenAs`] are those found without
    /// them, for "see", "sees" and "seen" in every construction of their routes and around
    /// them.
    #[test]
    fn see_gate_holds() {
        let starts = [
            "Investors",
            "The minister said investors",
            "Analysts",
            "I",
            "The council will",
            "Police want to",
            "It remains to",
            "Shoppers could",
            "Few",
            "Nobody can",
        ];
        let middles = [
            "see",
            "sees",
            "See",
            "see whether",
            "see if",
            "sees if the",
            "see on whether",
            "see as to whether",
            "see the merger as",
            "see the deal with the bank as",
            "see it as",
            "see as",
            "see the site as they",
            "see cartoons such as",
            "see the long and difficult merger plan as",
            "see, as",
            "see the merger, as",
            "seen",
            "seen as",
            "widely seen",
            "widely seen as",
            "is seen as",
            "is widely seen as",
            "was generally seen",
            "have seen",
            "had seen the merger as",
            "are seen to",
            "it is seen that",
            "remains to be seen",
            "is yet to be seen",
        ];
        let ends = [
            " a rescue.",
            " the pier will reopen.",
            " prices rise.",
            " others did.",
            " well.",
            ".",
        ];
        let settings = Settings::default();
        for a in starts {
            for b in middles {
                for c in ends {
                    let text = format!("{a} {b}{c}\n");
                    let cues = |off: bool| {
                        SEE_GATE_OFF.set(off);
                        let a = crate::Analyzed::new(&text);
                        let ctx = a.context(&settings);
                        let found: Vec<_> = find(&ctx)
                            .into_iter()
                            .map(|c| (c.kind, c.span, c.words))
                            .collect();
                        SEE_GATE_OFF.set(false);
                        found
                    };
                    assert_eq!(cues(false), cues(true), "{text:?}");
                }
            }
        }
    }

    /// A big draft's cues come in runs of whole sentences: no sentence's cues are split
    /// between two runs (the speculation rules group a sentence's cues inside one run), and
    /// the runs one after another are the cues of [`find`].
    #[test]
    fn runs_hold_whole_sentences() {
        let para = "Officials said the plant may close. It is believed the deal could \
                    possibly fail, and prices are reportedly expected to rise.\n\n";
        let text = para.repeat(crate::PARALLEL_MIN_BYTES / para.len() * 3);
        let a = crate::Analyzed::new(&text);
        assert!(a.prose.is_big());
        let settings = Settings::default();
        let ctx = a.context(&settings);
        let runs = find_runs(&ctx);
        assert!(runs.iter().filter(|r| !r.is_empty()).count() > 2);
        let ends: Vec<(usize, usize)> = runs
            .iter()
            .filter_map(|r| Some((r.first()?.sentence, r.last()?.sentence)))
            .collect();
        assert!(ends.windows(2).all(|w| w[0].1 < w[1].0), "{ends:?}");
        let joined: Vec<_> = runs.iter().flatten().map(|c| (c.span, c.kind)).collect();
        let all: Vec<_> = find(&ctx).iter().map(|c| (c.span, c.kind)).collect();
        assert_eq!(joined, all);
    }

    /// The texts of the speculation fixtures (tests/fixtures/speculation).
    fn fixture_texts() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/speculation");
        std::fs::read_dir(dir)
            .expect("the fixtures")
            .map(|e| std::fs::read_to_string(e.expect("a fixture").path()).expect("a fixture"))
            .collect()
    }

    /// A sentence that continues reported speech, passed over unread, would have given no
    /// cue if read: the cues of the fixtures and of sentences after reported speech are the
    /// same with the skip and without it.
    #[test]
    fn continuations_are_skipped_without_loss() {
        let mut texts = fixture_texts();
        for said in [
            "The mayor said the cables were worn.",
            "Ana Ruiz told reporters the pier was safe.",
            "Officials said the plan was final.",
        ] {
            for next in [
                "The bridge could close for a month.",
                "It may reopen in May, reportedly.",
                "Analysts expect the deal is set to fail.",
                "Prices are expected to rise, and it is unclear whether they will.",
            ] {
                texts.push(format!("{said} {next}\n"));
            }
        }
        let settings = Settings::default();
        let mut skipped = 0;
        for text in &texts {
            let mut cues = |off: bool| {
                CONTINUATION_SKIP_OFF.set(off);
                let a = crate::Analyzed::new(text);
                let ctx = a.context(&settings);
                let found: Vec<_> = find(&ctx)
                    .into_iter()
                    .map(|c| (c.kind, c.span, c.words, c.sentence, c.remove, c.head))
                    .collect();
                CONTINUATION_SKIP_OFF.set(false);
                skipped += ctx
                    .attributions()
                    .sentences
                    .iter()
                    .filter(|s| s.scope == crate::analysis::attribution::Scope::Continuation)
                    .count();
                found
            };
            assert_eq!(cues(false), cues(true), "{text:?}");
        }
        assert!(skipped > 0, "no continuation was tried");
    }

    /// The cue starts that [`crate::prose::Prose::new`] lists are the trigger words outside
    /// quotation marks whose gate (looked up by word in [`TRIGGERS`]) is open, read from each
    /// sentence's tokens and lower-case forms: in the fixtures, in words in capitals and
    /// with curly apostrophes, and in a draft big enough to be read in parallel parts.
    #[test]
    fn starts_are_the_open_triggers() {
        let mut texts = fixture_texts();
        let para = "Officials SAID the plant may close. It’s said to be SOLD, and it IS \
                    widely Reported that “prices may rise”. Police will Review whether \
                    the Pier is safe; few SEE the deal as a rescue, and it is Seen as \
                    likely. The club is set to lose; the result is yet to be confirmed.\n\n";
        texts.push(para.to_string());
        texts.push(para.repeat(crate::PARALLEL_MIN_BYTES / para.len() + 3));
        let mut found = 0;
        for text in &texts {
            let a = crate::Analyzed::new(text);
            let prose = &a.prose;
            let mut want = Vec::new();
            for (si, s) in prose.sentences.iter().enumerate() {
                let toks = prose.sentence_tokens(si);
                let low = |k: isize| {
                    usize::try_from(k)
                        .ok()
                        .filter(|&k| k < toks.len())
                        .map_or("", |k| prose.token_lower(&a.draft, s.tokens.start + k))
                };
                let class = |k: isize| {
                    usize::try_from(k)
                        .ok()
                        .and_then(|k| toks.get(k))
                        .map_or(0, |t| t.class)
                };
                for (k, t) in toks.iter().enumerate() {
                    if t.class & crate::prose::classes::SPECULATION_TRIGGER != 0
                        && t.kind() == TokenKind::Word
                        && !t.quoted()
                        && TRIGGERS
                            .get(low(k as isize))
                            .is_some_and(|&g| gate_open(g, k as isize, low, class))
                    {
                        want.push((s.tokens.start + k) as u32);
                    }
                }
            }
            assert_eq!(prose.speculation_starts(), want.as_slice(), "{text:?}");
            found += want.len();
        }
        assert!(found > 100, "{found}");
    }

    /// The gate a trigger's classes give it is its gate in [`TRIGGERS`]: the passive gate and
    /// no gate by class, any other looked up.
    #[test]
    fn trigger_gates_by_class() {
        use crate::prose::classes::{
            SPECULATION_ANY_GATE, SPECULATION_PASSIVE_GATE, SPECULATION_TRIGGER, of,
        };
        for (w, &g) in TRIGGERS.iter().filter(|(w, _)| !w.is_empty()) {
            let c = of(w);
            assert_ne!(c & SPECULATION_TRIGGER, 0, "{w}");
            assert_eq!(c & SPECULATION_PASSIVE_GATE != 0, g == Gate::Passive, "{w}");
            assert_eq!(c & SPECULATION_ANY_GATE != 0, g == Gate::Any, "{w}");
        }
        for w in GATE_WORDS {
            assert_ne!(
                of(w) & crate::prose::classes::SPECULATION_GATE_WORD,
                0,
                "{w}"
            );
        }
        for w in ["tomato", "the", "said."] {
            let c = of(w);
            assert_eq!(
                c & (SPECULATION_PASSIVE_GATE | SPECULATION_ANY_GATE),
                0,
                "{w}"
            );
        }
    }

    /// Every marker of [`Conditionals::new`] opens its clause: none is passed over on its
    /// class ([`crate::prose::classes::SPECULATION_CONDITIONAL`]).
    #[test]
    fn conditional_markers_carry_their_class() {
        for (text, marker) in [
            ("The pier may close if the storm hits.", "if"),
            ("The pier may close unless the storm passes.", "unless"),
            ("They shut the pier lest the storm hit it.", "lest"),
            ("They ask whether the pier may close.", "whether"),
            ("The pier may open, provided that it is safe.", "provided"),
            ("The pier may open providing that it is safe.", "providing"),
            ("Take a coat in case it rains.", "case"),
            ("In the event the storm hits, the pier may close.", "event"),
        ] {
            let a = crate::Analyzed::new(text);
            let s = 0;
            let toks = a.prose.sentence_tokens(s);
            let range = a.prose.sentences[s].tokens.clone();
            let view = View {
                toks: toks
                    .iter()
                    .zip(range)
                    .map(|(t, i)| {
                        let text = a.prose.token_text(&a.draft, i);
                        Tok {
                            lower: a.prose.token_lower_with(i, text),
                            text,
                            kind: t.kind(),
                            quoted: t.quoted(),
                            span: t.span(),
                            class: t.class,
                        }
                    })
                    .collect(),
                triggers: Vec::new(),
                reporting: Vec::new(),
                continues: false,
                speech: Vec::new(),
                named_signals: Vec::new(),
                hidden_speakers: Vec::new(),
            };
            let at = view.toks.iter().position(|t| t.lower == marker);
            // With the union of the sentence's classes, as with no union to go by.
            let union = toks.iter().fold(0, |u, t| u | t.class);
            let cond = Conditionals::new(&view, union);
            let all = Conditionals::new(&view, u64::MAX);
            assert_eq!(cond.clauses, all.clauses, "{text}");
            assert_eq!(cond.has_if, all.has_if, "{text}");
            assert!(
                at.is_some_and(|k| cond.clauses.iter().any(|&(a, _)| a == k)),
                "{text}"
            );
            assert!(CONDITIONAL_MARKERS.contains(&marker));
        }
    }

    /// Every word [`block_is_first_person`] matches has the class it is first sorted by.
    #[test]
    fn first_person_words_carry_their_class() {
        for w in [
            "I", "I'm", "I've", "I'd", "I'll", "me", "my", "myself", "My",
        ] {
            let low = w.to_lowercase();
            assert!(FIRST_PERSON.contains(&low.as_str()), "{w}");
            assert_ne!(
                crate::prose::classes::of(&low) & crate::prose::classes::SPECULATION_FIRST_PERSON,
                0,
                "{w}"
            );
        }
    }

    #[test]
    fn first_person_paragraphs_are_the_writers_own() {
        use CueKind::*;
        // A reader's comment or a column: the opinions and hedges belong to the "I" who
        // writes them, as a named holder's do.
        check(
            "I think the new bus lanes may well fail. They could cost the town dearly.",
            &[],
        );
        check("My street will probably flood again this winter.", &[]);
        check(
            "The ferry may be late. The harbour master told me so on Friday.",
            &[],
        );
        // The reporter's paragraph next to it is still read.
        check(
            "I think the lanes will fail.\n\nThe council may scrap the scheme.",
            &[(Modal, "may")],
        );
        // "I" inside a quotation is the speaker's, not the paragraph's voice.
        check(
            "\"I was there,\" she said. The council may scrap the scheme.",
            &[(Modal, "may")],
        );
        // The numeral of a name or a war, and a title's "My", are not the first person.
        check(
            "Veterans of World War I could attend the parade.",
            &[(Modal, "could")],
        );
        check(
            "The film My Summer Harbour could win a prize.",
            &[(Modal, "could")],
        );
    }

    #[test]
    fn options_wishes_comparisons_and_backshift() {
        use CueKind::*;
        check("If the lift is full, you could take the stairs.", &[]);
        check("On a quiet day you could take the stairs.", &[]);
        check("Next time you might try the night ferry.", &[]);
        check("Shoppers may want to book early.", &[]);
        check("Shoppers may need to book early.", &[(Modal, "may")]);
        check("She ran as fast as she could.", &[]);
        check("The storm was not as bad as it might have been.", &[]);
        check("The pass meant that riders could board at any stop.", &[]);
        check("The club decided to limit who could enter the draw.", &[]);
        check(
            "The pass means that riders could board at any stop.",
            &[(Modal, "could")],
        );
        check("The new deal could see fares fall.", &[(Modal, "could")]);
        check(
            "The year could see record numbers of visitors.",
            &[(Modal, "could")],
        );
        check("Witnesses could see smoke from the bridge.", &[]);
    }

    #[test]
    fn no_guarantee_and_whether_subjects() {
        use CueKind::*;
        check(
            "There is no guarantee that the ferry will sail.",
            &[(OpenQuestion, "no guarantee")],
        );
        check(
            "The board gave no assurance the pool would reopen.",
            &[(OpenQuestion, "no assurance")],
        );
        check("The warranty is a guarantee that the boiler works.", &[]);
        check("There is no guarantee of payment in the contract.", &[]);
        check(
            "Whether the pier reopens is yet to be seen.",
            &[(OpenQuestion, "yet to be seen")],
        );
        check(
            "Whether the pier reopens is unclear.",
            &[(OpenQuestion, "unclear")],
        );
        check("Whether the pier reopens depends on the council.", &[]);
        check("Whether the pier may reopen depends on the council.", &[]);
    }

    #[test]
    fn a_closing_attribution_may_carry_an_apposition() {
        use CueKind::*;
        check(
            "The ferry may sail late, said Ana Ruiz, a fund manager at Brightwater Capital in the city.",
            &[],
        );
        check(
            "The ferry may sail late, said Ana Ruiz, adding that the timetable would change next week.",
            &[(Modal, "may")],
        );
    }

    #[test]
    fn concessions_hedge_nothing() {
        use CueKind::*;
        check("The new pier may be costly, but it is safe.", &[]);
        check("The side may have won, but they played poorly.", &[]);
        check("The ferry might not be fast - but the views are fine.", &[]);
        check(
            "The market may be steadying but still looks weak.",
            &[(Modal, "may")],
        );
        check("The pier may be costly.", &[(Modal, "may")]);
    }
}
