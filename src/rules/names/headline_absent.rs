use crate::analysis::names::{keys, lexicon, morphological};
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::rules::{Rule, RuleMeta};
use rustc_hash::FxHashSet as HashSet;

crate::declare_rule! {
    /// A name in the headline never appears in the body.
    ///
    /// ## What it flags
    /// A name in the headline (the draft's title) that the body of the story never mentions,
    /// in any spelling: "Putin-Witkoff meeting" over a story that names neither man. Ordinary
    /// words, acronyms, and names the body mentions in another form (Russia for Russian) are
    /// left alone, and so is the word after a given name that the body gives someone in full
    /// ("Ken remark row" over a story about Ken Morley).
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
        if !names.occurrences.iter().any(|o| o.block() != title_block) {
            return;
        }
        // The body's name keys and forms, built only once a headline name needs them.
        let body = std::cell::OnceCell::new();
        let body = || {
            body.get_or_init(|| {
                let mut body_keys: HashSet<String> = HashSet::default();
                let mut body_forms: Vec<&str> = Vec::new();
                for o in names
                    .occurrences
                    .iter()
                    .filter(|o| o.block() != title_block)
                {
                    for part in names.form(o).split(['-', ' ']) {
                        body_keys.extend(keys(part));
                        body_forms.push(part);
                    }
                    body_keys.extend(keys(names.form(o)));
                }
                (body_keys, body_forms)
            })
        };
        let name_like = |p: &str| {
            p.chars().count() >= 3
                && p.chars().next().is_some_and(char::is_uppercase)
                && !p.chars().skip(1).any(char::is_uppercase)
                && !lexicon::is_stop(p)
                && !lexicon::is_title_word(p)
                && !lexicon::is_common(&p.to_lowercase())
                && !names.used_in_lower_case(ctx.draft, ctx.prose, p)
        };
        let absent = |p: &str| {
            let (body_keys, body_forms) = body();
            !keys(p).iter().any(|k| body_keys.contains(k))
                && !body_forms.iter().any(|b| morphological(b, p))
        };
        let title: Vec<&crate::analysis::names::Occurrence> = names
            .occurrences
            .iter()
            .filter(|o| o.block() == title_block && !names.form(o).contains(' '))
            .collect();
        for (i, o) in title.iter().enumerate() {
            // Only names the headline marks as people: two surnames joined by a hyphen
            // ("Putin-Witkoff talks"), a given name and a surname, or a title and a name.
            // The parts between hyphens: the first two, and whether there are more (read in
            // place, not collected).
            let mut split = names.form(o).split('-');
            let (first, second, more) = (split.next(), split.next(), split.next().is_some());
            let mut people: Vec<&str> = Vec::new();
            if let (Some(a), Some(b), false) = (first, second, more) {
                if name_like(a) && name_like(b) {
                    people.extend([a, b].into_iter().filter(|p| absent(p)));
                }
            } else if second.is_none() && name_like(names.form(o)) {
                let prev = i.checked_sub(1).and_then(|k| title.get(k));
                // A given name before it, unless the body names someone in full with that given
                // name: then the headline calls that person by it ("Ken" for Ken Morley), and
                // the next word need not be a surname.
                let after_given = prev.is_some_and(|p| {
                    p.mention() == o.mention()
                        && p.tokens().end == o.tokens().start
                        && lexicon::is_given(&names.form(p).to_lowercase())
                        && !names.occurrences.iter().any(|b| {
                            b.block() != title_block && names.first_name(b) == Some(names.form(p))
                        })
                });
                let titled = names
                    .mentions
                    .get(o.mention())
                    .is_some_and(|m| m.has_title() && m.head() == names_index(names, o));
                if (after_given || titled) && absent(names.form(o)) {
                    people.push(names.form(o));
                }
            }
            if people.is_empty() {
                continue;
            }
            let list = people
                .iter()
                .map(|p| format!("“{p}”"))
                .collect::<Vec<_>>()
                .join(" and ");
            out.push(Diagnostic::new(
                &Self::META,
                o.span(),
                format!("The headline names {list}, but the story never mentions them."),
            ));
        }
    }
}

/// The index of `o` in the draft's occurrences.
fn names_index(
    names: &crate::analysis::names::Names,
    o: &crate::analysis::names::Occurrence,
) -> usize {
    names
        .occurrences
        .iter()
        .position(|x| std::ptr::eq(x, o))
        .unwrap_or(usize::MAX)
}
