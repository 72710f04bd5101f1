//! newslint: a linter for Markdown news drafts.
//!
//! It checks what a copy desk checks: claims with no source and vague sources
//! (`attribution/*`), names written two ways (`names/*`), and speculative phrasing
//! (`speculation/*`). The core is [`lint`]: a text and [`Settings`] in, [`Diagnostic`]s out.
//! It never fails and never panics on any input.
//!
//! Data flows one way: [`text`] → [`markdown`] → [`prose`] → [`analysis`] → [`rules`] →
//! diagnostics → the hosts ([`cli`], [`server`]).

pub mod analysis;
pub mod cli;
pub mod config;
pub mod context;
pub mod diagnostic;
pub mod markdown;
pub mod prose;
pub mod rules;
pub mod server;
pub mod settings;
pub mod suppress;
pub mod text;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use settings::{Level, Settings};
pub use text::{Encoding, LineCol, LineIndex, Span};

/// A draft parsed and analysed, ready to lint or to inspect.
pub struct Analyzed<'a> {
    /// The text as stored.
    pub source: &'a str,
    /// Markdown structure and prose blocks.
    pub draft: markdown::Draft,
    /// Sentences, tokens and quotations.
    pub prose: prose::Prose,
    /// Line starts, for suppression comments and positions.
    pub index: LineIndex,
}

impl<'a> Analyzed<'a> {
    /// Parses and analyses `source`.
    pub fn new(source: &'a str) -> Analyzed<'a> {
        let read = || {
            let draft = markdown::parse(source);
            let prose = prose::Prose::new(&draft);
            (draft, prose)
        };
        let ((draft, prose), index) = if source.len() >= PARALLEL_MIN_BYTES {
            rayon::join(read, || LineIndex::new(source))
        } else {
            (read(), LineIndex::new(source))
        };
        Analyzed {
            source,
            draft,
            prose,
            index,
        }
    }

    /// A rule context over this draft.
    pub fn context<'s>(&'s self, settings: &'s Settings) -> context::LintContext<'s> {
        context::LintContext::new(self.source, &self.draft, &self.prose, settings)
    }

    /// Runs every enabled rule and returns the diagnostics that are not suppressed, sorted by
    /// position, then rule.
    ///
    /// A draft of [`PARALLEL_MIN_BYTES`] or more is linted on the rayon pool: the shared
    /// analyses that do not depend on one another run side by side, then the rules. The result
    /// is the same as one thread's, to the byte: each rule writes its own list and the lists
    /// are joined in the registry's order.
    pub fn lint(&self, settings: &Settings) -> Vec<Diagnostic> {
        let ctx = self.context(settings);
        let enabled: Vec<(&'static dyn rules::Rule, Severity)> = rules::registry()
            .iter()
            .filter_map(|&r| Some((r, settings.severity(r.meta())?)))
            .collect();
        // Each rule's findings, with the rule and the severity in force.
        let run_into = |&(rule, severity): &(&'static dyn rules::Rule, Severity),
                        out: &mut Vec<Diagnostic>| {
            let from = out.len();
            rule.check(&ctx, out);
            let id = rule.meta().id;
            for d in &mut out[from..] {
                d.rule = id;
                d.severity = severity;
            }
        };
        let len = self.source.len();
        let in_text = |d: &Diagnostic| {
            d.span.end <= len
                && self.source.is_char_boundary(d.span.start)
                && self.source.is_char_boundary(d.span.end)
        };
        // No comment, no suppression.
        let sup = (!self.draft.comments.is_empty())
            .then(|| suppress::Suppressions::new(self.source, &self.draft.comments, &self.index));
        let keep = |d: &Diagnostic| {
            in_text(d) && sup.as_ref().is_none_or(|s| !s.suppresses(d, &self.index))
        };
        if self.source.len() >= PARALLEL_MIN_BYTES {
            // Each rule's findings in a list of its own, in the registry's order (by id),
            // merged into one list of the exact size (see [`merge`]).
            let run = |e: &(&'static dyn rules::Rule, Severity)| {
                let mut out = Vec::new();
                run_into(e, &mut out);
                out.retain(keep);
                out
            };
            return merge(parallel::run_rules(&ctx, &enabled, run));
        }
        // The rules' findings, one rule after another in the registry's order (by id).
        let mut out = Vec::new();
        for e in &enabled {
            run_into(e, &mut out);
        }
        out.retain(keep);
        // By position, then rule: the findings are in the registry's order, which is the
        // rules' ids in order, so a stable sort by position leaves the findings at one position
        // in the order of their rules (and of each rule's own order).
        out.sort_by_key(position);
        out.dedup_by(same_finding);
        out
    }
}

/// The key the findings of a lint are ordered by: their span's start, then its end.
fn position(d: &Diagnostic) -> (usize, usize) {
    (d.span.start, d.span.end)
}

/// Whether `a` repeats `b`: the same rule on the same span (the lint keeps the first).
fn same_finding(a: &mut Diagnostic, b: &mut Diagnostic) -> bool {
    a.rule == b.rule && a.span == b.span
}

/// The findings of `runs` (each rule's findings, the rules in the registry's order) in the
/// lint's order: the runs one after another, sorted stably by [`position`], with every
/// finding that repeats the one kept before it ([`same_finding`]) dropped.
///
/// Done as a merge, not a sort of the joined list: each run is sorted on its own (a run is
/// usually in order already), then the runs are merged (the next finding of each run in a
/// heap), a tie going to the earlier run, so
/// each finding is moved once, into a list of the exact size, with no scratch buffer. A
/// stable sort of the joined runs orders a position's findings by run, then within a run,
/// which is what the merge's tie rule does.
fn merge(mut runs: Vec<Vec<Diagnostic>>) -> Vec<Diagnostic> {
    for r in &mut runs {
        if !r.is_sorted_by_key(position) {
            r.sort_by_key(position);
        }
    }
    let mut out: Vec<Diagnostic> = Vec::with_capacity(runs.iter().map(Vec::len).sum());
    let mut heads: Vec<std::vec::IntoIter<Diagnostic>> =
        runs.into_iter().map(Vec::into_iter).collect();
    // The next finding of each run that has one, by position, then run: the least first.
    use std::cmp::Reverse;
    let mut next: std::collections::BinaryHeap<Reverse<((usize, usize), usize)>> = heads
        .iter()
        .enumerate()
        .filter_map(|(i, h)| Some(Reverse((position(h.as_slice().first()?), i))))
        .collect();
    while let Some(Reverse((_, i))) = next.pop() {
        let Some(h) = heads.get_mut(i) else {
            continue;
        };
        let Some(mut d) = h.next() else {
            continue;
        };
        if let Some(n) = h.as_slice().first() {
            next.push(Reverse((position(n), i)));
        }
        if out.last_mut().is_some_and(|b| same_finding(&mut d, b)) {
            continue;
        }
        out.push(d);
    }
    out
}

/// Drafts from this size on are linted with more than one thread (see [`Analyzed::lint`]).
/// Smaller ones are quicker on one: a news story of a few kilobytes lints in about a
/// millisecond, and the command line already lints many files at once.
pub const PARALLEL_MIN_BYTES: usize = 16 * 1024;

mod parallel {
    //! The parallel schedule of one lint. The analyses' dependencies: attributions and names
    //! stand alone; speculation reads attributions; each family's rules read their family's
    //! analysis (speculation rules read speculation). So: attributions beside names, then
    //! speculation beside the other rules, then the speculation rules.

    use crate::context::LintContext;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::rules::Rule;

    type Enabled = (&'static dyn Rule, Severity);

    pub(super) fn run_rules<F>(
        ctx: &LintContext<'_>,
        enabled: &[Enabled],
        run: F,
    ) -> Vec<Vec<Diagnostic>>
    where
        F: Fn(&Enabled) -> Vec<Diagnostic> + Sync,
    {
        use rayon::prelude::*;
        let family = |f: &str| enabled.iter().any(|(r, _)| r.meta().family() == f);
        let speculation = family("speculation");
        let attributions = speculation || family("attribution");
        let names = family("names");
        rayon::join(
            || attributions.then(|| ctx.attributions()),
            || names.then(|| ctx.names()),
        );
        let (later, now): (Vec<usize>, Vec<usize>) =
            (0..enabled.len()).partition(|&i| enabled[i].0.meta().family() == "speculation");
        let mut slots: Vec<Vec<Diagnostic>> = vec![Vec::new(); enabled.len()];
        let ((), first) = rayon::join(
            || {
                if speculation {
                    ctx.speculation();
                }
            },
            || {
                now.par_iter()
                    .with_max_len(1)
                    .map(|&i| (i, run(&enabled[i])))
                    .collect::<Vec<_>>()
            },
        );
        let second: Vec<(usize, Vec<Diagnostic>)> = later
            .par_iter()
            .with_max_len(1)
            .map(|&i| (i, run(&enabled[i])))
            .collect();
        for (i, out) in first.into_iter().chain(second) {
            slots[i] = out;
        }
        slots
    }
}

/// Lints `source` (a Markdown draft) with `settings`.
///
/// ```
/// let diags = newslint::lint("Officials said the plan is final.", &newslint::Settings::default());
/// assert!(diags.iter().all(|d| d.span.end <= 33));
/// ```
pub fn lint(source: &str, settings: &Settings) -> Vec<Diagnostic> {
    Analyzed::new(source).lint(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The merge of a big draft's findings gives what a stable sort of the joined runs and a
    /// dedup give (the small draft's way), whatever the runs: in order or not, with ties
    /// between runs and inside one, with repeats, empty runs.
    #[test]
    fn merge_is_the_stable_sort_and_dedup_of_the_joined_runs() {
        const IDS: [&str; 6] = ["a/one", "a/two", "b/one", "b/two", "c/one", "c/two"];
        // xorshift64*: a fixed sequence of cases.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move |n: u64| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % n
        };
        for case in 0..2_000 {
            let nruns = next(7) as usize;
            let mut runs: Vec<Vec<Diagnostic>> = Vec::new();
            for (r, id) in IDS.iter().take(nruns).enumerate() {
                let n = next(12) as usize;
                let sorted = next(3) > 0;
                let mut run = Vec::new();
                let mut at = 0;
                for k in 0..n {
                    let start = if sorted {
                        at += next(3) as usize;
                        at
                    } else {
                        next(8) as usize
                    };
                    let end = start + next(3) as usize;
                    run.push(Diagnostic {
                        rule: id,
                        severity: Severity::Info,
                        message: format!("{case}:{r}:{k}"),
                        span: Span::new(start, end),
                        related: Vec::new(),
                        fixes: Vec::new(),
                    });
                }
                runs.push(run);
            }
            let mut want: Vec<Diagnostic> = runs.iter().flatten().cloned().collect();
            want.sort_by_key(position);
            want.dedup_by(same_finding);
            assert_eq!(merge(runs), want, "case {case}");
        }
    }
}
