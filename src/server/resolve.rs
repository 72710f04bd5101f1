//! Which settings a draft is linted with.
//!
//! The nearest `newslint.toml` above the draft wins, exactly as for `newslint check` (the same
//! [`ConfigCache`] the command line uses); where no file applies, or the draft is not a file,
//! the editor's settings do. A broken file is reported on the file itself and the draft falls
//! back to the editor's settings. Results are cached until [`Resolver::invalidate`] (a watched
//! configuration file changed, or the editor's settings did).

use super::editor::EditorSettings;
use crate::config::{ConfigCache, ConfigError};
use crate::settings::Settings;
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};

/// The settings one draft is linted with.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    /// The settings; `None` when the configuration excludes the draft.
    pub settings: Option<Arc<Settings>>,
    /// The configuration file consulted, if any, and what was wrong with it.
    pub file: Option<(PathBuf, Option<Arc<ConfigError>>)>,
}

/// Resolves and caches settings for drafts.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    editor: RwLock<Arc<Settings>>,
    files: RwLock<Arc<ConfigCache>>,
}

impl Resolver {
    /// Replaces the editor settings and forgets every cached file.
    pub(crate) fn set_editor(&self, editor: EditorSettings) {
        *self.editor.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(editor.settings());
        self.invalidate();
    }

    fn editor_settings(&self) -> Arc<Settings> {
        self.editor
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Forgets every cached configuration file.
    pub(crate) fn invalidate(&self) {
        *self.files.write().unwrap_or_else(PoisonError::into_inner) =
            Arc::new(ConfigCache::discovering());
    }

    /// The settings for the draft at `path`. A draft that is not a file (`path` is `None`)
    /// uses the configuration of `fallback_dir` (the workspace root) when given.
    pub(crate) fn resolve(&self, path: Option<&Path>, fallback_dir: Option<&Path>) -> Resolved {
        let Some(lookup) = path.or(fallback_dir) else {
            return Resolved {
                settings: Some(self.editor_settings()),
                file: None,
            };
        };
        let files = self
            .files
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match files.for_path(lookup) {
            Ok(None) => Resolved {
                settings: Some(self.editor_settings()),
                file: None,
            },
            Ok(Some(c)) => {
                let excluded = path.is_some_and(|p| c.is_excluded(p));
                Resolved {
                    settings: (!excluded).then(|| Arc::new(c.settings.clone())),
                    file: Some((c.path.clone(), None)),
                }
            }
            Err(e) => Resolved {
                settings: Some(self.editor_settings()),
                file: Some((e.path.clone(), Some(Arc::new(e)))),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Level;

    #[test]
    fn nearest_file_wins_and_broken_files_fall_back() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        let sub = root.join("desk");
        let deeper = sub.join("politics");
        std::fs::create_dir_all(&deeper).expect("mkdir");
        std::fs::write(
            root.join("newslint.toml"),
            "exclude = [\"archive/**\"]\n[rules]\nspeculation = \"off\"\n",
        )
        .expect("write");
        std::fs::write(sub.join("newslint.toml"), "[rules]\nnames = \"error\"\n").expect("write");

        let r = Resolver::default();
        let mut editor = EditorSettings::default();
        editor.levels.insert("attribution".into(), Level::Off);
        r.set_editor(editor);

        let top = r.resolve(Some(&root.join("a.md")), None);
        let s = top.settings.expect("settings");
        assert_eq!(s.levels.get("speculation"), Some(&Level::Off));
        assert_eq!(s.levels.get("attribution"), None, "the file wins");
        assert!(
            r.resolve(Some(&root.join("archive/old.md")), None)
                .settings
                .is_none(),
            "excluded"
        );

        let nested = r.resolve(Some(&deeper.join("b.md")), None);
        let s = nested.settings.expect("settings");
        assert!(s.levels.contains_key("names") && !s.levels.contains_key("speculation"));
        assert_eq!(nested.file.expect("file").0, sub.join("newslint.toml"));

        std::fs::write(sub.join("newslint.toml"), "[rules\n").expect("write");
        let cached = r.resolve(Some(&deeper.join("b.md")), None);
        assert!(
            cached.file.expect("file").1.is_none(),
            "cached until invalidated"
        );
        r.invalidate();
        let broken = r.resolve(Some(&deeper.join("b.md")), None);
        let (_, problem) = broken.file.expect("file");
        assert_eq!(problem.expect("problem").line, 1);
        let s = broken.settings.expect("settings");
        assert_eq!(
            s.levels.get("attribution"),
            Some(&Level::Off),
            "editor settings"
        );

        let untitled = r.resolve(None, None);
        assert!(untitled.file.is_none());
        let untitled = r.resolve(None, Some(root));
        assert!(untitled.file.is_some(), "the workspace root's file");
    }
}
