//! The rule registry.
//!
//! Every rule is declared once, in its own file, with [`declare_rule!`](crate::declare_rule):
//! its id, default severity, whether it runs by default, and its documentation as its doc
//! comment. Families list their rules in their own `mod.rs`; [`all`] is every rule.

use crate::context::LintContext;
use crate::diagnostic::{Diagnostic, Severity};
use std::sync::LazyLock;

pub mod attribution;
pub mod names;
pub mod speculation;

/// The fixed sections every rule's documentation has, in order.
pub const DOC_SECTIONS: [&str; 6] = [
    "## What it flags",
    "## Why it matters",
    "## Example",
    "## Better",
    "## Fix safety",
    "## Options",
];

/// What is known about a rule without running it.
#[derive(Debug)]
pub struct RuleMeta {
    /// `family/name`, kebab-case.
    pub id: &'static str,
    /// Severity when configuration says nothing.
    pub default_severity: Severity,
    /// Whether the rule runs when configuration says nothing.
    pub enabled_by_default: bool,
    /// The raw doc comment (each line as written, with its leading space).
    pub raw_docs: &'static str,
}

impl RuleMeta {
    /// The family part of the id.
    pub fn family(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }

    /// The documentation as Markdown, with the doc comments' leading space removed.
    pub fn docs(&self) -> String {
        let mut out = String::with_capacity(self.raw_docs.len());
        for line in self.raw_docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim().to_string() + "\n"
    }

    /// The first line of the documentation: a one-line summary.
    pub fn summary(&self) -> String {
        self.docs()
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .unwrap_or("")
            .to_string()
    }
}

/// A rule: reads the shared understanding of a draft and reports diagnostics.
pub trait Rule: Send + Sync {
    /// The rule's declaration.
    fn meta(&self) -> &'static RuleMeta;
    /// Reports the rule's findings on `ctx` into `out`. Severity is set by the engine
    /// afterwards; rules may leave the default.
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>);
}

/// Declares a rule struct with its metadata; its doc comment is its documentation.
///
/// ```ignore
/// declare_rule! {
///     /// Flags hedges.
///     ///
///     /// ## What it flags
///     /// ...
///     pub struct Hedge {
///         id: "speculation/hedge",
///         severity: Warning,
///         enabled: true,
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            id: $id:literal,
            severity: $sev:ident,
            enabled: $en:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $name;

        impl $name {
            /// This rule's declaration.
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                id: $id,
                default_severity: $crate::diagnostic::Severity::$sev,
                enabled_by_default: $en,
                raw_docs: concat!($($doc, "\n"),*),
            };
        }
    };
}

/// Every rule, in a stable order (by family, then as each family lists them).
pub fn all() -> Vec<&'static dyn Rule> {
    registry().to_vec()
}

/// Every rule, sorted by id: [`all`] without the copy. Built once (every lint reads it).
pub(crate) fn registry() -> &'static [&'static dyn Rule] {
    static ALL: LazyLock<Vec<&'static dyn Rule>> = LazyLock::new(|| {
        let mut v: Vec<&'static dyn Rule> = Vec::new();
        v.extend_from_slice(attribution::RULES);
        v.extend_from_slice(names::RULES);
        v.extend_from_slice(speculation::RULES);
        v.sort_by_key(|r| r.meta().id);
        v
    });
    &ALL
}

/// The rule with this id.
pub fn by_id(id: &str) -> Option<&'static dyn Rule> {
    all().into_iter().find(|r| r.meta().id == id)
}

/// A word in lower case (`str::to_lowercase`) without an allocation for the common case: an
/// ASCII word of up to 32 bytes is lowered in a buffer on the stack, any other word allocated.
pub(crate) enum Lowered {
    /// An ASCII word lowered in place: the bytes and how many of them are used.
    Ascii([u8; 32], u8),
    /// Any other word, lowered by `str::to_lowercase`.
    Owned(String),
}

impl Lowered {
    /// `text` in lower case.
    pub(crate) fn new(text: &str) -> Lowered {
        if text.len() <= 32 && text.is_ascii() {
            let mut buf = [0u8; 32];
            buf[..text.len()].copy_from_slice(text.as_bytes());
            buf[..text.len()].make_ascii_lowercase();
            Lowered::Ascii(buf, text.len() as u8)
        } else {
            Lowered::Owned(text.to_lowercase())
        }
    }

    /// The lower-case text.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            // ASCII bytes are always UTF-8.
            Lowered::Ascii(buf, n) => std::str::from_utf8(&buf[..usize::from(*n)]).unwrap_or(""),
            Lowered::Owned(s) => s,
        }
    }
}

/// The pieces one after another, in one string of their length: a message of static parts
/// and words of the draft, built without formatting machinery.
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// The family names.
pub const FAMILIES: [&str; 3] = ["attribution", "names", "speculation"];

#[cfg(test)]
mod tests {
    use super::*;

    /// The engine's sort of findings relies on the registry being in the order of the ids.
    #[test]
    fn the_registry_is_sorted_by_id() {
        let r = registry();
        assert!(r.windows(2).all(|w| w[0].meta().id < w[1].meta().id));
        assert_eq!(all().len(), r.len());
    }

    /// A word lowered on the stack is the word lowered by the standard library.
    #[test]
    fn lowered_is_to_lowercase() {
        let long = "A".repeat(33);
        for w in [
            "",
            "Said",
            "CLAIMS",
            "x",
            "İstanbul",
            "\u{212A}elvin",
            "ÉTÉ",
            long.as_str(),
        ] {
            assert_eq!(Lowered::new(w).as_str(), w.to_lowercase(), "{w:?}");
        }
        assert_eq!(Lowered::new(&long[1..]).as_str(), long[1..].to_lowercase());
    }

    #[test]
    fn every_rule_is_well_declared() {
        let rules = all();
        assert!(!rules.is_empty());
        let mut seen = std::collections::HashSet::new();
        for r in &rules {
            let m = r.meta();
            assert!(seen.insert(m.id), "duplicate id {}", m.id);
            let (fam, name) = m.id.split_once('/').expect("id is family/name");
            assert!(FAMILIES.contains(&fam), "{} has an unknown family", m.id);
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                m.id
            );
            assert!(!m.summary().is_empty(), "{} has no summary", m.id);
            let docs = m.docs();
            let mut last = 0;
            for s in DOC_SECTIONS {
                let at = docs
                    .find(&format!("\n{s}\n"))
                    .unwrap_or_else(|| panic!("{} lacks the section {s:?}", m.id));
                assert!(at >= last, "{}: section {s:?} is out of order", m.id);
                last = at;
            }
        }
    }
}
