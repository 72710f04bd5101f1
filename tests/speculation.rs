//! Fixture drafts for the `speculation` family: every cue type and every exemption, with a
//! snapshot of the rendered diagnostics and of the draft with the safe fixes applied.

use newslint::diagnostic::apply_edits;
use newslint::{Applicability, Encoding, LineIndex, Settings};
use std::fmt::Write;

fn render(name: &str, settings: &Settings) -> String {
    let path = format!(
        "{}/tests/fixtures/speculation/{name}.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let source = std::fs::read_to_string(&path).expect("fixture exists");
    let index = LineIndex::new(&source);
    let diags: Vec<_> = newslint::lint(&source, settings)
        .into_iter()
        .filter(|d| d.family() == "speculation")
        .collect();
    let pos = |off: usize| {
        let lc = index.line_col(&source, off, Encoding::Utf32);
        format!("{}:{}", lc.line + 1, lc.col + 1)
    };
    let mut out = String::new();
    for d in &diags {
        let _ = writeln!(
            out,
            "{} {}[{}] {:?}: {}",
            pos(d.span.start),
            d.severity.as_str(),
            d.rule,
            &source[d.span.start..d.span.end],
            d.message
        );
        for r in &d.related {
            let _ = writeln!(out, "    related {} {}", pos(r.span.start), r.message);
        }
        for f in &d.fixes {
            let _ = writeln!(out, "    fix ({}): {}", f.applicability.as_str(), f.title);
        }
    }
    let safe: Vec<_> = diags
        .iter()
        .flat_map(|d| &d.fixes)
        .filter(|f| f.applicability == Applicability::Safe)
        .flat_map(|f| f.edits.iter().cloned())
        .collect();
    if !safe.is_empty() {
        let _ = write!(
            out,
            "\n--- with safe fixes applied ---\n{}",
            apply_edits(&source, &safe)
        );
    }
    if out.is_empty() {
        out.push_str("(no findings)\n");
    }
    out
}

macro_rules! fixture {
    ($test:ident, $name:literal) => {
        #[test]
        fn $test() {
            insta::assert_snapshot!($name, render($name, &Settings::default()));
        }
    };
}

fixture!(hearsay, "hearsay");
fixture!(legal_words_in_crime_reports, "legal");
fixture!(hedge, "hedge");
fixture!(may_the_month_and_the_name, "month-and-name");
fixture!(ability_and_permission, "ability-and-permission");
fixture!(conditionals, "conditionals");
fixture!(quotes, "quotes");
fixture!(unsourced_expectation, "expectation");
fixture!(conjecture, "conjecture");
fixture!(belief, "belief");
fixture!(reported_speech_and_narrative, "reported-speech");
fixture!(idioms_and_statistics, "idioms-and-statistics");

#[test]
fn conditionals_flagged_on_request() {
    let mut settings = Settings::default();
    settings.speculation.flag_conditionals = true;
    insta::assert_snapshot!("conditionals-flagged", render("conditionals", &settings));
}

#[test]
fn exemption_fixtures_have_no_findings() {
    for name in [
        "legal",
        "month-and-name",
        "ability-and-permission",
        "reported-speech",
        "idioms-and-statistics",
    ] {
        assert_eq!(
            render(name, &Settings::default()),
            "(no findings)\n",
            "{name} should be clean"
        );
    }
}

fixture!(paired_exemptions, "paired-exemptions");
fixture!(belief_exemptions, "belief-exemptions");
