//! Language facts over the prose of a draft: sentences, tokens and quotations.
//!
//! Everything here is computed once per draft, in one pass per block, and indexed by block and
//! by offsets into each block's text. Source spans are precomputed for every sentence and
//! token so rules never have to map offsets themselves.

pub mod classes;
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
    /// The union (bitwise OR) of its tokens' [`Token::class`]: a sentence none of whose
    /// tokens is in a word list has none of that list's bits here, so it can be passed over
    /// without reading its tokens.
    pub classes: u64,
}

/// One token of prose.
///
/// A token is 32 bytes: its offsets and indices are kept as `u32` (read them with
/// [`Token::range`], [`Token::span`], [`Token::block`], [`Token::sentence`]), and its block
/// index shares a word with its kind and whether it is quoted. So that every offset fits,
/// [`Prose::new`] tokenises a draft's blocks only up to 2 GiB of prose (block text, counted
/// from the start), source offsets up to `u32::MAX` (4 GiB) and 2^29 blocks: in a draft
/// bigger than that, the block that would cross a limit and those after it have no tokens
/// or sentences. Nothing is cut short and nothing panics.
#[derive(Clone)]
pub struct Token {
    /// The word lists its lower-case form ([`Prose::token_lower`]) belongs to, as bit flags
    /// ([`classes`]).
    pub class: u64,
    /// Start of its byte range in the block's text.
    start: u32,
    /// End of its byte range in the block's text.
    end: u32,
    /// Start of its span in the source.
    src_start: u32,
    /// End of its span in the source.
    src_end: u32,
    /// Index of its sentence in [`Prose::sentences`].
    sentence_index: u32,
    /// Its block index (shifted by [`BLOCK_SHIFT`]), [`QUOTED`] and its kind
    /// ([`kind_bits`]).
    meta: u32,
}

// The size is what the analyses pay for in memory traffic on every pass over the tokens.
const _: () = assert!(std::mem::size_of::<Token>() <= 32);

/// In [`Token::meta`]: the bits of the kind ([`kind_bits`]).
const KIND_MASK: u32 = 0b11;
/// In [`Token::meta`]: the token lies inside a direct quotation.
const QUOTED: u32 = 0b100;
/// In [`Token::meta`]: the block index is held above this many bits.
const BLOCK_SHIFT: u32 = 3;

/// The bits of `kind` in [`Token::meta`].
#[inline(always)]
const fn kind_bits(kind: TokenKind) -> u32 {
    match kind {
        TokenKind::Word => 0,
        TokenKind::Number => 1,
        TokenKind::Punct => 2,
        TokenKind::Placeholder => 3,
    }
}

impl Token {
    /// A token of block `block` and sentence `sentence`, at `range` of the block's text and
    /// `span` of the source, of kind `kind` and classes `class`, quoted if `quoted`.
    ///
    /// Every offset and index must be within what [`tokenised_blocks`] lets through: `block`
    /// below [`MAX_BLOCKS`], the others at most `u32::MAX`.
    #[inline(always)]
    fn new(
        block: usize,
        sentence: usize,
        range: Range<usize>,
        kind: TokenKind,
        quoted: bool,
        span: Span,
        class: u64,
    ) -> Token {
        debug_assert!(block < MAX_BLOCKS);
        debug_assert!(sentence <= u32::MAX as usize);
        debug_assert!(range.start <= range.end && range.end <= u32::MAX as usize);
        debug_assert!(span.start <= span.end && span.end <= u32::MAX as usize);
        Token {
            class,
            start: range.start as u32,
            end: range.end as u32,
            src_start: span.start as u32,
            src_end: span.end as u32,
            sentence_index: sentence as u32,
            meta: ((block as u32) << BLOCK_SHIFT)
                | if quoted { QUOTED } else { 0 }
                | kind_bits(kind),
        }
    }

    /// Index of its block in [`Draft::blocks`].
    #[inline(always)]
    pub fn block(&self) -> usize {
        (self.meta >> BLOCK_SHIFT) as usize
    }

    /// Index of its sentence in [`Prose::sentences`].
    #[inline(always)]
    pub fn sentence(&self) -> usize {
        self.sentence_index as usize
    }

    /// Byte range in the block's text.
    #[inline(always)]
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Its span in the source.
    #[inline(always)]
    pub fn span(&self) -> Span {
        Span {
            start: self.src_start as usize,
            end: self.src_end as usize,
        }
    }

    /// What it is.
    #[inline(always)]
    pub fn kind(&self) -> TokenKind {
        match self.meta & KIND_MASK {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            2 => TokenKind::Punct,
            _ => TokenKind::Placeholder,
        }
    }

    /// Whether it lies inside a direct quotation (the speaker's words).
    #[inline(always)]
    pub fn quoted(&self) -> bool {
        self.meta & QUOTED != 0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("block", &self.block())
            .field("sentence", &self.sentence())
            .field("range", &self.range())
            .field("kind", &self.kind())
            .field("quoted", &self.quoted())
            .field("span", &self.span())
            .field("class", &self.class)
            .finish()
    }
}

/// Blocks from this index on are not tokenised: a token holds its block index in 29 bits.
const MAX_BLOCKS: usize = 1 << (32 - BLOCK_SHIFT);
/// The most block text that is tokenised, counted from the draft's start: token offsets and
/// indices (a token has at least one byte) stay within `u32`, and so do the offsets of the
/// lower-case forms ([`Prose::token_lower`]; a character's is at most twice as long).
const MAX_TEXT: usize = u32::MAX as usize / 2;
/// The last source offset a tokenised block may reach.
const MAX_SOURCE: usize = u32::MAX as usize;

/// How many of the first blocks of a draft are tokenised, given the length of each block's
/// text and the end of its source span, in order: all of them, unless the draft is too big
/// for a token's 32-bit offsets (more than [`MAX_TEXT`] bytes of prose, about 2 GiB, a source
/// beyond [`MAX_SOURCE`], about 4 GiB, or [`MAX_BLOCKS`] blocks). Then the prose stops
/// before the first block that does not fit: it and the blocks after it have no sentences
/// or tokens (their quotations are still found). Nothing is cut short or panics.
fn tokenised_blocks(blocks: impl IntoIterator<Item = (usize, usize)>) -> usize {
    let mut text = 0usize;
    let mut n = 0;
    for (len, source_end) in blocks {
        text = text.saturating_add(len);
        if n >= MAX_BLOCKS || text > MAX_TEXT || source_end > MAX_SOURCE {
            break;
        }
        n += 1;
    }
    n
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
    /// order and disjoint, all in one list (read them with [`Prose::quoted_ranges`]).
    quoted: quotes::QuotedRanges,
    /// The lower-case forms of the tokens whose text is not already lower case (see
    /// [`Prose::token_lower`]), one after another.
    lower: String,
    /// Where each token's lower-case form starts in `lower`, and after the last token where
    /// `lower` ends (one more entry than there are tokens, or none for no prose): token `i`'s
    /// form is `lower[lower_offsets[i]..lower_offsets[i + 1]]`, and when that is empty its
    /// text is its own lower-case form. Four bytes a token.
    lower_offsets: Vec<u32>,
    /// For each token, in order, a summary of it in four bytes, so that a pass looking for
    /// the capitalised words need not read the tokens and their text: [`TAG_WORD`] for a
    /// word, [`TAG_CAPITAL`] for a word whose first character is upper case, and for any
    /// other word (not empty) [`TAG_LOWER_WORD`] with a hash of its first, second and last
    /// bytes under [`TAG_SLOT_MASK`] (the same for the word and its lower-case form when
    /// those bytes are ASCII; [`LOWER_SLOTS`] when one of them is not).
    pub token_tags: Vec<u32>,
    /// The tokens at which a speculation cue may start ([`Prose::speculation_starts`]), in
    /// order.
    speculation_starts: Vec<u32>,
    /// Whether the draft is big enough for the analyses to share its sentences out over the
    /// rayon pool (see [`Prose::is_big`]).
    big: bool,
}

/// The lower-case forms of a run of tokens ([`Prose::token_lowers`]): one entry per token,
/// read with [`LowerRun::form`], so that a caller going through the run in order needs no
/// look-up per token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LowerRun<'s> {
    lower: &'s str,
    /// The run's part of [`Prose::lower_offsets`]: one more entry than it has tokens.
    offsets: &'s [u32],
}

impl<'s> LowerRun<'s> {
    /// The entries of the run's tokens, in order: where each one's lower-case form starts
    /// and ends in the draft's buffer of lowered forms (the same place when its text is its
    /// own lower-case form).
    #[inline]
    pub(crate) fn entries(&self) -> impl ExactSizeIterator<Item = (u32, u32)> + 's {
        let offsets = self.offsets;
        offsets
            .iter()
            .zip(offsets.get(1..).unwrap_or(&[]))
            .map(|(&s, &e)| (s, e))
    }

    /// The lower-case form of a token of the run, from its entry and its text (as
    /// [`Prose::token_lower_with`] gives it).
    #[inline]
    pub(crate) fn form(&self, entry: (u32, u32), text: &'s str) -> &'s str {
        if entry.0 == entry.1 {
            text
        } else {
            self.lower
                .get(entry.0 as usize..entry.1 as usize)
                .unwrap_or(text)
        }
    }
}

/// Appends the lower-case form of `text` with curly apostrophes straightened to `buf` (UTF-8),
/// and returns its range there; `None` (nothing appended) when `text` is already in that
/// form.
fn push_lower(buf: &mut Vec<u8>, text: &str) -> Option<(u32, u32)> {
    if text.is_ascii() {
        let bytes = text.as_bytes();
        return push_lower_ascii(buf, bytes, bytes.iter().any(|b| b.is_ascii_uppercase()));
    }
    if !text.chars().any(|c| c.is_uppercase() || c == '’') {
        return None;
    }
    let start = buf.len();
    if text.contains('Σ') {
        // As `str::to_lowercase` does it (a final sigma included), then ’ → '.
        for c in text.to_lowercase().chars() {
            push_char(buf, if c == '’' { '\'' } else { c });
        }
    } else {
        // Without a capital sigma, `str::to_lowercase` lowers character by character.
        for c in text.chars() {
            match c {
                '’' => buf.push(b'\''),
                c if c.is_ascii() => buf.push(c.to_ascii_lowercase() as u8),
                c => c.to_lowercase().for_each(|l| push_char(buf, l)),
            }
        }
    }
    Some((start as u32, buf.len() as u32))
}

/// Appends the UTF-8 bytes of `c` to `buf`.
#[inline]
fn push_char(buf: &mut Vec<u8>, c: char) {
    buf.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

/// [`push_lower`] of ASCII `text`, which holds a capital letter if `upper`.
fn push_lower_ascii(buf: &mut Vec<u8>, text: &[u8], upper: bool) -> Option<(u32, u32)> {
    if !upper {
        return None;
    }
    let start = buf.len();
    buf.extend_from_slice(text);
    if let Some(added) = buf.get_mut(start..) {
        added.make_ascii_lowercase();
    }
    Some((start as u32, buf.len() as u32))
}

/// [`push_lower`] of an ASCII word or number of `n` bytes (1 to 8) with a capital in it,
/// whose lower-case form packed into a `u64` is `low` ([`classes::lower_short_ascii_key`]):
/// its eight bytes are appended at once and the buffer cut back to `n` more.
#[inline(always)]
fn push_lower_short_ascii(buf: &mut Vec<u8>, low: u64, n: usize) -> (u32, u32) {
    let start = buf.len();
    buf.extend_from_slice(&low.to_le_bytes());
    buf.truncate(start + n);
    (start as u32, (start + n) as u32)
}

/// The offset from U+2000 of the General Punctuation character (U+2000 to U+206F) that is
/// all of `b`, if it is one.
#[inline]
fn general_punct(b: &[u8]) -> Option<usize> {
    match *b {
        [0xE2, b1 @ (0x80 | 0x81), b2] => {
            let o = (usize::from(b1 & 0x3F) << 6) | usize::from(b2 & 0x3F);
            (o < 0x70).then_some(o)
        }
        _ => None,
    }
}

/// [`general_punct`] of `…`, a terminal.
const ELLIPSIS: usize = 0x26;
/// [`general_punct`] of `‽`, a terminal.
const INTERROBANG: usize = 0x3D;
/// [`general_punct`] of `’`, whose lower-case form is `'`.
const RIGHT_SINGLE_QUOTE: usize = 0x19;

/// The bytes of a token's lower-case form: `lowered` in `lower` if it was lowered
/// ([`push_lower`]), else its own `text`.
#[inline]
fn lowered_bytes<'a>(lower: &'a [u8], lowered: Option<(u32, u32)>, text: &'a [u8]) -> &'a [u8] {
    match lowered {
        Some((s, e)) => lower.get(s as usize..e as usize).unwrap_or(text),
        None => text,
    }
}

/// Marks the tokens of one block (in order) that lie inside one of its quoted ranges
/// `quoted` (sorted, disjoint), as [`quoted_around`] answers: a token is quoted when it
/// starts in a range and ends inside it too. A walk over both, so a block without quotations
/// costs nothing.
fn mark_quoted(tokens: &mut [Token], quoted: &[Range<usize>]) {
    let mut ti = 0;
    for q in quoted {
        while ti < tokens.len() && (tokens[ti].start as usize) < q.start {
            ti += 1;
        }
        while ti < tokens.len() && (tokens[ti].start as usize) < q.end {
            if tokens[ti].end as usize <= q.end {
                tokens[ti].meta |= QUOTED;
            }
            ti += 1;
        }
    }
}

/// The lower-case form (appended to `lower`, as [`push_lower`] does), the classes and
/// whether it is a terminal (`…`, `‽`) of a token of kind `kind` at `range` of `text` that
/// is not all ASCII: the rarer tokens, read out of the loop over every token.
#[inline(never)]
fn non_ascii_token(
    table: &classes::Table,
    lower: &mut Vec<u8>,
    text: &str,
    range: Range<usize>,
    kind: TokenKind,
) -> (Option<(u32, u32)>, u64, bool) {
    let bytes = &text.as_bytes()[range.clone()];
    let punct = match kind {
        TokenKind::Punct => general_punct(bytes),
        _ => None,
    };
    if let Some(o) = punct {
        // Dashes, curly quotes, the ellipsis: no case, and only `’` lowers (to `'`).
        let l = (o == RIGHT_SINGLE_QUOTE).then(|| {
            let start = lower.len() as u32;
            lower.push(b'\'');
            (start, start + 1)
        });
        (
            l,
            table.of_general_punct(o),
            o == ELLIPSIS || o == INTERROBANG,
        )
    } else if kind == TokenKind::Placeholder {
        // Always the placeholder character alone, which has no case.
        (None, table.of_placeholder(), false)
    } else {
        // (`…` and `‽`, the terminals of more than one byte, are General Punctuation: taken
        // above.)
        let l = push_lower(lower, &text[range]);
        let low = lowered_bytes(lower, l, bytes);
        (l, table.of_token(low, kind), false)
    }
}

/// In [`Prose::token_tags`]: the token is a word.
pub const TAG_WORD: u32 = 1 << 31;
/// In [`Prose::token_tags`]: the token is a word whose first character is upper case.
pub const TAG_CAPITAL: u32 = 1 << 30;
/// In [`Prose::token_tags`]: the token is a word, not empty, whose first character is not
/// upper case; its hash is under [`TAG_SLOT_MASK`].
pub const TAG_LOWER_WORD: u32 = 1 << 29;
/// In [`Prose::token_tags`]: the bits of a lower-case word's hash (below [`LOWER_SLOTS`],
/// or [`LOWER_SLOTS`] itself when its first, second or last byte is not ASCII).
pub const TAG_SLOT_MASK: u32 = (1 << 13) - 1;
/// The number of hashes of a lower-case word in [`Prose::token_tags`].
pub const LOWER_SLOTS: u32 = 4096;
const _: () = assert!(LOWER_SLOTS <= TAG_SLOT_MASK);

/// The hash of a word with first, second (0 for none) and last bytes `first`, `second` and
/// `last`, below [`LOWER_SLOTS`]: bit 0x20 of each byte is set first, so that the ASCII
/// bytes of a word and of its lower-case form give the same hash.
#[inline]
pub(crate) fn lower_slot(first: u8, second: u8, last: u8) -> u32 {
    let k = u32::from(first) | (u32::from(second) << 8) | (u32::from(last) << 16);
    (k | 0x0020_2020).wrapping_mul(0x9e37_79b1) >> 20
}

/// The entry of [`Prose::token_tags`] of a token of kind `kind` and text `text`.
#[inline]
pub(crate) fn token_tag(kind: TokenKind, text: &str) -> u32 {
    if kind != TokenKind::Word {
        return 0;
    }
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return TAG_WORD;
    };
    let second = bytes.get(1).copied().unwrap_or(0);
    let last = bytes[bytes.len() - 1];
    if (first | second | last).is_ascii() {
        return ascii_word_tag(first, second, last);
    }
    let capital = if first.is_ascii() {
        first.is_ascii_uppercase()
    } else {
        text.chars().next().is_some_and(char::is_uppercase)
    };
    if capital {
        TAG_WORD | TAG_CAPITAL
    } else {
        TAG_WORD | TAG_LOWER_WORD | LOWER_SLOTS
    }
}

/// [`token_tag`] of a word whose first, second (0 for none) and last bytes are ASCII.
#[inline(always)]
fn ascii_word_tag(first: u8, second: u8, last: u8) -> u32 {
    if first.is_ascii_uppercase() {
        TAG_WORD | TAG_CAPITAL
    } else {
        TAG_WORD | TAG_LOWER_WORD | lower_slot(first, second, last)
    }
}

/// [`token_tag`] of a token of kind `kind` whose text, `bytes[range]`, is ASCII (and not
/// empty).
#[inline(always)]
fn ascii_token_tag(bytes: &[u8], range: Range<usize>, kind: TokenKind) -> u32 {
    if kind != TokenKind::Word {
        return 0;
    }
    let Some([first, rest @ ..]) = bytes.get(range) else {
        return TAG_WORD;
    };
    ascii_word_tag(
        *first,
        rest.first().copied().unwrap_or(0),
        rest.last().copied().unwrap_or(*first),
    )
}

/// [`token_tag`] of an ASCII word of `n` bytes (1 to 8) whose bytes, zero-padded, are `k`.
#[inline(always)]
fn short_ascii_word_tag(k: u64, n: usize) -> u32 {
    let last = (k >> (8 * (n.clamp(1, 8) - 1))) as u8;
    ascii_word_tag(k as u8, (k >> 8) as u8, last)
}

/// Appends to `starts` the index (`at` plus its place in the sentence) of each token of the
/// sentence `toks` at which a speculation cue may start
/// ([`crate::analysis::speculation::starts_cue`]); the sentence's text is in `text`, and its
/// tokens' lower-case forms in `lower` at `offsets` (as [`Prose::lower_offsets`], one more
/// than there are tokens).
fn push_speculation_starts(
    toks: &[Token],
    at: usize,
    lower: &[u8],
    offsets: &[u32],
    text: &str,
    starts: &mut Vec<u32>,
) {
    let low = |k: isize| -> &str {
        let Ok(k) = usize::try_from(k) else {
            return "";
        };
        let (Some(t), Some(&s), Some(&e)) = (toks.get(k), offsets.get(k), offsets.get(k + 1))
        else {
            return "";
        };
        let own = text.get(t.range()).unwrap_or("");
        if s == e {
            own
        } else {
            lower
                .get(s as usize..e as usize)
                .and_then(|l| std::str::from_utf8(l).ok())
                .unwrap_or(own)
        }
    };
    let class = |k: isize| {
        usize::try_from(k)
            .ok()
            .and_then(|k| toks.get(k))
            .map_or(0, |t| t.class)
    };
    // (The class bit first: it rules out nearly every token, four at a time.)
    let mut fours = toks.chunks_exact(4);
    let mut k = 0;
    let mut consider = |k: usize, t: &Token| {
        if crate::analysis::speculation::starts_cue(t, k, low, class) {
            // (Token indices fit: see `tokenised_blocks`.)
            starts.push((at + k) as u32);
        }
    };
    for q in &mut fours {
        if (q[0].class | q[1].class | q[2].class | q[3].class) & classes::SPECULATION_TRIGGER != 0 {
            for (j, t) in q.iter().enumerate() {
                if t.class & classes::SPECULATION_TRIGGER != 0 {
                    consider(k + j, t);
                }
            }
        }
        k += 4;
    }
    for (j, t) in fours.remainder().iter().enumerate() {
        if t.class & classes::SPECULATION_TRIGGER != 0 {
            consider(k + j, t);
        }
    }
}

/// Where [`Part::new`] reads the quoted ranges of its blocks.
enum Quotes<'q> {
    /// Found for every block of the draft already.
    Found(&'q quotes::QuotedRanges),
    /// Found block by block as the part reads them (its blocks must be the draft's, from the
    /// first on).
    Finding(&'q mut quotes::Finder),
}

/// Sentences and tokens of a run of consecutive blocks, with indices counted from the run's
/// start (see [`Part::append_to`]).
#[derive(Default)]
struct Part {
    sentences: Vec<Sentence>,
    tokens: Vec<Token>,
    lower: String,
    /// As [`Prose::lower_offsets`], from the start of `lower`.
    lower_offsets: Vec<u32>,
    /// As [`Prose::token_tags`].
    token_tags: Vec<u32>,
    /// As [`Prose::speculation_starts`], from the start of `tokens`.
    speculation_starts: Vec<u32>,
}

impl Part {
    /// Tokenises and splits blocks `blocks` of `draft`, whose quoted ranges it reads from
    /// `quotes`.
    fn new(draft: &Draft, mut quotes: Quotes<'_>, blocks: Range<usize>) -> Part {
        // At most about one token in four bytes of text, one sentence in 64, and lowered
        // forms of about a quarter of the text: reserved once, so the vectors are
        // seldom copied as they grow.
        let bytes: usize = draft.blocks[blocks.clone()]
            .iter()
            .map(|b| b.text.len())
            .sum();
        let mut sentences = Vec::with_capacity(bytes / 64 + 4);
        let mut tokens = Vec::with_capacity(bytes / 4 + 16);
        // The lowered forms are gathered as bytes (most are ASCII words, written eight bytes
        // at a time) and read back as text once all are in.
        let mut lower: Vec<u8> = Vec::with_capacity(bytes / 4 + 16);
        let mut lower_offsets = Vec::with_capacity(bytes / 4 + 17);
        let mut token_tags = Vec::with_capacity(bytes / 4 + 16);
        let mut speculation_starts = Vec::new();
        let table = classes::table();
        // The token-index ranges of the sentences of one block, in a buffer reused for each.
        let mut bounds = Vec::new();
        // The indices in the block of its terminal tokens (`.`, `!`, `?`, `…`, `‽`), where
        // sentences may end, gathered as the tokens are read.
        let mut terminals = Vec::new();
        for bi in blocks {
            let block = &draft.blocks[bi];
            let quoted = match &mut quotes {
                Quotes::Found(q) => q.of(bi),
                Quotes::Finding(f) => {
                    f.block(bi, block);
                    f.last_block()
                }
            };
            let text = block.text.as_str();
            let bytes = text.as_bytes();
            let first = tokens.len();
            // Tokens come in order, so their source spans are found by walking on, not by a
            // search for each.
            let mut spans = block.source_cursor();
            // The exact piece of the block the last span was read from (`lo..hi` of its text,
            // moved by `shift` in the source; empty at first): a token inside it has its
            // range moved by `shift` for a span, as the cursor would answer, without asking.
            let (mut lo, mut hi, mut shift) = (1usize, 0usize, 0usize);
            terminals.clear();
            // Each token goes straight into the part, with everything but its sentence and
            // whether it is quoted (set below, once the block's tokens are known).
            for t in tokens::Tokens::new(text) {
                let r = t.range;
                let (lowered, class, tag) = match (t.ascii, t.kind) {
                    // One ASCII byte of punctuation.
                    (true, TokenKind::Punct) => {
                        let b = bytes[r.start];
                        if matches!(b, b'.' | b'!' | b'?') {
                            terminals.push(tokens.len() - first);
                        }
                        (None, table.of_ascii_punct(b), 0)
                    }
                    (true, _) => {
                        let n = r.len();
                        if (1..=8).contains(&n) {
                            // The word, its lower-case form and its classes from one `u64`.
                            let k = classes::short_ascii_key(bytes, r.clone());
                            let low = classes::lower_short_ascii_key(k, n);
                            let l = t.upper.then(|| push_lower_short_ascii(&mut lower, low, n));
                            let tag = if t.kind == TokenKind::Word {
                                short_ascii_word_tag(k, n)
                            } else {
                                0
                            };
                            (l, table.of_lower_short_ascii_key(low), tag)
                        } else {
                            let l = if t.upper {
                                push_lower_ascii(&mut lower, &bytes[r.clone()], true)
                            } else {
                                None
                            };
                            let class = if n <= 16 {
                                table.of_medium_ascii_word(bytes, r.clone())
                            } else {
                                table.of_bytes(lowered_bytes(&lower, l, &bytes[r.clone()]))
                            };
                            (l, class, ascii_token_tag(bytes, r.clone(), t.kind))
                        }
                    }
                    (false, kind) => {
                        let (l, class, terminal) =
                            non_ascii_token(table, &mut lower, text, r.clone(), kind);
                        if terminal {
                            terminals.push(tokens.len() - first);
                        }
                        (l, class, token_tag(kind, text.get(r.clone()).unwrap_or("")))
                    }
                };
                if let Some((start, _)) = lowered {
                    // Only lowered tokens write their offset, with those of the tokens since
                    // the last one (which lowered nothing, so `lower` stood at `start` for
                    // them as well); the end is the next token's start.
                    lower_offsets.resize(tokens.len() + 1, start);
                }
                let span = if lo <= r.start && r.end <= hi {
                    Span {
                        start: r.start.wrapping_add(shift),
                        end: r.end.wrapping_add(shift),
                    }
                } else {
                    let span = spans.source_span(r.start, r.end);
                    if let Some((piece, src)) = spans.exact_piece() {
                        (lo, hi, shift) = (piece.start, piece.end, src.wrapping_sub(piece.start));
                    }
                    span
                };
                token_tags.push(tag);
                tokens.push(Token::new(bi, 0, r, t.kind, false, span, class));
            }
            // Every token of the block has its lower-case offset (the speculation starts below
            // read the forms): those after the last lowered one start where `lower` ends.
            lower_offsets.resize(tokens.len() + 1, lower.len() as u32);
            let block_tokens = &mut tokens[first..];
            mark_quoted(block_tokens, quoted);
            bounds.clear();
            debug_assert!(
                terminals
                    .iter()
                    .all(|&i| { sentences::is_terminal_token(bytes, &block_tokens[i]) })
            );
            sentences::split_at(text, block_tokens, &terminals, &mut bounds);
            sentences.reserve(bounds.len());
            for b in bounds.iter() {
                let si = sentences.len();
                let toks = &mut block_tokens[b.clone()];
                let mut classes = 0;
                for t in toks.iter_mut() {
                    t.sentence_index = si as u32;
                    classes |= t.class;
                }
                // A sentence runs from its first token's start to its last token's end (see
                // `sentences::split_into`), so its span is theirs.
                let (Some(a), Some(z)) = (toks.first(), toks.last()) else {
                    continue;
                };
                if classes & classes::SPECULATION_TRIGGER != 0 {
                    let at = first + b.start;
                    push_speculation_starts(
                        toks,
                        at,
                        &lower,
                        &lower_offsets[at..at + toks.len() + 1],
                        text,
                        &mut speculation_starts,
                    );
                }
                sentences.push(Sentence {
                    block: bi,
                    span: Span::new(a.span().start, z.span().end),
                    range: a.range().start..z.range().end,
                    tokens: first + b.start..first + b.end,
                    classes,
                });
            }
        }
        lower_offsets.resize(tokens.len() + 1, lower.len() as u32);
        // (Every form pushed is UTF-8: the lower-case form of a token's text.)
        let lower = String::from_utf8(lower)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Part {
            sentences,
            tokens,
            lower,
            lower_offsets,
            token_tags,
            speculation_starts,
        }
    }

    /// Appends this part to `prose`, shifting its indices past what `prose` already holds.
    fn append_to(self, prose: &mut Prose) {
        let (s0, t0, l0) = (
            prose.sentences.len(),
            prose.tokens.len(),
            prose.lower.len() as u32,
        );
        prose
            .sentences
            .extend(self.sentences.into_iter().map(|mut s| {
                s.tokens = s.tokens.start + t0..s.tokens.end + t0;
                s
            }));
        // (Sentence indices fit: see `tokenised_blocks`.)
        let s0 = s0 as u32;
        prose.tokens.extend(self.tokens.into_iter().map(|mut t| {
            t.sentence_index += s0;
            t
        }));
        prose.lower.push_str(&self.lower);
        // The part's first offset (0) is where `prose.lower` ended: its last offset.
        prose.lower_offsets.pop();
        prose
            .lower_offsets
            .extend(self.lower_offsets.into_iter().map(|o| o + l0));
        prose.token_tags.extend_from_slice(&self.token_tags);
        // (Token indices fit: see `tokenised_blocks`.)
        let t0 = t0 as u32;
        prose
            .speculation_starts
            .extend(self.speculation_starts.iter().map(|&k| k + t0));
    }
}

/// Drafts with this much prose or more are split into runs of blocks that are tokenised on
/// the rayon pool (the result is the same as in one piece).
const PARALLEL_MIN_BYTES: usize = crate::PARALLEL_MIN_BYTES;

/// About how much block text one parallel run holds.
const RUN_BYTES: usize = 8 * 1024;

impl Prose {
    /// Analyses the prose of `draft`: all of it, but in a draft too big for a [`Token`]'s
    /// 32-bit offsets (over 2 GiB of prose, a source over 4 GiB or 2^29 blocks), whose
    /// blocks from the first that does not fit on have no sentences or tokens.
    pub fn new(draft: &Draft) -> Prose {
        let total: usize = draft.blocks.iter().map(|b| b.text.len()).sum();
        // Blocks `..n` are tokenised: all of them but in a draft too big for a token.
        let n = tokenised_blocks(draft.blocks.iter().map(|b| (b.text.len(), b.span.end)));
        // On one thread the draft is read in one part: the same result, without copying
        // every token once more to join the parts.
        let (parts, quotations, quoted) =
            if total >= PARALLEL_MIN_BYTES && rayon::current_num_threads() > 1 {
                use rayon::prelude::*;
                // The parts need the quoted ranges of their blocks before they start.
                let (quotations, quoted) = quotes::find(draft);
                // Runs of whole blocks of about RUN_BYTES each.
                let mut runs = Vec::new();
                let (mut start, mut bytes) = (0, 0);
                for (bi, b) in draft.blocks[..n].iter().enumerate() {
                    bytes += b.text.len();
                    if bytes >= RUN_BYTES {
                        runs.push(start..bi + 1);
                        (start, bytes) = (bi + 1, 0);
                    }
                }
                if start < n {
                    runs.push(start..n);
                }
                let parts: Vec<Part> = runs
                    .into_par_iter()
                    .map(|r| Part::new(draft, Quotes::Found(&quoted), r))
                    .collect();
                (parts, quotations, quoted)
            } else {
                // Each block is read for its quotations and at once for its tokens, while its
                // text is still in the cache; the blocks not tokenised are read for quotations
                // after.
                let mut finder = quotes::Finder::new(draft);
                let part = Part::new(draft, Quotes::Finding(&mut finder), 0..n);
                for (bi, b) in draft.blocks.iter().enumerate().skip(n) {
                    finder.block(bi, b);
                }
                let (quotations, quoted) = finder.finish();
                (vec![part], quotations, quoted)
            };
        let mut prose = Prose {
            quotations,
            quoted,
            big: total >= PARALLEL_MIN_BYTES,
            ..Prose::default()
        };
        if parts.len() == 1 {
            let part = parts.into_iter().next().unwrap_or_default();
            prose.sentences = part.sentences;
            prose.tokens = part.tokens;
            prose.lower = part.lower;
            prose.lower_offsets = part.lower_offsets;
            prose.token_tags = part.token_tags;
            prose.speculation_starts = part.speculation_starts;
        } else {
            let (sentences, tokens, lower) = parts.iter().fold((0, 0, 0), |(s, t, l), p| {
                (s + p.sentences.len(), t + p.tokens.len(), l + p.lower.len())
            });
            let starts = parts.iter().map(|p| p.speculation_starts.len()).sum();
            prose.speculation_starts.reserve_exact(starts);
            prose.sentences.reserve_exact(sentences);
            prose.tokens.reserve_exact(tokens);
            prose.lower_offsets.reserve_exact(tokens + 1);
            prose.token_tags.reserve_exact(tokens);
            prose.lower.reserve_exact(lower);
            for part in parts {
                part.append_to(&mut prose);
            }
        }
        prose
    }

    /// Whether the draft has [`crate::PARALLEL_MIN_BYTES`] of prose or more: then analyses
    /// that work sentence by sentence do so on the rayon pool (with the same result).
    pub fn is_big(&self) -> bool {
        self.big
    }

    /// The tokens of sentence `i`.
    #[inline]
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// The text of sentence `i`.
    pub fn sentence_text<'d>(&self, draft: &'d Draft, i: usize) -> &'d str {
        let s = &self.sentences[i];
        &draft.blocks[s.block].text[s.range.clone()]
    }

    /// The text of token `i`.
    #[inline]
    pub fn token_text<'d>(&self, draft: &'d Draft, i: usize) -> &'d str {
        let t = &self.tokens[i];
        &draft.blocks[t.block()].text[t.range()]
    }

    /// The text of token `i` in lower case, with curly apostrophes (’) straightened: computed
    /// once per draft, so rules and analyses compare words without allocating.
    #[inline]
    pub fn token_lower<'s>(&'s self, draft: &'s Draft, i: usize) -> &'s str {
        match self.lowered(i) {
            Some(low) => low,
            None => self.token_text(draft, i),
        }
    }

    /// [`Prose::token_lower`] for a caller that holds the token's text already (`text` must
    /// be [`Prose::token_text`] of token `i`): the text is not looked up again.
    #[inline]
    pub fn token_lower_with<'s>(&'s self, i: usize, text: &'s str) -> &'s str {
        self.lowered(i).unwrap_or(text)
    }

    /// The lower-case forms of tokens `range` ([`LowerRun`]); `None` when `range` is not a
    /// range of tokens.
    #[inline]
    pub(crate) fn token_lowers(&self, range: Range<usize>) -> Option<LowerRun<'_>> {
        Some(LowerRun {
            lower: &self.lower,
            offsets: self
                .lower_offsets
                .get(range.start..range.end.checked_add(1)?)?,
        })
    }

    /// Token `i`'s lower-case form in [`Prose::lower`], if its text is not its own.
    #[inline]
    fn lowered(&self, i: usize) -> Option<&str> {
        let (&s, &e) = (self.lower_offsets.get(i)?, self.lower_offsets.get(i + 1)?);
        (s != e).then(|| &self.lower[s as usize..e as usize])
    }

    /// The tokens at which a cue of the speculation analysis
    /// ([`crate::analysis::speculation`]) may start, in order: trigger words outside
    /// quotation marks whose gate is open (what comes next or before lets a cue start at
    /// them). Found while each sentence's tokens are read here, so that the analysis passes
    /// over the sentences without one unread.
    pub fn speculation_starts(&self) -> &[u32] {
        &self.speculation_starts
    }

    /// The quoted byte ranges of block text of block `block` (the content between the marks
    /// of its quotations), in order and disjoint; none for a block the draft does not have.
    pub fn quoted_ranges(&self, block: usize) -> &[Range<usize>] {
        self.quoted.of(block)
    }

    /// Whether block-text offset `off` of block `block` lies inside a quotation.
    pub fn in_quote(&self, block: usize, off: usize) -> bool {
        last_starting_at_or_before(self.quoted.of(block), off).is_some_and(|q| off < q.end)
    }

    /// Whether the whole of `range` in block `block` lies inside one quotation.
    pub fn range_in_quote(&self, block: usize, range: Range<usize>) -> bool {
        quoted_around(self.quoted.of(block), range.start, range.end)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of a draft are those the splitter finds over each block's tokens read
    /// on their own (every terminal was gathered as the tokens were read), on random text of
    /// terminals, closers, capitals, abbreviations and white space.
    #[test]
    fn sentences_agree_with_the_splitter() {
        use proptest::prelude::*;
        let pieces = [
            "The", "he", "Mr", "U.S", "No", "5", ".", "!", "?", "…", "‽", "”", "\"", ")", " ",
            "  ", "\n\n", "“", "é", "x", ",", "—",
        ];
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(
                &proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..40),
                |ps| {
                    let src: String = ps.concat();
                    let draft = crate::markdown::parse(&src);
                    let prose = Prose::new(&draft);
                    let mut want = Vec::new();
                    for (bi, b) in draft.blocks.iter().enumerate() {
                        let toks = tokens::tokenize(&b.text);
                        for r in sentences::split(&b.text, &toks) {
                            want.push((bi, r));
                        }
                    }
                    let got: Vec<_> = prose
                        .sentences
                        .iter()
                        .map(|s| (s.block, s.range.clone()))
                        .collect();
                    prop_assert_eq!(got, want, "{:?}", src);
                    Ok(())
                },
            )
            .unwrap();
    }

    /// Marking the tokens of a block from its quoted ranges answers as the look-up of each
    /// token does ([`quoted_around`]), for random tokens and random sorted, disjoint ranges.
    #[test]
    fn marking_quoted_tokens_agrees_with_the_lookup() {
        use proptest::prelude::*;
        let mut runner = proptest::test_runner::TestRunner::default();
        let cuts = proptest::collection::vec(0usize..60, 0..24);
        runner
            .run(&(cuts.clone(), cuts), |(tcuts, qcuts)| {
                // Tokens and ranges from sorted cut points: consecutive pairs, some dropped.
                let pairs = |mut c: Vec<usize>, step: usize| {
                    c.sort_unstable();
                    c.dedup();
                    c.chunks(2)
                        .filter(|p| p.len() == 2)
                        .step_by(step)
                        .map(|p| p[0]..p[1])
                        .collect::<Vec<_>>()
                };
                let quoted = pairs(qcuts, 1);
                let mut tokens: Vec<Token> = pairs(tcuts.clone(), 1)
                    .into_iter()
                    .chain(pairs(tcuts, 2).into_iter().map(|r| r.start..r.start + 1))
                    .map(|range| {
                        Token::new(0, 0, range, TokenKind::Word, false, Span::default(), 0)
                    })
                    .collect();
                tokens.sort_by_key(|t| (t.range().start, t.range().end));
                mark_quoted(&mut tokens, &quoted);
                for t in &tokens {
                    let want = quoted_around(&quoted, t.range().start, t.range().end);
                    prop_assert_eq!(t.quoted(), want, "{:?} in {:?}", t.range(), quoted);
                    prop_assert_eq!(t.kind(), TokenKind::Word);
                }
                Ok(())
            })
            .unwrap();
    }

    /// Every General Punctuation character, and the placeholder, read as a punctuation token
    /// has the lower-case form and the classes that the general path gives it.
    #[test]
    fn general_punctuation_agrees_with_the_general_path() {
        let table = classes::table();
        for cp in 0x1F00..0x2100u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let text = c.to_string();
            let o = general_punct(text.as_bytes());
            assert_eq!(
                o,
                (0x2000..0x2070).contains(&cp).then(|| cp as usize - 0x2000)
            );
            let Some(o) = o else {
                continue;
            };
            let mut lower = Vec::new();
            let l = push_lower(&mut lower, &text);
            let low = lowered_bytes(&lower, l, text.as_bytes());
            assert_eq!(
                table.of_general_punct(o),
                table.of_token(low, TokenKind::Punct)
            );
            assert_eq!(l.is_some(), o == RIGHT_SINGLE_QUOTE, "{c}");
            assert_eq!(low == b"'", o == RIGHT_SINGLE_QUOTE, "{c}");
            let terminal = matches!(text.as_bytes(), [0xE2, 0x80, 0xA6 | 0xBD]);
            assert_eq!(terminal, o == ELLIPSIS || o == INTERROBANG);
        }
        let p = crate::markdown::PLACEHOLDER.to_string();
        let mut lower = Vec::new();
        assert_eq!(push_lower(&mut lower, &p), None);
        assert_eq!(
            table.of_placeholder(),
            table.of_token(p.as_bytes(), TokenKind::Placeholder)
        );
    }

    /// Lowering a word character by character gives what `str::to_lowercase` gives (with ’
    /// straightened), for words of capitals, accents, a final sigma, apostrophes.
    #[test]
    fn lowering_agrees_with_to_lowercase() {
        for w in [
            "Jōji",
            "ÉCOLE",
            "Zelenskiy’s",
            "ΣΟΦΟΣ",
            "ΣΑ",
            "Σ",
            "İstanbul",
            "ẞ",
            "ǅx",
            "ÅngströM",
            "\u{212A}elvin",
            "Straße",
            "DON’T",
            "naïve",
            "ЁЛКА",
        ] {
            let mut buf = b"x".to_vec();
            let want: String = w
                .to_lowercase()
                .chars()
                .map(|c| if c == '’' { '\'' } else { c })
                .collect();
            match push_lower(&mut buf, w) {
                Some((s, e)) => assert_eq!(&buf[s as usize..e as usize], want.as_bytes(), "{w}"),
                None => assert!(!w.chars().any(|c| c.is_uppercase() || c == '’'), "{w}"),
            }
        }
    }

    /// An ASCII word of 1 to 8 bytes lowered from its packed bytes (eight written, then cut
    /// back) has the form and the classes the general path gives it, at the end of a text too.
    #[test]
    fn short_ascii_words_lower_in_one_go() {
        let table = classes::table();
        for w in [
            "A", "It", "U.S", "NATO", "Don't", "Co-Op", "5G", "3,5A", "ABCDEFGH", "Ab1-x.Y",
        ] {
            for text in [w.to_string(), format!("{w} and more text")] {
                let r = 0..w.len();
                let k = classes::short_ascii_key(text.as_bytes(), r.clone());
                let low = classes::lower_short_ascii_key(k, w.len());
                let mut buf = b"x".to_vec();
                let (s, e) = push_lower_short_ascii(&mut buf, low, w.len());
                assert_eq!(buf.len(), 1 + w.len());
                let mut want = b"x".to_vec();
                assert_eq!(push_lower(&mut want, w), Some((s, e)), "{w}");
                assert_eq!(buf, want, "{w}");
                let kind = tokens::tokenize(&text)[0].kind;
                assert_eq!(
                    table.of_lower_short_ascii_key(low),
                    table.of_token(&buf[1..], kind),
                    "{w}"
                );
            }
        }
    }

    /// A run's lower-case forms ([`Prose::token_lowers`]) are those of
    /// [`Prose::token_lower_with`], for every sentence and for the whole draft.
    #[test]
    fn lower_runs_agree_with_token_lower() {
        let src = "# The **Head** line\n\nSome *Officials* SAID “it’s Über-fine” at 3:30 p.m. \
                   ΣΟΦΟΣ said: \"Yes.\" he added.\n\n- One. Two 12% more\n";
        let draft = crate::markdown::parse(src);
        let prose = Prose::new(&draft);
        let mut ranges: Vec<Range<usize>> =
            prose.sentences.iter().map(|s| s.tokens.clone()).collect();
        ranges.push(0..prose.tokens.len());
        for r in ranges {
            let run = prose.token_lowers(r.clone()).unwrap();
            assert_eq!(run.entries().len(), r.len());
            for (i, e) in r.clone().zip(run.entries()) {
                let text = prose.token_text(&draft, i);
                assert_eq!(run.form(e, text), prose.token_lower_with(i, text));
            }
        }
        assert!(prose.token_lowers(0..prose.tokens.len() + 1).is_none());
    }

    /// What each token and sentence carries is what the block and the quotation look-ups
    /// answer for its range: spans, quotedness, the lower-case form (as `to_lowercase` with ’
    /// straightened gives it) and the classes of that form.
    #[test]
    fn tokens_agree_with_the_lookups() {
        let src = "# The **Head** line\n\nSome *Officials* SAID “it’s Über-fine, \
                   ‘truly’ so” at `x` 3:30 p.m. \\* and &amp; the company's view.\nNext line \
                   of it. ΣΟΦΟΣ said: \"Yes. \"More here,\" he added\n\n\"Runs on.\n\n- One. Two 12% \
                   more\n";
        let draft = crate::markdown::parse(src);
        let prose = Prose::new(&draft);
        assert!(prose.tokens.len() > 40);
        assert!(prose.tokens.iter().any(|t| t.quoted()));
        for (i, t) in prose.tokens.iter().enumerate() {
            let block = &draft.blocks[t.block()];
            assert_eq!(t.span(), block.source_span(t.range().start, t.range().end));
            assert_eq!(t.quoted(), prose.range_in_quote(t.block(), t.range()));
            let text = prose.token_text(&draft, i);
            let low = expected_lower(text);
            assert_eq!(prose.token_lower(&draft, i), low);
            assert_eq!(t.class, classes::of_token(&low, t.kind()), "{low}");
        }
        for (si, s) in prose.sentences.iter().enumerate() {
            let block = &draft.blocks[s.block];
            assert_eq!(s.span, block.source_span(s.range.start, s.range.end));
            let toks = &prose.tokens[s.tokens.clone()];
            assert_eq!(toks[0].range().start, s.range.start);
            assert_eq!(toks[toks.len() - 1].range().end, s.range.end);
            assert!(
                toks.iter()
                    .all(|t| t.sentence() == si && t.block() == s.block)
            );
            assert_eq!(s.classes, toks.iter().fold(0, |c, t| c | t.class));
        }
    }

    /// A token's lower-case form as the tests expect it: lower case, with the curly
    /// apostrophe read as a straight one.
    fn expected_lower(text: &str) -> String {
        text.to_lowercase()
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .collect()
    }

    /// A sentence's classes are the union of its tokens', in a draft read in one part and
    /// in one big enough to be read in parallel parts (whose sentence indices and lower-case
    /// offsets are shifted), and the lower-case forms are right in both.
    #[test]
    fn sentence_classes_are_the_union_of_their_tokens() {
        let para = "Officials SAID “it is likely, some say” that the U.S. reportedly \
                    claimed 12% more. According to sources, it’s so! ΣΟΦΟΣ alleged \
                    nothing.\n\n";
        for src in [
            para.to_string(),
            para.repeat(PARALLEL_MIN_BYTES / para.len() + 2),
        ] {
            let draft = crate::markdown::parse(&src);
            let prose = Prose::new(&draft);
            assert!(prose.sentences.iter().any(|s| s.classes != 0));
            let mut next = 0;
            for (si, s) in prose.sentences.iter().enumerate() {
                assert_eq!(s.tokens.start, next);
                next = s.tokens.end;
                let toks = prose.sentence_tokens(si);
                assert_eq!(s.classes, toks.iter().fold(0, |c, t| c | t.class));
                assert!(
                    toks.iter()
                        .all(|t| t.sentence() == si && t.block() == s.block)
                );
                // The sentences of a block follow one another and hold their tokens (the
                // attribution analysis finds a quotation's sentences by binary search).
                assert!(
                    toks.iter()
                        .all(|t| s.range.start <= t.range().start && t.range().end <= s.range.end)
                );
                if let Some(p) = si.checked_sub(1).map(|k| &prose.sentences[k])
                    && p.block == s.block
                {
                    assert!(p.range.end <= s.range.start, "{:?} {:?}", p.range, s.range);
                }
            }
            assert_eq!(next, prose.tokens.len());
            let run = prose.token_lowers(0..prose.tokens.len()).unwrap();
            for (i, e) in run.entries().enumerate() {
                let text = prose.token_text(&draft, i);
                let low = expected_lower(text);
                assert_eq!(prose.token_lower(&draft, i), low);
                assert_eq!(run.form(e, text), low);
            }
        }
    }

    /// A big draft read in parallel parts (quotations found first) gives the prose it gives
    /// read in one part on one thread (quotations found block by block as it is read):
    /// quotations across blocks, unclosed quotes and every field of every token included.
    #[test]
    fn parallel_parts_agree_with_one_part() {
        let para = "Officials SAID “it is likely, some say” that the U.S. reportedly \
                    claimed 12% more. ‘Runs on,’ he said. “Never closed, ΣΟΦΟΣ.\n\n\
                    “Goes on here,” she added: \"Yes. \"More,\" it’s so!\n\n";
        let src = para.repeat(PARALLEL_MIN_BYTES / para.len() + 2);
        let draft = crate::markdown::parse(&src);
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let prose = pool.install(|| Prose::new(&draft));
            let quoted: Vec<Vec<Range<usize>>> = (0..draft.blocks.len() + 1)
                .map(|b| prose.quoted_ranges(b).to_vec())
                .collect();
            let quotations: Vec<_> = prose
                .quotations
                .iter()
                .map(|q| (q.open, q.close, q.parts.clone(), q.span))
                .collect();
            (
                format!("{:?}", (&prose.sentences, &prose.tokens, &prose.token_tags)),
                (prose.lower.clone(), prose.lower_offsets.clone()),
                (quoted, quotations, prose.speculation_starts().to_vec()),
            )
        };
        let one = run(1);
        assert!(one.2.0.iter().any(|q| !q.is_empty()));
        assert_eq!(one, run(2));
    }

    /// A token gives back what it was made of, at the ends of every field's range.
    #[test]
    fn tokens_keep_their_fields() {
        let kinds = [
            TokenKind::Word,
            TokenKind::Number,
            TokenKind::Punct,
            TokenKind::Placeholder,
        ];
        let max = u32::MAX as usize;
        for (k, kind) in kinds.into_iter().enumerate() {
            for quoted in [false, true] {
                for (block, sentence, range, span) in [
                    (0, 0, 0..0, Span::new(0, 0)),
                    (MAX_BLOCKS - 1, max, max - 1..max, Span::new(0, max)),
                    (12345, 678, 3..5, Span::new(max, max)),
                ] {
                    let class = 1u64 << (k * 16 + 3) | 1;
                    let t = Token::new(block, sentence, range.clone(), kind, quoted, span, class);
                    assert_eq!(t.block(), block);
                    assert_eq!(t.sentence(), sentence);
                    assert_eq!(t.range(), range);
                    assert_eq!(t.span(), span);
                    assert_eq!(t.kind(), kind);
                    assert_eq!(t.quoted(), quoted);
                    assert_eq!(t.class, class);
                }
            }
        }
    }

    /// All blocks are tokenised while the text, the source and the block count fit a
    /// token's 32-bit fields; prose stops before the first block that would not fit.
    #[test]
    fn oversized_drafts_are_tokenised_up_to_the_limits() {
        let max = u32::MAX as usize;
        assert_eq!(tokenised_blocks([]), 0);
        assert_eq!(tokenised_blocks([(0, 0), (10, 20), (5, 30)]), 3);
        // The text, counted from the start, up to MAX_TEXT bytes exactly.
        assert_eq!(tokenised_blocks([(MAX_TEXT - 1, 10), (1, 20), (0, 20)]), 3);
        assert_eq!(tokenised_blocks([(MAX_TEXT - 1, 10), (2, 20), (0, 20)]), 1);
        assert_eq!(tokenised_blocks([(MAX_TEXT + 1, 10)]), 0);
        assert_eq!(tokenised_blocks([(1, 10), (usize::MAX, 20), (1, 30)]), 1);
        // The source up to offset u32::MAX.
        assert_eq!(tokenised_blocks([(1, max - 1), (1, max)]), 2);
        assert_eq!(tokenised_blocks([(1, max), (1, max + 1), (1, 3)]), 1);
        // At most MAX_BLOCKS blocks (empty ones, which the text does not count).
        let n = tokenised_blocks(std::iter::repeat_n((0, 0), MAX_BLOCKS + 5));
        assert_eq!(n, MAX_BLOCKS);
        // What is let through fits: offsets in u32, block indices below MAX_BLOCKS, and the
        // lower-case forms of MAX_TEXT bytes of text (see `lower_forms_are_at_most_twice_as_long`).
        assert!(MAX_TEXT.checked_mul(2).is_some_and(|l| l <= max));
        assert!((MAX_BLOCKS - 1) << BLOCK_SHIFT <= max);
        assert_eq!(
            ((MAX_BLOCKS - 1) << BLOCK_SHIFT) >> BLOCK_SHIFT,
            MAX_BLOCKS - 1
        );
    }

    /// No character's lower-case form (as [`push_lower`] appends it) is more than twice as
    /// long as the character, so MAX_TEXT bytes of text lower to at most `u32::MAX` bytes.
    #[test]
    fn lower_forms_are_at_most_twice_as_long() {
        let mut buf = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            buf.clear();
            let mut text = String::new();
            text.push(c);
            if let Some((s, e)) = push_lower(&mut buf, &text) {
                assert!((e - s) as usize <= 2 * c.len_utf8(), "{c:?}");
            }
            let sigma = format!("{c}Σ");
            buf.clear();
            if let Some((s, e)) = push_lower(&mut buf, &sigma) {
                assert!((e - s) as usize <= 2 * sigma.len(), "{sigma:?}");
            }
        }
    }
}
