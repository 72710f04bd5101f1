//! Fuzzes editor changes: a document edited through `newslint::text::apply_change` with
//! line/column positions in UTF-8, UTF-16 or UTF-32 units must stay equal to a reference
//! string edited by byte offsets. Positions come either from real cursor places (converted by
//! a naive, independent model) or are arbitrary (past the line's end, past the last line, in
//! the middle of a surrogate pair), in which case the model's clamping decides the offsets.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use newslint::text::apply_change;
use newslint::{Encoding, LineCol};

#[path = "../../tests/support/reference.rs"]
mod reference;

#[derive(Arbitrary, Debug)]
enum Pos {
    /// A cursor place: a byte offset, moved to where a cursor can be.
    Cursor(u32),
    /// Any line and column.
    Raw(u16, u16),
}

#[derive(Arbitrary, Debug)]
struct Change {
    start: Pos,
    end: Pos,
    text: String,
    enc: u8,
    /// Replace the whole document instead (rarely).
    full: bool,
}

#[derive(Arbitrary, Debug)]
struct Input {
    start: String,
    changes: Vec<Change>,
}

fn offset_and_pos(doc: &str, p: &Pos, enc: Encoding) -> (usize, LineCol) {
    match *p {
        Pos::Cursor(o) => {
            let o = reference::cursor(doc, o as usize % (doc.len() + 1));
            (o, reference::position(doc, o, enc))
        }
        Pos::Raw(line, col) => {
            let pos = LineCol {
                line: line.into(),
                col: col.into(),
            };
            (reference::offset(doc, pos, enc), pos)
        }
    }
}

fuzz_target!(|input: Input| {
    let mut doc = input.start.clone();
    let mut want = input.start;
    for c in input.changes.iter().take(64) {
        let enc = match c.enc % 3 {
            0 => Encoding::Utf8,
            1 => Encoding::Utf16,
            _ => Encoding::Utf32,
        };
        if c.full && c.enc > 250 {
            apply_change(&mut doc, None, &c.text, enc);
            want = c.text.clone();
            continue;
        }
        let (a, pa) = offset_and_pos(&want, &c.start, enc);
        let (b, pb) = offset_and_pos(&want, &c.end, enc);
        apply_change(&mut doc, Some((pa, pb)), &c.text, enc);
        want.replace_range(a.min(b)..a.max(b), &c.text);
        assert_eq!(doc, want, "after {c:?}");
    }
});
