//! Direct quotations: straight, curly and PTB (``…'') double quotes, single quotes nested in
//! them or used alone, and quotes that run on across paragraphs.
//!
//! News style continues a long quotation into the next paragraph by leaving the first one
//! without a closing mark and opening the next with a quote mark; such a quotation is one
//! [`Quotation`] with a part per block. A quote that is never closed runs to the end of its
//! block.

use crate::markdown::{Block, Draft};
use crate::text::Span;
use std::ops::Range;

/// One direct quotation.
#[derive(Clone, Debug)]
pub struct Quotation {
    /// The opening mark in the source.
    pub open: Span,
    /// The closing mark in the source, if there is one.
    pub close: Option<Span>,
    /// The quoted words: block index and byte range of block text, one per block it spans.
    pub parts: Vec<(usize, Range<usize>)>,
    /// From the opening mark to the closing mark (or the end of the last part).
    pub span: Span,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Double,
    Single,
}

struct Open {
    style: Style,
    quote: Quotation,
    content_start: usize,
}

fn is_open_double(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    if rest.starts_with('“') || rest.starts_with('„') || rest.starts_with('«') {
        return Some(rest.chars().next().map_or(1, char::len_utf8));
    }
    if rest.starts_with("``") {
        return Some(2);
    }
    if rest.starts_with('"') {
        return Some(1);
    }
    None
}

fn is_close_double(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    if rest.starts_with('”') || rest.starts_with('»') {
        return Some(3.min(rest.chars().next().map_or(1, char::len_utf8)));
    }
    if rest.starts_with("''") {
        return Some(2);
    }
    if rest.starts_with('"') {
        return Some(1);
    }
    None
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// Whether a single quote at `i` (of `len` bytes) can open a quotation.
fn single_opens(text: &str, i: usize, len: usize) -> bool {
    let before_ok = prev_char(text, i).is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let after_ok = next_char(text, i + len).is_some_and(|c| c.is_alphanumeric() || c == '…');
    before_ok && after_ok
}

/// Whether a single quote at `i` (of `len` bytes) can close a quotation.
fn single_closes(text: &str, i: usize, len: usize) -> bool {
    let before_ok = prev_char(text, i).is_some_and(|c| !c.is_whitespace());
    let after_ok = next_char(text, i + len).is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

fn single_at(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    if rest.starts_with('‘') || rest.starts_with('’') {
        Some(3)
    } else if rest.starts_with('\'') && !rest.starts_with("''") {
        Some(1)
    } else {
        None
    }
}

/// Whether byte `b` can start a quote mark.
fn is_mark_lead(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2)
}

/// When the character at `i` of `bytes` starts with 0xE2 or 0xC2 and is none of the quote
/// marks that do (`‘’“”„` are E2 80 98, 99, 9C, 9D, 9E; `«»` are C2 AB, BB), its length: it
/// neither opens nor closes anything.
#[inline]
fn not_a_mark(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..) {
        Some([0xE2, b1, b2, ..]) if *b1 != 0x80 || !matches!(b2, 0x98 | 0x99 | 0x9C..=0x9E) => {
            Some(3)
        }
        Some([0xC2, b1, ..]) if !matches!(b1, 0xAB | 0xBB) => Some(2),
        _ => None,
    }
}

/// For each block of a draft, its quoted byte ranges of block text (content between the
/// marks), in order and disjoint: the ranges of every block one after another in one list,
/// so that a draft's quotations cost no allocation per block.
#[derive(Clone, Debug, Default)]
pub(crate) struct QuotedRanges {
    /// The ranges of block 0, then those of block 1, and so on.
    ranges: Vec<Range<usize>>,
    /// Where the ranges of each block start in `ranges`, and after the last block where they
    /// end (one more entry than there are blocks).
    starts: Vec<usize>,
}

impl QuotedRanges {
    /// The quoted ranges of block `block` (none for a block the draft does not have).
    #[inline]
    pub(crate) fn of(&self, block: usize) -> &[Range<usize>] {
        match (
            self.starts.get(block),
            self.starts.get(block.wrapping_add(1)),
        ) {
            (Some(&s), Some(&e)) => self.ranges.get(s..e).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The number of blocks.
    #[cfg(test)]
    pub(crate) fn blocks(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }
}

/// Finds the quotations of a draft, and for each block its quoted ranges.
pub(crate) fn find(draft: &Draft) -> (Vec<Quotation>, QuotedRanges) {
    let mut finder = Finder::new(draft);
    for (bi, block) in draft.blocks.iter().enumerate() {
        finder.block(bi, block);
    }
    finder.finish()
}

/// Finds the quotations of a draft block by block, in order ([`find`] in steps), so that a
/// block can be read for its quotations and then at once for its tokens, while its text is
/// still in the cache.
pub(crate) struct Finder {
    /// The quotations closed (or given up) so far.
    quotes: Vec<Quotation>,
    /// The quoted ranges of the blocks read so far.
    quoted: QuotedRanges,
    /// The quotation left open at the end of the last block read.
    open: Option<Open>,
}

impl Finder {
    /// Ready to read the blocks of `draft`, from the first.
    pub(crate) fn new(draft: &Draft) -> Finder {
        // About one quotation in 128 bytes of news text at most: room reserved once, so the
        // list is seldom copied as it grows.
        let bytes: usize = draft.blocks.iter().map(|b| b.text.len()).sum();
        Finder {
            quotes: Vec::with_capacity(bytes / 128),
            // Most quotations lie in one block and give it one range.
            quoted: QuotedRanges {
                ranges: Vec::with_capacity(bytes / 128),
                starts: Vec::with_capacity(draft.blocks.len() + 1),
            },
            open: None,
        }
    }

    /// The quoted ranges of the last block read.
    pub(crate) fn last_block(&self) -> &[Range<usize>] {
        let start = self.quoted.starts.last().copied().unwrap_or(0);
        self.quoted.ranges.get(start..).unwrap_or(&[])
    }

    /// Reads block `bi` of the draft, `block`: every block before it must have been read.
    pub(crate) fn block(&mut self, bi: usize, block: &Block) {
        debug_assert_eq!(self.quoted.starts.len(), bi);
        let Finder {
            quotes,
            quoted,
            open,
        } = self;
        quoted.starts.push(quoted.ranges.len());
        let text = block.text.as_str();
        let mut i = 0;
        let mut last_closer: Option<Option<usize>> = None;
        let lead = text.len() - text.trim_start().len();
        if let Some(mut o) = open.take() {
            // A quote left open at the end of the last block continues here only if this
            // block opens with a quote mark of the same style.
            let cont = match o.style {
                Style::Double => is_open_double(text, lead),
                Style::Single => single_at(text, lead).filter(|&l| single_opens(text, lead, l)),
            };
            match cont {
                Some(len) => {
                    i = lead + len;
                    o.content_start = i;
                    *open = Some(o);
                }
                None => {
                    quotes.push(o.quote);
                }
            }
        }
        let bytes = text.as_bytes();
        // The marks of a block come in order: their spans are read by walking on.
        let mut spans = block.source_cursor();
        // Where the next ` or 0xC2 byte at or after the last scan is (see below).
        let mut next_rare: Option<usize> = None;
        while i < text.len() {
            if !text.is_char_boundary(i) {
                i += 1;
                continue;
            }
            // Every quote mark starts with one of these bytes (ASCII marks; U+00AB/BB, U+2018
            // to U+201E): skip straight to the next one.
            if !is_mark_lead(bytes[i]) {
                // The lead bytes found with memchr (vectorised): the common ones in one scan,
                // the rare ones (` and 0xC2) in another whose result is kept until passed.
                let rare = match next_rare {
                    Some(r) if r >= i => r,
                    _ => memchr::memchr2(b'`', 0xC2, &bytes[i..]).map_or(text.len(), |p| i + p),
                };
                next_rare = Some(rare);
                let common =
                    memchr::memchr3(b'"', b'\'', 0xE2, &bytes[i..]).map_or(text.len(), |p| i + p);
                i = common.min(rare);
                continue;
            }
            // A lead byte of a character that is no quote mark (a dash, an ellipsis, a no-break
            // space): passed over whole, without asking what it opens or closes.
            if let Some(n) = not_a_mark(bytes, i) {
                i += n;
                continue;
            }
            match open.as_mut() {
                None => {
                    if let Some(len) = is_open_double(text, i) {
                        let span = spans.source_span(i, i + len);
                        *open = Some(Open {
                            style: Style::Double,
                            quote: Quotation {
                                open: span,
                                close: None,
                                // Most quotations lie in one block: one part, allocated
                                // at once rather than grown on the first push.
                                parts: Vec::with_capacity(1),
                                span,
                            },
                            content_start: i + len,
                        });
                        i += len;
                        continue;
                    }
                    if let Some(len) = single_at(text, i) {
                        let closer = *last_closer.get_or_insert_with(|| last_single_closer(text));
                        if single_opens(text, i, len) && closer.is_some_and(|c| c >= i + len) {
                            let span = spans.source_span(i, i + len);
                            *open = Some(Open {
                                style: Style::Single,
                                quote: Quotation {
                                    open: span,
                                    close: None,
                                    // One part, as above.
                                    parts: Vec::with_capacity(1),
                                    span,
                                },
                                content_start: i + len,
                            });
                            i += len;
                            continue;
                        }
                    }
                }
                Some(o) => {
                    // A straight double quote with a space before it and a word after it
                    // inside an open quotation opens the next paragraph of the same quote,
                    // run into this one ("It was great. "The players ran hard…"): the
                    // quotation goes on, it does not close.
                    if o.style == Style::Double
                        && text[i..].starts_with('"')
                        && prev_char(text, i).is_some_and(char::is_whitespace)
                        && next_char(text, i + 1).is_some_and(char::is_alphanumeric)
                    {
                        i += 1;
                        continue;
                    }
                    let close = match o.style {
                        Style::Double => is_close_double(text, i),
                        Style::Single => single_at(text, i).filter(|&l| single_closes(text, i, l)),
                    };
                    if let Some(len) = close {
                        let content = o.content_start..i;
                        let close_span = spans.source_span(i, i + len);
                        let mut o = open.take().expect("open quote");
                        if !content.is_empty() {
                            quoted.ranges.push(content.clone());
                        }
                        o.quote.parts.push((bi, content));
                        o.quote.close = Some(close_span);
                        o.quote.span = o.quote.span.cover(close_span);
                        quotes.push(o.quote);
                        i += len;
                        continue;
                    }
                }
            }
            i += next_char(text, i).map_or(1, char::len_utf8);
        }
        if let Some(o) = open.as_mut() {
            // Unclosed at the end of the block: it runs to the end of the block for now.
            let content = o.content_start..text.len();
            if !content.is_empty() {
                quoted.ranges.push(content.clone());
                o.quote.span = o
                    .quote
                    .span
                    .cover(block.source_span(content.start, content.end));
            }
            o.quote.parts.push((bi, content));
        }
    }

    /// The quotations of the draft, in order, and the quoted ranges of each block, once
    /// every block has been read.
    pub(crate) fn finish(self) -> (Vec<Quotation>, QuotedRanges) {
        let Finder {
            mut quotes,
            mut quoted,
            open,
        } = self;
        quoted.starts.push(quoted.ranges.len());
        if let Some(o) = open {
            quotes.push(o.quote);
        }
        quotes.sort_by_key(|q| q.open);
        (quotes, quoted)
    }
}

/// Where the last single quote of `text` that can close a quotation starts. A single quote
/// that opens at `i` has a closer after it when this is at least `i + len`: computed once per
/// block, so a block of many unclosed single quotes stays linear.
fn last_single_closer(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    // The starts of ' (27), ‘ (E2 80 98) and ’ (E2 80 99), last first: the candidate bytes
    // found with memchr (vectorised), then checked one by one.
    memchr::memrchr2_iter(b'\'', 0xE2, b)
        .filter(|&i| {
            b[i] == b'\''
                || (b[i] == 0xE2 && b.get(i + 1..i + 3) == Some(&[0x80, 0x98]))
                || (b[i] == 0xE2 && b.get(i + 1..i + 3) == Some(&[0x80, 0x99]))
        })
        .find(|&i| {
            single_at(text, i)
                .is_some_and(|l| single_closes(text, i, l) && !is_possessive_plural(text, i))
        })
}

/// `players' union`: an apostrophe after a plural -s followed by a lower-case word.
fn is_possessive_plural(text: &str, i: usize) -> bool {
    prev_char(text, i) == Some('s')
        && text[i..].chars().nth(1) == Some(' ')
        && text[i..].chars().nth(2).is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    /// Checks the quoted text of each block of `src`.
    fn check(src: &str, expected: &[&[&str]]) {
        let d = parse(src);
        let (_, quoted) = find(&d);
        assert_eq!(quoted.blocks(), d.blocks.len());
        assert!(quoted.of(d.blocks.len()).is_empty());
        let got: Vec<Vec<&str>> = d
            .blocks
            .iter()
            .enumerate()
            .map(|(bi, b)| quoted.of(bi).iter().map(|r| &b.text[r.clone()]).collect())
            .collect();
        let want: Vec<Vec<&str>> = expected.iter().map(|v| v.to_vec()).collect();
        assert_eq!(got, want, "quotes of {src:?}");
    }

    #[test]
    fn double_quotes() {
        check(
            "He said “we will go” and \"we may stay\".",
            &[&["we will go", "we may stay"]],
        );
        check("``It may rain,'' he said.", &[&["It may rain,"]]);
        check("“Outer ‘inner’ text” end", &[&["Outer ‘inner’ text"]]);
        check("It's the players' union, not 'ours'.", &[&["ours"]]);
        check("No quotes here, it's fine.", &[&[]]);
        check("An “unclosed quote runs on", &[&["unclosed quote runs on"]]);
        // Paragraphs of one quote run together, each opening with a straight quote.
        check(
            "He said: \"It was great. \"We may win it.\" Then he left.",
            &[&["It was great. \"We may win it."]],
        );
        check("A \" spaced \" quote, \"b\" c", &[&[" spaced ", "b"]]);
    }

    /// Every character that starts with 0xE2 or 0xC2 is passed over as no mark exactly when
    /// it neither opens nor closes a double or single quote.
    #[test]
    fn marks_by_lead_bytes() {
        for c in ('\u{80}'..='\u{FFFF}').filter(|c| matches!(c.len_utf8(), 2 | 3)) {
            let text = format!("{c}x");
            let b = text.as_bytes();
            if !matches!(b[0], 0xE2 | 0xC2) {
                continue;
            }
            let mark = is_open_double(&text, 0).is_some()
                || is_close_double(&text, 0).is_some()
                || single_at(&text, 0).is_some();
            assert_eq!(not_a_mark(b, 0).is_none(), mark, "{c}");
            if let Some(n) = not_a_mark(b, 0) {
                assert_eq!(n, c.len_utf8(), "{c}");
            }
        }
    }

    #[test]
    fn across_paragraphs() {
        check(
            "“First part of it.\n\n“Second part,” she said.\n\nNot quoted.",
            &[&["First part of it."], &["Second part,"], &[]],
        );
        let d = parse("“First part.\n\n“Second part,” she said.");
        let (qs, _) = find(&d);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].parts.len(), 2);
        check(
            "“Never closed.\n\nNew paragraph.",
            &[&["Never closed."], &[]],
        );
    }
}
