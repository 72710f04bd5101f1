use crate::analysis::names::house_preference;
use crate::context::LintContext;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// A name is spelled in a form the house style replaces.
    ///
    /// ## What it flags
    /// Spellings that the house style replaces with another. Built in are the Ukrainian place
    /// names in the forms that AP, Reuters and the BBC adopted: Kyiv (not Kiev), Kharkiv
    /// (Kharkov), Odesa (Odessa), Lviv (Lvov), Mykolaiv (Nikolaev), Zaporizhzhia (Zaporozhye)
    /// and Chornobyl (Chernobyl), and the other Ukrainian towns of the SpellingUkraine list
    /// whose Russian-derived forms are not also English words or other names. The exceptions
    /// stay: chicken Kiev, Kievan Rus, Dynamo Kiev's Soviet-era history and other historical
    /// contexts (a year before 1991, "Soviet"), and Chernobyl for the 1986 disaster.
    ///
    /// ## Why it matters
    /// AP switched to Kyiv in August 2019 "in line with the Ukrainian government's preferred
    /// transliteration", keeping chicken Kiev and historical uses; Reuters and the BBC made the
    /// same change. A newsroom's style list exists so that every story spells a place the same
    /// way.
    ///
    /// ## Example
    /// ```markdown
    /// Officials in Kiev said the convoy had reached Kharkov.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// Officials in Kyiv said the convoy had reached Kharkiv.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the fix replaces the spelling with the house style's; a historical context the
    /// rule did not see may need the old form. Text inside quotations is flagged but never
    /// rewritten.
    ///
    /// ## Options
    /// `[names.prefer]` in `newslint.toml` adds or overrides spellings, each preferred spelling
    /// with the spellings it replaces: `"Zelenskyy" = ["Zelenskiy", "Zelensky"]`.
    pub struct HouseStyle {
        id: "names/house-style",
        severity: Warning,
        enabled: true,
    }
}

/// Whether `occ` (spelled `form`) sits among words that keep the old spelling next to them
/// (chicken Kiev, Kievan Rus).
fn historical(ctx: &LintContext<'_>, occ: &crate::analysis::names::Occurrence, form: &str) -> bool {
    let prev = occ
        .tokens()
        .start
        .checked_sub(1)
        .map(|i| ctx.token_text(i).to_lowercase());
    if prev.as_deref() == Some("chicken") {
        return true;
    }
    let next = ctx
        .prose
        .tokens
        .get(occ.tokens().end)
        .filter(|t| t.sentence() == occ.sentence())
        .map(|_| ctx.token_text(occ.tokens().end).to_lowercase());
    if matches!(next.as_deref(), Some("rus")) {
        return true;
    }
    let sentence = ctx.sentence_text(occ.sentence());
    let lower = sentence.to_lowercase();
    if lower.contains("soviet") || lower.contains("tsar") || lower.contains("kievan") {
        return true;
    }
    if form == "Chernobyl"
        && ["1986", "disaster", "accident", "explosion", "meltdown"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return true;
    }
    // A year before Ukraine's independence.
    sentence
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<u32>().ok())
        .any(|y| (1000..1991).contains(&y))
}

impl Rule for HouseStyle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let names = ctx.names();
        // Each spelling is looked up once, at its first occurrence: for each spelling (by
        // number), 0 before that, 1 when the house style keeps it, 2 when it replaces it.
        let (numbers, count) = names.spelling_numbers();
        let mut replaced = vec![0u8; count];
        // (An occurrence is read only at its spelling's first occurrence, or when the house
        // style replaces its spelling: the numbers alone pass over the others.)
        let count_read = numbers.len().min(names.occurrences.len());
        for (i, &n) in numbers[..count_read].iter().enumerate() {
            let Some(state) = replaced.get_mut(n as usize) else {
                continue;
            };
            if *state == 1 {
                continue;
            }
            let occ = &names.occurrences[i];
            let form = names.form(occ);
            if *state == 0 {
                // (A byte loop: forms are a word or two, too short for a vectorised search.)
                let keep = form.bytes().any(|b| b == b' ')
                    || house_preference(form, ctx.settings).is_none_or(|p| p == form);
                *state = if keep { 1 } else { 2 };
            }
            if *state == 1 {
                continue;
            }
            let Some(pref) = house_preference(form, ctx.settings) else {
                continue;
            };
            if pref == form || historical(ctx, occ, form) {
                continue;
            }
            let mut d = Diagnostic::new(
                &Self::META,
                occ.span(),
                format!("House style spells this “{pref}”, not “{form}”."),
            );
            if occ.quoted {
                d = d.with_fix(
                    format!("Inside a quotation: keep “{form}”"),
                    Applicability::DisplayOnly,
                    Vec::new(),
                );
            } else {
                d = d.with_fix(
                    format!("Write “{pref}”"),
                    Applicability::Unsafe,
                    vec![Edit {
                        span: occ.span(),
                        replacement: pref.clone(),
                    }],
                );
            }
            out.push(d);
        }
    }
}
