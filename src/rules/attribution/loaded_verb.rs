use crate::analysis::attribution::{CueKind, SentenceSummary};
use crate::context::LintContext;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::prose::classes;
use crate::rules::{Lowered, Rule, RuleMeta, concat};

crate::declare_rule! {
    /// Flags attribution verbs that take sides ("claimed", "admitted", "conceded",
    /// "slammed") where "said" is meant.
    ///
    /// ## What it flags
    /// A loaded verb used to attribute speech, outside direct quotations: verbs that cast
    /// doubt (claimed), imply a confession or concession (admitted, conceded, confessed), or
    /// judge the speaker's manner (boasted, bragged, quipped, slammed, blasted, fumed).
    /// "Insisted" and "contended" are left alone: they are often the precise word. Only
    /// attributive uses count: "she claimed that…", "…, he admitted." — not "claimed the
    /// title", "was admitted to hospital", or the noun in "hit back at council claims that…"
    /// and "makes claims that…".
    ///
    /// ## Why it matters
    /// "Said" is neutral; a loaded verb tells the reader what to think of the speaker.
    /// Wikipedia's Manual of Style (MOS:SAID, MOS:CLAIM) warns that "claimed" casts doubt
    /// and "admitted" implies guilt, and journalism textbooks in the AP tradition teach that
    /// "said" is almost always the right verb.
    ///
    /// ## Example
    /// ```markdown
    /// The coach admitted that the team had trained badly.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// The coach said that the team had trained badly.
    /// ```
    ///
    /// ## Fix safety
    /// Display-only: the fix proposes "said" (or "says"), but sometimes the loaded verb is
    /// exactly what the reporter means, for example a formal admission in court.
    ///
    /// ## Options
    /// None.
    pub struct LoadedVerb {
        id: "attribution/loaded-verb",
        severity: Info,
        enabled: true,
    }
}

impl Rule for LoadedVerb {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let atts = ctx.attributions();
        // Only a sentence whose summary has a reporting verb that may be loaded is read.
        for (i, summary) in atts.summaries.iter().enumerate() {
            if !summary.has(SentenceSummary::LOADED) {
                continue;
            }
            for a in atts.attributions_of(i) {
                if a.cue.kind != CueKind::Verb {
                    continue;
                }
                let verb = a.cue.span.slice(ctx.source);
                // A cue that is its token as written has the token's class (of its lower-case
                // form): most are no loaded verb, and are not lowered and looked up again.
                if cue_class(ctx, a.cue.token, verb).is_some_and(|c| c & classes::LOADED_VERB == 0)
                {
                    continue;
                }
                let lowered = Lowered::new(verb);
                let low = lowered.as_str();
                // The class of loaded verbs rules most verbs out before the look-up.
                if classes::of(low) & classes::LOADED_VERB == 0 {
                    continue;
                }
                let Some(class) = crate::analysis::attribution::loaded_verb_class(low) else {
                    continue;
                };
                if !attributive(ctx, a.cue.token, a.source.as_ref().map(|s| s.span)) {
                    continue;
                }
                if noun_reading(ctx, a.cue.token, a.source.as_ref().map(|s| s.span)) {
                    continue;
                }
                let (neutral, title) = if low.ends_with("ed") {
                    ("said", "Replace with “said”")
                } else if low.ends_with('s') {
                    ("says", "Replace with “says”")
                } else {
                    ("say", "Replace with “say”")
                };
                out.push(
                    Diagnostic::new(
                        &Self::META,
                        a.cue.span,
                        concat(&["“", verb, "” ", class, "; “", neutral, "” is neutral."]),
                    )
                    .with_fix(
                        title,
                        Applicability::DisplayOnly,
                        vec![Edit {
                            span: a.cue.span,
                            replacement: neutral.to_string(),
                        }],
                    ),
                );
            }
        }
    }
}

/// The word classes of cue text `verb` (as written in the source) when it is the text of token
/// `ti`: the token's class, which is that of its lower-case form.
#[inline]
fn cue_class(ctx: &LintContext<'_>, ti: usize, verb: &str) -> Option<u64> {
    let t = ctx.prose.tokens.get(ti)?;
    (ctx.token_text(ti) == verb).then_some(t.class)
}

/// Whether "claims", "claim" or "slam" at token `ti` is a noun: its would-be subject follows
/// a preposition, a determiner or a verb ("hit back at Labour claims that…", "addressing
/// claims that…", "makes claims that…"), or it ends a heading ("Rivals stake title claim").
fn noun_reading(ctx: &LintContext<'_>, ti: usize, source: Option<crate::Span>) -> bool {
    let toks = &ctx.prose.tokens;
    let Some(t) = toks.get(ti) else {
        return false;
    };
    let low = ctx.token_text(ti).to_lowercase();
    // "self-confessed" written as two words is an adjective.
    if ti > 0 && ctx.token_text(ti - 1).eq_ignore_ascii_case("self") {
        return true;
    }
    if !matches!(
        low.as_str(),
        "claims" | "claim" | "slam" | "slams" | "admits" | "admit"
    ) {
        return false;
    }
    let last_in_heading = ctx
        .draft
        .blocks
        .get(t.block())
        .is_some_and(|b| b.is_heading())
        && toks.get(ti + 1).is_none_or(|n| {
            n.sentence() != t.sentence() || n.kind() == crate::prose::TokenKind::Punct
        });
    if last_in_heading && low != "admits" {
        return true;
    }
    // The word before the subject (or before the verb when there is none), and the two
    // words before the verb ("makes claims", "at council claims").
    let start = source.map_or(t.span().start, |s| s.start);
    let before_subject = toks[..ti]
        .iter()
        .rev()
        .take_while(|p| p.sentence() == t.sentence())
        .position(|p| p.span().end <= start)
        .map(|k| ti - 1 - k);
    let before = |n: usize| {
        ti.checked_sub(n)
            .filter(|&i| toks[i].sentence() == t.sentence())
    };
    let word = |pi: Option<usize>| {
        pi.filter(|&i| toks[i].kind() == crate::prose::TokenKind::Word)
            .map(|i| ctx.token_text(i).to_lowercase())
    };
    let determiner = |p: &str| matches!(p, "the" | "a" | "these" | "those" | "such");
    // A determiner two words back opens the subject itself ("The chairman claims").
    word(before_subject).is_some_and(|p| noun_context(&p) || determiner(&p))
        || word(before(1)).is_some_and(|p| noun_context(&p) || determiner(&p))
        || word(before(2)).is_some_and(|p| noun_context(&p))
}

/// Words after which the next noun phrase is an object, not a subject.
fn noun_context(p: &str) -> bool {
    p.ends_with("ing")
        || matches!(
            p,
            "at" | "of"
                | "on"
                | "to"
                | "for"
                | "with"
                | "by"
                | "from"
                | "about"
                | "against"
                | "over"
                | "makes"
                | "made"
                | "make"
                | "denied"
                | "derided"
                | "dismissed"
                | "rejected"
                | "dent"
                | "grand"
        )
}

/// Whether the verb at token `ti` introduces or closes reported speech: a that-clause, a
/// quotation, a colon or a pronoun subject follows, or the attribution closes the sentence
/// ("…, the captain conceded.").
fn attributive(ctx: &LintContext<'_>, ti: usize, _source: Option<crate::Span>) -> bool {
    let toks = &ctx.prose.tokens;
    let Some(t) = toks.get(ti) else {
        return false;
    };
    let Some(n) = toks.get(ti + 1).filter(|n| n.sentence() == t.sentence()) else {
        return true;
    };
    if n.quoted() {
        return true;
    }
    let text = ctx.token_text(ti + 1).to_lowercase();
    if matches!(text.as_str(), "." | "!" | "?") {
        return true;
    }
    matches!(
        text.as_str(),
        "that" | ":" | "he" | "she" | "they" | "it" | "we" | "i" | "there" | "“" | "\""
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::attribution::test_util::flagged;

    /// Where a cue is its token as written, the token's class answers as the look-up of the
    /// cue lowered does: over the fixture drafts and sentences of every verb form in three
    /// cases.
    #[test]
    fn a_cue_token_class_is_its_lowered_class() {
        use crate::context::LintContext;
        use crate::prose::classes;
        use crate::rules::Lowered;
        let mut texts = crate::rules::attribution::test_util::fixture_drafts();
        assert!(texts.len() >= 5, "{}", texts.len());
        let verbs = crate::analysis::attribution::lexicon::CUE_VERBS
            .keys()
            .copied();
        for v in verbs.chain(["admitted", "claims", "conceded", "slammed"]) {
            let cap = v[..1].to_uppercase() + &v[1..];
            let up = v.to_uppercase();
            texts.push(format!(
                "Ann Lee {v} that the pier was safe. Rob Tan {cap} it."
            ));
            texts.push(format!("The pier is safe, the mayor {up}."));
        }
        let settings = crate::Settings::default();
        let (mut cues, mut loaded) = (0, 0);
        for text in &texts {
            let a = crate::Analyzed::new(text);
            let ctx = LintContext::new(text, &a.draft, &a.prose, &settings);
            for att in ctx.attributions().all_attributions() {
                let verb = att.cue.span.slice(text);
                let want = classes::of(Lowered::new(verb).as_str()) & classes::LOADED_VERB;
                if let Some(c) = super::cue_class(&ctx, att.cue.token, verb) {
                    assert_eq!(c & classes::LOADED_VERB, want, "{verb:?}");
                    cues += 1;
                    loaded += usize::from(want != 0);
                }
            }
        }
        assert!(cues >= 100 && loaded >= 5, "{cues} {loaded}");
    }

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(
            flagged(input, "attribution/loaded-verb"),
            expected,
            "{input}"
        );
    }

    #[test]
    fn flags_loaded_attribution() {
        check(
            "The coach admitted that the team trained badly.",
            &["admitted"],
        );
        check("The team trained badly, the coach admitted.", &["admitted"]);
        check("Ann Lee claims she was never told.", &["claims"]);
        check("Rob Tan conceded: “We did nothing wrong.”", &["conceded"]);
        check("Ann Lee insisted that she was never told.", &[]);
    }

    #[test]
    fn leaves_other_uses_alone() {
        check("Ann Lee claimed the title in Paris.", &[]);
        check("Rob Tan was admitted to hospital.", &[]);
        check("The coach said that the team trained badly.", &[]);
        check("“He admitted that he lied,” Ann Lee said.", &[]);
        // "claims" read as a noun: after a preposition, a verb, or at the end of a heading.
        check(
            "The mayor hit back at council claims that the pier was unsafe.",
            &[],
        );
        check("The mayor makes claims that nobody can check.", &[]);
        check("# Rovers stake early title claim", &[]);
    }

    #[test]
    fn proposes_said() {
        let input = "The coach admitted that the team trained badly.";
        let d = crate::lint(input, &crate::Settings::default());
        let d = d
            .iter()
            .find(|d| d.rule == "attribution/loaded-verb")
            .unwrap();
        assert_eq!(d.fixes[0].edits[0].replacement, "said");
        assert_eq!(d.fixes[0].applicability, crate::Applicability::DisplayOnly);
    }
}
