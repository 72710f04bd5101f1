//! Code actions, from the fixes already computed: every fix as a quick fix (preferred when
//! safe), "Disable RULE for this line" / "Disable RULE in this file", and a source action that
//! applies every safe fix at once.

use super::backend::FIX_ALL;
use super::convert::{self, Lines};
use super::lint::Linted;
use crate::diagnostic::{Diagnostic, Edit};
use crate::markdown::Draft;
use crate::text::{LineIndex, Span};
use std::collections::{HashMap, HashSet};
use tower_lsp_server::ls_types as lsp;

fn workspace_edit(uri: &lsp::Uri, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
    lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..lsp::WorkspaceEdit::default()
    }
}

/// Whether the client asked for actions of `kind` (`only` lists kinds or their parents).
fn wanted(only: Option<&[lsp::CodeActionKind]>, kind: &lsp::CodeActionKind) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|k| {
            kind.as_str() == k.as_str()
                || kind
                    .as_str()
                    .strip_prefix(k.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

/// The code actions for `params.range` of the draft `linted` is the lint of.
pub(crate) fn code_actions(
    linted: &Linted,
    uri: &lsp::Uri,
    params: &lsp::CodeActionParams,
) -> Vec<lsp::CodeActionOrCommand> {
    let lines = linted.lines();
    let range = lines.span(params.range);
    let only = params.context.only.as_deref();
    let mut out = Vec::new();
    let quick = wanted(only, &lsp::CodeActionKind::QUICKFIX);
    let mut disabled_lines = HashSet::new();
    let mut disabled_files = HashSet::new();
    let mut disables = Vec::new();
    let draft = std::cell::OnceCell::new();
    let draft = || draft.get_or_init(|| crate::markdown::parse(&linted.text));
    if quick {
        for d in &linted.core {
            if !touches(d.span, range) {
                continue;
            }
            let published = &convert::diagnostic(&lines, uri, d);
            for fix in d.fixes.iter().filter(|f| !f.edits.is_empty()) {
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: fix.title.clone(),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![published.clone()]),
                    edit: Some(workspace_edit(uri, convert::text_edits(&lines, fix))),
                    is_preferred: Some(convert::is_safe(fix)),
                    ..lsp::CodeAction::default()
                }));
            }
            let line = linted.index.line_of(d.span.start);
            if disabled_lines.insert((d.rule, line)) {
                let edit = disable_line(&linted.text, &linted.index, draft(), d);
                disables.push(action(
                    format!("Disable {} for this line", d.rule),
                    uri,
                    &lines,
                    edit,
                    published,
                ));
            }
            if disabled_files.insert(d.rule) {
                let edit = disable_file(&linted.text, &linted.index, draft(), d.rule);
                disables.push(action(
                    format!("Disable {} in this file", d.rule),
                    uri,
                    &lines,
                    edit,
                    published,
                ));
            }
        }
    }
    out.extend(disables);
    let fix_all = [lsp::CodeActionKind::SOURCE_FIX_ALL, FIX_ALL]
        .iter()
        .any(|k| wanted(only, k));
    if fix_all {
        let edits = safe_edits(&linted.core);
        if !edits.is_empty() {
            let edits = edits
                .iter()
                .map(|e| lsp::TextEdit::new(lines.range(e.span), e.replacement.clone()))
                .collect();
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: "Apply all safe newslint fixes".to_string(),
                kind: Some(FIX_ALL),
                edit: Some(workspace_edit(uri, edits)),
                ..lsp::CodeAction::default()
            }));
        }
    }
    out
}

fn action(
    title: String,
    uri: &lsp::Uri,
    lines: &Lines<'_>,
    edit: Edit,
    published: &lsp::Diagnostic,
) -> lsp::CodeActionOrCommand {
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title,
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![published.clone()]),
        edit: Some(workspace_edit(
            uri,
            vec![lsp::TextEdit::new(lines.range(edit.span), edit.replacement)],
        )),
        is_preferred: Some(false),
        ..lsp::CodeAction::default()
    })
}

/// Whether a diagnostic on `d` concerns a request for `range` (touching counts, so a cursor
/// at either end of a finding gets its actions).
fn touches(d: Span, range: Span) -> bool {
    d.start <= range.end && range.start <= d.end
}

/// Every safe fix's edits, skipping any that overlap an edit already taken.
fn safe_edits(diags: &[Diagnostic]) -> Vec<Edit> {
    let mut taken: Vec<Edit> = Vec::new();
    for d in diags {
        for fix in d.fixes.iter().filter(|f| convert::is_safe(f)) {
            let clash = fix.edits.iter().any(|e| {
                taken
                    .iter()
                    .any(|t| e.span.overlaps(t.span) || e.span == t.span)
            });
            if !clash {
                taken.extend(fix.edits.iter().cloned());
            }
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    taken
}

/// The edit that suppresses `d`'s rule on the line where `d` starts.
///
/// Inside a paragraph (the line before belongs to the same block), the comment goes at the end
/// of that line, so the paragraph stays whole; otherwise it goes on a line of its own, indented
/// like the line it applies to.
pub(crate) fn disable_line(text: &str, index: &LineIndex, draft: &Draft, d: &Diagnostic) -> Edit {
    let comment = format!("<!-- newslint-disable-next-line {} -->", d.rule);
    let line = index.line_of(d.span.start);
    let here = index.line_span(line).unwrap_or_default();
    if line > 0 {
        let prev = index.line_span(line - 1).unwrap_or_default();
        let prev_text = prev.slice(text);
        if !prev_text.trim().is_empty() && same_block(draft, prev.end.saturating_sub(1), here.start)
        {
            return Edit {
                span: Span::new(prev.end, prev.end),
                replacement: format!(" {comment}"),
            };
        }
    }
    let line_text = here.slice(text);
    let indent = &line_text[..line_text.len() - line_text.trim_start().len()];
    Edit {
        span: Span::new(here.start, here.start),
        replacement: format!("{indent}{comment}\n"),
    }
}

/// Whether byte offsets `a` and `b` fall in the same prose block (paragraph, list item…).
fn same_block(draft: &Draft, a: usize, b: usize) -> bool {
    draft
        .blocks
        .iter()
        .any(|blk| blk.span.start <= a && b < blk.span.end)
}

/// The edit that suppresses `rule` in the whole file: a comment on the first line (after the
/// front matter, which must stay first).
pub(crate) fn disable_file(text: &str, index: &LineIndex, draft: &Draft, rule: &str) -> Edit {
    let comment = format!("<!-- newslint-disable-file {rule} -->");
    let at = match draft.front_matter {
        Some(fm) if fm.end > 0 => {
            let last = index.line_of(fm.end - 1);
            index.line_span(last + 1).map_or(text.len(), |s| s.start)
        }
        _ => index.line_span(0).map_or(0, |s| s.start),
    };
    let at_end_without_newline = at == text.len() && !text.is_empty() && !text.ends_with('\n');
    Edit {
        span: Span::new(at, at),
        replacement: if at_end_without_newline {
            format!("\n{comment}\n")
        } else {
            format!("{comment}\n")
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Applicability, Severity, apply_edits};

    fn diag(text: &str, needle: &str) -> Diagnostic {
        let at = text.find(needle).expect("needle");
        Diagnostic {
            rule: "speculation/hedge",
            severity: Severity::Warning,
            message: "m".into(),
            span: Span::new(at, at + needle.len()),
            related: Vec::new(),
            fixes: Vec::new(),
        }
    }

    /// Applies the disable-line edit for `needle` in `text` and checks the result, and that
    /// the suppression then covers the finding.
    fn check_line(text: &str, needle: &str, expected: &str) {
        let d = diag(text, needle);
        let edit = disable_line(
            text,
            &LineIndex::new(text),
            &crate::markdown::parse(text),
            &d,
        );
        let out = apply_edits(text, &[edit]);
        assert_eq!(out, expected);
        let moved = diag(&out, needle);
        let draft = crate::markdown::parse(&out);
        let index = LineIndex::new(&out);
        let sup = crate::suppress::Suppressions::new(&out, &draft.comments, &index);
        assert!(sup.suppresses(&moved, &index), "suppressed in {out:?}");
    }

    #[test]
    fn disable_line_comments() {
        check_line(
            "# T\n\nIt reportedly fell.\n",
            "reportedly",
            "# T\n\n<!-- newslint-disable-next-line speculation/hedge -->\nIt reportedly fell.\n",
        );
        check_line(
            "First line\nit reportedly fell.\n",
            "reportedly",
            "First line <!-- newslint-disable-next-line speculation/hedge -->\nit reportedly fell.\n",
        );
        check_line(
            "```\ncode\n```\nIt reportedly fell.\n",
            "reportedly",
            "```\ncode\n```\n<!-- newslint-disable-next-line speculation/hedge -->\nIt reportedly fell.\n",
        );
        check_line(
            "- a\n  - it reportedly fell\n",
            "reportedly",
            "- a\n  <!-- newslint-disable-next-line speculation/hedge -->\n  - it reportedly fell\n",
        );
    }

    #[test]
    fn disable_file_goes_after_front_matter() {
        let check = |text: &str, expected: &str| {
            let e = disable_file(
                text,
                &LineIndex::new(text),
                &crate::markdown::parse(text),
                "names",
            );
            assert_eq!(apply_edits(text, &[e]), expected);
        };
        check("Body.\n", "<!-- newslint-disable-file names -->\nBody.\n");
        check(
            "---\ntitle: x\n---\nBody.\n",
            "---\ntitle: x\n---\n<!-- newslint-disable-file names -->\nBody.\n",
        );
        check("", "<!-- newslint-disable-file names -->\n");
    }

    #[test]
    fn safe_edits_skip_overlaps_and_unsafe() {
        let text = "aa bb cc";
        let mut d1 = diag(text, "aa");
        d1.fixes.push(crate::diagnostic::Fix {
            title: "x".into(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: Span::new(0, 2),
                replacement: "A".into(),
            }],
        });
        let mut d2 = diag(text, "bb");
        d2.fixes.push(crate::diagnostic::Fix {
            title: "y".into(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: Span::new(1, 4),
                replacement: "B".into(),
            }],
        });
        let mut d3 = diag(text, "cc");
        d3.fixes.push(crate::diagnostic::Fix {
            title: "z".into(),
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                span: Span::new(6, 8),
                replacement: "C".into(),
            }],
        });
        let edits = safe_edits(&[d1, d2, d3]);
        assert_eq!(apply_edits(text, &edits), "A bb cc");
    }
}
