//! What a rule reports: [`Diagnostic`], its [`Severity`], and the [`Fix`]es it offers.
//!
//! These are core types: they carry byte spans only and know nothing of any output format or
//! protocol. The CLI and the language server render them.

use crate::text::Span;
use std::fmt;

/// How serious a finding is. Ordered from least to most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// A faint suggestion.
    Hint,
    /// Worth a look.
    Info,
    /// Should be fixed before publication.
    Warning,
    /// Must be fixed.
    Error,
}

impl Severity {
    /// The lower-case name used in configuration and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses a lower-case severity name.
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "hint" => Severity::Hint,
            "info" => Severity::Info,
            "warning" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure a fix is to be what the writer meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Shown as a suggestion only; never applied automatically.
    DisplayOnly,
    /// Probably right, but a person should look.
    Unsafe,
    /// Certainly what the writer meant; may be applied without review.
    Safe,
}

impl Applicability {
    /// The kebab-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// Replace the bytes of `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The bytes to replace (empty for an insertion).
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A titled set of edits that resolves a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, in a few words ("Replace with “said”").
    pub title: String,
    /// How safe the fix is to apply.
    pub applicability: Applicability,
    /// The edits, non-overlapping. A display-only fix may have none.
    pub edits: Vec<Edit>,
}

/// A secondary location that explains a diagnostic (another spelling of a name, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// Where.
    pub span: Span,
    /// What it is ("also written “Zelensky” here").
    pub message: String,
}

/// One finding of one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's id, `family/name`.
    pub rule: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// What is wrong, in an editor's words.
    pub message: String,
    /// The bytes the finding is about.
    pub span: Span,
    /// Other places that explain it.
    pub related: Vec<Related>,
    /// Ways to resolve it, best first.
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    /// The family part of the rule id (`attribution`, `names`, `speculation`).
    pub fn family(&self) -> &'static str {
        self.rule.split('/').next().unwrap_or(self.rule)
    }
}

/// Applies `edits` to `text`. Edits that overlap an earlier one, or that do not fall on
/// character boundaries, are skipped. Returns the new text.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in sorted {
        if e.span.start < pos
            || e.span.end > text.len()
            || !text.is_char_boundary(e.span.start)
            || !text.is_char_boundary(e.span.end)
        {
            continue;
        }
        out.push_str(&text[pos..e.span.start]);
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(&text[pos..]);
    out
}

impl Diagnostic {
    /// A diagnostic of `rule` on `span`; the engine sets the configured severity.
    pub fn new(
        rule: &'static crate::rules::RuleMeta,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            rule: rule.id,
            severity: rule.default_severity,
            message: message.into(),
            span,
            related: Vec::new(),
            fixes: Vec::new(),
        }
    }

    /// Adds a related location.
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        let r = Related {
            span,
            message: message.into(),
        };
        // Most diagnostics have one related location at most: the first is allocated alone.
        if self.related.is_empty() {
            self.related = vec![r];
        } else {
            self.related.push(r);
        }
        self
    }

    /// Adds a fix.
    pub fn with_fix(
        mut self,
        title: impl Into<String>,
        applicability: Applicability,
        edits: Vec<Edit>,
    ) -> Diagnostic {
        let fix = Fix {
            title: title.into(),
            applicability,
            edits,
        };
        // Most diagnostics have one fix: it is allocated alone.
        if self.fixes.is_empty() {
            self.fixes = vec![fix];
        } else {
            self.fixes.push(fix);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_order_and_skip_overlaps() {
        let e = |s, e, r: &str| Edit {
            span: Span::new(s, e),
            replacement: r.to_string(),
        };
        assert_eq!(
            apply_edits("hello world", &[e(6, 11, "there"), e(0, 5, "hi")]),
            "hi there"
        );
        assert_eq!(apply_edits("abc", &[e(0, 2, "x"), e(1, 3, "y")]), "xc");
        assert_eq!(apply_edits("é", &[e(1, 2, "x")]), "é");
        assert_eq!(apply_edits("ab", &[e(2, 2, "!")]), "ab!");
    }

    #[test]
    fn severities_order() {
        assert!(Severity::Error > Severity::Warning && Severity::Info > Severity::Hint);
        assert_eq!(Severity::parse("info"), Some(Severity::Info));
        assert_eq!(Severity::parse("Info"), None);
    }
}
