//! The generated rule reference, `docs/rules.md`, must match the rules in the code.
//!
//! When this test fails, regenerate the file:
//!
//! ```sh
//! cargo run -- rules --format markdown > docs/rules.md
//! # or
//! NEWSLINT_UPDATE_DOCS=1 cargo test --test cli_docs
//! ```

use std::path::Path;

#[test]
fn docs_rules_md_matches_the_code() {
    let expected = newslint::cli::rules::markdown();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if std::env::var_os("NEWSLINT_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &expected).expect("docs/rules.md is writable");
        return;
    }
    let actual = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .replace("\r\n", "\n");
    if actual != expected {
        let first_difference = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "docs/rules.md is out of date with the rules in the code (first difference at line {}).\n\
             Regenerate it with:\n    cargo run -- rules --format markdown > docs/rules.md\n\
             or:\n    NEWSLINT_UPDATE_DOCS=1 cargo test --test cli_docs",
            first_difference + 1
        );
    }
}

#[test]
fn the_reference_documents_every_rule() {
    let md = newslint::cli::rules::markdown();
    for rule in newslint::rules::all() {
        let m = rule.meta();
        assert!(
            md.contains(&format!("\n## {}\n", m.id)),
            "{} has a section",
            m.id
        );
        assert!(
            md.contains(&format!("[`{}`]", m.id)),
            "{} is in its family's table",
            m.id
        );
        assert!(md.contains(&m.summary()), "{}'s summary is shown", m.id);
    }
    for family in newslint::rules::FAMILIES {
        assert!(
            md.contains(&format!("\n## {family}\n")),
            "{family} has a section"
        );
    }
}
