//! `--format rdjson`: reviewdog's Diagnostic Format
//! (<https://github.com/reviewdog/reviewdog/tree/master/proto/rdf>), for
//! `reviewdog -f=rdjson`. Positions are 1-based lines and columns; as the format specifies,
//! columns count UTF-8 bytes. Fixes that may be applied (safe or unsafe) become suggestions.

use super::{Seq, range};
use crate::cli::{Linted, Report};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::{Applicability, Severity};
use crate::text::{Encoding, Span};
use serde::Serialize;
use serde_json::{Value, json};
use std::io::{self, Write};

fn rd_range(f: &Linted, s: Span) -> Value {
    let (a, b) = range(f, s, Encoding::Utf8);
    json!({"start": {"line": a.line, "column": a.column},
           "end": {"line": b.line, "column": b.column}})
}

fn diagnostic(f: &Linted, d: &Diagnostic) -> Value {
    let severity = match d.severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info | Severity::Hint => "INFO",
    };
    let suggestions: Vec<Value> = d
        .fixes
        .iter()
        .find(|x| x.applicability != Applicability::DisplayOnly && !x.edits.is_empty())
        .map(|x| {
            x.edits
                .iter()
                .map(|e| json!({"range": rd_range(f, e.span), "text": e.replacement}))
                .collect()
        })
        .unwrap_or_default();
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| {
            json!({"message": r.message,
                   "location": {"path": f.path, "range": rd_range(f, r.span)}})
        })
        .collect();
    let mut v = json!({
        "message": d.message,
        "location": {"path": f.path, "range": rd_range(f, d.span)},
        "severity": severity,
        "source": {"name": "newslint"},
        "code": {"value": d.rule},
    });
    if !suggestions.is_empty() {
        v["suggestions"] = Value::Array(suggestions);
    }
    if !related.is_empty() {
        v["related_locations"] = Value::Array(related);
    }
    v
}

#[derive(Serialize)]
struct Doc<D: Serialize> {
    source: Value,
    diagnostics: D,
}

/// Writes the rdjson document for `report`.
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let doc = Doc {
        source: json!({"name": "newslint"}),
        diagnostics: Seq(|| {
            report
                .files
                .iter()
                .flat_map(|f| f.diagnostics.iter().map(move |d| diagnostic(f, d)))
        }),
    };
    serde_json::to_writer(&mut *w, &doc)?;
    w.write_all(b"\n")
}
