//! The protocol edge: byte offsets and core diagnostics to LSP positions and diagnostics, and
//! back. Nothing else in the server converts positions.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::text::{Encoding, LineCol, LineIndex, Span};
use serde::Serialize;
use serde_json::json;
use tower_lsp_server::ls_types as lsp;

/// The `source` of every diagnostic we publish.
pub(crate) const SOURCE: &str = "newslint";

/// The LSP name of an encoding.
pub(crate) fn encoding_kind(enc: Encoding) -> lsp::PositionEncodingKind {
    match enc {
        Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        Encoding::Utf32 => lsp::PositionEncodingKind::UTF32,
    }
}

/// Picks the position encoding: UTF-8 when the client offers it, else UTF-16 (which every
/// client must support).
pub(crate) fn negotiate(offered: Option<&[lsp::PositionEncodingKind]>) -> Encoding {
    match offered {
        Some(kinds) if kinds.contains(&lsp::PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

/// A text with its line index, converting positions in one encoding.
pub(crate) struct Lines<'a> {
    text: &'a str,
    index: &'a LineIndex,
    enc: Encoding,
}

impl<'a> Lines<'a> {
    /// Positions in `text` (indexed by `index`) counted in `enc`.
    pub(crate) fn new(text: &'a str, index: &'a LineIndex, enc: Encoding) -> Lines<'a> {
        Lines { text, index, enc }
    }

    /// The LSP position of byte `offset` (clamped to the text).
    pub(crate) fn position(&self, offset: usize) -> lsp::Position {
        let lc = self.index.line_col(self.text, offset, self.enc);
        lsp::Position::new(lc.line, lc.col)
    }

    /// The LSP range of `span`.
    pub(crate) fn range(&self, span: Span) -> lsp::Range {
        lsp::Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `pos`, clamped to the text and to character boundaries.
    pub(crate) fn offset(&self, pos: lsp::Position) -> usize {
        self.index.offset(
            self.text,
            LineCol {
                line: pos.line,
                col: pos.character,
            },
            self.enc,
        )
    }

    /// The byte span of `range` (ends swapped when given backwards).
    pub(crate) fn span(&self, range: lsp::Range) -> Span {
        Span::new(self.offset(range.start), self.offset(range.end))
    }
}

/// The LSP severity of a core severity.
pub(crate) fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

/// A core fix's edits as LSP text edits.
pub(crate) fn text_edits(lines: &Lines<'_>, fix: &Fix) -> Vec<lsp::TextEdit> {
    fix.edits
        .iter()
        .map(|e| lsp::TextEdit::new(lines.range(e.span), e.replacement.clone()))
        .collect()
}

/// A core diagnostic as an LSP diagnostic: `code` is the rule id, `source` is "newslint",
/// related spans become `relatedInformation`, and the fixes ride in `data`.
pub(crate) fn diagnostic(lines: &Lines<'_>, uri: &lsp::Uri, d: &Diagnostic) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|r| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), lines.range(r.span)),
            message: r.message.clone(),
        })
        .collect();
    let fixes: Vec<serde_json::Value> = d
        .fixes
        .iter()
        .map(|f| {
            json!({
                "title": f.title,
                "applicability": f.applicability.as_str(),
                "edits": text_edits(lines, f),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: lines.range(d.span),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.rule.to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: (!fixes.is_empty()).then(|| json!({ "fixes": fixes })),
    }
}

/// The JSON-RPC notification with `params` for `method`, as the bytes of a frame's body.
pub(crate) fn notification<P: Serialize>(method: &str, params: &P) -> Vec<u8> {
    #[derive(Serialize)]
    struct Notification<'a, P> {
        jsonrpc: &'static str,
        method: &'a str,
        params: &'a P,
    }
    serde_json::to_vec(&Notification {
        jsonrpc: "2.0",
        method,
        params,
    })
    .unwrap_or_default()
}

/// The `textDocument/publishDiagnostics` notification for core diagnostics `core`, as the
/// bytes of a frame's body: the JSON of [`diagnostic`]'s LSP diagnostics (a test checks they
/// are equal), written straight from the core diagnostics, with no LSP values or JSON trees in
/// between. A draft's hundreds of findings are published on every edit, so this is on the
/// path from a keystroke to its diagnostics.
pub(crate) fn publish_body(
    lines: &Lines<'_>,
    uri: &lsp::Uri,
    core: &[Diagnostic],
    version: Option<i32>,
) -> Vec<u8> {
    #[derive(Serialize)]
    struct Params<'a> {
        uri: &'a lsp::Uri,
        diagnostics: Vec<Diag<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        version: Option<i32>,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Diag<'a> {
        range: lsp::Range,
        severity: lsp::DiagnosticSeverity,
        code: &'a str,
        source: &'static str,
        message: &'a str,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        related_information: Vec<RelatedOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        data: Option<Data<'a>>,
    }
    #[derive(Serialize)]
    struct RelatedOut<'a> {
        location: Location<'a>,
        message: &'a str,
    }
    #[derive(Serialize)]
    struct Location<'a> {
        uri: &'a lsp::Uri,
        range: lsp::Range,
    }
    #[derive(Serialize)]
    struct Data<'a> {
        fixes: Vec<FixOut<'a>>,
    }
    #[derive(Serialize)]
    struct FixOut<'a> {
        title: &'a str,
        applicability: &'static str,
        edits: Vec<EditOut<'a>>,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct EditOut<'a> {
        range: lsp::Range,
        new_text: &'a str,
    }
    let diagnostics = core
        .iter()
        .map(|d| Diag {
            range: lines.range(d.span),
            severity: severity(d.severity),
            code: d.rule,
            source: SOURCE,
            message: &d.message,
            related_information: d
                .related
                .iter()
                .map(|r| RelatedOut {
                    location: Location {
                        uri,
                        range: lines.range(r.span),
                    },
                    message: &r.message,
                })
                .collect(),
            data: (!d.fixes.is_empty()).then(|| Data {
                fixes: d
                    .fixes
                    .iter()
                    .map(|f| FixOut {
                        title: &f.title,
                        applicability: f.applicability.as_str(),
                        edits: f
                            .edits
                            .iter()
                            .map(|e| EditOut {
                                range: lines.range(e.span),
                                new_text: &e.replacement,
                            })
                            .collect(),
                    })
                    .collect(),
            }),
        })
        .collect();
    notification(
        "textDocument/publishDiagnostics",
        &Params {
            uri,
            diagnostics,
            version,
        },
    )
}

/// Whether a fix may be applied without review.
pub(crate) fn is_safe(fix: &Fix) -> bool {
    fix.applicability == Applicability::Safe
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that `needle` in `text` sits at `(line, col)` in `enc`, both ways.
    fn check(text: &str, needle: &str, enc: Encoding, expected: (u32, u32)) {
        let index = LineIndex::new(text);
        let lines = Lines::new(text, &index, enc);
        let at = text.find(needle).expect("needle");
        let pos = lines.position(at);
        assert_eq!((pos.line, pos.character), expected, "{needle:?} in {enc:?}");
        assert_eq!(lines.offset(pos), at);
    }

    #[test]
    fn positions_per_encoding() {
        let t = "# T\n\n“Quote” — 😀 reportedly";
        check(t, "reportedly", Encoding::Utf16, (2, 13));
        check(t, "reportedly", Encoding::Utf8, (2, 21));
        check(t, "😀", Encoding::Utf16, (2, 10));
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let t = "ab\n😀c";
        let index = LineIndex::new(t);
        let lines = Lines::new(t, &index, Encoding::Utf16);
        assert_eq!(lines.offset(lsp::Position::new(7, 0)), t.len());
        assert_eq!(lines.offset(lsp::Position::new(0, 99)), 2);
        assert_eq!(lines.offset(lsp::Position::new(1, 1)), 3);
        let s = lines.span(lsp::Range::new(
            lsp::Position::new(1, 3),
            lsp::Position::new(0, 1),
        ));
        assert_eq!(s, Span::new(1, t.len()));
    }

    #[test]
    fn publish_body_is_the_lsp_notification() {
        use crate::diagnostic::{Edit, Related};
        let text = "# T\n\n“Quote” — 😀 reportedly\nsaid the man.";
        let index = LineIndex::new(text);
        let uri: lsp::Uri = "file:///tmp/d.md".parse().expect("uri");
        let at = text.find("reportedly").expect("word");
        let diag = |rule, span, message: &str| Diagnostic {
            rule,
            severity: Severity::Warning,
            message: message.to_string(),
            span,
            related: Vec::new(),
            fixes: Vec::new(),
        };
        let mut with_all = diag("speculation/hedge", Span::new(at, at + 10), "Hm.");
        with_all.related.push(Related {
            span: Span::new(0, 3),
            message: "there \"too\"".to_string(),
        });
        with_all.fixes.push(Fix {
            title: "Remove “reportedly”".to_string(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: Span::new(at - 1, at + 10),
                replacement: String::new(),
            }],
        });
        let mut bare = diag("names/first-reference", Span::new(1, 2), "A\u{1}b");
        bare.severity = Severity::Hint;
        let core = vec![with_all, bare];
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let lines = Lines::new(text, &index, enc);
            for version in [Some(7), None] {
                let body = publish_body(&lines, &uri, &core, version);
                let got: serde_json::Value = serde_json::from_slice(&body).expect("json");
                let params = lsp::PublishDiagnosticsParams {
                    uri: uri.clone(),
                    diagnostics: core.iter().map(|d| diagnostic(&lines, &uri, d)).collect(),
                    version,
                };
                let want = json!({
                    "jsonrpc": "2.0",
                    "method": "textDocument/publishDiagnostics",
                    "params": params,
                });
                assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn negotiation_prefers_utf8() {
        use lsp::PositionEncodingKind as K;
        assert_eq!(negotiate(None), Encoding::Utf16);
        assert_eq!(negotiate(Some(&[K::UTF16, K::UTF8])), Encoding::Utf8);
        assert_eq!(negotiate(Some(&[K::UTF32])), Encoding::Utf16);
    }
}
