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

pub use json::render as json;

/// Renders `report` in the format `opts` asks for. `colored` applies to human output only.
pub fn render(report: &Report, opts: &CheckOptions, colored: bool) -> String {
    match opts.format {
        Format::Human => human::render(report, colored),
        Format::Concise => concise(report),
        Format::Json => json::render(report),
        Format::Github => github::render(report),
        Format::Sarif => sarif::render(report),
        Format::Rdjson => rdjson::render(report),
        Format::Junit => junit::render(report),
    }
}

/// A 1-based position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
}

/// The 1-based start and end positions of `span` in `file`, columns in `enc` units.
pub(crate) fn range(file: &Linted, span: Span, enc: Encoding) -> (Pos, Pos) {
    let p = |offset| {
        let lc = file.index.line_col(&file.source, offset, enc);
        Pos {
            line: lc.line as usize + 1,
            column: lc.col as usize + 1,
        }
    };
    (p(span.start), p(span.end))
}

/// `path:line:col: severity[rule] message`, one per line.
fn concise(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.files {
        for d in &f.diagnostics {
            let (s, _) = range(f, d.span, Encoding::Utf32);
            out.push_str(&format!(
                "{}:{}:{}: {}[{}] {}\n",
                f.path,
                s.line,
                s.column,
                d.severity,
                d.rule,
                one_line(&d.message)
            ));
        }
    }
    out
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
                },
                Linted {
                    path: "drafts/a b.md".to_string(),
                    source: source.to_string(),
                    index: LineIndex::new(source),
                    diagnostics: vec![hedge, vague, spelling, multi],
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
        let v: serde_json::Value = serde_json::from_str(&rendered(Format::Sarif)).unwrap();
        // The rules' metadata changes as rules are added; the results are what is pinned here.
        insta::assert_json_snapshot!(v["runs"][0]["results"]);
        assert_eq!(v["version"], "2.1.0");
        let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), crate::rules::all().len());
        assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], false);
    }

    #[test]
    fn colour_only_when_asked() {
        let opts = CheckOptions::default();
        assert!(!render(&sample(), &opts, false).contains('\u{1b}'));
        assert!(render(&sample(), &opts, true).contains('\u{1b}'));
    }
}
