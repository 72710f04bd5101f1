//! A deliberately naive model of line/column positions, written independently of
//! `newslint::LineIndex`, for property tests and the edit fuzzer to compare against.
//!
//! Lines end at LF, CRLF or a lone CR; a leading byte-order mark is not part of line 0's
//! columns. A position past a line's end means the end of the line's content, a line past the
//! last means the end of the text, a column inside a character means the character's start.

#![allow(dead_code)]

use newslint::{Encoding, LineCol};

/// `(content start, content end)` of every line, in bytes.
pub fn lines(text: &str) -> Vec<(usize, usize)> {
    let first = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut out = Vec::new();
    let mut start = first;
    let mut chars = text[first..]
        .char_indices()
        .map(|(i, c)| (i + first, c))
        .peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            out.push((start, i));
            start = i + 1;
        } else if c == '\r' {
            out.push((start, i));
            if let Some(&(j, '\n')) = chars.peek() {
                chars.next();
                start = j + 1;
            } else {
                start = i + 1;
            }
        }
    }
    out.push((start, text.len()));
    out
}

fn width(c: char, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => c.len_utf8(),
        Encoding::Utf16 => c.len_utf16(),
        Encoding::Utf32 => 1,
    }
}

/// The position of byte `offset`, which must be a character boundary outside any line
/// terminator and not inside the BOM.
pub fn position(text: &str, offset: usize, enc: Encoding) -> LineCol {
    let ls = lines(text);
    let line = ls.iter().rposition(|&(s, _)| s <= offset).unwrap_or(0);
    let (s, _) = ls[line];
    let col: usize = text[s..offset].chars().map(|c| width(c, enc)).sum();
    LineCol {
        line: line as u32,
        col: col as u32,
    }
}

/// The byte offset of `pos`, clamped as an editor would.
pub fn offset(text: &str, pos: LineCol, enc: Encoding) -> usize {
    let ls = lines(text);
    let Some(&(s, e)) = ls.get(pos.line as usize) else {
        return text.len();
    };
    let mut units = 0;
    for (i, c) in text[s..e].char_indices() {
        let w = width(c, enc);
        if units + w > pos.col as usize {
            return s + i;
        }
        units += w;
    }
    e
}

/// Moves `offset` to where an editor's cursor could be: a character boundary, not inside the
/// BOM and not between the CR and LF of a CRLF.
pub fn cursor(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    if text.starts_with('\u{feff}') && o < 3 {
        o = 3;
    }
    let b = text.as_bytes();
    if o > 0 && o < b.len() && b[o - 1] == b'\r' && b[o] == b'\n' {
        o -= 1;
    }
    o
}
