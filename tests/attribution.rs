//! Fixture drafts for the attribution family, with insta snapshots of the rendered
//! diagnostics, of the display-only fixes applied, and of the attribution analysis.

use newslint::analysis::attribution;
use newslint::{Analyzed, LineIndex, Settings};
use std::fmt::Write;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/attribution/{name}.md",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every `attribution/*` finding as `line:col rule “text” message`.
fn render(src: &str) -> String {
    let idx = LineIndex::new(src);
    let mut out = String::new();
    for d in newslint::lint(src, &Settings::default()) {
        if !d.rule.starts_with("attribution/") {
            continue;
        }
        let lc = idx.line_col(src, d.span.start, newslint::Encoding::Utf32);
        let _ = writeln!(
            out,
            "{}:{} {} [{}] “{}” {}",
            lc.line + 1,
            lc.col + 1,
            d.rule,
            d.severity.as_str(),
            &src[d.span.start..d.span.end],
            d.message
        );
        for f in &d.fixes {
            let _ = writeln!(out, "    fix ({}): {}", f.applicability.as_str(), f.title);
        }
    }
    out
}

macro_rules! fixture_test {
    ($name:ident, $file:literal) => {
        #[test]
        fn $name() {
            let src = fixture($file);
            insta::assert_snapshot!($file, render(&src));
        }
    };
}

fixture_test!(vague_source, "vague-source");
fixture_test!(vague_groups, "vague-groups");
fixture_test!(anonymous_source, "anonymous-source");
fixture_test!(loaded_verb, "loaded-verb");
fixture_test!(unattributed_quote, "unattributed-quote");
fixture_test!(unattributed_claim, "unattributed-claim");
fixture_test!(scope, "scope");
fixture_test!(unnamed_source, "unnamed-source");

#[test]
fn loaded_verb_fixes_applied() {
    let src = fixture("loaded-verb");
    let edits: Vec<_> = newslint::lint(&src, &Settings::default())
        .into_iter()
        .filter(|d| d.rule == "attribution/loaded-verb")
        .flat_map(|d| d.fixes.into_iter().flat_map(|f| f.edits))
        .collect();
    insta::assert_snapshot!(
        "loaded-verb-fixed",
        newslint::diagnostic::apply_edits(&src, &edits)
    );
}

#[test]
fn exemptions_are_not_flagged() {
    // Everything after the exemption comment in each rule's fixture must be clean.
    for (file, rule) in [
        ("vague-source", "attribution/vague-source"),
        ("vague-groups", "attribution/vague-source"),
        ("anonymous-source", "attribution/anonymous-source"),
        ("loaded-verb", "attribution/loaded-verb"),
        ("unattributed-quote", "attribution/unattributed-quote"),
        ("unattributed-claim", "attribution/unattributed-claim"),
        ("unnamed-source", "attribution/unnamed-source"),
    ] {
        let src = fixture(file);
        let cut = src
            .find("<!-- Exemptions")
            .expect("fixture has an exemption section");
        let before = newslint::lint(&src, &Settings::default())
            .into_iter()
            .filter(|d| d.rule == rule)
            .inspect(|d| {
                assert!(
                    d.span.start < cut,
                    "{file}: exemption flagged at {}",
                    d.span.start
                )
            })
            .count();
        assert!(before > 0, "{file}: {rule} flags nothing");
    }
}

#[test]
fn scope_analysis() {
    let src = fixture("scope");
    let a = Analyzed::new(&src);
    let atts = attribution::analyze(&src, &a.draft, &a.prose);
    let mut out = String::new();
    for s in &atts.sentences {
        let text: String = src[s.span.start..s.span.end].chars().take(48).collect();
        let _ = write!(out, "{:<12} {text}", s.scope.as_str());
        for at in atts.attributions_of(s.sentence) {
            let cue = &src[at.cue.span.start..at.cue.span.end];
            let who = at
                .source
                .as_ref()
                .map(|x| {
                    let ante = x
                        .antecedent
                        .map(|(sp, _)| format!(" → {}", &src[sp.start..sp.end]))
                        .unwrap_or_default();
                    format!(
                        "{} ({}){ante}",
                        &src[x.span.start..x.span.end],
                        x.kind.as_str()
                    )
                })
                .unwrap_or_else(|| "nobody".into());
            let _ = write!(out, "\n    {cue} ← {who}");
        }
        out.push('\n');
    }
    for q in &atts.quotations {
        let _ = writeln!(
            out,
            "quotation {}: {:?} {}",
            q.quotation,
            q.position,
            q.speaker
                .as_ref()
                .map(|x| src[x.span.start..x.span.end].to_string())
                .unwrap_or_else(|| "no speaker".into())
        );
    }
    insta::assert_snapshot!("scope-analysis", out);
}

#[test]
fn attributions_json_has_the_contract_fields() {
    let src = fixture("scope");
    let a = Analyzed::new(&src);
    let atts = attribution::analyze(&src, &a.draft, &a.prose);
    let v = newslint::cli::attributions::to_json(&src, &atts);
    let sentences = v["sentences"].as_array().expect("sentences");
    assert_eq!(sentences.len(), a.prose.sentences.len());
    for s in sentences {
        assert!(s["span"]["start"].as_u64() <= s["span"]["end"].as_u64());
        assert!(s["attributed"].is_boolean());
        for at in s["attributions"].as_array().expect("attributions") {
            assert!(at["cue"]["span"]["start"].is_u64());
            if !at["source"].is_null() {
                let kind = at["source"]["kind"].as_str().expect("kind");
                assert!(["named", "title", "pronoun", "vague", "anonymous"].contains(&kind));
            }
        }
    }
}
