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
    // General Punctuation (dashes, curly quotes, ellipsis, spaces) and the placeholder are
    // the non-ASCII characters prose is full of, and none is a letter, digit or mark: they
    // are answered without the Unicode tables.
    if matches!(c, '\u{2000}'..='\u{206F}' | PLACEHOLDER) {
        return false;
    }
    c.is_alphanumeric() || is_mark(c)
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

/// One token as the tokenizer finds it, with what it saw of its bytes on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: TokenKind,
    /// Whether every byte of it is ASCII.
    pub ascii: bool,
    /// Whether it holds an ASCII capital letter (`A`–`Z`).
    pub upper: bool,
}

/// In [`BYTES`]: an ASCII letter or digit (for ASCII, exactly what `is_word_char` accepts).
const ALNUM: u8 = 1;
/// In [`BYTES`]: an ASCII letter (a word character that is not an ASCII digit; the
/// tokenizer also sets it for every non-ASCII word character it takes).
const LETTER: u8 = 2;
/// In [`BYTES`]: an ASCII capital letter.
const UPPER: u8 = 4;
/// In [`BYTES`]: ASCII white space as `char::is_whitespace` has it (space, tab, LF, VT, FF,
/// CR).
const SPACE: u8 = 8;
/// In [`BYTES`]: an ASCII character that joins two word characters into one word (`'`, `-`,
/// `.`, `,`).
const JOIN: u8 = 16;

/// What each byte is, for the ASCII fast paths (0 for every byte of 0x80 and above).
static BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            ALNUM
        } else if c.is_ascii_uppercase() {
            ALNUM | LETTER | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | LETTER
        } else if matches!(c, b' ' | 0x09..=0x0d) {
            SPACE
        } else if matches!(c, b'\'' | b'-' | b'.' | b',') {
            JOIN
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Splits `text` into tokens; whitespace is dropped.
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// Appends the tokens of `text` to `out`; whitespace is dropped.
#[cfg(test)]
pub fn tokenize_into(text: &str, out: &mut Vec<Tok>) {
    out.extend(Tokens::new(text));
}

/// The tokens of a text, in order; whitespace is dropped. Its `next` is inlined into the
/// caller's loop, so that each token goes straight to where it is kept.
pub struct Tokens<'t> {
    text: &'t str,
    /// Where the next token is looked for.
    i: usize,
}

impl<'t> Tokens<'t> {
    /// The tokens of `text`.
    pub fn new(text: &'t str) -> Tokens<'t> {
        Tokens { text, i: 0 }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Tok;

    #[inline(always)]
    fn next(&mut self) -> Option<Tok> {
        let text = self.text;
        let len = text.len();
        let mut i = self.i;
        let bytes = text.as_bytes();
        while i < len {
            let b = bytes[i];
            let start = i;
            let c;
            // The flags of every ASCII letter or digit taken, ORed (LETTER also for a
            // non-ASCII word character): a word holds a capital once UPPER is in it.
            let mut or;
            if b < 0x80 {
                let f = BYTES[b as usize];
                i += 1;
                if f & ALNUM == 0 {
                    if f & SPACE != 0 {
                        continue;
                    }
                    // ASCII punctuation and symbols: one byte each. A space after it is
                    // passed over now ([`after_space`]).
                    self.i = after_space(bytes, i);
                    return Some(Tok {
                        range: start..i,
                        kind: TokenKind::Punct,
                        ascii: true,
                        upper: false,
                    });
                }
                c = char::from(b);
                or = f;
            } else {
                c = char_at(text, i);
                i += c.len_utf8();
                if c.is_whitespace() {
                    continue;
                }
                if c == PLACEHOLDER {
                    self.i = i;
                    return Some(Tok {
                        range: start..i,
                        kind: TokenKind::Placeholder,
                        ascii: false,
                        upper: false,
                    });
                }
                if !is_word_char(c) {
                    self.i = i;
                    return Some(Tok {
                        range: start..i,
                        kind: TokenKind::Punct,
                        ascii: false,
                        upper: false,
                    });
                }
                or = LETTER | NON_ASCII;
            }
            let end = word_end(text, i, &mut or);
            self.i = after_space(bytes, end);
            // A word of digits only is all ASCII digits when it starts with one (a
            // non-ASCII digit is a word character that is not an ASCII digit).
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            return Some(Tok {
                range: start..end,
                kind,
                ascii: or & NON_ASCII == 0,
                upper: or & UPPER != 0,
            });
        }
        self.i = len;
        None
    }
}

/// Where the search for the next token resumes after a token that ends at `end`: past the
/// space that most tokens are followed by, which would otherwise be read (and dropped) by one
/// more turn of the search.
#[inline(always)]
fn after_space(bytes: &[u8], end: usize) -> usize {
    end + usize::from(bytes.get(end) == Some(&b' '))
}

/// In the flags [`word_end`] gathers: a character that is not ASCII was taken.
const NON_ASCII: u8 = 32;

/// Where the word whose first character ends at `i` of `text` ends; `or` (which holds the
/// first character's flags) gathers the
/// [`BYTES`] flags of its ASCII letters and digits, LETTER and [`NON_ASCII`] for its other
/// word characters, and [`NON_ASCII`] for a non-ASCII joiner.
#[inline(always)]
fn word_end(text: &str, i: usize, or: &mut u8) -> usize {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut end = i;
    loop {
        // The run of ASCII letters and digits, the bulk of a word, without decoding a
        // character (for ASCII, `is_word_char` is exactly `is_ascii_alphanumeric`).
        let mut f = 0;
        'run: {
            // Eight bytes at a time while eight are left, with no test of the length at each
            // (most words end in the first eight), then byte by byte.
            while let Some(&chunk) = bytes
                .get(end..end + 8)
                .and_then(|c| <&[u8; 8]>::try_from(c).ok())
            {
                for (k, b) in chunk.into_iter().enumerate() {
                    f = BYTES[b as usize];
                    if f & ALNUM == 0 {
                        end += k;
                        break 'run;
                    }
                    *or |= f;
                }
                end += 8;
            }
            while end < len {
                f = BYTES[bytes[end] as usize];
                if f & ALNUM == 0 {
                    break;
                }
                *or |= f;
                end += 1;
            }
        }
        if end >= len {
            break;
        }
        let d = if bytes[end] < 0x80 {
            // ASCII, not a letter or digit: a joiner, or the end of the word.
            if f & JOIN == 0 {
                break;
            }
            char::from(bytes[end])
        } else {
            let d = char_at(text, end);
            if is_word_char(d) {
                // Not ASCII (an ASCII word character is a letter or digit, taken above).
                *or |= LETTER | NON_ASCII;
                end += d.len_utf8();
                continue;
            }
            if !matches!(d, '’' | '‑') {
                break;
            }
            d
        };
        // Joins only when a word character follows directly; a comma only between digits
        // (while the word is all ASCII digits: no LETTER in it).
        let after = end + d.len_utf8();
        let joins = match (after < len).then(|| char_at(text, after)) {
            Some(n) if is_word_char(n) => {
                if d == ',' {
                    *or & LETTER == 0 && n.is_ascii_digit()
                } else {
                    true
                }
            }
            _ => false,
        };
        if !joins {
            break;
        }
        if !d.is_ascii() {
            *or |= NON_ASCII;
        }
        end = after;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = tokenize(text).into_iter().map(|t| &text[t.range]).collect();
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
        assert_eq!(tokenize("12 x")[0].kind, TokenKind::Number);
        assert_eq!(tokenize("\u{FFFC}")[0].kind, TokenKind::Placeholder);
    }

    /// The fast paths of `is_word_char` answer as the Unicode rules do, for every character.
    #[test]
    fn word_chars_agree_with_the_rules() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let rule = c.is_alphanumeric() || (c != PLACEHOLDER && is_mark(c));
            assert_eq!(is_word_char(c), rule, "{:X}", c as u32);
        }
    }

    /// The tokenizer read character by character, with no fast path: what the fast paths
    /// must agree with.
    fn reference(text: &str) -> Vec<Tok> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let off = |k: usize| chars.get(k).map_or(text.len(), |&(o, _)| o);
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k].1;
            let start = off(k);
            k += 1;
            if c.is_whitespace() {
                continue;
            }
            let slow = |c: char| c.is_alphanumeric() || (c != PLACEHOLDER && is_mark(c));
            if c == PLACEHOLDER || !slow(c) {
                let kind = if c == PLACEHOLDER {
                    TokenKind::Placeholder
                } else {
                    TokenKind::Punct
                };
                let range = start..off(k);
                let ascii = text[range.clone()].is_ascii();
                out.push(Tok {
                    range,
                    kind,
                    ascii,
                    upper: false,
                });
                continue;
            }
            let mut all_digits = c.is_ascii_digit();
            while let Some(d) = at(k) {
                if slow(d) {
                    all_digits &= d.is_ascii_digit();
                    k += 1;
                    continue;
                }
                let joins = matches!(d, '\'' | '’' | '-' | '.' | ',' | '‑')
                    && at(k + 1).is_some_and(|n| {
                        slow(n) && (d != ',' || (all_digits && n.is_ascii_digit()))
                    });
                if !joins {
                    break;
                }
                k += 1;
            }
            let range = start..off(k);
            let word = &text[range.clone()];
            let kind = if c.is_ascii_digit() || (all_digits && c.is_numeric()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Tok {
                range,
                kind,
                ascii: word.is_ascii(),
                upper: word.bytes().any(|b| b.is_ascii_uppercase()),
            });
        }
        out
    }

    /// On random text of the characters that matter (letters, digits, joiners, white
    /// space, marks, quotes, dashes, the placeholder), the tokenizer agrees with the plain
    /// reading.
    #[test]
    fn fast_paths_agree_with_the_reference() {
        use proptest::prelude::*;
        let alphabet: Vec<char> =
            "aZ09 \t\n\x0b'’-‑.,;“”—…\u{301}\u{FFFC}\u{A0}\u{2003}é٣ΣK\u{212A}½x"
                .chars()
                .collect();
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(
                &proptest::collection::vec(proptest::sample::select(alphabet), 0..40),
                |cs| {
                    let text: String = cs.into_iter().collect();
                    prop_assert_eq!(tokenize(&text), reference(&text), "{:?}", text);
                    Ok(())
                },
            )
            .unwrap();
    }

    /// Words read eight bytes at a time agree with the reference: words of every length
    /// from 1 to 20, ending at each place of a chunk and at the end of the text, with a
    /// capital, a joiner or a non-ASCII letter at each position.
    #[test]
    fn long_words_agree_with_the_reference() {
        for n in 1..=20 {
            for at in 0..n {
                for c in ['a', 'Q', '7', '-', '\'', 'é', '’', '.', ','] {
                    let mut w: Vec<char> = "abcdefghij0123456789".chars().take(n).collect();
                    w[at] = c;
                    let w: String = w.into_iter().collect();
                    for text in [
                        w.clone(),
                        format!("{w} x"),
                        format!("x {w}."),
                        format!("{w}, and more text here"),
                    ] {
                        assert_eq!(tokenize(&text), reference(&text), "{text:?}");
                    }
                }
            }
        }
    }

    /// A token says whether it is all ASCII and whether it holds an ASCII capital.
    #[test]
    fn ascii_and_capitals() {
        let flags: Vec<(bool, bool)> = tokenize("Ab cd É’s it’s A-b x'Y 12 . — \u{FFFC}")
            .iter()
            .map(|t| (t.ascii, t.upper))
            .collect();
        assert_eq!(
            flags,
            [
                (true, true),
                (true, false),
                (false, false),
                (false, false),
                (true, true),
                (true, true),
                (true, false),
                (true, false),
                (false, false),
                (false, false),
            ]
        );
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
        assert_eq!(tokenize("3,5a")[0].kind, TokenKind::Number);
        assert_eq!(tokenize("12,000")[0].kind, TokenKind::Number);
        assert_eq!(tokenize("a12")[0].kind, TokenKind::Word);
    }
}
