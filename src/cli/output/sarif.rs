//! `--format sarif`: SARIF 2.1.0 (OASIS), for GitHub code scanning and other viewers.
//!
//! One run; `tool.driver.rules` carries every rule's metadata (id, summary, full
//! documentation, default level and whether it is on by default); results point at their
//! rule by `ruleId` and `ruleIndex`. Regions have 1-based lines and columns counted in Unicode
//! code points (`columnKind: unicodeCodePoints`) plus byte offsets. Fixes become SARIF fixes;
//! drafts that could not be read become tool execution notifications.

use super::{Seq, range};
use crate::cli::{Linted, Report};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity;
use crate::rules;
use crate::text::{Encoding, Span};
use serde::Serialize;
use serde_json::{Value, json};
use std::io::{self, Write};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A URI for a path: a relative reference for a relative path, a `file://` URI for an
/// absolute one; reserved characters escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn region(f: &Linted, s: Span) -> Value {
    let (a, b) = range(f, s, Encoding::Utf32);
    json!({"startLine": a.line, "startColumn": a.column, "endLine": b.line,
           "endColumn": b.column, "byteOffset": s.start, "byteLength": s.len()})
}

fn location(f: &Linted, s: Span) -> Value {
    json!({"physicalLocation": {"artifactLocation": {"uri": uri(&f.path)}, "region": region(f, s)}})
}

fn result(f: &Linted, d: &Diagnostic, ids: &[&str]) -> Value {
    let mut r = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [location(f, d.span)],
    });
    if let Some(i) = ids.iter().position(|x| *x == d.rule) {
        r["ruleIndex"] = json!(i);
    }
    if !d.related.is_empty() {
        r["relatedLocations"] = Value::Array(
            d.related
                .iter()
                .enumerate()
                .map(|(i, rel)| {
                    let mut l = location(f, rel.span);
                    l["id"] = json!(i);
                    l["message"] = json!({"text": rel.message});
                    l
                })
                .collect(),
        );
    }
    if !d.fixes.is_empty() {
        r["fixes"] = Value::Array(
            d.fixes
                .iter()
                .map(|x| {
                    let replacements: Vec<Value> = x
                        .edits
                        .iter()
                        .map(|e| {
                            json!({"deletedRegion": region(f, e.span),
                                   "insertedContent": {"text": e.replacement}})
                        })
                        .collect();
                    json!({
                        "description": {"text": x.title},
                        "artifactChanges": [{"artifactLocation": {"uri": uri(&f.path)},
                                             "replacements": replacements}],
                        "properties": {"applicability": x.applicability.as_str()},
                    })
                })
                .collect(),
        );
    }
    r
}

#[derive(Serialize)]
struct Log<R: Serialize> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<R>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<R: Serialize> {
    tool: Value,
    column_kind: &'static str,
    invocations: Value,
    results: R,
}

/// Writes the SARIF log for `report`.
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let all = rules::all();
    let ids: Vec<&str> = all.iter().map(|r| r.meta().id).collect();
    let rule_meta: Vec<Value> = all
        .iter()
        .map(|r| {
            let m = r.meta();
            json!({
                "id": m.id,
                "name": m.id,
                "shortDescription": {"text": m.summary()},
                "fullDescription": {"text": m.summary()},
                "help": {"text": m.docs(), "markdown": m.docs()},
                "defaultConfiguration": {"level": level(m.default_severity),
                                         "enabled": m.enabled_by_default},
                "properties": {"tags": [m.family()]},
            })
        })
        .collect();
    let notifications: Vec<Value> = report
        .failures
        .iter()
        .map(|x| {
            json!({"level": "error", "message": {"text": format!("{}: {}", x.path, x.message)},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&x.path)}}}]})
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: json!({"driver": {
                "name": "newslint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_meta,
            }}),
            column_kind: "unicodeCodePoints",
            invocations: json!([{
                "executionSuccessful": report.failures.is_empty(),
                "toolExecutionNotifications": notifications,
            }]),
            results: Seq(|| {
                report
                    .files
                    .iter()
                    .flat_map(|f| f.diagnostics.iter().map(|d| result(f, d, &ids)))
            }),
        }],
    };
    serde_json::to_writer_pretty(&mut *w, &log)?;
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris() {
        assert_eq!(super::uri("drafts/a b.md"), "drafts/a%20b.md");
        assert_eq!(super::uri("/srv/news/é.md"), "file:///srv/news/%C3%A9.md");
    }
}
