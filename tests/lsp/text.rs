//! The test's own position arithmetic (independent of the server's), for LF-only texts.

#![allow(dead_code)]

use serde_json::{Value, json};

/// Column units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Units {
    Utf8,
    Utf16,
}

/// The LSP position of byte `offset` in `text`.
pub fn position(text: &str, offset: usize, units: Units) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = match units {
        Units::Utf8 => offset - start,
        Units::Utf16 => text[start..offset].encode_utf16().count(),
    };
    (line as u64, col as u64)
}

/// The byte offset of an LSP position in `text`.
pub fn offset(text: &str, line: u64, col: u64, units: Units) -> usize {
    let mut start = 0;
    for _ in 0..line {
        start = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units_seen = 0u64;
    for (i, c) in text[start..end].char_indices() {
        if units_seen >= col {
            return start + i;
        }
        units_seen += match units {
            Units::Utf8 => c.len_utf8() as u64,
            Units::Utf16 => c.len_utf16() as u64,
        };
    }
    end
}

/// The JSON range of bytes `start..end`.
pub fn range(text: &str, start: usize, end: usize, units: Units) -> Value {
    let (a, b) = position(text, start, units);
    let (c, d) = position(text, end, units);
    json!({"start": {"line": a, "character": b}, "end": {"line": c, "character": d}})
}

/// Applies LSP text edits (JSON) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], units: Units) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let r = &e["range"];
            let at = |p: &Value| {
                offset(
                    text,
                    p["line"].as_u64().expect("line"),
                    p["character"].as_u64().expect("character"),
                    units,
                )
            };
            (
                at(&r["start"]),
                at(&r["end"]),
                e["newText"].as_str().expect("newText").to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

/// A diagnostic reduced to what the tests compare: range, rule, severity, message.
pub type Key = (Value, String, u64, String);

/// The comparable parts of published diagnostics, sorted.
pub fn keys(diags: &[Value]) -> Vec<Key> {
    let mut v: Vec<Key> = diags
        .iter()
        .map(|d| {
            (
                d["range"].clone(),
                d["code"].as_str().unwrap_or("").to_string(),
                d["severity"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    v.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    v
}

/// What the library reports for `text` with default settings, as the server should publish it.
pub fn expected(text: &str, units: Units) -> Vec<Key> {
    let diags = newslint::lint(text, &newslint::Settings::default());
    let mut v: Vec<Key> = diags
        .iter()
        .map(|d| {
            let severity = match d.severity {
                newslint::Severity::Error => 1,
                newslint::Severity::Warning => 2,
                newslint::Severity::Info => 3,
                newslint::Severity::Hint => 4,
            };
            (
                range(text, d.span.start, d.span.end, units),
                d.rule.to_string(),
                severity,
                d.message.clone(),
            )
        })
        .collect();
    v.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    v
}
