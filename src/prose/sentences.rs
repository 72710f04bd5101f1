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
    fn range(&self) -> &Range<usize>;
    /// What it is.
    fn kind(&self) -> TokenKind;
}

impl Piece for Tok {
    #[inline]
    fn range(&self) -> &Range<usize> {
        &self.range
    }
    #[inline]
    fn kind(&self) -> TokenKind {
        self.kind
    }
}

impl Piece for super::Token {
    #[inline]
    fn range(&self) -> &Range<usize> {
        &self.range
    }
    #[inline]
    fn kind(&self) -> TokenKind {
        self.kind
    }
}

/// Abbreviations that are always followed by more of the same sentence (lower case).
fn is_title(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs"
            | "ms"
            | "messrs"
            | "dr"
            | "gen"
            | "sen"
            | "sens"
            | "rep"
            | "reps"
            | "gov"
            | "lt"
            | "col"
            | "capt"
            | "cpt"
            | "sgt"
            | "cpl"
            | "pvt"
            | "maj"
            | "adm"
            | "cmdr"
            | "cdr"
            | "brig"
            | "st"
            | "ste"
            | "prof"
            | "rev"
            | "hon"
            | "pres"
            | "supt"
            | "insp"
            | "det"
            | "fr"
            | "mt"
            | "ft"
            | "mme"
            | "mlle"
            | "sr"
            | "jr"
            | "gens"
            | "drs"
            | "lieut"
            | "amb"
            | "atty"
            | "vs"
            | "v"
            | "cf"
            | "approx"
            | "nos"
            | "pp"
            | "vol"
    )
}

/// Abbreviations that may also end a sentence (lower case).
fn is_other_abbreviation(lower: &str) -> bool {
    matches!(
        lower,
        "inc"
            | "ltd"
            | "corp"
            | "co"
            | "bros"
            | "plc"
            | "llc"
            | "etc"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
            | "dept"
            | "univ"
            | "est"
            | "assn"
            | "ave"
            | "blvd"
            | "rd"
            | "hwy"
            | "no"
            | "ca"
            | "al"
            | "ariz"
            | "ark"
            | "calif"
            | "colo"
            | "conn"
            | "del"
            | "fla"
            | "ga"
            | "ill"
            | "ind"
            | "kan"
            | "ky"
            | "la"
            | "md"
            | "mass"
            | "mich"
            | "minn"
            | "miss"
            | "mo"
            | "mont"
            | "neb"
            | "nev"
            | "okla"
            | "ore"
            | "pa"
            | "tenn"
            | "tex"
            | "va"
            | "vt"
            | "wash"
            | "wis"
            | "wyo"
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

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "‽")
}

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
    t.kind() == TokenKind::Punct && is_terminal_at(bytes, t.range())
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
        while last + 1 < toks.len() && toks[last + 1].range().start == toks[last].range().end {
            let t = &text[toks[last + 1].range().clone()];
            if !(is_terminal(t) || is_closer(t)) {
                break;
            }
            last += 1;
        }
        let next = last + 1;
        if next >= toks.len() {
            break;
        }
        let gap = toks[last].range().end..toks[next].range().start;
        let spaced = !gap.is_empty() && text[gap].chars().any(char::is_whitespace);
        if spaced && starts_sentence(text, toks, term, next) {
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

/// Whether the token at `next` begins a new sentence after the terminal at `term`.
fn starts_sentence<T: Piece>(text: &str, toks: &[T], term: usize, next: usize) -> bool {
    let next_text = &text[toks[next].range().clone()];
    let first = next_text.chars().next().unwrap_or(' ');
    let opens = first.is_uppercase() || first.is_ascii_digit() || is_opener(next_text);
    if !opens {
        return false;
    }
    let term_text = &text[toks[term].range().clone()];
    let ellipsis = term_text == "…" || (term > 0 && &text[toks[term - 1].range().clone()] == ".");
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
    if is_title(lower) && word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if lower == "no" && toks[next].kind() == TokenKind::Number {
        return false;
    }
    // Initials and dotted abbreviations: J. R. R. Tolkien, J.R.R., U.S., a.m.
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if dotted || initial || is_other_abbreviation(lower) {
        if toks[next].kind() == TokenKind::Number && !dotted {
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
        assert!(is_title("messrs") && is_title("approx") && !is_title("approxi"));
        assert!(is_other_abbreviation("thurs") && !is_other_abbreviation("Inc"));
        assert!(is_starter("According") && !is_starter("according"));
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
