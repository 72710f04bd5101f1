//! [`LineIndex`]: byte offsets to `(line, column)` and back.
//!
//! Lines end at LF, CRLF or a lone CR. A leading byte-order mark is not part of the first
//! line's columns: editors do not show it, so offset 3 of a file starting with a BOM is
//! line 0, column 0.

/// The unit in which a column is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (the LSP default).
    Utf16,
    /// Unicode scalar values (characters).
    Utf32,
}

/// A 0-based line and column; the column is counted in some [`Encoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    /// 0-based line number.
    pub line: u32,
    /// 0-based column, in the units of the encoding it was computed with.
    pub col: u32,
}

/// The length of `s` in UTF-16 code units: one per character, two for those outside the
/// Basic Multilingual Plane (four bytes in UTF-8). Counted over bytes, which the compiler
/// vectorises: columns of long paragraphs are converted for every diagnostic.
fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// Line starts of a text, for converting between byte offsets and line/column positions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts (the first one after a BOM).
    starts: Vec<usize>,
    /// Byte offset at which each line's content ends (before its line terminator); empty
    /// when the text holds no CR, where every line but the last ends one byte before the next
    /// one starts (at its LF) and the last one at the end of the text.
    ends: Vec<usize>,
    /// The length of the text.
    len: usize,
    /// Whether the text is pure ASCII (then every encoding counts bytes).
    ascii: bool,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let first = if text.starts_with('\u{feff}') { 3 } else { 0 };
        // Prose lines run to about a hundred bytes: most texts need no more room than this.
        let mut starts = Vec::with_capacity(bytes.len() / 64 + 2);
        starts.push(first);
        let mut ends = Vec::new();
        // Whether a CR was seen: then `ends` is kept.
        let mut any_cr = false;
        // The start of the line being read; a LF at an earlier offset is the second half of
        // a CRLF already counted.
        let mut next = first;
        for at in memchr::memchr2_iter(b'\n', b'\r', &bytes[first..]).map(|k| k + first) {
            if at < next {
                continue;
            }
            let cr = bytes[at] == b'\r';
            if cr && !any_cr {
                // The first CR: the lines so far ended at a LF, one byte before the next one.
                any_cr = true;
                ends.extend(starts[1..].iter().map(|&s| s - 1));
            }
            if any_cr {
                ends.push(at);
            }
            next = if cr && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(next);
        }
        if any_cr {
            ends.push(bytes.len());
        }
        LineIndex {
            starts,
            ends,
            len: bytes.len(),
            ascii: text.is_ascii(),
        }
    }

    /// Where line `line`'s content ends (before its terminator), if there is such a line.
    #[inline]
    fn end(&self, line: usize) -> Option<usize> {
        if !self.ends.is_empty() {
            return self.ends.get(line).copied();
        }
        match self.starts.get(line + 1) {
            Some(&next) => Some(next - 1),
            None => (line < self.starts.len()).then_some(self.len),
        }
    }

    /// The number of lines (a text always has at least one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte span of line `line`'s content, without its terminator.
    pub fn line_span(&self, line: usize) -> Option<crate::text::Span> {
        Some(crate::text::Span::new(
            *self.starts.get(line)?,
            self.end(line)?,
        ))
    }

    /// The 0-based line containing byte `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(l) => l,
            Err(0) => 0,
            Err(l) => l - 1,
        }
    }

    /// Converts a byte offset to a line and column in `enc` units. Offsets past the end are
    /// clamped to the end, offsets inside a character to that character's start, offsets in a
    /// line terminator to the end of that line's content.
    pub fn line_col(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let offset = crate::text::floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        let offset = offset.clamp(start, self.end(line).unwrap_or(start));
        let col = if self.ascii || enc == Encoding::Utf8 {
            offset - start
        } else {
            let s = &text[start..offset];
            match enc {
                Encoding::Utf16 => utf16_len(s),
                _ => s.chars().count(),
            }
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Converts a line and column in `enc` units to a byte offset. A line past the end gives
    /// the end of the text; a column past the end of its line gives the end of the line's
    /// content; a column inside a character (e.g. half a surrogate pair) gives that
    /// character's start. Never panics.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.starts[line];
        let end = self.end(line).unwrap_or(start).min(text.len());
        let want = pos.col as usize;
        if self.ascii || enc == Encoding::Utf8 {
            return crate::text::floor_char_boundary(text, (start + want).min(end));
        }
        let mut units = 0usize;
        for (i, c) in text[start..end].char_indices() {
            let w = match enc {
                Encoding::Utf16 => c.len_utf16(),
                _ => 1,
            };
            if units + w > want {
                return start + i;
            }
            units += w;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that each `(offset, line, col)` holds in `enc`, in both directions.
    fn check(text: &str, enc: Encoding, expected: &[(usize, u32, u32)]) {
        let idx = LineIndex::new(text);
        for &(off, line, col) in expected {
            assert_eq!(
                idx.line_col(text, off, enc),
                LineCol { line, col },
                "offset {off} in {text:?}"
            );
            assert_eq!(
                idx.offset(text, LineCol { line, col }, enc),
                off,
                "back to {off}"
            );
        }
    }

    #[test]
    fn line_breaks_match_a_byte_by_byte_reading() {
        // Line starts and ends read one byte at a time, as the definition says.
        fn reference(text: &str) -> (Vec<usize>, Vec<usize>) {
            let b = text.as_bytes();
            let first = if text.starts_with('\u{feff}') { 3 } else { 0 };
            let (mut starts, mut ends, mut i) = (vec![first], Vec::new(), first);
            while i < b.len() {
                if b[i] == b'\n' || b[i] == b'\r' {
                    ends.push(i);
                    if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                i += 1;
            }
            ends.push(b.len());
            (starts, ends)
        }
        for text in [
            "",
            "a",
            "\n",
            "\r",
            "\r\n",
            "\n\r",
            "\r\r\n\n",
            "ab\r\ncd\ref\ngh\r",
            "\u{feff}x\r\ny",
            "\u{feff}\n",
            "é\n😀\r\n“q”\r",
        ]
        .into_iter()
        .map(String::from)
        .chain(long_texts())
        {
            let text = text.as_str();
            let idx = LineIndex::new(text);
            let (starts, ends) = reference(text);
            let got: Vec<usize> = (0..idx.line_count()).map(|l| idx.end(l).unwrap()).collect();
            assert_eq!((&idx.starts, got), (&starts, ends), "{text:?}");
            assert_eq!(idx.end(idx.line_count()), None);
            assert_eq!(idx.ascii, text.is_ascii(), "{text:?}");
        }
    }

    /// Longer texts: line breaks of every kind, a CR first seen after many LF lines,
    /// non-ASCII in the last bytes only.
    fn long_texts() -> Vec<String> {
        let pieces = ["a", "bc", "\n", "\r", "\r\n", "é", "defghijklmnopq"];
        let mut out = vec![
            format!("{}\r\nend", "line\n".repeat(40)),
            format!("{}\r", "x".repeat(15)),
            format!("{}é", "y\n".repeat(20)),
            "\u{feff}".to_string() + &"z\r\n".repeat(9),
        ];
        // A fixed pseudo-random mix (a linear congruential generator).
        let mut seed = 7u64;
        for _ in 0..200 {
            let mut t = String::new();
            for _ in 0..(seed % 40) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            out.push(t);
        }
        out
    }

    #[test]
    fn utf16_lengths() {
        for s in [
            "",
            "abc",
            "é",
            "“Quote” — 😀 x",
            "😀😀",
            "\u{10FFFF}\u{7FF}\u{800}",
        ] {
            assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s:?}");
        }
    }

    #[test]
    fn lf_crlf_cr() {
        check(
            "ab\ncd",
            Encoding::Utf16,
            &[(0, 0, 0), (2, 0, 2), (3, 1, 0), (5, 1, 2)],
        );
        check(
            "ab\r\ncd",
            Encoding::Utf16,
            &[(2, 0, 2), (4, 1, 0), (5, 1, 1)],
        );
        check(
            "ab\rcd\r\n\nx",
            Encoding::Utf8,
            &[(3, 1, 0), (7, 2, 0), (8, 3, 0)],
        );
    }

    #[test]
    fn unicode_columns() {
        // “ is 3 bytes/1 unit, — is 3 bytes/1 unit, 😀 is 4 bytes/2 UTF-16 units/1 char.
        let t = "“a” — 😀 x";
        let x = t.find('x').unwrap();
        check(t, Encoding::Utf16, &[(x, 0, 9)]);
        check(t, Encoding::Utf32, &[(x, 0, 8)]);
        check(t, Encoding::Utf8, &[(x, 0, x as u32)]);
    }

    #[test]
    fn bom_is_not_a_column() {
        let t = "\u{feff}ab\r\nc";
        check(t, Encoding::Utf16, &[(3, 0, 0), (4, 0, 1), (7, 1, 0)]);
        assert_eq!(
            LineIndex::new(t).line_col(t, 1, Encoding::Utf16),
            LineCol { line: 0, col: 0 }
        );
    }

    #[test]
    fn clamping_never_panics() {
        let t = "a😀\nb";
        let idx = LineIndex::new(t);
        assert_eq!(
            idx.offset(t, LineCol { line: 9, col: 9 }, Encoding::Utf16),
            t.len()
        );
        assert_eq!(
            idx.offset(t, LineCol { line: 0, col: 99 }, Encoding::Utf16),
            5
        );
        // Column 2 is the middle of the surrogate pair: snaps to the emoji's start.
        assert_eq!(
            idx.offset(t, LineCol { line: 0, col: 2 }, Encoding::Utf16),
            1
        );
        assert_eq!(
            idx.line_col(t, 3, Encoding::Utf16),
            LineCol { line: 0, col: 1 }
        );
        assert_eq!(
            idx.line_col(t, 999, Encoding::Utf32),
            LineCol { line: 1, col: 1 }
        );
        let empty = LineIndex::new("");
        assert_eq!(empty.line_count(), 1);
        assert_eq!(
            empty.offset("", LineCol { line: 0, col: 3 }, Encoding::Utf8),
            0
        );
    }
}
