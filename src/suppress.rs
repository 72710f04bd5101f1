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
    /// Next-line targets with their line, in line order.
    lines: Vec<(Target, usize)>,
}

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
                    s.lines.extend(targets(&n).into_iter().map(|t| (t, line)));
                }
                None => {}
            }
        }
        for (t, start) in open {
            s.regions.push((t, Span::new(start, source.len())));
        }
        // By line, for the search in `suppresses`.
        s.lines.sort_by_key(|&(_, l)| l);
        s
    }

    /// Whether `d` is suppressed.
    pub fn suppresses(&self, d: &Diagnostic, index: &LineIndex) -> bool {
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
        if !self.lines.is_empty() {
            let line = index.line_of(d.span.start);
            let from = self.lines.partition_point(|&(_, l)| l < line);
            return self.lines[from..]
                .iter()
                .take_while(|&&(_, l)| l == line)
                .any(|(t, _)| t.matches(d.rule));
        }
        false
    }
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
}
