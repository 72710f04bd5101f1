//! Which settings a draft is linted with.
//!
//! The nearest `newslint.toml` above the draft wins, exactly as for `newslint check`; where no
//! file applies (or the draft is not a file), the editor's settings do. A broken file is
//! reported (on the file itself) and the draft falls back to the editor's settings. Results are
//! cached per directory until [`Resolver::invalidate`] (a watched `newslint.toml` changed, or
//! the editor's settings did).

use super::config;
use super::editor::EditorSettings;
use crate::settings::Settings;
use crate::text::Span;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

/// A configuration file that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ConfigProblem {
    /// The file.
    pub path: PathBuf,
    /// What is wrong.
    pub message: String,
    /// The bytes at fault, when known.
    pub span: Option<Span>,
    /// 1-based line and column when known (0 otherwise).
    pub line: usize,
    /// See `line`.
    pub column: usize,
}

/// What a directory resolves to.
#[derive(Clone, Debug)]
enum DirConfig {
    /// No `newslint.toml` above it.
    None,
    /// A usable file.
    File(Arc<config::Config>),
    /// A broken file.
    Broken(Arc<ConfigProblem>),
}

/// The settings one draft is linted with.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    /// The settings; `None` when the configuration excludes the draft.
    pub settings: Option<Arc<Settings>>,
    /// The configuration file consulted, if any, and what was wrong with it.
    pub file: Option<(PathBuf, Option<Arc<ConfigProblem>>)>,
}

/// Resolves and caches settings for drafts.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    editor: RwLock<Arc<Settings>>,
    dirs: Mutex<HashMap<PathBuf, DirConfig>>,
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
        self.dirs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// The settings for the draft at `path` (`None` for a draft that is not a file: then
    /// `fallback_dir`, the workspace root, is searched when given).
    pub(crate) fn resolve(&self, path: Option<&Path>, fallback_dir: Option<&Path>) -> Resolved {
        let dir = path.and_then(Path::parent).or(fallback_dir);
        let Some(dir) = dir else {
            return Resolved {
                settings: Some(self.editor_settings()),
                file: None,
            };
        };
        let found = self.dir_config(dir);
        match found {
            DirConfig::None => Resolved {
                settings: Some(self.editor_settings()),
                file: None,
            },
            DirConfig::File(c) => {
                let excluded = path.is_some_and(|p| config::excludes(&c, p));
                Resolved {
                    settings: (!excluded).then(|| Arc::new(config::settings(&c).clone())),
                    file: Some((c.path.clone(), None)),
                }
            }
            DirConfig::Broken(p) => Resolved {
                settings: Some(self.editor_settings()),
                file: Some((p.path.clone(), Some(p))),
            },
        }
    }

    fn dir_config(&self, dir: &Path) -> DirConfig {
        if let Some(c) = self
            .dirs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(dir)
        {
            return c.clone();
        }
        let found = match config::discover(dir) {
            None => DirConfig::None,
            Some(file) => match config::load(&file) {
                Ok(c) => DirConfig::File(Arc::new(c)),
                Err(e) => {
                    let (span, line, column) = config::error_location(&e);
                    DirConfig::Broken(Arc::new(ConfigProblem {
                        path: e.path.clone(),
                        message: e.message.clone(),
                        span,
                        line,
                        column,
                    }))
                }
            },
        };
        self.dirs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(dir.to_path_buf(), found.clone());
        found
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
            "[rules]\nspeculation = \"off\"\n",
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

        let nested = r.resolve(Some(&deeper.join("b.md")), None);
        let s = nested.settings.expect("settings");
        assert!(s.levels.contains_key("names") && !s.levels.contains_key("speculation"));
        assert_eq!(nested.file.expect("file").0, sub.join("newslint.toml"));

        std::fs::write(sub.join("newslint.toml"), "[rules\n").expect("write");
        let cached = r.resolve(Some(&deeper.join("b.md")), None);
        assert!(cached.file.expect("file").1.is_none(), "cached until invalidated");
        r.invalidate();
        let broken = r.resolve(Some(&deeper.join("b.md")), None);
        let (_, problem) = broken.file.expect("file");
        assert_eq!(problem.expect("problem").line, 1);
        let s = broken.settings.expect("settings");
        assert_eq!(s.levels.get("attribution"), Some(&Level::Off), "editor settings");

        let untitled = r.resolve(None, None);
        assert!(untitled.file.is_none());
    }
}
