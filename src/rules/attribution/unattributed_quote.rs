use crate::analysis::attribution::SentenceSummary;
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::prose::TokenKind;
use crate::prose::classes;
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// Flags a direct quotation whose speaker is nowhere near it.
    ///
    /// ## What it flags
    /// A quotation of at least five words (or one that holds a full sentence) when no
    /// attribution with a source appears in its paragraph or the paragraphs either side.
    /// Short quoted phrases (nicknames, scare quotes), titles of works in title case ("The
    /// Long Road Home"), quotations the sentence mentions rather than reports ("the motto
    /// is “…”", "meaning “…”", "the sign reads “…”") and quotations in headings are left
    /// alone.
    ///
    /// ## Why it matters
    /// A reader must know who is speaking. Reuters asks that the source of a quote be
    /// identified "as quickly as possible, usually after the first sentence"; AP wants the
    /// attribution in the same sentence or made clear by context.
    ///
    /// ## Example
    /// ```markdown
    /// “We will not close the library while I am on this council.”
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// “We will not close the library while I am on this council,” councillor Rob Tan said.
    /// ```
    ///
    /// ## Fix safety
    /// No fix: only the reporter knows the speaker.
    ///
    /// ## Options
    /// None.
    pub struct UnattributedQuote {
        id: "attribution/unattributed-quote",
        severity: Warning,
        enabled: true,
    }
}

impl Rule for UnattributedQuote {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let atts = ctx.attributions();
        // Blocks that carry an attribution with a source.
        let mut attributed_block = vec![false; ctx.draft.blocks.len()];
        for s in &atts.summaries {
            if s.has(SentenceSummary::SOURCE)
                && let Some(slot) = attributed_block.get_mut(s.block())
            {
                *slot = true;
            }
        }
        if ctx.prose.quotations.is_empty() {
            return;
        }
        // Any reporting verb outside quotes counts: the speaker may be named in a way the
        // analysis does not parse. Read only for the blocks around a quotation, once each.
        let mut cue_block: Vec<Option<bool>> = vec![None; attributed_block.len()];
        let mut near = |b: usize| {
            (b.saturating_sub(1)..=b + 1).any(|x| match attributed_block.get(x) {
                Some(true) => true,
                Some(false) => *cue_block[x].get_or_insert_with(|| has_cue_word(ctx, x)),
                None => false,
            })
        };
        for (qi, q) in ctx.prose.quotations.iter().enumerate() {
            if atts.quotations.get(qi).is_some_and(|s| s.speaker.is_some()) {
                continue;
            }
            let Some((first_block, _)) = q.parts.first() else {
                continue;
            };
            if ctx
                .draft
                .blocks
                .get(*first_block)
                .is_none_or(|b| b.is_heading())
            {
                continue;
            }
            if q.parts.iter().any(|(b, _)| near(*b)) {
                continue;
            }
            if mentioned(ctx, q) {
                continue;
            }
            let mut words = 0;
            let mut long_words = 0;
            let mut capitalised = 0;
            let mut full_stop = false;
            for (b, range) in &q.parts {
                let Some(text) = ctx
                    .draft
                    .blocks
                    .get(*b)
                    .and_then(|bl| bl.text.get(range.clone()))
                else {
                    continue;
                };
                let toks = &ctx.prose.tokens;
                let from =
                    toks.partition_point(|t| (t.block(), t.range().start) < (*b, range.start));
                for (i, _) in toks[from..]
                    .iter()
                    .enumerate()
                    .take_while(|(_, t)| t.block() == *b && t.range().end <= range.end)
                    .filter(|(_, t)| t.kind() == TokenKind::Word)
                {
                    words += 1;
                    let w = ctx.token_text(from + i);
                    if w.chars().count() > 3 {
                        long_words += 1;
                        capitalised +=
                            usize::from(w.chars().next().is_some_and(char::is_uppercase));
                    }
                }
                full_stop |= text.trim_end().ends_with(['.', '!', '?']) || text.contains(". ");
            }
            // A title in quotation marks ("The Long Road Home") is a name, not speech.
            let title = long_words >= 2 && capitalised * 5 >= long_words * 4;
            if !title && (words >= 5 || (full_stop && words >= 3)) {
                out.push(Diagnostic::new(
                    &Self::META,
                    q.span,
                    "Who said this? This quotation has no speaker nearby.",
                ));
            }
        }
    }
}

/// Whether block `b` has a cue word ([`cue_word`]) outside quotations.
fn has_cue_word(ctx: &LintContext<'_>, b: usize) -> bool {
    let toks = &ctx.prose.tokens;
    // Tokens are in document order: the block's are one run.
    let from = toks.partition_point(|t| t.block() < b);
    toks[from..]
        .iter()
        .take_while(|t| t.block() == b)
        .enumerate()
        .any(|(k, t)| {
            t.class & classes::CUE_WORD != 0
                && !t.quoted()
                && t.kind() == TokenKind::Word
                && cue_word(ctx, from + k, t)
        })
}

/// Whether token `ti` (`t`) is a cue word
/// ([`crate::analysis::attribution::is_cue_word`] of its lower-case text): read from
/// its word class, unless a curly apostrophe in it makes its class (whose form has the
/// apostrophe straightened) a different word.
///
/// No cue word holds a curly apostrophe (see the tests), so a word written with one is none:
/// the class, which most words fail, is asked first and the text read only for cue words.
fn cue_word(ctx: &LintContext<'_>, ti: usize, t: &crate::prose::Token) -> bool {
    t.class & classes::CUE_WORD != 0 && !ctx.token_text(ti).contains('’')
}

/// [`cue_word`] as first written: a word with a curly apostrophe looked up in lower case as
/// it is, any other by its class. The reference of the tests.
#[cfg(test)]
fn cue_word_reference(ctx: &LintContext<'_>, ti: usize, t: &crate::prose::Token) -> bool {
    let text = ctx.token_text(ti);
    if text.contains('’') {
        crate::analysis::attribution::is_cue_word(&text.to_lowercase())
    } else {
        t.class & classes::CUE_WORD != 0
    }
}

/// Whether the quotation is mentioned rather than spoken: a name, a phrase or a text that
/// the sentence talks about ("known as “…”", "meaning “…”", "the motto is “…”", "lyrics
/// began “…”").
fn mentioned(ctx: &LintContext<'_>, q: &crate::prose::Quotation) -> bool {
    let Some((block, _)) = q.parts.first() else {
        return false;
    };
    let toks = &ctx.prose.tokens;
    let open = q.open.start;
    // The last unquoted token before the opening mark, looking back a few tokens only.
    let before = toks.partition_point(|t| t.span().end <= open);
    let Some(mut pi) = (before.saturating_sub(4)..before)
        .rev()
        .find(|&i| toks[i].block() == *block && !toks[i].quoted())
    else {
        return false;
    };
    // "meaning, “…”"
    if toks[pi].kind() == TokenKind::Punct && ctx.token_text(pi) == "," && pi > 0 {
        pi -= 1;
    }
    if toks[pi].kind() != TokenKind::Word || toks[pi].block() != *block {
        return false;
    }
    let p = ctx.token_text(pi).to_lowercase();
    matches!(
        p.as_str(),
        "meaning"
            | "means"
            | "as"
            | "in"
            | "is"
            | "was"
            | "called"
            | "named"
            | "titled"
            | "entitled"
            | "dubbed"
            | "term"
            | "word"
            | "phrase"
            | "motto"
            | "slogan"
            | "began"
            | "begins"
            | "reads"
            | "read"
            | "reading"
            | "of"
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::attribution::test_util::flagged;

    /// No cue word holds a curly apostrophe, so reading the class first answers as the
    /// reference does, for words with and without one.
    #[test]
    fn cue_words_read_by_class_first() {
        use crate::analysis::attribution::lexicon::CUE_VERBS;
        assert!(CUE_VERBS.keys().all(|w| !w.contains('’')));
        let text = "Ann Lee said’s the plan, SAID the aide; it’s “fine”, according to \
                    sources who didn’t say’ much, Says’ Rob, and told reporters she’d warned.";
        let a = crate::Analyzed::new(text);
        let settings = crate::Settings::default();
        let ctx = crate::context::LintContext::new(text, &a.draft, &a.prose, &settings);
        let mut cues = 0;
        for (ti, t) in a.prose.tokens.iter().enumerate() {
            let new = super::cue_word(&ctx, ti, t);
            assert_eq!(new, super::cue_word_reference(&ctx, ti, t), "{ti}");
            cues += usize::from(new);
        }
        assert!(cues >= 4, "{cues}");
    }

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(
            flagged(input, "attribution/unattributed-quote"),
            expected,
            "{input}"
        );
    }

    #[test]
    fn flags_a_quote_without_speaker() {
        check(
            "The library will stay open.\n\n“We will not close it while I sit on this council.”",
            &["“We will not close it while I sit on this council.”"],
        );
    }

    #[test]
    fn speaker_nearby_or_short_quote() {
        check(
            "“We will not close it while I sit here,” Rob Tan said.",
            &[],
        );
        check(
            "Rob Tan spoke to residents.\n\nHe said: “We will not close it while I sit here.”",
            &[],
        );
        check("Critics call it the “people's palace” of the town.", &[]);
        check("# “We will not close it while I sit here”", &[]);
        // A mentioned text, not reported speech.
        check(
            "The old harbour sign reads “Ferries leave at noon and return by dusk.”",
            &[],
        );
        // A title of a work in quotation marks.
        check(
            "The council library lent “The Long Road Home Through Western Valleys” most often.",
            &[],
        );
    }
}
