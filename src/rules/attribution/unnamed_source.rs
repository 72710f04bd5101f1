use crate::analysis::attribution::{SentenceSummary, W, sentence_words_into};
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::prose::{TokenKind, classes};
use crate::rules::{Rule, RuleMeta};
use rustc_hash::FxHashSet as HashSet;

crate::declare_rule! {
    /// Flags an unnamed spokesperson of an organisation: "a council spokesman said", "a
    /// spokeswoman for the harbour board said", "the mayor's spokeswoman said".
    ///
    /// ## What it flags
    /// A spokesman, spokeswoman, spokesperson or representative who speaks for an
    /// organisation or a person but is not named: introduced with "a" or "an" ("a council
    /// spokesman", "a spokeswoman for the harbour board"), through a possessive ("the
    /// mayor's spokeswoman") or as a plural ("council and police spokesmen"), when they say
    /// something, decline to comment or do not answer; and officials of a named institution
    /// who speak ("officials at the Harbour Board said"). Each unnamed spokesperson is
    /// flagged once per draft: the first time the reader meets them.
    ///
    /// Not flagged: a spokesperson whose name is given beside them ("a spokeswoman, Ada
    /// Park, said", "spokesman Rob Tan", "Ada Park, a spokeswoman for the board, said");
    /// "the spokesman", which refers back to one introduced before; and a sentence that
    /// marks the source as anonymous ("who asked not to be named"), which
    /// `attribution/anonymous-source` looks at.
    ///
    /// ## Why it matters
    /// The organisation is named, so the source is not vague; but AP asks for "the most
    /// specific possible identification" of a source and Reuters holds that a named source
    /// "is always preferable" to an unnamed one. Press officers usually give their names
    /// when asked. This is a reminder, not an error.
    ///
    /// ## Example
    /// ```markdown
    /// A council spokesman said the ferry would run until March.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// Council spokesman Rob Tan said the ferry would run until March.
    /// ```
    ///
    /// ## Fix safety
    /// No fix: only the reporter knows the name.
    ///
    /// ## Options
    /// None.
    pub struct UnnamedSource {
        id: "attribution/unnamed-source",
        severity: Info,
        enabled: true,
    }
}

/// Nouns of people who speak for an organisation.
pub(super) const SPOKES: [&str; 8] = [
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "spokeswomen",
    "spokespeople",
    "representative",
    "representatives",
];

/// Verbs (other than reporting verbs) that show a spokesperson was asked: "declined to
/// comment", "did not respond", "refused to say".
const ASKED: [&str; 16] = [
    "declined", "declines", "refused", "refuses", "did", "does", "would", "could", "was", "has",
    "had", "have", "also", "later", "will", "made",
];

impl Rule for UnnamedSource {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let atts = ctx.attributions();
        // Each spokesperson once per draft, by the words that describe them.
        let mut seen: HashSet<String> = HashSet::default();
        // The words of a sentence, one buffer for all; the key of a spokesperson, likewise.
        let mut ws = Vec::new();
        let mut key = String::new();
        // Only a sentence whose summary says it has an unnamed spokesperson (the analysis read
        // its words for one; anonymity is `anonymous-source`'s business) is read again, to
        // find where.
        for (si, summary) in atts.summaries.iter().enumerate() {
            if !summary.has(SentenceSummary::UNNAMED) {
                continue;
            }
            sentence_words_into(ctx.draft, ctx.prose, si, &mut ws);
            for i in 0..ws.len() {
                // Only an unquoted word of the class heads one (`unnamed_spokesperson` asks
                // that first): the others are passed over without a call.
                let w = &ws[i];
                if w.class & classes::SPOKES_NOUN == 0 || w.quoted || !w.is_word() {
                    continue;
                }
                let Some((start, end)) = unnamed_spokesperson(&ws, i) else {
                    continue;
                };
                // The words, space-separated, articles left out.
                key.clear();
                let words = ws[start..end]
                    .iter()
                    .filter(|w| !matches!(w.low, "a" | "an"));
                for (n, w) in words.enumerate() {
                    if n > 0 {
                        key.push(' ');
                    }
                    key.push_str(w.low);
                }
                if seen.contains(key.as_str()) {
                    continue;
                }
                seen.insert(key.clone());
                let span = ws[start].span.cover(ws[i].span);
                out.push(Diagnostic::new(
                    &Self::META,
                    span,
                    if ws[i].is("officials") {
                        "Unnamed officials: name them, or say why they cannot be named."
                    } else {
                        "Unnamed spokesperson: name them if the organisation allows it."
                    },
                ));
            }
        }
    }
}

/// Determiners before a spokesperson noun that make it a known one, not an unnamed one ("the
/// spokesman", "their representative").
const KNOWN_DETERMINERS: [&str; 10] = [
    "the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
];

/// Whether `w` is a capitalised word that can be part of a person's name.
fn name_word(w: &W<'_>) -> bool {
    w.is_word() && w.is_cap() && !w.quoted && w.text.chars().count() > 1
}

/// Whether a person's name starts at `k` ("Ada Park", "Dr Park", "Rob Tan").
fn name_at(ws: &[W<'_>], k: usize) -> bool {
    let Some(a) = ws.get(k) else {
        return false;
    };
    if !name_word(a) || a.has(classes::CUE_WORD) {
        return false;
    }
    ws.get(k + 1).is_some_and(|b| name_word(b) || b.text == ".")
}

/// If the word at `i` is a spokesperson noun heading an unnamed spokesperson who speaks or
/// is asked, where their noun phrase starts and where it ends (with the organisation).
pub(super) fn unnamed_spokesperson(ws: &[W<'_>], i: usize) -> Option<(usize, usize)> {
    let w = &ws[i];
    // Only a noun of `SPOKES` or "officials" heads one: the class rules the other words out.
    if w.quoted || !w.is_word() || !w.has(classes::SPOKES_NOUN) {
        return None;
    }
    // "officials at the Harbour Board", "officials with the Ferry Company": a plural
    // official of a named institution.
    let officials = w.is("officials")
        && ws
            .get(i + 1)
            .is_some_and(|x| !x.quoted && matches!(x.low, "at" | "with" | "from" | "for" | "of"))
        && ws[i + 2..]
            .iter()
            .take(3)
            .any(|x| x.is_cap() && x.is_word() && !x.quoted);
    if !SPOKES.contains(&w.low) && !officials {
        return None;
    }
    let plural = w.low.ends_with('n') && w.low.ends_with("men")
        || w.low.ends_with("ople")
        || w.low.ends_with("ives");
    // The modifiers before the noun: "a Harbour Board spokesman", "a senior council
    // spokeswoman", "the mayor's spokesman", "Police and Navy spokesmen".
    let mut k = i;
    let mut possessive = false;
    let mut capitalised = false;
    while k > 0 && i - k < 6 {
        let p = &ws[k - 1];
        if p.quoted {
            return None;
        }
        if p.kind == TokenKind::Punct {
            if matches!(p.text, "&" | "." | "-") {
                k -= 1;
                continue;
            }
            break;
        }
        if p.kind != TokenKind::Word {
            break;
        }
        if p.low.ends_with("'s") || p.low.ends_with("s'") {
            possessive = true;
            k -= 1;
            // "the mayor's": its determiner belongs to the owner.
            if k > 0 && matches!(ws[k - 1].low, "the" | "a" | "an") {
                k -= 1;
            }
            break;
        }
        if matches!(p.low, "a" | "an") {
            k -= 1;
            break;
        }
        if KNOWN_DETERMINERS.contains(&p.low) {
            return None;
        }
        if p.is("and") && capitalised {
            k -= 1;
            continue;
        }
        // A modifier: a capitalised name of the organisation or a lowercase noun or
        // adjective ("government", "senior"), not a verb, preposition or clause word.
        if p.is_cap() {
            capitalised = true;
            k -= 1;
            continue;
        }
        if p.has(classes::CUE_WORD)
            || matches!(
                p.low,
                "for"
                    | "of"
                    | "to"
                    | "by"
                    | "with"
                    | "from"
                    | "at"
                    | "in"
                    | "on"
                    | "and"
                    | "or"
                    | "but"
                    | "said"
                    | "told"
                    | "as"
                    | "when"
                    | "while"
                    | "that"
                    | "who"
            )
        {
            break;
        }
        k -= 1;
    }
    let start = k;
    let det = ws.get(start).map_or("", |x| x.low);
    let indefinite = matches!(det, "a" | "an");
    if !(indefinite || possessive || (plural && capitalised) || officials) {
        return None;
    }
    // "a spokeswoman, Ada Park, said", "spokesman Rob Tan": the name is given.
    if name_at(ws, i + 1) || (ws.get(i + 1).is_some_and(|x| x.text == ",") && name_at(ws, i + 2)) {
        return None;
    }
    // "Ada Park, a spokeswoman for…": an apposition to a name.
    if start >= 2 && ws[start - 1].text == "," && {
        let b = &ws[start - 2];
        name_word(b) && start >= 3 && name_word(&ws[start - 3])
    } {
        return None;
    }
    // "a representative democracy": a representative is a spokesperson only for someone.
    if w.low.starts_with("representative") && !indefinite {
        return None;
    }
    // After the noun: "for the harbour board", then perhaps an apposition with a name.
    let mut e = i + 1;
    if ws
        .get(e)
        .is_some_and(|x| !x.quoted && matches!(x.low, "for" | "of" | "at" | "with"))
    {
        e += 1;
        while ws.get(e).is_some_and(|x| {
            !x.quoted
                && (x.kind == TokenKind::Word || matches!(x.text, "." | "&" | "-" | "'s"))
                && (x.is_cap()
                    || matches!(x.low, "the" | "of" | "and" | "for" | "'s")
                    || x.low.ends_with("'s")
                    || !x.has(classes::CUE_WORD)
                        && !ASKED.contains(&x.low)
                        && x.low.len() > 2
                        && !x.low.ends_with("ed"))
        }) && e < i + 12
        {
            e += 1;
        }
        if ws.get(e).is_some_and(|x| x.text == ",") && name_at(ws, e + 1) {
            return None;
        }
        // "…, a division of the Harbour Board, said": an apposition describing the body.
        if ws.get(e).is_some_and(|x| x.text == ",")
            && ws
                .get(e + 1)
                .is_some_and(|x| matches!(x.low, "a" | "an" | "the"))
            && let Some(c) = ws[e + 1..]
                .iter()
                .take(12)
                .position(|x| x.text == "," || x.quoted)
            && ws[e + 1 + c].text == ","
        {
            e = e + 2 + c;
        }
    } else if w.low.starts_with("representative") {
        // "a union representative said" is fine; "a representative sample" is not a person.
        let next = ws.get(e);
        if !next.is_some_and(|x| !x.quoted && (x.has(classes::CUE_WORD) || ASKED.contains(&x.low)))
        {
            return None;
        }
    }
    // The spokesperson speaks or is asked: a verb follows, or an inverted reporting verb or
    // "according to" comes before.
    let mut v = e;
    while ws
        .get(v)
        .is_some_and(|x| !x.quoted && x.is_word() && x.low.ends_with("ly") && x.low.len() > 4)
    {
        v += 1;
    }
    // Any past tense counts: "a spokesman for the board defended the plan".
    let speaks = ws.get(v).is_some_and(|x| {
        !x.quoted
            && x.is_word()
            && (x.has(classes::CUE_WORD)
                || ASKED.contains(&x.low)
                || x.low.ends_with("ed") && x.low.len() > 4)
    });
    let inverted = start > 0 && {
        let p = &ws[start - 1];
        !p.quoted
            && (p.has(classes::CUE_WORD) && !matches!(p.low, "told" | "tells" | "tell")
                || p.is("to") && start >= 2 && ws[start - 2].is("according"))
    };
    (speaks || inverted).then_some((start, e.min(ws.len())))
}

#[cfg(test)]
mod tests {
    use crate::rules::attribution::test_util::flagged;

    /// The analysis' summary bit `UNNAMED` is set exactly on the sentences that have a
    /// spokesperson noun, no anonymity marker and an unnamed spokesperson as
    /// `unnamed_spokesperson` reads their words.
    #[test]
    fn the_unnamed_bit_marks_the_sentences_with_an_unnamed_spokesperson() {
        use crate::analysis::attribution::{SentenceSummary, sentence_words};
        use crate::context::LintContext;
        let mut texts = crate::rules::attribution::test_util::fixture_drafts();
        texts.push(
            "The spokesman said so. “A spokesman said nothing,” Rob Tan said. Their \
             representatives declined to comment. A council spokesman said the ferry would run. \
             Its spokeswoman, the mayor's spokesman and those officials at the Harbour Board said \
             no. This representative of the board said yes. A spokeswoman for the board. \
             Officials at the Harbour Board. A representative sample. A council spokesman, who \
             asked not to be named, said the ferry would run."
                .to_string(),
        );
        let (mut spokes, mut unnamed) = (0, 0);
        for text in &texts {
            let a = crate::Analyzed::new(text);
            let settings = crate::Settings::default();
            let ctx = LintContext::new(text, &a.draft, &a.prose, &settings);
            for (si, s) in ctx.attributions().summaries.iter().enumerate() {
                let ws = sentence_words(&a.draft, &a.prose, si);
                let found = (0..ws.len()).any(|i| super::unnamed_spokesperson(&ws, i).is_some());
                let want =
                    s.has(SentenceSummary::SPOKES) && !s.has(SentenceSummary::ANONYMITY) && found;
                assert_eq!(s.has(SentenceSummary::UNNAMED), want, "{text}");
                // A sentence with an unnamed spokesperson has the class bit.
                assert!(!found || s.has(SentenceSummary::SPOKES), "{text}");
                spokes += usize::from(s.has(SentenceSummary::SPOKES));
                unnamed += usize::from(want);
            }
        }
        assert!(unnamed >= 5 && spokes > unnamed, "{spokes} {unnamed}");
    }

    /// The class gate of the rule: a word has the class exactly when it is a listed noun.
    #[test]
    fn spokes_nouns_have_their_class() {
        use crate::prose::classes;
        let listed: Vec<&str> = super::SPOKES.iter().copied().chain(["officials"]).collect();
        for w in &listed {
            assert_ne!(classes::of(w) & classes::SPOKES_NOUN, 0, "{w}");
        }
        for w in [
            "spokes",
            "official",
            "Officials",
            "spokesmen's",
            "represent",
            "men",
        ] {
            assert_eq!(classes::of(w) & classes::SPOKES_NOUN, 0, "{w}");
        }
    }

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(
            flagged(input, "attribution/unnamed-source"),
            expected,
            "{input}"
        );
    }

    #[test]
    fn flags_unnamed_spokespeople() {
        check(
            "A Harbour Board spokesman said the ferry would run.",
            &["A Harbour Board spokesman"],
        );
        check(
            "A spokeswoman for the harbour board declined to comment.",
            &["A spokeswoman"],
        );
        check(
            "The mayor's spokeswoman said the pier was safe.",
            &["The mayor's spokeswoman"],
        );
        check(
            "Council and Police spokesmen said the road would reopen.",
            &["Council and Police spokesmen"],
        );
        check(
            "The pier is safe, according to a council spokesperson.",
            &["a council spokesperson"],
        );
        check(
            "A union representative said the strike would go ahead.",
            &["A union representative"],
        );
        check(
            "Officials at the Harbour Board said the pier was safe.",
            &["Officials"],
        );
        check(
            "Officials with the Ferry Company, a firm owned by the council, said fares would rise.",
            &["Officials"],
        );
    }

    #[test]
    fn flags_each_spokesperson_once() {
        check(
            "A council spokesman said the ferry would run. A council spokesman later added \
             that fares would rise.",
            &["A council spokesman"],
        );
    }

    #[test]
    fn leaves_named_and_anaphoric_spokespeople_alone() {
        check(
            "A council spokesman, Rob Tan, said the ferry would run.",
            &[],
        );
        check("Council spokesman Rob Tan said the ferry would run.", &[]);
        check(
            "Ada Park, a spokeswoman for the harbour board, said the pier was safe.",
            &[],
        );
        check(
            "A spokeswoman for the harbour board, Ada Park, said the pier was safe.",
            &[],
        );
        check("The spokesman said the ferry would run.", &[]);
        check(
            "A council spokesman, who asked not to be named, said the ferry would run.",
            &[],
        );
        check("“A spokesman said nothing,” Rob Tan said.", &[]);
        check("The council is a representative body of islanders.", &[]);
        check("They surveyed a representative sample of voters.", &[]);
    }
}
