//! Who said what: attribution cues, sources and content, per sentence.
//!
//! (The full analysis is built in its own issue; this is its interface.)

use crate::markdown::Draft;
use crate::prose::Prose;

/// The attribution of every sentence of a draft.
#[derive(Clone, Debug, Default)]
pub struct Attributions {}

/// Analyses the attributions of a draft.
pub fn analyze(_source: &str, _draft: &Draft, _prose: &Prose) -> Attributions {
    Attributions::default()
}
