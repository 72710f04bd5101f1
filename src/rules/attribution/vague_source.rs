use crate::analysis::attribution::{CueKind, SourceKind};
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::rules::{Rule, RuleMeta};

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
    /// flagged too: the reader is owed a "who?".
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
        // The words of every named or titled source, by paragraph: "analysts said" in the
        // paragraph of
        // "said Jane Roe, an analyst at Fenwick Bank" has given the reader one of them.
        let mut named: Vec<(usize, String)> = Vec::new();
        for s in &atts.sentences {
            let Some(block) = ctx.prose.sentences.get(s.sentence).map(|x| x.block) else {
                continue;
            };
            for a in &s.attributions {
                if let Some(src) = &a.source
                    && matches!(src.effective_kind(), SourceKind::Named | SourceKind::Title)
                {
                    named.push((block, src.span.slice(ctx.source).to_lowercase()));
                }
            }
        }
        let named_nearby = |block: usize, who: &str| {
            let Some(head) = who
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .rfind(|w| !w.is_empty())
                .map(str::to_lowercase)
            else {
                return false;
            };
            let single = head.strip_suffix('s').unwrap_or(&head);
            if single.len() < 4 {
                return false;
            }
            named.iter().any(|(b, text)| {
                *b == block
                    && text
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .any(|w| w == single || w == head)
            })
        };
        for s in &atts.sentences {
            let block = ctx.prose.sentences.get(s.sentence).map_or(0, |x| x.block);
            for a in &s.attributions {
                if let Some(src) = &a.source
                    && named_nearby(block, src.span.slice(ctx.source))
                {
                    continue;
                }
                match (&a.source, a.cue.kind) {
                    (Some(src), CueKind::VagueSubject) => {
                        let who = src.span.slice(ctx.source);
                        out.push(Diagnostic::new(
                            &Self::META,
                            src.span,
                            format!("Who? “{who}” does not say who."),
                        ));
                    }
                    (Some(src), _) if src.kind == SourceKind::Vague => {
                        let span = src.span.cover(a.cue.span);
                        let who = src.span.slice(ctx.source);
                        out.push(Diagnostic::new(
                            &Self::META,
                            span,
                            format!(
                                "Which {}? “{who}” does not identify the source.",
                                noun(who).to_lowercase()
                            ),
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

/// The noun to ask about: "officials" → "officials", "some" → "ones".
fn noun(who: &str) -> &str {
    who.split_whitespace()
        .last()
        .filter(|w| w.len() > 4 && w.chars().all(char::is_alphabetic))
        .unwrap_or("ones")
}

#[cfg(test)]
mod tests {
    use crate::rules::attribution::test_util::flagged;

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
    }
}
