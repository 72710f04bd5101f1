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

/// The whole document in one value: the reference [`write`] is tested against.
#[cfg(test)]
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
///
/// The files are serialised side by side on the rayon pool, each into its own buffer, and
/// written in report order: compact JSON has no white space between values, so the document is
/// the same, byte for byte, as one serialised in a single pass.
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    let files: Vec<Vec<u8>> = report
        .files
        .par_iter()
        .map(|f| {
            serde_json::to_vec(&File {
                path: &f.path,
                diagnostics: Seq(move || f.diagnostics.iter().map(move |d| diag(f, d))),
            })
        })
        .collect::<Result<_, _>>()?;
    w.write_all(b"{\"version\":1,\"files\":[")?;
    for (i, f) in files.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        w.write_all(f)?;
    }
    w.write_all(b"],\"summary\":")?;
    serde_json::to_writer(
        &mut *w,
        &Summary {
            files: report.files.len(),
            diagnostics: report.diagnostic_count(),
        },
    )?;
    w.write_all(b"}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document written file by file is the one serde writes in one pass.
    #[test]
    fn the_document_is_serialised_as_one() {
        let source = "# Plan\n\nSources say the vote could slip.\n\nIt is expected to pass.\n";
        let settings = crate::Settings::default();
        let linted = |path: &str| {
            let index = crate::LineIndex::new(source);
            Linted {
                path: path.to_string(),
                source: source.to_string(),
                diagnostics: crate::lint(source, &settings),
                index,
                memo: Default::default(),
            }
        };
        for n in [0, 1, 3] {
            let report = Report {
                files: (0..n).map(|i| linted(&format!("d{i}.md"))).collect(),
                ..Default::default()
            };
            assert!(n == 0 || report.diagnostic_count() > 0);
            let mut ours = Vec::new();
            write(&report, &mut ours).unwrap();
            let one = Doc {
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
            let mut theirs = serde_json::to_vec(&one).unwrap();
            theirs.push(b'\n');
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }
}
