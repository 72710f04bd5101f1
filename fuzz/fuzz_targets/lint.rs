//! Fuzzes the whole lint of a text: it must never panic, and every span it produces —
//! prose, diagnostics, related spans, fix edits — lies within the text on character
//! boundaries. Every rule is turned on.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::{Analyzed, Level, Settings, Severity, Span};

fn sound(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && text.get(s.start..s.end).is_some(),
        "{what} {s:?} is not a span of the text"
    );
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut settings = Settings::default();
    for f in newslint::rules::FAMILIES {
        settings.levels.insert(f.to_string(), Level::On(Severity::Hint));
    }
    settings.speculation.flag_conditionals = true;
    settings.names.prefer = vec![("Kyiv".into(), vec!["Kiev".into()])];
    let a = Analyzed::new(&text);
    for t in &a.prose.tokens {
        sound(&text, t.span(), "token");
    }
    for s in &a.prose.sentences {
        sound(&text, s.span, "sentence");
    }
    for q in &a.prose.quotations {
        sound(&text, q.span, "quotation");
    }
    let ctx = a.context(&settings);
    for rule in newslint::rules::all() {
        let mut out = Vec::new();
        rule.check(&ctx, &mut out);
        for d in &out {
            let id = rule.meta().id;
            sound(&text, d.span, id);
            for r in &d.related {
                sound(&text, r.span, id);
            }
            for e in d.fixes.iter().flat_map(|f| &f.edits) {
                sound(&text, e.span, id);
            }
        }
    }
    let _ = a.lint(&settings);
});
