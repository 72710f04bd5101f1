//! `--format github`: GitHub Actions workflow commands, one annotation per finding:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
//! Errors become `::error`, warnings `::warning`, info and hints `::notice`.

use super::range;
use crate::cli::Report;
use crate::diagnostic::Severity;
use crate::text::Encoding;
use std::io::{self, Write};

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

/// Writes the annotations for `report`.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
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
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&f.path),
                s.line,
                s.column,
                e.line,
                e.column,
                property(d.rule),
                data(&message)
            )?;
        }
    }
    for failure in &report.failures {
        writeln!(
            out,
            "::error file={},title=newslint::{}",
            property(&failure.path),
            data(&failure.message)
        )?;
    }
    Ok(())
}
