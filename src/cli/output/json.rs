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

use super::range;
#[cfg(test)]
use super::{Pos, Seq};
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

#[cfg(test)]
#[derive(Serialize)]
struct File<'a, Diags: Serialize> {
    path: &'a str,
    diagnostics: Diags,
}

#[cfg(test)]
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

#[cfg(test)]
#[derive(Serialize)]
struct JSpan {
    start: usize,
    end: usize,
}

#[cfg(test)]
#[derive(Serialize)]
struct JPos {
    line: usize,
    column: usize,
}

#[cfg(test)]
#[derive(Serialize)]
struct JRange {
    start: JPos,
    end: JPos,
}

#[cfg(test)]
#[derive(Serialize)]
struct Related<'a> {
    span: JSpan,
    range: JRange,
    message: &'a str,
}

#[cfg(test)]
#[derive(Serialize)]
struct Fix<'a> {
    title: &'a str,
    applicability: &'a str,
    edits: Vec<Edit<'a>>,
}

#[cfg(test)]
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

#[cfg(test)]
fn jspan(s: Span) -> JSpan {
    JSpan {
        start: s.start,
        end: s.end,
    }
}

#[cfg(test)]
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

#[cfg(test)]
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

/// A JSON string for `s`, escaped as serde_json escapes it: `"` and `\\` with a backslash,
/// the control characters below 0x20 as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00xx`, every
/// other character as it is. The runs between escapes are copied whole.
fn put_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let b = s.as_bytes();
    let mut from = 0;
    for (i, &c) in b.iter().enumerate() {
        if c >= 0x20 && c != b'"' && c != b'\\' {
            continue;
        }
        out.extend_from_slice(&b[from..i]);
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            0x0D => out.extend_from_slice(b"\\r"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xF)],
            ]),
        }
        from = i + 1;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

/// `n` in decimal.
fn put_num(out: &mut Vec<u8>, n: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// `"span":{…},"range":{…}` of `s` in file `f`.
fn put_span_range(out: &mut Vec<u8>, f: &Linted, s: Span) {
    put_span(out, s);
    let (a, b) = range(f, s, Encoding::Utf32);
    out.extend_from_slice(b",\"range\":{\"start\":{\"line\":");
    put_num(out, a.line);
    out.extend_from_slice(b",\"column\":");
    put_num(out, a.column);
    out.extend_from_slice(b"},\"end\":{\"line\":");
    put_num(out, b.line);
    out.extend_from_slice(b",\"column\":");
    put_num(out, b.column);
    out.extend_from_slice(b"}}");
}

/// `"span":{"start":…,"end":…}`.
fn put_span(out: &mut Vec<u8>, s: Span) {
    out.extend_from_slice(b"\"span\":{\"start\":");
    put_num(out, s.start);
    out.extend_from_slice(b",\"end\":");
    put_num(out, s.end);
    out.push(b'}');
}

/// One diagnostic as [`Diag`] serialises.
fn put_diag(out: &mut Vec<u8>, f: &Linted, d: &Diagnostic) {
    out.extend_from_slice(b"{\"rule\":");
    put_str(out, d.rule);
    out.extend_from_slice(b",\"severity\":");
    put_str(out, d.severity.as_str());
    out.extend_from_slice(b",\"message\":");
    put_str(out, &d.message);
    out.push(b',');
    put_span_range(out, f, d.span);
    out.extend_from_slice(b",\"related\":[");
    for (i, r) in d.related.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'{');
        put_span_range(out, f, r.span);
        out.extend_from_slice(b",\"message\":");
        put_str(out, &r.message);
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"fixes\":[");
    for (i, x) in d.fixes.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"title\":");
        put_str(out, &x.title);
        out.extend_from_slice(b",\"applicability\":");
        put_str(out, x.applicability.as_str());
        out.extend_from_slice(b",\"edits\":[");
        for (k, e) in x.edits.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            out.push(b'{');
            put_span(out, e.span);
            out.extend_from_slice(b",\"replacement\":");
            put_str(out, &e.replacement);
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
    }
    out.extend_from_slice(b"]}");
}

/// One file as [`File`] of its [`Diag`]s serialises, written directly (the tests compare
/// the two).
fn file_json(f: &Linted) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + f.diagnostics.len() * 256);
    out.extend_from_slice(b"{\"path\":");
    put_str(&mut out, &f.path);
    out.extend_from_slice(b",\"diagnostics\":[");
    for (i, d) in f.diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        put_diag(&mut out, f, d);
    }
    out.extend_from_slice(b"]}");
    out
}

/// Writes the JSON document for `report`, with a trailing newline.
///
/// The files are written side by side on the rayon pool, each into its own buffer, and
/// written in report order: compact JSON has no white space between values, so the document is
/// the same, byte for byte, as one serialised in a single pass.
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    let files: Vec<Vec<u8>> = report.files.par_iter().map(file_json).collect();
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

    proptest::proptest! {
        /// Strings and numbers are written as serde_json writes them.
        #[test]
        fn strings_and_numbers_as_serde_writes_them(s in "\\PC*|[\\x00-\\x7f\"\\\\]*", n in proptest::prelude::any::<usize>()) {
            let mut ours = Vec::new();
            put_str(&mut ours, &s);
            proptest::prop_assert_eq!(ours, serde_json::to_vec(&s).unwrap());
            let mut ours = Vec::new();
            put_num(&mut ours, n);
            proptest::prop_assert_eq!(ours, serde_json::to_vec(&n).unwrap());
        }
    }

    #[test]
    fn control_characters_and_quotes_are_escaped() {
        let s = "a\"b\\c\u{0}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f}é“”";
        let mut ours = Vec::new();
        put_str(&mut ours, s);
        assert_eq!(ours, serde_json::to_vec(&s).unwrap());
        for n in [0, 9, 10, 12345, usize::MAX] {
            let mut ours = Vec::new();
            put_num(&mut ours, n);
            assert_eq!(ours, serde_json::to_vec(&n).unwrap());
        }
    }

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
