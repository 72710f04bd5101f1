//! `--format sarif`: SARIF 2.1.0 (OASIS), for GitHub code scanning and other viewers.
//!
//! One run; `tool.driver.rules` carries every rule's metadata (id, summary, full
//! documentation, default level and whether it is on by default); results point at their
//! rule by `ruleId` and `ruleIndex`. Regions have 1-based lines and columns counted in Unicode
//! code points (`columnKind: unicodeCodePoints`) plus byte offsets. Fixes become SARIF fixes;
//! drafts that could not be read become tool execution notifications.

use super::range;
use crate::cli::{Linted, Report};
use crate::diagnostic::Severity;
use crate::rules;
use crate::text::{Encoding, Span};
use serde_json::{Value, json};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A relative URI reference for a path: `/` separators, reserved characters escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
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

/// The SARIF log for `report`.
pub fn render(report: &Report) -> String {
    let all = rules::all();
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
    let mut results = Vec::new();
    for f in &report.files {
        for d in &f.diagnostics {
            let mut r = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [location(f, d.span)],
            });
            if let Some(i) = all.iter().position(|x| x.meta().id == d.rule) {
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
            results.push(r);
        }
    }
    let notifications: Vec<Value> = report
        .failures
        .iter()
        .map(|x| {
            json!({"level": "error", "message": {"text": format!("{}: {}", x.path, x.message)},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&x.path)}}}]})
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "newslint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_meta,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": report.failures.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}
