//! The command line: `newslint check`, `rules`, `rule`.
//!
//! (A first cut: JSON and concise output over files and directories. The full command is
//! built in the engine issue.)

pub mod attributions;

use crate::{Analyzed, LineIndex, Settings};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Collects the Markdown files under `paths`.
pub fn collect(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            for e in ignore::WalkBuilder::new(p).build().flatten() {
                let path = e.path();
                if path.is_file()
                    && path
                        .extension()
                        .is_some_and(|x| x == "md" || x == "markdown")
                {
                    out.push(path.to_path_buf());
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    out.sort();
    out
}

/// `newslint check`: lints the files and prints them in `format`.
pub fn check(paths: &[PathBuf], format: &str) -> ExitCode {
    use rayon::prelude::*;
    let settings = Settings::default();
    let files = collect(paths);
    let results: Vec<(PathBuf, Result<(String, Vec<crate::Diagnostic>), String>)> = files
        .par_iter()
        .map(|p| {
            let r = std::fs::read(p)
                .map_err(|e| e.to_string())
                .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8".to_string()))
                .map(|s| {
                    let d = Analyzed::new(&s).lint(&settings);
                    (s, d)
                });
            (p.clone(), r)
        })
        .collect();
    let mut any = false;
    let mut failed = false;
    let mut files_json = Vec::new();
    for (path, r) in &results {
        match r {
            Ok((src, diags)) => {
                any |= !diags.is_empty();
                if format == "json" {
                    files_json.push(serde_json::json!({
                        "path": path.display().to_string(),
                        "diagnostics": diags.iter().map(|d| diag_json(src, d)).collect::<Vec<_>>(),
                    }));
                } else {
                    let idx = LineIndex::new(src);
                    for d in diags {
                        let lc = idx.line_col(src, d.span.start, crate::Encoding::Utf32);
                        println!(
                            "{}:{}:{}: {}[{}] {}",
                            path.display(),
                            lc.line + 1,
                            lc.col + 1,
                            d.severity,
                            d.rule,
                            d.message
                        );
                    }
                }
            }
            Err(e) => {
                failed = true;
                eprintln!("error: {}: {e}", path.display());
            }
        }
    }
    if format == "json" {
        let total: usize = results
            .iter()
            .filter_map(|(_, r)| r.as_ref().ok())
            .map(|(_, d)| d.len())
            .sum();
        let doc = serde_json::json!({"version": 1, "files": files_json,
            "summary": {"files": results.len(), "diagnostics": total}});
        println!("{doc}");
    }
    if failed {
        ExitCode::from(2)
    } else if any {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn span_json(src: &str, idx: &LineIndex, s: crate::Span) -> serde_json::Value {
    let a = idx.line_col(src, s.start, crate::Encoding::Utf32);
    let b = idx.line_col(src, s.end, crate::Encoding::Utf32);
    serde_json::json!({"start": {"line": a.line + 1, "column": a.col + 1},
                       "end": {"line": b.line + 1, "column": b.col + 1}})
}

fn diag_json(src: &str, d: &crate::Diagnostic) -> serde_json::Value {
    let idx = LineIndex::new(src);
    serde_json::json!({
        "rule": d.rule, "severity": d.severity.as_str(), "message": d.message,
        "span": {"start": d.span.start, "end": d.span.end},
        "range": span_json(src, &idx, d.span),
    })
}

/// Whether `p` looks like a Markdown file.
pub fn is_markdown(p: &Path) -> bool {
    p.extension().is_some_and(|x| x == "md" || x == "markdown")
}
