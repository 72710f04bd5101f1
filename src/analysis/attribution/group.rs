//! Vague groups of people: "many experts", "some of his aides", "others", "city officials".
//!
//! A group that names nobody is a vague source wherever it holds a view or acts: as the
//! subject of a verb ("Many leaders are pushing…", "what some critics call…"), as the agent
//! of a passive ("was mocked by several councillors"), as the holder of a view ("to many",
//! "a sense among some voters") or as the one a feeling is attributed to ("has unsettled
//! many voters"). Counts ("thousands of workers", "some 40 people") and contrasts ("other
//! winners") are not groups of sources.

use super::{Attribution, Cue, CueKind, SourceKind, W, lex, lexicon, phrase_at, source};
use crate::prose::TokenKind;
use crate::prose::classes;

/// Auxiliaries and modals: a verb group starts here.
pub(super) const AUX: [&str; 26] = [
    "are", "were", "is", "was", "have", "has", "had", "will", "would", "can", "could", "may",
    "might", "should", "must", "do", "did", "does", "don't", "didn't", "won't", "can't", "remain",
    "remains", "cannot", "need",
];

/// Whether a clause can start at `j` (sentence start, after a comma or a conjunction).
pub(super) fn clause_start(ws: &[W<'_>], j: usize) -> bool {
    let mut k = j;
    while k > 0 {
        let p = &ws[k - 1];
        // After a closing quotation mark: "“…!” some protesters chanted".
        if p.kind == TokenKind::Punct && matches!(p.text, "”" | "\"" | "''") {
            return true;
        }
        if p.quoted {
            return false;
        }
        if p.kind == TokenKind::Punct {
            return matches!(p.text, "," | ";" | ":" | "—" | "–" | "(" | "-");
        }
        if matches!(
            p.low,
            "but"
                | "and"
                | "yet"
                | "still"
                | "even"
                | "now"
                | "instead"
                | "however"
                | "though"
                | "so"
        ) {
            k -= 1;
            continue;
        }
        // "as well as experts…" coordinates a noun phrase.
        if p.is("as") && k >= 2 && ws[k - 2].is("well") {
            return false;
        }
        return matches!(
            p.low,
            "that"
                | "while"
                | "as"
                | "because"
                | "when"
                | "if"
                | "where"
                | "although"
                | "since"
                | "after"
                | "before"
                | "whom"
                | "who"
                | "what"
                | "which"
                | "than"
                | "whether"
                | "how"
                | "why"
        );
    }
    true
}

/// Quantifier phrases that can stand alone for people ("many believe", "seen by some").
pub(super) const PRONOUN_QUANTIFIERS: [&str; 12] = [
    "many", "some", "most", "several", "few", "others", "someone", "somebody", "people",
    "numerous", "various", "multiple",
];

/// Documents and measures that a quantifier leaves unidentified ("some polls", "by some
/// estimates", "in most surveys").
pub(super) const DOCUMENTS: [&str; 12] = [
    "polls",
    "surveys",
    "reports",
    "studies",
    "estimates",
    "accounts",
    "measures",
    "analyses",
    "reviews",
    "assessments",
    "projections",
    "forecasts",
];

/// Verbs of feeling and causation whose object is the one who feels or comes to think
/// ("has unsettled many voters", "led some allies to worry").
pub(super) const FEELING_VERBS: [&str; 40] = [
    "unsettled",
    "unsettles",
    "startled",
    "startles",
    "surprised",
    "surprises",
    "shocked",
    "stunned",
    "angered",
    "angers",
    "alarmed",
    "alarms",
    "worried",
    "worries",
    "concerned",
    "troubled",
    "troubles",
    "frustrated",
    "frustrates",
    "disappointed",
    "disappoints",
    "dismayed",
    "puzzled",
    "baffled",
    "mystified",
    "impressed",
    "impresses",
    "convinced",
    "persuaded",
    "divided",
    "delighted",
    "upset",
    "caught",
    "led",
    "leads",
    "caused",
    "causes",
    "prompted",
    "left",
    "leaving",
];

/// Causative verbs among [`FEELING_VERBS`]: their object must go on to think or feel
/// ("led some to worry", "left many feeling").
pub(super) const CAUSATIVES: [&str; 9] = [
    "caught", "led", "leads", "caused", "causes", "prompted", "left", "leaving", "divided",
];

/// Nouns of a stance that a group holds or voices ("criticism from some councillors",
/// "pressure from several MPs", "opposition among residents").
pub(super) const STANCE_NOUNS: [&str; 16] = [
    "criticism",
    "opposition",
    "pressure",
    "support",
    "praise",
    "complaints",
    "objections",
    "calls",
    "backlash",
    "resistance",
    "concern",
    "concerns",
    "scepticism",
    "skepticism",
    "condemnation",
    "outrage",
];

/// Prepositions that make a vague group the holder of a view or the agent of an act
/// ("to many", "among some voters", "by several critics").
pub(super) const VIEW_PREPOSITIONS: [&str; 7] =
    ["by", "to", "among", "amongst", "for", "from", "with"];

/// Words in "-ly" that are nouns or adjectives, not adverbs.
pub(super) const NOT_LY_ADVERBS: [&str; 23] = [
    "early", "only", "family", "likely", "elderly", "friendly", "daily", "weekly", "monthly",
    "yearly", "italy", "ally", "rally", "assembly", "supply", "reply", "july", "unlikely",
    "lonely", "costly", "orderly", "holy", "ugly",
];

/// Whether `x` is an adverb ending in "-ly" ("initially", "publicly"), not a noun or an
/// adjective that happens to end so.
fn is_ly_adverb(x: &W<'_>) -> bool {
    x.low.ends_with("ly") && x.low.len() > 4 && !x.lx(lex::NOT_LY_ADVERB)
}

/// Adverbs and negation, besides "-ly" words and [`lexicon::BETWEEN`], that may sit between
/// a subject and its verb.
pub(super) const OTHER_ADVERBS: [&str; 10] = [
    "even", "ever", "never", "not", "now", "all", "both", "too", "since", "soon",
];

/// The auxiliaries of [`lexicon::BETWEEN`]: not adverbs.
pub(super) const BETWEEN_AUX: [&str; 6] = ["has", "have", "had", "did", "does", "do"];

/// Adverbs (and negation) that may sit between a subject and its verb.
fn is_adverb(x: &W<'_>) -> bool {
    !x.quoted
        && x.is_word()
        && (is_ly_adverb(x)
            || x.lx(lex::BETWEEN) && !x.lx(lex::BETWEEN_AUX)
            || x.lx(lex::OTHER_ADVERB))
}

/// Words that end a noun phrase read rightwards, besides auxiliaries, prepositions,
/// determiners, pronouns, clause words and adverbs.
pub(super) const NP_BREAKS: [&str; 17] = [
    "who",
    "whom",
    "whose",
    "there",
    "here",
    "than",
    "however",
    "meanwhile",
    "moreover",
    "indeed",
    "instead",
    "nevertheless",
    "thus",
    "hence",
    "therefore",
    "someone",
    "somebody",
];

/// Whether `x` can be part of a noun phrase read rightwards: a word that is not an
/// auxiliary, preposition, determiner, clause word, adverb or finite verb.
fn np_word(x: &W<'_>) -> bool {
    if x.quoted || x.kind != TokenKind::Word {
        return false;
    }
    !(x.lx(lex::AUX
        | lex::BE
        | lex::PREPOSITION
        | lex::CLAUSE_BREAK
        | lex::DETERMINER
        | lex::PRONOUN
        | lex::NP_BREAK)
        || is_adverb(x))
}

/// Whether [`read_np`] can read on over `x` when it is not the last word of the phrase: a
/// noun-phrase word, an abbreviation's dot or a conjunction of heads. A necessary condition
/// only (read_np asks more of each), for a cheap test before a phrase is read.
#[inline]
pub(super) fn np_continues(x: &W<'_>) -> bool {
    x.text == "." || (!x.quoted && matches!(x.low, "and" | "or")) || np_word(x)
}

/// Whether a people noun follows within the next few noun-phrase words, so that a
/// participle at `e` modifies it ("elected officials", "leading politicians").
fn people_ahead(ws: &[W<'_>], e: usize) -> bool {
    ws[e + 1..]
        .iter()
        .take(3)
        .take_while(|n| np_word(n) && !is_verbish(n))
        .any(is_people)
}

/// Reads noun-phrase words rightwards from `k`, at most `max`: modifiers and a head. An
/// "-ed" word counts as a modifier only right before a people noun ("elected officials").
fn read_np(ws: &[W<'_>], k: usize, max: usize) -> usize {
    let mut e = k;
    while e < ws.len() && e - k < max {
        let x = &ws[e];
        // "U.S. officials", "E.U. leaders": the dot of an abbreviation.
        if x.text == "."
            && e > k
            && ws[e - 1].is_cap()
            && (ws[e - 1].text.contains('.') || ws[e - 1].text.chars().count() <= 2)
        {
            e += 1;
            continue;
        }
        // "marchers and spectators": a coordinated head.
        if matches!(x.low, "and" | "or") && !x.quoted {
            if e > k && ws.get(e + 1).is_some_and(|n| np_word(n) && !is_verbish(n)) {
                e += 1;
                continue;
            }
            break;
        }
        if !np_word(x) {
            break;
        }
        // A participle or verb form is a modifier only before a people noun, and a reporting
        // verb never is ("said people", "some claiming"), nor is one in a title-case headline
        // ("Some Say It Proves…").
        let verb_form = is_verbish(x) || x.low.ends_with("ing") || title_case_verb(x);
        if verb_form && (x.verb_lemma().is_some() || !people_ahead(ws, e)) {
            break;
        }
        e += 1;
        // A plural people noun heads the phrase: what follows is its verb ("what economists
        // call"), unless another noun or a conjunction continues it.
        if is_people(x)
            && x.low.ends_with('s')
            && !ws
                .get(e)
                .is_some_and(|n| is_people(n) || matches!(n.low, "and" | "or"))
        {
            break;
        }
    }
    e
}

/// Reads a prepositional phrase after a group ("of politics", "in the room", "on North
/// Korea"): the preposition, an optional determiner and noun-phrase words.
fn read_pp(ws: &[W<'_>], k: usize) -> usize {
    let mut e = k + 1;
    if ws
        .get(e)
        .is_some_and(|x| !x.quoted && (x.lx(lex::DETERMINER) || x.low.ends_with("'s")))
    {
        e += 1;
    }
    let end = read_np(ws, e, 6);
    if end == e { k } else { end }
}

/// A vague group noun phrase starting at `j`: its end, its head, and whether a quantifier
/// opens it.
fn group_np(ws: &[W<'_>], j: usize) -> Option<(usize, usize, bool)> {
    let w = &ws[j];
    if w.quoted || !w.is_word() {
        return None;
    }
    let q = if w.has(classes::QUANTIFIER_FIRST) {
        lexicon::quantifiers_from(w.low)
            .iter()
            .find(|q| phrase_at(ws, j, q))
    } else {
        None
    };
    if let Some(q) = q {
        // Counts ("thousands of workers", "some 40") and contrasts ("other winners") are not
        // vague sources; "most notably" is an adverb.
        if matches!(q[0], "dozens" | "hundreds" | "thousands" | "millions") {
            return None;
        }
        // "Other officials said…" is vague; "other winners" is a contrast.
        if q[0] == "other" {
            let e = read_np(ws, j + 1, 4);
            let head = e.checked_sub(1).filter(|&h| h > j).map(|h| &ws[h]);
            if !head.is_some_and(|h| h.has(classes::VAGUE_NOUN) && is_people(h) || h.is("leaders"))
                || !clause_start(ws, j)
            {
                return None;
            }
            return Some((post_modifier(ws, e), e - 1, true));
        }
        // "the most", "the world's most", "how many", "as many as": not a group.
        if j > 0 {
            let p = &ws[j - 1];
            let as_many_as = p.is("as") && matches!(q[0], "many" | "few");
            if (p.lx(lex::DETERMINER) && !matches!(p.low, "that" | "this"))
                || p.low.ends_with("'s")
                || matches!(p.low, "how" | "so" | "too" | "only")
                || as_many_as
            {
                return None;
            }
        }
        // A single unnamed person: a source only of a reporting verb, which the cue analysis
        // reads ("Someone said…").
        // "Someone called it a revolution" names a view too.
        if matches!(q[0], "someone" | "somebody") {
            let names = ws.get(j + 1).is_some_and(|v| {
                !v.quoted && matches!(v.low, "called" | "calls" | "dubbed" | "labelled")
            }) && ws
                .get(j + 2)
                .is_some_and(|o| matches!(o.low, "it" | "this" | "that" | "them" | "him" | "her"));
            return names.then_some((j + 1, j, true));
        }
        let a = j + q.len();
        let next = ws.get(a);
        // "most affected", "most performed": a superlative, not a group.
        if q[0] == "most"
            && next.is_some_and(|x| {
                !is_people(x)
                    && !x.is("of")
                    && (is_verbish(x) || x.low.ends_with("ing") || is_adverb(x) || x.is("often"))
            })
        {
            return None;
        }
        // "some six million people", "many an hour": counts and idioms.
        if next.is_some_and(|x| {
            x.kind == TokenKind::Number
                || is_ly_adverb(x)
                || matches!(
                    x.low,
                    "a" | "an"
                        | "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "dozen"
                        | "hundred"
                        | "thousand"
                        | "million"
                        | "billion"
                )
        }) {
            return None;
        }
        let ends_of = q.last().is_some_and(|l| *l == "of");
        // "some of his aides", "most of whom", "a number of the members".
        if ends_of || next.is_some_and(|x| x.is("of") && !x.quoted) {
            let k = if ends_of { a } else { a + 1 };
            // "captives, many of whom…" refers to a group just named; it is a vague source
            // only when it says or thinks something ("…, some of whom argued…").
            if ws.get(k).is_some_and(|x| x.is("whom") || x.is("which")) {
                let mut m = k + 1;
                while ws
                    .get(m)
                    .is_some_and(|y| !y.quoted && (y.lx(lex::AUX) || is_adverb(y)))
                {
                    m += 1;
                }
                let says = ws[k].is("whom")
                    && ws.get(m).is_some_and(|v| {
                        !v.quoted
                            && !v.low.ends_with("ing")
                            && v.has(classes::CUE_VERB)
                            && !lexicon::STANCE_ONLY.contains(&lexicon::CUE_VERBS[v.low])
                    });
                return says.then_some((k + 1, k, true));
            }
            let mut s = k;
            if ws
                .get(s)
                .is_some_and(|x| !x.quoted && (x.lx(lex::DETERMINER) || x.low.ends_with("'s")))
            {
                s += 1;
            }
            // Up to seven words: "some of the party's leaders and opinion makers".
            let e = read_np(ws, s, 7);
            if e == s {
                return None;
            }
            let head = e - 1;
            let people = is_people(&ws[head]) || is_actor(&ws[head]);
            let doc = ws[head].lx(lex::DOCUMENT);
            if !(people || doc) {
                return None;
            }
            let e = post_modifier(ws, e);
            return Some((e, head, true));
        }
        // The phrase opens with "a" ("a few", "a number of"), not with a quantifier word.
        let opens_with_a = q.len() > 1 && q[0] == "a";
        // "many in the party", "some on the left".
        if PRONOUN_QUANTIFIERS.contains(&q[q.len() - 1])
            && next.is_some_and(|x| matches!(x.low, "in" | "on" | "within" | "inside") && !x.quoted)
        {
            let e = read_pp(ws, a);
            if e > a + 1 {
                return Some((e, j + q.len() - 1, true));
            }
        }
        let mut e = read_np(ws, a, 5);
        // After a plural quantifier an "-s" form is a noun: "several suspects", "some claims".
        if e == a
            && next.is_some_and(|x| {
                !x.quoted
                    && x.is_word()
                    && x.low.ends_with('s')
                    && is_verbish(x)
                    && !x.lx(lex::AUX | lex::BE)
            })
        {
            e = read_np(ws, a + 1, 4);
        }
        if e == a {
            return PRONOUN_QUANTIFIERS
                .contains(&q[q.len() - 1])
                .then_some((a, a - 1, true))
                .filter(|_| !opens_with_a);
        }
        let head = e - 1;
        if !(is_people(&ws[head]) || is_actor(&ws[head]) || ws[head].lx(lex::DOCUMENT)) {
            return None;
        }
        return Some((post_modifier(ws, e), head, true));
    }
    // A bare plural source noun with its modifiers: "city officials", "Polish legal experts",
    // "her advisers".
    let from = if matches!(w.low, "his" | "her" | "their") {
        j + 1
    } else {
        j
    };
    // The head (one of the next four words, below) must be "reports" or a vague source noun:
    // rule every other word out before reading a noun phrase.
    if !ws[from..(from + 4).min(ws.len())]
        .iter()
        .any(|x| x.has(classes::VAGUE_NOUN))
    {
        return None;
    }
    let e = read_np(ws, from, 4);
    if e == from {
        return None;
    }
    let head = &ws[e - 1];
    // "in media reports", "from local news reports": unnamed outlets.
    let media_reports = head.is("reports")
        && ws[from..e - 1].iter().any(|x| {
            matches!(
                x.low,
                "media" | "news" | "press" | "newspaper" | "local" | "unconfirmed" | "unverified"
            )
        });
    // Bare "people" is everyone ("if people break the law"), not a source.
    let source_noun = head.low.ends_with('s') && head.has(classes::VAGUE_NOUN) && is_people(head);
    if !(media_reports || source_noun) {
        return None;
    }
    if ws[j..e - 1]
        .iter()
        .any(|x| matches!(x.low, "more" | "fewer" | "less") || x.kind == TokenKind::Number)
    {
        return None;
    }
    Some((post_modifier(ws, e), e - 1, false))
}

/// Extends a group over one prepositional post-modifier ("watchers of politics", "experts
/// on trade").
fn post_modifier(ws: &[W<'_>], e: usize) -> usize {
    if ws.get(e).is_some_and(|x| {
        !x.quoted
            && matches!(
                x.low,
                "of" | "on" | "at" | "in" | "from" | "with" | "inside"
            )
    }) {
        read_pp(ws, e)
    } else {
        e
    }
}

/// Skips a parenthetical set off by commas or dashes after a subject ("Others, though,
/// sounded…"; "Some donors, targeted by a boycott, opted…"). Returns where the sentence
/// resumes, when the parenthetical closes within a short distance.
fn skip_parenthetical(ws: &[W<'_>], e: usize) -> Option<usize> {
    let open = ws.get(e)?;
    if open.quoted || !matches!(open.text, "," | "—" | "–" | "-") {
        return None;
    }
    for (k, x) in ws.iter().enumerate().take(e + 24).skip(e + 1) {
        if x.quoted {
            return None;
        }
        if x.text == open.text {
            return (k > e + 1).then_some(k + 1);
        }
        if matches!(x.text, "." | ";" | ":" | "?" | "!") {
            return None;
        }
    }
    None
}

/// Nouns of received opinion that attribute a view to nobody ("conventional wisdom holds",
/// "popular belief has it", "legend has it").
pub(super) const RECEIVED_OPINION: [[&str; 2]; 8] = [
    ["conventional", "wisdom"],
    ["received", "wisdom"],
    ["common", "wisdom"],
    ["popular", "belief"],
    ["common", "belief"],
    ["popular", "opinion"],
    ["popular", "culture"],
    ["legend", "has"],
];

/// Participles that claim common knowledge with nobody named when "it" stands for a
/// following clause ("it is known that…", "it has been suggested that…") or when an
/// infinitive follows ("is known to have…").
pub(super) const KNOWLEDGE_PARTICIPLES: [&str; 12] = [
    "known",
    "observed",
    "noted",
    "argued",
    "suggested",
    "held",
    "felt",
    "assumed",
    "accepted",
    "recognised",
    "recognized",
    "established",
];

/// "It is known that…", "it has been suggested that…", "the fort is known to have…",
/// "conventional wisdom holds that…", "legend has it that…": a view or a piece of common
/// knowledge that names nobody.
pub(super) fn received_view(ws: &[W<'_>], j: usize) -> Option<Attribution> {
    let w = &ws[j];
    if w.quoted || !w.is_word() {
        return None;
    }
    let mk = |from: usize, to: usize| {
        Some(Attribution {
            cue: Cue {
                span: ws[from].span.cover(ws[to].span),
                lemma: "be",
                kind: CueKind::Impersonal,
                token: ws[to].tok,
            },
            source: None,
            content: super::content_after(ws, to + 1),
        })
    };
    // "conventional wisdom holds that", "popular belief has it", "legend has it that".
    if let Some(pat) = w
        .lx(lex::RECEIVED_OPINION_FIRST)
        .then(|| {
            RECEIVED_OPINION
                .iter()
                .find(|p| p[0] == w.low && phrase_at(ws, j, &p[..]))
        })
        .flatten()
    {
        let v = if pat[1] == "has" { j + 1 } else { j + 2 };
        let says = ws.get(v).is_some_and(|x| {
            !x.quoted
                && (matches!(x.low, "holds" | "held" | "says" | "said" | "suggests")
                    || x.is("has") && ws.get(v + 1).is_some_and(|i| i.is("it")))
        });
        let opens = !ws[..j]
            .iter()
            .rev()
            .take(3)
            .any(|x| x.is_word() && !matches!(x.low, "but" | "and" | "yet" | "so"));
        return (says && opens).then(|| mk(j, v)).flatten();
    }
    // "amid reports that…", "was dampened by press reports of…", "there were reports of…":
    // reports that nobody is named for.
    if matches!(w.low, "reports" | "rumours" | "rumors")
        && ws.get(j + 1).is_some_and(|x| {
            !x.quoted && matches!(x.low, "that" | "of" | "suggesting" | "claiming" | "saying")
        })
    {
        let mut a = j;
        while a > 0 && ws[a - 1].lx(lex::MEDIA_WORD) && !ws[a - 1].quoted {
            a -= 1;
        }
        let p = a.checked_sub(1).map(|p| &ws[p]).filter(|p| !p.quoted)?;
        let there = matches!(p.low, "are" | "were" | "been" | "was" | "is")
            && ws[..a - 1].iter().rev().take(3).any(|x| x.is("there"));
        let after_preposition = matches!(
            p.low,
            "amid" | "after" | "following" | "by" | "despite" | "over" | "about" | "on" | "with"
        );
        // "reports of a strike by the Courier", "reports in the Gazette": the outlet is named.
        let outlet_named = ws[j + 1..].iter().take(10).enumerate().any(|(i, x)| {
            matches!(x.low, "by" | "from" | "in")
                && ws[j + 2 + i..]
                    .iter()
                    .take(2)
                    .any(|y| y.is_cap() && y.is_word() && !y.quoted)
        });
        return ((there || after_preposition) && !outlet_named)
            .then(|| mk(a, j))
            .flatten();
    }
    if !w.lx(lex::KNOWLEDGE_PARTICIPLE) {
        return None;
    }
    // The verb group before it: "is", "has been", "is widely", "was long".
    let mut p = j;
    while p > 0 && is_adverb(&ws[p - 1]) && !ws[p - 1].is("not") {
        p -= 1;
    }
    let be = p.checked_sub(1)?;
    if !matches!(ws[be].low, "is" | "was" | "are" | "were" | "been") || ws[be].quoted {
        return None;
    }
    let mut start = be;
    while start > 0 && matches!(ws[start - 1].low, "has" | "have" | "had" | "been") {
        start -= 1;
    }
    let next = ws.get(j + 1).filter(|x| !x.quoted)?;
    let it = start > 0 && ws[start - 1].is("it") && !ws[start - 1].quoted;
    // "it is known that…", "it has been suggested that…".
    if it && next.is("that") {
        return mk(start - 1, j);
    }
    // "is known to have…", "are known to attack…": only "known" takes an infinitive this way.
    if w.is("known")
        && next.is("to")
        && ws
            .get(j + 2)
            .is_some_and(|v| !v.quoted && v.is_word() && !v.is_cap() && !v.lx(lex::DETERMINER))
    {
        return mk(start, j);
    }
    None
}

/// Skips a relative clause or a participle phrase that interrupts a group and its verb
/// ("economists who favour the levy agree…", "delegates backing her declined…",
/// "people jogging by talked…"). Returns the index of the main verb, when one follows
/// within a short distance with no punctuation in between.
fn skip_relative(ws: &[W<'_>], k: usize) -> Option<usize> {
    let x = ws
        .get(k)
        .filter(|x| !x.quoted && x.is_word() && !x.is_cap())?;
    let start = if x.is("who") {
        // The relative clause's own verb group: "who spoke", "who have long argued".
        let mut r = k + 1;
        while ws
            .get(r)
            .is_some_and(|y| !y.quoted && (y.lx(lex::AUX | lex::BE) || is_adverb(y)))
        {
            r += 1;
        }
        let v = ws
            .get(r)
            .filter(|v| !v.quoted && v.is_word() && np_word(v))?;
        if v.is_cap() {
            return None;
        }
        r + 1
    } else if x.low.ends_with("ing")
        && x.low.len() > 5
        // "delegates backing her", "voters supporting the plan"; not "analysts saying".
        && x.verb_lemma().is_none_or(|l| {
            !x.has(classes::CUE_VERB) || matches!(l, "support" | "back")
        })
        || (x.low.ends_with("ed") || x.lx(lex::IRREGULAR_PAST))
            && ws
                .get(k + 1)
                .is_some_and(|p| p.lx(lex::PREPOSITION) && !p.is("by") && !p.quoted)
    {
        // "fans supporting the club", "people briefed on the talks".
        k + 1
    } else {
        return None;
    };
    let relative = x.is("who");
    for m in start..(start + 10).min(ws.len()) {
        let y = &ws[m];
        if y.quoted || !matches!(y.kind, TokenKind::Word | TokenKind::Number) {
            return None;
        }
        if m == start || y.is_cap() || matches!(y.low, "who" | "which" | "that") {
            continue;
        }
        let finite =
            (y.verb_lemma().is_some() && !y.low.ends_with("ing") && !y.has(classes::VAGUE_NOUN))
                || matches!(y.low, "are" | "were" | "have" | "had")
                || (!relative && is_verbish(y));
        // The word before a verb is a noun or an adverb, not a determiner or preposition.
        let p = &ws[m - 1];
        if finite
            && !p.lx(lex::DETERMINER | lex::PREPOSITION)
            && !matches!(p.low, "to" | "and" | "or")
        {
            return Some(m);
        }
    }
    None
}

/// Whether the verb group at `k` after a bare quantifier ("Some …") says, thinks or feels
/// something, or (with `acts`) is an active past tense: "many believe", "some are worried", "others had
/// expected", "others poured scorn"; not "most are made", "some have been told".
fn bare_pronoun_acts(ws: &[W<'_>], k: usize, acts: bool) -> bool {
    let mut m = k;
    let mut be = false;
    let mut aux = false;
    while let Some(x) = ws.get(m).filter(|x| !x.quoted && x.is_word()) {
        if x.lx(lex::BE) {
            be = true;
        } else if x.lx(lex::AUX) {
            aux = true;
        } else if !is_adverb(x) {
            break;
        }
        m += 1;
        if m > k + 4 {
            return false;
        }
    }
    let Some(v) = ws.get(m).filter(|v| !v.quoted && v.is_word()) else {
        return false;
    };
    let l = v.low;
    let lemma = v.verb_lemma();
    let participle = l.ends_with("ed") || l.ends_with("en") || v.lx(lex::IRREGULAR_PAST);
    if be && participle && !v.has(classes::STANCE_ADJECTIVE) {
        // A passive: "are made", "have been told" (agentless reporting passives are read
        // elsewhere).
        return false;
    }
    // "several governments are talking about a deal": speech, though not a reporting verb.
    if lemma.is_some()
        || v.has(classes::STANCE_ADJECTIVE)
        || matches!(l, "talk" | "talked" | "talking" | "talks")
    {
        return true;
    }
    // "Others poured scorn", "some marched": an active past tense, with no auxiliary.
    acts && !be && !aux && m == k && is_verbish(v)
}

/// "Many leaders are pushing…", "what some critics call…", "seen by many as…", "a sense
/// among some voters that…", "has unsettled many voters": a vague group of people as the
/// subject of a verb, the holder of a view, or the one a feeling is attributed to.
pub(super) fn vague_subject(ws: &[W<'_>], j: usize) -> Option<Attribution> {
    let (end, head, quantified) = group_np(ws, j)?;
    let prev = j.checked_sub(1).map(|p| &ws[p]).filter(|p| !p.quoted);
    let prev_low = prev.map_or("", |p| p.low);
    let prev_lx = prev.map_or(0, |p| p.lex_flags());
    let mut cue: Option<usize> = None;
    let doc = ws[head].lx(lex::DOCUMENT);
    // "criticism from some residents", "under pressure from several MPs", "stern opposition
    // among researchers": a view held by the group.
    let stance_noun = j >= 2
        && {
            let n = &ws[j - 2];
            let a = j.checked_sub(3).map(|i| &ws[i]);
            n.lx(lex::STANCE_NOUN)
                || a.is_some_and(|a| {
                    a.lx(lex::STANCE_NOUN) && n.is_word() && !n.is_cap() && np_word(n)
                })
        }
        && matches!(prev_low, "from" | "among" | "amongst");
    if stance_noun && (quantified || ws[head].has(classes::VAGUE_NOUN) && is_people(&ws[head])) {
        cue = Some(j - 1);
    }
    // As the holder of a view or the agent: "among some voters", "by several critics", "to
    // many", "For many fans, …".
    // "with officials saying…", "with experts warning…": a bare group of source nouns
    // voicing something.
    // "with experts offering a different reading": any participle with an object.
    let voicing = || {
        ws.get(end).is_some_and(|v| {
            !v.quoted
                && v.low.ends_with("ing")
                && (v.has(classes::CUE_VERB)
                    || v.low.len() > 6
                        && ws.get(end + 1).is_some_and(|o| {
                            matches!(o.low, "their" | "that" | "the" | "a" | "an")
                        }))
        })
    };
    if cue.is_none()
        && !quantified
        && prev_low == "with"
        && ws[head].has(classes::VAGUE_NOUN)
        && is_people(&ws[head])
        && voicing()
    {
        cue = Some(j - 1);
    }
    if cue.is_none() && quantified && prev_lx & lex::VIEW_PREPOSITION != 0 {
        // "to many", "for some": the quantifier alone, not "for some elderly people".
        let bare =
            head == j && ws[j].lx(lex::PRONOUN_QUANTIFIER) && !ws.get(j + 1).is_some_and(np_word);
        // "For many fans, …": the phrase opens the sentence or a coordinated clause.
        let opens = ws[..j - 1]
            .iter()
            .rev()
            .take(6)
            .find(|x| x.is_word())
            .is_none_or(|x| matches!(x.low, "but" | "and" | "yet" | "so" | "however"));
        let clause_initial = opens && ws.get(end).is_some_and(|x| x.text == "," && !x.quoted);
        let after_participle = j >= 2 && {
            let pp = &ws[j - 2];
            !pp.quoted
                && (pp.low.ends_with("ed")
                    || pp.low.ends_with("en")
                    || pp.lx(lex::IRREGULAR_PAST)
                    || (j >= 3 && is_adverb(pp) && ws[j - 3].low.ends_with("ed")))
        };
        let ok = match prev_low {
            // "by some estimates", "was praised by several critics"
            "by" => after_participle || (doc && clause_initial) || (doc && clause_start(ws, j - 1)),
            // "anger among some workers"
            "among" | "amongst" => !(bare && ws[head].is("others")),
            // "with many saying…", "with some predicting…": a view held by the group.
            // "the timetable did not go down well with many commuters": their reaction.
            "with" if j >= 2 && ws[j - 2].is("well") => true,
            "with" => ws
                .get(end)
                .is_some_and(|v| !v.quoted && v.low.ends_with("ing") && v.verb_lemma().is_some()),
            // "to many", "for some", "For many fans, …"
            _ => !doc && ((bare && !ws[head].is("others")) || clause_initial),
        };
        if ok {
            cue = Some(j - 1);
        }
    }
    // Documents count only with a preposition ("in most polls") or a reporting verb, which
    // the cue analysis reads.
    if doc && cue.is_none() {
        let reports = ws
            .get(end)
            .is_some_and(|v| !v.quoted && v.has(classes::CUE_VERB));
        if matches!(prev_low, "in" | "from") {
            cue = Some(j - 1);
        } else if reports {
            cue = Some(end);
        } else {
            return None;
        }
    }
    // As the one who feels: "has unsettled many voters", "led some allies to worry".
    if cue.is_none() && quantified && prev_lx & lex::FEELING_VERB != 0 {
        let resume = skip_parenthetical(ws, end).unwrap_or(end);
        let after = ws.get(resume);
        let thinks = after.is_some_and(|x| {
            x.is("to") && ws.get(resume + 1).is_some_and(|v| v.verb_lemma().is_some())
                || matches!(
                    x.low,
                    "feeling" | "wondering" | "worried" | "thinking" | "believing" | "questioning"
                )
                || x.has(classes::STANCE_ADJECTIVE)
                || x.is("by")
        });
        if !CAUSATIVES.contains(&prev_low) || thinks {
            cue = Some(j - 1);
        }
    }
    // A headline that quotes a group through a colon: "Economists: the levy will fail".
    if cue.is_none()
        && j == 0
        && end <= 3
        && is_people(&ws[head])
        && ws[head].low.ends_with('s')
        && !ws[head].lx(lex::DOCUMENT)
        && ws.get(end).is_some_and(|c| c.text == ":" && !c.quoted)
        && ws.get(end + 1).is_some_and(|x| !x.quoted)
    {
        cue = Some(end);
    }
    // As the subject of a verb, at the start of a clause or of a relative clause.
    if cue.is_none() {
        // "the coronation many pundits forecast": a relative clause without "that".
        let reduced_relative = quantified
            && j >= 2
            && prev.is_some_and(|p| {
                p.is_word()
                    && !p.is_cap()
                    && np_word(p)
                    && !is_verbish(p)
                    && !p.low.ends_with("ing")
                    && p.verb_lemma().is_none()
            })
            && ws[j - 2].lx(lex::DETERMINER);
        if !clause_start(ws, j) && !reduced_relative {
            return None;
        }
        let mut k = end;
        if let Some(r) = skip_parenthetical(ws, k) {
            k = r;
        } else if let Some(r) = skip_relative(ws, k) {
            k = r;
        }
        while ws.get(k).is_some_and(is_adverb) {
            k += 1;
        }
        // "officials this week detailed…", "aides on Monday said…".
        let t = source::skip_time_forward(ws, k);
        if t > k {
            k = t;
            while ws.get(k).is_some_and(is_adverb) {
                k += 1;
            }
        }
        let v = ws.get(k).filter(|v| !v.quoted)?;
        let modal = matches!(
            v.low,
            "will" | "would" | "can" | "could" | "may" | "might" | "should" | "must"
        );
        if modal {
            // A forecast about the group, unless the group is said to think or say it
            // ("few politicians would ever admit").
            let mut m = k + 1;
            while ws.get(m).is_some_and(is_adverb) {
                m += 1;
            }
            let says = ws.get(m).filter(|x| !x.quoted).and_then(|x| x.verb_lemma());
            if !matches!(
                says,
                Some(
                    "say"
                        | "admit"
                        | "agree"
                        | "argue"
                        | "claim"
                        | "deny"
                        | "acknowledge"
                        | "concede"
                        | "insist"
                        | "believe"
                        | "think"
                        | "doubt"
                        | "expect"
                        | "predict"
                        | "suggest"
                        | "tell"
                        | "warn"
                )
            ) {
                return None;
            }
        } else if !(v.lx(lex::AUX | lex::BE)
            || is_verbish(v)
            || title_case_verb(v)
            // "Many islanders try to…", "some voters tend to…": a catenative verb.
            || (matches!(
                v.low,
                "try" | "tend" | "want" | "seem" | "hope" | "plan" | "refuse" | "intend" | "prefer"
            ) && ws.get(k + 1).is_some_and(|t| t.is("to")))
            // "aides publicly ignore…": after a manner adverb, a plain word is the verb.
            || (k > end
                && is_ly_adverb(&ws[k - 1])
                && !ws[k - 1].is("only")
                && v.is_word()
                && !v.is_cap()
                && np_word(v)
                && !v.low.ends_with("ing")
                && !v.low.ends_with('s'))
            // "what economists call…": an object relative needs a verb next.
            || (matches!(prev_low, "what" | "whom") && v.is_word() && !v.is_cap()))
        {
            return None;
        }
        // "than analysts had expected": a market consensus used as a benchmark, not a source.
        if matches!(prev_low, "than" | "what")
            && matches!(
                ws[head].low,
                "analysts" | "economists" | "forecasters" | "traders" | "investors" | "experts"
            )
            && ws[k..].iter().take(4).any(|x| {
                matches!(
                    x.verb_lemma(),
                    Some("expect" | "predict" | "estimate" | "forecast" | "anticipate")
                ) || x.low.starts_with("forecast")
                    || x.low.starts_with("anticipat")
            })
        {
            return None;
        }
        // A sentence-initial bare noun group must be people; "Many of whom" is fine.
        if !quantified && !is_people(&ws[head]) {
            return None;
        }
        // A quantifier alone ("Most are made in China", "Some have been told to…") often
        // stands for things or for a group named before; it is a vague source only when it
        // says, thinks or feels something, or acts ("Others poured scorn on…").
        let bare = quantified
            && head + 1 == end
            && matches!(
                ws[head].low,
                "many" | "some" | "most" | "several" | "few" | "others"
            );
        if bare && !modal && !bare_pronoun_acts(ws, k, true) {
            return None;
        }
        // Companies and countries are sources when they say, think or feel something.
        if !is_people(&ws[head])
            && is_actor(&ws[head])
            && !modal
            && !bare_pronoun_acts(ws, k, false)
        {
            return None;
        }
        // The group undergoes the verb ("Several men are being held", "many
        // readers were offered a discount"): it is not a source.
        if !modal && undergoes(ws, k) {
            return None;
        }
        cue = Some(k);
    }
    let cue = cue?;
    // The kind is judged with any parenthetical, which may name the group ("…, including
    // Jane Roe, …").
    let mut judged_end = end;
    // A parenthetical that opens with a participle or a preposition ("…, reacting to the
    // Van Dyke video, …") describes the group; a name in it is not a member.
    let describes = ws.get(end + 1).is_some_and(|x| {
        x.is_word()
            && !x.is_cap()
            && (x.low.ends_with("ing")
                || x.low.ends_with("ed")
                || x.lx(lex::IRREGULAR_PAST | lex::PREPOSITION)
                || matches!(x.low, "who" | "which")
                || is_adverb(x))
            && !matches!(x.low, "including" | "like")
    });
    if let Some(r) = skip_parenthetical(ws, end)
        && !describes
    {
        judged_end = r - 1;
    }
    let src = source::make(ws, j..end);
    // (The same phrase is classified once.)
    if judged_end != end && source::make(ws, j..judged_end).kind != SourceKind::Vague {
        return None;
    }
    if src.kind != SourceKind::Vague {
        return None;
    }
    let v = &ws[cue];
    Some(Attribution {
        cue: Cue {
            span: v.span,
            lemma: "subject",
            kind: CueKind::VagueSubject,
            token: v.tok,
        },
        source: Some(src),
        content: if cue > j {
            super::content_after(ws, cue + 1)
        } else {
            None
        },
    })
}

/// Whether the verb group at `k` is a passive whose participle is neither a stance ("are
/// worried") nor a reporting or belief verb ("are believed to"): "are being questioned",
/// "were offered", "have been told".
fn undergoes(ws: &[W<'_>], k: usize) -> bool {
    let mut m = k;
    let mut be = false;
    while let Some(x) = ws.get(m).filter(|x| !x.quoted && x.is_word()) {
        if x.lx(lex::BE) {
            be = true;
        } else if !(x.lx(lex::AUX) || is_adverb(x)) {
            break;
        }
        m += 1;
    }
    let Some(v) = ws.get(m).filter(|v| !v.quoted && v.is_word()) else {
        return false;
    };
    let l = v.low;
    let reports = v.verb_lemma().is_some()
        && ws
            .get(m + 1)
            .is_some_and(|x| matches!(x.low, "to" | "as" | "that" | "by"));
    be && (l.ends_with("ed") || l.ends_with("en") || v.lx(lex::IRREGULAR_PAST))
        && !v.has(classes::STANCE_ADJECTIVE)
        && !reports
}

/// Common irregular past tenses.
pub(super) const IRREGULAR_PAST: [&str; 40] = [
    "made", "took", "gave", "got", "went", "came", "saw", "knew", "felt", "kept", "left", "led",
    "met", "paid", "put", "ran", "sent", "set", "spent", "stood", "won", "began", "became",
    "brought", "bought", "held", "heard", "lost", "meant", "sat", "spoke", "did", "fought",
    "sought", "taught", "threw", "drew", "chose", "rose", "fell",
];

/// Prepositions that cannot open a subject.
pub(super) const PREPOSITIONS: [&str; 18] = [
    "in", "on", "at", "for", "with", "by", "from", "to", "of", "after", "before", "during",
    "under", "over", "about", "into", "despite", "amid",
];

/// Plural nouns with an agent-like ending that do not name people.
pub(super) const NOT_AGENTS: [&str; 65] = [
    "numbers",
    "letters",
    "papers",
    "orders",
    "powers",
    "waters",
    "matters",
    "computers",
    "chapters",
    "towers",
    "layers",
    "offers",
    "answers",
    "flowers",
    "borders",
    "headquarters",
    "centers",
    "quarters",
    "barriers",
    "containers",
    "filters",
    "parameters",
    "monsters",
    "transfers",
    "registers",
    "covers",
    "corners",
    "wonders",
    "disasters",
    "rivers",
    "meters",
    "factors",
    "sectors",
    "errors",
    "doors",
    "floors",
    "colors",
    "colours",
    "plants",
    "grants",
    "bees",
    "trees",
    "fees",
    "degrees",
    "knees",
    "guarantees",
    "events",
    "incidents",
    "accidents",
    "contents",
    "patents",
    "components",
    "ingredients",
    "continents",
    "restaurants",
    "variants",
    "warrants",
    "implants",
    "sites",
    "websites",
    "suites",
    "satellites",
    "favourites",
    "favorites",
    "rites",
];

/// Collective actors a quantifier can leave unnamed: "several governments are talking about a deal",
/// "left many nations feeling…".
fn is_actor(x: &W<'_>) -> bool {
    matches!(
        x.low,
        "countries"
            | "nations"
            | "governments"
            | "unions"
            | "groups"
            | "companies"
            | "firms"
            | "organisations"
            | "organizations"
            | "parties"
            | "newspapers"
            | "outlets"
            | "banks"
            | "campaigns"
    )
}

/// Plural nouns of people besides the vague source nouns ([`is_people`]).
pub(super) const PEOPLE: [&str; 31] = [
    "people",
    "men",
    "women",
    "children",
    "folks",
    "others",
    "members",
    "leaders",
    "voters",
    "fans",
    "families",
    "students",
    "workers",
    "residents",
    "citizens",
    "americans",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "progressives",
    "candidates",
    "donors",
    "delegates",
    "superdelegates",
    "parents",
    "youths",
    "activists",
    "protesters",
    "protestors",
    "enthusiasts",
];

/// Whether a plural noun names people ("voters", "economists", "Democrats", "officials").
pub(super) fn is_people(x: &W<'_>) -> bool {
    let l = x.low;
    if x.has(classes::VAGUE_NOUN)
        && !matches!(
            l,
            "reports"
                | "report"
                | "studies"
                | "study"
                | "research"
                | "outlets"
                | "outlet"
                | "analyses"
                | "analysis"
                | "bodies"
                | "body"
                | "agencies"
                | "agency"
        )
    {
        return true;
    }
    if x.lx(lex::PEOPLE) {
        return true;
    }
    let plural_agent = ["ers", "ors", "ists", "ians", "ants", "ents", "ites", "ees"]
        .iter()
        .any(|s| l.ends_with(s))
        && !l.ends_with("ments")
        && !x.lx(lex::NOT_AGENT);
    let proper_plural = x.is_cap()
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("sis")
        && !l.ends_with("us")
        && x.text.chars().count() >= 5
        && x.text.chars().skip(1).all(|c| c.is_lowercase());
    plural_agent || proper_plural
}

/// "…was tweeted by several people", "…got dinged by critics": a vague group as the agent
/// of a passive.
pub(super) fn vague_agent(ws: &[W<'_>], j: usize) -> Option<Attribution> {
    let w = &ws[j];
    if !w.is("by") || j == 0 {
        return None;
    }
    let p = &ws[j - 1];
    if !(p.low.ends_with("ed") || p.lx(lex::IRREGULAR_PAST) || p.low.ends_with("en")) {
        return None;
    }
    let np = source::np_forward(ws, j + 1)?;
    let head = ws[np.clone()]
        .iter()
        .take_while(|x| !matches!(x.low, "who" | "with" | "in" | "at" | "for" | "of" | "from"))
        .last()?;
    let quant_only = np.len() == 1
        && lexicon::QUANTIFIERS
            .iter()
            .any(|q| q.len() == 1 && q[0] == head.low);
    let quant_led = ws
        .get(np.start)
        .is_some_and(|w| w.has(classes::QUANTIFIER_FIRST))
        && lexicon::quantifiers_from(ws[np.start].low).iter().any(|q| {
            phrase_at(ws, np.start, q)
                && !matches!(
                    q[0],
                    "other" | "dozens" | "hundreds" | "thousands" | "millions"
                )
        });
    let source_noun = head.has(classes::VAGUE_NOUN) && !head.is("people");
    if !quant_only && !(is_people(head) && (quant_led || source_noun)) {
        return None;
    }
    let src = source::make(ws, np);
    if src.kind != SourceKind::Vague {
        return None;
    }
    Some(Attribution {
        cue: Cue {
            span: w.span,
            lemma: "by",
            kind: CueKind::VagueSubject,
            token: w.tok,
        },
        source: Some(src),
        content: None,
    })
}

/// A capitalised speech or belief verb, as written in a title-case headline ("Some Say",
/// "Experts Warn").
fn title_case_verb(x: &W<'_>) -> bool {
    x.is_cap()
        && !x.quoted
        && matches!(
            x.verb_lemma(),
            Some(
                "say"
                    | "believe"
                    | "think"
                    | "claim"
                    | "argue"
                    | "fear"
                    | "warn"
                    | "suggest"
                    | "insist"
                    | "predict"
                    | "doubt"
                    | "expect"
            )
        )
}

/// Whether `x` looks like a finite verb: a known reporting or belief verb, or a past tense.
pub(super) fn is_verbish(x: &W<'_>) -> bool {
    if x.is_cap() || x.kind != TokenKind::Word {
        return false;
    }
    let l = x.low;
    (x.verb_lemma().is_some() && !x.has(classes::VAGUE_NOUN) && !l.ends_with("ing"))
        || (l.ends_with("ed") && l.len() > 4)
        || x.lx(lex::IRREGULAR_PAST | lex::SHORT_PAST)
}

/// Regular past tenses too short for the "-ed" test above ("Some leaders used…").
pub(super) const SHORT_PAST: [&str; 4] = ["used", "owed", "eyed", "vied"];
