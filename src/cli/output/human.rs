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

/// The lines a span touches: their text (carriage returns as spaces, so byte offsets stay),
/// the 1-based number of the first, and the byte offset `text` starts at (after `prefix`).
/// Long lines are cut to a window around the span, marked with `...` (`prefix` is then
/// `"..."`), so that a 2 MB one-line paragraph does not make every finding print 2 MB.
struct Excerpt {
    text: String,
    first_line: usize,
    start: usize,
    prefix: usize,
    /// Whether the text is a window cut out of a longer line.
    windowed: bool,
}

/// Excerpts longer than this many bytes are cut to a window.
const MAX_EXCERPT: usize = 600;
/// Characters of context kept on each side of a span in a window.
const CONTEXT: usize = 60;

fn excerpt(f: &Linted, span: Span) -> Excerpt {
    let first = f.index.line_of(span.start);
    let last = f.index.line_of(span.end.max(span.start + 1) - 1).max(first);
    // Very long spans are cut to a few lines; the start is what matters.
    let last = last.min(first + 5);
    let line = f.index.line_span(first).unwrap_or_default();
    let end = f.index.line_span(last).map_or(f.source.len(), |s| s.end);
    if end.saturating_sub(line.start) <= MAX_EXCERPT {
        let raw = f.source.get(line.start..end.max(line.start)).unwrap_or("");
        return Excerpt {
            text: raw.replace('\r', " "),
            first_line: first + 1,
            start: line.start,
            prefix: 0,
            windowed: false,
        };
    }
    // One line, cut around the span.
    let text = line.slice(&f.source);
    let a = span.start.clamp(line.start, line.end) - line.start;
    let b = span.end.clamp(line.start, line.end) - line.start;
    let b = b.min(a + MAX_EXCERPT / 2);
    let from = text
        .get(..a)
        .and_then(|t| t.char_indices().rev().nth(CONTEXT - 1).map(|(i, _)| i))
        .unwrap_or(0);
    let to = text
        .get(b..)
        .and_then(|t| t.char_indices().nth(CONTEXT).map(|(i, _)| b + i))
        .unwrap_or(text.len());
    let to = crate::text::ceil_char_boundary(text, to);
    let from = crate::text::floor_char_boundary(text, from);
    let mut window = String::new();
    let prefix = if from > 0 { "..." } else { "" };
    window.push_str(prefix);
    window.push_str(&text.get(from..to).unwrap_or("").replace('\r', " "));
    if to < text.len() {
        window.push_str("...");
    }
    Excerpt {
        text: window,
        first_line: first + 1,
        start: line.start + from,
        prefix: prefix.len(),
        windowed: true,
    }
}

/// `span` relative to `ex`, clamped to it and at least one character wide when the excerpt
/// allows.
fn local(ex: &Excerpt, span: Span) -> std::ops::Range<usize> {
    let len = ex.text.len();
    let mut a = (span.start.saturating_sub(ex.start) + ex.prefix).min(len);
    let mut b = (span.end.saturating_sub(ex.start) + ex.prefix)
        .min(len)
        .max(a);
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

/// Whether `span` lies inside the text of `ex`.
fn inside(ex: &Excerpt, span: Span) -> bool {
    let text_len = ex.text.len()
        - ex.prefix
        - if ex.windowed && ex.text.ends_with("...") {
            3
        } else {
            0
        };
    span.start >= ex.start && span.end <= ex.start + text_len
}

/// Inserts the ` --> path:line:col` line annotate-snippets cannot compute for a window.
fn with_origin(rendered: String, origin: &str, line: usize, gutter_from: usize) -> String {
    let width = gutter_from.max(line).to_string().len();
    match rendered.split_once('\n') {
        Some((title, rest)) => format!("{title}\n{:width$}--> {origin}\n{rest}", ""),
        None => rendered,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Writes the human report for `report`.
pub fn write(report: &Report, colored: bool, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let renderer = if colored {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for f in &report.files {
        for d in &f.diagnostics {
            // annotate-snippets adds `:line:col` to the origin itself.
            let origin = f.path.as_str();
            let main = excerpt(f, d.span);
            let mut same: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
            let mut other: Vec<(Excerpt, std::ops::Range<usize>, &str)> = Vec::new();
            for r in &d.related {
                if inside(&main, r.span) {
                    same.push((local(&main, r.span), r.message.as_str()));
                } else {
                    let ex = excerpt(f, r.span);
                    let l = local(&ex, r.span);
                    other.push((ex, l, r.message.as_str()));
                }
            }
            let mut snippet = Snippet::source(&main.text)
                .line_start(main.first_line)
                .annotation(level(d.severity).span(local(&main, d.span)));
            if !main.windowed {
                snippet = snippet.origin(origin);
            }
            for (span, msg) in &same {
                snippet = snippet.annotation(Level::Note.span(span.clone()).label(msg));
            }
            let mut message = level(d.severity)
                .title(&d.message)
                .id(d.rule)
                .snippet(snippet);
            for (ex, span, msg) in &other {
                let mut s = Snippet::source(&ex.text)
                    .line_start(ex.first_line)
                    .annotation(Level::Note.span(span.clone()).label(msg));
                if !ex.windowed {
                    s = s.origin(origin);
                }
                message = message.snippet(s);
            }
            let fix_titles: Vec<String> = d
                .fixes
                .iter()
                .map(|x| format!("{} ({} fix)", x.title, x.applicability.as_str()))
                .collect();
            for t in &fix_titles {
                message = message.footer(Level::Help.title(t));
            }
            let mut rendered = renderer.render(message).to_string();
            if main.windowed {
                // Memoised: findings come in order, so a long line is not re-counted each time.
                let pos = super::position(f, d.span.start, crate::text::Encoding::Utf32);
                let at = format!("{origin}:{}:{}", pos.line, pos.column);
                let widest = other
                    .iter()
                    .map(|(ex, _, _)| ex.first_line)
                    .max()
                    .unwrap_or(0);
                rendered = with_origin(rendered, &at, main.first_line, widest);
            }
            writeln!(out, "{rendered}\n")?;
        }
    }
    out.write_all(summary(report).as_bytes())
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
