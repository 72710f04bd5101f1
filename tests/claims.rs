//! Fixture drafts for claim detection (`attribution/unattributed-claim`): what is a claim,
//! what is not, and how the attribution context covers a claim.

use newslint::{LineIndex, Settings};
use std::fmt::Write;

const RULE: &str = "attribution/unattributed-claim";

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/attribution/{name}.md",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The lines (1-based) that carry a finding of the rule, with the flagged text.
fn findings(src: &str) -> Vec<(usize, String)> {
    let idx = LineIndex::new(src);
    newslint::lint(src, &Settings::default())
        .into_iter()
        .filter(|d| d.rule == RULE)
        .map(|d| {
            let lc = idx.line_col(src, d.span.start, newslint::Encoding::Utf32);
            (
                lc.line as usize + 1,
                src[d.span.start..d.span.end].to_string(),
            )
        })
        .collect()
}

fn render(src: &str) -> String {
    let mut out = String::new();
    for (line, text) in findings(src) {
        let _ = writeln!(out, "{line}: “{text}”");
    }
    out
}

/// The lines of the paragraphs of copy (not headings, not comments).
fn copy_lines(src: &str) -> Vec<usize> {
    let mut in_comment = false;
    let mut out = Vec::new();
    for (i, l) in src.lines().enumerate() {
        if l.starts_with("<!--") {
            in_comment = !l.contains("-->");
            continue;
        }
        if in_comment {
            in_comment = !l.contains("-->");
            continue;
        }
        if !l.trim().is_empty() && !l.starts_with('#') {
            out.push(i + 1);
        }
    }
    out
}

#[test]
fn every_claim_is_flagged_once() {
    let src = fixture("claim-flagged");
    let lines: Vec<usize> = findings(&src).into_iter().map(|(l, _)| l).collect();
    assert_eq!(lines, copy_lines(&src), "{}", render(&src));
    insta::assert_snapshot!("claim-flagged", render(&src));
}

#[test]
fn opinions_plans_results_and_attributed_claims_are_not_flagged() {
    let src = fixture("claim-not-flagged");
    assert_eq!(render(&src), "");
}

#[test]
fn context_covers_claims_on_the_same_subject_only() {
    let src = fixture("claim-context");
    let found = findings(&src);
    assert_eq!(found.len(), 1, "{}", render(&src));
    assert!(
        src.lines()
            .nth(found[0].0 - 1)
            .is_some_and(|l| l.contains("lifeboat crews"))
    );
    insta::assert_snapshot!("claim-context", render(&src));
}
