//! Who said what: attribution cues, sources and content, per sentence, and the speakers of
//! direct quotations.
//!
//! For every sentence of a draft this finds its attribution cues (`said`, `told`,
//! `according to`, `is believed`, …), the source each cue names and what kind of source it is
//! ([`SourceKind`]: named, title, pronoun, vague, anonymous), and the attributed content. It
//! then decides the sentence's [`Scope`]: attributed by its own cue, inside an attributed
//! quotation, continuing the reported speech of the sentence before it, or unattributed.
//! Words inside direct quotations are the speaker's: cues are only read outside them.
//!
//! The analysis is heuristic and shallow (no parser): a subject is the noun phrase read
//! leftwards from a reporting verb up to punctuation or a clause word, with appositions
//! ("Jane Roe, the minister, said") and inversions ("…, said the minister") handled.

pub mod claims;
mod group;
mod lex;
pub(crate) mod lexicon;
mod source;

use crate::markdown::Draft;
use crate::prose::{Prose, Token, TokenKind, classes};
use crate::text::Span;
use std::borrow::Cow;

pub use source::classify_words;

use group::{received_view, vague_agent, vague_subject};

/// What kind of source a cue names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A named person or organisation ("Jane Roe", "the Finance Ministry").
    Named,
    /// A source described by role or title only ("the minister", "a spokesman").
    Title,
    /// A pronoun ("she"), resolved where possible to an earlier source.
    Pronoun,
    /// A source that identifies no one ("officials", "some experts", "reports").
    Vague,
    /// A deliberately unnamed source ("a source", "people familiar with the talks").
    Anonymous,
}

impl SourceKind {
    /// The kind as a lowercase word.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Named => "named",
            SourceKind::Title => "title",
            SourceKind::Pronoun => "pronoun",
            SourceKind::Vague => "vague",
            SourceKind::Anonymous => "anonymous",
        }
    }
}

/// The source of an attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The source noun phrase in the source text.
    pub span: Span,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// For a pronoun: the earlier source it refers to, when one was found.
    pub antecedent: Option<(Span, SourceKind)>,
}

impl Source {
    /// The kind, looking through a resolved pronoun.
    pub fn effective_kind(&self) -> SourceKind {
        match (self.kind, self.antecedent) {
            (SourceKind::Pronoun, Some((_, k))) => k,
            (k, _) => k,
        }
    }
}

/// How a cue attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb in the active voice ("said", "told", "announced").
    Verb,
    /// A belief or stance verb ("believe", "fear", "expect").
    Belief,
    /// "according to".
    AccordingTo,
    /// A reporting, belief or judgement verb in the passive ("is believed", "was seen by").
    Passive,
    /// An impersonal construction ("there are fears", "questions have been raised").
    Impersonal,
    /// A vague group as the subject of any verb ("Many leaders are pushing…"): not an
    /// attribution of speech, but a claim about unnamed people (Wikipedia's "Who?").
    VagueSubject,
}

/// An attribution cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The cue words ("said", "according to", "were officially confirmed").
    pub span: Span,
    /// The lemma of the verb ("say"), or the phrase for other cues.
    pub lemma: &'static str,
    /// How it attributes.
    pub kind: CueKind,
    /// Index of the cue's (main) token in [`Prose::tokens`].
    pub token: usize,
}

/// One attribution: a cue, its source and what is attributed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The cue.
    pub cue: Cue,
    /// The source, when the sentence names one (an agentless passive has none).
    pub source: Option<Source>,
    /// The attributed content, when it could be delimited.
    pub content: Option<Span>,
}

impl Attribution {
    /// Whether the attribution names nobody at all (agentless passive, impersonal phrase).
    pub fn is_agentless(&self) -> bool {
        self.source.is_none() && matches!(self.cue.kind, CueKind::Passive | CueKind::Impersonal)
    }
}

/// An anonymity marker ("on condition of anonymity") and the reason given for it, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anonymity {
    /// The marker.
    pub span: Span,
    /// The reason given in the same or the next sentence.
    pub reason: Option<Span>,
}

/// Why a sentence counts as attributed (or not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// It carries its own attribution cue.
    Own,
    /// It lies inside a direct quotation whose speaker is known.
    Quotation,
    /// It continues the reported speech of the sentence before it in the same paragraph.
    Continuation,
    /// Nothing attributes it.
    Unattributed,
}

impl Scope {
    /// The scope as a lowercase word.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Own => "own",
            Scope::Quotation => "quotation",
            Scope::Continuation => "continuation",
            Scope::Unattributed => "none",
        }
    }
}

/// The attribution of one sentence.
#[derive(Clone, Debug)]
pub struct SentenceAttribution {
    /// Index of the sentence in [`Prose::sentences`].
    pub sentence: usize,
    /// Its span in the source.
    pub span: Span,
    /// Why it is attributed, or that it is not.
    pub scope: Scope,
    /// Where its own attributions are in the draft's list ([`Attributions::attributions_of`]).
    attributions: Slots,
    /// Where its anonymity markers are in the draft's list ([`Attributions::anonymity_of`]).
    anonymity: Slots,
    /// The union of the word-class bits ([`crate::prose::classes`]) of its tokens: a bit
    /// that is clear here is on none of them (all bits set when its tokens are missing).
    pub classes: u64,
}

impl SentenceAttribution {
    /// Whether the sentence counts as attributed.
    pub fn is_attributed(&self) -> bool {
        self.scope != Scope::Unattributed
    }
}

/// A run of entries of one of the draft-wide lists of [`Attributions`]: those of one sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Slots {
    /// Index of its first entry.
    start: u32,
    /// Index one past its last entry.
    end: u32,
}

impl Slots {
    /// The entries `from..to` of a list (indices saturated at `u32::MAX`).
    fn new(from: usize, to: usize) -> Self {
        let sat = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Slots {
            start: sat(from),
            end: sat(to),
        }
    }

    /// The same run in a list that has `by` more entries before it.
    fn shifted(self, by: usize) -> Self {
        Slots::new(self.start as usize + by, self.end as usize + by)
    }

    /// Its entries as a range of indices.
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A summary of one sentence's attribution in eight bytes, for the passes that go through
/// every sentence and act on few of them: its paragraph, its scope and what kinds of
/// attribution and anonymity it carries, read without its [`SentenceAttribution`] and the
/// attributions themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceSummary {
    /// Index of its block in [`Draft::blocks`], as [`crate::prose::Sentence::block`]
    /// (saturated at `u32::MAX`).
    pub block: u32,
    /// What its attributions and anonymity markers hold: bits such as
    /// [`SentenceSummary::SOURCE`].
    pub flags: u16,
    /// Why it is attributed, as [`SentenceAttribution::scope`].
    pub scope: Scope,
}

impl SentenceSummary {
    /// It has at least one attribution.
    pub const ATTRIBUTIONS: u16 = 1 << 0;
    /// An attribution of it has a source.
    pub const SOURCE: u16 = 1 << 1;
    /// An attribution of it has a source and a cue other than a passive (one that can name
    /// the speaker of a quotation).
    pub const SPEAKER: u16 = 1 << 2;
    /// An attribution of it has a source and a reporting verb or "according to" as its cue
    /// (reported speech).
    pub const REPORTED: u16 = 1 << 3;
    /// An attribution of it has a named or titled source ([`Source::effective_kind`]).
    pub const NAMED: u16 = 1 << 4;
    /// An attribution of it hides who speaks: a vague source ([`SourceKind::Vague`]), a vague
    /// subject ([`CueKind::VagueSubject`]) with its group, or no source with a passive or
    /// impersonal cue.
    pub const VAGUE: u16 = 1 << 5;
    /// An attribution of it has an anonymous source ([`Source::kind`] is
    /// [`SourceKind::Anonymous`]).
    pub const ANONYMOUS: u16 = 1 << 6;
    /// It has a reporting-verb cue ([`CueKind::Verb`]) whose word may be a loaded verb: its
    /// token has the class [`classes::LOADED_VERB`], or its text as written differs from the
    /// token's text.
    pub const LOADED: u16 = 1 << 7;
    /// It has an anonymity marker.
    pub const ANONYMITY: u16 = 1 << 8;
    /// It has an anonymity marker with a reason.
    pub const REASON: u16 = 1 << 9;
    /// A token of it has the class [`classes::SPOKES_NOUN`] (as [`SentenceAttribution::classes`]
    /// tells).
    pub const SPOKES: u16 = 1 << 10;
    /// An attribution of it has a pronoun as its source ([`SourceKind::Pronoun`]).
    pub const PRONOUN: u16 = 1 << 11;
    /// It has an unnamed spokesperson as `attribution/unnamed-source` reads one: set exactly
    /// when it has [`SentenceSummary::SPOKES`], no anonymity marker and such a spokesperson.
    pub const UNNAMED: u16 = 1 << 12;

    /// Its block index.
    pub fn block(&self) -> usize {
        self.block as usize
    }

    /// Whether it has any of the bits of `flags`.
    pub fn has(&self, flags: u16) -> bool {
        self.flags & flags != 0
    }

    /// Whether it counts as attributed.
    pub fn is_attributed(&self) -> bool {
        self.scope != Scope::Unattributed
    }
}

/// The flags of [`SentenceSummary`] that its attributions `atts` and anonymity markers
/// `anonymity` give, but for [`SentenceSummary::LOADED`] (which needs the words);
/// [`SentenceSummary::NAMED`] as far as the sources' own kinds give it (a pronoun resolved
/// afterwards may add it).
fn attribution_flags(atts: &[Attribution], anonymity: &[Anonymity]) -> u16 {
    let mut flags = 0;
    for a in atts {
        flags |= SentenceSummary::ATTRIBUTIONS;
        match &a.source {
            Some(src) => {
                flags |= SentenceSummary::SOURCE;
                if a.cue.kind != CueKind::Passive {
                    flags |= SentenceSummary::SPEAKER;
                }
                if matches!(a.cue.kind, CueKind::Verb | CueKind::AccordingTo) {
                    flags |= SentenceSummary::REPORTED;
                }
                if src.kind == SourceKind::Vague || a.cue.kind == CueKind::VagueSubject {
                    flags |= SentenceSummary::VAGUE;
                }
                match src.kind {
                    SourceKind::Anonymous => flags |= SentenceSummary::ANONYMOUS,
                    SourceKind::Named | SourceKind::Title => flags |= SentenceSummary::NAMED,
                    SourceKind::Pronoun => flags |= SentenceSummary::PRONOUN,
                    SourceKind::Vague => {}
                }
            }
            None => {
                if matches!(a.cue.kind, CueKind::Passive | CueKind::Impersonal) {
                    flags |= SentenceSummary::VAGUE;
                }
            }
        }
    }
    for m in anonymity {
        flags |= SentenceSummary::ANONYMITY;
        if m.reason.is_some() {
            flags |= SentenceSummary::REASON;
        }
    }
    flags
}

/// The latest named or titled source before a sentence, for the pronouns of the sentences
/// after it (see [`analyze`]).
#[derive(Clone, Copy)]
enum Latest {
    /// The last named or titled source of this sentence (not read yet).
    In(usize),
    /// This source, of this kind.
    Source(Span, SourceKind),
}

/// The last named or titled source of `atts`, with its kind: the source a later pronoun refers
/// back to.
fn last_named(atts: &[Attribution]) -> Option<(Span, SourceKind)> {
    atts.iter().rev().find_map(|a| {
        a.source
            .as_ref()
            .filter(|s| matches!(s.kind, SourceKind::Named | SourceKind::Title))
            .map(|s| (s.span, s.kind))
    })
}

/// Where a quotation's speaker is named relative to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuotePosition {
    /// Before the quote ("She said: “…”").
    Before,
    /// After the quote ("“…,” she said.").
    After,
    /// Inside it, between its parts.
    Middle,
    /// In a neighbouring sentence or paragraph.
    Context,
}

/// A direct quotation and its speaker.
#[derive(Clone, Debug)]
pub struct QuotationSpeaker {
    /// Index in [`Prose::quotations`].
    pub quotation: usize,
    /// The speaker's source, when found.
    pub speaker: Option<Source>,
    /// The cue that attributes it.
    pub cue: Option<Span>,
    /// Where the attribution is.
    pub position: Option<QuotePosition>,
}

/// The attribution of every sentence of a draft.
#[derive(Clone, Debug, Default)]
pub struct Attributions {
    /// One entry per sentence, indexed like [`Prose::sentences`].
    pub sentences: Vec<SentenceAttribution>,
    /// One entry per quotation, indexed like [`Prose::quotations`].
    pub quotations: Vec<QuotationSpeaker>,
    /// One summary per sentence, indexed like [`Attributions::sentences`] and kept in step
    /// with it.
    pub summaries: Vec<SentenceSummary>,
    /// The attributions of all the sentences, sentence after sentence, each in order.
    attributions: Vec<Attribution>,
    /// The anonymity markers of all the sentences, sentence after sentence.
    anonymity: Vec<Anonymity>,
}

impl Attributions {
    /// The attribution of sentence `i`.
    pub fn sentence(&self, i: usize) -> Option<&SentenceAttribution> {
        self.sentences.get(i)
    }

    /// The own attributions of sentence `i`, in order (none for a sentence that does not
    /// exist).
    pub fn attributions_of(&self, i: usize) -> &[Attribution] {
        self.sentences
            .get(i)
            .and_then(|s| self.attributions.get(s.attributions.range()))
            .unwrap_or_default()
    }

    /// The anonymity markers of sentence `i`, in order (none for a sentence that does not
    /// exist).
    pub fn anonymity_of(&self, i: usize) -> &[Anonymity] {
        self.sentences
            .get(i)
            .and_then(|s| self.anonymity.get(s.anonymity.range()))
            .unwrap_or_default()
    }

    /// The attributions of all the sentences: those of sentence 0 in order, then those of
    /// sentence 1, and so on.
    pub fn all_attributions(&self) -> &[Attribution] {
        &self.attributions
    }

    /// Whether sentence `i` is attributed.
    pub fn is_attributed(&self, i: usize) -> bool {
        self.sentences.get(i).is_some_and(|s| s.is_attributed())
    }
}

/// A token of one sentence as the analysis and the attribution rules read it.
#[derive(Clone, Debug)]
pub struct W<'a> {
    /// Index in [`Prose::tokens`].
    pub tok: usize,
    /// The text as written.
    pub text: &'a str,
    /// Lowercase, with curly apostrophes straightened.
    pub low: &'a str,
    /// Token kind.
    pub kind: TokenKind,
    /// Inside a direct quotation.
    pub quoted: bool,
    /// Source span.
    pub span: Span,
    /// The word lists `low` belongs to ([`crate::prose::classes`]).
    pub class: u64,
}

impl<'a> W<'a> {
    /// A token of a sentence. `low` is its lowercase form: a string of its own (not `text`)
    /// when `text` starts with a capital letter, as [`W::is_cap`] reads it.
    #[inline]
    pub(crate) fn new(
        tok: usize,
        text: &'a str,
        low: &'a str,
        kind: TokenKind,
        quoted: bool,
        span: Span,
        class: u64,
    ) -> Self {
        W {
            tok,
            text,
            low,
            kind,
            quoted,
            span,
            class,
        }
    }

    /// The analysis' own small word lists `low` belongs to, as flags of [`lex`]: read from its
    /// classes, or looked up for a word of a list its classes do not carry (few words, seldom
    /// asked about).
    #[inline]
    pub(crate) fn lex_flags(&self) -> u64 {
        // A word of no list outside those its classes carry needs no look-up.
        if self.class & classes::ATTR_LEX_REST == 0 {
            return lex::from_class(self.class);
        }
        lex::of(self.low)
    }

    /// Whether `low` is in one of the analysis' own lists of `flags` ([`lex`]).
    #[inline]
    pub(crate) fn lx(&self, flags: u64) -> bool {
        // Flags that every token carries as classes are read from them.
        if flags & !lex::IN_CLASS == 0 {
            return lex::from_class(self.class) & flags != 0;
        }
        self.lex_flags() & flags != 0
    }
    /// Whether `low` is in one of the word lists of `class` ([`crate::prose::classes`]).
    pub fn has(&self, class: u64) -> bool {
        self.class & class != 0
    }
    /// Its lemma when it is a reporting or belief verb form (`lexicon::verb_lemma`);
    /// the class rules most words out without a look-up, and says which list to look in (a
    /// reporting verb form is looked up first, as `lexicon::verb_lemma` does).
    #[inline(always)]
    pub fn verb_lemma(&self) -> Option<&'static str> {
        if self.has(classes::CUE_VERB | classes::BELIEF_VERB) {
            lex::lemma_of_verb(self.low)
        } else {
            None
        }
    }
    /// Whether it is a belief verb form and no reporting verb form
    /// ([`lexicon::is_belief`]), read from its class.
    pub(crate) fn is_belief(&self) -> bool {
        self.has(classes::BELIEF_VERB) && !self.has(classes::CUE_VERB)
    }
    /// Whether it is a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// Whether it starts with a capital letter. A word that is its own lowercase form holds
    /// none, and its text is not read.
    #[inline]
    pub fn is_cap(&self) -> bool {
        self.low.as_ptr() != self.text.as_ptr() && starts_upper(self.text)
    }
    /// Whether its lowercase form is `s`.
    pub fn is(&self, s: &str) -> bool {
        self.low == s
    }
}

/// Whether `text` starts with a capital letter (an ASCII first byte answers without decoding
/// a character).
#[inline]
fn starts_upper(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => text.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

fn lower(text: &str) -> Cow<'_, str> {
    if text.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(text.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The tokens of sentence `si`, with their lowercase forms.
pub fn sentence_words<'a>(draft: &'a Draft, prose: &'a Prose, si: usize) -> Vec<W<'a>> {
    let mut out = Vec::new();
    sentence_words_into(draft, prose, si, &mut out);
    out
}

/// [`sentence_words`] into `out` (cleared first), so that a caller going through many
/// sentences reuses one buffer.
pub fn sentence_words_into<'a>(
    draft: &'a Draft,
    prose: &'a Prose,
    si: usize,
    out: &mut Vec<W<'a>>,
) {
    out.clear();
    let Some(s) = prose.sentences.get(si) else {
        return;
    };
    let Some(block) = draft.blocks.get(s.block) else {
        return;
    };
    // The sentence's tokens as one slice (those that exist), written out in one pass with no
    // capacity check per word.
    let start = s.tokens.start;
    let toks = prose
        .tokens
        .get(start.min(prose.tokens.len())..s.tokens.end.min(prose.tokens.len()))
        .unwrap_or(&[]);
    let block_text = block.text.as_str();
    let word = |t: &'a Token, ti: usize, text: &'a str, low: &'a str| W {
        tok: ti,
        text,
        low,
        kind: t.kind(),
        quoted: t.quoted(),
        span: t.span(),
        class: t.class,
    };
    // The lower-case forms of the sentence's tokens are read alongside them, with no look-up
    // per token.
    match prose.token_lowers(start..start + toks.len()) {
        Some(run) => out.extend(toks.iter().zip(run.entries()).enumerate().map(
            |(k, (t, entry))| {
                let text = block_text.get(t.range()).unwrap_or("");
                word(t, start + k, text, run.form(entry, text))
            },
        )),
        None => out.extend(toks.iter().zip(start..).map(|(t, ti)| {
            let text = block_text.get(t.range()).unwrap_or("");
            word(t, ti, text, prose.token_lower_with(ti, text))
        })),
    }
}

/// Whether the word sequence `pat` occurs in `ws` at `i` (unquoted words).
pub(crate) fn phrase_at(ws: &[W<'_>], i: usize, pat: &[&str]) -> bool {
    pat.iter()
        .enumerate()
        .all(|(k, p)| ws.get(i + k).is_some_and(|w| !w.quoted && w.low == *p))
}

/// If `verb` (lowercase) is a loaded attribution verb, what it implies ("casts doubt on the
/// speaker").
pub fn loaded_verb_class(verb: &str) -> Option<&'static str> {
    lexicon::LOADED_VERBS.get(verb).copied()
}

/// Whether `low` (a lowercase word) is a reporting or belief verb form, or "according":
/// a word that usually means someone is being cited.
pub fn is_cue_word(low: &str) -> bool {
    crate::prose::classes::of(low) & crate::prose::classes::CUE_WORD != 0
}

/// [`is_cue_word`] as read from the word lists (the class table is built from this).
pub(crate) fn cue_word_in_lists(low: &str) -> bool {
    low == "according"
        || lexicon::CUE_VERBS.get(low).is_some_and(|&l| {
            !lexicon::STANCE_ONLY.contains(&l)
                && !matches!(
                    l,
                    "continue"
                        | "point"
                        | "answer"
                        | "counter"
                        | "detail"
                        | "post"
                        | "state"
                        | "question"
                        | "consider"
                        | "know"
                        | "feel"
                        | "see"
                )
        })
}

/// The words that open a cue of their own besides the verbs and stance adjectives (see
/// [`find_attributions`]): the word list of [`classes::ATTRIBUTION_OPENER`].
pub(crate) fn opener_words() -> Vec<&'static str> {
    lex::opener_words()
}

/// The words that introduce the names of a group's members in a source ("officials including
/// Ann Lee", "advisers like Rob Tan", "such as"): the word list of [`classes::NAME_INTRO`].
pub(crate) fn name_intro_words() -> &'static [&'static str] {
    &source::NAME_INTRO_WORDS
}

/// The words of class `class`, one of the classes of the analysis' own word lists
/// ([`classes::ATTR_AUX`] to [`classes::ATTR_LEX_REST`]), for the class table.
pub(crate) fn lex_class_words(class: u64) -> Vec<&'static str> {
    lex::class_words(class)
}

/// Analyses the attributions of a draft.
pub fn analyze(source: &str, draft: &Draft, prose: &Prose) -> Attributions {
    let n = prose.sentences.len();
    // Each sentence's cues and anonymity stand alone: a big draft finds them in parallel, in
    // parts of consecutive sentences put together in order afterwards (in a pool of one
    // thread, all in one part).
    let threads = if prose.is_big() {
        rayon::current_num_threads()
    } else {
        1
    };
    let mut out = if threads > 1 {
        use rayon::prelude::*;
        let size = n.div_ceil(threads * 4).max(64);
        let parts: Vec<Attributions> = (0..n.div_ceil(size))
            .into_par_iter()
            .map_init(
                || (Vec::new(), Vec::new()),
                |(ws, found), p| {
                    let from = p * size;
                    sentences_cues(source, draft, prose, from..(from + size).min(n), ws, found)
                },
            )
            .collect();
        join_parts(parts)
    } else {
        sentences_cues(source, draft, prose, 0..n, &mut Vec::new(), &mut Vec::new())
    };
    // Pronouns refer back to the latest named or titled source. The summaries say which
    // sentences have a pronoun to resolve and which a named or titled source; the latter's
    // attributions are read only when a pronoun after it needs that source.
    let mut recent: Option<(Latest, usize)> = None;
    for si in 0..out.summaries.len() {
        let summary = out.summaries[si];
        let block = summary.block();
        // A pronoun refers back at most to the previous paragraph.
        if recent.is_some_and(|(_, b)| b + 1 < block) {
            recent = None;
        }
        if !summary.has(SentenceSummary::PRONOUN) {
            if summary.has(SentenceSummary::NAMED) {
                recent = Some((Latest::In(si), block));
            }
            continue;
        }
        let Some(slots) = out.sentences.get(si).map(|s| s.attributions) else {
            continue;
        };
        let mut current = recent.and_then(|(latest, b)| match latest {
            Latest::Source(sp, k) => Some((sp, k, b)),
            Latest::In(k) => last_named(out.attributions_of(k)).map(|(sp, kind)| (sp, kind, b)),
        });
        let mut resolved = false;
        let atts = out.attributions.get_mut(slots.range()).unwrap_or_default();
        for a in atts {
            if let Some(src) = &mut a.source {
                if src.kind == SourceKind::Pronoun {
                    src.antecedent = current.map(|(sp, k, _)| (sp, k));
                    resolved |= src.antecedent.is_some();
                } else if matches!(src.kind, SourceKind::Named | SourceKind::Title) {
                    current = Some((src.span, src.kind, block));
                }
            }
        }
        // A pronoun that refers to a named or titled source is one.
        if resolved {
            out.summaries[si].flags |= SentenceSummary::NAMED;
        }
        recent = current.map(|(sp, k, b)| (Latest::Source(sp, k), b));
    }
    let by_block = BlockSentences::new(draft, prose, &out.summaries);
    // The speakers, and the sentences wholly inside an attributed quotation (found while the
    // quotation and its sentences are at hand).
    let mut inside = Vec::new();
    out.quotations = quotation_speakers(draft, prose, &out, &by_block, &mut inside);
    for si in inside {
        if let Some(summary) = out.summaries.get_mut(si) {
            summary.scope = Scope::Quotation;
        }
        if let Some(sa) = out.sentences.get_mut(si) {
            sa.scope = Scope::Quotation;
        }
    }
    // Continued reported speech, read from the summaries: only a sentence after an attributed
    // one in the same paragraph is looked at.
    for i in 1..out.summaries.len() {
        let (prev, cur) = out.summaries.split_at_mut(i);
        let (Some(p), Some(c)) = (prev.last(), cur.first_mut()) else {
            continue;
        };
        if c.scope != Scope::Unattributed || p.block != c.block || !p.is_attributed() {
            continue;
        }
        let reported = p.scope != Scope::Own || p.has(SentenceSummary::REPORTED);
        // A sentence with no word of the classes of those `continues_speech_in` looks for is
        // ruled out by its classes, without its tokens being read.
        if reported
            && out
                .sentences
                .get(i)
                .is_none_or(|s| may_continue_speech(s.classes))
            && continues_speech_in(draft, prose, i)
        {
            c.scope = Scope::Continuation;
            if let Some(sa) = out.sentences.get_mut(i) {
                sa.scope = Scope::Continuation;
            }
        }
    }
    out
}

/// The attributions of sentences `range` (which exist), their words read into `ws` and their
/// cues found in the buffer `found`: their entries, summaries and lists, with no quotation;
/// each summary but for the flag [`SentenceSummary::NAMED`] (set once the pronouns are
/// resolved).
fn sentences_cues<'a>(
    source: &str,
    draft: &'a Draft,
    prose: &'a Prose,
    range: std::ops::Range<usize>,
    ws: &mut Vec<W<'a>>,
    found: &mut Vec<Attribution>,
) -> Attributions {
    let n = range.len();
    let mut out = Attributions {
        sentences: Vec::with_capacity(n),
        quotations: Vec::new(),
        summaries: Vec::with_capacity(n),
        // About one attribution per sentence in copy dense with them; fewer in most.
        attributions: Vec::with_capacity(n),
        anonymity: Vec::new(),
    };
    for si in range {
        let (sa, summary) = sentence_cues(
            source,
            draft,
            prose,
            si,
            ws,
            found,
            &mut out.attributions,
            &mut out.anonymity,
        );
        out.sentences.push(sa);
        out.summaries.push(summary);
    }
    out
}

/// The parts of [`sentences_cues`] of consecutive runs of sentences, in order, as one.
fn join_parts(parts: Vec<Attributions>) -> Attributions {
    let total = |f: fn(&Attributions) -> usize| parts.iter().map(f).sum::<usize>();
    let mut out = Attributions {
        sentences: Vec::with_capacity(total(|p| p.sentences.len())),
        quotations: Vec::new(),
        summaries: Vec::with_capacity(total(|p| p.summaries.len())),
        attributions: Vec::with_capacity(total(|p| p.attributions.len())),
        anonymity: Vec::with_capacity(total(|p| p.anonymity.len())),
    };
    for p in parts {
        let (a, m) = (out.attributions.len(), out.anonymity.len());
        out.sentences
            .extend(p.sentences.into_iter().map(|s| SentenceAttribution {
                attributions: s.attributions.shifted(a),
                anonymity: s.anonymity.shifted(m),
                ..s
            }));
        out.summaries.extend(p.summaries);
        out.attributions.extend(p.attributions);
        out.anonymity.extend(p.anonymity);
    }
    out
}

/// The attribution of sentence `si` (which exists): its cues (found in the buffer `found`,
/// then appended to `atts`) and anonymity markers (appended to `anon`), its words read into
/// `ws`, and the union of its tokens' classes; and its summary, but for the flag
/// [`SentenceSummary::NAMED`] (set once the pronouns are resolved).
#[allow(clippy::too_many_arguments)]
fn sentence_cues<'a>(
    source: &str,
    draft: &'a Draft,
    prose: &'a Prose,
    si: usize,
    ws: &mut Vec<W<'a>>,
    found: &mut Vec<Attribution>,
    atts: &mut Vec<Attribution>,
    anon: &mut Vec<Anonymity>,
) -> (SentenceAttribution, SentenceSummary) {
    let s = &prose.sentences[si];
    // The classes of its words, all together (kept by the sentence, so that a sentence with
    // no cue word is passed over without reading its tokens).
    let all = prose
        .tokens
        .get(s.tokens.clone())
        .map_or(u64::MAX, |_| s.classes);
    let built = may_hold_cues(draft, prose, si, all);
    let (a0, m0) = (atts.len(), anon.len());
    let mut loaded = 0;
    if built {
        sentence_words_into(draft, prose, si, ws);
        // An anonymity marker opens with a word of its class.
        if all & classes::ANONYMITY_FIRST != 0 {
            find_anonymity_into(draft, prose, si, ws, anon);
        }
        find_attributions_into(ws, found);
        loaded = loaded_flag(source, ws, found);
        atts.append(found);
    }
    let (attributions, anonymity) = (&atts[a0..], &anon[m0..]);
    let mut flags = attribution_flags(attributions, anonymity) | loaded;
    if all & classes::SPOKES_NOUN != 0 {
        flags |= SentenceSummary::SPOKES;
        // An unnamed spokesperson, read while the words are at hand (built for the few
        // sentences of no cue).
        if anonymity.is_empty() {
            if !built {
                sentence_words_into(draft, prose, si, ws);
            }
            if crate::rules::attribution::has_unnamed_spokesperson(ws) {
                flags |= SentenceSummary::UNNAMED;
            }
        }
    }
    let scope = if attributions
        .iter()
        .all(|a| a.cue.kind == CueKind::VagueSubject)
    {
        Scope::Unattributed
    } else {
        Scope::Own
    };
    (
        SentenceAttribution {
            sentence: si,
            span: s.span,
            scope,
            attributions: Slots::new(a0, atts.len()),
            anonymity: Slots::new(m0, anon.len()),
            classes: all,
        },
        SentenceSummary {
            block: u32::try_from(s.block).unwrap_or(u32::MAX),
            flags,
            scope,
        },
    )
}

/// [`SentenceSummary::LOADED`] when a reporting-verb cue of `atts` (found in the words `ws`)
/// may be a loaded verb: its word has the class [`classes::LOADED_VERB`], or its text in
/// `source` is not its token's text (whose class would then not answer for it).
fn loaded_flag(source: &str, ws: &[W<'_>], atts: &[Attribution]) -> u16 {
    let first = ws.first().map_or(0, |w| w.tok);
    let loaded = atts.iter().any(|a| {
        a.cue.kind == CueKind::Verb
            && match a.cue.token.checked_sub(first).and_then(|k| ws.get(k)) {
                Some(w) if w.tok == a.cue.token => {
                    w.class & classes::LOADED_VERB != 0
                        || source.get(a.cue.span.start..a.cue.span.end) != Some(w.text)
                }
                _ => true,
            }
    });
    if loaded { SentenceSummary::LOADED } else { 0 }
}

/// The classes of the words that open a cue in [`find_attributions`] by themselves, or head a
/// group that the words before it open.
const SENTENCE_CUE_CLASSES: u64 =
    CUE_OPENER_CLASSES | classes::ATTRIBUTION_OPENER | classes::VAGUE_NOUN;

/// Whether sentence `si` can hold a cue or an anonymity marker, read from its tokens' classes
/// without building its words: false when [`find_attributions`] and [`find_anonymity`] find
/// nothing in it, which is most sentences of no source noun and no reporting verb. A word opens
/// a cue only with a class of [`SENTENCE_CUE_CLASSES`] (or a group's head within five words of
/// it), or as the first word of a quantifier phrase; an anonymity marker is a phrase too.
/// `all` is the union of the classes of its tokens.
fn may_hold_cues(draft: &Draft, prose: &Prose, si: usize, all: u64) -> bool {
    let Some(s) = prose.sentences.get(si) else {
        return true;
    };
    let Some(toks) = prose.tokens.get(s.tokens.clone()) else {
        return true;
    };
    if all & SENTENCE_CUE_CLASSES != 0 {
        return true;
    }
    if all & (classes::QUANTIFIER_FIRST | classes::ANONYMITY_FIRST) == 0 {
        return false;
    }
    let Some(block) = draft.blocks.get(s.block) else {
        return true;
    };
    let low = |k: usize| {
        prose.token_lower_with(
            s.tokens.start + k,
            block.text.get(toks[k].range()).unwrap_or(""),
        )
    };
    // As `phrase_at` reads it: unquoted words, the first at `k` (already matched).
    let rest_at = |k: usize, pat: &[&str]| {
        pat.iter().enumerate().skip(1).all(|(i, p)| {
            toks.get(k + i)
                .is_some_and(|t| !t.quoted() && low(k + i) == *p)
        })
    };
    toks.iter().enumerate().any(|(k, t)| {
        if t.quoted() || t.class & (classes::QUANTIFIER_FIRST | classes::ANONYMITY_FIRST) == 0 {
            return false;
        }
        // As `quantifier_at` reads it: a one-word phrase matches at once, a longer one only
        // before a second word of its class.
        let quantifier = t.class & classes::QUANTIFIER_FIRST != 0 && t.kind() == TokenKind::Word;
        if quantifier && t.class & classes::QUANTIFIER_WHOLE != 0 {
            return true;
        }
        let second = toks
            .get(k + 1)
            .is_some_and(|n| !n.quoted() && n.class & classes::QUANTIFIER_SECOND != 0);
        if t.class & classes::ANONYMITY_FIRST == 0 && !second {
            return false;
        }
        let first = low(k);
        (quantifier
            && second
            && lexicon::quantifiers_from(first)
                .iter()
                .any(|q| rest_at(k, q)))
            || (t.class & classes::ANONYMITY_FIRST != 0
                && lexicon::anonymity_from(first).iter().any(|p| rest_at(k, p)))
    })
}

/// The words that [`continues_speech_in`] looks for.
const CONTINUATION_WORDS: [&str; 4] = ["would", "could", "might", "also"];

/// Classes that each of [`CONTINUATION_WORDS`] has at least one of, or `None` when one of them
/// has no class. Where a word has one of a few classes that most sentences lack, only those
/// are taken, so that the gate rules out more sentences.
static CONTINUATION_CLASSES: std::sync::LazyLock<Option<u64>> = std::sync::LazyLock::new(|| {
    const NARROW: u64 =
        classes::ANONYMITY_FIRST | classes::SPECULATION_ANY_GATE | classes::SPECULATION_BE_ADVERB;
    CONTINUATION_WORDS.iter().try_fold(0, |mask, w| {
        let c = classes::of(w);
        match (c & NARROW, c) {
            (_, 0) => None,
            (0, c) => Some(mask | c),
            (narrow, _) => Some(mask | narrow),
        }
    })
});

/// Whether a sentence whose tokens' classes are `all` (their union) may have a word of
/// [`CONTINUATION_WORDS`], and so continue reported speech ([`continues_speech_in`]).
fn may_continue_speech(all: u64) -> bool {
    CONTINUATION_CLASSES.is_none_or(|mask| all & mask != 0)
}

/// [`continues_speech`] of sentence `si`, read from its tokens without building its words.
fn continues_speech_in(draft: &Draft, prose: &Prose, si: usize) -> bool {
    let Some(s) = prose.sentences.get(si) else {
        return false;
    };
    let Some(block) = draft.blocks.get(s.block) else {
        return false;
    };
    let toks = prose.tokens.get(s.tokens.clone()).unwrap_or(&[]);
    let low_of = |k: usize| {
        let t = &toks[k];
        prose.token_lower_with(s.tokens.start + k, block.text.get(t.range()).unwrap_or(""))
    };
    let starts_pronoun = toks
        .iter()
        .position(|t| t.kind() == TokenKind::Word)
        .is_some_and(|k| matches!(low_of(k), "he" | "she" | "they" | "it"));
    // The words asked about have four or five ASCII letters in lower case: each comes from
    // one to three bytes as written, so a token of any other length is none of them.
    (0..toks.len()).any(|k| {
        !toks[k].quoted() && (4..=15).contains(&toks[k].range().len()) && {
            let low = low_of(k);
            matches!(low, "would" | "could" | "might") || (starts_pronoun && low == "also")
        }
    })
}

/// Whether a sentence reads as the continuation of reported speech (backshifted modals,
/// "also" after a pronoun): the reference for [`continues_speech_in`].
#[cfg(test)]
fn continues_speech(ws: &[W<'_>]) -> bool {
    let first = ws.iter().find(|w| w.is_word());
    let starts_pronoun = first.is_some_and(|w| matches!(w.low, "he" | "she" | "they" | "it"));
    ws.iter()
        .filter(|w| !w.quoted)
        .any(|w| matches!(w.low, "would" | "could" | "might") || (starts_pronoun && w.is("also")))
}

/// Finds the attribution cues of one sentence, into `out` (cleared first): one buffer serves
/// sentence after sentence.
fn find_attributions_into(ws: &[W<'_>], out: &mut Vec<Attribution>) {
    find_attributions_gated::<true>(ws, out);
}

/// [`find_attributions_into`], as a new vector.
#[cfg(test)]
fn find_attributions(ws: &[W<'_>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    find_attributions_into(ws, &mut out);
    out
}

/// [`find_attributions`], with (`GATED`) or without the gates that skip a cue reader which
/// cannot fire for the word at hand: the readers of "according to", of impersonal phrases,
/// of a vague agent, of a consensus and of a received view each return nothing unless the
/// word is one of [`lex::OPENERS`]. Without the gates every reader is tried at every word
/// that opens, as the tests' reference.
fn find_attributions_gated<const GATED: bool>(ws: &[W<'_>], out: &mut Vec<Attribution>) {
    out.clear();
    let push = |out: &mut Vec<Attribution>, a: Attribution| out.push(a);
    let n = ws.len();
    // The first word at or after `j` that can head a bare group of sources (a vague source
    // noun or "reports"): a group that no quantifier opens has its head within five words.
    // ("reports" is a vague source noun: the class answers for it.)
    let heads_group = |w: &W<'_>| w.has(classes::VAGUE_NOUN);
    // The first word at or after `j` that can end a bare group (see `may_open_group`): a head
    // too, so not before `next_head`.
    let ends_group = |w: &W<'_>| w.has(classes::VAGUE_NOUN) && w.low.ends_with('s');
    // The words among the first 64 that may open a cue (see `opens` below), as bits: an
    // unquoted word of a class that opens, or within five words before a group's head. The
    // loop goes from one to the next; past the first 64 it reads every word. The heads among
    // the first 64 words, as bits too, give the first head and the first end.
    let (candidates, heads) = if GATED {
        opening_candidates(ws)
    } else {
        (u64::MAX, 0)
    };
    let (mut next_head, mut next_end) = if GATED && (heads != 0 || n <= 64) {
        let first_head = if heads == 0 {
            n
        } else {
            heads.trailing_zeros() as usize
        };
        let mut rest = heads;
        let mut first_end = None;
        while rest != 0 {
            let k = rest.trailing_zeros() as usize;
            if ends_group(&ws[k]) {
                first_end = Some(k);
                break;
            }
            rest &= rest - 1;
        }
        let first_end = first_end.unwrap_or_else(|| {
            ws.get(64..)
                .and_then(|r| r.iter().position(ends_group))
                .map_or(n, |p| 64 + p)
        });
        (first_head, first_end)
    } else {
        let first_head = ws.iter().position(heads_group).unwrap_or(n);
        let first_end = ws[first_head..]
            .iter()
            .position(ends_group)
            .map_or(n, |p| first_head + p);
        (first_head, first_end)
    };
    let mut j = 0;
    while j < n {
        if j < 64 {
            let rest = candidates >> j;
            if rest == 0 {
                j = 64;
                continue;
            }
            j += rest.trailing_zeros() as usize;
            if j >= n {
                break;
            }
        }
        let w = &ws[j];
        if w.quoted || !w.is_word() {
            j += 1;
            continue;
        }
        if next_head < j {
            next_head = ws[j..].iter().position(heads_group).map_or(n, |p| j + p);
        }
        if next_end < j {
            let from = next_head.max(j);
            next_end = ws[from..]
                .iter()
                .position(ends_group)
                .map_or(n, |p| from + p);
        }
        // Only these words can open a cue (each cue below returns nothing for any other):
        // "according", the impersonal, received-view and consensus openers, "by" of a vague
        // agent, a stance adjective, a reporting or belief verb, a quantifier phrase, or a
        // word within five of a group's head.
        let lex_opener = w.has(classes::ATTRIBUTION_OPENER);
        // Whether the readers that need a word of `lex::OPENERS` are tried.
        let try_openers = !GATED || lex_opener;
        let opens = w.has(CUE_OPENER_CLASSES)
            || next_head < j + 5
            || lex_opener
            || (w.has(classes::QUANTIFIER_FIRST) && quantifier_at(ws, j));
        if !opens {
            j += 1;
            continue;
        }
        // according to NP
        if try_openers
            && w.is("according")
            && ws.get(j + 1).is_some_and(|x| x.is("to") && !x.quoted)
        {
            let np = source::np_forward(ws, j + 2);
            let cue = Cue {
                span: w.span.cover(ws[j + 1].span),
                lemma: "according to",
                kind: CueKind::AccordingTo,
                token: w.tok,
            };
            let source = np.clone().map(|r| source::make(ws, r));
            let content = content_around(ws, j, np.map_or(j + 2, |r| r.end));
            push(
                out,
                Attribution {
                    cue,
                    source,
                    content,
                },
            );
            j += 2;
            continue;
        }
        if try_openers && let Some(a) = impersonal(ws, j) {
            push(out, a);
            j += 1;
            continue;
        }
        if try_openers && let Some(a) = vague_agent(ws, j) {
            push(out, a);
            j += 1;
            continue;
        }
        if (!GATED || may_open_group(ws, j, next_end))
            && let Some(a) = vague_subject(ws, j)
        {
            push(out, a);
            j += 1;
            continue;
        }
        if let Some(a) = stance_adjective(ws, j) {
            push(out, a);
            j += 1;
            continue;
        }
        if try_openers && let Some(a) = consensus_passive(ws, j).or_else(|| received_view(ws, j)) {
            push(out, a);
            j += 1;
            continue;
        }
        if let Some(a) = verb_cue(ws, j, out) {
            push(out, a);
        }
        j += 1;
    }
    // A vague subject that is also the source of a real cue is reported once, as the cue's.
    drop_cited_subjects::<FEW_CITED>(out);
}

/// Drops from `out` (the cues of one sentence) each vague subject whose group is also the
/// source of a real cue (they overlap). Up to `FEW` sources of real cues are compared one by
/// one, more through a sorted list of them.
fn drop_cited_subjects<const FEW: usize>(out: &mut Vec<Attribution>) {
    if out.iter().any(|a| a.cue.kind == CueKind::VagueSubject) {
        // The sources of the real cues: few (kept in place, with no list allocated), or many.
        let mut few = [Span::default(); FEW];
        let mut m = 0;
        for c in out.iter().filter_map(|a| {
            a.source
                .as_ref()
                .filter(|_| a.cue.kind != CueKind::VagueSubject)
                .map(|s| s.span)
        }) {
            if m == FEW {
                m += 1;
                break;
            }
            few[m] = c;
            m += 1;
        }
        if let Some(few) = few.get(..m) {
            // Those kept move up in order over those dropped.
            let mut kept = 0;
            for k in 0..out.len() {
                let a = &out[k];
                if a.cue.kind != CueKind::VagueSubject
                    || a.source
                        .as_ref()
                        .is_none_or(|s| !few.iter().any(|c| c.overlaps(s.span)))
                {
                    out.swap(kept, k);
                    kept += 1;
                }
            }
            out.truncate(kept);
            return;
        }
        let mut cited: Vec<Span> = out
            .iter()
            .filter(|a| a.cue.kind != CueKind::VagueSubject)
            .filter_map(|a| a.source.as_ref().map(|s| s.span))
            .collect();
        cited.sort();
        // The longest cited span, so a look-back of that length finds every overlap.
        let widest = cited.iter().map(Span::len).max().unwrap_or(0);
        let overlaps_cited = |s: Span| {
            let from = cited.partition_point(|c| c.start + widest < s.start);
            cited[from..]
                .iter()
                .take_while(|c| c.start <= s.end)
                .any(|c| c.overlaps(s))
        };
        out.retain(|a| {
            a.cue.kind != CueKind::VagueSubject
                || a.source.as_ref().is_none_or(|s| !overlaps_cited(s.span))
        });
    }
}

/// Up to this many sources of real cues in a sentence, a vague subject that is also one of them
/// is found by comparing it with each ([`find_attributions_gated`]).
const FEW_CITED: usize = 8;

/// The words among the first 64 of `ws` that can open a cue in [`find_attributions_gated`], as
/// bits (bit `j` for word `j`): each word of a class of [`CUE_OPENER_CLASSES`],
/// [`classes::ATTRIBUTION_OPENER`] or [`classes::QUANTIFIER_FIRST`], or within five words
/// before a word that can head a group ([`classes::VAGUE_NOUN`]). Every word that opens is
/// among them; the others are passed over. Second, the words among the first 64 that can
/// head a group, as bits.
#[inline]
fn opening_candidates(ws: &[W<'_>]) -> (u64, u64) {
    const OPENING: u64 =
        CUE_OPENER_CLASSES | classes::ATTRIBUTION_OPENER | classes::QUANTIFIER_FIRST;
    const _: () = assert!(classes::VAGUE_NOUN == 1);
    let mut open = 0u64;
    let mut heads = 0u64;
    // From the last of the first 64 words back to the first, each shifting in its bit.
    for w in ws[..ws.len().min(64)].iter().rev() {
        // Quoted words and punctuation are passed over by the loop itself.
        open = open << 1 | u64::from(w.class & OPENING != 0);
        heads = heads << 1 | (w.class & classes::VAGUE_NOUN);
    }
    // A head at `h` lets words `h - 4 ..= h` open; a head past the first 64 words lets the
    // last four of them open too.
    let beyond = ws
        .get(64..)
        .is_some_and(|r| r.iter().take(4).any(|w| w.class & classes::VAGUE_NOUN != 0));
    let near = heads | heads >> 1 | heads >> 2 | heads >> 3 | heads >> 4;
    let near = if beyond { near | (0xF << 60) } else { near };
    (open | near, heads)
}

/// Whether a quantifier phrase ([`lexicon::quantifiers_from`]) opens at word `j`, an unquoted
/// word: as `phrase_at` of each phrase of its first word reads it, with the first word (the
/// one looked up) not compared again and the second compared before the rest.
fn quantifier_at(ws: &[W<'_>], j: usize) -> bool {
    let w = &ws[j];
    // A word that is a phrase by itself opens one wherever it stands; every longer phrase has
    // a second word of class QUANTIFIER_SECOND, so a word followed by none opens no phrase.
    if w.has(classes::QUANTIFIER_WHOLE) {
        return true;
    }
    let Some(next) = ws
        .get(j + 1)
        .filter(|x| !x.quoted && x.has(classes::QUANTIFIER_SECOND))
    else {
        return false;
    };
    lexicon::quantifiers_from(w.low).iter().any(|q| match q {
        [_] => true,
        [_, second, rest @ ..] => next.low == *second && phrase_at(ws, j + 2, rest),
        [] => false,
    })
}

/// Whether a group of sources ([`vague_subject`]) can open at word `j` (unquoted), given `next_end`, the
/// first word at or after `j` that can end a bare group: a plural vague source noun ("officials",
/// "reports"), the only heads [`group::vague_subject`] takes without a quantifier. It can open at
/// a word that opens a quantifier phrase, or at the first word (after "his", "her" or "their")
/// of a noun phrase that reaches such a head within four words. A bare group's phrase is read
/// word by word ([`group::read_np`]) and ends at its head, so every word before the first such
/// head must be one the phrase reads on over; when one is not, no group opens here and the
/// reader is not tried.
#[inline]
fn may_open_group(ws: &[W<'_>], j: usize, next_end: usize) -> bool {
    let w = &ws[j];
    // A word that opens no quantifier phrase here is read as any other word.
    if w.has(classes::QUANTIFIER_FIRST) && quantifier_at(ws, j) {
        return true;
    }
    let from = if matches!(w.low, "his" | "her" | "their") {
        j + 1
    } else {
        j
    };
    next_end < from + 4
        && ws
            .get(from..next_end)
            .is_some_and(|run| run.iter().all(group::np_continues))
}

/// Words that open a cue of their own in [`find_attributions`]: "according to", "there
/// are fears", "questions have been raised", "amid reports that", a vague agent "by".
pub(super) const CUE_OPENERS: [&str; 10] = [
    "according",
    "there",
    "by",
    "questions",
    "concerns",
    "doubts",
    "fears",
    "reports",
    "rumours",
    "rumors",
];

/// The classes ([`classes`]) of the words that can open a cue (besides the first words of
/// quantifiers, which open one only where their phrase matches).
const CUE_OPENER_CLASSES: u64 =
    classes::STANCE_ADJECTIVE | classes::CUE_VERB | classes::BELIEF_VERB;

/// Participles that claim a consensus when an adverb of extent and no agent go with them:
/// "is widely accepted", "is generally agreed", "is often cited". (The reporting and
/// belief participles — "is widely believed" — are read by [`passive_cue`].)
pub(super) const CONSENSUS_PARTICIPLES: [&str; 9] = [
    "known",
    "accepted",
    "acknowledged",
    "recognised",
    "recognized",
    "agreed",
    "assumed",
    "cited",
    "acclaimed",
];

/// "is widely accepted", "it is generally agreed that", "is often cited": a consensus
/// with nobody named.
fn consensus_passive(ws: &[W<'_>], j: usize) -> Option<Attribution> {
    let w = &ws[j];
    if w.quoted || !w.lx(lex::CONSENSUS_PARTICIPLE) {
        return None;
    }
    let adverb = ws.get(j.checked_sub(1)?)?;
    if adverb.quoted
        || !matches!(
            adverb.low,
            "widely" | "generally" | "commonly" | "universally" | "broadly" | "popularly" | "often"
        )
    {
        return None;
    }
    let mut p = j - 1;
    while p > 0 && matches!(ws[p - 1].low, "also" | "now" | "still" | "not") {
        p -= 1;
    }
    let be = ws.get(p.checked_sub(1)?)?;
    if !be.lx(lex::BE) || be.is("being") {
        return None;
    }
    let next = ws.get(j + 1).filter(|x| !x.quoted).map_or("", |x| x.low);
    // An agent names the source; "known as" and "known for" name or describe.
    if matches!(next, "by" | "as" | "for") {
        return None;
    }
    let mut start = p - 1;
    while start > 0
        && matches!(
            ws[start - 1].low,
            "has" | "have" | "had" | "been" | "will" | "would" | "may" | "might" | "could" | "be"
        )
    {
        start -= 1;
    }
    Some(Attribution {
        cue: Cue {
            span: ws[start].span.cover(w.span),
            lemma: "be",
            kind: CueKind::Passive,
            token: w.tok,
        },
        source: None,
        content: None,
    })
}

/// "there are fears", "questions have been raised", "research shows"-style phrases.
fn impersonal(ws: &[W<'_>], j: usize) -> Option<Attribution> {
    const THERE: [&str; 11] = [
        "fears",
        "speculation",
        "concerns",
        "suggestions",
        "rumours",
        "rumors",
        "claims",
        "controversy",
        "debate",
        "disagreement",
        "suspicions",
    ];
    let w = &ws[j];
    let mk = |end: usize, lemma: &'static str| {
        let last = ws.get(end.saturating_sub(1))?;
        Some(Attribution {
            cue: Cue {
                span: w.span.cover(last.span),
                lemma,
                kind: CueKind::Impersonal,
                token: w.tok,
            },
            source: None,
            content: None,
        })
    };
    if w.is("there")
        && ws
            .get(j + 1)
            .is_some_and(|x| matches!(x.low, "are" | "is" | "were" | "was" | "have"))
    {
        let mut k = j + 2;
        if ws.get(k).is_some_and(|x| x.is("been")) {
            k += 1;
        }
        if ws.get(k).is_some_and(|x| {
            matches!(
                x.low,
                "growing" | "widespread" | "some" | "much" | "considerable" | "little"
            )
        }) {
            k += 1;
        }
        if ws
            .get(k)
            .is_some_and(|x| THERE.contains(&x.low) && !x.quoted)
            && ws.get(k + 1).is_some_and(|x| {
                matches!(
                    x.low,
                    "that" | "about" | "over" | "of" | "the" | "as" | "whether" | "among"
                )
            })
        {
            return mk(k + 1, "there are");
        }
    }
    if matches!(w.low, "questions" | "concerns" | "doubts" | "fears")
        && phrase_at(ws, j + 1, &["have", "been", "raised"])
        && !ws.get(j + 4).is_some_and(|x| x.is("by"))
    {
        return mk(j + 4, "have been raised");
    }
    None
}

/// "Many residents are worried that…": a stance adjective after "be" with a vague subject.
#[inline]
fn stance_adjective(ws: &[W<'_>], j: usize) -> Option<Attribution> {
    let w = &ws[j];
    if !w.has(classes::STANCE_ADJECTIVE) {
        return None;
    }
    let p = prev_skipping(ws, j)?;
    if !ws[p].lx(lex::BE) || matches!(ws[p].low, "be" | "been" | "being") {
        return None;
    }
    let np = source::np_backward(ws, p)?;
    let src = source::make(ws, np);
    if !matches!(src.kind, SourceKind::Vague | SourceKind::Anonymous) {
        return None;
    }
    Some(Attribution {
        cue: Cue {
            span: ws[p].span.cover(w.span),
            lemma: "be",
            kind: CueKind::Belief,
            token: w.tok,
        },
        source: Some(src),
        content: content_after(ws, j + 1),
    })
}

/// A reporting or belief verb at `j`, with its source and content.
#[inline]
fn verb_cue(ws: &[W<'_>], j: usize, earlier: &[Attribution]) -> Option<Attribution> {
    let w = &ws[j];
    let lemma = w.verb_lemma()?;
    // A capitalised verb form inside a sentence is a name ("United States", "Post").
    if w.is_cap()
        && ws[..j]
            .iter()
            .any(|x| x.is_word() || x.kind == TokenKind::Number)
    {
        return None;
    }
    let prev = prev_skipping(ws, j);
    // Passive: a form of "be" before the participle; progressive: "be" before "-ing".
    let mut subject_end = j;
    if let Some(p) = prev
        && ws[p].lx(lex::BE)
    {
        if ws[p].is("being") {
            return None;
        }
        if !w.low.ends_with("ing") || matches!(ws[p].low, "be" | "been" | "being") {
            return passive_cue(ws, j, p);
        }
        subject_end = p;
    }
    // "People close to the talks do not expect…": a vague group's view, even negated.
    if let Some(p) = prev
        && (ws[p].is("not") || ws[p].is("n't") || ws[p].low.ends_with("n't"))
        && matches!(
            lemma,
            "expect" | "believe" | "think" | "anticipate" | "foresee"
        )
        && let Some(np) = source::np_backward(ws, j)
        && let src = source::make(ws, np)
        && matches!(src.kind, SourceKind::Vague | SourceKind::Anonymous)
    {
        return Some(Attribution {
            cue: Cue {
                span: w.span,
                lemma,
                kind: CueKind::Belief,
                token: w.tok,
            },
            source: Some(src),
            content: content_after(ws, j + 1),
        });
    }
    if let Some(p) = prev
        && (ws[p].is("to") || ws[p].is("not") || ws[p].is("n't"))
    {
        return None;
    }
    let belief = w.is_belief();
    // "responded by saying …", "reacted by arguing …": the subject of the verb before "by".
    if w.low.ends_with("ing")
        && !belief
        && let Some(p) = prev
        && ws[p].is("by")
        && p >= 2
        && ws[p - 1].low.ends_with("ed")
        && let Some(np) = source::np_backward(ws, p - 1)
    {
        return Some(verb_attribution(w, lemma, source::make(ws, np), ws, j));
    }
    // "…, saying …" / "…, adding …": inherits the sentence's source.
    if w.low.ends_with("ing") && subject_end == j {
        let after_comma = j > 0 && ws[j - 1].text == ",";
        let src = earlier
            .iter()
            .rev()
            .filter(|a| a.cue.kind != CueKind::VagueSubject)
            .find_map(|a| a.source.clone())?;
        if !after_comma || belief {
            return None;
        }
        return Some(verb_attribution(w, lemma, src, ws, j));
    }
    let mut np = source::np_backward(ws, subject_end);
    let mut inverted = false;
    if np.is_none() {
        // "…,” said the minister." / "…, said Jane Roe."
        let before = j.checked_sub(1).map(|p| &ws[p]);
        let after_punct = before.is_some_and(|b| {
            b.kind == TokenKind::Punct && matches!(b.text, "," | "”" | "\"" | "—" | "''" | "’")
        });
        if after_punct && !belief && !TRANSITIVE.contains(&lemma) {
            // The inverted source runs to the end of the clause: "…, said Ann Lee, who…".
            np = source::np_forward(ws, j + 1).filter(|r| {
                ws.get(r.end).is_none_or(|x| {
                    (x.kind == TokenKind::Punct && !x.quoted)
                        || matches!(x.low, "who" | "whose" | "which")
                })
            });
            inverted = np.is_some();
        }
    }
    let np = np?;
    // The checks that need no source come first: a subject they rule out is not classified.
    if !inverted && !plausible_subject(ws, np.clone(), j) {
        return None;
    }
    if lemma == "add" && !inverted && !adds_a_statement(ws, np.start, j) {
        return None;
    }
    let needs_clause = belief || lemma_needs_clause(lemma);
    let stance_only = needs_clause && lexicon::STANCE_ONLY.contains(&lemma);
    if needs_clause && !stance_only {
        let closes = attribution_follows_content(ws, np.start)
            && ws
                .get(j + 1)
                .is_none_or(|x| matches!(x.text, "." | "!" | "?" | ","));
        // "whom one insider described as…": a description is attributed too.
        let described_as = lemma == "describe" && ws.get(j + 1).is_some_and(|x| x.is("as"));
        if !clause_follows(ws, j + 1) && !closes && !described_as {
            return None;
        }
    }
    if needs_clause {
        if lemma == "speak" && !ws.get(j + 1).is_some_and(|x| x.quoted || x.text == ":") {
            return None;
        }
        if lemma == "point" && !ws.get(j + 1).is_some_and(|x| x.is("out")) {
            return None;
        }
    }
    let src = source::make(ws, np.clone());
    if needs_clause {
        // Stance verbs attribute a view only with a vague subject or a following clause.
        let vague = matches!(src.kind, SourceKind::Vague | SourceKind::Anonymous);
        if !vague && stance_only {
            return None;
        }
        if matches!(src.kind, SourceKind::Pronoun)
            && ws
                .get(np.start)
                .is_some_and(|x| matches!(x.low, "i" | "we" | "you"))
        {
            return None;
        }
    }
    let content = if inverted
        || np.start > 0
            && attribution_follows_content(ws, np.start)
            && !(fronted_adjunct_before(&ws[..np.start - 1])
                && ws
                    .get(j + 1..)
                    .is_some_and(|r| r.iter().any(|x| x.is_word() && !x.quoted)))
    {
        content_before(ws, np.start)
    } else {
        content_after(ws, if inverted { np.end } else { j + 1 })
    };
    Some(Attribution {
        cue: Cue {
            span: w.span,
            lemma,
            kind: if belief {
                CueKind::Belief
            } else {
                CueKind::Verb
            },
            token: w.tok,
        },
        source: Some(src),
        content,
    })
}

/// "add" reports speech only when a statement follows it ("added that…", "added:", "added the
/// plan would…") or closes a quotation ("…,” she added."); "the yard added 300 jobs" is a deed.
fn adds_a_statement(ws: &[W<'_>], np_start: usize, j: usize) -> bool {
    let Some(x) = ws.get(j + 1) else {
        return true;
    };
    if x.quoted
        || matches!(
            x.text,
            ":" | "“" | "\"" | "," | "``" | "." | "!" | "?" | "—"
        )
    {
        return true;
    }
    if x.is("that") || (np_start > 0 && attribution_follows_content(ws, np_start)) {
        return true;
    }
    // A clause without "that": a finite verb within the next few words.
    ws[j + 1..]
        .iter()
        .take(10)
        .take_while(|t| t.kind != TokenKind::Punct || t.text == "'s")
        .any(|t| {
            t.lx(lex::BE)
                || matches!(
                    t.low,
                    "will"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "has"
                        | "had"
                        | "have"
                        | "did"
                        | "does"
                        | "do"
                        | "'ll"
                        | "'d"
                )
        })
}

/// Reporting verbs whose object follows them: "…, told her supporters" is not an inverted
/// attribution.
const TRANSITIVE: [&str; 16] = [
    "tell",
    "ask",
    "urge",
    "accuse",
    "blame",
    "criticize",
    "criticise",
    "condemn",
    "promise",
    "deny",
    "reveal",
    "cite",
    "show",
    "find",
    "describe",
    "email",
];

/// Reporting verbs that are attributions only when a clause or quote follows
/// ("showed that…", not "showed the film").
fn lemma_needs_clause(lemma: &str) -> bool {
    matches!(
        lemma,
        "show"
            | "find"
            | "indicate"
            | "suggest"
            | "estimate"
            | "describe"
            | "detail"
            | "recall"
            | "predict"
            | "continue"
            | "point"
            | "answer"
            | "counter"
            | "ask"
            | "respond"
            | "reply"
            | "observe"
            | "mention"
            | "maintain"
            | "note"
            | "cite"
            | "speak"
    )
}

/// Whether a clause (that-clause, quote, colon, pronoun subject…) starts at `k`.
fn clause_follows(ws: &[W<'_>], k: usize) -> bool {
    let Some(x) = ws.get(k) else {
        return false;
    };
    if x.quoted || matches!(x.text, ":" | "“" | "\"" | "," | "``") {
        return true;
    }
    if matches!(
        x.low,
        "that"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "there"
            | "the"
            | "this"
            | "these"
            | "his"
            | "her"
            | "their"
            | "its"
            | "a"
            | "an"
            | "some"
            | "many"
            | "more"
            | "out"
            | "up"
            | "to"
            | "on"
            | "in"
            | "about"
    ) {
        return true;
    }
    x.is_cap() || x.kind == TokenKind::Number
}

/// Whether the noun phrase `np` before verb `j` can be its subject.
fn plausible_subject(ws: &[W<'_>], np: std::ops::Range<usize>, j: usize) -> bool {
    let Some(last) = ws.get(np.end.saturating_sub(1)) else {
        return false;
    };
    if np.end == np.start {
        return false;
    }
    // A determiner or preposition right before the verb makes it a noun ("the claims").
    if last.lx(lex::DETERMINER)
        || matches!(
            last.low,
            "of" | "in" | "on" | "for" | "with" | "by" | "to" | "from" | "about" | "no" | "any"
        )
    {
        return false;
    }
    let w = &ws[j];
    let nounlike = matches!(
        w.low,
        "claims"
            | "claim"
            | "reports"
            | "report"
            | "notes"
            | "note"
            | "posts"
            | "post"
            | "states"
            | "state"
            | "fears"
            | "fear"
            | "hopes"
            | "hope"
            | "doubts"
            | "doubt"
            | "estimates"
            | "estimate"
            | "views"
            | "view"
            | "questions"
            | "question"
            | "details"
            | "comments"
            | "comment"
            | "answers"
            | "answer"
            | "remarks"
            | "promise"
            | "promises"
            | "pledge"
            | "pledges"
            | "support"
            | "supports"
            | "counters"
            | "tweets"
            | "tweet"
            | "shows"
            | "show"
            | "finds"
            | "find"
            | "warns"
            | "warning"
            | "wants"
            | "want"
            | "feel"
            | "thought"
            | "cites"
            | "blame"
            | "vows"
            | "vow"
    );
    // "an official report says": the word is a noun when a reporting verb follows it.
    if nounlike
        && ws
            .get(j + 1)
            .is_some_and(|x| !x.quoted && x.has(classes::CUE_VERB))
    {
        return false;
    }
    if nounlike {
        let l = last.low;
        if l.ends_with("'s") || l.ends_with('\'') {
            return false;
        }
        let ok = last.lx(lex::PRONOUN)
            || (lexicon::QUANTIFIERS
                .iter()
                .any(|q| q.len() == 1 && q[0] == l)
                && !w.low.ends_with('s'))
            || last.is_cap()
            || last.has(classes::VAGUE_NOUN | classes::ROLE_NOUN)
            || (l.ends_with('s') && !l.ends_with("ss") && np.len() <= 3);
        if !ok {
            return false;
        }
    }
    true
}

/// Whether the attribution starting at `np_start` comes after its content ("…, she said").
fn attribution_follows_content(ws: &[W<'_>], np_start: usize) -> bool {
    ws.get(np_start.wrapping_sub(1))
        .is_some_and(|p| matches!(p.text, "," | "”" | "\"" | "''" | "’" | "—"))
}

/// Whether the words before a speaker's comma are a sentence adverb or a short fronted
/// adjunct, not fronted speech: "However, Ana Ruiz said …", "In a statement on Monday, Acme
/// said …", "Speaking in Leeds, she said …".
fn fronted_adjunct_before(ws: &[W<'_>]) -> bool {
    let mut words = ws.iter().filter(|w| w.is_word());
    let Some(first) = words.next() else {
        return false;
    };
    let rest = words.take(8).count();
    if rest >= 8 || ws.iter().any(|w| w.quoted) {
        return false;
    }
    rest == 0
        || matches!(
            first.low,
            "in" | "at"
                | "on"
                | "during"
                | "after"
                | "before"
                | "speaking"
                | "writing"
                | "asked"
                | "responding"
                | "commenting"
                | "interviewed"
                | "addressing"
                | "but"
                | "and"
                | "earlier"
                | "later"
        )
}

/// The content before token `end` (excluding trailing punctuation).
fn content_before(ws: &[W<'_>], end: usize) -> Option<Span> {
    content_span(&ws[..end.min(ws.len())])
}

/// From the first to the last token of `ws` that is a word, a number or quoted punctuation.
/// Scans in from both ends, so it costs only the punctuation it skips.
fn content_span(ws: &[W<'_>]) -> Option<Span> {
    let keep = |w: &W<'_>| w.kind != TokenKind::Punct || w.quoted;
    let f = ws.iter().find(|w| keep(w))?;
    let l = ws.iter().rev().find(|w| keep(w))?;
    Some(f.span.cover(l.span))
}

/// An attribution whose cue is the verb `w` (word `j` of `ws`), with `source` and the content
/// that follows the verb.
fn verb_attribution(
    w: &W<'_>,
    lemma: &'static str,
    source: Source,
    ws: &[W<'_>],
    j: usize,
) -> Attribution {
    Attribution {
        cue: Cue {
            span: w.span,
            lemma,
            kind: CueKind::Verb,
            token: w.tok,
        },
        source: Some(source),
        content: content_after(ws, j + 1),
    }
}

/// The content from token `start` to the end of the sentence, after "that" or a colon.
fn content_after(ws: &[W<'_>], start: usize) -> Option<Span> {
    let mut k = start;
    // "told reporters that …": skip a short object up to "that".
    if let Some(t) = ws[k.min(ws.len())..]
        .iter()
        .take(6)
        .position(|w| w.is("that") && !w.quoted)
    {
        k += t + 1;
    }
    while ws.get(k).is_some_and(|w| matches!(w.text, ":" | ",")) {
        k += 1;
    }
    content_span(ws.get(k..)?)
}

/// The content around an "according to" phrase at `j..np_end`.
fn content_around(ws: &[W<'_>], j: usize, np_end: usize) -> Option<Span> {
    if j > 1 {
        content_before(ws, j)
    } else {
        content_after(ws, np_end)
    }
}

/// The index of the word before `j`, skipping adverbs and auxiliaries.
fn prev_skipping(ws: &[W<'_>], j: usize) -> Option<usize> {
    let mut k = j;
    while k > 0 {
        k -= 1;
        let w = &ws[k];
        if w.quoted {
            return None;
        }
        if w.is_word()
            && (w.low.ends_with("ly") && w.low.len() > 4 && !w.is("only")
                // (Each of these is an adverb of a list the classes carry.)
                || w.lx(lex::BETWEEN | lex::OTHER_ADVERB)
                    && matches!(
                        w.low,
                        "also" | "long" | "since" | "now" | "once" | "further"
                    ))
        {
            continue;
        }
        return Some(k);
    }
    None
}

/// A passive reporting verb at `j` with its "be" at `p`.
fn passive_cue(ws: &[W<'_>], j: usize, p: usize) -> Option<Attribution> {
    let w = &ws[j];
    let needs_as = *lexicon::PASSIVE_VERBS.get(w.low)?;
    let next = ws.get(j + 1).filter(|x| !x.quoted);
    let next_low = next.map_or("", |x| x.low);
    if needs_as && !matches!(next_low, "as" | "by") {
        return None;
    }
    // "condemned to death", "confirmed as chairman", "considered for the job",
    // "reported missing" are not attributions.
    if matches!(next_low, "to" | "for" | "in" | "into")
        && !matches!(
            w.low,
            "believed"
                | "thought"
                | "said"
                | "understood"
                | "reported"
                | "rumoured"
                | "rumored"
                | "alleged"
                | "feared"
                | "claimed"
        )
    {
        return None;
    }
    if w.is("confirmed") && matches!(next_low, "as" | "dead" | "that") {
        return None;
    }
    if w.is("considered") && !matches!(next_low, "to" | "as" | "by" | "a" | "an" | "the" | "one") {
        return None;
    }
    // "it is said" / "is said to": "said" as a passive only with those.
    if w.is("said")
        && next_low != "to"
        && !ws[..p]
            .iter()
            .rev()
            .find(|x| x.is_word())
            .is_some_and(|x| x.is("it"))
    {
        return None;
    }
    // The auxiliary chain: "has been", "were", "is widely".
    let mut start = p;
    while start > 0
        && matches!(
            ws[start - 1].low,
            "has" | "have" | "had" | "been" | "will" | "would" | "may" | "might" | "could" | "be"
        )
    {
        start -= 1;
    }
    let mut source = None;
    if next_low == "by" {
        let np = source::np_forward(ws, j + 2)?;
        source = Some(source::make(ws, np));
    }
    Some(Attribution {
        cue: Cue {
            span: ws[start].span.cover(w.span),
            lemma: w.verb_lemma().unwrap_or("be"),
            kind: CueKind::Passive,
            token: w.tok,
        },
        source,
        content: None,
    })
}

/// Anonymity markers in sentence `si` and the reasons given for them.
#[cfg(test)]
fn find_anonymity(draft: &Draft, prose: &Prose, si: usize, ws: &[W<'_>]) -> Vec<Anonymity> {
    let mut out = Vec::new();
    find_anonymity_into(draft, prose, si, ws, &mut out);
    out
}

/// [`find_anonymity`], appended to `out`.
fn find_anonymity_into(
    draft: &Draft,
    prose: &Prose,
    si: usize,
    ws: &[W<'_>],
    out: &mut Vec<Anonymity>,
) {
    for i in 0..ws.len() {
        if !ws[i].has(classes::ANONYMITY_FIRST) {
            continue;
        }
        // Only a phrase of this first word can match here.
        for pat in lexicon::anonymity_from(ws[i].low) {
            // "familiar with", "close to" … mark anonymity only after a source noun.
            // "familiar with", "close to" … make a source anonymous (see `source`), but do
            // not by themselves promise anonymity.
            let weak = matches!(pat[0], "familiar" | "close" | "with" | "briefed" | "privy");
            if weak || !phrase_at(ws, i, pat) {
                continue;
            }
            let span = ws[i].span.cover(ws[i + pat.len() - 1].span);
            let mut reason = find_reason(ws, i + pat.len());
            if reason.is_none() {
                let next = si + 1;
                if prose
                    .sentences
                    .get(next)
                    .is_some_and(|s| s.block == prose.sentences[si].block)
                {
                    let nws = sentence_words(draft, prose, next);
                    reason = find_reason(&nws, 0);
                }
            }
            // "not authorized to speak" is itself the reason.
            if pat.contains(&"authorized") || pat.contains(&"authorised") {
                reason = Some(span);
            }
            out.push(Anonymity { span, reason });
            break;
        }
    }
}

fn find_reason(ws: &[W<'_>], from: usize) -> Option<Span> {
    for i in from..ws.len() {
        if !ws[i].has(classes::ANONYMITY_REASON_FIRST) {
            continue;
        }
        for pat in lexicon::ANONYMITY_REASONS.iter() {
            if phrase_at(ws, i, pat) {
                return Some(ws[i].span.cover(ws[i + pat.len() - 1].span));
            }
        }
    }
    None
}

/// "Name: “…”" or "“…” ― Name": a speaker introduced by a colon or a dash.
fn dash_or_colon_speaker(
    draft: &Draft,
    prose: &Prose,
    qi: usize,
    q: &crate::prose::Quotation,
) -> Option<QuotationSpeaker> {
    let (first_block, first) = q.parts.first()?;
    let text = &draft.blocks.get(*first_block)?.text;
    let before = text.get(..first.start)?.trim_end();
    let before = before
        .strip_suffix(['“', '"', '‘', '\''])
        .unwrap_or(before)
        .trim_end();
    let mk = |span: Span, pos| QuotationSpeaker {
        quotation: qi,
        speaker: Some(Source {
            span,
            kind: SourceKind::Named,
            antecedent: None,
        }),
        cue: None,
        position: Some(pos),
    };
    if let Some(head) = before.strip_suffix(':') {
        let name_start = head
            .rfind(['.', ';', '!', '?', '”', '"'])
            .map_or(0, |i| i + 1);
        let name = head.get(name_start..).unwrap_or("").trim();
        if name.chars().next().is_some_and(char::is_uppercase)
            && name.split_whitespace().count() <= 6
        {
            let b = &draft.blocks[*first_block];
            let off =
                name_start + (head.len() - name_start - head[name_start..].trim_start().len());
            return Some(mk(
                b.source_span(off, off + name.len()),
                QuotePosition::Before,
            ));
        }
    }
    let (last_block, last) = q.parts.last()?;
    let text = &draft.blocks.get(*last_block)?.text;
    let after = text.get(last.end..)?;
    let after_close = after.trim_start_matches(['”', '"', '’', '\'', ' ', '\u{a0}', '.', ',']);
    if let Some(rest) = after_close.strip_prefix(['―', '—', '–']) {
        let rest_trim = rest.trim_start_matches([' ', '\u{a0}']);
        if rest_trim.chars().next().is_some_and(char::is_uppercase) {
            let off = text.len() - rest_trim.len();
            let end = off
                + rest_trim
                    .find(['.', ',', ';', '('])
                    .unwrap_or(rest_trim.len());
            let _ = prose;
            return Some(mk(
                draft.blocks[*last_block].source_span(off, end),
                QuotePosition::After,
            ));
        }
    }
    None
}

/// The sentences of each block, found once: `starts[b]..starts[b + 1]` are the indices of the
/// sentences of block `b` (sentences are in block order).
struct BlockSentences<'p> {
    prose: &'p Prose,
    starts: Vec<usize>,
}

impl<'p> BlockSentences<'p> {
    /// The table for the blocks of `draft`, read from the blocks of the sentences' summaries.
    fn new(draft: &Draft, prose: &'p Prose, summaries: &[SentenceSummary]) -> Self {
        let blocks = draft.blocks.len();
        let mut starts = Vec::with_capacity(blocks + 1);
        let mut si = 0;
        for b in 0..=blocks {
            while summaries.get(si).is_some_and(|s| s.block() < b) {
                si += 1;
            }
            starts.push(si);
        }
        BlockSentences { prose, starts }
    }

    /// The indices of the sentences of block `block`.
    fn of(&self, block: usize) -> std::ops::Range<usize> {
        match (self.starts.get(block), self.starts.get(block + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => block_sentences(self.prose, block),
        }
    }
}

/// The indices of the sentences of block `block`, by binary search.
fn block_sentences(prose: &Prose, block: usize) -> std::ops::Range<usize> {
    let a = prose.sentences.partition_point(|s| s.block < block);
    let b = prose.sentences.partition_point(|s| s.block <= block);
    a..b
}

/// The unattributed sentences wholly inside quotation `q` (all their words but punctuation,
/// and some), into `inside`.
fn sentences_inside(
    prose: &Prose,
    summaries: &[SentenceSummary],
    by_block: &BlockSentences<'_>,
    q: &crate::prose::Quotation,
    inside: &mut Vec<usize>,
) {
    for (block, range) in &q.parts {
        // Only the block's sentences that overlap the quoted range can have all their words
        // inside it: the sentences of a block follow one another, so they are found by binary
        // search (a long paragraph with many quotations stays linear).
        let all = by_block.of(*block);
        let sents = prose.sentences.get(all.clone()).unwrap_or_default();
        let lo = all.start + sents.partition_point(|s| s.range.end <= range.start);
        let hi = all.start + sents.partition_point(|s| s.range.start < range.end);
        for si in lo..hi {
            let Some(summary) = summaries.get(si) else {
                continue;
            };
            if summary.block() != *block || summary.scope != Scope::Unattributed {
                continue;
            }
            let Some(s) = prose.sentences.get(si) else {
                continue;
            };
            // Its words (punctuation aside), read in place: some, and all inside.
            let mut words = prose.tokens[s.tokens.clone()]
                .iter()
                .filter(|t| t.kind() != TokenKind::Punct)
                .peekable();
            if words.peek().is_some()
                && words.all(|t| range.start <= t.range().start && t.range().end <= range.end)
            {
                inside.push(si);
            }
        }
    }
}

/// Finds the speaker of every quotation; and into `inside`, the unattributed sentences wholly
/// inside a quotation whose speaker is found (a sentence may come more than once), whose scope
/// is then [`Scope::Quotation`].
fn quotation_speakers(
    draft: &Draft,
    prose: &Prose,
    atts: &Attributions,
    by_block: &BlockSentences<'_>,
    inside: &mut Vec<usize>,
) -> Vec<QuotationSpeaker> {
    let summaries = &atts.summaries;
    // Whether sentence `si` has an attribution that can name a speaker (a source, and a cue
    // other than a passive), as its summary says.
    let speaks = |si: usize| {
        summaries
            .get(si)
            .is_some_and(|s| s.has(SentenceSummary::SPEAKER))
    };
    let mut out = Vec::with_capacity(prose.quotations.len());
    // Sentences the quotation touches (one buffer for all quotations).
    let mut touched: Vec<usize> = Vec::new();
    for (qi, q) in prose.quotations.iter().enumerate() {
        let mut found: Option<QuotationSpeaker> = None;
        touched.clear();
        for (block, range) in &q.parts {
            for si in by_block.of(*block) {
                let s = &prose.sentences[si];
                if s.range.start < range.end.max(range.start + 1) && range.start < s.range.end + 1 {
                    touched.push(si);
                }
            }
        }
        for &si in &touched {
            if !speaks(si) {
                continue;
            }
            if let Some(a) = atts
                .attributions_of(si)
                .iter()
                .find(|a| a.source.is_some() && a.cue.kind != CueKind::Passive)
            {
                let pos = if a.cue.span.end <= q.open.start {
                    QuotePosition::Before
                } else if q.close.is_some_and(|c| a.cue.span.start >= c.end)
                    || a.cue.span.start >= q.span.end
                {
                    QuotePosition::After
                } else {
                    QuotePosition::Middle
                };
                found = Some(QuotationSpeaker {
                    quotation: qi,
                    speaker: a.source.clone(),
                    cue: Some(a.cue.span),
                    position: Some(pos),
                });
                break;
            }
        }
        if found.is_none() {
            found = dash_or_colon_speaker(draft, prose, qi, q);
        }
        if found.is_none() {
            // A neighbouring sentence in the same paragraph, or the paragraph before or after.
            let first = touched.first().copied();
            let last = touched.last().copied();
            let before = first.and_then(|f| f.checked_sub(1));
            let after = last.map(|l| l + 1);
            for c in before.into_iter().chain(after) {
                if !speaks(c) {
                    continue;
                }
                let near = match (
                    prose.sentences.get(c),
                    first.and_then(|f| prose.sentences.get(f)),
                ) {
                    (Some(cs), Some(fs)) => cs.block + 1 >= fs.block && cs.block <= fs.block + 1,
                    _ => false,
                };
                if !near {
                    continue;
                }
                if let Some(a) = atts
                    .attributions_of(c)
                    .iter()
                    .find(|a| a.source.is_some() && a.cue.kind != CueKind::Passive)
                {
                    found = Some(QuotationSpeaker {
                        quotation: qi,
                        speaker: a.source.clone(),
                        cue: Some(a.cue.span),
                        position: Some(QuotePosition::Context),
                    });
                    break;
                }
            }
        }
        let _ = draft;
        if found.as_ref().is_some_and(|f| f.speaker.is_some()) {
            sentences_inside(prose, summaries, by_block, q, inside);
        }
        out.push(found.unwrap_or(QuotationSpeaker {
            quotation: qi,
            speaker: None,
            cue: None,
            position: None,
        }));
    }
    out
}

#[cfg(test)]
mod tests;
