//! The `speculation` family of rules: hedging and speculation in the reporter's own words.
//!
//! One cue finder ([`cues`]) reads every sentence once and types what it finds; each rule
//! reports the kinds it owns, with its own message and severity:
//!
//! | rule | what it flags | default |
//! | --- | --- | --- |
//! | `speculation/hearsay` | reportedly, allegedly, apparently, the alleged … | warning |
//! | `speculation/unsourced-expectation` | is expected to, is believed to, it is thought that | warning |
//! | `speculation/hedge` | may, might, could, possibly, likely, appears to, seems | info |
//! | `speculation/conjecture` | speculation, rumours, suggests, signals, raises the prospect | info |
//! | `speculation/belief` | analysts expect, she believes, officials fear | hint |
//!
//! Words inside direct quotations, `May` the month or the name, the legally required
//! `alleged`/`accused`/`suspected` of crime and court reports, conditional clauses and modals
//! of permission or ability are never flagged.

use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::rules::{Rule, RuleMeta};

pub(crate) mod cues;

mod belief;
mod conjecture;
mod hearsay;
mod hedge;
mod unsourced_expectation;

pub use belief::Belief;
pub use conjecture::Conjecture;
pub use hearsay::Hearsay;
pub use hedge::Hedge;
pub use unsourced_expectation::UnsourcedExpectation;

/// The rules of this family.
pub(crate) static RULES: &[&dyn Rule] = &[
    &Hearsay,
    &Hedge,
    &UnsourcedExpectation,
    &Conjecture,
    &Belief,
];

/// Reports every cue of `kinds` through `make`.
fn report(
    ctx: &LintContext<'_>,
    out: &mut Vec<Diagnostic>,
    kinds: &[cues::CueKind],
    make: impl Fn(&cues::Cue) -> Diagnostic,
) {
    for c in cues::find(ctx) {
        if kinds.contains(&c.kind) {
            out.push(make(&c));
        }
    }
}

/// `“word”`, as messages quote a cue.
fn q(words: &str) -> String {
    format!("“{words}”")
}

/// The meta of every rule of the family (for tests).
#[cfg(test)]
pub(crate) fn metas() -> Vec<&'static RuleMeta> {
    RULES.iter().map(|r| r.meta()).collect()
}

#[cfg(test)]
pub(crate) mod test_support {
    //! `check`: lint a text with the family's rules and compare what is flagged.

    use crate::settings::Settings;

    /// The flagged text of every `speculation/*` diagnostic of `rule` (or all when empty),
    /// as `rule-name:words`.
    pub fn flagged(input: &str, settings: &Settings) -> Vec<String> {
        let a = crate::Analyzed::new(input);
        a.lint(settings)
            .into_iter()
            .filter(|d| d.rule.starts_with("speculation/"))
            .map(|d| {
                let name = d.rule.trim_start_matches("speculation/");
                format!("{name}:{}", &input[d.span.start..d.span.end])
            })
            .collect()
    }

    /// Asserts that `input` is flagged exactly as `expected` (see [`flagged`]).
    #[track_caller]
    pub fn check(input: &str, expected: &[&str]) {
        let got = flagged(input, &Settings::default());
        assert_eq!(got, expected, "input: {input}");
    }
}
