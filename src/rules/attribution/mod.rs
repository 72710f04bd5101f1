//! The `attribution` family of rules: who says so.
//!
//! Every rule here reads the shared attribution analysis
//! ([`crate::analysis::attribution`]); words inside direct quotations are the speaker's and
//! are never flagged as the reporter's.

use crate::rules::Rule;

mod anonymous_source;
mod loaded_verb;
mod unattributed_claim;
mod unattributed_quote;
mod unnamed_source;
mod vague_source;

pub use anonymous_source::AnonymousSource;
pub use loaded_verb::LoadedVerb;
pub use unattributed_claim::UnattributedClaim;
pub use unattributed_quote::UnattributedQuote;
pub use unnamed_source::UnnamedSource;
pub use vague_source::VagueSource;

/// The nouns that head an unnamed source of `attribution/unnamed-source` (the class
/// [`crate::prose::classes::SPOKES_NOUN`]).
pub(crate) fn spokes_nouns() -> Vec<&'static str> {
    unnamed_source::SPOKES
        .iter()
        .copied()
        .chain(["officials"])
        .collect()
}

/// Whether the words `ws` of a sentence hold an unnamed spokesperson as
/// `attribution/unnamed-source` reads one (the analysis records it in
/// [`crate::analysis::attribution::SentenceSummary::UNNAMED`]).
pub(crate) fn has_unnamed_spokesperson(ws: &[crate::analysis::attribution::W<'_>]) -> bool {
    // Only an unquoted word of the class heads one (as `unnamed_spokesperson` asks first):
    // the others are passed over without a call.
    ws.iter().enumerate().any(|(i, w)| {
        w.class & crate::prose::classes::SPOKES_NOUN != 0
            && !w.quoted
            && w.is_word()
            && unnamed_source::unnamed_spokesperson(ws, i).is_some()
    })
}

/// The stop words of `attribution/unattributed-claim` (the class
/// [`crate::prose::classes::STOPWORD`]).
pub(crate) fn stopwords() -> Vec<&'static str> {
    unattributed_claim::STOPWORDS.to_vec()
}

/// The words that give a sentence a concrete signal of a claim (the class
/// [`crate::prose::classes::CLAIM_SIGNAL`]).
pub(crate) fn claim_signal_words() -> Vec<&'static str> {
    unattributed_claim::signal_words()
}

/// The rules of this family.
pub(crate) static RULES: &[&dyn Rule] = &[
    &UnattributedClaim,
    &VagueSource,
    &AnonymousSource,
    &LoadedVerb,
    &UnattributedQuote,
    &UnnamedSource,
];

#[cfg(test)]
pub(crate) mod test_util {
    use crate::Settings;

    /// Lints `input` with the default settings and returns the text of each finding of
    /// `rule`.
    pub fn flagged(input: &str, rule: &str) -> Vec<String> {
        crate::lint(input, &Settings::default())
            .into_iter()
            .filter(|d| d.rule == rule)
            .map(|d| d.span.slice(input).to_string())
            .collect()
    }

    /// The text of every Markdown draft under `tests/fixtures`, for tests that check a fast path
    /// against the general one over real drafts.
    pub fn fixture_drafts() -> Vec<String> {
        let mut texts = Vec::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(p) = stack.pop() {
            for e in std::fs::read_dir(&p).into_iter().flatten().flatten() {
                let path = e.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|x| x == "md") {
                    texts.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        texts
    }
}
