use crate::analysis::attribution::{SentenceSummary, SourceKind};
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// Flags anonymous sources when the copy does not say why they are not named.
    ///
    /// ## What it flags
    /// Anonymity with no reason given nearby: "on condition of anonymity", "who asked not to
    /// be named", "speaking anonymously", and sources that are deliberately unnamed ("a
    /// source said", "a senior official said", "people familiar with the talks said") when
    /// neither their sentence nor the next one in the paragraph gives a reason (because …,
    /// as they were not authorised to …, to discuss …, for fear of …).
    ///
    /// ## Why it matters
    /// AP allows anonymous sources only when essential, and then asks that the story
    /// explain why the source requested anonymity; "simply quoting 'a source' is not
    /// allowed". Reuters calls anonymous sources "the weakest sources", and the BBC asks
    /// that the audience be told as much about them as is compatible with protecting them.
    ///
    /// ## Example
    /// ```markdown
    /// A source said the club will sell its stadium.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// A board member said the club will sell its stadium. He spoke on condition of
    /// anonymity because the sale has not been announced.
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the reason is the reporter's to give.
    ///
    /// ## Options
    /// None.
    pub struct AnonymousSource {
        id: "attribution/anonymous-source",
        severity: Warning,
        enabled: true,
    }
}

impl Rule for AnonymousSource {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let atts = ctx.attributions();
        for (i, summary) in atts.summaries.iter().enumerate() {
            // A sentence with neither an anonymity marker nor an anonymous source has nothing
            // to flag: its summary tells, without its attribution being read.
            if !summary.has(SentenceSummary::ANONYMITY | SentenceSummary::ANONYMOUS) {
                continue;
            }
            let reason_here = summary.has(SentenceSummary::REASON);
            let mut flagged_marker = false;
            for a in atts.anonymity_of(i) {
                if a.reason.is_none() && !reason_here {
                    flagged_marker = true;
                    out.push(Diagnostic::new(
                        &Self::META,
                        a.span,
                        "Why anonymous? Say why this source cannot be named.",
                    ));
                }
            }
            if flagged_marker || reason_here {
                continue;
            }
            // Anonymity explained in the next sentence of the paragraph.
            let next_reason = atts
                .summaries
                .get(i + 1)
                .is_some_and(|n| n.block == summary.block && n.has(SentenceSummary::REASON));
            if next_reason {
                continue;
            }
            for a in atts.attributions_of(i) {
                if let Some(src) = &a.source
                    && src.kind == SourceKind::Anonymous
                {
                    out.push(Diagnostic::new(
                        &Self::META,
                        src.span,
                        "Who is this? An unnamed source needs a reason for anonymity.",
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::attribution::test_util::flagged;

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(
            flagged(input, "attribution/anonymous-source"),
            expected,
            "{input}"
        );
    }

    #[test]
    fn flags_unexplained_anonymity() {
        check("A source said the club will sell.", &["A source"]);
        check(
            "A board member spoke on condition of anonymity.",
            &["on condition of anonymity"],
        );
        check(
            "People familiar with the sale said it was agreed.",
            &["People familiar with the sale"],
        );
        // "responded by saying"; a negated view; "close to both X and Y".
        check(
            "A Norwegian official responded by saying the port would stay open.",
            &["A Norwegian official"],
        );
        check(
            "People close to both the mayor and the harbour board do not expect a vote soon.",
            &["People close to both the mayor and the harbour board"],
        );
    }

    #[test]
    fn accepts_a_reason() {
        check(
            "A board member spoke on condition of anonymity because the sale is secret.",
            &[],
        );
        check(
            "A source said the club will sell. She asked not to be named because talks continue.",
            &[],
        );
        check("The club's chairman, Ann Lee, said it will sell.", &[]);
        check("“A source told me nothing,” Ann Lee said.", &[]);
    }
}
