//! The `names` family of rules.

mod first_reference;
mod headline_absent;
mod house_style;
mod inconsistent_spelling;
mod title_drift;

pub use first_reference::FirstReference;
pub use headline_absent::HeadlineAbsent;
pub use house_style::HouseStyle;
pub use inconsistent_spelling::InconsistentSpelling;
pub use title_drift::TitleDrift;

use crate::rules::Rule;

/// The rules of this family.
pub(crate) static RULES: &[&dyn Rule] = &[
    &InconsistentSpelling,
    &HouseStyle,
    &FirstReference,
    &TitleDrift,
    &HeadlineAbsent,
];
