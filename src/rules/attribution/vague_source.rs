use crate::analysis::attribution::{Attributions, CueKind, SentenceSummary, SourceKind};
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::rules::{Lowered, Rule, RuleMeta, concat};
use rustc_hash::FxHashSet as HashSet;

crate::declare_rule! {
    /// Flags sources that identify no one: "officials said", "some experts believe", "it is
    /// believed", "was seen by some as".
    ///
    /// ## What it flags
    /// A reporting or belief verb whose subject names nobody: bare plural source nouns
    /// (sources, officials, experts, analysts, critics, observers, diplomats, insiders,
    /// reports, studies …) without a qualifier that identifies them; quantifier subjects
    /// (some, many, others, most, several …); agentless passives of reporting, belief and
    /// judgement verbs ("it is believed", "has been described as", "has been widely
    /// condemned", "were officially confirmed"); "according to reports"; impersonal phrases
    /// such as "there are fears that" and "questions have been raised". A vague group of
    /// people as the subject of any verb at the start of a clause ("Many residents are
    /// pushing for…") or as the agent of a passive ("was mocked by several councillors") is
    /// flagged too, and so is such a group wherever it holds a view or a feeling: after
    /// adverbs or a parenthetical ("Harbour officials have since balked…", "Some users,
    /// angered by the fares, wrote…"), in a relative clause ("what many economists call…"),
    /// as the holder of a view ("anger among some residents", "For many islanders, …",
    /// "troubling to many") or the one who feels ("has unsettled many commuters", "led some
    /// councillors to doubt…"): the reader is owed a "who?". The group is found across a
    /// relative clause, a participle phrase or a time adverbial before its verb ("economists
    /// who study the island agree…", "skippers working the night route complained…",
    /// "officials this week detailed…"), after an inverted verb ("…, said a handful of
    /// councillors who…"), in a title-case or colon headline ("Some Say…", "Economists: …")
    /// and as the holder of a stance noun ("criticism from some ferry users"). Unnamed
    /// documents and outlets ("by some estimates", "in most polls", "in local news reports",
    /// "amid reports that…", "media reports suggest")
    /// and consensus claims with nobody named ("it is widely accepted", "is generally
    /// agreed", "there is some controversy over", "it has been suggested that", "is known to
    /// have…", "conventional wisdom holds") count as well.
    ///
    /// Not flagged: counts, superlatives and idioms ("some 40 people", "the most visited",
    /// "many an hour"); a quantifier that stands for things ("Most are made in Norway"); a
    /// group that undergoes the verb rather than speaks ("Several islanders are being
    /// questioned"); a named agency ("Reuters news agency reported"); a
    /// name given with "known as"; a group identified by its institution ("officials at the
    /// Harbour Board") or by named members ("economists, like Ada Park, say…"); a vague group
    /// whose named member speaks in the same paragraph ("Analysts said…, said Ada Park, an
    /// analyst at Fenwick Bank"); and a market consensus used as a benchmark ("than analysts
    /// had expected").
    ///
    /// A specific anonymous description ("two port authority officials involved in the
    /// review") is not vague: `attribution/anonymous-source` looks at those. Words inside a
    /// direct quotation are the speaker's and are never flagged.
    ///
    /// ## Why it matters
    /// Vague attribution lends a claim authority without letting the reader judge it. The
    /// AP Stylebook asks for "the most specific possible identification of the source";
    /// Reuters says sources should be identified "by name and position" whenever possible;
    /// Wikipedia's Manual of Style lists "some people say", "it is believed" and "experts
    /// declare" among its weasel words (MOS:WEASEL).
    ///
    /// ## Example
    /// ```markdown
    /// Officials said the ferry service would end in March.
    /// The decision was seen by some as a betrayal of the islanders.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// Transport Minister Ada Park said the ferry service would end in March.
    /// Island councillor Rob Tan called the decision "a betrayal of the islanders".
    /// ```
    ///
    /// ## Fix safety
    /// No fix: only the reporter knows who the source is.
    ///
    /// ## Options
    /// None.
    pub struct VagueSource {
        id: "attribution/vague-source",
        severity: Warning,
        enabled: true,
    }
}

impl Rule for VagueSource {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let atts = ctx.attributions();
        // The named or titled sources of one paragraph, as written: "analysts said" in the
        // paragraph of "said Jane Roe, an analyst at Fenwick Bank" has given the reader one of
        // them. They are gathered when a vague source of that paragraph is first checked: the
        // sentences come in paragraph order, so each paragraph is gathered at most once, and
        // one with no vague source never.
        let mut named = ParagraphNamed::default();
        let mut named_of: Option<u32> = None;
        // Only a sentence whose summary has a vague source, a vague subject or an agentless
        // cue has one to report.
        for (i, summary) in atts.summaries.iter().enumerate() {
            if !summary.has(SentenceSummary::VAGUE) {
                continue;
            }
            for a in atts.attributions_of(i) {
                if let Some(src) = &a.source
                    && (src.kind == SourceKind::Vague || a.cue.kind == CueKind::VagueSubject)
                    && {
                        if named_of != Some(summary.block) {
                            paragraph_named(atts, ctx.source, i, &mut named);
                            named_of = Some(summary.block);
                        }
                        named.names_one_of(src.span.slice(ctx.source))
                    }
                {
                    continue;
                }
                match (&a.source, a.cue.kind) {
                    (Some(src), CueKind::VagueSubject) => {
                        let who = src.span.slice(ctx.source);
                        out.push(Diagnostic::new(
                            &Self::META,
                            src.span,
                            concat(&["Who? “", who, "” does not say who."]),
                        ));
                    }
                    (Some(src), _) if src.kind == SourceKind::Vague => {
                        let span = src.span.cover(a.cue.span);
                        let who = src.span.slice(ctx.source);
                        out.push(Diagnostic::new(
                            &Self::META,
                            span,
                            concat(&[
                                "Which ",
                                Lowered::new(noun(who)).as_str(),
                                "? “",
                                who,
                                "” does not identify the source.",
                            ]),
                        ));
                    }
                    (None, CueKind::Passive) => out.push(Diagnostic::new(
                        &Self::META,
                        a.cue.span,
                        "By whom? This passive hides who says so.",
                    )),
                    (None, CueKind::Impersonal) => out.push(Diagnostic::new(
                        &Self::META,
                        a.cue.span,
                        "Whose? This phrase hides who says so.",
                    )),
                    _ => {}
                }
            }
        }
    }
}

/// The named or titled sources of one paragraph, as written, and for a paragraph of many the
/// words of them all in lower case (made on first use), so that a paragraph of many vague and
/// many named sources is not read once per vague source.
#[derive(Default)]
struct ParagraphNamed<'a> {
    /// The sources, in order.
    texts: Vec<&'a str>,
    /// Their words in lower case, when there are more than [`ParagraphNamed::FEW`].
    words: Option<HashSet<String>>,
}

impl ParagraphNamed<'_> {
    /// Up to this many sources are searched one by one.
    const FEW: usize = 8;

    /// Whether one of the sources names a member of the group `who` (a vague source as
    /// written): its last word, or that word without a plural "s", is a word of one of them.
    fn names_one_of(&mut self, who: &str) -> bool {
        let Some(word) = who
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .rfind(|w| !w.is_empty())
        else {
            return false;
        };
        // In lower case, without an allocation for a short ASCII word.
        let lowered = Lowered::new(word);
        let head = lowered.as_str();
        let single = head.strip_suffix('s').unwrap_or(head);
        if single.len() < 4 {
            return false;
        }
        if self.texts.len() <= Self::FEW {
            return self.texts.iter().any(|text| names_word(text, single, head));
        }
        let texts = &self.texts;
        let words = self.words.get_or_insert_with(|| {
            let mut words = HashSet::default();
            for text in texts {
                // As `names_word` splits and lowers them.
                if text.is_ascii() {
                    words.extend(
                        text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                            .map(str::to_ascii_lowercase),
                    );
                } else {
                    words.extend(
                        text.to_lowercase()
                            .split(|c: char| !c.is_alphanumeric() && c != '-')
                            .map(str::to_string),
                    );
                }
            }
            words
        });
        words.contains(single) || words.contains(head)
    }
}

/// The named or titled sources ([`crate::analysis::attribution::Source::effective_kind`]) of
/// the paragraph of sentence `i`, as written in `source`, into `out` (emptied first), in
/// order. The sentences of a paragraph are one run of `atts.sentences`.
fn paragraph_named<'a>(
    atts: &'a Attributions,
    source: &'a str,
    i: usize,
    out: &mut ParagraphNamed<'a>,
) {
    out.words = None;
    let out = &mut out.texts;
    out.clear();
    let Some(block) = atts.summaries.get(i).map(|s| s.block) else {
        return;
    };
    let start = atts.summaries[..i]
        .iter()
        .rposition(|s| s.block != block)
        .map_or(0, |k| k + 1);
    let end = atts.summaries[i..]
        .iter()
        .position(|s| s.block != block)
        .map_or(atts.summaries.len(), |k| i + k);
    for (k, summary) in atts.summaries[start..end].iter().enumerate() {
        if !summary.has(SentenceSummary::NAMED) {
            continue;
        }
        for a in atts.attributions_of(start + k) {
            if let Some(src) = &a.source
                && matches!(src.effective_kind(), SourceKind::Named | SourceKind::Title)
            {
                out.push(src.span.slice(source));
            }
        }
    }
}

/// Whether a word of `text` (a source as written), in lower case, is `single` or `head` (lower
/// case): an ASCII text is compared in place, any other lowered first.
fn names_word(text: &str, single: &str, head: &str) -> bool {
    let is_sep = |c: char| !c.is_alphanumeric() && c != '-';
    if text.is_ascii() {
        // Byte by byte: in ASCII text a separator is one byte.
        let (single, head) = (single.as_bytes(), head.as_bytes());
        text.as_bytes()
            .split(|&b| !b.is_ascii_alphanumeric() && b != b'-')
            .any(|w| w.eq_ignore_ascii_case(single) || w.eq_ignore_ascii_case(head))
    } else {
        text.to_lowercase()
            .split(is_sep)
            .any(|w| w == single || w == head)
    }
}

/// The noun to ask about: "officials" → "officials", "some" → "ones". It is the last word
/// before any post-modifier: "skippers working the night route" → "skippers", "economists,
/// like their rivals" → "economists".
fn noun(who: &str) -> &str {
    let mut last = None;
    for (i, w) in who.split_whitespace().enumerate() {
        let bare = w.trim_end_matches([',', ';', ':']);
        let starts_modifier = i > 0
            && (matches!(
                bare,
                "who"
                    | "which"
                    | "that"
                    | "like"
                    | "including"
                    | "at"
                    | "in"
                    | "for"
                    | "from"
                    | "with"
                    | "on"
                    | "to"
                    | "inside"
                    | "within"
            ) || bare.ends_with("ing"));
        if starts_modifier {
            break;
        }
        last = Some(bare);
        if bare.len() < w.len() {
            break;
        }
    }
    last.filter(|w| w.len() > 4 && w.chars().all(char::is_alphabetic))
        .unwrap_or("ones")
}

#[cfg(test)]
mod tests {
    use super::ParagraphNamed;
    use crate::rules::attribution::test_util::flagged;

    /// A paragraph of many named sources answers from the set of their words as one of few
    /// answers from the sources themselves.
    #[test]
    fn many_named_sources_answer_as_few() {
        let texts = [
            "Ada Park, an analyst at Fenwick Bank",
            "the harbour-board Chairman",
            "ÉLODIE Roux, économiste",
            "Rob Tan",
            "the Economists' Guild",
            "Jane Roe, a senior EXPERT",
            "Ōno Ken, a Diplomat",
            "the minister",
            "Ann Lee of the Critics' Circle",
            "the Kelvin \u{212A}ey analysts",
        ];
        let whos = [
            "analysts",
            "Analysts",
            "economists",
            "ÉCONOMISTES",
            "some experts",
            "chairmen",
            "harbour-board officials",
            "diplomats",
            "critics",
            "officials",
            "many ministers",
            "keys",
            "guild",
            "a-b",
            "",
        ];
        let mut many = ParagraphNamed {
            texts: texts.to_vec(),
            words: None,
        };
        assert!(many.texts.len() > ParagraphNamed::FEW);
        for who in whos {
            let one_by_one = texts.iter().any(|t| {
                ParagraphNamed {
                    texts: vec![*t],
                    words: None,
                }
                .names_one_of(who)
            });
            assert_eq!(many.names_one_of(who), one_by_one, "{who:?}");
        }
        assert!(many.names_one_of("analysts"));
        assert!(!many.names_one_of("officials"));
    }

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(
            flagged(input, "attribution/vague-source"),
            expected,
            "{input}"
        );
    }

    #[test]
    fn flags_vague_sources() {
        check("Officials said the ferry would stop.", &["Officials said"]);
        check(
            "Many islanders believe the ferry is vital.",
            &["Many islanders believe"],
        );
        check(
            "Council sources suggest the vote is close.",
            &["Council sources suggest"],
        );
        check("The ferry is believed to be unsafe.", &["is believed"]);
        check(
            "The vote was seen by some as a betrayal.",
            &["was seen by some"],
        );
        check(
            "The cuts have been widely condemned.",
            &["have been widely condemned"],
        );
        check(
            "The results were officially confirmed.",
            &["were officially confirmed"],
        );
        check(
            "The ferry, according to reports, will stop.",
            &["according to reports"],
        );
        check(
            "There are fears that the ferry will stop.",
            &["There are fears"],
        );
        // A vague group as the subject of any verb, or as the agent of a passive.
        check(
            "Many islanders are pushing for a new pier.",
            &["Many islanders"],
        );
        check(
            "The plan was mocked by several councillors.",
            &["several councillors"],
        );
        // … after adverbs or a parenthetical, in a relative clause, or in lower case.
        check(
            "Harbour officials have since balked at the cost.",
            &["Harbour officials"],
        );
        check(
            "Some ferry users, angered by the fares, stayed at home.",
            &["Some ferry users"],
        );
        check(
            "The levy is what many economists call a hidden tax.",
            &["many economists"],
        );
        check(
            "Several of her advisers have urged caution.",
            &["Several of her advisers have urged"],
        );
        // A vague group as the holder of a view or the one who feels.
        check(
            "There is anger among some island residents.",
            &["some island residents"],
        );
        check(
            "For many islanders, the ferry is a lifeline.",
            &["many islanders"],
        );
        check("The closure is troubling to many.", &["many"]);
        check(
            "The fares have unsettled many commuters.",
            &["many commuters"],
        );
        check(
            "The vote led some councillors to doubt the plan.",
            &["some councillors"],
        );
        // Unnamed documents and outlets.
        check(
            "By some estimates, the ferry loses money.",
            &["some estimates"],
        );
        check(
            "The skipper was named in local news reports as the owner.",
            &["local news reports"],
        );
        // Consensus with nobody named.
        check(
            "It is widely accepted that the pier is unsafe.",
            &["is widely accepted"],
        );
        check(
            "There is some controversy over the new timetable.",
            &["There is some controversy"],
        );
        // A relative clause without "that"; a long relative clause after the group; a
        // participle phrase; a year between the group and its verb; a stance after "be".
        check(
            "The storm was not the disaster many skippers predicted.",
            &["many skippers"],
        );
        check(
            "By contrast, many skippers, who had fished the bay for decades, saw the quota as \
             unfair.",
            &["many skippers"],
        );
        check(
            "Several councillors backing the plan declined to comment.",
            &["Several councillors"],
        );
        check(
            "A group of skippers in 2019 sent a letter to the council.",
            &["A group of skippers"],
        );
        check(
            "Some islanders were tired of the delays.",
            &["Some islanders were tired"],
        );
        check(
            "Many analysts do not expect a cut in fares.",
            &["Many analysts do not expect"],
        );
        // A plain verb after a manner adverb or before "to"; a reaction; talk; a naming.
        check(
            "Council aides publicly ignore the advice.",
            &["Council aides"],
        );
        check(
            "Many islanders try to avoid the ferry.",
            &["Many islanders"],
        );
        check(
            "The fare rise did not go down well with many islanders.",
            &["many islanders"],
        );
        check(
            "Several governments are talking about a joint patrol.",
            &["Several governments"],
        );
        check(
            "The council met late, with experts offering a different reading.",
            &["experts"],
        );
        check("Somebody called it a bold gamble.", &["Somebody"]);
    }

    #[test]
    fn leaves_counts_contrasts_and_identified_groups_alone() {
        // Counts, superlatives and idioms are not groups of sources.
        check("Some six hundred islanders signed the petition.", &[]);
        check("It is the island's most visited beach.", &[]);
        check("Most notably, the ferry stopped.", &[]);
        check("He waited for many an hour.", &[]);
        check("As many as 40 islanders were stranded.", &[]);
        // Things, not people, and a quantifier that stands for things named before.
        check("Some of the timetables were changed.", &[]);
        check("The ferries are old. Most are made in Norway.", &[]);
        // A group identified by the institution it belongs to.
        check(
            "Officials at the Harbour Board said the ferry would stop.",
            &[],
        );
        // A named member of the group in the same paragraph.
        check(
            "Ada Park, an analyst at Fenwick Bank, said fares would rise. Analysts said the \
             ferry would lose money.",
            &[],
        );
        // A market consensus used as a benchmark.
        check("Fares rose faster than analysts had expected.", &[]);
        check("The island is known as the Rock.", &[]);
    }

    #[test]
    fn leaves_identified_and_quoted_sources_alone() {
        check(
            "Transport Minister Ada Park said the ferry would stop.",
            &[],
        );
        check("The minister said the ferry would stop.", &[]);
        check(
            "Two harbour board officials involved in the review said the ferry would stop.",
            &[],
        );
        check("“Officials said nothing to us,” Rob Tan said.", &[]);
        check(
            "The ferry was confirmed as the winner of the award by the jury.",
            &[],
        );
        check("Many islanders use the ferry every day.", &[]);
        check("Some 40 people took the ferry.", &[]);
        check("Some of its timetables were changed.", &[]);
        check("The pier was built by the county council.", &[]);
        // A group that undergoes the verb is not a source; a named agency is named.
        check("Several islanders are being held after the fire.", &[]);
        check("Someone called the police.", &[]);
        check("Many readers were offered a cheaper fare.", &[]);
        check(
            "Reuters news agency reported that the port had closed.",
            &[],
        );
    }
}
