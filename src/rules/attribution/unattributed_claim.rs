use crate::analysis::attribution::{Scope, W, is_cue_word, sentence_words};
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::prose::TokenKind;
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// Flags a claim a reader would want sourced when nothing in scope attributes it.
    ///
    /// ## What it flags
    /// A sentence outside direct quotations that asserts something checkable — figures and
    /// statistics, money, casualties, accusations and crimes, what was said in private,
    /// causes ("led to", "because of"), superlatives and records, predictions stated as
    /// fact — when it has no attribution of its own, is not inside an attributed quotation,
    /// and does not continue the reported speech of an attributed sentence in the same
    /// paragraph. Background is not a claim: dates of public events, geography, a person's
    /// office. Each signal is weighed; a sentence is flagged only when the evidence adds up.
    ///
    /// ## Why it matters
    /// AP: "AP news reports must attribute any disputable facts that were not witnessed,
    /// gathered or confirmed on our own." Reuters: source every statement "unless it is an
    /// established fact". The BBC: claims and material facts that cannot be corroborated
    /// "should normally be attributed".
    ///
    /// ## Example
    /// ```markdown
    /// The new bypass cut journey times by 40 percent.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// The new bypass cut journey times by 40 percent, according to the county's transport
    /// department.
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the source is the reporter's to add.
    ///
    /// ## Options
    /// None.
    pub struct UnattributedClaim {
        id: "attribution/unattributed-claim",
        severity: Warning,
        enabled: true,
    }
}

impl Rule for UnattributedClaim {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let atts = ctx.attributions();
        let mut paragraph_attributed = vec![false; ctx.draft.blocks.len()];
        for s in &atts.sentences {
            if s.scope == Scope::Own
                && let Some(b) = ctx.prose.sentences.get(s.sentence).map(|x| x.block)
                && let Some(slot) = paragraph_attributed.get_mut(b)
            {
                *slot = true;
            }
        }
        for (i, s) in atts.sentences.iter().enumerate() {
            if s.is_attributed() || !s.attributions.is_empty() {
                continue;
            }
            let Some(sent) = ctx.prose.sentences.get(i) else {
                continue;
            };
            if ctx
                .draft
                .blocks
                .get(sent.block)
                .is_none_or(|b| b.is_heading())
            {
                continue;
            }
            // An attribution elsewhere in the paragraph covers it: news copy states the
            // source once per paragraph ("Sales fell 5%. The weather was to blame, the firm
            // said.").
            if paragraph_attributed[sent.block] {
                continue;
            }
            let ws = sentence_words(ctx.draft, ctx.prose, i);
            if let Some(span) = claim(&ws) {
                out.push(Diagnostic::new(
                    &Self::META,
                    span,
                    "Who says so? This claim has no source.",
                ));
            }
        }
    }
}

const MONTHS: [&str; 24] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const UNITS: [&str; 14] = [
    "percent", "per", "%", "million", "billion", "trillion", "thousand", "bn", "m", "tonnes",
    "barrels", "jobs", "people", "times",
];

const CASUALTY: [&str; 14] = [
    "killed",
    "dead",
    "died",
    "deaths",
    "death",
    "injured",
    "wounded",
    "casualties",
    "massacre",
    "massacred",
    "murdered",
    "executed",
    "slaughtered",
    "victims",
];

const ACCUSATION: [&str; 22] = [
    "corruption",
    "corrupt",
    "fraud",
    "bribe",
    "bribes",
    "bribery",
    "stole",
    "stolen",
    "embezzled",
    "illegally",
    "illegal",
    "crimes",
    "genocide",
    "laundering",
    "smuggling",
    "rigged",
    "tortured",
    "lied",
    "cover-up",
    "abused",
    "colluded",
    "violated",
];

const CAUSAL: [&str; 10] = [
    "caused",
    "causing",
    "triggered",
    "sparked",
    "prompted",
    "fuelled",
    "fueled",
    "resulted",
    "stemming",
    "responsible",
];

const CHANGE: [&str; 26] = [
    "rose",
    "fell",
    "increased",
    "decreased",
    "doubled",
    "tripled",
    "halved",
    "cut",
    "raised",
    "grew",
    "dropped",
    "declined",
    "jumped",
    "slumped",
    "surged",
    "soared",
    "plunged",
    "lost",
    "gained",
    "created",
    "spent",
    "voted",
    "passed",
    "vetoed",
    "signed",
    "cost",
];

const SUPERLATIVE: [&str; 18] = [
    "most",
    "least",
    "largest",
    "biggest",
    "highest",
    "lowest",
    "worst",
    "best",
    "fastest",
    "greatest",
    "smallest",
    "first",
    "only",
    "longest",
    "deadliest",
    "strongest",
    "weakest",
    "richest",
];

/// Words of sport results.
const SPORT: [&str; 24] = [
    "scored",
    "goal",
    "goals",
    "match",
    "matches",
    "victory",
    "defeat",
    "beat",
    "race",
    "championship",
    "seconds",
    "medal",
    "final",
    "semi-final",
    "quarter-final",
    "season",
    "league",
    "tournament",
    "cup",
    "try",
    "tries",
    "wickets",
    "innings",
    "seeded",
];

/// "-est" words that are not superlatives.
const NOT_SUPERLATIVE: [&str; 10] = [
    "interest", "request", "protest", "contest", "conquest", "harvest", "arrest", "honest",
    "latest", "earliest",
];

/// Numbers written as words.
const NUMBER_WORDS: [&str; 22] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "dozens",
];

/// Subjects whose figures are checkable: public money, the economy, jobs, crime.
const TOPICS: [&str; 22] = [
    "taxes",
    "tax",
    "deficit",
    "deficits",
    "budget",
    "unemployment",
    "inflation",
    "jobs",
    "debt",
    "wages",
    "income",
    "prices",
    "spending",
    "growth",
    "trade",
    "exports",
    "imports",
    "poverty",
    "crime",
    "medicare",
    "pensions",
    "economy",
];

fn is_year(w: &W<'_>) -> bool {
    w.text.len() == 4
        && w.text.bytes().all(|b| b.is_ascii_digit())
        && matches!(w.text.as_bytes()[0], b'1' | b'2')
}

/// How strongly word `low` (with its neighbours) signals a checkable claim.
fn word_weight(low: &str, prev: Option<&W<'_>>, next: Option<&W<'_>>) -> i32 {
    let next_is = |words: &[&str]| next.is_some_and(|n| words.contains(&&*n.low));
    if ACCUSATION.contains(&low)
        || matches!(low, "secretly" | "privately")
        || (low == "closed" && next_is(&["doors"]))
    {
        return 3;
    }
    if matches!(
        low,
        "million" | "billion" | "trillion" | "percent" | "thousands" | "millions" | "billions"
    ) || CASUALTY.contains(&low)
        || matches!(low, "confidential" | "secret")
    {
        return 2;
    }
    let superlative = (SUPERLATIVE.contains(&low)
        || (low.ends_with("est") && low.len() > 5 && !NOT_SUPERLATIVE.contains(&low)))
        && prev.is_some_and(|p| p.is("the") || p.low.ends_with("'s"));
    if superlative {
        let weak = matches!(low, "first" | "only" | "best" | "last" | "most" | "least");
        return if weak { 1 } else { 2 };
    }
    // "…in history", "…ever": a record claim.
    if matches!(low, "history" | "ever")
        && prev.is_some_and(|p| matches!(&*p.low, "the" | "in" | "than"))
    {
        return 1;
    }
    let causal = CAUSAL.contains(&low)
        || (matches!(low, "because" | "due" | "led" | "contributed") && next_is(&["of", "to"]));
    let intention =
        matches!(low, "plans" | "intends" | "decided" | "agreed" | "refused") && next_is(&["to"]);
    if causal
        || intention
        || NUMBER_WORDS.contains(&low.split('-').next().unwrap_or(low))
        || TOPICS.contains(&low)
        || matches!(low, "record" | "unprecedented" | "ever")
        || CHANGE.contains(&low)
    {
        return 1;
    }
    0
}

/// The claim signal of a sentence: the span of its strongest cue when the evidence adds up.
fn claim(ws: &[W<'_>]) -> Option<crate::Span> {
    let mut score = 0i32;
    let mut best: Option<(i32, crate::Span)> = None;
    let mut note = |weight: i32, span: crate::Span, score: &mut i32| {
        *score += weight;
        if best.is_none_or(|(w, _)| weight > w) {
            best = Some((weight, span));
        }
    };
    // Quoted words or any reporting verb: someone is being cited, even if the analysis
    // could not parse who.
    if ws
        .iter()
        .any(|w| w.quoted || (w.is_word() && is_cue_word(&w.low)) || w.is("proposed"))
    {
        return None;
    }
    // Results of games and races are witnessed, not claimed.
    if ws.iter().any(|w| {
        SPORT.contains(&&*w.low)
            || (w.kind == TokenKind::Number && w.text.contains('-') && w.text.len() <= 5)
    }) {
        return None;
    }
    let unquoted: Vec<&W> = ws.iter().filter(|w| !w.quoted).collect();
    // Headlines in title case are not sentences of copy.
    let caps = unquoted
        .iter()
        .filter(|w| w.is_word() && w.is_cap())
        .count();
    if caps * 10 >= unquoted.iter().filter(|w| w.is_word()).count() * 7 {
        return None;
    }
    let words = unquoted
        .iter()
        .filter(|w| w.kind != TokenKind::Punct)
        .count();
    if words < 5 || words * 2 < ws.iter().filter(|w| w.kind != TokenKind::Punct).count() {
        return None;
    }
    for (k, w) in unquoted.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| unquoted.get(p));
        let next = unquoted.get(k + 1);
        let low = &*w.low;
        match w.kind {
            TokenKind::Number => {
                if is_year(w) {
                    // Dates of public events are background, not claims.
                    continue;
                }
                if w.text.contains('-') || w.text.contains(':') {
                    continue;
                }
                let prev2 = k.checked_sub(2).and_then(|p| unquoted.get(p));
                let near_month = prev.is_some_and(|p| MONTHS.contains(&&*p.low))
                    || (prev.is_some_and(|p| p.text == ".")
                        && prev2.is_some_and(|p| MONTHS.contains(&&*p.low)))
                    || next.is_some_and(|n| MONTHS.contains(&&*n.low));
                let ordinal = w.text.ends_with("st")
                    || w.text.ends_with("nd")
                    || w.text.ends_with("rd")
                    || w.text.ends_with("th");
                let label = prev.is_some_and(|p| p.is_cap() && p.is_word() && k > 1);
                if near_month || ordinal || label {
                    continue;
                }
                let digits: String = w.text.chars().filter(char::is_ascii_digit).collect();
                let big = digits.len() >= 2 || w.text.contains('.');
                let unit = next.is_some_and(|n| UNITS.contains(&&*n.low))
                    || w.text.ends_with("bn")
                    || prev.is_some_and(|p| matches!(p.text, "$" | "£" | "€"));
                // Distances and times are measurements, not claims ("800m", "2.5s").
                if !prev.is_some_and(|p| matches!(p.text, "$" | "£" | "€"))
                    && w.text
                        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                        .len()
                        < w.text.len()
                    && !w.text.ends_with("bn")
                {
                    continue;
                }
                if unit {
                    note(3, w.span, &mut score);
                } else if digits.len() >= 3 || w.text.contains('.') {
                    note(2, w.span, &mut score);
                } else if big {
                    note(1, w.span, &mut score);
                }
            }
            TokenKind::Word => {
                let weight = word_weight(low, prev.copied(), next.copied());
                if weight > 0 {
                    note(weight, w.span, &mut score);
                }
            }
            _ => {}
        }
    }
    // Opinions, questions and exhortations are not claims.
    if ws
        .iter()
        .rev()
        .find(|w| w.kind == TokenKind::Punct)
        .is_some_and(|w| w.text == "?")
    {
        score -= 3;
    }
    if unquoted
        .iter()
        .any(|w| matches!(&*w.low, "should" | "must" | "ought"))
    {
        score -= 1;
    }
    (score >= 3).then_some(()).and(best.map(|(_, s)| s))
}

#[cfg(test)]
mod tests {
    use crate::rules::attribution::test_util::flagged;

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(
            flagged(input, "attribution/unattributed-claim"),
            expected,
            "{input}"
        );
    }

    #[test]
    fn flags_unsourced_claims() {
        check("The new bypass cut journey times by 40 percent.", &["40"]);
        check("The fire killed 12 people in the old mill.", &["12"]);
        check(
            "The mayor took bribes from the builders in the harbour scheme.",
            &["bribes"],
        );
    }

    #[test]
    fn attributed_or_background_is_not_flagged() {
        check(
            "The new bypass cut journey times by 40 percent, the council said.",
            &[],
        );
        check(
            "The new bypass cut journey times by 40 percent. The council said so on Monday.",
            &[],
        );
        check(
            "The bridge opened on March 3, 2024, in the town of Ely.",
            &[],
        );
        check("Ann Lee is the mayor of the town of Ely.", &[]);
        check("“Journey times fell by 40 percent,” Ann Lee said.", &[]);
        check("Should the council spend 40 million on the bypass?", &[]);
    }
}
