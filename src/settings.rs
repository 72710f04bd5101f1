//! [`Settings`]: the resolved configuration the core lints with.
//!
//! Settings are plain data. Where they come from (a `newslint.toml`, editor settings, the
//! command line) is the business of `config` and the hosts; the core only reads them.

use crate::diagnostic::Severity;
use crate::rules::RuleMeta;
use std::collections::HashMap;

/// A severity override for a rule or a family: a level, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The rule does not run.
    Off,
    /// The rule runs and reports at this severity.
    On(Severity),
}

impl Level {
    /// Parses `off`, `hint`, `info`, `warning` or `error`.
    pub fn parse(s: &str) -> Option<Level> {
        if s == "off" {
            Some(Level::Off)
        } else {
            Severity::parse(s).map(Level::On)
        }
    }
}

/// Options of the names family.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamesSettings {
    /// House-style spellings: each preferred spelling with the spellings it replaces.
    pub prefer: Vec<(String, Vec<String>)>,
    /// `names/first-reference` also reports a full name repeated long after the first
    /// reference. Off by default.
    pub flag_repeated_full_name: bool,
}

/// Options of the speculation family.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeculationSettings {
    /// Also flag hedges inside conditional clauses (if, unless, whether). Off by default.
    pub flag_conditionals: bool,
}

/// Everything the core needs to lint a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Overrides keyed by rule id (`speculation/hedge`) or family (`speculation`). A rule id
    /// wins over its family.
    pub levels: HashMap<String, Level>,
    /// Options of the names family.
    pub names: NamesSettings,
    /// Options of the speculation family.
    pub speculation: SpeculationSettings,
}

impl Settings {
    /// The severity `rule` reports at, or `None` when it is off.
    pub fn severity(&self, rule: &RuleMeta) -> Option<Severity> {
        // Most runs configure no levels: spare the two hashed look-ups (this is asked for
        // every finding).
        let level = if self.levels.is_empty() {
            None
        } else {
            self.levels
                .get(rule.id)
                .or_else(|| self.levels.get(rule.family()))
                .copied()
        };
        match level {
            Some(Level::Off) => None,
            Some(Level::On(s)) => Some(s),
            None if rule.enabled_by_default => Some(rule.default_severity),
            None => None,
        }
    }
}
