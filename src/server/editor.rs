//! Editor settings: what the client sends in `initializationOptions` and
//! `workspace/didChangeConfiguration` (or answers to `workspace/configuration`).
//!
//! ```json
//! { "newslint": { "rules": { "speculation": "off", "attribution/vague-source": "error" },
//!                 "debounceMs": 150 } }
//! ```
//!
//! The outer `newslint` key is optional. Rule levels apply to drafts that no `newslint.toml`
//! governs; the debounce applies everywhere.

use crate::settings::{Level, Settings};
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;

/// The debounce when the editor says nothing.
pub(crate) const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);

/// Settings from the editor.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct EditorSettings {
    /// Rule and family levels.
    pub levels: HashMap<String, Level>,
    /// How long to wait after an edit before linting; `None` for the default.
    pub debounce: Option<Duration>,
}

impl EditorSettings {
    /// Reads editor settings from a JSON value; returns them with a warning for every entry
    /// that was not understood (those entries are ignored).
    pub(crate) fn from_json(value: &Value) -> (EditorSettings, Vec<String>) {
        let mut out = EditorSettings::default();
        let mut warnings = Vec::new();
        let value = value.get("newslint").unwrap_or(value);
        let Some(obj) = value.as_object() else {
            if !value.is_null() {
                warnings.push("newslint settings must be an object".to_string());
            }
            return (out, warnings);
        };
        for (key, v) in obj {
            match key.as_str() {
                "rules" => match v.as_object() {
                    Some(rules) => {
                        for (id, level) in rules {
                            match level.as_str().and_then(Level::parse) {
                                Some(l) if known_rule_or_family(id) => {
                                    out.levels.insert(id.clone(), l);
                                }
                                Some(_) => warnings.push(format!("unknown rule or family `{id}`")),
                                None => warnings.push(format!(
                                    "rules.{id}: expected off, hint, info, warning or error"
                                )),
                            }
                        }
                    }
                    None => warnings.push("`rules` must be an object".to_string()),
                },
                "debounceMs" | "debounce_ms" | "debounce" => match v.as_u64() {
                    Some(ms) => out.debounce = Some(Duration::from_millis(ms.min(10_000))),
                    None => warnings.push(format!("`{key}` must be a number of milliseconds")),
                },
                // Settings of the editor integrations themselves (the binary's path, tracing).
                "path" | "trace" | "enable" | "enabled" => {}
                _ => warnings.push(format!("unknown setting `{key}`")),
            }
        }
        (out, warnings)
    }

    /// The settings to lint with where no `newslint.toml` applies.
    pub(crate) fn settings(&self) -> Settings {
        Settings {
            levels: self.levels.clone(),
            ..Settings::default()
        }
    }

    /// The debounce in force.
    pub(crate) fn debounce(&self) -> Duration {
        self.debounce.unwrap_or(DEFAULT_DEBOUNCE)
    }
}

fn known_rule_or_family(id: &str) -> bool {
    crate::rules::FAMILIES.contains(&id) || crate::rules::by_id(id).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Checks the levels, debounce and number of warnings read from `input`.
    fn check(input: Value, levels: &[(&str, Level)], debounce: Option<u64>, warnings: usize) {
        let (s, w) = EditorSettings::from_json(&input);
        let mut want: Vec<(String, Level)> =
            levels.iter().map(|(k, l)| (k.to_string(), *l)).collect();
        let mut got: Vec<(String, Level)> = s.levels.into_iter().collect();
        want.sort_by(|a, b| a.0.cmp(&b.0));
        got.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(got, want, "{input}");
        assert_eq!(s.debounce, debounce.map(Duration::from_millis), "{input}");
        assert_eq!(w.len(), warnings, "{input}: {w:?}");
    }

    #[test]
    fn reads_editor_settings() {
        use crate::Severity::Error;
        check(json!(null), &[], None, 0);
        check(json!({"debounceMs": 0}), &[], Some(0), 0);
        check(
            json!({"newslint": {"rules": {"speculation": "off", "names": "error"}}}),
            &[("speculation", Level::Off), ("names", Level::On(Error))],
            None,
            0,
        );
        check(
            json!({"rules": {"speculation": "loud", "nope": "off"}, "debounce": "x", "z": 1}),
            &[],
            None,
            4,
        );
    }
}
