//! Tokens: words, numbers, punctuation and placeholders, with byte ranges.

use crate::markdown::PLACEHOLDER;
use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and dots (`don't`, `al-Assad`, `U.S`).
    Word,
    /// Digits, with inner separators (`1,200`, `3.5`, `2026`), possibly with a unit suffix.
    Number,
    /// A punctuation mark or symbol.
    Punct,
    /// Masked inline content (code, a URL).
    Placeholder,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (c != PLACEHOLDER && is_mark(c))
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Splits `text` into tokens; whitespace is dropped.
pub fn tokenize(text: &str) -> Vec<(Range<usize>, TokenKind)> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c == PLACEHOLDER {
            out.push((i..i + c.len_utf8(), TokenKind::Placeholder));
            continue;
        }
        if !is_word_char(c) {
            out.push((i..i + c.len_utf8(), TokenKind::Punct));
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut all_digits = c.is_ascii_digit();
        loop {
            match it.peek().copied() {
                Some((j, d)) if is_word_char(d) => {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    it.next();
                }
                Some((j, d)) if matches!(d, '\'' | '’' | '-' | '.' | ',' | '‑') => {
                    // Joins only when a word character follows directly; a comma only between digits.
                    let next = text[j + d.len_utf8()..].chars().next();
                    let joins = match next {
                        Some(n) if is_word_char(n) => {
                            if d == ',' {
                                all_digits && n.is_ascii_digit()
                            } else {
                                true
                            }
                        }
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    end = j + d.len_utf8();
                    it.next();
                }
                _ => break,
            }
        }
        let kind = if c.is_ascii_digit() || (all_digits && c.is_numeric()) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push((i..end, kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = tokenize(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn words_numbers_punct() {
        check(
            "Zelenskiy’s U.S. aide don't—said $1,200.50, al-Assad.",
            &[
                "Zelenskiy’s",
                "U.S",
                ".",
                "aide",
                "don't",
                "—",
                "said",
                "$",
                "1,200.50",
                ",",
                "al-Assad",
                ".",
            ],
        );
        check(
            "“Yes,” he said… ok",
            &["“", "Yes", ",", "”", "he", "said", "…", "ok"],
        );
        check("a, b", &["a", ",", "b"]);
        assert_eq!(tokenize("12 x")[0].1, TokenKind::Number);
        assert_eq!(tokenize("\u{FFFC}")[0].1, TokenKind::Placeholder);
    }
}
