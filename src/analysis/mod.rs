//! Shared understanding used by many rules: who said what (attribution), and which names
//! mention which entity (names). Word lists live beside the code as data files.

pub mod attribution;
pub mod names;
pub mod speculation;
