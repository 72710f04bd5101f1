//! Hostile input: what a file system or an editor can hand newslint. Every case must finish
//! (no test here is timed: each input is sized so that a linear engine finishes in seconds and
//! a quadratic one would not finish at all), must not panic, and must give sound spans.
//!
//! The library cases run in-process; the command-line cases run the real binary: a directory
//! symlink loop, an unreadable file among good ones, non-UTF-8 input, and the exit codes.

use newslint::{Analyzed, Diagnostic, Settings};
use std::path::Path;
use std::process::{Command, Output};

#[path = "../benches/support/gen.rs"]
mod generate;

/// Lints `text`, checks every span, and returns the diagnostics.
fn lint(text: &str) -> Vec<Diagnostic> {
    let a = Analyzed::new(text);
    for t in &a.prose.tokens {
        assert!(
            text.get(t.span().start..t.span().end).is_some(),
            "token span"
        );
    }
    for s in &a.prose.sentences {
        assert!(
            text.get(s.span.start..s.span.end).is_some(),
            "sentence span"
        );
    }
    let diags = a.lint(&Settings::default());
    for d in &diags {
        assert!(text.get(d.span.start..d.span.end).is_some(), "{d:?}");
        for e in d.fixes.iter().flat_map(|f| &f.edits) {
            assert!(text.get(e.span.start..e.span.end).is_some(), "{d:?}");
        }
    }
    diags
}

const HEDGED: &str = "The council reportedly approved the plan.";

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "20 MB is slow unoptimised: cargo test --release --test hostile"
)]
fn a_20_mb_draft() {
    let text = generate::draft(20_000_000, 7);
    assert!(text.len() >= 20_000_000);
    let diags = lint(&text);
    // The engine must not give up on a big draft: a 20 MB draft has many times the findings
    // of a 200 KB one.
    let small = lint(&generate::draft(200_000, 7));
    assert!(
        diags.len() >= small.len(),
        "{} < {}",
        diags.len(),
        small.len()
    );
}

#[test]
fn deep_block_quotes() {
    let text = format!("{}{HEDGED}\n", "> ".repeat(5_000));
    lint(&text);
    // Nesting built up line by line.
    let mut text = String::new();
    for depth in 1..=5_000 {
        text.push_str(&">".repeat(depth.min(5_000)));
        text.push_str(" a\n");
        if depth > 300 {
            break; // the line-by-line form grows quadratically in size; 300 deep is plenty
        }
    }
    text.push_str(HEDGED);
    lint(&text);
}

#[test]
fn deep_lists() {
    for marker in ["- ", "1. ", "* > ", "- [", "> - "] {
        let text = format!(
            "{}{HEDGED}\n\nAfter the list: {HEDGED}\n",
            marker.repeat(5_000)
        );
        lint(&text);
    }
    // Indented nesting, 1,000 levels (the source grows with the square of the depth).
    let mut text = String::new();
    for depth in 0..1_000 {
        text.push_str(&"  ".repeat(depth));
        text.push_str("- item\n");
    }
    lint(&text);
}

#[test]
fn deep_inline_nesting() {
    for open in ["*", "_", "[", "![", "**", "`", "<", "(", "“", "‘", "\""] {
        let text = format!("{}{HEDGED}\n", open.repeat(20_000));
        lint(&text);
    }
}

#[test]
fn nul_bytes() {
    let text = format!("\0\0# Title\0\n\n{HEDGED}\0\0 More\0 text.\0\n\n\0");
    let diags = lint(&text);
    let text2 = "\0".repeat(100_000);
    lint(&text2);
    // NULs do not stop the prose around them from being read.
    let clean = lint(HEDGED);
    assert_eq!(clean.is_empty(), diags.is_empty());
}

#[test]
fn a_2_mb_single_line_paragraph() {
    let mut text = String::with_capacity(2_100_000);
    while text.len() < 2_000_000 {
        text.push_str(HEDGED);
        text.push(' ');
    }
    let diags = lint(&text);
    if !lint(HEDGED).is_empty() {
        assert!(diags.len() >= 2_000_000 / HEDGED.len() / 2);
    }
    // A long sentence with no full stop anywhere (the 2 MB one is below).
    let words = "the plan may change and officials say it ".repeat(1_000);
    lint(&words);
    // Quotes that open and never close, single and double, in one line.
    lint(&"'a ".repeat(300_000));
    lint(&"“a ".repeat(300_000));
    lint(&"a” ".repeat(300_000));
    lint(&"‘a’ ".repeat(300_000));
}

/// One sentence of 2 MB with an attribution cue every few words: each cue's content span is
/// found without rescanning the rest of the sentence, so this stays linear.
#[test]
fn a_2_mb_sentence() {
    let words = "the plan may change and officials say it ".repeat(50_000);
    lint(&words);
}

#[test]
fn only_punctuation() {
    let text = ".,;:!?…“”\"'‘’()[]{}—–-/\\*_#>`~|".repeat(20_000);
    lint(&text);
    lint(&".".repeat(1_000_000));
    lint(&"!?".repeat(500_000));
}

#[test]
fn unclosed_fences_and_quotes() {
    let text = format!("{HEDGED}\n\n```\n{HEDGED}\nand code that never ends\n");
    let diags = lint(&text);
    let first_only = lint(HEDGED);
    assert_eq!(
        diags.len(),
        first_only.len(),
        "the fenced text is code, not prose"
    );
    let text = format!("“{HEDGED}\n\n{HEDGED}\n\n“Still open.\n\n{HEDGED}\n");
    lint(&text);
    let text = format!("~~~\n{}", "x\n".repeat(100_000));
    assert!(lint(&text).is_empty());
    let text = format!("<div>\n{}", "<!-- newslint-disable -->\n".repeat(10_000));
    lint(&text);
}

#[test]
fn crlf_with_bom_and_lone_crs() {
    let lf = format!("# Title\n\n{HEDGED}\nSecond line.\n\n- item\n");
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let cr = lf.replace('\n', "\r");
    let base = lint(&lf);
    for text in [&crlf, &cr] {
        let diags = lint(text);
        assert_eq!(diags.len(), base.len(), "{text:?}");
        for (d, b) in diags.iter().zip(&base) {
            assert_eq!(d.rule, b.rule);
            assert_eq!(
                &text[d.span.start..d.span.end],
                &lf[b.span.start..b.span.end]
            );
        }
    }
    lint(&"\r".repeat(100_000));
    lint(&"\r\n".repeat(100_000));
    lint(&"\u{feff}".repeat(10_000));
}

// ---------------------------------------------------------------------------------------------
// The command line.

fn newslint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run newslint")
}

fn write(dir: &Path, name: &str, text: &[u8]) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

#[test]
fn cli_exit_codes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(d, "clean.md", b"# Fine\n\nThe council met on Monday.\n");
    write(d, "hedged.md", HEDGED.as_bytes());
    let out = newslint(&["check", "--format", "json", "clean.md"], d);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = newslint(&["check", "--format", "json", "hedged.md"], d);
    let has_findings = !lint(HEDGED).is_empty();
    assert_eq!(
        out.status.code(),
        Some(if has_findings { 1 } else { 0 }),
        "{out:?}"
    );
    let out = newslint(&["check", "--format", "json", "missing.md"], d);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let out = newslint(&["check", "--no-such-flag"], d);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// Paths named in the JSON output.
fn json_paths(out: &Output) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    v["files"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .filter_map(|f| f["path"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(unix)]
#[test]
fn cli_symlink_loop_and_bad_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(d, "drafts/a.md", HEDGED.as_bytes());
    write(d, "drafts/sub/b.md", b"# B\n\nThe ferry left on time.\n");
    // A directory symlink loop: drafts/sub/loop -> drafts.
    std::os::unix::fs::symlink(d.join("drafts"), d.join("drafts/sub/loop")).expect("symlink");
    // A file that is not UTF-8.
    write(d, "drafts/latin1.md", b"caf\xe9 au lait\n");
    // A file that cannot be read: a dangling symlink named like a draft. (Tests run as root,
    // for whom permission bits do not stop a read; a link to nowhere fails for everyone.)
    std::os::unix::fs::symlink(d.join("nowhere.md"), d.join("drafts/gone.md")).expect("symlink");
    let out = newslint(&["check", "--format", "json", "drafts"], d);
    let paths = json_paths(&out);
    assert!(paths.iter().any(|p| p.ends_with("a.md")), "{out:?}");
    assert!(paths.iter().any(|p| p.ends_with("b.md")), "{out:?}");
    // Each good file once, however the loop is walked.
    assert_eq!(
        paths.iter().filter(|p| p.ends_with("b.md")).count(),
        1,
        "{paths:?}"
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "the bad file is an error: {out:?}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("latin1.md"), "{err}");
}

/// Runs newslint so that permission bits apply: as `nobody` through `setpriv` when the tests
/// run as root (root reads any file whatever its mode), directly otherwise.
#[cfg(unix)]
fn newslint_unprivileged(args: &[&str], dir: &Path) -> Option<Output> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !root {
        return Some(newslint(args, dir));
    }
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_newslint"))
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    // setpriv missing or refused (no capability to switch users): nothing to test here.
    if String::from_utf8_lossy(&out.stderr).starts_with("setpriv:") {
        return None;
    }
    Some(out)
}

#[cfg(unix)]
#[test]
fn cli_unreadable_file_among_good_ones() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let mode = |p: &Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).expect("chmod")
    };
    mode(d, 0o755);
    write(d, "drafts/good.md", b"# Good\n\nThe ferry left on time.\n");
    write(d, "drafts/secret.md", HEDGED.as_bytes());
    write(d, "drafts/locked/c.md", HEDGED.as_bytes());
    mode(&d.join("drafts"), 0o755);
    mode(&d.join("drafts/good.md"), 0o644);
    mode(&d.join("drafts/secret.md"), 0o000);
    mode(&d.join("drafts/locked"), 0o000);
    let Some(out) = newslint_unprivileged(&["check", "--format", "json", "drafts"], d) else {
        eprintln!("cannot drop privileges here; skipped");
        return;
    };
    mode(&d.join("drafts/locked"), 0o755);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        json_paths(&out).iter().any(|p| p.ends_with("good.md")),
        "{out:?}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("secret.md"), "{err}");
    assert!(
        err.contains("locked"),
        "an unreadable directory is reported too: {err}"
    );
}
