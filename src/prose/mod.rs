//! Language facts over the prose of a draft: sentences, tokens and quotations.
//!
//! Everything here is computed once per draft, in one pass per block, and indexed by block and
//! by offsets into each block's text. Source spans are precomputed for every sentence and
//! token so rules never have to map offsets themselves.

mod quotes;
mod sentences;
mod tokens;

use crate::markdown::Draft;
use crate::text::Span;
use std::ops::Range;

pub use quotes::Quotation;
pub use tokens::TokenKind;

/// One sentence of prose.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// Index of its block in [`Draft::blocks`].
    pub block: usize,
    /// Byte range in the block's text.
    pub range: Range<usize>,
    /// Indices of its tokens in [`Prose::tokens`].
    pub tokens: Range<usize>,
    /// Its span in the source.
    pub span: Span,
}

/// One token of prose.
#[derive(Clone, Debug)]
pub struct Token {
    /// Index of its block in [`Draft::blocks`].
    pub block: usize,
    /// Index of its sentence in [`Prose::sentences`].
    pub sentence: usize,
    /// Byte range in the block's text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: TokenKind,
    /// Whether it lies inside a direct quotation (the speaker's words).
    pub quoted: bool,
    /// Its span in the source.
    pub span: Span,
}

/// Sentences, tokens and quotations of a draft.
#[derive(Clone, Debug, Default)]
pub struct Prose {
    /// Every sentence, in document order.
    pub sentences: Vec<Sentence>,
    /// Every token, in document order.
    pub tokens: Vec<Token>,
    /// Every quotation, in document order.
    pub quotations: Vec<Quotation>,
    /// For each block, its quoted byte ranges of block text (content between the marks), in
    /// order and disjoint.
    pub quoted: Vec<Vec<Range<usize>>>,
    /// The lower-case forms of the tokens whose text is not already lower case (see
    /// [`Prose::token_lower`]), one after another.
    lower: String,
    /// For each token, its range in `lower`, or `NOT_LOWERED` when its text is its own
    /// lower-case form.
    lower_ranges: Vec<(u32, u32)>,
}

/// In [`Prose::lower_ranges`]: the token's text is already its lower-case form.
const NOT_LOWERED: (u32, u32) = (u32::MAX, u32::MAX);

/// Appends the lower-case form of `text` with curly apostrophes straightened to `buf`, and
/// returns its range there; `None` (nothing appended) when `text` is already in that form.
fn push_lower(buf: &mut String, text: &str) -> Option<(u32, u32)> {
    let changes = if text.is_ascii() {
        text.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        text.chars().any(|c| c.is_uppercase() || c == '’')
    };
    if !changes {
        return None;
    }
    let start = buf.len();
    if text.is_ascii() {
        buf.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        // As `str::to_lowercase` does it (a final sigma included), then ’ → '.
        buf.extend(
            text.to_lowercase()
                .chars()
                .map(|c| if c == '’' { '\'' } else { c }),
        );
    }
    Some((start as u32, buf.len() as u32))
}

impl Prose {
    /// Analyses the prose of `draft`.
    pub fn new(draft: &Draft) -> Prose {
        let (quotations, quoted) = quotes::find(draft);
        let mut prose = Prose {
            quotations,
            quoted,
            ..Prose::default()
        };
        for (bi, block) in draft.blocks.iter().enumerate() {
            let text = block.text.as_str();
            let toks = tokens::tokenize(text);
            let bounds = sentences::split(text, &toks);
            let quoted = &prose.quoted[bi];
            let mut ti = 0;
            for range in bounds {
                let si = prose.sentences.len();
                let first = prose.tokens.len();
                while ti < toks.len() && toks[ti].0.start < range.end {
                    let (r, kind) = toks[ti].clone();
                    let q = quoted_around(quoted, r.start, r.end);
                    let lowered = push_lower(&mut prose.lower, &text[r.clone()]);
                    prose.lower_ranges.push(lowered.unwrap_or(NOT_LOWERED));
                    prose.tokens.push(Token {
                        block: bi,
                        sentence: si,
                        span: block.source_span(r.start, r.end),
                        range: r,
                        kind,
                        quoted: q,
                    });
                    ti += 1;
                }
                prose.sentences.push(Sentence {
                    block: bi,
                    span: block.source_span(range.start, range.end),
                    range,
                    tokens: first..prose.tokens.len(),
                });
            }
        }
        prose
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// The text of sentence `i`.
    pub fn sentence_text<'d>(&self, draft: &'d Draft, i: usize) -> &'d str {
        let s = &self.sentences[i];
        &draft.blocks[s.block].text[s.range.clone()]
    }

    /// The text of token `i`.
    pub fn token_text<'d>(&self, draft: &'d Draft, i: usize) -> &'d str {
        let t = &self.tokens[i];
        &draft.blocks[t.block].text[t.range.clone()]
    }

    /// The text of token `i` in lower case, with curly apostrophes (’) straightened: computed
    /// once per draft, so rules and analyses compare words without allocating.
    pub fn token_lower<'s>(&'s self, draft: &'s Draft, i: usize) -> &'s str {
        match self.lower_ranges.get(i) {
            Some(&(s, e)) if (s, e) != NOT_LOWERED => &self.lower[s as usize..e as usize],
            _ => self.token_text(draft, i),
        }
    }

    /// Whether block-text offset `off` of block `block` lies inside a quotation.
    pub fn in_quote(&self, block: usize, off: usize) -> bool {
        self.quoted
            .get(block)
            .is_some_and(|qs| last_starting_at_or_before(qs, off).is_some_and(|q| off < q.end))
    }

    /// Whether the whole of `range` in block `block` lies inside one quotation.
    pub fn range_in_quote(&self, block: usize, range: Range<usize>) -> bool {
        self.quoted
            .get(block)
            .is_some_and(|qs| quoted_around(qs, range.start, range.end))
    }
}

/// The last of `qs` (sorted, disjoint ranges) that starts at or before `off`: the only one
/// that can contain `off`. A binary search, so that lookups stay cheap in a block with
/// thousands of quotations.
fn last_starting_at_or_before(qs: &[Range<usize>], off: usize) -> Option<&Range<usize>> {
    let i = qs.partition_point(|q| q.start <= off);
    i.checked_sub(1).and_then(|i| qs.get(i))
}

/// Whether `start..end` lies inside one of `qs` (sorted, disjoint ranges).
fn quoted_around(qs: &[Range<usize>], start: usize, end: usize) -> bool {
    last_starting_at_or_before(qs, start).is_some_and(|q| end <= q.end)
}
