//! The seam between the server and `newslint.toml`.
//!
//! The server resolves configuration exactly as `newslint check` does: the nearest
//! `newslint.toml` above a draft wins. Discovery, parsing and resolution belong to
//! `newslint::config` (owned by the command line); this file is the only place in the server
//! that names that API, so that switching implementations is a one-line change.
//!
//! Until `newslint::config` provides `discover`/`load`, [`fallback`] implements the same API
//! minimally (`[rules]` levels and `exclude` globs) so the server and its tests can run.

use crate::settings::Settings;
use crate::text::Span;
use std::path::Path;

// The one line to change when `newslint::config` lands:
pub(crate) use fallback::{Config, ConfigError, discover, load};
// pub(crate) use crate::config::{Config, ConfigError, discover, load};

/// The settings a configuration file resolves to.
pub(crate) fn settings(config: &Config) -> &Settings {
    &config.settings
}

/// Whether `config` excludes the draft at `path` from linting.
pub(crate) fn excludes(config: &Config, path: &Path) -> bool {
    fallback::excludes(config, path)
}

/// Where a configuration error is: its byte span in the file when known, else its 1-based
/// line and column (0 when unknown).
pub(crate) fn error_location(e: &ConfigError) -> (Option<Span>, usize, usize) {
    (e.span, e.line, e.column)
}

pub(crate) mod fallback {
    //! A minimal `newslint.toml` reader with the API `newslint::config` will have: used only
    //! until that module lands.

    use crate::settings::{Level, Settings};
    use crate::text::{LineIndex, Span};
    use std::path::{Path, PathBuf};

    /// A loaded configuration file.
    #[derive(Clone, Debug, Default)]
    pub(crate) struct Config {
        /// The settings it resolves to.
        pub settings: Settings,
        /// Glob patterns (relative to `root`) of drafts not to lint.
        pub exclude: Vec<String>,
        /// The file itself.
        pub path: PathBuf,
        /// The directory the file is in.
        pub root: PathBuf,
    }

    /// A configuration file that could not be read or understood.
    #[derive(Clone, Debug)]
    pub(crate) struct ConfigError {
        /// The file.
        pub path: PathBuf,
        /// 1-based line, 0 when unknown.
        pub line: usize,
        /// 1-based column, 0 when unknown.
        pub column: usize,
        /// The bytes at fault, when known.
        pub span: Option<Span>,
        /// What is wrong.
        pub message: String,
    }

    /// The nearest `newslint.toml` in `start_dir` or above.
    pub(crate) fn discover(start_dir: &Path) -> Option<PathBuf> {
        start_dir
            .ancestors()
            .map(|d| d.join("newslint.toml"))
            .find(|p| p.is_file())
    }

    /// Reads and parses the file at `path`.
    pub(crate) fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            span: None,
            message: e.to_string(),
        })?;
        parse(&text, path)
    }

    /// Parses `text`, the contents of the file at `path`.
    pub(crate) fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let error = |span: Option<Span>, message: String| {
            let (line, column) = span.map_or((0, 0), |s| {
                let lc =
                    LineIndex::new(text).line_col(text, s.start, crate::text::Encoding::Utf32);
                (lc.line as usize + 1, lc.col as usize + 1)
            });
            ConfigError {
                path: path.to_path_buf(),
                line,
                column,
                span,
                message,
            }
        };
        let table: toml::Table = toml::from_str(text)
            .map_err(|e| error(e.span().map(Span::from), e.message().to_string()))?;
        let mut settings = Settings::default();
        if let Some(rules) = table.get("rules") {
            let Some(rules) = rules.as_table() else {
                return Err(error(None, "`rules` must be a table".into()));
            };
            for (key, value) in rules {
                match value.as_str().and_then(Level::parse) {
                    Some(level) => {
                        settings.levels.insert(key.clone(), level);
                    }
                    None => {
                        return Err(error(
                            None,
                            format!("rules.{key}: expected off, hint, info, warning or error"),
                        ));
                    }
                }
            }
        }
        let exclude = table
            .get("exclude")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(Config {
            settings,
            exclude,
            path: path.to_path_buf(),
            root,
        })
    }

    /// Whether `path` matches one of `config.exclude` (relative to the config's directory).
    pub(crate) fn excludes(config: &Config, path: &Path) -> bool {
        let Ok(rel) = path.strip_prefix(&config.root) else {
            return false;
        };
        config.exclude.iter().any(|g| {
            globset::Glob::new(g)
                .map(|g| g.compile_matcher().is_match(rel))
                .unwrap_or(false)
        })
    }
}
