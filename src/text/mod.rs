//! Byte offsets, spans and line/column conversion.
//!
//! Everything inside newslint speaks in byte offsets into the text as stored. This module turns
//! offsets into `(line, column)` pairs for humans and protocols, in UTF-8, UTF-16 or UTF-32
//! units, and back. It knows nothing of Markdown.

mod edit;
mod line_index;

pub use edit::apply_change;
pub use line_index::{Encoding, LineCol, LineIndex};

/// A half-open byte range `[start, end)` into a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; the ends are swapped if given backwards.
    pub fn new(start: usize, end: usize) -> Span {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// The number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `offset` lies inside the span.
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether the two spans share at least one byte (or an empty span sits inside the other).
    pub fn overlaps(&self, other: Span) -> bool {
        if self.is_empty() || other.is_empty() {
            return self.start.max(other.start) <= self.end.min(other.end)
                && (self.contains(other.start)
                    || other.contains(self.start)
                    || self.start == other.start);
        }
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The text this span covers, or `""` if it does not fall on character boundaries of `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Moves `offset` back to the nearest character boundary of `text`, clamping it to the text.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    let mut o = offset;
    while o > 0 && !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// Moves `offset` forward to the nearest character boundary of `text`, clamping it to the text.
pub fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    let mut o = offset;
    while o < text.len() && !text.is_char_boundary(o) {
        o += 1;
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_basics() {
        let s = Span::new(5, 2);
        assert_eq!(s, Span { start: 2, end: 5 });
        assert_eq!(s.len(), 3);
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
        assert!(Span::new(3, 3).overlaps(s));
        assert_eq!(s.cover(Span::new(7, 8)), Span::new(2, 8));
        assert_eq!(Span::new(0, 3).slice("héllo"), "hé");
        assert_eq!(Span::new(0, 2).slice("héllo"), "");
    }

    #[test]
    fn boundaries() {
        let t = "a€b";
        assert_eq!(floor_char_boundary(t, 2), 1);
        assert_eq!(ceil_char_boundary(t, 2), 4);
        assert_eq!(floor_char_boundary(t, 99), 5);
    }
}
