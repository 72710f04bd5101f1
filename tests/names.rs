//! Fixture drafts of the `names` family, with snapshots of the diagnostics and of the text
//! after the fixes are applied.

use newslint::diagnostic::apply_edits;
use newslint::{Applicability, Diagnostic, LineIndex, Settings};
use std::fmt::Write as _;
use std::path::Path;

fn position(index: &LineIndex, source: &str, offset: usize) -> String {
    let lc = index.line_col(source, offset, newslint::Encoding::Utf8);
    format!("{}:{}", lc.line + 1, lc.col + 1)
}

/// The `names/*` diagnostics of `source`, rendered, followed by the text with every fix applied.
fn render(source: &str, settings: &Settings) -> String {
    let index = LineIndex::new(source);
    let diags: Vec<Diagnostic> = newslint::lint(source, settings)
        .into_iter()
        .filter(|d| d.family() == "names")
        .collect();
    let mut out = String::new();
    let mut edits = Vec::new();
    for d in &diags {
        let _ = writeln!(
            out,
            "{} {} {} “{}”: {}",
            position(&index, source, d.span.start),
            d.severity,
            d.rule,
            d.span.slice(source),
            d.message
        );
        for r in &d.related {
            let _ = writeln!(
                out,
                "    related {} “{}”: {}",
                position(&index, source, r.span.start),
                r.span.slice(source),
                r.message
            );
        }
        for f in &d.fixes {
            let _ = writeln!(
                out,
                "    fix ({}): {} [{} edits]",
                f.applicability.as_str(),
                f.title,
                f.edits.len()
            );
            if f.applicability >= Applicability::Unsafe {
                edits.extend(f.edits.iter().cloned());
            }
        }
    }
    if !edits.is_empty() {
        let _ = write!(out, "\n--- fixed ---\n{}", apply_edits(source, &edits));
    }
    out
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/names")
        .join(format!("{name}.md"));
    std::fs::read_to_string(path).expect("fixture exists")
}

fn rules_in(source: &str, settings: &Settings) -> Vec<&'static str> {
    newslint::lint(source, settings)
        .into_iter()
        .filter(|d| d.family() == "names")
        .map(|d| d.rule)
        .collect()
}

#[test]
fn inconsistent_spelling() {
    let src = fixture("inconsistent-spelling");
    insta::assert_snapshot!("inconsistent_spelling", render(&src, &Settings::default()));
}

#[test]
fn look_alikes_stay_apart() {
    let src = fixture("look-alikes");
    assert_eq!(rules_in(&src, &Settings::default()), Vec::<&str>::new());
}

#[test]
fn house_style() {
    let src = fixture("house-style");
    insta::assert_snapshot!("house_style", render(&src, &Settings::default()));
}

#[test]
fn house_style_configured() {
    let mut settings = Settings::default();
    settings.names.prefer = vec![(
        "Zelenskyy".to_string(),
        vec!["Zelenskiy".to_string(), "Zelensky".to_string()],
    )];
    let src = "Volodymyr Zelenskiy spoke first. Later Zelensky left the hall.\n";
    insta::assert_snapshot!("house_style_configured", render(src, &settings));
}

#[test]
fn first_reference() {
    let src = fixture("first-reference");
    insta::assert_snapshot!("first_reference", render(&src, &Settings::default()));
}

#[test]
fn first_reference_repeated_full_name() {
    let mut settings = Settings::default();
    settings.names.flag_repeated_full_name = true;
    let src = "Nora Vell opened the fair.\n\nVell spoke.\n\nA band played.\n\nFood was sold.\n\n\
               Rain fell.\n\nNora Vell closed the fair.\n";
    insta::assert_snapshot!("first_reference_repeated", render(src, &settings));
}

#[test]
fn title_drift() {
    let src = fixture("title-drift");
    insta::assert_snapshot!("title_drift", render(&src, &Settings::default()));
}

#[test]
fn headline_absent() {
    let src = fixture("headline-absent");
    insta::assert_snapshot!("headline_absent", render(&src, &Settings::default()));
}

#[test]
fn headline_given_name_of_a_body_person() {
    // The headline calls the mayor by his given name; the next word is no surname.
    let src = "# Row over Ken Zorro remark\n\nKen Morley, the mayor, apologised on Monday.\n";
    assert_eq!(rules_in(src, &Settings::default()), Vec::<&str>::new());
    // With no one of that given name in the body, the headline's person is missing.
    let src = "# Row over Ken Zorro remark\n\nAnn Morley, the mayor, apologised on Monday.\n";
    assert_eq!(
        rules_in(src, &Settings::default()),
        vec!["names/headline-absent"]
    );
}

#[test]
fn headline_name_in_body_is_fine() {
    let src = "# Lindqvist talks stall\n\nAnna Lindqvist left the capital.\n";
    assert_eq!(rules_in(src, &Settings::default()), Vec::<&str>::new());
}
