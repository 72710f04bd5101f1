//! Suppression comments.
//!
//! * `<!-- newslint-disable-next-line RULE… -->`: the next non-blank line;
//! * `<!-- newslint-disable RULE… -->` … `<!-- newslint-enable RULE… -->`: a region (to the
//!   end of the file when never enabled again);
//! * `<!-- newslint-disable-file RULE… -->`: the whole file, wherever the comment is.
//!
//! RULE is a rule id (`speculation/hedge`) or a family (`speculation`); no names means every
//! rule. `newslint-enable` with no names ends every open region; with names, it ends the
//! regions opened for exactly those names.

use crate::diagnostic::Diagnostic;
use crate::markdown::Comment;
use crate::text::{LineIndex, Span};

#[derive(Clone, Debug, PartialEq, Eq)]
enum Target {
    All,
    Name(String),
}

impl Target {
    fn matches(&self, rule: &str) -> bool {
        match self {
            Target::All => true,
            // The rule itself, or its family: the part of its id before the first `/`.
            Target::Name(n) => {
                rule == n
                    || rule.len() > n.len()
                        && rule.as_bytes()[n.len()] == b'/'
                        && rule.starts_with(n.as_str())
                        && !n.contains('/')
            }
        }
    }
}

/// The suppressions a draft's comments declare.
#[derive(Clone, Debug, Default)]
pub struct Suppressions {
    file: Vec<Target>,
    regions: Vec<(Target, Span)>,
    /// Next-line targets with the byte offsets of their line (those [`LineIndex::line_of`]
    /// puts on it: from its start to the next line's), in line order.
    lines: Vec<(Target, std::ops::Range<usize>)>,
    /// For each window of [`WINDOW`] offsets of the text, the index in `lines` of the first
    /// entry that ends after the window's start (empty when `lines` is): the search for an
    /// offset's line starts in its window, among the few entries that end inside it.
    first_line: Vec<usize>,
}

/// The width in bytes of a window of [`Suppressions`]' index of suppressed lines.
const WINDOW: usize = 4096;

/// A suppression directive parsed from a comment body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Directive {
    /// `newslint-disable-next-line`.
    NextLine(Vec<String>),
    /// `newslint-disable`.
    Disable(Vec<String>),
    /// `newslint-enable`.
    Enable(Vec<String>),
    /// `newslint-disable-file`.
    File(Vec<String>),
}

/// Parses a comment body such as `newslint-disable speculation attribution/vague-source`.
/// Names may be separated by spaces or commas.
pub fn parse_directive(body: &str) -> Option<Directive> {
    let mut words = body
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let head = words.next()?;
    let names: Vec<String> = words.map(str::to_string).collect();
    Some(match head {
        "newslint-disable-next-line" => Directive::NextLine(names),
        "newslint-disable" => Directive::Disable(names),
        "newslint-enable" => Directive::Enable(names),
        "newslint-disable-file" => Directive::File(names),
        _ => return None,
    })
}

fn targets(names: &[String]) -> Vec<Target> {
    if names.is_empty() {
        vec![Target::All]
    } else {
        names.iter().map(|n| Target::Name(n.clone())).collect()
    }
}

impl Suppressions {
    /// Reads the suppressions of `comments` in `source`.
    pub fn new(source: &str, comments: &[Comment], index: &LineIndex) -> Suppressions {
        let mut s = Suppressions::default();
        let mut open: Vec<(Target, usize)> = Vec::new();
        for c in comments {
            match parse_directive(&c.body) {
                Some(Directive::File(n)) => s.file.extend(targets(&n)),
                Some(Directive::Disable(n)) => {
                    open.extend(targets(&n).into_iter().map(|t| (t, c.span.end)))
                }
                Some(Directive::Enable(n)) => {
                    let close = targets(&n);
                    let mut keep = Vec::new();
                    for (t, start) in open.drain(..) {
                        if close.contains(&Target::All) || close.contains(&t) {
                            s.regions.push((t, Span::new(start, c.span.start)));
                        } else {
                            keep.push((t, start));
                        }
                    }
                    open = keep;
                }
                Some(Directive::NextLine(n)) => {
                    let mut line = index.line_of(c.span.end) + 1;
                    while line < index.line_count()
                        && index
                            .line_span(line)
                            .is_some_and(|sp| sp.slice(source).trim().is_empty())
                    {
                        line += 1;
                    }
                    // A line past the end holds no offset.
                    if let Some(at) = line_offsets(index, line) {
                        s.lines
                            .extend(targets(&n).into_iter().map(|t| (t, at.clone())));
                    }
                }
                None => {}
            }
        }
        for (t, start) in open {
            s.regions.push((t, Span::new(start, source.len())));
        }
        // By line, for the search in `suppresses`.
        s.lines.sort_by_key(|(_, l)| l.start);
        if !s.lines.is_empty() {
            let mut i = 0;
            s.first_line = (0..=source.len() / WINDOW)
                .map(|w| {
                    while s.lines.get(i).is_some_and(|(_, l)| l.end <= w * WINDOW) {
                        i += 1;
                    }
                    i
                })
                .collect();
        }
        s
    }

    /// Whether `d` is suppressed. (`_index`, the text's line index, is no longer read: the
    /// lines were placed when the suppressions were read.)
    pub fn suppresses(&self, d: &Diagnostic, _index: &LineIndex) -> bool {
        if self.file.iter().any(|t| t.matches(d.rule)) {
            return true;
        }
        // Where first, then which rule: most regions are elsewhere.
        if self
            .regions
            .iter()
            .any(|(t, r)| r.start <= d.span.start && d.span.start < r.end && t.matches(d.rule))
        {
            return true;
        }
        if self.lines.is_empty() {
            return false;
        }
        // The line of the finding's start, found among the few suppressed lines rather than
        // among every line of the text (the ranges are in order, and disjoint or the same):
        // among those that end in its window, when it has one.
        let at = d.span.start;
        let w = at / WINDOW;
        let from = match self.first_line.get(w) {
            Some(&i) => {
                // Entries from the next window's first on end after this window.
                let j = self
                    .first_line
                    .get(w + 1)
                    .copied()
                    .unwrap_or(self.lines.len());
                i + self
                    .lines
                    .get(i..j)
                    .unwrap_or(&[])
                    .partition_point(|(_, l)| l.end <= at)
            }
            None => self.lines.partition_point(|(_, l)| l.end <= at),
        };
        self.lines[from..]
            .iter()
            .take_while(|(_, l)| l.contains(&at))
            .any(|(t, _)| t.matches(d.rule))
    }
}

/// The byte offsets that [`LineIndex::line_of`] puts on line `line`: from its start (0 for
/// the first line, whose start may follow a byte-order mark) to the next line's start (to the
/// end of all offsets for the last line); `None` past the last line.
fn line_offsets(index: &LineIndex, line: usize) -> Option<std::ops::Range<usize>> {
    let start = if line == 0 {
        0
    } else {
        index.line_span(line)?.start
    };
    let end = index.line_span(line + 1).map_or(usize::MAX, |s| s.start);
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives() {
        assert_eq!(
            parse_directive("newslint-disable speculation, attribution/vague-source"),
            Some(Directive::Disable(vec![
                "speculation".into(),
                "attribution/vague-source".into()
            ]))
        );
        assert_eq!(
            parse_directive("newslint-enable"),
            Some(Directive::Enable(vec![]))
        );
        assert_eq!(parse_directive("newslint-frobnicate"), None);
    }

    /// A name matches a rule as its id or as the part of its id before the first `/`.
    #[test]
    fn targets_match_rules_and_families() {
        let names = ["", "a", "a/", "a/b", "a/b/c", "ab", "b", "/", "/b", "a/bc"];
        for n in names {
            for rule in names {
                let want = rule == n || rule.split('/').next() == Some(n);
                assert_eq!(
                    Target::Name(n.to_string()).matches(rule),
                    want,
                    "{n:?} {rule:?}"
                );
            }
        }
    }

    /// The offsets of a line are those `LineIndex::line_of` puts on it, whatever the line
    /// ends (LF, CRLF, a lone CR), with a byte-order mark, and past the end of the text.
    #[test]
    fn line_offsets_are_those_of_line_of() {
        for text in [
            "",
            "a",
            "\n",
            "one\ntwo\r\nthree\rfour\n\n",
            "\u{feff}bom\r\n\r\nx",
            "\u{feff}",
            "\r\r\n\n",
        ] {
            let index = LineIndex::new(text);
            for line in 0..index.line_count() + 2 {
                let at = line_offsets(&index, line);
                for off in 0..text.len() + 3 {
                    let want = line < index.line_count() && index.line_of(off) == line;
                    assert_eq!(
                        at.as_ref().is_some_and(|r| r.contains(&off)),
                        want,
                        "{text:?} line {line} offset {off}"
                    );
                }
            }
        }
    }

    /// A next-line comment suppresses its rule on the next line that is not blank, and
    /// nothing on other lines or of other rules.
    #[test]
    fn next_line_suppresses_that_line_only() {
        let src = "<!-- newslint-disable-next-line speculation -->\r\n\r\nTarget line.\nOther.\n";
        let d = crate::markdown::parse(src);
        let index = LineIndex::new(src);
        let sup = Suppressions::new(src, &d.comments, &index);
        let at = |start: usize, rule: &'static str| Diagnostic {
            rule,
            severity: crate::diagnostic::Severity::Info,
            message: String::new(),
            span: Span::new(start, start + 1),
            related: Vec::new(),
            fixes: Vec::new(),
        };
        let target = src.find("Target").unwrap();
        let other = src.find("Other").unwrap();
        for off in 0..src.len() {
            let want = index.line_of(off) == index.line_of(target);
            assert_eq!(
                sup.suppresses(&at(off, "speculation/hedge"), &index),
                want,
                "{off}"
            );
            assert!(!sup.suppresses(&at(off, "names/drift"), &index));
        }
        assert!(!sup.suppresses(&at(other, "speculation/hedge"), &index));
    }

    /// Over texts of many windows, with next-line comments close together and far apart
    /// (several in one window, none in others, on the last line), a finding is suppressed
    /// exactly when its start is on a line a comment names.
    #[test]
    fn windows_of_suppressed_lines_agree_with_line_of() {
        // xorshift64*: a fixed sequence of cases.
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = move |n: u64| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % n
        };
        for case in 0..40 {
            let mut src = String::new();
            let lines = 20 + next(400);
            for _ in 0..lines {
                match next(8) {
                    0 => src.push_str("<!-- newslint-disable-next-line speculation -->\n"),
                    1 => src.push('\n'),
                    _ => {
                        let n = next(if case % 2 == 0 { 60 } else { 900 }) as usize;
                        src.push_str(&"word ".repeat(n / 5 + 1));
                        src.push('\n');
                    }
                }
            }
            if case % 3 == 0 {
                src.push_str("<!-- newslint-disable-next-line speculation -->\nlast");
            }
            let d = crate::markdown::parse(&src);
            let index = LineIndex::new(&src);
            let sup = Suppressions::new(&src, &d.comments, &index);
            let mut plain = sup.clone();
            plain.first_line.clear();
            for off in (0..src.len() + 2).step_by(7) {
                let diag = Diagnostic {
                    rule: "speculation/hedge",
                    severity: crate::diagnostic::Severity::Info,
                    message: String::new(),
                    span: Span::new(off, off),
                    related: Vec::new(),
                    fixes: Vec::new(),
                };
                let want = sup.lines.iter().any(|(_, l)| l.contains(&off));
                assert_eq!(
                    sup.suppresses(&diag, &index),
                    want,
                    "case {case} offset {off}"
                );
                assert_eq!(
                    plain.suppresses(&diag, &index),
                    want,
                    "case {case} offset {off}"
                );
            }
        }
    }
}
