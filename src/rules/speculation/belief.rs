//! `speculation/belief`.

use super::report;
use crate::analysis::speculation::CueKind;
use crate::context::LintContext;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::concat;
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// A belief or forecast reported as someone's: analysts expect, she believes, officials fear.
    ///
    /// ## What it flags
    /// Verbs of believing, expecting and fearing in the active voice, with what is believed
    /// following: *believe*, *think*, *expect*, *anticipate*, *predict*, *forecast*,
    /// *foresee*, *fear*, *worry that*, *doubt*, *suspect*, *assume*, *presume*, *reckon*,
    /// *feel that*, *consider … to be / as*, *regard / see / view … as*, *questioned
    /// whether / how / if*, *confident that / of*; *the fear / doubt / belief / expectation
    /// that*; and *in anticipation of / that* ("shares rose in anticipation of a deal").
    /// This is a gentle note (a hint by default): the copy reports what someone believes or
    /// forecasts, not what happened. Check that the holder is named and that the sentence
    /// reads as a forecast, not as fact.
    ///
    /// Not flagged: the passive without a holder ("is expected to"), which is
    /// `speculation/unsourced-expectation`; "think about", "believe in", "think tank",
    /// "than expected", "as expected", "than some analysts had expected"; nouns ("a
    /// thought", "the forecast", "the growth estimate is 2%", "estimates of the cost vary",
    /// "through fear", "fear of flying", "several suspects were
    /// held", "Fears had grown": after a determiner or a preposition, before a preposition,
    /// or as a subject at the start of a clause; a noun followed by a relative clause, "an
    /// expectation that was never written down"); anything inside a direct quotation or in
    /// a sentence that continues the reported speech of the sentence before it. Also not
    /// flagged:
    /// - deliberation rather than belief: "should think carefully", "think how it sounds",
    ///   "consider what voters want" (*think* or *consider* + *carefully*, *hard*, *long*,
    ///   a question word or *whether*), and weighing a thing, "must consider this offer",
    ///   "did not consider it when …" ("consider it a waste" stays flagged);
    /// - sight, not a view: "able to see the cliffs as they climb", "failed to see the
    ///   film as others did", "to see animals such as otters" (*see* or *view* … *as* only
    ///   counts when *as* introduces what the thing is taken to be);
    /// - a verb inside a name or a title, capitalised in running text with the next word:
    ///   "the Think Ahead forum", "the quiz show They Think It's All Over";
    /// - "questioned why the ferry was cut", which takes the fact as given and asks for a
    ///   reason;
    /// - idioms that hold no belief: "I'd hate to think", "likes to think", "can't
    ///   believe", "did not know who to believe", "when you consider that" ("hard to
    ///   believe that" doubts the claim and stays flagged);
    /// - a poll's finding, where the holders are counted: "62% of residents believe", "a
    ///   majority think" (a percentage, *majority* or *minority* in the subject);
    /// - a named holder's wish: "the club hopes that the stand opens in August" (the verb
    ///   *hopes*; the noun stays a cue: "amid hopes that", "investors' hopes that");
    /// - an opinion whose holder is named right before the verb in the reporter's
    ///   narration: "Harbour master Ana Ruiz believes the channel will reopen", "The Port
    ///   Authority thinks the fare is fair" (*believe*, *think*, *feel*, *fear*, *reckon*,
    ///   *suspect*, *doubt*, *worry*, *consider*, *regard*, *see*, *view* after a
    ///   capitalised name), or right after the verb when the name ends the clause, as a
    ///   speaker follows "says" ("Fares will rise, thinks Ana Ruiz."), or by *he* or *she*,
    ///   which in the reporter's narration stands for a person already named ("She fears
    ///   the pier will close"; *it* and *they* do not count, as they stand as often for an
    ///   unnamed body or a vague group). The same holds for *is confident that / of* and
    ///   *has questioned whether / how* ("Ana Ruiz is confident that the pier will open",
    ///   "Councillor Tom Hale questioned whether the fare is fair"). The reader knows
    ///   whose view it is. Still flagged: vague or counted-less groups ("analysts
    ///   believe", "senior Tories believe", "most Britons think", and "Few in Westhaven
    ///   believe", where the name sits inside the phrase), "I think", and forecasts, even
    ///   a named one's ("Acme expects sales to rise"), which the editor should check reads
    ///   as a forecast;
    /// - what is in store or due rather than a belief: "visitors can expect to queue",
    ///   "tenants should not expect a refund" (*expect* after *can*, *could*, *should* or
    ///   *must*);
    /// - a named body's estimate of a figure that is or was: "the Harbour Board estimates
    ///   that 3,000 boats used the port" (a capitalised name right before *estimate*, and
    ///   no *will*, *would*, *could*, *may* … in what follows: "the Harbour Board estimates
    ///   that traffic will double" is a forecast and stays flagged);
    /// - fear of a topic rather than of a proposition: "fears about security", "fear for
    ///   his safety" (*fear* + *about*, *over* or *for*), "nothing to worry about",
    ///   "councils worry about the cost" (*worry* + *about* or *over*); "traders fear the
    ///   market will close" and "worried about prices rising" stay flagged;
    /// - a market consensus used as a benchmark: "below analyst expectations", "beat
    ///   expectations", "expectations of 4% growth", "expectations of a 0.3% rise", and a
    ///   past forecast set against the figure that came out: "analysts had expected 34
    ///   cents", "the market had expected more", "analysts expected a figure closer to
    ///   3%", "more than the $40m brokers had expected" ("expectations of a rate cut" and
    ///   "analysts had expected the firm to post a profit" stay flagged).
    ///
    /// Nor is a cue in a question, from the cue to the question mark with no clause break
    /// between ("Could this be the end of the ferry?"): a question asks, it claims nothing.
    /// This holds for every `speculation` rule.
    ///
    /// Nor is a cue in a paragraph written in the first person singular ("I", "me", "my"
    /// outside quotation marks): a reader's comment, a column or a first-person account,
    /// whose opinions and hedges are the writer's own and say so, as a named holder's do.
    /// This holds for every `speculation` rule.
    ///
    /// The family reports one finding per sentence: when a sentence holds several speculative
    /// cues, the strongest (hearsay, then unsourced expectation, a doubled hedge, conjecture,
    /// a hedge, a belief) is reported and the others are listed with it as related spans.
    ///
    /// ## Why it matters
    /// Forecasts and beliefs are not facts. AP and Reuters ask that they be attributed to
    /// someone in a position to know, and that the story not present a prediction as a
    /// certainty. Marking them lets an editor check both at a glance.
    ///
    /// ## Example
    /// ```markdown
    /// Investors expect the bank to cut rates in March.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// Traders at three banks said they expect the bank to cut rates in March.
    /// ```
    ///
    /// ## Fix safety
    /// Display-only: nothing to change when the belief is clearly someone's.
    ///
    /// ## Options
    /// None. Set the severity with `[rules] "speculation/belief" = "info"`, or turn it off
    /// with `"off"`.
    pub struct Belief {
        id: "speculation/belief",
        severity: Hint,
        enabled: true,
    }
}

impl Rule for Belief {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        report(ctx, out, &[CueKind::Belief], |c| {
            Diagnostic::new(
                &Self::META,
                c.span,
                concat(&[
                    "“",
                    &c.words,
                    "”: a belief or forecast, not a fact. Check whose it is and that it reads as one.",
                ]),
            )
            .with_fix(
                "Name whose belief it is",
                Applicability::DisplayOnly,
                Vec::new(),
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::check;

    #[test]
    fn beliefs() {
        check(
            "Investors expect the bank to cut rates.",
            &["belief:expect"],
        );
        check("Doctors fear that the virus will spread.", &["belief:fear"]);
        check("He thought about the offer for a week.", &[]);
        check("She believes in second chances.", &[]);
    }
}
