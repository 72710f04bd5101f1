use crate::analysis::names::{keys, lexicon, morphological};
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::rules::{Rule, RuleMeta};
use std::collections::HashSet;

crate::declare_rule! {
    /// A name in the headline never appears in the body.
    ///
    /// ## What it flags
    /// A name in the headline (the draft's title) that the body of the story never mentions,
    /// in any spelling: "Putin-Witkoff meeting" over a story that names neither man. Ordinary
    /// words, acronyms, and names the body mentions in another form (Russia for Russian) are
    /// left alone.
    ///
    /// ## Why it matters
    /// The BBC's and Reuters' guidance on headlines is that a headline must be supported by the
    /// story beneath it. A headline that names someone the story never mentions promises what
    /// the copy does not deliver, and is often the mark of a story rewritten after its headline.
    ///
    /// ## Example
    /// ```markdown
    /// # Lindqvist talks stall
    ///
    /// Negotiators left the capital without an agreement.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// # Lindqvist talks stall
    ///
    /// Negotiators led by Anna Lindqvist left the capital without an agreement.
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the body needs the person, or the headline needs rewriting.
    ///
    /// ## Options
    /// None.
    pub struct HeadlineAbsent {
        id: "names/headline-absent",
        severity: Warning,
        enabled: true,
    }
}

impl Rule for HeadlineAbsent {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let Some(title_block) = ctx.draft.title.as_ref().and_then(|t| t.block) else {
            return;
        };
        let names = ctx.names();
        let mut body_keys: HashSet<String> = HashSet::new();
        let mut body_forms: Vec<&str> = Vec::new();
        for o in names.occurrences.iter().filter(|o| o.block != title_block) {
            for part in o.form.split(['-', ' ']) {
                body_keys.extend(keys(part));
                body_forms.push(part);
            }
            body_keys.extend(keys(&o.form));
        }
        if body_forms.is_empty() {
            return;
        }
        for o in names.occurrences.iter().filter(|o| o.block == title_block) {
            let absent: Vec<&str> = o
                .form
                .split('-')
                .filter(|p| {
                    let lower = p.to_lowercase();
                    p.chars().count() >= 4
                        && !(p.ends_with("ish") || p.ends_with("ese") || p.ends_with("an"))
                        && p.chars().next().is_some_and(char::is_uppercase)
                        && !lexicon::is_stop(p)
                        && !lexicon::is_title_word(p)
                        && !p.chars().skip(1).any(char::is_uppercase)
                        && !lexicon::is_common(&lower)
                        && !names.used_in_lower_case(p)
                        && !keys(p).iter().any(|k| body_keys.contains(k))
                        && !body_forms.iter().any(|b| morphological(b, p))
                })
                .collect();
            if absent.is_empty() {
                continue;
            }
            let list = absent
                .iter()
                .map(|p| format!("“{p}”"))
                .collect::<Vec<_>>()
                .join(" and ");
            out.push(Diagnostic::new(
                &Self::META,
                o.span,
                format!("The headline names {list}, but the story never mentions them."),
            ));
        }
    }
}
