//! `speculation/hedge`.

use super::report;
use crate::analysis::speculation::{Cue, CueKind};
use crate::context::LintContext;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::rules::concat;
use crate::rules::{Rule, RuleMeta};

crate::declare_rule! {
    /// Hedging in the reporter's voice: may, might, could, possibly, likely, appears to, seems.
    ///
    /// ## What it flags
    /// In the reporter's own words:
    /// - speculative modals that hedge a claim: *may*, *might*, *could*, *may have*,
    ///   *could have*, *must have* ("The fire may have started in the kitchen");
    /// - epistemic adverbs and adjectives: *possibly*, *probably*, *perhaps*, *maybe*,
    ///   *conceivably*, *arguably*, *potentially*, *presumably*, *likely*, *unlikely*,
    ///   *probable*, *possible* ("a possible sale", "it is possible that"), *possibility*,
    ///   *likelihood*, the adjective *potential* ("a potential buyer");
    /// - appearance and perception: *seem(s)*, *appear(s) to*, *it appears*, *looks set to*,
    ///   *looks likely*, *it looks like*, *is perceived as*;
    /// - open questions the writer states: *it is unclear*, *remains uncertain*,
    ///   *remains to be seen*, *is yet to be seen*, *it is not clear whether*, *there is no
    ///   guarantee that* (or *no assurance*, *no certainty*), a *whether* clause as the
    ///   subject of *is unclear* or *is yet to be seen* ("Whether the pier reopens is
    ///   unclear"), and an
    ///   inquiry into one: *investigating whether*, *will decide if*, *to find out whether*,
    ///   *a decision on whether*, *the question of whether* ("say what is known so far");
    /// - a doubled hedge, *may possibly*, *could potentially*, as one finding with a fix.
    ///
    /// Not flagged:
    /// - anything inside a direct quotation;
    /// - *May* the month ("in May", "May 5") and the name ("Theresa May"); a sentence that
    ///   starts with *May* followed by a name or a past-tense verb;
    /// - permission and past ability: "you may apply online", "tickets may be bought at the
    ///   door", "could not attend",
    ///   "witnesses could see the smoke" (a person who *could see*; "the deal could see
    ///   prices fall" is a forecast and stays flagged), "so that they could vote", "so
    ///   they could vote", "how it could happen";
    /// - the generic *you*, an option put to the reader: "you could take the side door",
    ///   "you might try the night ferry";
    /// - a suggestion or a wish: *may* or *might* + *want*, *wish*, *like*, *prefer*,
    ///   *care* + *to* ("shoppers may want to book early");
    /// - a comparison of ability: "as fast as she could", "not as bad as it might have
    ///   been";
    /// - a concession, *may* or *might* + *be* or *have* set against a clause with its own
    ///   subject after *but*: "the new pier may be costly, but it is safe" grants the
    ///   first clause, it does not doubt it ("the market may be steadying but still looks
    ///   weak" stays flagged);
    /// - *could* in reported speech: in a sentence that reports someone's words (*said*,
    ///   *told*, *warned*, *according to* …), "could" is the speaker's possibility, often the
    ///   backshifted *can* ("The mayor said the bridge could close");
    /// - *may*, *might*, *likely*, *unlikely*, *probably*, appearance words and open
    ///   questions in the reported speech of a **named** speaker: after *said*, *told*,
    ///   *added*, *warned*, *explained*, *insisted*, *announced*, *admitted*, *confirmed*,
    ///   *conceded*, *cautioned*, *stressed*, *argued*, *noted*, *pointed out* … with a
    ///   named subject (or a pronoun that stands for one), or before a closing
    ///   attribution ("The ferry will probably sail in May, Ana Ruiz said.", also with an
    ///   apposition after the name: "…, said Ana Ruiz, a fund manager", or a role with the
    ///   name in apposition: "The club's lawyer, Dana Mack, said"; a sentence adverb
    ///   before the speaker changes nothing, nor does a fronted adjunct: "However, Ana Ruiz
    ///   said …", "In a statement, Acme said …", "Speaking in Leeds, she said …"). The hedge is
    ///   the speaker's judgement, passed on with its source ("Harbour master Ana Ruiz said
    ///   the ferry may resume sailings"). A group or a role is not a named speaker, so
    ///   "Port officials said the ferry may resume sailings" and "a spokesman said it
    ///   might" stay flagged; so does a clause of the reporter's own after the speech
    ///   ("…, although it is likely to reopen"), and the content of a demand or an
    ///   inference (*urged*, *concluded*);
    /// - *may*, *might*, *could*, *likely*, *probably* and the like under a named holder's
    ///   verb of opinion in the same clause: "Ana Ruiz fears the pier may close", "She
    ///   believes it will probably rain" (*believe*, *think*, *feel*, *fear*, *reckon*,
    ///   *suspect*, *worry*, after a name or *he* / *she*): the holder's judgement, as after
    ///   "said". "Analysts believe the pier may close" and "Few in Westhaven believe …"
    ///   stay flagged, as does a clause of the reporter's own after *but*;
    /// - anything in a sentence that continues the reported speech of the sentence before
    ///   it in the same paragraph (this holds for every `speculation` rule) ("The mayor said the cables were worn. The bridge could
    ///   close for a month.");
    /// - *could* in a past-tense narrative (after *was*, *were*, *had* or *did* in the
    ///   sentence): past ability or the backshifted *can* ("The hall was small and could
    ///   seat only fifty"), and *could* in a clause under a past-tense verb of meaning,
    ///   knowing, deciding or allowing (*meant*, *realised*, *discovered*, *found*, *knew*,
    ///   *learned*, *decided*, *wanted*, *allowed*, *limited*, *ensured*, *agreed*,
    ///   *hinted*, *showed*, *revealed*): "The pass meant that riders could board at any
    ///   stop";
    /// - conditionals: nothing inside an *if*, *unless* or *whether* clause, and not *could*
    ///   in a sentence with an *if* or *unless* clause — a conditional states a condition,
    ///   not a guess. Set `flag-conditionals = true` under `[speculation]` to flag them too;
    /// - *as soon as possible*, *made possible*, *possible to* (ability), *the potential to*;
    /// - a comparison of rates, which is a statistic, not a hedge: "smokers are more likely
    ///   to fall ill", "less likely than", "as likely as", and the group that ranks first,
    ///   "teenagers were the most likely to vote" ("the bill is most likely to pass" stays
    ///   flagged);
    /// - *appeared* meaning "came into view" ("appeared in court", "appeared to the crowd");
    /// - the legal range of a penalty: "firms that break the rule could face a fine",
    ///   "could be jailed for up to two years", "could receive a maximum two-year ban"
    ///   (*may*, *might* or *could* + *face*, *risk*, *incur*, *receive*, *get*, *be handed*,
    ///   *be given*, *be liable for* or *be* + a penalty word) — the law's range, not a
    ///   guess; likewise *possible* or *the possibility of* before a penalty: "faces a
    ///   possible six-match ban", "lawsuits and possible prosecution";
    /// - the noun *might* ("their military might"), and an epistemic word inside a title,
    ///   capitalised after a capitalised word mid-sentence ("the album Definitely Maybe");
    /// - the counterfactual *could have* + past participle, "could have won the match", "a
    ///   deal that could have forced it to sell": it tells what did not happen and hedges
    ///   no claim (*could have* + a noun, "could have a role", stays flagged, as do *may
    ///   have* and *might have*);
    /// - *potential* before a prospective role, "potential buyers", "potential foreign
    ///   investors", "potential jurors": the people who may take the role, a known group;
    /// - *potentially* grading an adjective, "potentially toxic gas", "a potentially
    ///   serious injury": what the thing can be, not a hedge on the claim ("the leak
    ///   potentially threatens the reef" stays flagged);
    /// - *unlikely* as a plain attributive adjective, "an unlikely hero", "the unlikely
    ///   setting for", "an unlikely 2-0 win": surprising, not improbable ("the unlikely
    ///   event that", "an unlikely
    ///   outcome" and "is unlikely to" stay flagged);
    /// - a choice of action still to be made, *decide whether to*, *whether or not to*
    ///   ("the council will decide whether to close the pool"): a decision, not an open
    ///   question of fact;
    /// - *possible* of feasibility, "cheaper calls are possible thanks to the new cable"
    ///   (after *be* or *become*, followed by *thanks to*, *due to*, *because*, *with*,
    ///   *through*, *using*, *via*, *by*, *without*, *under*); "it is possible the plant
    ///   closes" and "a second vote is possible before the summer" stay flagged;
    /// - a possibility someone denies or rules out, "the minister ruled out the possibility
    ///   of a strike": their statement, not the writer's hedge.
    ///
    /// A heading is judged like prose; in a title-case headline, *May* is read as the modal
    /// unless a month word or a number is next to it.
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
    /// This is a reading aid, not a filter: every cue is still shown, and the exemptions
    /// above are what keeps the rule quiet on ordinary news copy.
    ///
    /// ## Why it matters
    /// A hedge in the reporter's voice tells the reader the newsroom is guessing. Reuters asks
    /// for every statement to be sourced unless it is established fact; the BBC's Editorial
    /// Guidelines ask for "clear, precise language"; Wikipedia's Manual of Style lists these
    /// words among the words to watch. Either the fact is known and can be stated, or
    /// someone expects it and can be named.
    ///
    /// ## Example
    /// ```markdown
    /// The merger may possibly close by June.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// The merger could close by June, the company's finance chief said.
    /// ```
    ///
    /// ## Fix safety
    /// A doubled hedge ("may possibly") gets a safe fix that removes the second hedge: the
    /// meaning is kept. Every other finding gets a display-only suggestion (state it or
    /// attribute it), since only the writer knows which.
    ///
    /// ## Options
    /// `[speculation] flag-conditionals = true` in `newslint.toml` also flags hedges inside
    /// conditional clauses. Severity: `[rules] "speculation/hedge" = "warning"`.
    pub struct Hedge {
        id: "speculation/hedge",
        severity: Info,
        enabled: true,
    }
}

fn message(c: &Cue) -> String {
    let w = c.words.as_str();
    let rest = match c.kind {
        CueKind::DoubledHedge => "” hedges twice; one hedge is enough.",
        CueKind::Appearance => {
            "” says how things look, not what is known: state the fact, or say who sees it so."
        }
        CueKind::OpenQuestion if c.words.ends_with(" whether") || c.words.ends_with(" if") => {
            "”: an open question. Say what is known so far, and who is asking."
        }
        CueKind::OpenQuestion => "”: say what is known, and who says the rest is uncertain.",
        CueKind::Modal => "” hedges the claim: is it known? State it, or say who expects it.",
        _ => "” hedges the claim: state it, or attribute the judgement to someone.",
    };
    concat(&["“", w, rest])
}

impl Rule for Hedge {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        use CueKind::*;
        report(
            ctx,
            out,
            &[Modal, Epistemic, DoubledHedge, Appearance, OpenQuestion],
            |c| {
                let d = Diagnostic::new(&Self::META, c.span, message(c));
                match c.remove {
                    Some(span) if c.kind == DoubledHedge => {
                        let removed = span.slice(ctx.source).trim().to_string();
                        d.with_fix(
                            format!("Remove “{removed}”"),
                            Applicability::Safe,
                            vec![Edit {
                                span,
                                replacement: String::new(),
                            }],
                        )
                    }
                    _ => d.with_fix(
                        "State it, or attribute it",
                        Applicability::DisplayOnly,
                        Vec::new(),
                    ),
                }
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{check, flagged};
    use crate::settings::Settings;

    #[test]
    fn modals() {
        check(
            "The fire may have started in the kitchen.",
            &["hedge:may have"],
        );
        check("Prices might fall next year.", &["hedge:might"]);
        check("The strike could spread to other ports.", &["hedge:could"]);
        check(
            "The merger may possibly close by June.",
            &["hedge:may possibly"],
        );
    }

    #[test]
    fn may_the_month_and_the_name() {
        check("The law took effect in May.", &[]);
        check("May 5 was the deadline.", &[]);
        check("Theresa May spoke first.", &[]);
        check("May said she would stay.", &[]);
        check("Talks ended last May without a deal.", &[]);
    }

    #[test]
    fn permission_and_ability() {
        check("Residents may apply online.", &[]);
        check("You may bring one guest.", &[]);
        check("The senator could not attend the vote.", &[]);
        check("Witnesses could see smoke from the bridge.", &[]);
    }

    #[test]
    fn conditionals_are_off_by_default() {
        check("If the talks fail, the strike could spread.", &[]);
        check("Unless prices fall, sales might suffer.", &["hedge:might"]);
        let on = Settings {
            speculation: crate::settings::SpeculationSettings {
                flag_conditionals: true,
            },
            ..Settings::default()
        };
        assert_eq!(
            flagged("If the talks fail, the strike could spread.", &on),
            ["hedge:could"]
        );
    }

    #[test]
    fn epistemic_and_appearance() {
        check("The plan is probably dead.", &["hedge:probably"]);
        check("The company is likely to cut jobs.", &["hedge:likely"]);
        check(
            "The bank is exploring a possible sale.",
            &["hedge:possible"],
        );
        check("Send it as soon as possible.", &[]);
        check(
            "The fund appears to have lost money.",
            &["hedge:appears to"],
        );
        check("She appeared in court on Monday.", &[]);
        check("The deal seems close.", &["hedge:seems"]);
        check("It is unclear who fired first.", &["hedge:unclear"]);
    }
}
