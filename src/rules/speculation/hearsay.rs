//! `speculation/hearsay`.

use super::report;
use crate::analysis::speculation::CueKind;
use crate::context::LintContext;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::concat;
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// Hearsay words that pass on a claim without saying who made it: reportedly, allegedly.
    ///
    /// ## What it flags
    /// In the reporter's own words: the evidential adverbs *reportedly*, *allegedly*,
    /// *purportedly*, *supposedly*, *reputedly*, *apparently*, *seemingly* and *ostensibly*;
    /// the adjectives *alleged*, *purported* and *reputed*; and *accused of* / *suspected*
    /// used of someone outside a crime story ("the suspected leak").
    ///
    /// Not flagged:
    /// - anything inside a direct quotation: those are the speaker's words;
    /// - *alleged*, *allegedly*, *accused* and *suspected* in a paragraph about crime, police
    ///   or the courts (charged, arrested, trial, prosecutors, murder, fraud …). There they are
    ///   the legally required wording for a charge not yet proved, and must stay;
    /// - *supposed to* (an obligation or a plan), *so-called*;
    /// - anything in a sentence that continues the reported speech of the sentence before it
    ///   in the same paragraph: those are the speaker's words too.
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
    /// "Reportedly" tells the reader that someone said so, and hides who. AP requires
    /// disputable facts to be attributed to a source in the same sentence; Reuters asks that
    /// every statement be sourced unless it is established fact; Wikipedia's Manual of Style
    /// (MOS:DOUBT, MOS:ALLEGED) lists *supposed*, *apparent*, *purported* and *alleged* as
    /// words that cast doubt, acceptable for undetermined wrongdoing in a criminal case.
    ///
    /// ## Example
    /// ```markdown
    /// The minister reportedly plans to resign.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// The minister plans to resign, two cabinet colleagues told the Herald.
    /// ```
    ///
    /// ## Fix safety
    /// Display-only: the fix is to name who reported it, which only the writer knows.
    ///
    /// ## Options
    /// None. Set the severity with `[rules] "speculation/hearsay" = "info"` in `newslint.toml`.
    pub struct Hearsay {
        id: "speculation/hearsay",
        severity: Warning,
        enabled: true,
    }
}

impl Rule for Hearsay {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        report(ctx, out, &[CueKind::Hearsay], |c| {
            let w = c.words.as_str();
            let msg = match w {
                "alleged" | "accused" | "suspected" | "purported" | "reputed" => concat(&[
                    "“",
                    w,
                    "”: by whom? Outside a criminal case, say who makes the claim.",
                ]),
                "apparently" | "seemingly" | "ostensibly" => concat(&[
                    "“",
                    w,
                    "”: apparent to whom? Say who reports it, or state what is known.",
                ]),
                _ => concat(&[
                    "“",
                    w,
                    "”: reported by whom? Name the source or drop the word.",
                ]),
            };
            Diagnostic::new(&Self::META, c.span, msg).with_fix(
                "Name who reported it",
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
    fn flags_hearsay_outside_quotes_and_court() {
        check(
            "The minister reportedly plans to resign.",
            &["hearsay:reportedly"],
        );
        check(
            "The band apparently split up in March.",
            &["hearsay:apparently"],
        );
        check(
            "The alleged affair ended the campaign.",
            &["hearsay:alleged"],
        );
        check("“He reportedly left,” she said.", &[]);
        check(
            "Police said the man allegedly stole a car and was charged with theft.",
            &[],
        );
        check("The suspected gunman appeared in court on Monday.", &[]);
        check("The talks are supposed to end in June.", &[]);
    }
}
