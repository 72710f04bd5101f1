//! `speculation/unsourced-expectation`.

use super::report;
use crate::analysis::speculation::CueKind;
use crate::context::LintContext;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::concat;
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// Expectation or belief with no one holding it: is expected to, is believed to, it is thought that.
    ///
    /// ## What it flags
    /// Passive expectation and belief that leaves out whose it is:
    /// - *is / are / was expected, set, poised, tipped, slated, projected, forecast, predicted
    ///   to* ("The bank is expected to raise rates");
    /// - *is believed, thought, understood, said, rumoured, reported, feared, presumed,
    ///   assumed, alleged to* ("He is understood to have resigned");
    /// - *it is believed / thought / understood / expected / feared / said that* and
    ///   *it is understood* without *that*;
    /// - *is considered (to be / as / one of / the …)*, *is regarded / seen / viewed /
    ///   perceived as*, and *widely expected / believed / regarded / seen*;
    /// - the same without *be*, after a noun: "a move expected to save money".
    ///
    /// Not flagged:
    /// - a passive with a named agent: "is expected by the central bank to …" (a vague agent —
    ///   "by many", "by some analysts" — is still flagged);
    /// - the active voice with a subject ("analysts expect"): that is `speculation/belief`;
    /// - "than expected", "as expected";
    /// - *set* the noun ("lost the opening set to her rival"), and *set to* before an
    ///   arranged event: a timetable or a plan the subject has made ("the orchestra is set to
    ///   tour Japan", "the appeal is set to be heard in May"), including deals and moves
    ///   ("the two firms are set to merge", "the striker is set to move to a rival club",
    ///   "the pier is set to be demolished"); "prices are set to double" and "set to move
    ///   higher" stay flagged;
    /// - hearsay passives (*is said to*, *it was reported that*, *is claimed to*) while
    ///   `attribution/vague-source` is on: that rule flags the same words and asks "By
    ///   whom?". With it off, this rule flags them;
    /// - a forecast (*expected*, *set*, *poised*, *tipped*, *slated*, *projected*,
    ///   *forecast*, *predicted*, *anticipated*, *estimated*, *understood to*) in a sentence
    ///   that reports who said it ("The retailer said its sales are expected to rise"): the
    ///   holder is named, so "by whom?" is answered; this includes a closing forecast
    ///   ("Growth is set to pick up, the bank forecast.", also *predicted*, *estimated*,
    ///   *projected*). Judgements (*is considered*, *is seen as*, *is believed to*) stay
    ///   flagged there, unless the speaker is named: "Lena Ortiz said the pier is thought
    ///   to be the oldest in Wales" passes on her report, and she is its source;
    /// - an expectation overtaken by events, in the pluperfect: "the club had been expected
    ///   to win the cup but lost in the first round", "had been seen as favourite" (*had
    ///   been* + the participle), and a past forecast followed by what happened instead
    ///   ("the striker was expected to miss the match, but has recovered": *was / were
    ///   expected, tipped, set …* with a later ", but"): the story tells what was expected
    ///   before it turned out, not a guess about now ("was expected to" alone and "has
    ///   been seen as" stay flagged);
    /// - a status a rule gives: "is automatically considered a citizen", "is legally
    ///   regarded as" (after *automatically*, *legally*, *officially*, *formally*,
    ///   *technically*, *statutorily*, *constitutionally*);
    /// - anything inside a direct quotation, or in a sentence that continues the reported
    ///   speech of the sentence before it.
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
    /// "Is expected to" asks the reader to trust an expectation without saying who expects
    /// it. AP requires attribution of disputable facts in the same sentence; Wikipedia's
    /// Manual of Style (MOS:WEASEL) names "it is believed" and "is widely regarded as" as
    /// weasel words, and its editors tag such sentences "By whom?".
    ///
    /// ## Example
    /// ```markdown
    /// The governor is expected to sign the bill this week.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// The governor will sign the bill this week, her spokesman said.
    /// ```
    ///
    /// ## Fix safety
    /// Display-only: only the writer knows who expects it.
    ///
    /// ## Options
    /// None. Set the severity with `[rules] "speculation/unsourced-expectation" = "info"`.
    pub struct UnsourcedExpectation {
        id: "speculation/unsourced-expectation",
        severity: Warning,
        enabled: true,
    }
}

impl Rule for UnsourcedExpectation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        report(ctx, out, &[CueKind::UnsourcedExpectation], |c| {
            let tail = " Name who holds this view, or report it as fact if it is one.";
            let msg = match c.head {
                "set" | "poised" | "tipped" | "slated" | "touted" => {
                    concat(&["“", &c.words, "”: Says who?", tail])
                }
                // An ASCII participle (all of them) capitalised in place: one allocation.
                h if h.as_bytes().first().is_some_and(u8::is_ascii) => {
                    let first = [h.as_bytes()[0].to_ascii_uppercase()];
                    let first = std::str::from_utf8(&first).unwrap_or("");
                    concat(&["“", &c.words, "”: ", first, &h[1..], " by whom?", tail])
                }
                h => {
                    let mut cs = h.chars();
                    let cap: String = cs
                        .next()
                        .map(|f| f.to_uppercase().chain(cs).collect())
                        .unwrap_or_default();
                    concat(&["“", &c.words, "”: ", &cap, " by whom?", tail])
                }
            };
            Diagnostic::new(&Self::META, c.span, msg).with_fix(
                "Name who expects or believes it",
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
    fn passive_expectation() {
        check(
            "The governor is expected to sign the bill.",
            &["unsourced-expectation:is expected to"],
        );
        check(
            "The striker is widely tipped to leave.",
            &["unsourced-expectation:is widely tipped to"],
        );
        check(
            "It is understood that the deal is off.",
            &["unsourced-expectation:It is understood"],
        );
        check(
            "The wreck is thought to date from 1820.",
            &["unsourced-expectation:is thought to"],
        );
        check(
            "The painting is considered one of his best.",
            &["unsourced-expectation:is considered"],
        );
    }

    #[test]
    fn sourced_or_not_expectation() {
        check("The rate is expected by the central bank to rise.", &[]);
        check("Sales rose faster than expected.", &[]);
        check("“The bill is expected to pass,” she said.", &[]);
    }
}
