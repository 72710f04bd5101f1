//! Which drafts `check` reads: the files named, and the Markdown files (`*.md`,
//! `*.markdown`) under the directories named, honouring `.gitignore`, `.ignore` and the
//! `exclude` globs of the configuration that governs each directory. Hidden files and
//! directories are skipped while walking. A file named explicitly is always linted, whatever
//! its extension and whether or not `exclude` matches it.

use super::{Failure, Input, display_path};
use crate::config::ConfigCache;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Whether `p` looks like a Markdown file.
pub fn is_markdown(p: &Path) -> bool {
    p.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown"))
}

/// The inputs named by `paths` (sorted by the path as shown, one per shown path), and the paths that could not be
/// read.
pub(crate) fn collect(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    cache: &Arc<ConfigCache>,
) -> (Vec<Input>, Vec<Failure>) {
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
    visit(paths, stdin_filename, cache, &mut failures, &mut |i| {
        inputs.push(i)
    });
    // By the path as shown, built once per input; one input per shown path (`./a.md` and
    // `a.md` are one draft).
    let mut shown: Vec<(String, Input)> = inputs.into_iter().map(|i| (i.display(), i)).collect();
    shown.sort();
    shown.dedup_by(|a, b| a.0 == b.0);
    (shown.into_iter().map(|(_, i)| i).collect(), failures)
}

/// Hands each input named by `paths` to `found` as soon as it is found, in walking order and
/// possibly more than once (a file named twice), and records the paths that could not be read.
/// `check` lints each draft while the walk goes on.
pub(crate) fn visit(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    cache: &Arc<ConfigCache>,
    failures: &mut Vec<Failure>,
    found: &mut dyn FnMut(Input),
) {
    for p in paths {
        if p.as_os_str() == "-" {
            let name = stdin_filename.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
            found(Input::Stdin(name));
        } else if p.is_dir() {
            walk_dir(p, cache, found, failures);
        } else if p.exists() {
            found(Input::File(p.clone()));
        } else {
            failures.push(Failure {
                path: display_path(p),
                message: "no such file or directory".to_string(),
            });
        }
    }
}

fn walk_dir(
    dir: &Path,
    cache: &Arc<ConfigCache>,
    found: &mut dyn FnMut(Input),
    failures: &mut Vec<Failure>,
) {
    let filter_cache = Arc::clone(cache);
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .filter_entry(move |entry| {
            if entry.depth() == 0 {
                return true;
            }
            let parent = entry.path().parent().unwrap_or(Path::new("."));
            // A configuration error is reported when a draft it governs is linted.
            match filter_cache.for_path(parent) {
                Ok(Some(config)) => !config.is_excluded(entry.path()),
                _ => true,
            }
        })
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let is_file = e.file_type().is_some_and(|t| t.is_file())
                    || (e.path_is_symlink() && e.path().is_file());
                if is_file && is_markdown(e.path()) {
                    found(Input::File(e.into_path()));
                }
            }
            Err(err) => failures.push(Failure {
                path: display_path(dir),
                message: format!("cannot walk the directory: {err}"),
            }),
        }
    }
}

/// The Markdown files named by `paths` (directories are walked as `check` walks them, without
/// configuration), sorted. Missing paths are skipped. For commands that take paths like
/// `check` but need no configuration (e.g. `newslint attributions`).
pub fn markdown_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let cache = Arc::new(ConfigCache::isolated());
    let (inputs, _) = collect(paths, None, &cache);
    inputs
        .into_iter()
        .filter_map(|i| match i {
            Input::File(p) => Some(p),
            Input::Stdin(_) => None,
        })
        .collect()
}
