use crate::analysis::names::{Mention, Names, lexicon};
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// A person's first mention lacks the full name.
    ///
    /// ## What it flags
    /// A person introduced by surname alone, or by a title and surname ("Ukrainian President
    /// Zelenskiy"), when the draft never gives the person's full name; and a first mention by
    /// surname when the full name only comes later. Royal, papal and similar single-name
    /// titles (King, Pope, Prince, Sir with a given name) are left alone. With the option
    /// `flag-repeated-full-name`, also a full name repeated long after the first reference.
    ///
    /// ## Why it matters
    /// AP style: use a person's first and last name on first reference, and the last name
    /// alone after that; Reuters and BBC News style say the same. A reader who meets
    /// "Zelenskiy" cold may not know who is meant, and a full name is what makes a person
    /// findable and unambiguous.
    ///
    /// ## Example
    /// ```markdown
    /// The plan was welcomed by Ukrainian President Zelenskiy.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// The plan was welcomed by Ukrainian President Volodymyr Zelenskiy.
    /// ```
    ///
    /// ## Fix safety
    /// No fix: only the writer knows the full name.
    ///
    /// ## Options
    /// `flag-repeated-full-name` (`[names]` in `newslint.toml`, default false): also report a
    /// full name repeated after the first reference, four paragraphs or more after the
    /// person was last mentioned.
    pub struct FirstReference {
        id: "names/first-reference",
        severity: Warning,
        enabled: true,
    }
}

/// Titles that go with a single name by custom.
fn single_name_title(title: &str) -> bool {
    title.split(' ').any(|w| {
        matches!(
            w,
            "King"
                | "Queen"
                | "Pope"
                | "Prince"
                | "Princess"
                | "Emperor"
                | "Sheikh"
                | "Ayatollah"
                | "Father"
                | "Cardinal"
                | "Bishop"
                | "Archbishop"
                | "Lord"
                | "Lady"
                | "Sir"
                | "Dame"
        )
    })
}

/// The mentions of each person, keyed by the plain spelling of the surname.
fn is_person_title(names: &Names, m: &Mention) -> bool {
    names.title(m).is_some_and(|t| {
        t.split(' ')
            .any(|w| lexicon::is_title_head(w) && !lexicon::is_courtesy(w))
            && !single_name_title(t)
            && !t
                .split(' ')
                .any(|w| matches!(w, "Dr" | "Prof" | "Professor" | "Captain" | "Judge"))
    })
}

impl Rule for FirstReference {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let names = ctx.names();
        let flag_repeated = ctx.settings.names.flag_repeated_full_name;
        for ms in names.people() {
            // The person's mentions outside headings (read in place, not collected).
            let body = || {
                ms.iter()
                    .filter_map(|&i| names.mentions.get(i))
                    .filter(|m| !m.heading)
            };
            let Some(first) = body().next() else {
                continue;
            };
            // A full name first: nothing to report unless repeated full names are.
            if first.is_full() && !flag_repeated {
                continue;
            }
            let Some(head) = names.occurrences.get(first.head()) else {
                continue;
            };
            let head_form = names.form(head);
            if head_form
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            {
                continue;
            }
            // The head must be a surname: not a given name, a common word or a title.
            if lexicon::is_given_lowered(head_form) || lexicon::is_title_word(head_form) {
                continue;
            }
            if first.is_full() {
                repeated(ctx, &body().collect::<Vec<_>>(), out);
                continue;
            }
            let any_full = ms
                .iter()
                .filter_map(|&i| names.mentions.get(i))
                .any(Mention::is_full);
            if names.title(first).is_some_and(single_name_title) {
                continue;
            }
            // Names an English dictionary knows (Obama, Reagan, Thatcher) belong to people
            // well enough known to go by title and surname, or are too common to judge.
            if lexicon::is_known_proper(head_form) || lexicon::is_common_lowered(head_form) {
                continue;
            }
            // "Defence Minister Gen Nakatani": a second title word may be a given name.
            if names
                .title(first)
                .is_some_and(|t| t.split(' ').filter(|w| lexicon::is_title_head(w)).count() > 1)
            {
                continue;
            }
            if !any_full {
                // Only a person the draft itself marks as one: by a formal title.
                if !is_person_title(names, first) {
                    continue;
                }
                let shown = match names.title(first) {
                    Some(t) => format!("{t} {head_form}"),
                    None => head_form.to_string(),
                };
                let span = first
                    .title_span()
                    .map_or(first.span(), |t| t.cover(first.span()));
                out.push(Diagnostic::new(
                    &Self::META,
                    span,
                    format!(
                        "“{shown}” is never given a full name: name the person in full on \
                         first reference."
                    ),
                ));
            } else if is_person_title(names, first) {
                let Some(full) = body().find(|m| m.is_full()) else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        &Self::META,
                        first.span(),
                        format!(
                            "First reference to {} uses the surname alone; the full name \
                             comes only later.",
                            head_form
                        ),
                    )
                    .with_related(full.span(), "the full name is here"),
                );
            }
        }
    }
}

/// A full name repeated four paragraphs or more after the person was last mentioned.
fn repeated(ctx: &LintContext<'_>, body: &[&Mention], out: &mut Vec<Diagnostic>) {
    let Some(first) = body.first() else {
        return;
    };
    let mut last_block = first.block;
    for m in body.iter().skip(1) {
        if m.is_full() && !m.quoted && m.block >= last_block + 4 {
            out.push(
                Diagnostic::new(
                    &FirstReference::META,
                    m.span(),
                    "The full name is repeated after the first reference; the surname alone is \
                     enough.",
                )
                .with_related(first.span(), "first reference"),
            );
        }
        last_block = m.block;
    }
    let _ = ctx;
}
