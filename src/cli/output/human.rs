//! `--format human`: each finding with its source line(s), the span underlined, the rule id,
//! severity and message, related places and the fix titles, rendered by annotate-snippets;
//! then a summary such as `3 files, 12 findings (4 attribution, 8 speculation)`.
//!
//! Hints are shown at annotate-snippets' `help` level, info at `info`.

use crate::cli::{Linted, Report};
use crate::diagnostic::Severity;
use crate::rules::FAMILIES;
use crate::text::Span;
use annotate_snippets::{Level, Renderer, Snippet};
use std::fmt::Write;

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
        Severity::Hint => Level::Help,
    }
}

/// The lines a span touches: their text (line terminators and carriage returns as spaces,
/// so the byte offsets stay), the 1-based number of the first, and the byte offset it starts
/// at.
struct Excerpt {
    text: String,
    first_line: usize,
    start: usize,
}

fn excerpt(f: &Linted, span: Span) -> Excerpt {
    let first = f.index.line_of(span.start);
    let last = f.index.line_of(span.end.max(span.start + 1) - 1).max(first);
    // Very long spans are cut to a few lines; the start is what matters.
    let last = last.min(first + 5);
    let start = f.index.line_span(first).map_or(0, |s| s.start);
    let end = f.index.line_span(last).map_or(f.source.len(), |s| s.end);
    let raw = f.source.get(start..end.max(start)).unwrap_or("");
    let text = raw.replace('\r', " ");
    Excerpt {
        text,
        first_line: first + 1,
        start,
    }
}

/// `span` relative to `ex`, clamped to it and at least one character wide when the excerpt
/// allows.
fn local(ex: &Excerpt, span: Span) -> std::ops::Range<usize> {
    let len = ex.text.len();
    let mut a = span.start.saturating_sub(ex.start).min(len);
    let mut b = span.end.saturating_sub(ex.start).min(len).max(a);
    while a > 0 && !ex.text.is_char_boundary(a) {
        a -= 1;
    }
    while b < len && !ex.text.is_char_boundary(b) {
        b += 1;
    }
    if a == b {
        if let Some(c) = ex.text[a..].chars().next().filter(|c| *c != '\n') {
            b = a + c.len_utf8();
        }
    }
    a..b
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The human report for `report`.
pub fn render(report: &Report, colored: bool) -> String {
    let renderer = if colored {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for f in &report.files {
        for d in &f.diagnostics {
            // annotate-snippets adds `:line:col` to the origin itself.
            let origin = f.path.as_str();
            let main = excerpt(f, d.span);
            let main_lines = main.first_line..main.first_line + main.text.lines().count().max(1);
            let mut same: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
            let mut other: Vec<(Excerpt, std::ops::Range<usize>, &str)> = Vec::new();
            for r in &d.related {
                let ex = excerpt(f, r.span);
                if main_lines.contains(&ex.first_line) && r.span.end <= main.start + main.text.len()
                {
                    same.push((local(&main, r.span), r.message.as_str()));
                } else {
                    let l = local(&ex, r.span);
                    other.push((ex, l, r.message.as_str()));
                }
            }
            let mut snippet = Snippet::source(&main.text)
                .line_start(main.first_line)
                .origin(origin)
                .annotation(level(d.severity).span(local(&main, d.span)));
            for (span, msg) in &same {
                snippet = snippet.annotation(Level::Note.span(span.clone()).label(msg));
            }
            let mut message = level(d.severity)
                .title(&d.message)
                .id(d.rule)
                .snippet(snippet);
            for (ex, span, msg) in &other {
                message = message.snippet(
                    Snippet::source(&ex.text)
                        .line_start(ex.first_line)
                        .origin(origin)
                        .annotation(Level::Note.span(span.clone()).label(msg)),
                );
            }
            let fix_titles: Vec<String> = d
                .fixes
                .iter()
                .map(|x| format!("{} ({} fix)", x.title, x.applicability.as_str()))
                .collect();
            for t in &fix_titles {
                message = message.footer(Level::Help.title(t));
            }
            let _ = writeln!(out, "{}\n", renderer.render(message));
        }
    }
    out.push_str(&summary(report));
    out
}

/// `3 files, 12 findings (4 attribution, 8 speculation)`, plus unreadable files.
fn summary(report: &Report) -> String {
    let n = report.diagnostic_count();
    let mut s = plural(report.files.len(), "file", "files");
    if n == 0 {
        s.push_str(", no findings");
    } else {
        let mut parts = Vec::new();
        for fam in FAMILIES {
            let k = report
                .files
                .iter()
                .flat_map(|f| &f.diagnostics)
                .filter(|d| d.family() == fam)
                .count();
            if k > 0 {
                parts.push(format!("{k} {fam}"));
            }
        }
        let _ = write!(
            s,
            ", {} ({})",
            plural(n, "finding", "findings"),
            parts.join(", ")
        );
    }
    if !report.failures.is_empty() {
        let _ = write!(
            s,
            "; {} could not be linted (see the errors)",
            plural(report.failures.len(), "path", "paths")
        );
    }
    s.push('\n');
    s
}
