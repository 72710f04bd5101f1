//! Hovers: over a finding, the rule's documentation; elsewhere in an attributed sentence, who
//! the sentence is attributed to.

use super::lint::Linted;
use crate::text::Span;
use tower_lsp_server::ls_types as lsp;

/// The hover at `pos` in the draft `linted` is the lint of.
pub(crate) fn hover(linted: &Linted, pos: lsp::Position) -> Option<lsp::Hover> {
    let lines = linted.lines();
    let offset = lines.offset(pos);
    let hits: Vec<&crate::Diagnostic> = linted
        .core
        .iter()
        .filter(|d| d.span.contains(offset) || (d.span.is_empty() && d.span.start == offset))
        .collect();
    if hits.is_empty() {
        let (span, text) = attribution(&linted.text, offset)?;
        return Some(markdown(text, Some(lines.range(span))));
    }
    let mut parts = Vec::new();
    let mut seen = Vec::new();
    let mut span = hits[0].span;
    for d in &hits {
        span = span.cover(d.span);
        if seen.contains(&d.rule) {
            continue;
        }
        seen.push(d.rule);
        let docs = crate::rules::by_id(d.rule)
            .map(|r| r.meta().docs())
            .unwrap_or_default();
        parts.push(format!(
            "**{}** `{}` ({})\n\n{}",
            d.message, d.rule, d.severity, docs
        ));
    }
    Some(markdown(parts.join("\n\n---\n\n"), Some(lines.range(span))))
}

fn markdown(value: String, range: Option<lsp::Range>) -> lsp::Hover {
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value,
        }),
        range,
    }
}

/// Who the sentence at `offset` is attributed to, and the sentence's span.
///
/// This is the seam for the attribution analysis (`LintContext::attributions()`): once it
/// reports a source per sentence, this returns "Attributed to: …" for the sentence under the
/// cursor. Until then the analysis reports nothing, and neither does this.
fn attribution(text: &str, offset: usize) -> Option<(Span, String)> {
    let analyzed = crate::Analyzed::new(text);
    let sentence = analyzed
        .prose
        .sentences
        .iter()
        .position(|s| s.span.contains(offset))?;
    let settings = crate::Settings::default();
    let ctx = analyzed.context(&settings);
    let _attributions = ctx.attributions();
    let _ = sentence;
    None
}
