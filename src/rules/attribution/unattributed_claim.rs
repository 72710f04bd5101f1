use crate::analysis::attribution::claims::{claim, may_be_claim};
use crate::analysis::attribution::{Scope, SentenceSummary, sentence_words_into};
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::prose::{TokenKind, classes};
use crate::rules::{Rule, RuleMeta};
use rustc_hash::FxHashSet as HashSet;
use std::cell::OnceCell;
use std::sync::LazyLock;

crate::declare_rule! {
    /// Flags a claim a reader would want sourced when nothing in scope attributes it.
    ///
    /// ## What it flags
    /// A sentence of copy that asserts something checkable: figures and statistics (a number
    /// with a unit or scale, "40 percent", "£3 million", numbers in words, "two-thirds"),
    /// measures ("the rate", "the average", "a majority"), change over time ("rose", "fell",
    /// "doubled", "went up", "cut", "lost"), comparisons and records ("more … than", "the
    /// highest", "in history", "since 2019"), votes, vetoes and laws, public money ("budget",
    /// "deficit", "taxes", "costs"), causes, accusations and crimes, casualties, and what was
    /// done in private ("secretly"); public affairs (war, health, crime, schools, energy,
    /// prices) add weight. Each signal is weighed against what makes a sentence an opinion, a
    /// plan or a courtesy (modal and future verbs, also contracted: "won't", "can't", "we'll";
    /// "I think", "we need to", judgements such as "great" or "wrong", infinitives of purpose,
    /// values, thanks, conditionals, imperatives); a sentence is flagged only when it has a
    /// concrete signal and the evidence adds up.
    ///
    /// Not claims: questions; sentences with quoted words or a reporting verb (someone is
    /// cited; a verb that also means doing, such as "added", "found" or "maintained", cites
    /// only before "that" or a pause: "found that …" is a report, "found asbestos" a claim);
    /// results of games, races, awards and charts, which are public record; acts of speech and
    /// stance ("praised", "urged", "accused"), which are their subject's own account; dates of
    /// public events, a person's office and other background without a figure or a change;
    /// headlines and fragments.
    ///
    /// A claim is not flagged when it is attributed: it carries its own attribution, sits in
    /// an attributed quotation, continues the reported speech of the sentence before it,
    /// shares its paragraph with an attribution, or a paragraph up to three away attributes
    /// an account of the same subject (the two share a content word; function words such as
    /// "because" and contractions such as "it's" do not count). A claim with no source in that
    /// reach is flagged at its strongest signal.
    ///
    /// ## Why it matters
    /// AP: "AP news reports must attribute any disputable facts that were not witnessed,
    /// gathered or confirmed on our own." Reuters: source every statement "unless it is an
    /// established fact". The BBC: claims and material facts that cannot be corroborated
    /// "should normally be attributed".
    ///
    /// ## Example
    /// ```markdown
    /// The new bypass cut journey times by 40 percent.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// The new bypass cut journey times by 40 percent, according to the county's transport
    /// department.
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the source is the reporter's to add.
    ///
    /// ## Options
    /// None.
    pub struct UnattributedClaim {
        id: "attribution/unattributed-claim",
        severity: Warning,
        enabled: true,
    }
}

impl Rule for UnattributedClaim {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let atts = ctx.attributions();
        let blocks = ctx.draft.blocks.len();
        // Paragraphs that attribute, and the content words of what they attribute.
        let mut paragraph_attributed = vec![false; blocks];
        for s in &atts.summaries {
            if s.scope == Scope::Own
                && let Some(slot) = paragraph_attributed.get_mut(s.block())
            {
                *slot = true;
            }
        }
        let near = Near::new(ctx, &paragraph_attributed, SCAN_MAX);
        // The words of a sentence, one buffer for all.
        let mut ws = Vec::new();
        // The summaries give each sentence's scope, attributions and paragraph.
        for (i, s) in atts.summaries.iter().enumerate() {
            if s.is_attributed() || s.has(SentenceSummary::ATTRIBUTIONS) {
                continue;
            }
            // An attribution elsewhere in the paragraph covers it: news copy states the
            // source once per paragraph ("Sales fell 5%. The weather was to blame, the firm
            // said.").
            if paragraph_attributed.get(s.block()).is_some_and(|&a| a) {
                continue;
            }
            let Some(sent) = ctx.prose.sentences.get(i) else {
                continue;
            };
            if ctx
                .draft
                .blocks
                .get(sent.block)
                .is_none_or(|b| b.is_heading())
            {
                continue;
            }
            // Quoted words or a fragment: no claim, whatever the words (see `claim`).
            let tokens = ctx.prose.sentence_tokens(i);
            if !may_be_claim(tokens) {
                continue;
            }
            // Nothing concrete to check: no claim, and its words need not be read.
            let text = ctx
                .draft
                .blocks
                .get(sent.block)
                .map_or("", |b| b.text.as_str());
            if !may_have_signal(tokens, text) {
                continue;
            }
            sentence_words_into(ctx.draft, ctx.prose, i, &mut ws);
            let Some(c) = claim(&ws) else {
                continue;
            };
            if near.covers(i) {
                continue;
            }
            out.push(Diagnostic::new(
                &Self::META,
                c.span,
                "Who says so? This claim has no source.",
            ));
        }
    }
}

/// The claim classes (of `src/analysis/lexicons/attribution/claims_*.txt`) whose words give a
/// sentence a concrete signal by themselves: without a concrete signal, `claims::claim`
/// finds no claim.
const SIGNAL_CLASSES: [&str; 11] = [
    "scale",
    "numword",
    "change",
    "record",
    "policy",
    "causal",
    "accusation",
    "casualty",
    "secrecy",
    "stat",
    "superlative",
];

/// The other words at which `claims::claim` can find a concrete signal: "than" (a
/// comparison), "since", "history" and "ever" (records), forms of "go" ("went up").
const SIGNAL_WORDS: [&str; 9] = [
    "than", "since", "history", "ever", "go", "goes", "went", "gone", "going",
];

/// The words of the class [`classes::CLAIM_SIGNAL`]: those of [`SIGNAL_CLASSES`] in the
/// claim lexicons, and [`SIGNAL_WORDS`].
pub(super) fn signal_words() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = SIGNAL_WORDS.to_vec();
    for data in [
        include_str!("../../analysis/lexicons/attribution/claims_signals.txt"),
        include_str!("../../analysis/lexicons/attribution/claims_against.txt"),
        include_str!("../../analysis/lexicons/attribution/claims_exempt.txt"),
    ] {
        for line in data.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if let Some((class, words)) = line.split_once(": ")
                && SIGNAL_CLASSES.contains(&class)
            {
                out.extend(words.split_whitespace());
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a sentence of `tokens` (of block text `text`) may carry a concrete signal of a
/// claim, as `claims::claim` reads one: a number, a word of [`classes::CLAIM_SIGNAL`], a
/// compound ("two-thirds") or a word in "-est" (in ASCII; any word that is not ASCII is let
/// through). A sentence without one is no claim.
#[inline]
fn may_have_signal(tokens: &[crate::prose::Token], text: &str) -> bool {
    tokens.iter().any(|t| match t.kind() {
        TokenKind::Number => true,
        TokenKind::Word => {
            t.class & classes::CLAIM_SIGNAL != 0 || {
                let b = text.as_bytes().get(t.range()).unwrap_or(&[]);
                (b.len() > 5 && b[b.len() - 3..].eq_ignore_ascii_case(b"est"))
                    || b.contains(&b'-')
                    || !b.is_ascii()
            }
        }
        _ => false,
    })
}

/// How many paragraphs either side of a sentence its context reaches.
const NEIGHBOURS: usize = 3;

/// The longest paragraph (in tokens) whose words a claim near it reads afresh, stopping at the
/// first word it shares; a longer one is read once into a set that every claim near it asks.
const SCAN_MAX: usize = 400;

/// The attributed paragraphs around a claim and the content words they share with it.
struct Near<'c, 'a> {
    ctx: &'c LintContext<'a>,
    /// Whether each paragraph carries an attribution of its own.
    attributed: &'c [bool],
    /// The content words of each long attributed paragraph, gathered when a claim near it
    /// asks (claims are few: most paragraphs are never asked about).
    sets: Vec<OnceCell<HashSet<&'a str>>>,
    /// Paragraphs of more tokens than this are asked through [`Near::sets`].
    scan_max: usize,
}

impl<'c, 'a> Near<'c, 'a> {
    fn new(ctx: &'c LintContext<'a>, attributed: &'c [bool], scan_max: usize) -> Self {
        Near {
            ctx,
            attributed,
            sets: (0..attributed.len()).map(|_| OnceCell::new()).collect(),
            scan_max,
        }
    }

    /// The sentences of paragraph `b`.
    fn sentences(&self, b: usize) -> std::ops::Range<usize> {
        // The summaries, eight bytes each, follow the sentences and carry their blocks.
        let summaries = &self.ctx.attributions().summaries;
        let first = summaries.partition_point(|s| s.block() < b);
        let end = first + summaries[first..].partition_point(|s| s.block() <= b);
        first..end
    }

    /// Whether attributed paragraph `b` has one of `words` among its content words.
    fn shares(&self, b: usize, words: &[&str]) -> bool {
        let ctx = self.ctx;
        let range = self.sentences(b);
        let tokens = match (range.clone().next(), range.clone().next_back()) {
            (Some(f), Some(l)) => {
                ctx.prose.sentences[l].tokens.end - ctx.prose.sentences[f].tokens.start
            }
            _ => 0,
        };
        if tokens <= self.scan_max {
            // Every word of `words` is a content word, and whether a word is one depends on the
            // word alone: a paragraph word equal to one of them is a content word too. So the
            // paragraph's words are compared as they are (possessive stripped), without the
            // content-word filter, and most are ruled out by their length and first byte.
            let sketch = words.iter().fold(0u64, |m, w| m | word_sketch(w));
            let prose = ctx.prose;
            return range
                .flat_map(|i| prose.sentences.get(i).map_or(0..0, |s| s.tokens.clone()))
                .any(|ti| {
                    prose.tokens.get(ti).is_some_and(|t| {
                        t.kind() == TokenKind::Word && !t.quoted() && may_be_content(t)
                    }) && {
                        let low = prose.token_lower(ctx.draft, ti);
                        let low = low.strip_suffix("'s").unwrap_or(low);
                        sketch & word_sketch(low) != 0 && words.contains(&low)
                    }
                });
        }
        let set = self.sets[b].get_or_init(|| {
            // Gathered first, so that the set is made once at its size (no rehashing).
            let all: Vec<&str> = range.flat_map(|i| content_words(ctx, i)).collect();
            let mut set = HashSet::with_capacity_and_hasher(all.len(), Default::default());
            set.extend(all);
            set
        });
        words.iter().any(|w| set.contains(w))
    }

    /// Whether the context covers sentence `i`: a paragraph within [`NEIGHBOURS`] of it
    /// attributes an account of the same subject (they share a content word).
    fn covers(&self, i: usize) -> bool {
        let Some(sent) = self.ctx.prose.sentences.get(i) else {
            return true;
        };
        let mut near = (sent.block.saturating_sub(NEIGHBOURS)..=sent.block + NEIGHBOURS)
            .filter(|&b| b != sent.block && self.attributed.get(b).copied().unwrap_or(false))
            .peekable();
        // No attributed paragraph near: nothing to share a word with (the words are not read).
        if near.peek().is_none() {
            return false;
        }
        let words: Vec<&str> = content_words(self.ctx, i).collect();
        if words.is_empty() {
            return false;
        }
        near.any(|b| self.shares(b, &words))
    }
}

/// Short and common words that do not tie two sentences to one subject.
pub(in crate::rules) const STOPWORDS: [&str; 90] = [
    "that",
    "this",
    "these",
    "those",
    "with",
    "from",
    "have",
    "been",
    "were",
    "will",
    "would",
    "could",
    "should",
    "their",
    "there",
    "they",
    "them",
    "than",
    "then",
    "into",
    "over",
    "after",
    "before",
    "about",
    "which",
    "what",
    "when",
    "where",
    "while",
    "also",
    "more",
    "most",
    "said",
    "says",
    "year",
    "years",
    "people",
    "some",
    "such",
    "only",
    "just",
    "like",
    "very",
    "many",
    "much",
    "other",
    "time",
    "first",
    "last",
    "going",
    "make",
    "made",
    "country",
    "government",
    "president",
    "world",
    "today",
    "percent",
    "million",
    "billion",
    "because",
    "think",
    "well",
    "know",
    "actually",
    "course",
    "take",
    "good",
    "things",
    "thing",
    "want",
    "need",
    "believe",
    "every",
    "same",
    "still",
    "tell",
    "really",
    "something",
    "anything",
    "even",
    "back",
    "being",
    "here",
    "come",
    "does",
    "doing",
    "done",
    "sure",
    "right",
];

/// [`STOPWORDS`] as a set (for words that are not tokens as written; a token's class
/// [`classes::STOPWORD`] answers for it).
static STOPWORD_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.iter().copied().collect());

/// A bit for a word's length and first byte: two words of different bits differ.
fn word_sketch(w: &str) -> u64 {
    let b = w.as_bytes();
    b.first()
        .map_or(0, |&f| 1 << ((b.len() % 8) * 8 + usize::from(f % 8)))
}

/// Whether word token `t` may be a content word once lowered and its possessive stripped (see
/// [`content_words`]), by what it is as written: three bytes or more (lower case is at most
/// half as long again, and a content word has four or more) and not a stop word (a stop word
/// has no apostrophe, so its possessive is never stripped).
#[inline]
fn may_be_content(t: &crate::prose::Token) -> bool {
    t.range().len() >= 3 && t.class & classes::STOPWORD == 0
}

/// The lowercase content words of sentence `i` (four letters or more, not common words),
/// outside quotations.
/// (An iterator, with a word as often as it occurs: callers only ask whether any is in a set,
/// or collect them into one.)
fn content_words<'a>(ctx: &LintContext<'a>, i: usize) -> impl Iterator<Item = &'a str> + 'a {
    let prose = ctx.prose;
    let draft = ctx.draft;
    prose
        .sentences
        .get(i)
        .map_or(0..0, |s| s.tokens.clone())
        .filter_map(|ti| {
            let t = prose.tokens.get(ti)?;
            if t.kind() != TokenKind::Word || t.quoted() || !may_be_content(t) {
                return None;
            }
            let full = prose.token_lower(draft, ti);
            // A possessive is its noun ("council's"); other contractions ("don't", "we're")
            // are function words.
            let low = full.strip_suffix("'s").unwrap_or(full);
            // Four characters or more (sixteen bytes always hold four: no need to count).
            let long = low.len() >= 16 || (low.len() >= 4 && low.chars().count() >= 4);
            // A word as written has its class (of its lower-case form); a possessive stripped
            // is looked up.
            (long
                && !low.contains('\'')
                && !if low.len() == full.len() {
                    t.class & classes::STOPWORD != 0
                } else {
                    STOPWORD_SET.contains(low)
                })
            .then_some(low)
        })
}

#[cfg(test)]
mod tests {
    use super::{Near, Scope};
    use crate::context::LintContext;
    use crate::rules::attribution::test_util::flagged;

    /// Whether each sentence of `text` is covered, read through sets of paragraph words (the
    /// reference) and by scanning the paragraphs.
    fn covers_both_ways(text: &str) -> Vec<(bool, bool)> {
        let a = crate::Analyzed::new(text);
        let settings = crate::Settings::default();
        let ctx = LintContext::new(text, &a.draft, &a.prose, &settings);
        let mut attributed = vec![false; a.draft.blocks.len()];
        for s in &ctx.attributions().sentences {
            if s.scope == Scope::Own {
                attributed[a.prose.sentences[s.sentence].block] = true;
            }
        }
        let by_set = Near::new(&ctx, &attributed, 0);
        let by_scan = Near::new(&ctx, &attributed, usize::MAX);
        (0..a.prose.sentences.len())
            .map(|i| (by_set.covers(i), by_scan.covers(i)))
            .collect()
    }

    /// Lower-casing never makes a word more than half as long again, so a word of two bytes or
    /// fewer as written is no content word (`may_be_content`).
    #[test]
    fn lower_case_is_at_most_half_as_long_again() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
            assert!(2 * lower <= 3 * c.len_utf8(), "{c:?}");
        }
    }

    /// The content words read through the stop-word class are those of the stop-word set.
    #[test]
    fn content_words_agree_with_the_stopword_set() {
        use super::{STOPWORD_SET, content_words};
        use crate::prose::TokenKind;
        let text = "The council's budget doubled because Those people's homes were THERE. \
                    “Very good,” said Government's man; Year years ABOUT About's it's don't \
                    naïve café’s Ελλάδα thing’s Something's rights.";
        let a = crate::Analyzed::new(text);
        let settings = crate::Settings::default();
        let ctx = LintContext::new(text, &a.draft, &a.prose, &settings);
        let mut seen = 0;
        for i in 0..a.prose.sentences.len() {
            let want: Vec<&str> = a.prose.sentences[i]
                .tokens
                .clone()
                .filter(|&ti| {
                    a.prose.tokens[ti].kind() == TokenKind::Word && !a.prose.tokens[ti].quoted()
                })
                .map(|ti| a.prose.token_lower(&a.draft, ti))
                .map(|low| low.strip_suffix("'s").unwrap_or(low))
                .filter(|low| {
                    low.chars().count() >= 4 && !low.contains('\'') && !STOPWORD_SET.contains(low)
                })
                .collect();
            let got: Vec<&str> = content_words(&ctx, i).collect();
            assert_eq!(got, want);
            seen += got.len();
        }
        assert!(seen >= 8, "{seen}");
    }

    #[test]
    fn scanning_a_paragraph_agrees_with_its_word_set() {
        let text = "Ann Lee said the ferry fares were too high.\n\n\
                    Ferry fares went up by 30 percent because fuel costs doubled.\n\n\
                    The harbour lost 40 moorings in the storm.\n\n\
                    Cargo volumes fell, the port's owners said. They expect more losses.\n\n\
                    Harbour dues rose 12 percent.\n\n\
                    It's done.\n\n\
                    The council's budget doubled since 2019.";
        let both = covers_both_ways(text);
        assert!(both.iter().all(|(a, b)| a == b), "{both:?}");
        // Both ways, some sentences are covered and some are not.
        assert!(both.iter().any(|&(a, _)| a));
        assert!(both.iter().any(|&(a, _)| !a));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Random paragraphs of claims and attributions.
        #[test]
        fn scanning_agrees_with_word_sets_on_random_paragraphs(
            paras in proptest::collection::vec(
                proptest::collection::vec(0usize..PARTS.len(), 1..4), 1..8)
        ) {
            let text = paras
                .iter()
                .map(|p| p.iter().map(|&k| PARTS[k]).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n\n");
            let both = covers_both_ways(&text);
            proptest::prop_assert!(both.iter().all(|(a, b)| a == b), "{:?} {:?}", text, both);
        }
    }

    /// Sentences for [`scanning_agrees_with_word_sets_on_random_paragraphs`].
    const PARTS: [&str; 8] = [
        "Ferry fares went up by 30 percent.",
        "The harbour lost 40 moorings in the storm.",
        "Ann Lee said the fares were too high.",
        "The port's owners said the storm was the worst in years.",
        "Harbour dues rose 12 percent since 2019.",
        "The mayor's office said moorings would be rebuilt.",
        "It's done.",
        "Fuel costs doubled in the valley.",
    ];

    /// Every sentence the signal gate rules out is no claim when its words are read: over the
    /// fixture drafts, the tests' sentences and sentences built of signal words in every
    /// position.
    #[test]
    fn the_signal_gate_rules_out_only_non_claims() {
        use crate::analysis::attribution::claims::claim;
        use crate::analysis::attribution::sentence_words_into;
        let mut texts = crate::rules::attribution::test_util::fixture_drafts();
        assert!(texts.len() >= 5, "{}", texts.len());
        texts.extend(PARTS.iter().map(|s| s.to_string()));
        // A signal of each kind in an otherwise plain sentence, and the plain sentence.
        let plain = "The old mill by the river was painted green and white by the owners";
        for w in super::signal_words().into_iter().chain([
            "40",
            "2019",
            "3rd",
            "£3",
            "two-thirds",
            "five-year",
            "cover-up",
            "the latest",
            "the fastest",
            "the Biggest",
            "the honest",
            "went up",
            "since",
            "the most",
            "more than",
            "in history",
            "naïve",
            "café",
        ]) {
            texts.push(format!("{plain} {w} last year."));
            texts.push(format!("{w} {plain}."));
        }
        texts.push(format!("{plain}."));
        let (mut gated, mut claims) = (0, 0);
        for text in &texts {
            let a = crate::Analyzed::new(text);
            let mut ws = Vec::new();
            for (i, sent) in a.prose.sentences.iter().enumerate() {
                let tokens = a.prose.sentence_tokens(i);
                let block = &a.draft.blocks[sent.block].text;
                sentence_words_into(&a.draft, &a.prose, i, &mut ws);
                let c = claim(&ws);
                claims += usize::from(c.is_some());
                if !super::may_have_signal(tokens, block) {
                    gated += 1;
                    assert_eq!(c, None, "{:?}", &block[sent.range.clone()]);
                }
            }
        }
        // The gate rules some sentences out, and some sentences are claims.
        assert!(gated >= 10 && claims >= 10, "{gated} {claims}");
    }

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(
            flagged(input, "attribution/unattributed-claim"),
            expected,
            "{input}"
        );
    }

    #[test]
    fn flags_unsourced_claims() {
        check("The new bypass cut journey times by 40 percent.", &["40"]);
        check("The fire killed 12 people in the old mill.", &["12"]);
        check(
            "The mayor took bribes from the builders in the harbour scheme.",
            &["bribes"],
        );
    }

    #[test]
    fn attributed_or_background_is_not_flagged() {
        check(
            "The new bypass cut journey times by 40 percent, the council said.",
            &[],
        );
        check(
            "The new bypass cut journey times by 40 percent. The council said so on Monday.",
            &[],
        );
        check(
            "The bridge opened on March 3, 2024, in the town of Ely.",
            &[],
        );
        check("Ann Lee is the mayor of the town of Ely.", &[]);
        check("“Journey times fell by 40 percent,” Ann Lee said.", &[]);
        check("Should the council spend 40 million on the bypass?", &[]);
    }

    #[test]
    fn function_words_do_not_tie_a_claim_to_an_attribution() {
        // The two paragraphs share only "because": different subjects.
        check(
            "Ann Lee said the harbour is busy because of the summer.\n\n\
             Ferry fares went up by 30 percent because fuel costs doubled.",
            &["30"],
        );
        // They share "fares": the same subject.
        check(
            "Ann Lee said the fares were too high.\n\n\
             Ferry fares went up by 30 percent because fuel costs doubled.",
            &[],
        );
    }
}
