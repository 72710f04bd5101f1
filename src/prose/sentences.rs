//! Sentence segmentation tuned for news copy.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, with any closing quotes and brackets that
//! follow, when the next word starts a sentence: a capital letter, a digit or an opening quote.
//! A full stop after a title (Mr., Gen., Sen.), an initial (J. R. R.) or "No." before a number
//! never ends a sentence; after other abbreviations (U.S., Inc., a.m., Jan.) it does only
//! when the next word is one that usually starts sentences ("The", "He", "But"…).

use super::tokens::{Tok, TokenKind};
use std::ops::Range;

/// What the splitter reads of a token: its byte range in the text and its kind.
pub trait Piece {
    /// Byte range in the text.
    fn range(&self) -> Range<usize>;
    /// What it is.
    fn kind(&self) -> TokenKind;
}

impl Piece for Tok {
    #[inline]
    fn range(&self) -> Range<usize> {
        self.range.clone()
    }
    #[inline]
    fn kind(&self) -> TokenKind {
        self.kind
    }
}

impl Piece for super::Token {
    #[inline]
    fn range(&self) -> Range<usize> {
        super::Token::range(self)
    }
    #[inline]
    fn kind(&self) -> TokenKind {
        super::Token::kind(self)
    }
}

/// Abbreviations that are always followed by more of the same sentence (lower case, as
/// bytes).
fn is_title(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"messrs"
            | b"dr"
            | b"gen"
            | b"sen"
            | b"sens"
            | b"rep"
            | b"reps"
            | b"gov"
            | b"lt"
            | b"col"
            | b"capt"
            | b"cpt"
            | b"sgt"
            | b"cpl"
            | b"pvt"
            | b"maj"
            | b"adm"
            | b"cmdr"
            | b"cdr"
            | b"brig"
            | b"st"
            | b"ste"
            | b"prof"
            | b"rev"
            | b"hon"
            | b"pres"
            | b"supt"
            | b"insp"
            | b"det"
            | b"fr"
            | b"mt"
            | b"ft"
            | b"mme"
            | b"mlle"
            | b"sr"
            | b"jr"
            | b"gens"
            | b"drs"
            | b"lieut"
            | b"amb"
            | b"atty"
            | b"vs"
            | b"v"
            | b"cf"
            | b"approx"
            | b"nos"
            | b"pp"
            | b"vol"
    )
}

/// Abbreviations that may also end a sentence (lower case, as bytes).
fn is_other_abbreviation(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"inc"
            | b"ltd"
            | b"corp"
            | b"co"
            | b"bros"
            | b"plc"
            | b"llc"
            | b"etc"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"mon"
            | b"tue"
            | b"tues"
            | b"wed"
            | b"thu"
            | b"thur"
            | b"thurs"
            | b"fri"
            | b"sat"
            | b"sun"
            | b"dept"
            | b"univ"
            | b"est"
            | b"assn"
            | b"ave"
            | b"blvd"
            | b"rd"
            | b"hwy"
            | b"no"
            | b"ca"
            | b"al"
            | b"ariz"
            | b"ark"
            | b"calif"
            | b"colo"
            | b"conn"
            | b"del"
            | b"fla"
            | b"ga"
            | b"ill"
            | b"ind"
            | b"kan"
            | b"ky"
            | b"la"
            | b"md"
            | b"mass"
            | b"mich"
            | b"minn"
            | b"miss"
            | b"mo"
            | b"mont"
            | b"neb"
            | b"nev"
            | b"okla"
            | b"ore"
            | b"pa"
            | b"tenn"
            | b"tex"
            | b"va"
            | b"vt"
            | b"wash"
            | b"wis"
            | b"wyo"
    )
}

/// The longest abbreviation of [`is_title`] and [`is_other_abbreviation`], in bytes: a
/// longer lower-case word is neither.
const LONGEST_ABBREVIATION: usize = 6;

/// Words that commonly open a sentence; after an ambiguous abbreviation they mean a new one.
fn is_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "In"
            | "On"
            | "At"
            | "As"
            | "For"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Some"
            | "Many"
            | "Most"
            | "Meanwhile"
            | "However"
            | "Still"
            | "Yet"
            | "Now"
            | "Then"
            | "Officials"
            | "No"
            | "Despite"
            | "Since"
            | "According"
            | "Under"
            | "With"
            | "Without"
            | "What"
            | "Who"
            | "Why"
            | "How"
    )
}

#[cfg(test)]
fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "‽")
}

#[cfg(test)]
fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | ")" | "]" | "»" | "›")
}

fn is_opener(s: &str) -> bool {
    matches!(
        s,
        "“" | "\"" | "‘" | "'" | "(" | "[" | "«" | "‹" | "`" | "¿" | "¡" | "—" | "-"
    )
}

/// Splits `text` (whose tokens are `toks`) into sentence ranges covering all tokens.
#[cfg(test)]
pub fn split(text: &str, toks: &[Tok]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    split_into(text, toks, &mut out);
    out.into_iter()
        .map(|r| toks[r.start].range.start..toks[r.end - 1].range.end)
        .collect()
}

/// Splits `text` (whose tokens are `toks`) into sentences, appending to `out` (a buffer
/// reused from block to block) the range of token indices of each: every token in one, in
/// order. A sentence's text runs from its first token's start to its last token's end.
#[cfg(test)]
pub fn split_into<T: Piece>(text: &str, toks: &[T], out: &mut Vec<Range<usize>>) {
    let terminals: Vec<usize> = (0..toks.len())
        .filter(|&i| is_terminal_token(text.as_bytes(), &toks[i]))
        .collect();
    split_at(text, toks, &terminals, out);
}

/// Whether token `t` of `bytes` is a terminal: punctuation that is `.`, `!`, `?`, `…` or
/// `‽` ([`is_terminal`]).
#[inline]
pub fn is_terminal_token<T: Piece>(bytes: &[u8], t: &T) -> bool {
    t.kind() == TokenKind::Punct && is_terminal_at(bytes, &t.range())
}

/// [`split_into`] given `terminals`, the indices of the terminal tokens
/// ([`is_terminal_token`]) in order, gathered as the tokens were read: only they are
/// visited, not every token.
pub fn split_at<T: Piece>(
    text: &str,
    toks: &[T],
    terminals: &[usize],
    out: &mut Vec<Range<usize>>,
) {
    if toks.is_empty() {
        return;
    }
    let mut start = 0usize;
    // Where the search for the next terminal resumes: terminals before it were taken into
    // the last one's run.
    let mut i = 0usize;
    for &term in terminals {
        if term < i {
            continue;
        }
        // Take further terminals and closers that touch it ("?!", "...", `."`, `.)`).
        let mut last = term;
        while last + 1 < toks.len()
            && toks[last + 1].range().start == toks[last].range().end
            && extends_run_at(text.as_bytes(), &toks[last + 1].range())
        {
            last += 1;
        }
        let next = last + 1;
        if next >= toks.len() {
            break;
        }
        // Tokens are separated by white space only, so a gap between two is white space.
        let spaced = toks[last].range().end < toks[next].range().start;
        if spaced
            && starts_sentence(
                text,
                toks,
                term,
                toks[next].range().clone(),
                toks[next].kind(),
            )
        {
            out.push(start..next);
            start = next;
        }
        i = next;
    }
    out.push(start..toks.len());
}

/// Whether the punctuation token at `range` of `bytes` is a terminal ([`is_terminal`]),
/// read from its bytes: `.`, `!`, `?`, or the three bytes of `…` (E2 80 A6) or `‽` (E2 80 BD).
#[inline]
fn is_terminal_at(bytes: &[u8], range: &Range<usize>) -> bool {
    matches!(
        &bytes[range.clone()],
        [b'.' | b'!' | b'?'] | [0xE2, 0x80, 0xA6 | 0xBD]
    )
}

/// Whether the token at `range` of `bytes` is a terminal or a closer (`is_terminal`,
/// `is_closer`), read from its bytes: what a run of sentence-ending marks takes in.
#[inline]
fn extends_run_at(bytes: &[u8], range: &Range<usize>) -> bool {
    matches!(
        &bytes[range.clone()],
        [b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']']
            | [0xE2, 0x80, 0xA6 | 0xBD | 0x9D | 0x99 | 0xBA]
            | [0xC2, 0xBB]
    )
}

/// Whether the token at `next` (of kind `next_kind`) begins a new sentence after the
/// terminal at `term`.
fn starts_sentence<T: Piece>(
    text: &str,
    toks: &[T],
    term: usize,
    next: Range<usize>,
    next_kind: TokenKind,
) -> bool {
    let bytes = text.as_bytes();
    let next_text = &text[next.clone()];
    let b0 = bytes[next.start];
    let upper = if b0 < 0x80 {
        b0.is_ascii_uppercase()
    } else {
        next_text.chars().next().is_some_and(char::is_uppercase)
    };
    let opens = upper || b0.is_ascii_digit() || is_opener(next_text);
    if !opens {
        return false;
    }
    let term_range = toks[term].range();
    // A terminal is `.`, `!`, `?` (one byte each), `…` or `‽` (E2 80 A6, E2 80 BD).
    let dot = bytes[term_range.start] == b'.';
    let ellipsis = bytes.get(term_range.start..term_range.start + 3) == Some(&[0xE2, 0x80, 0xA6])
        || (term > 0 && &bytes[toks[term - 1].range().clone()] == b".");
    if !dot || ellipsis {
        // "!", "?", or an ellipsis: only a capital or an opening quote starts anew.
        return upper || is_opener(next_text) || !ellipsis;
    }
    if term == 0
        || toks[term - 1].kind() != TokenKind::Word
        || toks[term - 1].range().end != term_range.start
    {
        return true;
    }
    let word = &text[toks[term - 1].range().clone()];
    // An ASCII word longer than any abbreviation, with no dot in it, is no title, initial or
    // abbreviation: most words before a full stop, answered without lowering them.
    if word.len() > LONGEST_ABBREVIATION && word.bytes().all(|b| b < 0x80 && b != b'.') {
        return true;
    }
    // The lower-case form of the word, as far as the abbreviation lists can hold it: they
    // are ASCII and short, so an ASCII word is lowered on the stack, and a longer one ("")
    // is in neither list. Other words are lowered as `str::to_lowercase` does (a Kelvin sign
    // lowers to an ASCII `k`).
    let mut buf = [0u8; LONGEST_ABBREVIATION];
    let owned;
    let ascii = word.is_ascii();
    let lower: &[u8] = if !ascii {
        owned = word.to_lowercase();
        owned.as_bytes()
    } else if word.len() <= LONGEST_ABBREVIATION {
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        &buf[..word.len()]
    } else {
        b""
    };
    if is_title(lower) && word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if lower == b"no" && next_kind == TokenKind::Number {
        return false;
    }
    // Initials and dotted abbreviations: J. R. R. Tolkien, J.R.R., U.S., a.m.
    let dotted = word.bytes().any(|b| b == b'.') && word.split('.').all(|p| p.chars().count() <= 2);
    let initial = if ascii {
        word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase()
    } else {
        word.chars().count() == 1 && word.chars().all(char::is_uppercase)
    };
    if dotted || initial || is_other_abbreviation(lower) {
        if next_kind == TokenKind::Number && !dotted {
            return false;
        }
        return is_starter(next_text);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let toks = tokenize(text);
        let got: Vec<&str> = split(text, &toks).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn news_copy() {
        check(
            "One here. Two there! Three? Four",
            &["One here.", "Two there!", "Three?", "Four"],
        );
        check(
            "Mr. Smith met Gen. Lee and Sen. Ray at St. Paul. They spoke.",
            &[
                "Mr. Smith met Gen. Lee and Sen. Ray at St. Paul.",
                "They spoke.",
            ],
        );
        check(
            "The U.S. and U.K. agreed. The U.S. Army left at 3 p.m. on Jan. 5. It rained.",
            &[
                "The U.S. and U.K. agreed.",
                "The U.S. Army left at 3 p.m. on Jan. 5.",
                "It rained.",
            ],
        );
        check(
            "He moved to the U.S. The move was quiet.",
            &["He moved to the U.S.", "The move was quiet."],
        );
        check(
            "J.R.R. Tolkien and J. K. Rowling wrote. Fine.",
            &["J.R.R. Tolkien and J. K. Rowling wrote.", "Fine."],
        );
        check(
            "It rose 3.5 per cent. Acme Inc. said No. 10 was shut.",
            &["It rose 3.5 per cent.", "Acme Inc. said No. 10 was shut."],
        );
    }

    /// The abbreviation lists in any case, their longest words, and words just longer.
    #[test]
    fn abbreviations() {
        check(
            "Messrs. Hale and Ross met. APPROX. 5 came. Approxi. The end.",
            &[
                "Messrs. Hale and Ross met.",
                "APPROX. 5 came.",
                "Approxi.",
                "The end.",
            ],
        );
        check(
            "It went to Calif. The team left. See No. 5 and Co. Then more.",
            &[
                "It went to Calif.",
                "The team left.",
                "See No. 5 and Co.",
                "Then more.",
            ],
        );
        check(
            "They sold it to Acme Corp. Officials said so. Dr. Ng left.",
            &[
                "They sold it to Acme Corp.",
                "Officials said so.",
                "Dr. Ng left.",
            ],
        );
        // A non-ASCII word is lowered as `to_lowercase` does: the Kelvin sign is a `k`.
        check("To \u{212A}y. Lots left.", &["To \u{212A}y. Lots left."]);
        check("To \u{212A}y. The rest.", &["To \u{212A}y.", "The rest."]);
        check("To \u{212A}y. 5 rest.", &["To \u{212A}y. 5 rest."]);
        assert!(is_title(b"messrs") && is_title(b"approx") && !is_title(b"approxi"));
        assert!(is_other_abbreviation(b"thurs") && !is_other_abbreviation(b"Inc"));
        assert!(is_starter("According") && !is_starter("according"));
    }

    /// The splitter as it read text before it read bytes: strings compared, gaps searched
    /// for white space. The reference for [`split_into`].
    fn old_split(text: &str, toks: &[Tok]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let terminals: Vec<usize> = (0..toks.len())
            .filter(|&i| is_terminal_token(text.as_bytes(), &toks[i]))
            .collect();
        if toks.is_empty() {
            return out;
        }
        let mut start = 0usize;
        // Where the search for the next terminal resumes: terminals before it were taken into
        // the last one's run.
        let mut i = 0usize;
        for &term in &terminals {
            if term < i {
                continue;
            }
            // Take further terminals and closers that touch it ("?!", "...", `."`, `.)`).
            let mut last = term;
            while last + 1 < toks.len() && toks[last + 1].range.start == toks[last].range.end {
                let t = &text[toks[last + 1].range.clone()];
                if !(is_terminal(t) || is_closer(t)) {
                    break;
                }
                last += 1;
            }
            let next = last + 1;
            if next >= toks.len() {
                break;
            }
            let gap = toks[last].range.end..toks[next].range.start;
            let spaced = !gap.is_empty() && text[gap].chars().any(char::is_whitespace);
            if spaced && old_starts_sentence(text, toks, term, next) {
                out.push(start..next);
                start = next;
            }
            i = next;
        }
        out.push(start..toks.len());
        out
    }

    fn old_starts_sentence(text: &str, toks: &[Tok], term: usize, next: usize) -> bool {
        let next_text = &text[toks[next].range().clone()];
        let first = next_text.chars().next().unwrap_or(' ');
        let opens = first.is_uppercase() || first.is_ascii_digit() || is_opener(next_text);
        if !opens {
            return false;
        }
        let term_text = &text[toks[term].range().clone()];
        let ellipsis =
            term_text == "…" || (term > 0 && &text[toks[term - 1].range().clone()] == ".");
        if term_text != "." || ellipsis {
            // "!", "?", or an ellipsis: only a capital or an opening quote starts anew.
            return first.is_uppercase() || is_opener(next_text) || !ellipsis;
        }
        if term == 0
            || toks[term - 1].kind() != TokenKind::Word
            || toks[term - 1].range().end != toks[term].range().start
        {
            return true;
        }
        let word = &text[toks[term - 1].range().clone()];
        // An ASCII word longer than any abbreviation, with no dot in it, is no title, initial or
        // abbreviation: most words before a full stop, answered without lowering them.
        if word.len() > LONGEST_ABBREVIATION && word.is_ascii() && !word.contains('.') {
            return true;
        }
        // The lower-case form of the word, as far as the abbreviation lists can hold it: they
        // are ASCII and short, so an ASCII word is lowered on the stack, and a longer one ("")
        // is in neither list. Other words are lowered as `str::to_lowercase` does (a Kelvin sign
        // lowers to an ASCII `k`).
        let mut buf = [0u8; LONGEST_ABBREVIATION];
        let owned;
        let lower: &str = if !word.is_ascii() {
            owned = word.to_lowercase();
            &owned
        } else if word.len() <= LONGEST_ABBREVIATION {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or_default()
        } else {
            ""
        };
        if is_title(lower.as_bytes()) && word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if lower == "no" && toks[next].kind() == TokenKind::Number {
            return false;
        }
        // Initials and dotted abbreviations: J. R. R. Tolkien, J.R.R., U.S., a.m.
        let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if dotted || initial || is_other_abbreviation(lower.as_bytes()) {
            if toks[next].kind() == TokenKind::Number && !dotted {
                return false;
            }
            return is_starter(next_text);
        }
        true
    }

    /// Splitting on bytes agrees with the reading on strings, on random text of terminals,
    /// closers, openers, capitals, abbreviations, numbers and white space.
    #[test]
    fn splitting_agrees_with_the_string_reading() {
        use proptest::prelude::*;
        let pieces = [
            "The",
            "he",
            "Mr",
            "mr",
            "U.S",
            "a.m",
            "No",
            "no",
            "5",
            "J",
            "Inc",
            "Approx",
            "\u{212A}y",
            "Σ",
            "Ég",
            ".",
            "!",
            "?",
            "…",
            "‽",
            "”",
            "\"",
            "'",
            "’",
            ")",
            "]",
            "»",
            "›",
            "“",
            "‘",
            "(",
            "«",
            "—",
            "-",
            "¡",
            " ",
            "  ",
            "\n",
            "\u{A0}",
            "é",
            "x",
            ",",
            "\u{FFFC}",
        ];
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(
                &proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..40),
                |ps| {
                    let text: String = ps.concat();
                    let toks = tokenize(&text);
                    let mut got = Vec::new();
                    split_into(&text, &toks, &mut got);
                    prop_assert_eq!(got, old_split(&text, &toks), "{:?}", text);
                    Ok(())
                },
            )
            .unwrap();
    }

    /// A run of terminals and closers is recognised from its bytes as from its text.
    #[test]
    fn runs_from_bytes() {
        let text = "a . ! ? … ‽ , ” \" ’ ' ) ] » › “ ( ‘ « ... ∴ ";
        for t in tokenize(text) {
            let s = &text[t.range.clone()];
            assert_eq!(
                extends_run_at(text.as_bytes(), &t.range),
                is_terminal(s) || is_closer(s),
                "{s}"
            );
        }
    }

    /// A terminal is recognised from its bytes as from its text.
    #[test]
    fn terminals_from_bytes() {
        let text = "a . ! ? … ‽ , ” ... ∴ ";
        for t in tokenize(text) {
            let s = &text[t.range.clone()];
            assert_eq!(
                is_terminal_at(text.as_bytes(), &t.range),
                is_terminal(s),
                "{s}"
            );
        }
    }

    #[test]
    fn quotes_brackets_ellipses() {
        check("“It is over.” He left.", &["“It is over.”", "He left."]);
        check(
            "She said \"no.\" Then (quietly.) Done.",
            &["She said \"no.\"", "Then (quietly.)", "Done."],
        );
        check(
            "He paused... and went on. Then… Nothing.",
            &["He paused... and went on.", "Then…", "Nothing."],
        );
        check("Wait?! Yes.", &["Wait?!", "Yes."]);
        check("A headline without a stop", &["A headline without a stop"]);
        check("", &[]);
    }
}
