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

/// The character at byte `i` of `text` (a character boundary before its end).
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes()[i] {
        b if b < 0x80 => char::from(b),
        _ => text[i..].chars().next().unwrap_or(PLACEHOLDER),
    }
}

/// Splits `text` into tokens; whitespace is dropped.
pub fn tokenize(text: &str) -> Vec<(Range<usize>, TokenKind)> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let len = text.len();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < len {
        // ASCII white space (as `char::is_whitespace` has it) without decoding.
        if matches!(bytes[i], b' ' | 0x09..=0x0d) {
            i += 1;
            continue;
        }
        let c = char_at(text, i);
        let start = i;
        i += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if c == PLACEHOLDER {
            out.push((start..i, TokenKind::Placeholder));
            continue;
        }
        if !is_word_char(c) {
            out.push((start..i, TokenKind::Punct));
            continue;
        }
        let mut end = i;
        let mut all_digits = c.is_ascii_digit();
        let bytes = text.as_bytes();
        while end < len {
            // ASCII letters and digits, the bulk of a word, without decoding a character
            // (for ASCII, `is_word_char` is exactly `is_ascii_alphanumeric`).
            let b = bytes[end];
            if b.is_ascii_alphanumeric() {
                all_digits &= b.is_ascii_digit();
                end += 1;
                continue;
            }
            let d = char_at(text, end);
            if is_word_char(d) {
                all_digits &= d.is_ascii_digit();
                end += d.len_utf8();
                continue;
            }
            if !matches!(d, '\'' | '’' | '-' | '.' | ',' | '‑') {
                break;
            }
            // Joins only when a word character follows directly; a comma only between digits.
            let after = end + d.len_utf8();
            let joins = match (after < len).then(|| char_at(text, after)) {
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
            end = after;
        }
        let kind = if c.is_ascii_digit() || (all_digits && c.is_numeric()) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push((start..end, kind));
        i = end;
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

    /// The ASCII fast paths read white space and words as the character-by-character rules
    /// do: every kind of white space (a vertical tab, a no-break space), accents and
    /// combining marks inside words, joiners only before a word character.
    #[test]
    fn ascii_fast_paths_agree_with_the_rules() {
        check(
            "a\tb\x0Bc\x0Cd\re\u{A0}f\u{2003}g",
            &["a", "b", "c", "d", "e", "f", "g"],
        );
        check(
            "cafe\u{301}s naïve co-op 3,5a 1,a x.y. it's- end",
            &[
                "cafe\u{301}s",
                "naïve",
                "co-op",
                "3,5a",
                "1",
                ",",
                "a",
                "x.y",
                ".",
                "it's",
                "-",
                "end",
            ],
        );
        assert_eq!(tokenize("3,5a")[0].1, TokenKind::Number);
        assert_eq!(tokenize("12,000")[0].1, TokenKind::Number);
        assert_eq!(tokenize("a12")[0].1, TokenKind::Word);
    }
}
