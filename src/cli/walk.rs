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

/// The inputs named by `paths` (sorted, without duplicates), and the paths that could not be
/// read.
pub(crate) fn collect(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    cache: &Arc<ConfigCache>,
) -> (Vec<Input>, Vec<Failure>) {
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            let name = stdin_filename.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
            inputs.push(Input::Stdin(name));
        } else if p.is_dir() {
            walk_dir(p, cache, &mut inputs, &mut failures);
        } else if p.exists() {
            inputs.push(Input::File(p.clone()));
        } else {
            failures.push(Failure {
                path: display_path(p),
                message: "no such file or directory".to_string(),
            });
        }
    }
    // By the path as shown, then as stored; each shown path is built once, not per comparison.
    inputs.sort_by_cached_key(|i| (i.display(), i.clone()));
    inputs.dedup();
    (inputs, failures)
}

fn walk_dir(
    dir: &Path,
    cache: &Arc<ConfigCache>,
    inputs: &mut Vec<Input>,
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
                    inputs.push(Input::File(e.into_path()));
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
