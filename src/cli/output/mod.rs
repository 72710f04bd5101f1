//! Renderers for `newslint check`: one module per format, each a pure function from a
//! [`Report`] to text. Positions are converted here, at the edge: 1-based lines, and columns in
//! Unicode scalar values unless a format's own specification says otherwise.

mod github;
mod human;
mod json;
mod junit;
mod rdjson;
mod sarif;

use super::{CheckOptions, Format, Linted, Report};
use crate::text::{Encoding, Span};
use serde::{Serialize, Serializer};
use std::io::{self, Write};

/// Writes `report` to `w` in the format `opts` asks for, as it goes (nothing is held in
/// memory but the report itself). `colored` applies to human output only.
pub fn write(
    report: &Report,
    opts: &CheckOptions,
    colored: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    match opts.format {
        Format::Human => human::write(report, colored, w),
        Format::Concise => concise(report, w),
        Format::Json => json::write(report, w),
        Format::Github => github::write(report, w),
        Format::Sarif => sarif::write(report, w),
        Format::Rdjson => rdjson::write(report, w),
        Format::Junit => junit::write(report, w),
    }
}

/// [`write()`] into a string.
pub fn render(report: &Report, opts: &CheckOptions, colored: bool) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write(report, opts, colored, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// A sequence serialised from an iterator made on demand, so JSON output streams instead of
/// building a document in memory.
pub(crate) struct Seq<F>(pub F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// A 1-based position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
}

/// The last position computed in a file, so that positions asked for in order (as findings
/// are) cost the distance between them rather than the distance from the line start; and,
/// built the first time a column is counted over a long stretch, the UTF-16 and character
/// counts of the text before every 4,096 bytes, so that a column far from both the
/// line start and the last position (a related location earlier in a 2 MB one-line
/// paragraph) costs at most two stretches of 4,096 bytes: rendering stays linear.
/// A mutex (never contended: one file is rendered by one thread) so that files can be
/// rendered side by side.
#[derive(Debug, Default)]
pub struct PosMemo(std::sync::Mutex<MemoState>);

/// What [`PosMemo`] keeps.
#[derive(Debug, Default)]
struct MemoState {
    /// The last position: its encoding, byte offset and position.
    last: Option<(Encoding, usize, Pos)>,
    /// For k = 0, 1, …: (byte offset, UTF-16 units before it, characters before it), the
    /// offset being the char boundary at or before k × [`MARK_STEP`].
    marks: Vec<(usize, usize, usize)>,
}

/// Bytes between two marks of [`PosMemo`]; a stretch longer than twice this is counted
/// through the marks.
const MARK_STEP: usize = 4096;

impl PosMemo {
    fn state(&self) -> std::sync::MutexGuard<'_, MemoState> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self) -> Option<(Encoding, usize, Pos)> {
        self.state().last
    }

    fn set(&self, v: Option<(Encoding, usize, Pos)>) {
        self.state().last = v;
    }

    /// The `enc` units of `source[from..to]` (`from <= to`, both char boundaries).
    fn count(&self, source: &str, from: usize, to: usize, enc: Encoding) -> usize {
        let direct = |a: usize, b: usize| {
            let s = source.get(a..b).unwrap_or("");
            match enc {
                Encoding::Utf8 => s.len(),
                Encoding::Utf16 => s.encode_utf16().count(),
                Encoding::Utf32 => s.chars().count(),
            }
        };
        if enc == Encoding::Utf8 || to.saturating_sub(from) <= 2 * MARK_STEP {
            return direct(from, to);
        }
        let mut st = self.state();
        if st.marks.is_empty() {
            let (mut u16s, mut chars, mut at) = (0, 0, 0);
            let mut k = 0;
            while k * MARK_STEP <= source.len() {
                let next = crate::text::floor_char_boundary(source, k * MARK_STEP);
                let s = source.get(at..next).unwrap_or("");
                u16s += s.encode_utf16().count();
                chars += s.chars().count();
                at = next;
                st.marks.push((at, u16s, chars));
                k += 1;
            }
        }
        // The units before `x`: from the mark at or before it.
        let before = |x: usize| {
            let (at, u16s, chars) = st.marks[(x / MARK_STEP).min(st.marks.len() - 1)];
            let base = if enc == Encoding::Utf16 { u16s } else { chars };
            base + direct(at, x)
        };
        before(to) - before(from)
    }
}

/// The 1-based position of byte `offset` in `file`, the column in `enc` units. Offsets are
/// clamped as [`LineIndex::line_col`](crate::text::LineIndex::line_col) clamps them.
pub(crate) fn position(file: &Linted, offset: usize, enc: Encoding) -> Pos {
    let source = file.source.as_str();
    let offset = crate::text::floor_char_boundary(source, offset.min(source.len()));
    let line = file.index.line_of(offset);
    let Some(bounds) = file.index.line_span(line) else {
        let lc = file.index.line_col(source, offset, enc);
        return Pos {
            line: lc.line as usize + 1,
            column: lc.col as usize + 1,
        };
    };
    let offset = offset.clamp(bounds.start, bounds.end);
    let count = |from: usize, to: usize| file.memo.count(source, from, to, enc);
    let column = match file.memo.get() {
        Some((e, at, p)) if e == enc && p.line == line + 1 && at <= offset => {
            p.column + count(at, offset)
        }
        _ => 1 + count(bounds.start, offset),
    };
    let pos = Pos {
        line: line + 1,
        column,
    };
    file.memo.set(Some((enc, offset, pos)));
    pos
}

/// The 1-based start and end positions of `span` in `file`, columns in `enc` units.
pub(crate) fn range(file: &Linted, span: Span, enc: Encoding) -> (Pos, Pos) {
    (
        position(file, span.start, enc),
        position(file, span.end, enc),
    )
}

/// One finding as `path:line:col: severity[rule] message` (the column in characters).
pub(crate) fn concise_line(f: &Linted, d: &crate::diagnostic::Diagnostic) -> String {
    let (s, _) = range(f, d.span, Encoding::Utf32);
    format!(
        "{}:{}:{}: {}[{}] {}",
        f.path,
        s.line,
        s.column,
        d.severity,
        d.rule,
        one_line(&d.message)
    )
}

/// `path:line:col: severity[rule] message`, one per line.
fn concise(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.files {
        for d in &f.diagnostics {
            writeln!(out, "{}", concise_line(f, d))?;
        }
    }
    Ok(())
}

/// `text` with line breaks turned into spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Failure;
    use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
    use crate::text::LineIndex;

    /// A report built by hand (renderers do not depend on which rules exist): a draft with
    /// curly quotes, an em dash and an emoji before the findings, so columns in characters,
    /// bytes and UTF-16 differ; a finding with a related place and fixes; a multi-line one.
    fn sample() -> Report {
        let source = "# Talks in Kyiv\n\n“Fine,” she said — 🙂 reportedly the talks failed.\n\nSources say the minister, Zelensky, will go.\nZelenskiy was in\nKiev on Monday.\n";
        let find = |needle: &str| {
            let s = source.find(needle).unwrap();
            Span::new(s, s + needle.len())
        };
        let d = |rule: &'static str, severity, span, message: &str| Diagnostic {
            rule,
            severity,
            message: message.to_string(),
            span,
            related: Vec::new(),
            fixes: Vec::new(),
        };
        let mut hedge = d(
            "speculation/hedge",
            Severity::Warning,
            find("reportedly"),
            "“reportedly” hedges: who reported it?",
        );
        hedge.fixes.push(Fix {
            title: "Remove “reportedly”".to_string(),
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                span: Span::new(find("reportedly").start, find("reportedly").end + 1),
                replacement: String::new(),
            }],
        });
        let vague = d(
            "attribution/vague-source",
            Severity::Error,
            find("Sources say"),
            "Which sources? Name them or say why they cannot be named.",
        );
        let mut spelling = d(
            "names/inconsistent-spelling",
            Severity::Info,
            find("Zelenskiy"),
            "“Zelenskiy” is also written “Zelensky”.",
        );
        spelling.related.push(Related {
            span: find("Zelensky,"),
            message: "written “Zelensky” here".to_string(),
        });
        spelling.fixes.push(Fix {
            title: "Write “Zelensky”".to_string(),
            applicability: Applicability::DisplayOnly,
            edits: vec![],
        });
        let multi = d(
            "names/house-style",
            Severity::Hint,
            Span::new(find("in\nKiev").start, find("Kiev").end),
            "House style is “Kyiv”.",
        );
        Report {
            files: vec![
                Linted {
                    path: "clean.md".to_string(),
                    source: "Nothing to see.\n".to_string(),
                    index: LineIndex::new("Nothing to see.\n"),
                    diagnostics: vec![],
                    memo: Default::default(),
                },
                Linted {
                    path: "drafts/a b.md".to_string(),
                    source: source.to_string(),
                    index: LineIndex::new(source),
                    diagnostics: vec![hedge, vague, spelling, multi],
                    memo: Default::default(),
                },
            ],
            failures: vec![Failure {
                path: "bad.md".to_string(),
                message: "not valid UTF-8".to_string(),
            }],
        }
    }

    fn rendered(format: Format) -> String {
        let opts = CheckOptions {
            format,
            ..CheckOptions::default()
        };
        render(&sample(), &opts, false)
    }

    #[test]
    fn positions_match_the_line_index_in_any_order() {
        let source = "\u{feff}a “é” —\r\n🙂 b\rc\n\nd 😀é\n";
        let file = Linted {
            path: "p.md".to_string(),
            source: source.to_string(),
            index: LineIndex::new(source),
            diagnostics: vec![],
            memo: Default::default(),
        };
        let forward: Vec<usize> = (0..=source.len() + 2).collect();
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        let zigzag: Vec<usize> = forward
            .iter()
            .map(|&o| (o * 7) % (source.len() + 3))
            .collect();
        for order in [forward, backward, zigzag] {
            for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                for &o in &order {
                    let lc = file.index.line_col(source, o, enc);
                    let expected = Pos {
                        line: lc.line as usize + 1,
                        column: lc.col as usize + 1,
                    };
                    assert_eq!(position(&file, o, enc), expected, "offset {o}, {enc:?}");
                }
            }
        }
    }

    #[test]
    fn long_lines_count_through_the_marks_as_directly() {
        // Lines far longer than two marks' stretch, of one-, two-, three- and four-byte
        // characters, with a short line between; offsets forward, backward and jumping, as
        // findings and their related locations ask for them.
        let unit = "ab “é” — 🙂 ";
        let long = unit.repeat(3 * MARK_STEP / unit.len() + 7);
        let source = format!("{long}\nshort\r\n{long}{long}\n");
        let file = Linted {
            path: "p.md".to_string(),
            source: source.clone(),
            index: LineIndex::new(&source),
            diagnostics: vec![],
            memo: Default::default(),
        };
        let n = source.len() + 2;
        let forward: Vec<usize> = (0..=n).step_by(97).collect();
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        let jumping: Vec<usize> = (0..=n).map(|o| (o * 7919) % (n + 1)).step_by(53).collect();
        for order in [forward, backward, jumping] {
            for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                for &o in &order {
                    let lc = file.index.line_col(&source, o, enc);
                    let expected = Pos {
                        line: lc.line as usize + 1,
                        column: lc.col as usize + 1,
                    };
                    assert_eq!(position(&file, o, enc), expected, "offset {o}, {enc:?}");
                }
            }
        }
        assert!(!file.memo.state().marks.is_empty(), "the marks were used");
    }

    #[test]
    fn human() {
        insta::assert_snapshot!(rendered(Format::Human));
    }

    #[test]
    fn concise() {
        insta::assert_snapshot!(rendered(Format::Concise));
    }

    #[test]
    fn github() {
        insta::assert_snapshot!(rendered(Format::Github));
    }

    #[test]
    fn junit() {
        insta::assert_snapshot!(rendered(Format::Junit));
    }

    #[test]
    fn json() {
        let v: serde_json::Value = serde_json::from_str(&rendered(Format::Json)).unwrap();
        insta::assert_json_snapshot!(v);
    }

    #[test]
    fn rdjson() {
        let v: serde_json::Value = serde_json::from_str(&rendered(Format::Rdjson)).unwrap();
        insta::assert_json_snapshot!(v);
    }

    #[test]
    fn sarif() {
        let mut v: serde_json::Value = serde_json::from_str(&rendered(Format::Sarif)).unwrap();
        // The rules' metadata (and so `ruleIndex`) changes as rules are added; the rest of the
        // results is what is pinned here. tests/cli.rs checks `ruleIndex` against the rules.
        let mut results = v["runs"][0]["results"].take();
        for r in results.as_array_mut().unwrap() {
            r.as_object_mut().unwrap().remove("ruleIndex");
        }
        insta::assert_json_snapshot!(results);
        assert_eq!(v["version"], "2.1.0");
        let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), crate::rules::all().len());
        assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], false);
    }

    #[test]
    fn long_lines_are_cut_to_a_window() {
        let source = format!("{}reportedly{} end\n", "é ".repeat(2500), " x".repeat(2500));
        let start = source.find("reportedly").unwrap();
        let hedge = Diagnostic {
            rule: "speculation/hedge",
            severity: Severity::Warning,
            message: "hedge".to_string(),
            span: Span::new(start, start + 10),
            related: vec![Related {
                span: Span::new(0, 2),
                message: "far away".to_string(),
            }],
            fixes: Vec::new(),
        };
        let report = Report {
            files: vec![Linted {
                path: "long.md".to_string(),
                index: LineIndex::new(&source),
                source,
                diagnostics: vec![hedge],
                memo: Default::default(),
            }],
            failures: vec![],
        };
        let out = render(&report, &CheckOptions::default(), false);
        insta::assert_snapshot!(out);
    }

    #[test]
    fn colour_only_when_asked() {
        let opts = CheckOptions::default();
        assert!(!render(&sample(), &opts, false).contains('\u{1b}'));
        assert!(render(&sample(), &opts, true).contains('\u{1b}'));
    }
}
