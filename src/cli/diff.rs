//! `--diff-base REV`: keep only findings on lines changed since a git revision.
//!
//! For every repository the linted files live in, newslint runs
//! `git diff --unified=0 --no-renames REV --` once (the working tree against `REV`, staged or
//! not) and reads the `+` side of each hunk header; files that git does not track yet
//! (`git ls-files --others --exclude-standard`) count as changed throughout. A finding is kept
//! when any line it covers is changed. Standard input is matched by its `--stdin-filename`.

use crate::diagnostic::Diagnostic;
use crate::text::LineIndex;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Changed lines per file, 1-based inclusive ranges.
#[derive(Debug, Default)]
pub struct ChangedLines {
    /// Absolute, canonical path -> changed line ranges.
    files: HashMap<PathBuf, Vec<(usize, usize)>>,
}

impl ChangedLines {
    /// Asks git which lines of `files` changed since `rev`.
    pub fn since(rev: &str, files: &[&Path]) -> Result<ChangedLines, String> {
        if rev.is_empty() || rev.starts_with('-') {
            return Err(format!("--diff-base: `{rev}` is not a revision"));
        }
        let mut seen_dirs: std::collections::HashSet<PathBuf> = Default::default();
        let mut repos: Vec<PathBuf> = Vec::new();
        for f in files {
            let dir = canonical_dir(f);
            if seen_dirs.insert(dir.clone()) {
                let top = git(&dir, &["rev-parse", "--show-toplevel"]).map_err(|e| {
                    format!(
                        "--diff-base: {} is not inside a git repository ({e})",
                        f.display()
                    )
                })?;
                let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
                let top = top.canonicalize().unwrap_or(top);
                if !repos.contains(&top) {
                    repos.push(top);
                }
            }
        }
        let mut out = ChangedLines::default();
        for top in repos {
            let spec = format!("{rev}^{{commit}}");
            git(&top, &["rev-parse", "--verify", "--quiet", &spec])
                .map_err(|_| format!("--diff-base: unknown revision `{rev}`"))?;
            let diff = git(
                &top,
                &[
                    "-c",
                    "core.quotepath=off",
                    "diff",
                    "--no-color",
                    "--no-ext-diff",
                    "--no-renames",
                    "--unified=0",
                    rev,
                    "--",
                ],
            )
            .map_err(|e| format!("--diff-base: git diff failed: {e}"))?;
            for (rel, ranges) in parse_diff(&diff) {
                out.files.entry(top.join(rel)).or_default().extend(ranges);
            }
            let untracked = git(&top, &["ls-files", "--others", "--exclude-standard", "-z"])
                .map_err(|e| format!("--diff-base: git ls-files failed: {e}"))?;
            for rel in untracked.split('\0').filter(|s| !s.is_empty()) {
                out.files.insert(top.join(rel), vec![(1, usize::MAX)]);
            }
        }
        Ok(out)
    }

    /// The changed line ranges of `path` (empty when nothing changed).
    pub fn lines(&self, path: &Path) -> &[(usize, usize)] {
        self.files
            .get(&canonical_file(path))
            .map_or(&[], Vec::as_slice)
    }

    /// Drops the findings in `diagnostics` that touch no changed line of `path`.
    pub fn retain(
        &self,
        path: &Path,
        source: &str,
        index: &LineIndex,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let ranges = self.lines(path);
        diagnostics.retain(|d| {
            let first = index.line_of(d.span.start.min(source.len())) + 1;
            let last_byte = d.span.end.saturating_sub(1).max(d.span.start);
            let last = index.line_of(last_byte.min(source.len())) + 1;
            ranges.iter().any(|&(a, b)| a <= last && first <= b)
        });
    }
}

/// The changed (`+` side) line ranges per file in a `git diff --unified=0` output.
pub fn parse_diff(diff: &str) -> Vec<(String, Vec<(usize, usize)>)> {
    let mut out: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    let mut current: Option<usize> = None;
    // Lines of the current hunk still to skip (an added line may itself start with "++ ").
    let (mut old_left, mut new_left) = (0usize, 0usize);
    for line in diff.lines() {
        if old_left > 0 && line.starts_with('-') {
            old_left -= 1;
            continue;
        }
        if new_left > 0 && line.starts_with('+') {
            new_left -= 1;
            continue;
        }
        if let Some(name) = line.strip_prefix("+++ ") {
            current = None;
            let name = unquote(name.trim_end());
            if let Some(rel) = name.strip_prefix("b/") {
                out.push((rel.to_string(), Vec::new()));
                current = Some(out.len() - 1);
            }
        } else if let Some(hunk) = line.strip_prefix("@@ ") {
            let mut words = hunk.split_whitespace();
            let minus = words.next().and_then(|w| w.strip_prefix('-'));
            let plus = words.next().and_then(|w| w.strip_prefix('+'));
            let (Some((_, old_count)), Some((start, count))) =
                (minus.and_then(hunk_range), plus.and_then(hunk_range))
            else {
                continue;
            };
            (old_left, new_left) = (old_count, count);
            if let Some(i) = current
                && count > 0
            {
                out[i].1.push((start, start + count - 1));
            }
        }
    }
    out
}

/// `start[,count]` of a hunk header side.
fn hunk_range(s: &str) -> Option<(usize, usize)> {
    match s.split_once(',') {
        Some((a, c)) => Some((a.parse().ok()?, c.parse().ok()?)),
        None => Some((s.parse().ok()?, 1)),
    }
}

/// Undoes git's C-style quoting of a path (`"a\tb"`), for the escapes git produces.
fn unquote(s: &str) -> String {
    let Some(inner) = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return s.to_string();
    };
    let mut bytes = Vec::with_capacity(inner.len());
    let mut it = inner.bytes().peekable();
    while let Some(b) = it.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match it.next() {
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(b'r') => bytes.push(b'\r'),
            Some(d @ b'0'..=b'7') => {
                let mut v = u32::from(d - b'0');
                for _ in 0..2 {
                    if let Some(&n @ b'0'..=b'7') = it.peek() {
                        v = v * 8 + u32::from(n - b'0');
                        it.next();
                    }
                }
                bytes.push(v as u8);
            }
            Some(other) => bytes.push(other),
            None => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

fn canonical_dir(file: &Path) -> PathBuf {
    let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let dir = abs.parent().map_or(abs.clone(), Path::to_path_buf);
    dir.canonicalize().unwrap_or(dir)
}

fn canonical_file(file: &Path) -> PathBuf {
    match file.file_name() {
        Some(name) => canonical_dir(file).join(name),
        None => canonical_dir(file),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(diff: &str, expected: &str) {
        let got: Vec<String> = parse_diff(diff)
            .into_iter()
            .map(|(f, r)| {
                let r: Vec<String> = r.iter().map(|(a, b)| format!("{a}-{b}")).collect();
                format!("{f}:{}", r.join(","))
            })
            .collect();
        assert_eq!(got.join(" "), expected);
    }

    #[test]
    fn hunks() {
        check(
            "diff --git a/x.md b/x.md\nindex 1..2 100644\n--- a/x.md\n+++ b/x.md\n@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@ heading\n+c\n+d\n@@ -20,2 +21,0 @@\n-e\n-f\n",
            "x.md:3-3,11-12",
        );
        check(
            "--- /dev/null\n+++ b/new dir/n.md\n@@ -0,0 +1,4 @@\n+x\n--- a/gone.md\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-y\n",
            "new dir/n.md:1-4",
        );
        check("+++ \"b/tab\\there.md\"\n@@ -1 +1 @@\n", "tab\there.md:1-1");
        check("+++ \"b/caf\\303\\251.md\"\n@@ -1 +1,1 @@\n", "café.md:1-1");
        check("", "");
        // An added line that looks like a file header is content, not a header.
        check(
            "+++ b/a.md\n@@ -0,0 +1,2 @@\n+++ b/not-a-file\n+x\n@@ -5 +7 @@\n-- y\n+z\n",
            "a.md:1-2,7-7",
        );
    }
}
