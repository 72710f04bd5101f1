//! The `speculation` family of rules: hedging and speculation in the reporter's own words.
//!
//! One cue finder ([`crate::analysis::speculation`]) reads every sentence once and types what it finds; each rule
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
//! `alleged`/`accused`/`suspected` of crime and court reports, conditional clauses, modals
//! of permission or ability, `could` in reported speech, a hedge in the reported speech of
//! a named speaker ("Ana Ruiz said the ferry may sail"), every cue in a sentence that
//! continues reported speech, and the opinions and hedges of a paragraph written in the
//! first person singular (a reader's comment, a column: "I think the plan may fail" says
//! whose it is) are never flagged. Nor are statements that only look like
//! hedges: a penalty's legal range ("could face a fine"), the counterfactual "could have
//! won", prospective roles ("potential buyers"), feasibility ("possible thanks to"), a
//! named holder's opinion ("Lord Smith believes"), a poll's counted holders, a wish ("the
//! club hopes that"), deliberation ("think carefully"), an arranged event ("is set to
//! tour"), a choice to be made ("decide whether to"), a speculation noun with no content or
//! one that is denied, and hearsay passives that `attribution/vague-source` already flags
//! — each rule's docs list them.
//!
//! One finding per sentence (the strongest cue, the others as related spans) is a reading
//! aid for the editor; precision comes from the exemptions, not from the grouping.

use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::rules::{Rule, RuleMeta, concat};

use crate::analysis::speculation as cues;

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

/// The rules of the family's cue kinds, as [`owner_index`] numbers them.
const OWNERS: [&RuleMeta; 5] = [
    &hearsay::Hearsay::META,
    &unsourced_expectation::UnsourcedExpectation::META,
    &conjecture::Conjecture::META,
    &hedge::Hedge::META,
    &belief::Belief::META,
];

/// The rule that reports a kind of cue, as an index in [`OWNERS`].
fn owner_index(kind: cues::CueKind) -> usize {
    use cues::CueKind::*;
    match kind {
        Hearsay => 0,
        UnsourcedExpectation => 1,
        Conjecture => 2,
        Modal | Epistemic | DoubledHedge | Appearance | OpenQuestion => 3,
        Belief => 4,
    }
}

/// Which cue speaks for a sentence: the lower, the stronger.
fn rank(kind: cues::CueKind) -> u8 {
    use cues::CueKind::*;
    match kind {
        Hearsay => 0,
        UnsourcedExpectation => 1,
        DoubledHedge => 2,
        Conjecture => 3,
        Modal | Epistemic | Appearance | OpenQuestion => 4,
        Belief => 5,
    }
}

/// Reports, for every sentence whose strongest cue (among the enabled rules) is of one of
/// `kinds`, one diagnostic made by `make`, with the sentence's other cues as related spans.
/// One finding per sentence keeps the family quiet enough to leave on.
fn report(
    ctx: &LintContext<'_>,
    out: &mut Vec<Diagnostic>,
    kinds: &[cues::CueKind],
    make: impl Fn(&cues::Cue) -> Diagnostic,
) {
    let runs = ctx.speculation();
    if runs.iter().all(Vec::is_empty) {
        return;
    }
    // Whether each rule of the family is on: asked once, not once per cue.
    let on = OWNERS.map(|m| ctx.settings.severity(m).is_some());
    // (A sentence's cues are all in one run.)
    for all in runs {
        report_run(all, &on, out, kinds, &make);
    }
}

/// [`report`] for the cues `all` of a run of whole sentences, `on` telling which rules of
/// [`OWNERS`] are enabled.
fn report_run(
    all: &[cues::Cue],
    on: &[bool; 5],
    out: &mut Vec<Diagnostic>,
    kinds: &[cues::CueKind],
    make: impl Fn(&cues::Cue) -> Diagnostic,
) {
    let mut i = 0;
    while i < all.len() {
        let sentence = all[i].sentence;
        let mut j = i;
        while j < all.len() && all[j].sentence == sentence {
            j += 1;
        }
        // The sentence's cues of the enabled rules (read twice rather than collected).
        let group = || all[i..j].iter().filter(|c| on[owner_index(c.kind)]);
        if let Some(primary) = group().min_by_key(|c| rank(c.kind))
            && kinds.contains(&primary.kind)
        {
            let mut d = make(primary);
            for c in group() {
                if c.span != primary.span {
                    d = d.with_related(c.span, concat(&["also speculative: “", &c.words, "”"]));
                }
            }
            out.push(d);
        }
        i = j;
    }
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
