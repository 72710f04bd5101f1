//! End-to-end tests of the `newslint` binary: formats, exit codes, configuration, suppression
//! comments, standard input and bad input.
//!
//! Findings come from the real rules. The tests use robust triggers ("Sources say" for the
//! attribution family, "reportedly" for speculation) and assert on families and on the
//! structure of the output, not on any rule's wording.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A draft with one attribution trigger (line 3) and one speculation trigger (line 5).
const FLAGGED: &str = "# Port talks\n\nSources say the port will close in May.\n\nThe harbour master reportedly resigned on Friday.\n";
/// A draft with nothing to flag.
const CLEAN: &str =
    "# Port reopens\n\nThe port reopened on Monday, the harbour master, Ana Ruiz, said.\n";

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newslint"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the newslint binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input)
            .expect("stdin is written");
    }
    let out = child.wait_with_output().unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A temporary directory holding `files` (path, contents).
fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, contents) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, contents).unwrap();
    }
    dir
}

fn json(out: &Out) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", out.stdout))
}

/// `path -> [family, …]` of the diagnostics in a JSON report, in output order.
fn families(doc: &Value) -> Vec<(String, Vec<String>)> {
    doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let fams = f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    d["rule"]
                        .as_str()
                        .unwrap()
                        .split('/')
                        .next()
                        .unwrap()
                        .to_string()
                })
                .collect();
            (f["path"].as_str().unwrap().to_string(), fams)
        })
        .collect()
}

fn has_family(doc: &Value, path: &str, family: &str) -> bool {
    families(doc)
        .iter()
        .any(|(p, f)| p == path && f.iter().any(|x| x == family))
}

fn paths(doc: &Value) -> Vec<String> {
    families(doc).into_iter().map(|(p, _)| p).collect()
}

/// The (line, column) of byte `offset` in `text`: 1-based, column in Unicode scalar values.
fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line as u64, before[line_start..].chars().count() as u64 + 1)
}

fn check_span_and_range(source: &str, v: &Value) {
    let (s, e) = (
        v["span"]["start"].as_u64().unwrap() as usize,
        v["span"]["end"].as_u64().unwrap() as usize,
    );
    assert!(s <= e && e <= source.len(), "span in range: {v}");
    assert!(source.is_char_boundary(s) && source.is_char_boundary(e));
    let (l, c) = line_col(source, s);
    assert_eq!(v["range"]["start"]["line"].as_u64(), Some(l), "{v}");
    assert_eq!(v["range"]["start"]["column"].as_u64(), Some(c), "{v}");
    let (l, c) = line_col(source, e);
    assert_eq!(v["range"]["end"]["line"].as_u64(), Some(l), "{v}");
    assert_eq!(v["range"]["end"]["column"].as_u64(), Some(c), "{v}");
}

#[test]
fn json_holds_the_contract() {
    // Curly quotes, an em dash and an emoji before the triggers: columns count characters.
    let source = "# “Port” — talks 🙂\n\n“Fine,” she said — 🙂 Sources say the port will close.\n\nThe harbour master reportedly resigned.\n";
    let dir = tree(&[("a.md", source.as_bytes())]);
    let out = run(dir.path(), &["check", "--format", "json", "a.md"], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = json(&out);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["summary"]["files"], 1);
    let file = &doc["files"][0];
    assert_eq!(file["path"], "a.md");
    let diags = file["diagnostics"].as_array().unwrap();
    assert_eq!(
        doc["summary"]["diagnostics"].as_u64(),
        Some(diags.len() as u64)
    );
    assert!(has_family(&doc, "a.md", "attribution"), "{doc}");
    assert!(has_family(&doc, "a.md", "speculation"), "{doc}");
    let mut last = 0;
    for d in diags {
        let rule = d["rule"].as_str().unwrap();
        let (fam, name) = rule.split_once('/').expect("rule is family/name");
        assert!(["attribution", "names", "speculation"].contains(&fam) && !name.is_empty());
        assert!(["error", "warning", "info", "hint"].contains(&d["severity"].as_str().unwrap()));
        assert!(!d["message"].as_str().unwrap().is_empty());
        check_span_and_range(source, d);
        let start = d["span"]["start"].as_u64().unwrap();
        assert!(start >= last, "diagnostics are in position order");
        last = start;
        for r in d["related"].as_array().expect("related is an array") {
            check_span_and_range(source, r);
            assert!(r["message"].is_string());
        }
        for f in d["fixes"].as_array().expect("fixes is an array") {
            assert!(f["title"].is_string());
            assert!(
                ["safe", "unsafe", "display-only"].contains(&f["applicability"].as_str().unwrap())
            );
            for e in f["edits"].as_array().unwrap() {
                let (s, en) = (
                    e["span"]["start"].as_u64().unwrap(),
                    e["span"]["end"].as_u64().unwrap(),
                );
                assert!(s <= en && en as usize <= source.len());
                assert!(e["replacement"].is_string());
            }
        }
    }
    // Nothing is written to stderr on a normal run.
    assert_eq!(out.stderr, "");
}

#[test]
fn every_format_renders() {
    let dir = tree(&[
        ("drafts/a.md", FLAGGED.as_bytes()),
        ("drafts/b.md", CLEAN.as_bytes()),
    ]);

    let human = run(dir.path(), &["check", "drafts"], None);
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert!(
        human.stdout.contains("--> drafts/a.md:3:"),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .contains("Sources say the port will close in May.")
    );
    assert!(human.stdout.contains("[attribution/"));
    assert!(human.stdout.contains("[speculation/"));
    assert!(
        !human.stdout.contains('\u{1b}'),
        "no colour when not on a terminal"
    );
    let summary = human.stdout.lines().last().unwrap();
    assert!(summary.starts_with("2 files, "), "{summary}");
    assert!(
        summary.contains("attribution") && summary.contains("speculation"),
        "{summary}"
    );

    let forced = run(dir.path(), &["check", "--color", "always", "drafts"], None);
    assert!(forced.stdout.contains('\u{1b}'));

    let concise = run(
        dir.path(),
        &["check", "--format", "concise", "drafts"],
        None,
    );
    assert_eq!(concise.code, 1);
    assert!(!concise.stdout.is_empty());
    for line in concise.stdout.lines() {
        let rest = line.strip_prefix("drafts/a.md:").expect(line);
        let (l, rest) = rest.split_once(':').unwrap();
        let (c, rest) = rest.split_once(": ").unwrap();
        assert!(
            l.parse::<u32>().is_ok() && c.parse::<u32>().is_ok(),
            "{line}"
        );
        let (sev, rest) = rest.split_once('[').unwrap();
        assert!(
            ["error", "warning", "info", "hint"].contains(&sev),
            "{line}"
        );
        let (rule, msg) = rest.split_once("] ").unwrap();
        assert!(rule.contains('/') && !msg.is_empty(), "{line}");
    }
    assert!(
        concise
            .stdout
            .lines()
            .any(|l| l.starts_with("drafts/a.md:3:"))
    );
    assert!(
        concise
            .stdout
            .lines()
            .any(|l| l.starts_with("drafts/a.md:5:"))
    );

    let github = run(dir.path(), &["check", "--format", "github", "drafts"], None);
    assert_eq!(github.code, 1);
    for line in github.stdout.lines() {
        assert!(
            ["::error ", "::warning ", "::notice "]
                .iter()
                .any(|p| line.starts_with(p)),
            "{line}"
        );
        assert!(line.contains(" file=drafts/a.md,line="), "{line}");
        assert!(
            line.contains(",endLine=") && line.contains(",endColumn=") && line.contains(",title=")
        );
    }
    assert!(github.stdout.contains("title=attribution/"));

    let sarif = run(dir.path(), &["check", "--format", "sarif", "drafts"], None);
    assert_eq!(sarif.code, 1);
    let doc = json(&sarif);
    assert_eq!(doc["version"], "2.1.0");
    assert!(doc["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run0 = &doc["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "newslint");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for r in rules {
        assert!(r["shortDescription"]["text"].is_string());
        assert!(
            r["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("## What it flags")
        );
        assert!(r["defaultConfiguration"]["level"].is_string());
    }
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids.get(index), Some(&id), "ruleIndex points at the rule");
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "drafts/a.md");
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 3);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);

    let rd = run(dir.path(), &["check", "--format", "rdjson", "drafts"], None);
    assert_eq!(rd.code, 1);
    let doc = json(&rd);
    assert_eq!(doc["source"]["name"], "newslint");
    let diags = doc["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    for d in diags {
        assert_eq!(d["location"]["path"], "drafts/a.md");
        assert!(d["location"]["range"]["start"]["line"].as_u64().unwrap() >= 3);
        assert!(["ERROR", "WARNING", "INFO"].contains(&d["severity"].as_str().unwrap()));
        assert!(d["code"]["value"].as_str().unwrap().contains('/'));
    }

    let junit = run(dir.path(), &["check", "--format", "junit", "drafts"], None);
    assert_eq!(junit.code, 1);
    assert!(
        junit
            .stdout
            .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites")
    );
    assert!(junit.stdout.contains("<testsuite name=\"drafts/a.md\""));
    assert!(
        junit
            .stdout
            .contains("<testcase name=\"newslint\" classname=\"drafts/b.md\"/>")
    );
    assert!(junit.stdout.contains("<failure message="));
    assert!(junit.stdout.trim_end().ends_with("</testsuites>"));
}

#[test]
fn exit_codes_follow_fail_on() {
    let dir = tree(&[("a.md", FLAGGED.as_bytes()), ("clean.md", CLEAN.as_bytes())]);
    let code = |args: &[&str]| run(dir.path(), args, None).code;
    assert_eq!(code(&["check", "clean.md"]), 0);
    assert_eq!(code(&["check", "a.md"]), 1);
    assert_eq!(code(&["check", "--fail-on", "never", "a.md"]), 0);
    assert_eq!(
        code(&["check", "--fail-on", "bogus", "a.md"]),
        2,
        "usage error"
    );
    assert_eq!(code(&["check", "--no-such-flag"]), 2, "usage error");

    // Every family at info: warnings fail nothing, info does.
    std::fs::write(
        dir.path().join("info.toml"),
        "[rules]\nattribution = \"info\"\nnames = \"info\"\nspeculation = \"info\"\n",
    )
    .unwrap();
    assert_eq!(code(&["check", "--config", "info.toml", "a.md"]), 0);
    assert_eq!(
        code(&[
            "check",
            "--config",
            "info.toml",
            "--fail-on",
            "info",
            "a.md"
        ]),
        1
    );
    assert_eq!(
        code(&[
            "check",
            "--config",
            "info.toml",
            "--fail-on",
            "hint",
            "a.md"
        ]),
        1
    );
    // At error, `--fail-on error` fails.
    std::fs::write(
        dir.path().join("error.toml"),
        "[rules]\nattribution = \"error\"\nspeculation = \"error\"\n",
    )
    .unwrap();
    assert_eq!(
        code(&[
            "check",
            "--config",
            "error.toml",
            "--fail-on",
            "error",
            "a.md"
        ]),
        1
    );
    assert_eq!(
        code(&[
            "check",
            "--config",
            "info.toml",
            "--fail-on",
            "error",
            "a.md"
        ]),
        0
    );
}

#[test]
fn configuration_is_discovered_nearest_first() {
    let dir = tree(&[
        ("newslint.toml", b"[rules]\nspeculation = \"off\"\n"),
        ("top.md", FLAGGED.as_bytes()),
        ("desk/.newslint.toml", b"# defaults here\n"),
        ("desk/inner.md", FLAGGED.as_bytes()),
    ]);
    let doc = json(&run(dir.path(), &["check", "--format", "json", "."], None));
    assert_eq!(paths(&doc), ["desk/inner.md", "top.md"]);
    assert!(!has_family(&doc, "top.md", "speculation"), "{doc}");
    assert!(has_family(&doc, "top.md", "attribution"), "{doc}");
    assert!(
        has_family(&doc, "desk/inner.md", "speculation"),
        "nearest file wins: {doc}"
    );

    // --isolated reads no configuration at all.
    let doc = json(&run(
        dir.path(),
        &["check", "--format", "json", "--isolated", "top.md"],
        None,
    ));
    assert!(has_family(&doc, "top.md", "speculation"), "{doc}");

    // --config uses one file for everything.
    let doc = json(&run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--config",
            "newslint.toml",
            "desk/inner.md",
        ],
        None,
    ));
    assert!(!has_family(&doc, "desk/inner.md", "speculation"), "{doc}");
    assert!(has_family(&doc, "desk/inner.md", "attribution"), "{doc}");

    let out = run(
        dir.path(),
        &["check", "--isolated", "--config", "newslint.toml", "top.md"],
        None,
    );
    assert_eq!(out.code, 2, "--isolated and --config conflict");
}

#[test]
fn configuration_errors_name_file_line_and_column() {
    let dir = tree(&[
        ("newslint.toml", b"[rules]\nspeculation = \"loud\"\n"),
        ("a.md", FLAGGED.as_bytes()),
    ]);
    let out = run(dir.path(), &["check", "--format", "json", "a.md"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("newslint.toml:2:15:"), "{}", out.stderr);
    assert!(out.stderr.contains("loud"), "{}", out.stderr);
    assert_eq!(
        json(&out)["summary"]["files"],
        0,
        "stdout is still one JSON document"
    );

    let bad = [
        ("colour = \"red\"\n", "bad.toml:1:1:", "colour"),
        (
            "[rules]\n\"speculation/no-such-rule\" = \"off\"\n",
            "bad.toml:2:1:",
            "no-such-rule",
        ),
        (
            "[speculation]\nflag-conditionals = 1\n",
            "bad.toml:2:21:",
            "true or false",
        ),
        ("exclude = [\"a\", 3]\n", "bad.toml:1:17:", "string"),
        (
            "[names.prefer]\nKyiv = \"Kiev\"\n",
            "bad.toml:2:8:",
            "array",
        ),
        ("[rules\n", "bad.toml:1:", "invalid TOML"),
    ];
    for (text, at, word) in bad {
        std::fs::write(dir.path().join("bad.toml"), text).unwrap();
        let out = run(dir.path(), &["check", "--config", "bad.toml", "a.md"], None);
        assert_eq!(out.code, 2, "{text}");
        assert!(
            out.stderr.contains(at) && out.stderr.contains(word),
            "{text}: {}",
            out.stderr
        );
    }

    let out = run(
        dir.path(),
        &["check", "--config", "missing.toml", "a.md"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("missing.toml"), "{}", out.stderr);
}

#[test]
fn a_valid_rule_id_is_accepted_in_configuration() {
    let dir = tree(&[("a.md", FLAGGED.as_bytes())]);
    let list: Value =
        serde_json::from_str(&run(dir.path(), &["rules", "--format", "json"], None).stdout)
            .unwrap();
    for rule in list.as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        std::fs::write(
            dir.path().join("newslint.toml"),
            format!("[rules]\n\"{id}\" = \"off\"\n"),
        )
        .unwrap();
        let out = run(dir.path(), &["check", "--format", "json", "a.md"], None);
        assert_ne!(out.code, 2, "{id}: {}", out.stderr);
        let doc = json(&out);
        let fired: Vec<&str> = doc["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert!(!fired.contains(&id), "{id} is off");
    }
}

#[test]
fn walking_honours_gitignore_exclude_and_extensions() {
    let dir = tree(&[
        (".gitignore", b"ignored.md\n"),
        ("newslint.toml", b"exclude = [\"archive\", \"*.tmp.md\"]\n"),
        ("ignored.md", FLAGGED.as_bytes()),
        ("archive/old.md", FLAGGED.as_bytes()),
        ("desk/note.tmp.md", FLAGGED.as_bytes()),
        ("desk/story.markdown", FLAGGED.as_bytes()),
        ("desk/notes.txt", FLAGGED.as_bytes()),
        ("b.md", FLAGGED.as_bytes()),
        ("a.md", CLEAN.as_bytes()),
    ]);
    let doc = json(&run(dir.path(), &["check", "--format", "json"], None));
    assert_eq!(paths(&doc), ["a.md", "b.md", "desk/story.markdown"]);
    // Files named explicitly are linted whatever their name.
    let doc = json(&run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "archive/old.md",
            "desk/notes.txt",
            "b.md",
            "b.md",
        ],
        None,
    ));
    assert_eq!(paths(&doc), ["archive/old.md", "b.md", "desk/notes.txt"]);
    // A draft named and also found by walking, or named two ways, is linted and reported once.
    for args in [&["."][..], &[".", "b.md"], &["./b.md", "b.md", "."]] {
        let mut argv = vec!["check", "--format", "json"];
        argv.extend_from_slice(args);
        let doc = json(&run(dir.path(), &argv, None));
        assert_eq!(
            paths(&doc),
            ["a.md", "b.md", "desk/story.markdown"],
            "{args:?}"
        );
    }
    let doc = json(&run(
        dir.path(),
        &["check", "--format", "json", "./b.md", "b.md", "-"],
        Some(FLAGGED.as_bytes()),
    ));
    assert_eq!(paths(&doc), ["-", "b.md"]);
}

#[test]
fn suppression_comments_work_end_to_end() {
    let cases: [(&str, bool, bool); 7] = [
        (
            "<!-- newslint-disable-next-line -->\nSources say the port will close.\n\nThe harbour master reportedly resigned.\n",
            false,
            true,
        ),
        (
            "<!-- newslint-disable-next-line attribution -->\nSources say the port will close.\n\nThe harbour master reportedly resigned.\n",
            false,
            true,
        ),
        (
            "<!-- newslint-disable-next-line speculation -->\nSources say the port will close.\n\nThe harbour master reportedly resigned.\n",
            true,
            true,
        ),
        (
            "<!-- newslint-disable -->\nSources say the port will close.\n\n<!-- newslint-enable -->\n\nThe harbour master reportedly resigned.\n",
            false,
            true,
        ),
        (
            "<!-- newslint-disable speculation -->\n\nThe harbour master reportedly resigned.\n\n<!-- newslint-enable speculation -->\n\nSources say the port will close.\n",
            true,
            false,
        ),
        (
            "Sources say the port will close.\n\nThe harbour master reportedly resigned.\n\n<!-- newslint-disable-file speculation -->\n",
            true,
            false,
        ),
        (
            "<!-- newslint-disable-file -->\n\nSources say the port will close.\n\nThe harbour master reportedly resigned.\n",
            false,
            false,
        ),
    ];
    for (i, (text, attribution, speculation)) in cases.iter().enumerate() {
        let dir = tree(&[("a.md", text.as_bytes())]);
        let doc = json(&run(
            dir.path(),
            &["check", "--format", "json", "a.md"],
            None,
        ));
        assert_eq!(
            has_family(&doc, "a.md", "attribution"),
            *attribution,
            "case {i}: {doc}"
        );
        assert_eq!(
            has_family(&doc, "a.md", "speculation"),
            *speculation,
            "case {i}: {doc}"
        );
    }
    // A rule id suppresses that rule: take the ids that fire and silence each in turn.
    let dir = tree(&[("a.md", FLAGGED.as_bytes())]);
    let doc = json(&run(
        dir.path(),
        &["check", "--format", "json", "a.md"],
        None,
    ));
    for d in doc["files"][0]["diagnostics"].as_array().unwrap() {
        let id = d["rule"].as_str().unwrap();
        let text = format!("<!-- newslint-disable-file {id} -->\n{FLAGGED}");
        std::fs::write(dir.path().join("a.md"), text).unwrap();
        let after = json(&run(
            dir.path(),
            &["check", "--format", "json", "a.md"],
            None,
        ));
        let still = after["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["rule"] == id);
        assert!(!still, "{id} is suppressed: {after}");
    }
}

#[test]
fn standard_input_is_linted_under_its_name() {
    let dir = tree(&[("desk/newslint.toml", b"[rules]\nattribution = \"off\"\n")]);
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "desk/story.md",
            "-",
        ],
        Some(FLAGGED.as_bytes()),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = json(&out);
    assert_eq!(paths(&doc), ["desk/story.md"]);
    assert!(has_family(&doc, "desk/story.md", "speculation"));
    assert!(
        !has_family(&doc, "desk/story.md", "attribution"),
        "configured by the stdin name"
    );

    let out = run(
        dir.path(),
        &["check", "--format", "concise", "-"],
        Some(FLAGGED.as_bytes()),
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.lines().all(|l| l.starts_with("-:")),
        "{}",
        out.stdout
    );

    let out = run(
        dir.path(),
        &["check", "-"],
        Some(b"caf\xe9 Sources say so.\n"),
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("UTF-8"), "{}", out.stderr);
}

#[test]
fn bad_input_is_reported_and_the_rest_still_linted() {
    let dir = tree(&[
        ("a.md", FLAGGED.as_bytes()),
        ("b.md", b"Sources say caf\xe9 prices rose.\n"),
        ("c.md", CLEAN.as_bytes()),
        ("empty.md", b""),
        ("nul.md", b"Sources say \0 the port\0 will close.\n"),
    ]);
    let out = run(
        dir.path(),
        &["check", "--format", "json", ".", "missing.md"],
        None,
    );
    assert_eq!(out.code, 2);
    let doc = json(&out);
    assert_eq!(paths(&doc), ["a.md", "c.md", "empty.md", "nul.md"]);
    assert!(has_family(&doc, "a.md", "attribution"));
    assert_eq!(
        doc["files"][2]["diagnostics"].as_array().unwrap().len(),
        0,
        "empty file"
    );
    assert!(
        out.stderr.contains("b.md") && out.stderr.contains("UTF-8"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("missing.md") && out.stderr.contains("no such file"),
        "{}",
        out.stderr
    );

    // An empty file alone: no findings, exit 0, in every format.
    for format in [
        "human", "concise", "json", "github", "sarif", "rdjson", "junit",
    ] {
        let out = run(dir.path(), &["check", "--format", format, "empty.md"], None);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
    }
    let human = run(dir.path(), &["check", "empty.md"], None);
    assert_eq!(human.stdout, "1 file, no findings\n");

    // A missing path alone.
    let out = run(dir.path(), &["check", "nowhere"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("nowhere"));
    // The SARIF log records the failure.
    let out = run(
        dir.path(),
        &["check", "--format", "sarif", "b.md", "c.md"],
        None,
    );
    assert_eq!(out.code, 2);
    let doc = json(&out);
    assert_eq!(
        doc["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
}

#[test]
fn rules_and_rule_document_every_rule() {
    let dir = tree(&[]);
    let list = run(dir.path(), &["rules", "--format", "json"], None);
    assert_eq!(list.code, 0);
    let rules: Value = serde_json::from_str(&list.stdout).unwrap();
    let text = run(dir.path(), &["rules"], None);
    assert_eq!(text.code, 0);
    for r in rules.as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        let line = text
            .stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("{id} is listed:\n{}", text.stdout));
        assert!(line.contains(r["severity"].as_str().unwrap()), "{line}");
        assert!(line.contains(r["summary"].as_str().unwrap()), "{line}");
        let doc = run(dir.path(), &["rule", id], None);
        assert_eq!(doc.code, 0);
        assert!(doc.stdout.starts_with(&format!("# {id}\n")));
        assert!(doc.stdout.contains("## What it flags"));
        assert!(doc.stdout.contains("## Fix safety"));
    }
    let out = run(dir.path(), &["rule", "speculation/no-such-rule"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("unknown rule"));
    let out = run(dir.path(), &["rule", "speculation"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("is a family"));
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn diff_base_keeps_findings_on_changed_lines() {
    let old = "# Port talks\n\nSources say the port will close in May.\n";
    let dir = tree(&[
        ("news/a.md", old.as_bytes()),
        ("news/b.md", FLAGGED.as_bytes()),
    ]);
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "first"]);
    // Change a.md below the old finding; add an untracked draft.
    std::fs::write(
        dir.path().join("news/a.md"),
        format!("{old}\nThe harbour master reportedly resigned.\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("news/new.md"), FLAGGED).unwrap();

    let full = json(&run(
        dir.path(),
        &["check", "--format", "json", "news"],
        None,
    ));
    assert!(has_family(&full, "news/a.md", "attribution"));
    assert!(has_family(&full, "news/b.md", "attribution"));

    let out = run(
        dir.path(),
        &["check", "--format", "json", "--diff-base", "HEAD", "news"],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = json(&out);
    assert!(
        !has_family(&doc, "news/a.md", "attribution"),
        "unchanged line: {doc}"
    );
    assert!(
        has_family(&doc, "news/a.md", "speculation"),
        "changed line: {doc}"
    );
    assert_eq!(
        families(&doc)[1],
        ("news/b.md".to_string(), vec![]),
        "unchanged file"
    );
    assert!(
        has_family(&doc, "news/new.md", "attribution"),
        "untracked file: {doc}"
    );

    // From a subdirectory, with a relative path.
    let out = run(
        &dir.path().join("news"),
        &["check", "--format", "json", "--diff-base", "HEAD", "a.md"],
        None,
    );
    assert!(has_family(&json(&out), "a.md", "speculation"));

    let out = run(
        dir.path(),
        &["check", "--diff-base", "no-such-rev", "news"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no-such-rev"), "{}", out.stderr);

    let outside = tree(&[("a.md", FLAGGED.as_bytes())]);
    let out = run(
        outside.path(),
        &["check", "--diff-base", "HEAD", "a.md"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("git"), "{}", out.stderr);
}

#[test]
fn output_is_sorted_and_stable() {
    let names = ["z.md", "m/b.md", "a.md", "m/a.md", "k.md"];
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (*n, FLAGGED.as_bytes())).collect();
    let dir = tree(&files);
    let first = run(dir.path(), &["check", "--format", "json"], None);
    let doc = json(&first);
    assert_eq!(paths(&doc), ["a.md", "k.md", "m/a.md", "m/b.md", "z.md"]);
    for _ in 0..3 {
        assert_eq!(
            run(dir.path(), &["check", "--format", "json"], None).stdout,
            first.stdout
        );
    }
}

#[test]
fn examples_lint_as_documented() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = run(&root, &["check", "--format", "json", "examples"], None);
    assert_eq!(
        out.code, 1,
        "the example drafts have findings: {}",
        out.stderr
    );
    let doc = json(&out);
    assert!(
        has_family(&doc, "examples/grain-corridor.md", "attribution"),
        "{doc}"
    );
    assert!(
        has_family(&doc, "examples/grain-corridor.md", "speculation"),
        "{doc}"
    );
    let clean = run(&root, &["check", "examples/harbour-report.md"], None);
    assert_eq!(
        clean.code, 0,
        "the clean example stays clean:\n{}",
        clean.stdout
    );
}
