//! `--format junit`: JUnit XML for CI test-report viewers. One `<testsuite>` per draft; each
//! finding is a failed `<testcase>` named after its rule and position; a draft without
//! findings has one passing test case; a draft that could not be read has an `<error>`.

use super::{one_line, range};
use crate::cli::Report;
use crate::text::Encoding;
use std::io::{self, Write};

/// Escapes text for XML attributes and content; drops characters XML 1.0 cannot carry.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes the JUnit document for `report`.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let findings = report.diagnostic_count();
    let passing = report
        .files
        .iter()
        .filter(|f| f.diagnostics.is_empty())
        .count();
    let errors = report.failures.len();
    out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    writeln!(
        out,
        "<testsuites name=\"newslint\" tests=\"{}\" failures=\"{findings}\" errors=\"{errors}\">",
        findings + passing + errors
    )?;
    for f in &report.files {
        let n = f.diagnostics.len();
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{n}\" errors=\"0\">",
            xml(&f.path),
            n.max(1)
        )?;
        if n == 0 {
            writeln!(
                out,
                "    <testcase name=\"newslint\" classname=\"{}\"/>",
                xml(&f.path)
            )?;
        }
        for d in &f.diagnostics {
            let (s, _) = range(f, d.span, Encoding::Utf32);
            writeln!(
                out,
                "    <testcase name=\"{} at {}:{}\" classname=\"{}\" file=\"{}\" line=\"{}\">",
                xml(d.rule),
                s.line,
                s.column,
                xml(&f.path),
                xml(&f.path),
                s.line
            )?;
            let mut body = super::concise_line(f, d);
            for fix in &d.fixes {
                body.push_str(&format!(
                    "\nfix ({}): {}",
                    fix.applicability.as_str(),
                    fix.title
                ));
            }
            writeln!(
                out,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                xml(&one_line(&d.message)),
                d.severity,
                xml(&body)
            )?;
            out.write_all(b"    </testcase>\n")?;
        }
        out.write_all(b"  </testsuite>\n")?;
    }
    for failure in &report.failures {
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\">",
            xml(&failure.path)
        )?;
        writeln!(
            out,
            "    <testcase name=\"newslint\" classname=\"{}\">\n      <error message=\"{}\"/>\n    </testcase>",
            xml(&failure.path),
            xml(&failure.message)
        )?;
        out.write_all(b"  </testsuite>\n")?;
    }
    out.write_all(b"</testsuites>\n")
}
