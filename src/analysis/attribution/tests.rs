use super::*;

/// Analyses `input` and renders each attribution of each sentence as
/// `cue | source | kind`, one string per attribution.
fn render(input: &str) -> Vec<String> {
    let a = crate::Analyzed::new(input);
    let atts = analyze(input, &a.draft, &a.prose);
    let mut out = Vec::new();
    for s in &atts.sentences {
        for at in atts.attributions_of(s.sentence) {
            let src = at
                .source
                .as_ref()
                .map(|s| format!("{} | {}", s.span.slice(input), s.kind.as_str()))
                .unwrap_or_else(|| "- | -".into());
            out.push(format!("{} | {}", at.cue.span.slice(input), src));
        }
    }
    out
}

fn check(input: &str, expected: &[&str]) {
    assert_eq!(render(input), expected, "input: {input}");
}

fn scopes(input: &str) -> Vec<&'static str> {
    let a = crate::Analyzed::new(input);
    analyze(input, &a.draft, &a.prose)
        .sentences
        .iter()
        .map(|s| s.scope.as_str())
        .collect()
}

#[test]
fn named_and_title_sources() {
    check(
        "The mayor of Springfield, Ann Lee, said the bridge would close.",
        &["said | The mayor of Springfield, Ann Lee | named"],
    );
    check(
        "Ann Lee, the city's mayor, announced the closure on Monday.",
        &["announced | Ann Lee, the city's mayor | named"],
    );
    check(
        "The bridge will close, the mayor said.",
        &["said | the mayor | title"],
    );
    check(
        "The bridge will close, said Ann Lee.",
        &["said | Ann Lee | named"],
    );
    check(
        "According to the Transport Ministry, the bridge will close.",
        &["According to | the Transport Ministry | named"],
    );
}

#[test]
fn vague_and_anonymous_sources() {
    check(
        "Officials said the bridge would close.",
        &["said | Officials | vague"],
    );
    check(
        "Some residents believe the bridge is unsafe.",
        &["believe | Some residents | vague"],
    );
    check(
        "Port authority sources suggested a delay.",
        &["suggested | Port authority sources | vague"],
    );
    check(
        "A source said the deal was done.",
        &["said | A source | anonymous"],
    );
    check(
        "Three harbour board officials involved in the review said it was late.",
        &["said | Three harbour board officials involved in the review | anonymous"],
    );
    check(
        "People familiar with the plan said it was late.",
        &["said | People familiar with the plan | anonymous"],
    );
    check(
        "The plan, according to reports, is late.",
        &["according to | reports | vague"],
    );
}

#[test]
fn an_adverb_between_the_source_and_the_verb_is_skipped() {
    check(
        "Officials now say the ferry will run all winter.",
        &["say | Officials | vague"],
    );
    check(
        "Most engineers now believe the dam is sound.",
        &["believe | Most engineers | vague"],
    );
    check(
        "Harbour officials even insist the pier is safe.",
        &["insist | Harbour officials | vague"],
    );
    check(
        "Ana Ruiz now says the pier may close.",
        &["says | Ana Ruiz | named"],
    );
}

#[test]
fn passives_and_impersonal_cues() {
    check(
        "The bridge is believed to be unsafe.",
        &["is believed | - | -"],
    );
    check(
        "The closure was seen by some as a mistake.",
        &["was seen | some | vague"],
    );
    check(
        "The delay has been widely condemned.",
        &["has been widely condemned | - | -"],
    );
    check(
        "The figures were confirmed by the council.",
        &["were confirmed | the council | title"],
    );
    check(
        "There are fears that the bridge will fail.",
        &["There are fears | - | -"],
    );
    // Not attributions.
    check("He was condemned to ten years in prison.", &[]);
    check("The hall was seen from the river.", &[]);
    check("The claims were false.", &[]);
    check("He declined to say more.", &[]);
    check("The United States imposed tariffs.", &[]);
}

#[test]
fn pronouns_resolve_to_the_last_source() {
    let input = "Mayor Ann Lee spoke on Monday. She said the bridge would close.";
    let a = crate::Analyzed::new(input);
    let atts = analyze(input, &a.draft, &a.prose);
    assert!(atts.attributions_of(0).is_empty());
    let input = "Ann Lee said the bridge was unsafe. She added that repairs would take a year.";
    let a = crate::Analyzed::new(input);
    let atts = analyze(input, &a.draft, &a.prose);
    let src = atts.attributions_of(1)[0].source.clone().unwrap();
    assert_eq!(src.kind, SourceKind::Pronoun);
    assert_eq!(src.antecedent.map(|(s, _)| s.slice(input)), Some("Ann Lee"));
    assert_eq!(src.effective_kind(), SourceKind::Named);
}

#[test]
fn quotes_are_the_speakers() {
    // A cue inside a quotation is the speaker's, not an attribution of the sentence.
    check(
        "“Officials said nothing,” Ann Lee said.",
        &["said | Ann Lee | named"],
    );
    let input = "“We will rebuild,” Ann Lee said. “It will take time.”";
    assert_eq!(scopes(input), ["own", "quotation"]);
    let a = crate::Analyzed::new(input);
    let atts = analyze(input, &a.draft, &a.prose);
    assert_eq!(atts.quotations.len(), 2);
    assert_eq!(atts.quotations[0].position, Some(QuotePosition::After));
    assert_eq!(atts.quotations[1].position, Some(QuotePosition::Context));
}

#[test]
fn scope_of_continued_speech() {
    assert_eq!(
        scopes("Ann Lee said the bridge was unsafe. Repairs would take a year.\n\nIt rained."),
        ["own", "continuation", "none"]
    );
    assert_eq!(
        scopes("Ann Lee said the bridge was unsafe.\n\nRepairs would take a year."),
        ["own", "none"]
    );
}

#[test]
fn anonymity_reasons() {
    let input = "An engineer spoke on condition of anonymity because the report is unpublished.";
    let a = crate::Analyzed::new(input);
    let atts = analyze(input, &a.draft, &a.prose);
    let an = atts.anonymity_of(0);
    assert_eq!(an.len(), 1);
    assert_eq!(an[0].reason.map(|r| r.slice(input)), Some("because"));
    let input = "An engineer spoke on condition of anonymity. The report is late.";
    let a = crate::Analyzed::new(input);
    let atts = analyze(input, &a.draft, &a.prose);
    assert_eq!(atts.anonymity_of(0)[0].reason, None);
}

/// The words that `source::classify` compares as introducing names carry their class, and
/// names after them are found.
#[test]
fn name_intro_words_carry_their_class() {
    use crate::prose::classes;
    for w in ["including", "like", "such"] {
        assert_ne!(classes::of(w) & classes::NAME_INTRO, 0, "{w}");
    }
    assert_eq!(
        classify_words(&["several", "officials", "including", "Ann", "Lee"]),
        SourceKind::Named
    );
    assert_eq!(
        classify_words(&["advisers", "such", "as", "Rob", "Tan"]),
        SourceKind::Named
    );
    assert_eq!(
        classify_words(&["advisers", "like", "Rob", "Tan"]),
        SourceKind::Named
    );
}

#[test]
fn classify_plain_words() {
    assert_eq!(classify_words(&["many", "experts"]), SourceKind::Vague);
    assert_eq!(classify_words(&["the", "minister"]), SourceKind::Title);
    assert_eq!(classify_words(&["Ann", "Lee"]), SourceKind::Named);
    assert_eq!(classify_words(&["she"]), SourceKind::Pronoun);
    assert_eq!(
        classify_words(&["other", "European", "nations"]),
        SourceKind::Title
    );
}

#[test]
fn never_panics_on_odd_input() {
    for input in [
        "",
        "said",
        ", said",
        "according to",
        "“said”",
        "is believed",
        "\u{FFFC} said .",
    ] {
        let _ = render(input);
    }
}

#[test]
fn add_reports_a_statement_not_a_deed() {
    check(
        "The minister added that the yard would close.",
        &["added | The minister | title"],
    );
    check(
        "He added the plan would be delayed.",
        &["added | He | pronoun"],
    );
    check("The boatyard added 300 jobs last year.", &[]);
    check("The council added a new ferry route.", &[]);
}

/// [`find_attributions_gated`] without its gates, as a new vector.
fn ungated(ws: &[W<'_>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    find_attributions_gated::<false>(ws, &mut out);
    out
}

/// The gated cue readers of [`find_attributions`] against trying every reader at every
/// word that opens, sentence by sentence.
fn gated_agrees(text: &str) {
    let a = crate::Analyzed::new(text);
    for si in 0..a.prose.sentences.len() {
        let ws = sentence_words(&a.draft, &a.prose, si);
        assert_eq!(
            ungated(&ws),
            find_attributions(&ws),
            "the gated readers of {text:?} differ"
        );
        // A sentence that the class gate passes over holds no cue and no anonymity marker.
        let s = &a.prose.sentences[si];
        let all = a.prose.tokens[s.tokens.clone()]
            .iter()
            .fold(0, |acc, t| acc | t.class);
        if !may_hold_cues(&a.draft, &a.prose, si, all) {
            assert!(ungated(&ws).is_empty(), "gated out: {text:?}");
            assert!(
                find_anonymity(&a.draft, &a.prose, si, &ws).is_empty(),
                "gated out: {text:?}"
            );
        }
        // The quick reading of a quantifier phrase agrees with reading each phrase.
        for (j, w) in ws.iter().enumerate() {
            if !w.quoted {
                assert_eq!(
                    quantifier_at(&ws, j),
                    lexicon::quantifiers_from(w.low)
                        .iter()
                        .any(|q| phrase_at(&ws, j, q)),
                    "quantifier at {j} of {text:?}"
                );
            }
        }
    }
}

#[test]
fn the_gated_readers_find_every_cue() {
    for text in [
        "The bridge closed on Monday.",
        "The bridge closed on Monday, the mayor said.",
        "According to the council, the bridge closed.",
        "There are fears that the bridge will close.",
        "Questions have been raised about the bridge.",
        "Many residents are worried about the bridge.",
        "It is widely accepted that the bridge is old.",
        "Conventional wisdom holds that bridges last.",
        "The plan was criticised by some engineers.",
        "A number of engineers doubt the plan.",
        "Local engineers think the bridge is unsafe.",
        "“The bridge is unsafe,” one engineer, who asked not to be named, told us.",
        "A council worker spoke on condition of anonymity because she was not authorised.",
        "Amid reports of cracks, the bridge closed.",
        "“Some experts say so” was the headline.",
        "The bridge, some say, is unsafe.",
        "A few of the residents left.",
        "Legend has it that the bridge was built in a night.",
        "It is known that the bridge is old, and popular belief holds it is safe.",
        "There were rumours of cracks, reported by some engineers.",
        "The bridge, it is generally agreed, is old.",
        "His senior advisers said the bridge was old.",
        "Their city engineers and surveyors warned that it would fail.",
        "Several U.S. officials said the bridge was old.",
        "A number of residents, a handful of “experts” and a few others said so.",
        "The majority of a strong majority of the lot of them; a group.",
        "The report by local engineers and some residents says it is unsafe.",
    ] {
        gated_agrees(text);
    }
}

/// The words that may open a cue are read from bits for the first 64 words of a sentence:
/// cues and groups on either side of that boundary are found as every word is read.
#[test]
fn the_opening_words_past_the_first_64_are_read() {
    for at in 56..72 {
        let mut words = vec!["the bridge"; 35];
        words.truncate(at / 2);
        let filler = words.join(" and ");
        for tail in [
            "officials said it was old.",
            "some experts fear the worst.",
            "the report by several “engineers” and residents.",
            "according to the council, it is old; many residents are worried.",
            "residents, officials",
        ] {
            gated_agrees(&format!("{filler} {tail}"));
            gated_agrees(&format!("Ann Lee said {filler} x {tail}"));
            gated_agrees(&format!("{filler} {tail} named officials believe it"));
        }
    }
}

/// A group whose head is one of the last words, just past the 64th, opens before it.
#[test]
fn a_head_just_past_the_first_64_words_opens_its_group() {
    let mut words = vec!["the"; 62];
    words.extend([",", "named", "officials", "believe", "council"]);
    gated_agrees(&words.join(" "));
    for extra in 0..6 {
        let mut w = vec!["the"; 60 + extra];
        w.extend(["some", "named", "officials", "believe", "it"]);
        gated_agrees(&w.join(" "));
    }
}

/// The classes that let a quantifier phrase be ruled out without a look-up cover the phrases:
/// a one-word phrase is of class QUANTIFIER_WHOLE (and no other first word is), the second
/// word of every longer phrase of class QUANTIFIER_SECOND; and every phrase, with and without
/// a quotation mark or another word after its first, is read as its words are.
#[test]
fn quantifier_classes_cover_the_phrases() {
    use crate::prose::classes;
    for q in lexicon::QUANTIFIERS.iter() {
        let first = classes::of(q[0]);
        assert_ne!(first & classes::QUANTIFIER_FIRST, 0, "{q:?}");
        let whole = lexicon::QUANTIFIERS
            .iter()
            .any(|p| p.len() == 1 && p[0] == q[0]);
        assert_eq!(first & classes::QUANTIFIER_WHOLE != 0, whole, "{q:?}");
        if let Some(second) = q.get(1) {
            assert_ne!(classes::of(second) & classes::QUANTIFIER_SECOND, 0, "{q:?}");
        }
        let phrase = q.join(" ");
        let rest = q[1..].join(" ");
        for text in [
            format!("{phrase} experts said the bridge was old."),
            format!("The report by {phrase} residents says it is unsafe."),
            format!("{} “{rest}” said so.", q[0]),
            format!("{} local {rest} officials believe it.", q[0]),
            format!("It was {phrase}."),
        ] {
            gated_agrees(&text);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    /// Random sentences from a vocabulary of cue words, group words, quantifiers, anonymity
    /// phrases, function words and quotation marks.
    #[test]
    fn the_gated_readers_agree_on_random_sentences(
        words in proptest::collection::vec(0usize..VOCAB.len(), 1..90)
    ) {
        let mut text = String::new();
        for (i, &w) in words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(VOCAB[w]);
        }
        gated_agrees(&text);
    }
}

/// Words for [`the_gated_readers_agree_on_random_sentences`].
const VOCAB: [&str; 74] = [
    "handful",
    "majority",
    "group",
    "strong",
    "his",
    "their",
    "and",
    "or",
    "city",
    "senior",
    "the",
    "a",
    "bridge",
    "council",
    "said",
    "says",
    "told",
    "believe",
    "fear",
    "fears",
    "according",
    "to",
    "there",
    "are",
    "were",
    "questions",
    "have",
    "been",
    "raised",
    "by",
    "some",
    "many",
    "most",
    "few",
    "number",
    "of",
    "experts",
    "officials",
    "people",
    "reports",
    "report",
    "sources",
    "who",
    "asked",
    "not",
    "named",
    "on",
    "condition",
    "anonymity",
    "because",
    "authorised",
    "speak",
    "widely",
    "accepted",
    "it",
    "is",
    "known",
    "that",
    "conventional",
    "wisdom",
    "holds",
    "worried",
    "“",
    "”",
    ",",
    ".",
    "Ann",
    "Lee",
    "closed",
    "unsafe",
    "amid",
    "others",
    "criticised",
    "mayor",
];

/// The token reading of [`continues_speech_in`] agrees with the word reading.
fn continuation_agrees(text: &str) {
    let a = crate::Analyzed::new(text);
    for si in 0..a.prose.sentences.len() {
        let ws = sentence_words(&a.draft, &a.prose, si);
        let continues = continues_speech_in(&a.draft, &a.prose, si);
        assert_eq!(
            continues,
            continues_speech(&ws),
            "sentence {si} of {text:?}"
        );
        // The class gate passes every sentence that continues speech.
        let s = &a.prose.sentences[si];
        let all = a.prose.tokens[s.tokens.clone()]
            .iter()
            .fold(0, |acc, t| acc | t.class);
        assert!(
            !continues || may_continue_speech(all),
            "gated out: sentence {si} of {text:?}"
        );
    }
}

/// The class gate of continued speech covers each word it looks for, and rules out a
/// sentence of none of them.
#[test]
fn the_continuation_gate_covers_its_words() {
    for w in CONTINUATION_WORDS {
        assert!(may_continue_speech(classes::of(w)), "{w}");
    }
    assert!(!may_continue_speech(
        classes::of("bridge") | classes::of("the")
    ));
    for text in crate::rules::attribution::test_util::fixture_drafts() {
        continuation_agrees(&text);
    }
}

#[test]
fn continued_speech_is_read_from_tokens_as_from_words() {
    for text in [
        "She said the bridge was old. It would close in May.",
        "He said so. He also said more.",
        "They said so. “We could go,” they added.",
        "The bridge is old. Also, it might close.",
        "Would it close?",
    ] {
        continuation_agrees(text);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
    #[test]
    fn continued_speech_agrees_on_random_sentences(
        words in proptest::collection::vec(0usize..CONT_VOCAB.len(), 1..30)
    ) {
        let text = words.iter().map(|&w| CONT_VOCAB[w]).collect::<Vec<_>>().join(" ");
        continuation_agrees(&text);
    }
}

/// Words for [`continued_speech_agrees_on_random_sentences`].
const CONT_VOCAB: [&str; 16] = [
    "He", "she", "They", "it", "also", "Also", "would", "could", "Might", "said", "“", "”", ".",
    ",", "bridge", "close",
];

/// The content of each attribution of `input`, as text.
fn contents(input: &str) -> Vec<String> {
    let a = crate::Analyzed::new(input);
    analyze(input, &a.draft, &a.prose)
        .all_attributions()
        .iter()
        .map(|at| {
            at.content
                .map_or("-".into(), |c| c.slice(input).to_string())
        })
        .collect()
}

#[test]
fn a_fronted_adverb_or_adjunct_is_not_the_content() {
    assert_eq!(
        contents("However, Ana Ruiz said the pier may close."),
        ["the pier may close"]
    );
    assert_eq!(
        contents("In a statement on Monday, Harrow Ferries said fares would rise."),
        ["fares would rise"]
    );
    // A parenthetical speaker: what follows is what was said.
    assert_eq!(
        contents("Still, he added, any rise is some way off."),
        ["any rise is some way off"]
    );
    // Fronted speech stays the content.
    assert_eq!(
        contents("The pier may close in May, Ana Ruiz said."),
        ["The pier may close in May"]
    );
    assert_eq!(contents("Fine, she said."), ["Fine"]);
}

/// The word lists that the readers compare a word with only after a class test are covered
/// by that class (see `source::skip_adverbs_back`, `source::collect_back`, `prev_skipping`).
#[test]
fn class_tests_cover_the_compared_words() {
    let flags = |w: &str| lex::of(w);
    for w in [
        "will", "would", "could", "may", "might", "must", "should", "can", "not", "don't",
        "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "now", "even", "ever",
    ] {
        assert!(
            flags(w) & (lex::AUX | lex::OTHER_ADVERB) != 0 || w.ends_with("n't"),
            "{w}"
        );
    }
    for w in ["has", "have", "had", "will", "would", "can", "could"] {
        assert_ne!(flags(w) & lex::AUX, 0, "{w}");
    }
    for w in ["also", "long", "since", "now", "once", "further"] {
        assert_ne!(flags(w) & (lex::BETWEEN | lex::OTHER_ADVERB), 0, "{w}");
    }
}

/// Each sentence's `classes` is the union of its tokens' classes, so a rule may skip the
/// sentences whose union lacks a class without reading their tokens.
#[test]
fn sentence_classes_are_the_union_of_the_token_classes() {
    let input = "A spokesman declined to comment. Prices rose 5% last year.\n\n\
                 Officials said the plan, which “critics” call costly, would go ahead.";
    let a = crate::Analyzed::new(input);
    let atts = analyze(input, &a.draft, &a.prose);
    assert_eq!(atts.sentences.len(), a.prose.sentences.len());
    for (si, s) in a.prose.sentences.iter().enumerate() {
        let union = a.prose.tokens[s.tokens.clone()]
            .iter()
            .fold(0, |acc, t| acc | t.class);
        assert_eq!(atts.sentences[si].classes, union, "sentence {si}");
    }
}

/// Each sentence's summary, recomputed from its attribution, its tokens and the source.
fn summary_reference(
    input: &str,
    a: &crate::Analyzed,
    atts: &Attributions,
    si: usize,
) -> SentenceSummary {
    let s = &atts.sentences[si];
    let mut flags = 0;
    let mut set = |bit: u16, on: bool| {
        if on {
            flags |= bit;
        }
    };
    let (own, anonymity) = (atts.attributions_of(si), atts.anonymity_of(si));
    let any = |f: &dyn Fn(&Attribution) -> bool| own.iter().any(f);
    set(SentenceSummary::ATTRIBUTIONS, !own.is_empty());
    set(SentenceSummary::SOURCE, any(&|x| x.source.is_some()));
    set(
        SentenceSummary::SPEAKER,
        any(&|x| x.source.is_some() && x.cue.kind != CueKind::Passive),
    );
    set(
        SentenceSummary::REPORTED,
        any(&|x| x.source.is_some() && matches!(x.cue.kind, CueKind::Verb | CueKind::AccordingTo)),
    );
    set(
        SentenceSummary::NAMED,
        any(&|x| {
            x.source.as_ref().is_some_and(|src| {
                matches!(src.effective_kind(), SourceKind::Named | SourceKind::Title)
            })
        }),
    );
    set(
        SentenceSummary::VAGUE,
        any(&|x| match (&x.source, x.cue.kind) {
            (Some(_), CueKind::VagueSubject) => true,
            (Some(src), _) => src.kind == SourceKind::Vague,
            (None, k) => matches!(k, CueKind::Passive | CueKind::Impersonal),
        }),
    );
    set(
        SentenceSummary::ANONYMOUS,
        any(&|x| {
            x.source
                .as_ref()
                .is_some_and(|src| src.kind == SourceKind::Anonymous)
        }),
    );
    // As `attribution/loaded-verb` reads a cue: by its token's class when the cue is the
    // token as written.
    set(
        SentenceSummary::LOADED,
        any(&|x| {
            x.cue.kind == CueKind::Verb
                && (a.prose.tokens[x.cue.token].class & classes::LOADED_VERB != 0
                    || a.prose.token_text(&a.draft, x.cue.token) != x.cue.span.slice(input))
        }),
    );
    set(
        SentenceSummary::PRONOUN,
        any(&|x| {
            x.source
                .as_ref()
                .is_some_and(|src| src.kind == SourceKind::Pronoun)
        }),
    );
    set(SentenceSummary::ANONYMITY, !anonymity.is_empty());
    set(
        SentenceSummary::REASON,
        anonymity.iter().any(|m| m.reason.is_some()),
    );
    set(
        SentenceSummary::SPOKES,
        s.classes & classes::SPOKES_NOUN != 0,
    );
    // As `attribution/unnamed-source` reads the words.
    set(
        SentenceSummary::UNNAMED,
        s.classes & classes::SPOKES_NOUN != 0
            && anonymity.is_empty()
            && crate::rules::attribution::has_unnamed_spokesperson(&sentence_words(
                &a.draft, &a.prose, si,
            )),
    );
    SentenceSummary {
        block: a.prose.sentences[si].block as u32,
        flags,
        scope: s.scope,
    }
}

/// The summaries that the rules read instead of the attributions say what the attributions
/// say, sentence by sentence, over every fixture draft and a few made for it.
#[test]
fn summaries_agree_with_the_attributions() {
    let mut texts = crate::rules::attribution::test_util::fixture_drafts();
    texts.push(
        "A spokesman, who spoke on condition of anonymity because he was not authorised, \
         slammed the plan. Officials said it was believed to be late.\n\n\
         Ann Lee said the bridge would close. She claimed it was unsafe. It would reopen.\n\n\
         The mayor, Rob Tan, said so. Officials agreed. A council spokesman declined to \
         comment.\n\nHe added that it was old, she said.\n\n\
         Then he said it was new.\n\n\
         “The bridge is old,” a source said. “It will fall.”\n\n\
         There are fears that *cl*aimed costs rose, critics **blasted** the plan."
            .to_string(),
    );
    let mut seen = 0u16;
    for input in &texts {
        let a = crate::Analyzed::new(input);
        let atts = analyze(input, &a.draft, &a.prose);
        assert_eq!(atts.summaries.len(), atts.sentences.len());
        // Every pronoun refers to the latest named or titled source before it, in this
        // paragraph or the one before, as a walk through every attribution finds it.
        let mut recent: Option<(Span, SourceKind, usize)> = None;
        for si in 0..atts.sentences.len() {
            let block = a.prose.sentences[si].block;
            if recent.is_some_and(|(_, _, b)| b + 1 < block) {
                recent = None;
            }
            for at in atts.attributions_of(si) {
                if let Some(src) = &at.source {
                    if src.kind == SourceKind::Pronoun {
                        assert_eq!(
                            src.antecedent,
                            recent.map(|(sp, k, _)| (sp, k)),
                            "sentence {si} of {input:?}"
                        );
                    } else if matches!(src.kind, SourceKind::Named | SourceKind::Title) {
                        recent = Some((src.span, src.kind, block));
                    }
                }
            }
        }
        for si in 0..atts.sentences.len() {
            let reference = summary_reference(input, &a, &atts, si);
            assert_eq!(atts.summaries[si], reference, "sentence {si} of {input:?}");
            seen |= reference.flags;
        }
    }
    // Every flag is met at least once.
    assert_eq!(seen, (1 << 13) - 1, "flags seen: {seen:#b}");
}

/// A word's capital is read from its text only when its lowercase form is a string of its
/// own: that answers as reading every word's first letter does.
#[test]
fn is_cap_reads_the_first_letter() {
    let mut texts = crate::rules::attribution::test_util::fixture_drafts();
    texts.push("Ärger in Ōsaka: ÉTÉ, l’Été, O’Brien’s iPhone and 3D. ’Tis «Über».".to_string());
    for input in &texts {
        let a = crate::Analyzed::new(input);
        for si in 0..a.prose.sentences.len() {
            for w in sentence_words(&a.draft, &a.prose, si) {
                assert_eq!(
                    w.is_cap(),
                    starts_upper(w.text),
                    "{:?} in {input:?}",
                    w.text
                );
            }
        }
    }
    for t in ["Ann", "ann", "Über", "über", "", "’Tis", "3D"] {
        let low = lower(t);
        let w = W::new(0, t, &low, TokenKind::Word, false, Span::default(), 0);
        assert_eq!(w.is_cap(), starts_upper(t), "{t:?}");
    }
}

/// A big draft analysed in parallel parts (a pool of several threads) has the attributions of
/// one analysed in one part (a pool of one thread): the parts are put together in order, each
/// sentence's attributions and anonymity markers where they belong.
#[test]
fn parallel_parts_join_as_one() {
    let fixtures = crate::rules::attribution::test_util::fixture_drafts().join("\n\n");
    let mut input = String::new();
    while input.len() < 4 * crate::PARALLEL_MIN_BYTES {
        input.push_str(&fixtures);
        input.push_str("\n\nThe officials spoke on condition of anonymity. Sources said so.\n\n");
    }
    let a = crate::Analyzed::new(&input);
    assert!(a.prose.is_big());
    let in_pool = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a pool")
            .install(|| analyze(&input, &a.draft, &a.prose))
    };
    let one = in_pool(1);
    assert!(one.all_attributions().len() > 100 && !one.anonymity.is_empty());
    for threads in [2, 5] {
        let parts = in_pool(threads);
        assert_eq!(
            format!("{parts:?}"),
            format!("{one:?}"),
            "{threads} threads"
        );
        for si in 0..one.sentences.len() {
            assert_eq!(parts.attributions_of(si), one.attributions_of(si));
            assert_eq!(parts.anonymity_of(si), one.anonymity_of(si));
        }
    }
}

/// A vague subject whose group is also the source of a real cue is dropped alike whether the
/// sources of the real cues are compared one by one (few) or through a sorted list (many), and
/// as comparing it with each of them says; the cues kept stay in order.
#[test]
fn cited_subjects_dropped_alike_few_or_many() {
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m) as usize
    };
    for _ in 0..2_000 {
        let n = next(16);
        let list: Vec<Attribution> = (0..n)
            .map(|k| {
                let kind = match next(3) {
                    0 => CueKind::VagueSubject,
                    1 => CueKind::Verb,
                    _ => CueKind::Passive,
                };
                let source = (next(5) != 0).then(|| {
                    let start = next(40);
                    Source {
                        span: Span::new(start, start + next(6)),
                        kind: SourceKind::Vague,
                        antecedent: None,
                    }
                });
                Attribution {
                    cue: Cue {
                        span: Span::new(k, k + 1),
                        lemma: "say",
                        kind,
                        token: k,
                    },
                    source,
                    content: None,
                }
            })
            .collect();
        let cited: Vec<Span> = list
            .iter()
            .filter(|a| a.cue.kind != CueKind::VagueSubject)
            .filter_map(|a| a.source.as_ref().map(|s| s.span))
            .collect();
        let reference: Vec<Attribution> = list
            .iter()
            .filter(|a| {
                a.cue.kind != CueKind::VagueSubject
                    || a.source
                        .as_ref()
                        .is_none_or(|s| !cited.iter().any(|c| c.overlaps(s.span)))
            })
            .cloned()
            .collect();
        let (mut few, mut many) = (list.clone(), list.clone());
        drop_cited_subjects::<FEW_CITED>(&mut few);
        drop_cited_subjects::<0>(&mut many);
        assert_eq!(few, reference, "{list:?}");
        assert_eq!(many, reference, "{list:?}");
    }
}
