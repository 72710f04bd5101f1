use crate::context::LintContext;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// A name is spelled more than one way in the same draft.
    ///
    /// ## What it flags
    /// A person, place or organisation whose name is written two or more ways: transliteration
    /// drift (Zelenskiy / Zelensky, Sergey / Sergei), diacritics (José / Jose), doubled letters
    /// (Phillips / Philips), ie/ei, -son/-sen, a hyphen or a space (Baxter-Holm / Baxter Holm),
    /// Russian- and Ukrainian-derived forms (Kharkov / Kharkiv), and one-letter slips in longer
    /// names where the context agrees: the main spelling is a person's (it comes with a given
    /// name or a title) or a name the dictionary knows. The diagnostic sits on the spelling the
    /// draft should not use, and points to the other spellings. Names inside quotations count
    /// too: a name is a name.
    ///
    /// Left alone: words that are different names (Davis and David, Iran and Iraq, Obama and
    /// Osama); related words (Russia and Russian); surnames that come with different given
    /// names, and given names before different surnames (Lorena Ruiz, Lorenza Cole); a word of a
    /// longer name against a name of its own (Rui Chie Tam, Chile); a person against a place or
    /// an ordinary word (Mr Lincolne, Lincoln); two players a letter apart in a team sheet; two
    /// spellings introduced in one sentence and both used again (a gloss: "Tervola to the
    /// Finns, Tarvola to the Swedes"); and a headline's dropped accent. A spelling that
    /// `names/house-style` replaces (Kiev beside Kyiv) is reported by that rule alone, so one
    /// word never carries two findings; with house-style off, this rule reports it.
    ///
    /// ## Why it matters
    /// Reuters and AP style guides both ask for one spelling per name, following the house
    /// style or the person's own preference, used consistently throughout the story; BBC News
    /// style keeps a list of preferred transliterations for the same reason. Readers notice a
    /// name spelled two ways and ask whether the story is about two people.
    ///
    /// ## Example
    /// ```markdown
    /// Volodymyr Zelenskiy met the envoys. Zelensky said talks would go on.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// Volodymyr Zelenskiy met the envoys. Zelenskiy said talks would go on.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the fix rewrites every occurrence of the flagged spelling to the chosen one (the
    /// house style's, else the spelling of the first full-name mention, else the most frequent).
    /// Occurrences inside quotations are never rewritten. Review it: two people can have names
    /// that differ by one letter.
    ///
    /// ## Options
    /// `[names.prefer]` in `newslint.toml` chooses the spelling, e.g.
    /// `"Zelenskyy" = ["Zelenskiy", "Zelensky"]`.
    pub struct InconsistentSpelling {
        id: "names/inconsistent-spelling",
        severity: Warning,
        enabled: true,
    }
}

impl Rule for InconsistentSpelling {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let names = ctx.names();
        // A spelling that names/house-style already replaces is reported there, with its fix.
        let house_style_on = ctx
            .settings
            .severity(&super::house_style::HouseStyle::META)
            .is_some();
        let replaced_by_house_style = |form: &str| {
            house_style_on
                && crate::analysis::names::house_preference(form, ctx.settings)
                    .is_some_and(|p| p != form)
        };
        for g in &names.variants {
            for s in g
                .spellings
                .iter()
                .filter(|s| s.form != g.main && !replaced_by_house_style(&s.form))
            {
                let Some(&first) = s.occurrences.first() else {
                    continue;
                };
                let Some(occ) = names.occurrences.get(first) else {
                    continue;
                };
                let others: Vec<String> = g
                    .spellings
                    .iter()
                    .filter(|o| o.form != s.form)
                    .map(|o| format!("“{}”", o.form))
                    .collect();
                let mut d = Diagnostic::new(
                    &Self::META,
                    occ.span(),
                    format!(
                        "“{}” is also spelled {} in this draft; use one spelling.",
                        s.form,
                        others.join(" and ")
                    ),
                );
                for o in &g.spellings {
                    for &i in &o.occurrences {
                        if i == first {
                            continue;
                        }
                        if let Some(oc) = names.occurrences.get(i) {
                            d = d.with_related(oc.span(), format!("written “{}” here", o.form));
                        }
                    }
                }
                let edits: Vec<Edit> = s
                    .occurrences
                    .iter()
                    .filter_map(|&i| names.occurrences.get(i))
                    .filter(|o| !o.quoted)
                    .map(|o| Edit {
                        span: o.span(),
                        replacement: g.chosen.clone(),
                    })
                    .collect();
                if !edits.is_empty() {
                    d = d.with_fix(
                        format!("Spell it “{}” throughout", g.chosen),
                        Applicability::Unsafe,
                        edits,
                    );
                }
                out.push(d);
            }
        }
    }
}
