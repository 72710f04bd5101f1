//! `newslint.toml`: discovery, parsing with spans, resolution to [`Settings`].
//!
//! A configuration file is `newslint.toml` or `.newslint.toml`; for a linted file, the nearest
//! one found from the file's directory upward wins (files are not merged). When a directory
//! holds both, `newslint.toml` wins.
//!
//! ```toml
//! exclude = ["archive/**", "*.draft.md"]
//!
//! [rules]
//! speculation = "info"                 # a whole family
//! "attribution/vague-source" = "error" # one rule (wins over its family)
//!
//! [names.prefer]
//! "Zelenskyy" = ["Zelenskiy", "Zelensky"]
//! "Kyiv" = ["Kiev"]
//!
//! [names]
//! flag-repeated-full-name = false
//!
//! [speculation]
//! flag-conditionals = false
//! ```
//!
//! Unknown keys, unknown rules or families and bad values are [`ConfigError`]s that name the
//! file, line and column.

use crate::rules::{self, FAMILIES};
use crate::settings::{Level, Settings};
use crate::text::{Encoding, LineIndex, Span};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The file names searched for, in order of preference within one directory.
pub const FILE_NAMES: [&str; 2] = ["newslint.toml", ".newslint.toml"];

/// A configuration file, resolved.
#[derive(Clone, Debug)]
pub struct Config {
    /// The settings the core lints with.
    pub settings: Settings,
    /// The `exclude` globs, relative to [`Config::root`].
    pub exclude: GlobSet,
    /// The configuration file itself.
    pub path: PathBuf,
    /// The directory the file is in; `exclude` globs are relative to it.
    pub root: PathBuf,
}

impl Config {
    /// A configuration with default settings and no exclusions, rooted at `root`.
    pub fn empty(root: &Path) -> Config {
        Config {
            settings: Settings::default(),
            exclude: GlobSet::empty(),
            path: PathBuf::new(),
            root: root.to_path_buf(),
        }
    }

    /// Whether `path` (a file or directory; relative to the current directory or absolute)
    /// matches an `exclude` glob. A glob that matches a directory excludes everything below
    /// it. Paths outside [`Config::root`] are never excluded.
    pub fn is_excluded(&self, path: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let abs = absolute(path);
        let Ok(rel) = abs.strip_prefix(&self.root) else {
            return false;
        };
        rel.ancestors()
            .filter(|p| !p.as_os_str().is_empty())
            .any(|p| self.exclude.is_match(p))
    }
}

/// A configuration file that could not be read or understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The configuration file.
    pub path: PathBuf,
    /// 1-based line of the problem (0 when the error has no position, e.g. an I/O error).
    pub line: usize,
    /// 1-based column in Unicode scalar values (0 when the error has no position).
    pub column: usize,
    /// The byte span of the offending key or value, when known.
    pub span: Option<Span>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                self.line,
                self.column,
                self.message
            )
        }
    }
}

impl std::error::Error for ConfigError {}

/// The nearest configuration file from `start_dir` upward, if any.
pub fn discover(start_dir: &Path) -> Option<PathBuf> {
    let start = absolute(start_dir);
    for dir in start.ancestors() {
        for name in FILE_NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Reads and parses the configuration file at `path`.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let bytes = std::fs::read(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        span: None,
        message: format!("cannot read the configuration file: {e}"),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ConfigError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        span: None,
        message: "the configuration file is not valid UTF-8".to_string(),
    })?;
    parse(&text, path)
}

/// Parses configuration `text` read from `path` (used for error messages and as the root
/// of `exclude` globs).
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let p = Parser {
        text,
        path,
        index: LineIndex::new(text),
    };
    p.parse()
}

/// Absolute form of `path` without touching symlinks (falls back to `path` itself).
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

struct Parser<'a> {
    text: &'a str,
    path: &'a Path,
    index: LineIndex,
}

type Table<'i> = DeTable<'i>;
type Value<'i> = Spanned<DeValue<'i>>;

impl Parser<'_> {
    fn error(&self, span: Option<Range<usize>>, message: impl Into<String>) -> ConfigError {
        let (line, column, span) = match span {
            Some(r) => {
                let lc = self.index.line_col(self.text, r.start, Encoding::Utf32);
                (
                    lc.line as usize + 1,
                    lc.col as usize + 1,
                    Some(Span::new(r.start, r.end)),
                )
            }
            None => (0, 0, None),
        };
        ConfigError {
            path: self.path.to_path_buf(),
            line,
            column,
            span,
            message: message.into(),
        }
    }

    fn parse(&self) -> Result<Config, ConfigError> {
        let doc = DeTable::parse(self.text).map_err(|e| {
            let msg = e.message().trim().to_string();
            self.error(e.span().or(Some(0..0)), format!("invalid TOML: {msg}"))
        })?;
        let root = absolute(self.path.parent().unwrap_or(Path::new(".")));
        let mut config = Config::empty(&root);
        config.path = self.path.to_path_buf();
        for (key, value) in sorted(doc.get_ref()) {
            match key.get_ref().as_ref() {
                "exclude" => config.exclude = self.exclude(value)?,
                "rules" => self.rules(value, &mut config.settings)?,
                "names" => self.names(value, &mut config.settings)?,
                "speculation" => self.speculation(value, &mut config.settings)?,
                other => {
                    return Err(self.error(
                        Some(key.span()),
                        format!(
                            "unknown key `{other}` (expected `exclude`, `rules`, `names` or `speculation`)"
                        ),
                    ));
                }
            }
        }
        Ok(config)
    }

    fn table<'v, 'i>(
        &self,
        value: &'v Value<'i>,
        what: &str,
    ) -> Result<&'v Table<'i>, ConfigError> {
        match value.get_ref() {
            DeValue::Table(t) => Ok(t),
            _ => Err(self.error(Some(value.span()), format!("`{what}` must be a table"))),
        }
    }

    fn string<'v>(&self, value: &'v Value<'_>, what: &str) -> Result<&'v str, ConfigError> {
        match value.get_ref() {
            DeValue::String(s) => Ok(s.as_ref()),
            _ => Err(self.error(Some(value.span()), format!("{what} must be a string"))),
        }
    }

    fn boolean(&self, value: &Value<'_>, what: &str) -> Result<bool, ConfigError> {
        match value.get_ref() {
            DeValue::Boolean(b) => Ok(*b),
            _ => Err(self.error(
                Some(value.span()),
                format!("`{what}` must be true or false"),
            )),
        }
    }

    fn strings(
        &self,
        value: &Value<'_>,
        what: &str,
    ) -> Result<Vec<(String, Range<usize>)>, ConfigError> {
        match value.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .map(|v| {
                    self.string(v, &format!("each item of {what}"))
                        .map(|s| (s.to_string(), v.span()))
                })
                .collect(),
            _ => Err(self.error(
                Some(value.span()),
                format!("{what} must be an array of strings"),
            )),
        }
    }

    fn exclude(&self, value: &Value<'_>) -> Result<GlobSet, ConfigError> {
        let mut builder = GlobSetBuilder::new();
        for (pattern, span) in self.strings(value, "`exclude`")? {
            let trimmed = pattern.trim_start_matches("./").trim_end_matches('/');
            // Like .gitignore: a pattern without a slash matches at any depth.
            let anchored = trimmed.trim_start_matches('/');
            let mut variants = vec![anchored.to_string()];
            if !trimmed.contains('/') {
                variants.push(format!("**/{anchored}"));
            }
            for v in variants {
                let glob = GlobBuilder::new(&v)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| {
                        self.error(
                            Some(span.clone()),
                            format!("invalid glob `{pattern}`: {}", e.kind()),
                        )
                    })?;
                builder.add(glob);
            }
        }
        builder
            .build()
            .map_err(|e| self.error(Some(value.span()), format!("invalid `exclude`: {e}")))
    }

    fn rules(&self, value: &Value<'_>, settings: &mut Settings) -> Result<(), ConfigError> {
        let table = self.table(value, "rules")?;
        let all = rules::all();
        for (key, level) in sorted(table) {
            let name = key.get_ref().as_ref();
            let known = FAMILIES.contains(&name) || all.iter().any(|r| r.meta().id == name);
            if !known {
                let hint = match closest(name, all.iter().map(|r| r.meta().id).chain(FAMILIES)) {
                    Some(s) => format!("; did you mean `{s}`?"),
                    None => " (see `newslint rules`)".to_string(),
                };
                return Err(self.error(
                    Some(key.span()),
                    format!("unknown rule or family `{name}`{hint}"),
                ));
            }
            let text = self.string(level, &format!("the level of `{name}`"))?;
            let parsed = Level::parse(text).ok_or_else(|| {
                self.error(
                    Some(level.span()),
                    format!(
                        "invalid level `{text}` for `{name}` (expected \"off\", \"hint\", \"info\", \"warning\" or \"error\")"
                    ),
                )
            })?;
            settings.levels.insert(name.to_string(), parsed);
        }
        Ok(())
    }

    fn names(&self, value: &Value<'_>, settings: &mut Settings) -> Result<(), ConfigError> {
        let table = self.table(value, "names")?;
        for (key, v) in sorted(table) {
            match key.get_ref().as_ref() {
                "prefer" => {
                    let prefer = self.table(v, "names.prefer")?;
                    for (preferred, variants) in sorted(prefer) {
                        let preferred = preferred.get_ref().trim().to_string();
                        if preferred.is_empty() {
                            return Err(
                                self.error(Some(v.span()), "a preferred spelling cannot be empty")
                            );
                        }
                        let list = self
                            .strings(variants, &format!("the spellings `{preferred}` replaces"))?;
                        let list = list.into_iter().map(|(s, _)| s).collect();
                        settings.names.prefer.push((preferred, list));
                    }
                }
                // The rule's documentation spells it with underscores; both are accepted.
                "flag-repeated-full-name" | "flag_repeated_full_name" => {
                    settings.names.flag_repeated_full_name =
                        self.boolean(v, "names.flag-repeated-full-name")?;
                }
                other => {
                    return Err(self.error(
                        Some(key.span()),
                        format!(
                            "unknown key `names.{other}` (expected `names.prefer` or `names.flag-repeated-full-name`)"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    fn speculation(&self, value: &Value<'_>, settings: &mut Settings) -> Result<(), ConfigError> {
        let table = self.table(value, "speculation")?;
        for (key, v) in sorted(table) {
            match key.get_ref().as_ref() {
                "flag-conditionals" => {
                    settings.speculation.flag_conditionals =
                        self.boolean(v, "speculation.flag-conditionals")?;
                }
                other => {
                    return Err(self.error(
                        Some(key.span()),
                        format!(
                            "unknown key `speculation.{other}` (expected `speculation.flag-conditionals`)"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The entries of `table` in source order, so the first error reported is the first in the
/// file.
fn sorted<'t, 'i>(
    table: &'t Table<'i>,
) -> Vec<(&'t Spanned<std::borrow::Cow<'i, str>>, &'t Value<'i>)> {
    let mut v: Vec<_> = table.iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

/// The candidate closest to `name` by edit distance, if it is close enough to be a typo.
fn closest<'c>(name: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .map(|c| (levenshtein(name, c), c))
        .filter(|(d, c)| *d <= 3.max(c.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Finds and loads configuration files for many linted files, each file and directory once.
///
/// Used by the CLI (and usable by the language server): per directory, the discovered file is
/// cached; per configuration file, the parse result is cached.
#[derive(Debug, Default)]
pub struct ConfigCache {
    mode: CacheMode,
    by_dir: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    loaded: Mutex<HashMap<PathBuf, Result<Arc<Config>, ConfigError>>>,
}

#[derive(Debug, Default)]
enum CacheMode {
    /// Discover the nearest file per directory.
    #[default]
    Discover,
    /// `--isolated`: no configuration files at all.
    Isolated,
    /// `--config PATH`: one file for everything.
    Fixed(Arc<Config>),
}

impl ConfigCache {
    /// A cache that discovers configuration files.
    pub fn discovering() -> ConfigCache {
        ConfigCache::default()
    }

    /// A cache that never reads configuration files (`--isolated`).
    pub fn isolated() -> ConfigCache {
        ConfigCache {
            mode: CacheMode::Isolated,
            ..ConfigCache::default()
        }
    }

    /// A cache that uses `config` for every file (`--config PATH`).
    pub fn fixed(config: Config) -> ConfigCache {
        ConfigCache {
            mode: CacheMode::Fixed(Arc::new(config)),
            ..ConfigCache::default()
        }
    }

    /// The configuration that applies to the file or directory `path`: `Ok(None)` when there
    /// is none (use default settings).
    pub fn for_path(&self, path: &Path) -> Result<Option<Arc<Config>>, ConfigError> {
        match &self.mode {
            CacheMode::Isolated => Ok(None),
            CacheMode::Fixed(c) => Ok(Some(c.clone())),
            CacheMode::Discover => {
                let abs = absolute(path);
                let dir = if abs.is_dir() {
                    abs
                } else {
                    abs.parent().map(Path::to_path_buf).unwrap_or(abs)
                };
                let found = {
                    let mut by_dir = self.by_dir.lock().unwrap_or_else(|e| e.into_inner());
                    by_dir
                        .entry(dir.clone())
                        .or_insert_with(|| discover(&dir))
                        .clone()
                };
                let Some(file) = found else {
                    return Ok(None);
                };
                let mut loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
                loaded
                    .entry(file.clone())
                    .or_insert_with(|| load(&file).map(Arc::new))
                    .clone()
                    .map(Some)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    /// Parses `input`; on success returns a compact rendering of what was understood, on
    /// failure `line:col: message`.
    fn check(input: &str, expected: &str) {
        let got = match parse(input, Path::new("/cfg/newslint.toml")) {
            Ok(c) => {
                let mut levels: Vec<String> = c
                    .settings
                    .levels
                    .iter()
                    .map(|(k, v)| match v {
                        Level::Off => format!("{k}=off"),
                        Level::On(s) => format!("{k}={s}"),
                    })
                    .collect();
                levels.sort();
                let prefer: Vec<String> = c
                    .settings
                    .names
                    .prefer
                    .iter()
                    .map(|(p, v)| format!("{p}<{}", v.join("|")))
                    .collect();
                format!(
                    "levels[{}] prefer[{}] cond={} exclude={}{}",
                    levels.join(","),
                    prefer.join(","),
                    c.settings.speculation.flag_conditionals,
                    c.exclude.len(),
                    if c.settings.names.flag_repeated_full_name {
                        " repeated"
                    } else {
                        ""
                    }
                )
            }
            Err(e) => format!("{}:{}: {}", e.line, e.column, e.message),
        };
        assert_eq!(got, expected, "for input:\n{input}");
    }

    #[test]
    fn valid_files() {
        check("", "levels[] prefer[] cond=false exclude=0");
        check(
            "exclude = [\"archive/**\", \"*.tmp.md\"]\n[rules]\nspeculation = \"info\"\nnames = \"off\"\n",
            "levels[names=off,speculation=info] prefer[] cond=false exclude=3",
        );
        check(
            "[names.prefer]\n\"Zelenskyy\" = [\"Zelenskiy\", \"Zelensky\"]\nKyiv = [\"Kiev\"]\n[speculation]\nflag-conditionals = true\n",
            "levels[] prefer[Zelenskyy<Zelenskiy|Zelensky,Kyiv<Kiev] cond=true exclude=0",
        );
        check(
            "[names]\nflag-repeated-full-name = true\n",
            "levels[] prefer[] cond=false exclude=0 repeated",
        );
        check(
            "[names]\nflag_repeated_full_name = true\n",
            "levels[] prefer[] cond=false exclude=0 repeated",
        );
        check(
            "names = { prefer = { \"Kyiv\" = [] } }",
            "levels[] prefer[Kyiv<] cond=false exclude=0",
        );
    }

    #[test]
    fn errors_name_line_and_column() {
        check(
            "colour = 1\n",
            "1:1: unknown key `colour` (expected `exclude`, `rules`, `names` or `speculation`)",
        );
        check(
            "[rules]\nspeculation = \"loud\"\n",
            "2:15: invalid level `loud` for `speculation` (expected \"off\", \"hint\", \"info\", \"warning\" or \"error\")",
        );
        check(
            "[rules]\n  \"speculation/no-such-rule\" = \"off\"\n",
            "2:3: unknown rule or family `speculation/no-such-rule` (see `newslint rules`)",
        );
        check(
            "[rules]\nspeculatoin = \"off\"\n",
            "2:1: unknown rule or family `speculatoin`; did you mean `speculation`?",
        );
        check(
            "[rules]\nnames = 3\n",
            "2:9: the level of `names` must be a string",
        );
        check(
            "exclude = \"x\"\n",
            "1:11: `exclude` must be an array of strings",
        );
        check(
            "exclude = [\"a[\"]\n",
            "1:12: invalid glob `a[`: unclosed character class; missing ']'",
        );
        check(
            "[speculation]\nflag-conditionals = \"yes\"\n",
            "2:21: `speculation.flag-conditionals` must be true or false",
        );
        check(
            "[speculation]\nflag_conditionals = true\n",
            "2:1: unknown key `speculation.flag_conditionals` (expected `speculation.flag-conditionals`)",
        );
        check(
            "[names]\nprefers = {}\n",
            "2:1: unknown key `names.prefers` (expected `names.prefer` or `names.flag-repeated-full-name`)",
        );
        check(
            "[names]\nflag-repeated-full-name = \"no\"\n",
            "2:27: `names.flag-repeated-full-name` must be true or false",
        );
        check(
            "[names.prefer]\nKyiv = \"Kiev\"\n",
            "2:8: the spellings `Kyiv` replaces must be an array of strings",
        );
        check("rules = 1\n", "1:9: `rules` must be a table");
        // Columns count characters, not bytes.
        check(
            "# é\n[rules]\n\"é\" = \"off\"\n",
            "3:1: unknown rule or family `é` (see `newslint rules`)",
        );
        check(
            "[rules]\nspeculation = \"info\"\nbogus = 1\n",
            "3:1: unknown rule or family `bogus` (see `newslint rules`)",
        );
    }

    #[test]
    fn toml_syntax_errors_have_positions() {
        let e = parse("[rules\nx = 1\n", Path::new("a.toml")).unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        assert!(e.message.starts_with("invalid TOML"), "{e}");
        assert!(e.to_string().starts_with("a.toml:1:"), "{e}");
        let e = parse("a = 1\na = 2\n", Path::new("a.toml")).unwrap_err();
        assert_eq!(e.line, 2, "{e}");
    }

    #[test]
    fn rule_ids_resolve() {
        for r in rules::all() {
            let id = r.meta().id;
            let c = parse(
                &format!("[rules]\n\"{id}\" = \"error\"\n"),
                Path::new("x.toml"),
            )
            .unwrap();
            assert_eq!(c.settings.severity(r.meta()), Some(Severity::Error));
        }
    }

    #[test]
    fn excludes_match_relative_to_root() {
        let c = parse(
            "exclude = [\"archive\", \"*.tmp.md\", \"drafts/old-*.md\"]",
            Path::new("/news/newslint.toml"),
        )
        .unwrap();
        assert!(c.is_excluded(Path::new("/news/archive/2020/a.md")));
        assert!(c.is_excluded(Path::new("/news/x/y.tmp.md")));
        assert!(c.is_excluded(Path::new("/news/drafts/old-1.md")));
        assert!(!c.is_excluded(Path::new("/news/drafts/sub/old-1.md")));
        assert!(!c.is_excluded(Path::new("/news/drafts/new.md")));
        assert!(!c.is_excluded(Path::new("/elsewhere/archive/a.md")));
    }

    #[test]
    fn discovery_prefers_nearest() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(discover(&sub), None, "no configuration above the temp dir");
        std::fs::write(dir.path().join(".newslint.toml"), "").unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join(".newslint.toml")));
        std::fs::write(dir.path().join("a/newslint.toml"), "").unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join("a/newslint.toml")));
        std::fs::write(dir.path().join("a/.newslint.toml"), "").unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join("a/newslint.toml")));
        let cache = ConfigCache::discovering();
        let c = cache.for_path(&sub.join("x.md")).unwrap().unwrap();
        assert_eq!(c.path, dir.path().join("a/newslint.toml"));
        assert!(ConfigCache::isolated().for_path(&sub).unwrap().is_none());
    }
}
