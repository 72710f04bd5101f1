//! Applying an editor's change to a text: a range given in line/column positions (in some
//! [`Encoding`]) replaced by new text, as the language server receives it in `didChange`.
//!
//! Positions are resolved with [`LineIndex::offset`], so a position past the end of a line
//! means the end of that line, a line past the end of the text means the end of the text, and
//! a column inside a character (half a surrogate pair) means that character's start. A range
//! given backwards is applied forwards. Nothing here panics.

use super::{Encoding, LineCol, LineIndex};

/// Replaces the text between `range.0` and `range.1` (line/column positions in `enc` units)
/// with `new_text`; with no range, replaces the whole text.
///
/// ```
/// use newslint::text::{apply_change, Encoding, LineCol};
/// let mut doc = String::from("“Hi” 😀 there\nsecond");
/// // UTF-16: “ H i ” space = 5 units, the emoji 2 more, then a space: "there" starts at 8.
/// let at = LineCol { line: 0, col: 8 };
/// apply_change(&mut doc, Some((at, LineCol { line: 0, col: 13 })), "you", Encoding::Utf16);
/// assert_eq!(doc, "“Hi” 😀 you\nsecond");
/// ```
pub fn apply_change(
    text: &mut String,
    range: Option<(LineCol, LineCol)>,
    new_text: &str,
    enc: Encoding,
) {
    match range {
        None => {
            text.clear();
            text.push_str(new_text);
        }
        Some((start, end)) => {
            let index = LineIndex::new(text);
            let a = index.offset(text, start, enc);
            let b = index.offset(text, end, enc);
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            // `offset` always returns character boundaries within the text; checked anyway so
            // that a mistake there can never panic here.
            if b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b) {
                text.replace_range(a..b, new_text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    /// Applies `(start, end, new)` changes in `enc` to `text` and checks the result.
    fn check(text: &str, enc: Encoding, changes: &[(LineCol, LineCol, &str)], expected: &str) {
        let mut doc = text.to_string();
        for &(a, b, new) in changes {
            apply_change(&mut doc, Some((a, b)), new, enc);
        }
        assert_eq!(doc, expected, "{changes:?} on {text:?}");
    }

    #[test]
    fn edits_in_each_encoding() {
        // 😀 is 2 UTF-16 units, 4 UTF-8 bytes, 1 scalar value.
        let t = "a😀b\ncd";
        check(t, Encoding::Utf16, &[(lc(0, 3), lc(0, 4), "B")], "a😀B\ncd");
        check(t, Encoding::Utf8, &[(lc(0, 5), lc(0, 6), "B")], "a😀B\ncd");
        check(t, Encoding::Utf32, &[(lc(0, 2), lc(0, 3), "B")], "a😀B\ncd");
        check(t, Encoding::Utf16, &[(lc(0, 1), lc(1, 1), "")], "ad");
        check(
            t,
            Encoding::Utf16,
            &[(lc(1, 2), lc(1, 2), "!"), (lc(0, 0), lc(0, 0), "> ")],
            "> a😀b\ncd!",
        );
    }

    #[test]
    fn clamps_like_an_editor() {
        // A column past the line's end is the end of the line (before CRLF).
        check(
            "ab\r\ncd",
            Encoding::Utf16,
            &[(lc(0, 9), lc(0, 9), "X")],
            "abX\r\ncd",
        );
        // A line past the end is the end of the text.
        check("ab", Encoding::Utf16, &[(lc(5, 0), lc(6, 0), "!")], "ab!");
        // Half a surrogate pair snaps to the character's start.
        check("😀x", Encoding::Utf16, &[(lc(0, 1), lc(0, 3), "")], "");
        // Backwards ranges are applied forwards.
        check("abcd", Encoding::Utf8, &[(lc(0, 3), lc(0, 1), "")], "ad");
        // After a BOM, column 0 is after the BOM.
        check(
            "\u{feff}ab",
            Encoding::Utf16,
            &[(lc(0, 0), lc(0, 1), "X")],
            "\u{feff}Xb",
        );
    }

    #[test]
    fn whole_replacement() {
        let mut doc = String::from("old");
        apply_change(&mut doc, None, "new text", Encoding::Utf16);
        assert_eq!(doc, "new text");
    }
}
