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
        let draft = markdown::parse(source);
        let prose = prose::Prose::new(&draft);
        Analyzed {
            source,
            draft,
            prose,
            index: LineIndex::new(source),
        }
    }

    /// A rule context over this draft.
    pub fn context<'s>(&'s self, settings: &'s Settings) -> context::LintContext<'s> {
        context::LintContext::new(self.source, &self.draft, &self.prose, settings)
    }

    /// Runs every enabled rule and returns the diagnostics that are not suppressed, sorted by
    /// position, then rule.
    pub fn lint(&self, settings: &Settings) -> Vec<Diagnostic> {
        let ctx = self.context(settings);
        let mut out = Vec::new();
        for rule in rules::all() {
            let Some(severity) = settings.severity(rule.meta()) else {
                continue;
            };
            let start = out.len();
            rule.check(&ctx, &mut out);
            for d in &mut out[start..] {
                d.rule = rule.meta().id;
                d.severity = severity;
            }
        }
        let sup = suppress::Suppressions::new(self.source, &self.draft.comments, &self.index);
        out.retain(|d| {
            d.span.end <= self.source.len()
                && self.source.is_char_boundary(d.span.start)
                && self.source.is_char_boundary(d.span.end)
                && !sup.suppresses(d, &self.index)
        });
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        out
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
