//! `--format json`: the stable contract (version 1) that CI users and the evaluation kit read.
//!
//! ```text
//! {"version": 1,
//!  "files": [{"path": "drafts/a.md",
//!             "diagnostics": [{"rule": "speculation/hedge", "severity": "warning",
//!                              "message": "…",
//!                              "span": {"start": 120, "end": 131},
//!                              "range": {"start": {"line": 4, "column": 15},
//!                                        "end": {"line": 4, "column": 26}},
//!                              "related": [{"span": {…}, "range": {…}, "message": "…"}],
//!                              "fixes": [{"title": "…", "applicability": "safe",
//!                                         "edits": [{"span": {…}, "replacement": "…"}]}]}]}],
//!  "summary": {"files": 1, "diagnostics": 1}}
//! ```
//!
//! `span` is 0-based, end-exclusive byte offsets into the file as stored; `range` is 1-based
//! line and column, the column counted in Unicode scalar values. Files that could not be read
//! are not listed (they are reported on standard error and make the exit status 2).
//! Do not change this shape: add a new version instead.

use super::{Pos, Seq, range};
use crate::cli::{Linted, Report};
use crate::diagnostic::Diagnostic;
use crate::text::{Encoding, Span};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Doc<Files: Serialize> {
    version: u32,
    files: Files,
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a, Diags: Serialize> {
    path: &'a str,
    diagnostics: Diags,
}

#[derive(Serialize)]
struct Diag<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    span: JSpan,
    range: JRange,
    related: Vec<Related<'a>>,
    fixes: Vec<Fix<'a>>,
}

#[derive(Serialize)]
struct JSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JPos {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JRange {
    start: JPos,
    end: JPos,
}

#[derive(Serialize)]
struct Related<'a> {
    span: JSpan,
    range: JRange,
    message: &'a str,
}

#[derive(Serialize)]
struct Fix<'a> {
    title: &'a str,
    applicability: &'a str,
    edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
struct Edit<'a> {
    span: JSpan,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    diagnostics: usize,
}

fn jspan(s: Span) -> JSpan {
    JSpan {
        start: s.start,
        end: s.end,
    }
}

fn jrange(f: &Linted, s: Span) -> JRange {
    let (a, b) = range(f, s, Encoding::Utf32);
    let p = |p: Pos| JPos {
        line: p.line,
        column: p.column,
    };
    JRange {
        start: p(a),
        end: p(b),
    }
}

fn diag<'a>(f: &'a Linted, d: &'a Diagnostic) -> Diag<'a> {
    Diag {
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        span: jspan(d.span),
        range: jrange(f, d.span),
        related: d
            .related
            .iter()
            .map(|r| Related {
                span: jspan(r.span),
                range: jrange(f, r.span),
                message: &r.message,
            })
            .collect(),
        fixes: d
            .fixes
            .iter()
            .map(|x| Fix {
                title: &x.title,
                applicability: x.applicability.as_str(),
                edits: x
                    .edits
                    .iter()
                    .map(|e| Edit {
                        span: jspan(e.span),
                        replacement: &e.replacement,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Writes the JSON document for `report`, with a trailing newline.
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let doc = Doc {
        version: 1,
        files: Seq(|| {
            report.files.iter().map(|f| File {
                path: &f.path,
                diagnostics: Seq(move || f.diagnostics.iter().map(move |d| diag(f, d))),
            })
        }),
        summary: Summary {
            files: report.files.len(),
            diagnostics: report.diagnostic_count(),
        },
    };
    serde_json::to_writer(&mut *w, &doc)?;
    w.write_all(b"\n")
}
