//! Markdown to a [`Draft`]: the prose blocks of a document with exact byte spans.
//!
//! CommonMark is parsed with pulldown-cmark. Only prose becomes text: paragraphs, headings,
//! list items, table cells, and the text of emphasis, strong and links. Code, HTML, front
//! matter, link destinations, images, autolinks, bare URLs and e-mail addresses are masked:
//! they never reach the rules. Inline code and URLs inside a paragraph are replaced in the
//! block's text by [`PLACEHOLDER`], so sentences read on across them.

use crate::text::Span;
use pulldown_cmark::{
    Event, HeadingLevel, LinkType, MetadataBlockKind, Options, Parser, Tag, TagEnd,
};
use regex::Regex;
use std::ops::Range;
use std::sync::{Arc, LazyLock, OnceLock};

/// Stands in the prose text for masked inline content (inline code, URLs).
pub const PLACEHOLDER: char = '\u{FFFC}';
/// [`PLACEHOLDER`] as a string.
const PLACEHOLDER_STR: &str = "\u{FFFC}";

/// The kind of a prose block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1–6.
    Heading(u8),
    /// A paragraph (also a paragraph inside a list item or block quote).
    Paragraph,
    /// The text of a tight list item.
    ListItem,
    /// A table cell.
    TableCell,
}

/// A piece of the block's text and where it came from in the source.
#[derive(Clone, Copy, Debug)]
struct Seg {
    /// Start in the block text.
    text_start: usize,
    /// Length in the block text.
    len: usize,
    /// Source span it came from.
    src: Span,
    /// Whether block text maps byte for byte onto the source span.
    exact: bool,
}

impl Seg {
    /// End in the block text.
    fn end(&self) -> usize {
        self.text_start + self.len
    }
}

/// Reads the source spans of block-text ranges of one block, as [`Block::source_span`] does,
/// for a caller that takes the ranges in order (each starting at or after the last one's
/// start): the piece of the block that holds each offset is found by walking on from the last
/// one instead of by a search of all of them. A range out of order is still answered right
/// (by a search).
#[derive(Clone, Debug)]
pub struct SourceCursor<'b> {
    block: &'b Block,
    /// The block's pieces ([`Block::segs`]).
    segs: &'b [Seg],
    /// The index of the piece found last; every piece before it ends at or before the offset
    /// asked about last.
    seg: usize,
}

impl<'b> SourceCursor<'b> {
    /// The piece that holds block-text byte `off` (as [`Block::seg_at`]), from where the
    /// last one was found.
    fn seg_at(&mut self, off: usize) -> Option<&'b Seg> {
        let segs = self.segs;
        if self.seg > 0 && segs[self.seg - 1].end() > off {
            // Behind the last offset: search.
            self.seg = segs.partition_point(|s| s.end() <= off);
        } else {
            // Pieces are contiguous and in order: the first one that ends after `off`.
            while segs.get(self.seg).is_some_and(|s| s.end() <= off) {
                self.seg += 1;
            }
        }
        segs.get(self.seg)
    }

    /// The piece the cursor stands on, when it maps byte for byte onto the source: its range
    /// in the block text and where it starts in the source. Any range inside it has the
    /// source span of the same range moved by `source start - text start`, as
    /// [`SourceCursor::source_span`] answers.
    #[inline]
    pub fn exact_piece(&self) -> Option<(Range<usize>, usize)> {
        let s = self.segs.get(self.seg)?;
        // An exact piece has as many bytes of text as of source.
        (s.exact && s.len == s.src.len()).then(|| (s.text_start..s.end(), s.src.start))
    }

    /// The source span of block-text range `start..end`: [`Block::source_span`].
    #[inline]
    pub fn source_span(&mut self, start: usize, end: usize) -> Span {
        // Most ranges lie inside the exact piece the last one was found in: then its ends
        // are offsets from that piece's start (in order), and nothing is searched.
        let segs = self.segs;
        if let Some(s) = segs.get(self.seg) {
            if let Some(span) = Self::inside(s, start, end) {
                return span;
            }
            // Ranges taken in order leave a piece for the next one, or for the one after a
            // soft break or a placeholder between two pieces of text: the walk of
            // [`SourceCursor::seg_at`] would stop there too (the first piece that ends after
            // `start`).
            if s.end() <= start {
                let mut k = self.seg + 1;
                if segs.get(k).is_some_and(|n| n.end() <= start) {
                    k += 1;
                }
                if let Some(span) = segs.get(k).and_then(|n| Self::inside(n, start, end)) {
                    self.seg = k;
                    return span;
                }
            }
        }
        self.source_span_searched(start, end)
    }

    /// The source span of non-empty range `start..end` if it lies inside exact piece `s`.
    #[inline]
    fn inside(s: &Seg, start: usize, end: usize) -> Option<Span> {
        (s.exact && s.text_start <= start && start < end && end <= s.end()).then(|| {
            let n = s.src.len();
            Span {
                start: s.src.start + (start - s.text_start).min(n),
                end: s.src.start + (end - s.text_start).min(n),
            }
        })
    }

    /// [`SourceCursor::source_span`] of a range that is not inside the last exact piece.
    #[inline(never)]
    fn source_span_searched(&mut self, start: usize, end: usize) -> Span {
        if start >= end {
            let s = self.block.start_in(self.seg_at(start), start);
            return Span::new(s, s);
        }
        let (s, e) = self.source_ends_searched(start, end);
        Span::new(s, e)
    }

    /// For a non-empty range `start..end` (`start < end`): [`Block::source_start`] of `start`
    /// and [`Block::source_end`] of `end`, the ends of its source span (which that span has
    /// in order).
    #[inline]
    pub fn source_ends(&mut self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end);
        // Most ranges lie inside the exact piece the last one was found in: then its ends
        // are offsets from that piece's start, and nothing is searched.
        if let Some(s) = self.segs.get(self.seg) {
            if s.exact && s.text_start <= start && end <= s.end() {
                let n = s.src.len();
                return (
                    s.src.start + (start - s.text_start).min(n),
                    s.src.start + (end - s.text_start).min(n),
                );
            }
        }
        self.source_ends_searched(start, end)
    }

    /// [`SourceCursor::source_ends`] when the range is not inside the last exact piece.
    #[inline(never)]
    fn source_ends_searched(&mut self, start: usize, end: usize) -> (usize, usize) {
        let first = self.seg_at(start);
        // Most ranges lie inside one piece: then it holds byte `end - 1` too.
        let last = match first {
            Some(s) if end <= s.end() => first,
            _ => self.seg_at(end - 1),
        };
        (
            self.block.start_in(first, start),
            self.block.end_in(last, end),
        )
    }
}

/// A run of prose: its text, and how each byte of it maps back to the source.
#[derive(Clone)]
pub struct Block {
    /// What kind of block.
    pub kind: BlockKind,
    /// Whether it sits inside a block quote.
    pub in_blockquote: bool,
    /// The source span of the block's text (first to last prose byte).
    pub span: Span,
    /// The prose text: soft breaks become spaces, masked inline content [`PLACEHOLDER`].
    pub text: String,
    /// The pieces of every block of the draft, one after another (see [`Pieces`]).
    pieces: Pieces,
    /// Where this block's pieces are in `pieces`.
    first_seg: usize,
    end_seg: usize,
}

/// The pieces ([`Seg`]) of every block of a draft in one list, shared by its blocks, each of
/// which reads its own range of it: no block has a list of its own. The list is set once, when
/// the draft has been parsed (the blocks are made before it is complete).
type Pieces = Arc<OnceLock<Vec<Seg>>>;

/// The block being built (see [`Builder`]).
struct Open {
    kind: BlockKind,
    in_blockquote: bool,
    /// The source span of its text so far.
    span: Span,
    /// Where its pieces start in [`Builder::segs`].
    first_seg: usize,
}

/// Builds the blocks of a draft one after another: the text of the open block in a buffer
/// reused from block to block (a kept block gets a copy of the exact size, so no block's text
/// is grown piece by piece, nor reserved larger than it turns out), its pieces at the end of
/// the draft's one list of pieces.
struct Builder {
    open: Option<Open>,
    /// The open block's text.
    text: String,
    /// The pieces of the blocks kept so far, then those of the open block.
    segs: Vec<Seg>,
    /// Where `segs` goes when the draft is parsed; every kept block holds it.
    pieces: Pieces,
}

impl Builder {
    /// A builder for a source of `len` bytes.
    fn new(len: usize) -> Builder {
        Builder {
            open: None,
            text: String::new(),
            // About one piece in 48 bytes of source (soft breaks, emphasis, links and inline
            // code each start one): reserved once, so the list is seldom copied as it grows.
            segs: Vec::with_capacity(len / 48 + 8),
            pieces: Pieces::default(),
        }
    }

    /// Opens a block (the caller has finished the last one) whose source is `src` bytes long
    /// (0 when unknown): its text is at most about that long (an entity or an autolink's
    /// placeholder may add a few bytes), so that much is reserved at once.
    fn start(&mut self, kind: BlockKind, in_blockquote: bool, src: usize) {
        self.text.reserve(src);
        self.open = Some(Open {
            kind,
            in_blockquote,
            span: Span::default(),
            first_seg: self.segs.len(),
        });
    }

    /// Adds a piece of text to the open block (nothing when none is open).
    fn push(&mut self, text: &str, src: Span, exact: bool) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        if text.is_empty() {
            return;
        }
        if self.segs.len() == open.first_seg {
            open.span = src;
        } else {
            open.span = open.span.cover(src);
        }
        self.segs.push(Seg {
            text_start: self.text.len(),
            len: text.len(),
            src,
            exact,
        });
        self.text.push_str(text);
    }

    /// Ends the open block, if any: a block that is not blank is kept in `blocks`, with its
    /// text copied out of the buffer; a blank one's pieces are dropped.
    fn finish(&mut self, blocks: &mut Vec<Block>) {
        let Some(open) = self.open.take() else {
            return;
        };
        // Most blocks start with a byte of ASCII that is not white space: not blank.
        let visible = |c: &u8| c.is_ascii() && !c.is_ascii_whitespace() && *c != 0x0B;
        let text = self.text.as_str();
        if text.as_bytes().first().is_some_and(visible) || !text.trim().is_empty() {
            blocks.push(Block {
                kind: open.kind,
                in_blockquote: open.in_blockquote,
                span: open.span,
                text: String::from(text),
                pieces: Arc::clone(&self.pieces),
                first_seg: open.first_seg,
                end_seg: self.segs.len(),
            });
        } else {
            self.segs.truncate(open.first_seg);
        }
        self.text.clear();
    }

    /// Ends the open block and hands the pieces to the blocks.
    fn done(mut self, blocks: &mut Vec<Block>) {
        self.finish(blocks);
        // Set once, here: it cannot have been set before.
        let _ = self.pieces.set(self.segs);
    }
}

/// Shows the block's own pieces, not the draft's whole list.
impl std::fmt::Debug for Block {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Block")
            .field("kind", &self.kind)
            .field("in_blockquote", &self.in_blockquote)
            .field("span", &self.span)
            .field("text", &self.text)
            .field("segs", &self.segs())
            .finish()
    }
}

impl Block {
    /// The block's pieces, in order.
    fn segs(&self) -> &[Seg] {
        self.pieces
            .get()
            .and_then(|all| all.get(self.first_seg..self.end_seg))
            .unwrap_or(&[])
    }

    fn seg_at(&self, off: usize) -> Option<&Seg> {
        let segs = self.segs();
        let i = segs.partition_point(|s| s.end() <= off);
        segs.get(i)
    }

    /// [`Block::source_start`] given `seg`, the piece that holds `off` ([`Block::seg_at`]).
    fn start_in(&self, seg: Option<&Seg>, off: usize) -> usize {
        match seg {
            Some(s) if s.exact => s.src.start + (off - s.text_start).min(s.src.len()),
            Some(s) => s.src.start,
            None => self.span.end,
        }
    }

    /// [`Block::source_end`] of `off > 0` given `seg`, the piece that holds `off - 1`.
    fn end_in(&self, seg: Option<&Seg>, off: usize) -> usize {
        match seg {
            Some(s) if s.exact => s.src.start + (off - s.text_start).min(s.src.len()),
            Some(s) => s.src.end,
            None => self.span.end,
        }
    }

    /// The source byte offset where block-text byte `off` starts.
    pub fn source_start(&self, off: usize) -> usize {
        self.start_in(self.seg_at(off), off)
    }

    /// The source byte offset just after block-text byte `off - 1`.
    pub fn source_end(&self, off: usize) -> usize {
        if off == 0 {
            return self.span.start;
        }
        self.end_in(self.seg_at(off - 1), off)
    }

    /// The source span of block-text range `start..end`.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        if start >= end {
            let s = self.source_start(start);
            return Span::new(s, s);
        }
        let first = self.seg_at(start);
        // Most ranges lie inside one piece: then it holds byte `end - 1` too, and is not
        // searched for again.
        let last = match first {
            Some(s) if end <= s.end() => first,
            _ => self.seg_at(end - 1),
        };
        Span::new(self.start_in(first, start), self.end_in(last, end))
    }

    /// A reader of source spans for block-text ranges taken in order ([`SourceCursor`]).
    pub fn source_cursor(&self) -> SourceCursor<'_> {
        SourceCursor {
            block: self,
            segs: self.segs(),
            seg: 0,
        }
    }

    /// Whether the block is a heading.
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }
}

/// The title of a draft: front matter `title`, else the first level-1 heading.
#[derive(Clone, Debug)]
pub struct Title {
    /// The title's text.
    pub text: String,
    /// Where it is in the source.
    pub span: Span,
    /// The index of the heading block it came from, if it came from a heading.
    pub block: Option<usize>,
}

/// An HTML comment of ours (`<!-- newslint-… -->`).
#[derive(Clone, Debug)]
pub struct Comment {
    /// The whole comment in the source.
    pub span: Span,
    /// The text between `<!--` and `-->`, trimmed.
    pub body: String,
}

/// A Markdown document as newslint sees it.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    /// Prose blocks in document order.
    pub blocks: Vec<Block>,
    /// The title, if any.
    pub title: Option<Title>,
    /// Source spans that are not prose (code, HTML, front matter, URLs…), in order.
    pub masked: Vec<Span>,
    /// Our suppression comments, in order.
    pub comments: Vec<Comment>,
    /// The front matter block, if any.
    pub front_matter: Option<Span>,
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>\x22\u{201C}\u{201D}]*[^\s<>\x22\u{201C}\u{201D}.,;:!?)\]'\u{2019}]|\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b",
    )
    .expect("URL pattern")
});

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--\s*(newslint-.*?)\s*-->").expect("comment pattern"));

/// Parses `source` into a [`Draft`]. Never fails.
pub fn parse(source: &str) -> Draft {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    opts.insert(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);
    // About one block in 128 bytes of source and one masked span in 256 (news copy holds fewer
    // of both): reserved once, so the vectors are seldom copied as they grow.
    let mut draft = Draft {
        blocks: Vec::with_capacity(source.len() / 128 + 4),
        masked: Vec::with_capacity(source.len() / 256 + 4),
        ..Draft::default()
    };
    let mut build = Builder::new(source.len());
    let mut quote_depth = 0usize;
    let mut item_depth = 0usize;
    // Depth of constructs whose text is not prose (code blocks, images, autolinks, metadata).
    let mut skip = 0usize;
    let mut in_metadata = false;
    let mut metadata_text = String::new();
    let mut heading_title: Option<(String, Span, usize)> = None;
    let mut in_h1 = false;
    let mut cands = UrlCandidates::default();

    for (event, range) in Parser::new_ext(source, opts).into_offset_iter() {
        let span = Span::new(range.start, range.end);
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    build.finish(&mut draft.blocks);
                    build.start(BlockKind::Paragraph, quote_depth > 0, span.len());
                }
                Tag::Heading { level, .. } => {
                    build.finish(&mut draft.blocks);
                    let l = heading_level(level);
                    in_h1 = l == 1;
                    build.start(BlockKind::Heading(l), quote_depth > 0, span.len());
                }
                Tag::TableCell => {
                    build.finish(&mut draft.blocks);
                    build.start(BlockKind::TableCell, quote_depth > 0, span.len());
                }
                Tag::BlockQuote(_) => {
                    build.finish(&mut draft.blocks);
                    quote_depth += 1;
                }
                Tag::Item => {
                    build.finish(&mut draft.blocks);
                    item_depth += 1;
                }
                Tag::List(_) | Tag::FootnoteDefinition(_) | Tag::DefinitionList => {
                    build.finish(&mut draft.blocks);
                }
                Tag::CodeBlock(_) | Tag::HtmlBlock => {
                    build.finish(&mut draft.blocks);
                    draft.masked.push(span);
                    skip += 1;
                }
                Tag::MetadataBlock(kind) => {
                    draft.masked.push(span);
                    draft.front_matter = Some(span);
                    in_metadata = matches!(
                        kind,
                        MetadataBlockKind::YamlStyle | MetadataBlockKind::PlusesStyle
                    );
                    skip += 1;
                }
                Tag::Image { .. } => {
                    draft.masked.push(span);
                    skip += 1;
                }
                Tag::Link { link_type, .. } => {
                    if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                        draft.masked.push(span);
                        if skip == 0 {
                            build.push(PLACEHOLDER_STR, span, false);
                        }
                        skip += 1;
                    }
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph | TagEnd::TableCell => build.finish(&mut draft.blocks),
                TagEnd::Heading(_) => {
                    if in_h1 && heading_title.is_none() {
                        if let Some(b) = build.open.as_ref() {
                            heading_title =
                                Some((build.text.trim().to_string(), b.span, draft.blocks.len()));
                        }
                    }
                    in_h1 = false;
                    build.finish(&mut draft.blocks);
                }
                TagEnd::BlockQuote(_) => {
                    build.finish(&mut draft.blocks);
                    quote_depth = quote_depth.saturating_sub(1);
                }
                TagEnd::Item => {
                    build.finish(&mut draft.blocks);
                    item_depth = item_depth.saturating_sub(1);
                }
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image => {
                    skip = skip.saturating_sub(1)
                }
                TagEnd::MetadataBlock(_) => {
                    skip = skip.saturating_sub(1);
                    in_metadata = false;
                }
                // Only autolinks raised `skip`; their text is the URL itself.
                TagEnd::Link
                    if skip > 0 && draft.masked.last().is_some_and(|m| m.end == span.end) =>
                {
                    skip -= 1;
                }
                _ => {}
            },
            Event::Text(text) => {
                if in_metadata {
                    metadata_text.push_str(&text);
                    continue;
                }
                if skip > 0 {
                    continue;
                }
                if build.open.is_none() {
                    if item_depth == 0 {
                        continue;
                    }
                    build.start(BlockKind::ListItem, quote_depth > 0, 0);
                }
                push_text(
                    &mut build,
                    &mut draft.masked,
                    &mut cands,
                    source,
                    &text,
                    span,
                );
            }
            Event::Code(_) => {
                draft.masked.push(span);
                if skip == 0 {
                    build.push(PLACEHOLDER_STR, span, false);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                draft.masked.push(span);
                let raw = span.slice(source);
                // Where the search for the next comment resumes in `raw`, so that identical
                // comments in one event each find their own place, in one pass.
                let mut from = 0;
                for c in COMMENT.captures_iter(&html) {
                    let whole = c.get(0).expect("match");
                    // Locate the comment in the source: the event text is a slice of it.
                    let at = raw
                        .get(from..)
                        .and_then(|r| r.find(whole.as_str()))
                        .map_or(0, |p| from + p);
                    from = at + whole.len();
                    let base = span.start + at;
                    draft.comments.push(Comment {
                        span: Span::new(base, base + whole.len()),
                        body: c[1].trim().to_string(),
                    });
                }
            }
            Event::SoftBreak | Event::HardBreak if skip == 0 => {
                build.push(" ", span, false);
            }
            _ => {}
        }
    }
    build.done(&mut draft.blocks);
    draft.masked.sort();
    draft.masked.dedup();
    draft.comments.sort_by_key(|c| c.span);
    draft.comments.dedup_by_key(|c| c.span);

    if let Some(fm) = draft.front_matter {
        if let Some(t) = front_matter_title(source, fm) {
            draft.title = Some(t);
        }
    }
    if draft.title.is_none() {
        if let Some((text, span, _)) = heading_title {
            let block = draft.blocks.iter().position(|b| b.span == span);
            draft.title = Some(Title { text, span, block });
        }
    }
    draft
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Adds a text event to a block, masking bare URLs and e-mail addresses inside it. `cands`
/// finds the candidate bytes of `source` ([`UrlCandidates`]).
fn push_text(
    block: &mut Builder,
    masked: &mut Vec<Span>,
    cands: &mut UrlCandidates,
    source: &str,
    text: &str,
    span: Span,
) {
    let raw = span.slice(source);
    // Where the event's text sits in the source: the whole range, or its tail or head when the
    // range also covers an escape backslash. Entities and the like map inexactly. Most text is
    // the source range itself, borrowed: then it is the same bytes, not compared one by one.
    let same = raw.len() == text.len() && (raw.as_ptr() == text.as_ptr() || raw == text);
    let (base, exact) = if same {
        (span.start, true)
    } else if raw.len() == text.len() + 1 && raw.starts_with('\\') && raw.ends_with(text) {
        (span.end - text.len(), true)
    } else {
        (span.start, false)
    };
    if !exact {
        block.push(text, span, false);
        return;
    }
    let mut pos = 0;
    // No match holds white space, and a match's word boundaries see white space (or the ends
    // of the text) around each white-space-delimited piece: searching each piece that may hold
    // one on its own finds exactly the matches a search of the whole text finds, without
    // running the regular expression over the rest. The pieces that may hold one are those
    // around a candidate byte ([`is_candidate`]), found in one scan of the source ahead
    // ([`UrlCandidates`]): the text is the source's bytes from `base` on.
    let b = text.as_bytes();
    // Where the last piece searched ends: candidates before it were in it.
    let mut searched = 0;
    let found = cands.within(source.as_bytes(), base, base + b.len());
    for i in found
        .iter()
        .map(|&c| c - base)
        .filter(|&i| is_candidate(b, i))
    {
        if i < searched {
            continue;
        }
        // The piece around byte `i`: from just after the white space before it (the last
        // piece searched ends at white space or at the start) to the white space after it.
        let start = text[searched..i]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(searched, |(p, c)| searched + p + c.len_utf8());
        let end = text[i..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(text.len(), |(p, _)| i + p);
        searched = end;
        url_matches(&text[start..end], |ms, me| {
            let (ms, me) = (start + ms, start + me);
            block.push(&text[pos..ms], Span::new(base + pos, base + ms), true);
            let url = Span::new(base + ms, base + me);
            masked.push(url);
            block.push(PLACEHOLDER_STR, url, false);
            pos = me;
        });
    }
    block.push(&text[pos..], Span::new(base + pos, base + text.len()), true);
}

/// Calls `f` with the start and end of each [`URL`] match in `piece`, in order, as
/// `URL.find_iter(piece)` finds them. An ASCII piece with no `@` can only hold matches of
/// the first alternative (a scheme or `www.`, then the address), and is read by hand
/// ([`ascii_web_address`]); any other piece goes to the regular expression.
fn url_matches(piece: &str, mut f: impl FnMut(usize, usize)) {
    let b = piece.as_bytes();
    if !b.is_ascii() || b.contains(&b'@') {
        for m in URL.find_iter(piece) {
            f(m.start(), m.end());
        }
        return;
    }
    let mut from = 0;
    while let Some((s, e)) = ascii_web_address(b, from) {
        f(s, e);
        from = e;
    }
}

/// The first match at or after `from` of the first alternative of [`URL`] in ASCII text `b`:
/// at a word boundary, `http://`, `https://`, `ftp://` or `www.` (in any case), then the
/// longest run of bytes that are not white space, `<`, `>` or `"`, cut back to its last byte
/// that is not one of `.,;:!?)]'` (the run must hold one).
fn ascii_web_address(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let starts = |p: usize, pat: &[u8]| {
        b.get(p..p + pat.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(pat))
    };
    for p in from..b.len() {
        if !matches!(b[p] | 0x20, b'h' | b'f' | b'w') || (p > 0 && word(b[p - 1])) {
            continue;
        }
        let len = if starts(p, b"https://") {
            8
        } else if starts(p, b"http://") {
            7
        } else if starts(p, b"ftp://") {
            6
        } else if starts(p, b"www.") {
            4
        } else {
            continue;
        };
        let q = p + len;
        let run = b[q..]
            .iter()
            .position(|&c| c.is_ascii_whitespace() || c == 0x0B || matches!(c, b'<' | b'>' | b'"'))
            .map_or(b.len(), |n| q + n);
        if let Some(y) = b[q..run].iter().rposition(|&c| {
            !matches!(
                c,
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'\''
            )
        }) {
            return Some((p, q + y + 1));
        }
    }
    None
}

/// Whether byte `i` of `b` is one at which a [`URL`] match may be: every match holds `://`,
/// `www.` (in any case) or `@`, so a `/`, an `@`, or the `.` of `www.` (all of `www` in `b`).
/// Most prose holds none of them, and the regular expression, whose Unicode word boundaries
/// keep it off the fastest engines on non-ASCII text, is then not run at all.
#[inline]
fn is_candidate(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(b'.') => i >= 3 && b[i - 3..i].eq_ignore_ascii_case(b"www"),
        Some(b'/' | b'@') => true,
        _ => false,
    }
}

/// The source offsets that may be candidates ([`is_candidate`]) of a text event, found a window of the
/// source at a time ahead of the events: every `/` and `@`, and every `.` after a `w` or `W`
/// (a superset, checked by [`is_candidate`] within each event's text; a `.` that opens an
/// event is none). Searching for the pair
/// `w.` rather than for every `.` (one in every few dozen bytes of prose) leaves few
/// matches, each found without a call per sentence end.
///
/// Events come in source order: each window starts at the event that did not fit in the last
/// one and reaches at least [`UrlCandidates::WINDOW`] bytes on, so the source is searched
/// about once, while the bytes are still in cache when their events are read. An event before
/// the window (out of order) has its own text searched; nothing is searched twice more than
/// its event's length.
#[derive(Default)]
struct UrlCandidates {
    /// The window searched: source offsets `from..to`.
    from: usize,
    to: usize,
    /// The candidate offsets in the window, in order.
    at: Vec<usize>,
    /// Where in `at` the last range asked about starts: a range at or after it is found by
    /// walking on from there.
    next: usize,
}

impl UrlCandidates {
    /// How far ahead a window reaches from the event that opens it, in bytes.
    const WINDOW: usize = 32 * 1024;

    /// The candidate offsets in source range `start..end` (within `source`), in order.
    fn within(&mut self, source: &[u8], start: usize, end: usize) -> &[usize] {
        if start < self.from || end > self.to {
            let to = if start < self.from {
                end
            } else {
                end.max(start.saturating_add(Self::WINDOW))
                    .min(source.len())
            };
            self.search(source, start, to.max(end));
        }
        // Ranges come in order: walk on from the last one's start (back means search).
        if self.next > 0 && self.at.get(self.next - 1).is_some_and(|&c| c >= start) {
            self.next = self.at.partition_point(|&c| c < start);
        }
        while self.at.get(self.next).is_some_and(|&c| c < start) {
            self.next += 1;
        }
        let rest = self.at.get(self.next..).unwrap_or(&[]);
        let n = rest.iter().take_while(|&&c| c < end).count();
        &rest[..n]
    }

    /// Makes `from..to` the window and finds its candidates.
    fn search(&mut self, source: &[u8], from: usize, to: usize) {
        self.at.clear();
        self.next = 0;
        self.from = from;
        self.to = to;
        let Some(hay) = source.get(from..to) else {
            return;
        };
        // Three searches, each in order, merged.
        let mut marks = memchr::memchr2_iter(b'/', b'@', hay).peekable();
        let mut lower = memchr::memmem::find_iter(hay, b"w.").peekable();
        let mut upper = memchr::memmem::find_iter(hay, b"W.").peekable();
        loop {
            // The `.` of a `w.` is one byte on.
            let m = marks.peek().copied().unwrap_or(usize::MAX);
            let l = lower.peek().map_or(usize::MAX, |&i| i + 1);
            let u = upper.peek().map_or(usize::MAX, |&i| i + 1);
            let least = m.min(l).min(u);
            if least == usize::MAX {
                break;
            }
            if least == m {
                marks.next();
            } else if least == l {
                lower.next();
            } else {
                upper.next();
            }
            self.at.push(from + least);
        }
    }
}

/// Finds `title:` (YAML) or `title =` (TOML) at the top level of the front matter.
fn front_matter_title(source: &str, fm: Span) -> Option<Title> {
    let body = fm.slice(source);
    let mut offset = fm.start;
    for line in body.split_inclusive('\n') {
        let l = line.trim_end_matches(['\n', '\r']);
        let rest = l
            .strip_prefix("title")
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix(':').or_else(|| r.strip_prefix('=')));
        if let Some(rest) = rest {
            let value = rest.trim();
            let unquoted = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            if unquoted.is_empty() {
                return None;
            }
            let at = offset + l.find(unquoted).unwrap_or(0);
            return Some(Title {
                text: unquoted.to_string(),
                span: Span::new(at, at + unquoted.len()),
                block: None,
            });
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `src` and compares each block's text, and that every exact piece maps back.
    fn check(src: &str, expected: &[&str]) {
        let d = parse(src);
        let texts: Vec<&str> = d.blocks.iter().map(|b| b.text.trim()).collect();
        assert_eq!(texts, expected, "blocks of {src:?}");
        for b in &d.blocks {
            // A block's pieces (its range of the draft's list) are its whole text, in order.
            let mut at = 0;
            for s in b.segs() {
                assert_eq!(s.text_start, at, "pieces of {:?}", b.text);
                at = s.end();
            }
            assert_eq!(at, b.text.len(), "pieces of {:?}", b.text);
            for s in b.segs() {
                if s.exact {
                    assert_eq!(
                        &b.text[s.text_start..s.text_start + s.len],
                        s.src.slice(src)
                    );
                }
            }
        }
    }

    /// Blocks are built in buffers reused from block to block: nothing of a block, kept or
    /// dropped as blank, is left in the next one, and each kept block's text and pieces are
    /// its own (checked by [`check`] against the source).
    #[test]
    fn reused_buffers_leave_nothing_behind() {
        check(
            "![a](b.png)\n\nNext para with `code` in it.\n\n- one\n- two\n  wraps\n\n> quoted\n\n![c](d.png)\n\n| A | B |\n| --- | --- |\n| x | y |\n\nLast.\n",
            &[
                "Next para with \u{FFFC} in it.",
                "one",
                "two wraps",
                "quoted",
                "A",
                "B",
                "x",
                "y",
                "Last.",
            ],
        );
        let d = parse("Some text.\n\n- item\n");
        for b in &d.blocks {
            assert_eq!(b.text.capacity(), b.text.len());
        }
    }

    #[test]
    fn prose_blocks() {
        check(
            "# Head line\n\nA *para* with [a link](http://x.example/y) here.\n\n- one\n- two\n\n> quoted para\n",
            &[
                "Head line",
                "A para with a link here.",
                "one",
                "two",
                "quoted para",
            ],
        );
        check(
            "| a | b |\n|---|---|\n| c d | e |\n",
            &["a", "b", "c d", "e"],
        );
        check("line one\nline two\n", &["line one line two"]);
    }

    #[test]
    fn masking() {
        check(
            "---\ntitle: The Story\n---\nText `code x` and <b>bold</b> end.\n\n```\nsaid reportedly\n```\n\n    indented code\n\n<div>\nhtml block\n</div>\n",
            &["Text \u{FFFC} and bold end."],
        );
        check(
            "See https://example.com/a?b=1, or <https://x.example> or mail a.b@example.org now.",
            &["See \u{FFFC}, or \u{FFFC} or mail \u{FFFC} now."],
        );
        check("![alt text](img.png) Caption here.", &["Caption here."]);
        check(
            "Go to WWW.Example.com/x, ftp://h.example/f or x@y.example. Fine. 24/7.",
            &["Go to \u{FFFC}, \u{FFFC} or \u{FFFC}. Fine. 24/7."],
        );
    }

    /// The URL matches of a text as the search of every white-space-delimited piece that may
    /// hold one finds them: what `push_text` must agree with.
    fn urls_by_piece(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for piece in text.split(char::is_whitespace) {
            let at = piece.as_ptr() as usize - text.as_ptr() as usize;
            out.extend(URL.find_iter(piece).map(|m| (at + m.start(), at + m.end())));
        }
        out
    }

    /// On random text of URL pieces, e-mail pieces, dots, slashes and white space of every
    /// kind, the pieces searched around the candidate bytes mask exactly what a search of
    /// every piece finds.
    #[test]
    fn url_masking_agrees_with_the_piece_search() {
        use proptest::prelude::*;
        let pieces = [
            "www.", "WwW.", "http://", "a", "b.c", "example", ".org", "/", "@", "x@y", ".", ",",
            " ", "\u{A0}", "\u{2003}", "\n", "é", "’", "24/7", "and/or", "ww", "w",
        ];
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(
                &proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..30),
                |ps| {
                    let text: String = ps.concat();
                    let mut block = Builder::new(text.len());
                    block.start(BlockKind::Paragraph, false, text.len());
                    let mut masked = Vec::new();
                    push_text(
                        &mut block,
                        &mut masked,
                        &mut UrlCandidates::default(),
                        &text,
                        &text,
                        Span::new(0, text.len()),
                    );
                    let got: Vec<(usize, usize)> =
                        masked.iter().map(|s| (s.start, s.end)).collect();
                    prop_assert_eq!(got, urls_by_piece(&text), "{:?}", text);
                    Ok(())
                },
            )
            .unwrap();
    }

    /// The windows of candidates give, for any source range asked about, in order or not,
    /// every `/` and `@` of the range and every `.` after a `w` or `W` of the range, as a
    /// scan of the range finds them; over a source longer than a window.
    #[test]
    fn candidate_windows_agree_with_a_scan() {
        use proptest::prelude::*;
        let pieces = [
            "w.", "W.", "www.", "/", "@", ".", "a", " ", "é", "\n", "ww", "x@y.z/",
        ];
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(
                &(
                    proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..40),
                    proptest::collection::vec((0usize..200, 0usize..60), 0..12),
                    1usize..4000,
                ),
                |(ps, asks, repeat)| {
                    let src = ps.concat().repeat(repeat.min(40_000 / ps.len().max(1)));
                    let b = src.as_bytes();
                    let mut cands = UrlCandidates::default();
                    let mut at = 0usize;
                    for (step, len) in asks {
                        // Mostly forward, now and then back.
                        let start = if step % 7 == 0 {
                            at.saturating_sub(step * 100)
                        } else {
                            at + step * 97
                        }
                        .min(b.len());
                        let end = (start + len * 331).min(b.len());
                        at = start;
                        let want: Vec<usize> = (start..end)
                            .filter(|&i| match b[i] {
                                b'/' | b'@' => true,
                                b'.' => i > start && matches!(b[i - 1], b'w' | b'W'),
                                _ => false,
                            })
                            .collect();
                        // (A `.` at the start of the range, after a `w` before it, may be
                        // given or not: no event's candidate.)
                        let got: Vec<usize> = cands
                            .within(b, start, end)
                            .iter()
                            .copied()
                            .filter(|&i| i > start || b[i] != b'.')
                            .collect();
                        prop_assert_eq!(got, want);
                    }
                    Ok(())
                },
            )
            .unwrap();
    }

    /// On random text of scheme, `www.`, address and punctuation pieces (ASCII, with and
    /// without white space), the matches read by hand are the regular expression's.
    #[test]
    fn web_addresses_read_by_hand_agree_with_the_regex() {
        use proptest::prelude::*;
        let pieces = [
            "www.", "WwW.", "http://", "HTTPS://", "https:/", "ftp://", "fTp://", "http", "s", "a",
            "_", "9", "b.c", ".", ",", ";", ":", "!", "?", ")", "]", "'", "\"", "<", ">", "/", "-",
            "(", " ", "\t", "\x0B", "\x0C", "\x1F", "ww", "w", "example", ".org", "x",
        ];
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(
                &proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..24),
                |ps| {
                    let text: String = ps.concat();
                    let mut got = Vec::new();
                    url_matches(&text, |s, e| got.push((s, e)));
                    let want: Vec<(usize, usize)> =
                        URL.find_iter(&text).map(|m| (m.start(), m.end())).collect();
                    prop_assert_eq!(got, want, "{:?}", text);
                    Ok(())
                },
            )
            .unwrap();
    }

    /// A block's debug form shows its own pieces only.
    #[test]
    fn debug_shows_the_blocks_own_pieces() {
        let d = parse("One *two* three.\n\nFour.\n");
        let last = format!("{:?}", d.blocks[1]);
        assert!(last.contains("Four.") && !last.contains("two"), "{last}");
        assert_eq!(last.matches("Seg {").count(), 1, "{last}");
    }

    #[test]
    fn identical_comments_keep_their_own_spans() {
        let src = "<!-- newslint-disable --> <!-- newslint-disable -->\n\nText.";
        let d = parse(src);
        let spans: Vec<&str> = d.comments.iter().map(|c| c.span.slice(src)).collect();
        assert_eq!(spans, ["<!-- newslint-disable -->"; 2]);
        assert_eq!(d.comments[1].span.start, 26);
    }

    /// A cursor reads the same spans as `Block::source_span`, for ranges in order, out of
    /// order and empty, over pieces of every kind (emphasis, escapes, entities, code, links,
    /// soft breaks); `source_span` answers as two searches (`source_start`, `source_end`) do.
    #[test]
    fn cursor_agrees_with_source_span() {
        let src = "Some **bold** and *it* words \\* and &amp; `code` more\nnext [link](http://x.example) \
                   line <https://y.example> end.";
        let d = parse(src);
        for b in &d.blocks {
            let n = b.text.len();
            let bounds: Vec<usize> = (0..=n).filter(|&i| b.text.is_char_boundary(i)).collect();
            for &s in &bounds {
                let mut cur = b.source_cursor();
                for &e in bounds.iter().filter(|&&e| e >= s) {
                    let want = if s >= e {
                        Span::new(b.source_start(s), b.source_start(s))
                    } else {
                        Span::new(b.source_start(s), b.source_end(e))
                    };
                    assert_eq!(b.source_span(s, e), want, "{s}..{e}");
                    assert_eq!(cur.source_span(s, e), want, "{s}..{e}");
                }
            }
            // Ranges walked in order with one cursor, then one out of order.
            let mut cur = b.source_cursor();
            for w in bounds.windows(2) {
                assert_eq!(cur.source_span(w[0], w[1]), b.source_span(w[0], w[1]));
            }
            assert_eq!(cur.source_span(0, 1), b.source_span(0, 1));
            assert_eq!(cur.source_span(n, n + 1), b.source_span(n, n + 1));
        }
    }

    #[test]
    fn spans_map_back() {
        let src = "Intro.\n\nSome **bold** words \\* and &amp; more.";
        let d = parse(src);
        let b = &d.blocks[1];
        let at = b.text.find("bold").unwrap();
        assert_eq!(b.source_span(at, at + 4).slice(src), "bold");
        let star = b.text.find('*').unwrap();
        assert_eq!(b.source_span(star, star + 1).slice(src), "*");
        let amp = b.text.find('&').unwrap();
        assert_eq!(b.source_span(amp, amp + 1).slice(src), "&amp;");
        let more = b.text.find("more").unwrap();
        assert_eq!(b.source_span(more, b.text.len()).slice(src), "more.");
    }

    #[test]
    fn titles_and_comments() {
        let d = parse("---\ntitle: \"Front Title\"\n---\n# Heading\n");
        let t = d.title.unwrap();
        assert_eq!(t.text, "Front Title");
        let d = parse(
            "Intro\n\n# The Head\n\n<!-- newslint-disable speculation -->\nText <!-- newslint-enable --> more\n",
        );
        let t = d.title.unwrap();
        assert_eq!((t.text.as_str(), t.block), ("The Head", Some(1)));
        let bodies: Vec<&str> = d.comments.iter().map(|c| c.body.as_str()).collect();
        assert_eq!(bodies, ["newslint-disable speculation", "newslint-enable"]);
        let src = "+++\ntitle = 'Toml'\n+++\nBody.\n";
        assert_eq!(parse(src).title.unwrap().text, "Toml");
    }
}
