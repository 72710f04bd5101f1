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

/// Who the sentence at `offset` is attributed to, and the sentence's span: the attribution
/// analysis (`LintContext::attributions()`) read back to the writer. Unattributed sentences
/// get no hover.
fn attribution(text: &str, offset: usize) -> Option<(Span, String)> {
    use crate::analysis::attribution::Scope;
    let analyzed = crate::Analyzed::new(text);
    let i = analyzed
        .prose
        .sentences
        .iter()
        .position(|s| s.span.contains(offset))?;
    let settings = crate::Settings::default();
    let ctx = analyzed.context(&settings);
    let all = ctx.attributions();
    let sa = all.sentence(i)?;
    let body = match sa.scope {
        Scope::Unattributed => return None,
        Scope::Own => own(text, all.attributions_of(i))?,
        Scope::Quotation => {
            let quotes = &analyzed.prose.quotations;
            let speaker = quotes
                .iter()
                .position(|q| q.span.contains(offset))
                .or_else(|| quotes.iter().position(|q| q.span.contains(sa.span.start)))
                .and_then(|qi| all.quotations.iter().find(|qs| qs.quotation == qi))
                .and_then(|qs| qs.speaker.as_ref())
                .map(|src| source(text, src));
            match speaker {
                Some(who) => format!("inside a direct quotation of {who}."),
                None => "inside a direct quotation.".to_string(),
            }
        }
        Scope::Continuation => {
            let before = all.sentences[..sa.sentence.min(all.sentences.len())]
                .iter()
                .rev()
                .find(|s| s.scope == Scope::Own)
                .and_then(|s| own(text, all.attributions_of(s.sentence)));
            match before {
                Some(b) => format!("continues the reported speech before it, {b}"),
                None => "continues the reported speech before it.".to_string(),
            }
        }
    };
    let mut body = format!("**Attribution:** {body}");
    for a in all.anonymity_of(i) {
        let reason = match a.reason {
            Some(r) => format!(" (reason given: “{}”)", r.slice(text)),
            None => " (no reason given)".to_string(),
        };
        body.push_str(&format!("\n\nAnonymity: “{}”{reason}", a.span.slice(text)));
    }
    Some((sa.span, body))
}

/// "Attributed to …" for a sentence's own attributions, or `None` when it has none.
fn own(text: &str, atts: &[crate::analysis::attribution::Attribution]) -> Option<String> {
    let parts: Vec<String> = atts
        .iter()
        .map(|a| {
            let cue = a.cue.span.slice(text);
            match &a.source {
                Some(src) => format!("{} (“{cue}”)", source(text, src)),
                None => format!("nobody named (“{cue}”)"),
            }
        })
        .collect();
    (!parts.is_empty()).then(|| format!("attributed to {}.", parts.join("; ")))
}

/// A source as the hover shows it: its words, its kind, and a pronoun's antecedent.
fn source(text: &str, src: &crate::analysis::attribution::Source) -> String {
    let words = src.span.slice(text);
    match src.antecedent {
        Some((ante, kind)) => format!("**{words}** → **{}** ({})", ante.slice(text), kind.as_str()),
        None => format!("**{words}** ({})", src.kind.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the attribution hover at `at` in `text`: `None`, or a text containing each of
    /// `expected`.
    fn check(text: &str, at: &str, expected: Option<&[&str]>) {
        let offset = text.find(at).expect("anchor");
        let got = attribution(text, offset).map(|(_, s)| s);
        match (expected, got) {
            (None, None) => {}
            (Some(want), Some(got)) => {
                for w in want {
                    assert!(got.contains(w), "{w:?} in {got:?}");
                }
            }
            (want, got) => panic!("at {at:?}: wanted {want:?}, got {got:?}"),
        }
    }

    #[test]
    fn attribution_hovers() {
        check(
            "Jane Roe, the harbour minister, said the bridge would reopen in May.\n",
            "bridge",
            Some(&["attributed to", "Jane Roe", "said"]),
        );
        check("The bridge will reopen in May.\n", "bridge", None);
        check(
            "Officials said the ferry was late.\n",
            "ferry",
            Some(&["Officials", "vague"]),
        );
    }
}
