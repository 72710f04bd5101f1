//! The command line: `newslint check`, `newslint rules` and `newslint rule ID`.
//!
//! `main.rs` parses arguments and calls into this module. `check` runs in stages:
//! [`walk`] collects the drafts (honouring `.gitignore` and `exclude`), each draft is read and
//! linted in parallel with the configuration that applies to it, [`diff`] optionally keeps only
//! findings on changed lines, and [`output`] renders the report in the chosen format. Errors
//! (a missing path, a file that is not UTF-8, a bad configuration) are reported on standard
//! error and make the exit status 2, but never stop the other files from being linted.

pub mod attributions;
pub mod diff;
pub mod output;
pub mod rules;
pub mod walk;

use crate::config::{self, ConfigCache};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::LineIndex;
use crate::{Analyzed, Settings};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The Markdown files under `paths`, sorted (see [`walk::markdown_files`]).
pub fn collect(paths: &[PathBuf]) -> Vec<PathBuf> {
    walk::markdown_files(paths)
}

/// Output formats of `newslint check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The source line with the span underlined, rule, severity, message and fix; a summary.
    Human,
    /// `path:line:col: severity[rule] message`, one finding per line.
    Concise,
    /// The stable JSON contract (version 1).
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// reviewdog's Diagnostic Format (rdjson).
    Rdjson,
    /// JUnit XML, for CI test reports.
    Junit,
}

/// The least severity that makes `check` exit with 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Only errors fail.
    Error,
    /// Warnings and errors fail (the default).
    Warning,
    /// Info, warnings and errors fail.
    Info,
    /// Hints and everything above fail.
    Hint,
    /// Findings never fail the run (I/O and configuration errors still exit 2).
    Never,
}

impl FailOn {
    /// Whether a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => severity >= Severity::Info,
            FailOn::Hint => true,
            FailOn::Never => false,
        }
    }
}

/// When to colour human output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it).
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Everything `newslint check` was asked to do.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// Files and directories; `-` is standard input. Empty means the current directory.
    pub paths: Vec<PathBuf>,
    /// Output format.
    pub format: Format,
    /// Exit-status threshold.
    pub fail_on: FailOn,
    /// `--config PATH`: use this file for every draft.
    pub config: Option<PathBuf>,
    /// `--isolated`: read no configuration file.
    pub isolated: bool,
    /// The name standard input is reported (and configured) under.
    pub stdin_filename: Option<PathBuf>,
    /// Report only findings on lines changed since this git revision.
    pub diff_base: Option<String>,
    /// Colour choice for human output.
    pub color: Color,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            paths: Vec::new(),
            format: Format::Human,
            fail_on: FailOn::Warning,
            config: None,
            isolated: false,
            stdin_filename: None,
            diff_base: None,
            color: Color::Auto,
        }
    }
}

/// One linted draft.
#[derive(Debug)]
pub struct Linted {
    /// The path as it is reported (as given or as found by walking).
    pub path: String,
    /// The text as stored.
    pub source: String,
    /// Line starts of `source`.
    pub index: LineIndex,
    /// The findings, in position order.
    pub diagnostics: Vec<Diagnostic>,
    /// Speeds up position conversion for renderers.
    pub memo: output::PosMemo,
}

/// A path that could not be linted, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The path as given or found.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// The outcome of a `check` run, sorted by path.
#[derive(Debug, Default)]
pub struct Report {
    /// Drafts that were linted.
    pub files: Vec<Linted>,
    /// Paths that could not be linted.
    pub failures: Vec<Failure>,
}

impl Report {
    /// The number of findings.
    pub fn diagnostic_count(&self) -> usize {
        self.files.iter().map(|f| f.diagnostics.len()).sum()
    }
}

/// What `check` reads: a file on disk or standard input.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Input {
    /// A file (as given or as found by walking).
    File(PathBuf),
    /// Standard input, reported under this name.
    Stdin(PathBuf),
}

impl Input {
    fn display(&self) -> String {
        let p = match self {
            Input::File(p) | Input::Stdin(p) => p,
        };
        display_path(p)
    }

    fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Stdin(p) => p,
        }
    }
}

/// A path as it is shown in reports: as given, without a leading `./`, with `/` separators.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s.to_string()
    }
}

/// Runs `newslint check` and returns the exit status: 0 when nothing fails the threshold, 1
/// when findings do, 2 on a usage, configuration or I/O error.
pub fn check(opts: &CheckOptions) -> ExitCode {
    let (report, fatal) = run(opts);
    let colored = match opts.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    };
    {
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        // A closed pipe (`newslint check | head`) is not an error worth reporting.
        let _ = output::write(&report, opts, colored, &mut stdout);
        let _ = stdout.flush();
    }
    let mut stderr = std::io::stderr().lock();
    for f in &report.failures {
        let _ = writeln!(stderr, "error: {}: {}", f.path, f.message);
    }
    for e in &fatal {
        let _ = writeln!(stderr, "error: {e}");
    }
    exit_code(&report, opts.fail_on, !fatal.is_empty())
}

/// The exit status for `report`.
pub fn exit_code(report: &Report, fail_on: FailOn, fatal: bool) -> ExitCode {
    if fatal || !report.failures.is_empty() {
        ExitCode::from(2)
    } else if report
        .files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .any(|d| fail_on.fails(d.severity))
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Lints what `opts` names. Returns the report and errors that concern the whole run (a bad
/// `--config`, a bad `--diff-base`).
pub fn run(opts: &CheckOptions) -> (Report, Vec<String>) {
    let mut fatal = Vec::new();
    let cache = if opts.isolated {
        ConfigCache::isolated()
    } else if let Some(path) = &opts.config {
        match config::load(path) {
            Ok(c) => ConfigCache::fixed(c),
            Err(e) => {
                fatal.push(e.to_string());
                return (Report::default(), fatal);
            }
        }
    } else {
        ConfigCache::discovering()
    };
    let cache = std::sync::Arc::new(cache);

    let mut paths = opts.paths.clone();
    if paths.is_empty() {
        // `--stdin-filename` alone means standard input, as in other linters.
        paths.push(PathBuf::from(if opts.stdin_filename.is_some() {
            "-"
        } else {
            "."
        }));
    }
    let reads_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    let (results, mut failures) = if opts.diff_base.is_none() && !reads_stdin {
        lint_while_walking(&paths, &cache)
    } else {
        match lint_after_walking(&paths, opts, &cache) {
            Ok(r) => r,
            Err(e) => {
                fatal.push(e);
                return (Report::default(), fatal);
            }
        }
    };

    let mut report = Report::default();
    for r in results {
        match r {
            Ok(l) => report.files.push(l),
            Err(f) => failures.push(f),
        }
    }
    report.files.sort_by(|a, b| a.path.cmp(&b.path));
    failures.sort_by(|a, b| a.path.cmp(&b.path));
    failures.dedup();
    report.failures = failures;
    (report, fatal)
}

/// Lints each draft on the thread pool as soon as the walk finds it, so that walking the
/// directories overlaps with linting. The results come back in input order (by the path as
/// shown), exactly as [`lint_after_walking`] returns them.
fn lint_while_walking(
    paths: &[PathBuf],
    cache: &std::sync::Arc<ConfigCache>,
) -> (Vec<Result<Linted, Failure>>, Vec<Failure>) {
    let mut failures = Vec::new();
    let done = std::sync::Mutex::new(Vec::new());
    let mut seen = rustc_hash::FxHashSet::default();
    rayon::in_place_scope(|scope| {
        walk::visit(paths, None, cache, &mut failures, &mut |input| {
            // One draft per shown path, as `walk::collect` keeps it.
            if !seen.insert(input.display()) {
                return;
            }
            let (done, cache) = (&done, &**cache);
            scope.spawn(move |_| {
                let result = read_and_lint(&input, None, cache, None);
                let mut done = done
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                done.push((input, result));
            });
        });
    });
    let mut done = done
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    done.sort_by_cached_key(|(input, _)| input.display());
    let results = done.into_iter().filter_map(|(_, r)| r).collect();
    (results, failures)
}

/// Collects every input first, then lints them in parallel: for standard input (read once, up
/// front) and for `--diff-base` (which asks git about all the files at once).
#[allow(clippy::type_complexity)]
fn lint_after_walking(
    paths: &[PathBuf],
    opts: &CheckOptions,
    cache: &std::sync::Arc<ConfigCache>,
) -> Result<(Vec<Result<Linted, Failure>>, Vec<Failure>), String> {
    use rayon::prelude::*;
    let (inputs, mut failures) = walk::collect(paths, opts.stdin_filename.as_deref(), cache);

    // Standard input is read once, up front.
    let mut stdin_bytes = None;
    if inputs.iter().any(|i| matches!(i, Input::Stdin(_))) {
        let mut buf = Vec::new();
        match std::io::stdin().read_to_end(&mut buf) {
            Ok(_) => stdin_bytes = Some(buf),
            Err(e) => failures.push(Failure {
                path: "-".to_string(),
                message: format!("cannot read standard input: {e}"),
            }),
        }
    }

    let changed = match &opts.diff_base {
        Some(rev) => {
            let files: Vec<&Path> = inputs.iter().map(Input::path).collect();
            Some(diff::ChangedLines::since(rev, &files)?)
        }
        None => None,
    };

    let results = inputs
        .par_iter()
        .filter_map(|input| read_and_lint(input, stdin_bytes.as_deref(), cache, changed.as_ref()))
        .collect();
    Ok((results, failures))
}

/// Reads `input` (standard input is `stdin`, read before) and lints it; `None` when standard
/// input could not be read (that failure is already recorded).
fn read_and_lint(
    input: &Input,
    stdin: Option<&[u8]>,
    cache: &ConfigCache,
    changed: Option<&diff::ChangedLines>,
) -> Option<Result<Linted, Failure>> {
    let bytes = match input {
        Input::File(p) => match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                return Some(Err(Failure {
                    path: input.display(),
                    message: io_message(&e),
                }));
            }
        },
        Input::Stdin(_) => stdin?.to_vec(),
    };
    Some(lint_one(input, bytes, cache, changed))
}

fn lint_one(
    input: &Input,
    bytes: Vec<u8>,
    cache: &ConfigCache,
    changed: Option<&diff::ChangedLines>,
) -> Result<Linted, Failure> {
    let path = input.display();
    let source = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        Failure {
            path: path.clone(),
            message: format!(
                "not valid UTF-8 (invalid byte at line {line}, byte offset {valid}); newslint reads UTF-8 text only"
            ),
        }
    })?;
    // A bad configuration file is reported once (failures are deduplicated), under its own
    // name and position, for every draft it governs.
    let config = cache.for_path(input.path()).map_err(|e| {
        let at = if e.line == 0 {
            display_path(&e.path)
        } else {
            format!("{}:{}:{}", display_path(&e.path), e.line, e.column)
        };
        Failure {
            path: at,
            message: format!("invalid configuration: {}", e.message),
        }
    })?;
    let default = Settings::default();
    let settings = config.as_ref().map_or(&default, |c| &c.settings);
    let analyzed = Analyzed::new(&source);
    let mut diagnostics = analyzed.lint(settings);
    let Analyzed { index, .. } = analyzed;
    if let Some(changed) = changed {
        changed.retain(input.path(), &source, &index, &mut diagnostics);
    }
    Ok(Linted {
        path,
        source,
        index,
        diagnostics,
        memo: Default::default(),
    })
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
