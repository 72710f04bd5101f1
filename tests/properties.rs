//! Property tests: the engine's invariants on arbitrary text.
//!
//! - every span the engine produces (blocks, sentences, tokens, quotations, masked ranges,
//!   comments, and every rule's diagnostics, related spans and fix edits — checked before the
//!   engine's own safety filter) lies within the text on character boundaries;
//! - linting never panics on arbitrary Unicode or on arbitrary Markdown made of the
//!   constructs that trouble parsers (nesting, fences, quotes, CR, BOM, NUL…);
//! - `LineIndex` agrees with a naive model of positions in UTF-8, UTF-16 and UTF-32, both ways;
//! - editor changes applied with `text::apply_change` leave the document equal to a reference
//!   string edited by byte offsets.

use newslint::rules::Rule;
use newslint::settings::{NamesSettings, SpeculationSettings};
use newslint::text::apply_change;
use newslint::{Analyzed, Encoding, Level, LineIndex, Settings, Severity, Span};
use proptest::prelude::*;

#[path = "support/reference.rs"]
mod reference;

/// Every rule on, every option exercised.
fn all_on() -> Settings {
    let mut s = Settings::default();
    for f in newslint::rules::FAMILIES {
        s.levels.insert(f.to_string(), Level::On(Severity::Hint));
    }
    s.names = NamesSettings {
        prefer: vec![
            ("Kyiv".into(), vec!["Kiev".into()]),
            (
                "Zelensky".into(),
                vec!["Zelenskiy".into(), "Zelenskyy".into()],
            ),
        ],
        ..NamesSettings::default()
    };
    s.speculation = SpeculationSettings {
        flag_conditionals: true,
    };
    s
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries of {text:?}"
    );
}

/// Checks every span the pipeline produces for `text`, and lints it.
fn check_spans(text: &str) {
    let a = Analyzed::new(text);
    for b in &a.draft.blocks {
        check_span(text, b.span, "block");
        assert!(b.text.len() <= 4 * text.len() + 8, "block text grew");
    }
    for m in &a.draft.masked {
        check_span(text, *m, "masked span");
    }
    for c in &a.draft.comments {
        check_span(text, c.span, "comment");
    }
    if let Some(t) = &a.draft.title {
        check_span(text, t.span, "title");
    }
    for s in &a.prose.sentences {
        check_span(text, s.span, "sentence");
        let block = &a.draft.blocks[s.block].text;
        assert!(block.get(s.range.clone()).is_some(), "sentence range");
    }
    for t in &a.prose.tokens {
        check_span(text, t.span(), "token");
        let block = &a.draft.blocks[t.block()].text;
        assert!(block.get(t.range()).is_some(), "token range");
    }
    for q in &a.prose.quotations {
        check_span(text, q.open, "quote open");
        check_span(text, q.span, "quotation");
        if let Some(c) = q.close {
            check_span(text, c, "quote close");
        }
    }
    let settings = all_on();
    let ctx = a.context(&settings);
    let rules: Vec<&dyn Rule> = newslint::rules::all();
    for r in rules {
        let mut out = Vec::new();
        r.check(&ctx, &mut out);
        for d in &out {
            let id = r.meta().id;
            check_span(text, d.span, id);
            for rel in &d.related {
                check_span(text, rel.span, id);
            }
            for f in &d.fixes {
                for e in &f.edits {
                    check_span(text, e.span, id);
                }
            }
        }
    }
    for d in a.lint(&settings) {
        check_span(text, d.span, d.rule);
    }
    newslint::lint(text, &Settings::default());
}

/// Pieces of Markdown and news copy that are hard on parsers, segmenters and quote finders.
const FRAGMENTS: &[&str] = &[
    "# ",
    "## ",
    "> ",
    ">> ",
    "- ",
    "1. ",
    "  ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\0",
    "```",
    "~~~",
    "`",
    "*",
    "_",
    "**",
    "[",
    "](",
    ")",
    "![alt](x.png)",
    "<",
    ">",
    "<div>",
    "</div>",
    "<!-- newslint-disable -->",
    "<!-- newslint-disable-next-line speculation -->",
    "<!-- newslint-enable -->",
    "---\ntitle: T\n---\n",
    "+++\n",
    "| a | b |\n| - | - |\n",
    "\\",
    "&amp;",
    "&#8220;",
    "https://example.org/a.b",
    "www.example.com",
    "a@b.co",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "``",
    "''",
    "«",
    "»",
    ".",
    "...",
    "…",
    "?",
    "!",
    ",",
    "—",
    "-",
    "Mr.",
    "U.S.",
    "J.",
    "No.",
    "3.5",
    "1,200",
    "The",
    "He",
    "said",
    "told",
    "reportedly",
    "allegedly",
    "appears to",
    "could",
    "may",
    "might",
    "is expected to",
    "sources say",
    "Sources suggest",
    "officials noted",
    "many experts",
    "it is believed",
    "seen by some",
    "according to",
    "Zelenskiy",
    "Zelensky",
    "Kiev",
    "Kyiv",
    "Minister",
    "Tsahkna",
    "Foreign Minister Anna Tamm",
    "Tamm",
    "😀",
    "é",
    "e\u{301}",
    "\u{200d}",
    "\u{fffc}",
    "İ",
    "ß",
    " ",
];

fn markdown() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
        ],
        0..120,
    )
    .prop_map(|v| v.concat())
}

/// Text made of line breaks of every kind, a BOM, and characters of every UTF-8 width.
fn lined_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            &[
                "a", "b", " ", "é", "€", "😀", "“", "\n", "\r", "\r\n", "\u{feff}", "x\u{301}",
            ][..],
        ),
        0..60,
    )
    .prop_map(|v| v.concat())
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop::sample::select(&[Encoding::Utf8, Encoding::Utf16, Encoding::Utf32][..])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_sound_on_arbitrary_unicode(text in any::<String>()) {
        check_spans(&text);
    }

    #[test]
    fn spans_are_sound_on_arbitrary_markdown(text in markdown()) {
        check_spans(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn line_index_round_trips(text in lined_text(), enc in encoding()) {
        let idx = LineIndex::new(&text);
        let mut o = 0;
        while o <= text.len() {
            let c = reference::cursor(&text, o);
            let pos = idx.line_col(&text, c, enc);
            prop_assert_eq!(pos, reference::position(&text, c, enc), "offset {}", c);
            prop_assert_eq!(idx.offset(&text, pos, enc), c, "back from {:?}", pos);
            o += 1;
        }
    }

    #[test]
    fn line_index_clamps_like_the_model(
        text in lined_text(),
        enc in encoding(),
        line in 0u32..20,
        col in 0u32..40,
    ) {
        let idx = LineIndex::new(&text);
        let pos = newslint::LineCol { line, col };
        prop_assert_eq!(idx.offset(&text, pos, enc), reference::offset(&text, pos, enc));
    }

    #[test]
    fn edits_match_a_reference_string(
        start in lined_text(),
        edits in prop::collection::vec(
            (any::<usize>(), any::<usize>(), lined_text(), encoding()),
            1..12,
        ),
    ) {
        let mut doc = start.clone();
        let mut want = start;
        for (a, b, new, enc) in edits {
            let a = reference::cursor(&want, a % (want.len() + 1));
            let b = reference::cursor(&want, b % (want.len() + 1));
            let (a, b) = (a.min(b), a.max(b));
            let range = (
                reference::position(&want, a, enc),
                reference::position(&want, b, enc),
            );
            apply_change(&mut doc, Some(range), &new, enc);
            want.replace_range(a..b, &new);
            prop_assert_eq!(&doc, &want);
        }
    }
}
