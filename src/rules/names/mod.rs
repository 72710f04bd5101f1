//! The `names` family of rules.

use crate::rules::Rule;

/// The rules of this family.
pub(crate) static RULES: &[&dyn Rule] = &[];
