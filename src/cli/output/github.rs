//! `--format github`: GitHub Actions workflow commands, one annotation per finding:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
//! Errors become `::error`, warnings `::warning`, info and hints `::notice`.

use super::range;
use crate::cli::Report;
use crate::diagnostic::Severity;
use crate::text::Encoding;

/// Escapes a workflow-command message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The annotations for `report`.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.files {
        for d in &f.diagnostics {
            let (s, e) = range(f, d.span, Encoding::Utf32);
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            let mut message = d.message.clone();
            if let Some(fix) = d.fixes.first() {
                message.push_str(&format!(" (fix: {})", fix.title));
            }
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&f.path),
                s.line,
                s.column,
                e.line,
                e.column,
                property(d.rule),
                data(&message)
            ));
        }
    }
    for failure in &report.failures {
        out.push_str(&format!(
            "::error file={},title=newslint::{}\n",
            property(&failure.path),
            data(&failure.message)
        ));
    }
    out
}
