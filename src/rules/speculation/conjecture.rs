//! `speculation/conjecture`.

use super::report;
use crate::analysis::speculation::CueKind;
use crate::context::LintContext;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::concat;
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// Speculation and inference in the reporter's voice: speculation, rumours, suggests, signals.
    ///
    /// ## What it flags
    /// In the reporter's own words:
    /// - speculation and rumour: *speculate(d)*, *speculative*, *rumoured*, *unconfirmed
    ///   reports*, and the nouns *speculation*, *conjecture*, *rumour(s)* with what is
    ///   speculated ("speculation that he will quit", "rumours of a sale", "speculation the
    ///   bank may cut rates", "speculation over whether");
    /// - inference from evidence: *suggests*, *suggested that*, *indicates that*, *implies*,
    ///   when a clause follows ("The figures suggest the slump is over");
    /// - signs read as meaning: *signals that*, *could signal*, *signs that*, *indications
    ///   that*, *hinted at*;
    /// - *raises the prospect / possibility / spectre*, *raises questions*, *casts doubt*.
    ///
    /// Not flagged: a proposal or a claim made by a person — *suggest(ed)* after a name or a
    /// personal pronoun, with adverbs between ("Mr Lee suggested a delay", "she suggested
    /// the vote was rigged", "Ms Kaur bluntly suggested"), or as the second verb of a
    /// person's reported speech ("Ana Ruiz said the levy was fair and suggested it would
    /// raise $2m"), and *hint(ed)* in the same places ("the coach Ana Ruiz hinted at a
    /// recall"; "the survey hints at a slowdown" stays flagged):
    /// that is reported speech, which the `attribution` rules judge, not the writer's
    /// reading of evidence; *indicate(d)* with a named subject or a pronoun standing for
    /// one ("Ana Ruiz has indicated she will stand again"), which reports what the person
    /// made known ("the figures indicate a slump" stays flagged); "suggested to him"; a noun after a determiner ("the
    /// suggestion", "a signal"); *raised concerns about / over / with / among* a topic or
    /// with nothing after, which is what named people did ("parents raised concerns about
    /// class sizes", "the plan raised concerns among residents"; "raised concerns that …"
    /// stays flagged); declining to speculate ("too early to speculate", "refused to
    /// speculate on the cost"); a speculation noun that names a topic and passes on no
    /// content ("the subject of speculation", "speculation about his future"), and the verb
    /// with a topic ("fans speculated about the new model"); a named holder's speculation,
    /// whose it is the reader can see ("Ana Ruiz speculated that the pier would close", or
    /// *he* / *she*; "some fans speculated that" stays flagged); speculation,
    /// rumours or suggestions that someone denies, dismisses or ends ("denied rumours that
    /// the ferry was for sale", "played down suggestions that", "ended speculation about");
    /// a noun followed by a relative clause rather than its content ("signals that can be
    /// read by a phone": "that" straight before a verb);
    /// and anything inside a direct quotation or in a sentence that continues the reported
    /// speech of the sentence before it.
    ///
    /// Nor is a cue in a question, from the cue to the question mark with no clause break
    /// between ("Could this be the end of the ferry?"): a question asks, it claims nothing.
    /// This holds for every `speculation` rule.
    ///
    /// Nor is a cue in a paragraph written in the first person singular ("I", "me", "my"
    /// outside quotation marks): a reader's comment, a column or a first-person account,
    /// whose opinions and hedges are the writer's own and say so, as a named holder's do.
    /// This holds for every `speculation` rule.
    ///
    /// The family reports one finding per sentence: when a sentence holds several speculative
    /// cues, the strongest (hearsay, then unsourced expectation, a doubled hedge, conjecture,
    /// a hedge, a belief) is reported and the others are listed with it as related spans.
    ///
    /// ## Why it matters
    /// Reporting speculation spreads it. AP allows anonymous material only when it is fact,
    /// "neither speculation nor opinion"; the BBC asks that claims that cannot be
    /// corroborated be attributed. An inference ("suggests") in the reporter's voice is the
    /// newsroom's own reading of the evidence: say who draws it, or report the evidence.
    ///
    /// ## Example
    /// ```markdown
    /// The visit raises the prospect of a trade deal.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// Trade officials from both countries will meet during the visit, the ministry said.
    /// ```
    ///
    /// ## Fix safety
    /// Display-only: report what is known, or name who speculates.
    ///
    /// ## Options
    /// None. Set the severity with `[rules] "speculation/conjecture" = "warning"`.
    pub struct Conjecture {
        id: "speculation/conjecture",
        severity: Info,
        enabled: true,
    }
}

impl Rule for Conjecture {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        report(ctx, out, &[CueKind::Conjecture], |c| {
            let w = c.words.as_str();
            let msg = if w.starts_with("specul")
                || w.starts_with("rumo")
                || w.contains("unconfirmed")
                || w == "conjecture"
            {
                concat(&[
                    "“",
                    w,
                    "”: whose? Report what is known and name who is speculating.",
                ])
            } else {
                concat(&[
                    "“",
                    w,
                    "”: an inference in the reporter's voice. Say who draws it, or report the evidence plainly.",
                ])
            };
            Diagnostic::new(&Self::META, c.span, msg).with_fix(
                "Report what is known, or name who says it",
                Applicability::DisplayOnly,
                Vec::new(),
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::check;

    #[test]
    fn conjecture() {
        check(
            "Speculation grew that the coach would quit.",
            &["conjecture:Speculation"],
        );
        check(
            "The figures suggest the slump is over.",
            &["conjecture:suggest"],
        );
        check("She suggested a meeting on Friday.", &[]);
        check(
            "The visit raises the prospect of a deal.",
            &["conjecture:raises the prospect"],
        );
        check(
            "The move could signal a change of course.",
            &["conjecture:could signal"],
        );
    }
}
