//! Name mentions and the entities they refer to.
//!
//! (The full analysis is built in its own issue; this is its interface.)

use crate::markdown::Draft;
use crate::prose::Prose;
use crate::settings::Settings;

/// The names of a draft.
#[derive(Clone, Debug, Default)]
pub struct Names {}

/// Analyses the names of a draft.
pub fn analyze(_source: &str, _draft: &Draft, _prose: &Prose, _settings: &Settings) -> Names {
    Names::default()
}
