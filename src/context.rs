//! [`LintContext`]: everything a rule may read about one draft.
//!
//! The shared analyses (attributions, names) are computed lazily, once, the first time a rule
//! asks for them, so a configuration that turns a family off does not pay for it.

use crate::analysis::{attribution::Attributions, names::Names};
use crate::markdown::Draft;
use crate::prose::Prose;
use crate::settings::Settings;
use std::sync::OnceLock;

/// One draft, understood, as rules see it.
pub struct LintContext<'a> {
    /// The text as stored.
    pub source: &'a str,
    /// Its Markdown structure and prose blocks.
    pub draft: &'a Draft,
    /// Its sentences, tokens and quotations.
    pub prose: &'a Prose,
    /// The settings in force.
    pub settings: &'a Settings,
    attributions: OnceLock<Attributions>,
    names: OnceLock<Names<'a>>,
    speculation: OnceLock<Vec<Vec<crate::analysis::speculation::Cue>>>,
}

impl<'a> LintContext<'a> {
    /// A context over an already parsed draft.
    pub fn new(
        source: &'a str,
        draft: &'a Draft,
        prose: &'a Prose,
        settings: &'a Settings,
    ) -> Self {
        LintContext {
            source,
            draft,
            prose,
            settings,
            attributions: OnceLock::new(),
            names: OnceLock::new(),
            speculation: OnceLock::new(),
        }
    }

    /// Who said what, per sentence.
    pub fn attributions(&self) -> &Attributions {
        lazy(&self.attributions, || {
            crate::analysis::attribution::analyze(self.source, self.draft, self.prose)
        })
    }

    /// The names mentioned and how they cluster.
    pub fn names(&self) -> &Names<'a> {
        lazy(&self.names, || {
            crate::analysis::names::analyze(self.source, self.draft, self.prose, self.settings)
        })
    }

    /// The speculative cues in the reporter's words, found once for the speculation rules,
    /// in runs of whole sentences ([`crate::analysis::speculation::find_runs`]): the runs one
    /// after another are the cues in document order, and a sentence's cues are all in one run.
    pub fn speculation(&self) -> &[Vec<crate::analysis::speculation::Cue>] {
        lazy(&self.speculation, || {
            crate::analysis::speculation::find_runs(self)
        })
        .as_slice()
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'a str {
        self.prose.sentence_text(self.draft, i)
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.prose.token_text(self.draft, i)
    }
}

/// The value in `cell`, computed by `make` on first use.
///
/// No lock is held while `make` runs (unlike `OnceLock::get_or_init`): the analyses of a big
/// draft run on the rayon pool, and a thread that waits inside a lock for its pool tasks could
/// be handed a task that waits for the same lock. Two threads that ask at once may both
/// compute the value; the first one stored is kept (they are equal: the analyses are pure).
fn lazy<T>(cell: &OnceLock<T>, make: impl FnOnce() -> T) -> &T {
    if let Some(v) = cell.get() {
        return v;
    }
    let v = make();
    cell.get_or_init(|| v)
}
