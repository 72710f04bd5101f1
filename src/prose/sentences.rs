//! Sentence segmentation tuned for news copy.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, with any closing quotes and brackets that
//! follow, when the next word starts a sentence: a capital letter, a digit or an opening quote.
//! A full stop after a title (Mr., Gen., Sen.), an initial (J. R. R.) or "No." before a number
//! never ends a sentence; after other abbreviations (U.S., Inc., a.m., Jan.) it does only
//! when the next word is one that usually starts sentences ("The", "He", "But"…).

use super::tokens::TokenKind;
use std::ops::Range;

/// Abbreviations that are always followed by more of the same sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "gen", "sen", "sens", "rep", "reps", "gov", "lt", "col",
    "capt", "cpt", "sgt", "cpl", "pvt", "maj", "adm", "cmdr", "cdr", "brig", "st", "ste", "prof",
    "rev", "hon", "pres", "supt", "insp", "det", "fr", "mt", "ft", "mme", "mlle", "sr", "jr",
    "gens", "drs", "lieut", "amb", "atty", "vs", "v", "cf", "approx", "nos", "pp", "vol",
];

/// Abbreviations that may also end a sentence.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "inc", "ltd", "corp", "co", "bros", "plc", "llc", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "dept", "univ", "est", "assn", "ave", "blvd", "rd", "hwy", "no",
    "ca", "al", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

/// Words that commonly open a sentence; after an ambiguous abbreviation they mean a new one.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "In",
    "On",
    "At",
    "As",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Some",
    "Many",
    "Most",
    "Meanwhile",
    "However",
    "Still",
    "Yet",
    "Now",
    "Then",
    "Officials",
    "Its",
    "No",
    "Despite",
    "Since",
    "According",
    "Under",
    "With",
    "Without",
    "What",
    "Who",
    "Why",
    "How",
];

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
pub fn split(text: &str, toks: &[(Range<usize>, TokenKind)]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if toks.is_empty() {
        return out;
    }
    let tok = |i: usize| &text[toks[i].0.clone()];
    let mut start = 0usize;
    let mut i = 0usize;
    while i < toks.len() {
        if toks[i].1 != TokenKind::Punct || !is_terminal(tok(i)) {
            i += 1;
            continue;
        }
        let term = i;
        // Take further terminals and closers that touch it ("?!", "...", `."`, `.)`).
        let mut last = i;
        while last + 1 < toks.len()
            && toks[last + 1].0.start == toks[last].0.end
            && (is_terminal(tok(last + 1)) || is_closer(tok(last + 1)))
        {
            last += 1;
        }
        let next = last + 1;
        if next >= toks.len() {
            break;
        }
        let spaced = text[toks[last].0.end..toks[next].0.start]
            .chars()
            .any(char::is_whitespace);
        if spaced && starts_sentence(text, toks, term, next) {
            out.push(toks[start].0.start..toks[last].0.end);
            start = next;
        }
        i = next;
    }
    out.push(toks[start].0.start..toks[toks.len() - 1].0.end);
    out
}

/// Whether the token at `next` begins a new sentence after the terminal at `term`.
fn starts_sentence(
    text: &str,
    toks: &[(Range<usize>, TokenKind)],
    term: usize,
    next: usize,
) -> bool {
    let next_text = &text[toks[next].0.clone()];
    let first = next_text.chars().next().unwrap_or(' ');
    let opens = first.is_uppercase() || first.is_ascii_digit() || is_opener(next_text);
    if !opens {
        return false;
    }
    let term_text = &text[toks[term].0.clone()];
    let ellipsis = term_text == "…" || (term > 0 && &text[toks[term - 1].0.clone()] == ".");
    if term_text != "." || ellipsis {
        // "!", "?", or an ellipsis: only a capital or an opening quote starts anew.
        return first.is_uppercase() || is_opener(next_text) || !ellipsis;
    }
    if term == 0
        || toks[term - 1].1 != TokenKind::Word
        || toks[term - 1].0.end != toks[term].0.start
    {
        return true;
    }
    let word = &text[toks[term - 1].0.clone()];
    let lower = word.to_lowercase();
    let starter = STARTERS.contains(&next_text);
    if TITLES.contains(&lower.as_str()) && word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if lower == "no" && toks[next].1 == TokenKind::Number {
        return false;
    }
    // Initials and dotted abbreviations: J. R. R. Tolkien, J.R.R., U.S., a.m.
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if dotted || initial || OTHER_ABBREVIATIONS.contains(&lower.as_str()) {
        if toks[next].1 == TokenKind::Number && !dotted {
            return false;
        }
        return starter;
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
