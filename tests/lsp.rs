//! The language server over stdio: the real `newslint server` process, spoken to in JSON-RPC.
//!
//! Expected diagnostics are never written down: they come from the library's own lint of the
//! same text, converted to LSP positions by the test's own arithmetic (tests/lsp/text.rs).

#[path = "lsp/client.rs"]
mod client;
#[path = "lsp/text.rs"]
mod text;

use client::Server;
use serde_json::{Value, json};
use text::{Units, expected, keys};

/// A draft of ours with curly quotes, an em dash and an emoji before several phrases that
/// attribution and speculation rules look for.
const DRAFT: &str = "# Council weighs the harbour plan\n\
\n\
The mayor’s office said on Tuesday that the “harbour plan” — a 12-year project 🚢 — is final. \
Sources say the vote could slip, and the budget reportedly doubled.\n\
\n\
Officials noted that the plan appears to be popular. It is expected to pass. \
The ferry might perhaps run late.\n\
\n\
“We reportedly have the votes,” said Ana Ruiz, the council leader.\n";

const URI: &str = "file:///newslint-test/draft.md";

fn nonempty(v: Vec<text::Key>) -> Vec<text::Key> {
    assert!(
        !v.is_empty(),
        "no rule fires on the test draft; the rules these tests need are not in this build"
    );
    v
}

#[test]
fn initialize_negotiates_the_position_encoding() {
    for (offered, chosen) in [
        (json!(null), "utf-16"),
        (json!(["utf-16"]), "utf-16"),
        (json!(["utf-32", "utf-8", "utf-16"]), "utf-8"),
        (json!(["utf-32"]), "utf-16"),
    ] {
        let mut s = Server::start();
        let caps = if offered.is_null() {
            json!({})
        } else {
            json!({"general": {"positionEncodings": offered}})
        };
        let r = s.initialize(caps, json!({}));
        assert_eq!(r["capabilities"]["positionEncoding"], chosen, "{offered}");
        assert_eq!(r["capabilities"]["textDocumentSync"]["change"], 2);
        assert_eq!(r["serverInfo"]["name"], "newslint");
        assert!(s.shutdown_and_exit().success());
    }
}

/// The server re-executes itself with mimalloc's settings that return freed memory at once
/// (`newslint::server::RETURN_FREED_MEMORY`), in the same process: it answers on the same pipes,
/// and its environment holds the settings. Linux only (it reads /proc).
#[test]
#[cfg(target_os = "linux")]
fn the_server_runs_with_the_lean_allocator_settings() {
    let mut s = Server::start();
    let r = s.initialize(json!({}), json!({}));
    assert_eq!(r["serverInfo"]["name"], "newslint");
    let environ = std::fs::read(format!("/proc/{}/environ", s.pid())).expect("read environ");
    let vars: Vec<&[u8]> = environ.split(|&b| b == 0).collect();
    for (k, v) in newslint::server::RETURN_FREED_MEMORY {
        let want = format!("{k}={v}");
        assert!(
            vars.contains(&want.as_bytes()),
            "{want} is not in the server's environment"
        );
    }
    assert!(s.shutdown_and_exit().success());
}

fn ranges_are_exact(units: Units) {
    let mut s = Server::start();
    let caps = match units {
        Units::Utf8 => json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
        Units::Utf16 => json!({}),
    };
    s.initialize(caps, json!({"debounceMs": 0}));
    s.open(URI, 1, DRAFT);
    let got = s.diagnostics_for(URI, 1);
    let want = nonempty(expected(DRAFT, units));
    assert_eq!(keys(&got), want);
    // The draft is built so that the encoding matters: some finding sits after the emoji.
    let after_emoji = DRAFT.find('🚢').expect("emoji");
    let line = DRAFT[..after_emoji].matches('\n').count() as u64;
    assert!(
        got.iter().any(|d| d["range"]["start"]["line"] == line
            && d["range"]["start"]["character"].as_u64()
                > Some(text::position(DRAFT, after_emoji, units).1)),
        "a finding after the emoji on line {line}"
    );
    for d in &got {
        assert_eq!(d["source"], "newslint");
    }
    assert!(s.shutdown_and_exit().success());
}

#[test]
fn ranges_are_exact_in_utf16() {
    ranges_are_exact(Units::Utf16);
}

#[test]
fn ranges_are_exact_in_utf8() {
    ranges_are_exact(Units::Utf8);
}

/// One edit: replace bytes `start..end` of the current text with `new`.
fn edit(s: &mut Server, text: &mut String, version: i64, start: usize, end: usize, new: &str) {
    let range = text::range(text, start, end, Units::Utf16);
    text.replace_range(start..end, new);
    s.change(URI, version, json!([{"range": range, "text": new}]));
}

#[test]
fn sixty_quick_incremental_edits_end_where_the_library_does() {
    let mut s = Server::initialized();
    let mut text = DRAFT.to_string();
    s.open(URI, 1, &text);
    let mut version = 1;
    // Type a sentence with findings, one character at a time, at the end of the first paragraph.
    let typed = " Sources say it “reportedly” 🚢 could fail.";
    let mut at = text.find("doubled.").expect("anchor") + "doubled.".len();
    for c in typed.chars() {
        version += 1;
        let mut buf = [0; 4];
        edit(&mut s, &mut text, version, at, at, c.encode_utf8(&mut buf));
        at += c.len_utf8();
    }
    // Delete some of it again, backwards, a character at a time.
    while version < 56 {
        version += 1;
        let prev = text[..at].chars().next_back().expect("char").len_utf8();
        edit(&mut s, &mut text, version, at - prev, at, "");
        at -= prev;
    }
    // Replace a word across the emoji, split a line, and join two others.
    version += 1;
    let w = text.find("harbour plan”").expect("word");
    edit(&mut s, &mut text, version, w, w + "harbour".len(), "port");
    version += 1;
    let dash = text.find(" — is final").expect("dash");
    edit(&mut s, &mut text, version, dash, dash + 1, "\n");
    version += 1;
    let nl = text.find("\n\nOfficials").expect("para");
    edit(&mut s, &mut text, version, nl, nl + 2, " ");
    version += 1;
    let end = text.len();
    edit(
        &mut s,
        &mut text,
        version,
        end,
        end,
        "\nIt reportedly rained. 😀\n",
    );
    version += 1;
    let ex = text.find("expected").expect("expected");
    edit(&mut s, &mut text, version, ex, ex, "widely ");
    assert_eq!(version, 61);

    let got = s.diagnostics_for(URI, version);
    assert_eq!(keys(&got), nonempty(expected(&text, Units::Utf16)));
    // Versions were published in order, never going back.
    let versions: Vec<i64> = s
        .log
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == URI)
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "{versions:?}");
    assert!(s.shutdown_and_exit().success());
}

fn pull(s: &mut Server, uri: &str) -> Value {
    s.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    )
}

#[test]
fn a_stale_version_is_ignored() {
    let mut s = Server::initialized();
    s.open(URI, 1, "Nothing to see.\n");
    s.change(URI, 5, json!([{"text": DRAFT}]));
    s.change(URI, 3, json!([{"text": "Stale text.\n"}]));
    s.change(URI, 5, json!([{"text": "Same version again.\n"}]));
    // Requests are answered after the notifications before them: the text is still version 5.
    let report = pull(&mut s, URI);
    let want = nonempty(expected(DRAFT, Units::Utf16));
    assert_eq!(keys(report["items"].as_array().expect("items")), want);
    let pushed = s.diagnostics_for(URI, 5);
    assert_eq!(keys(&pushed), want);
    let log = s.notification("window/logMessage", |p| {
        p["message"].as_str().unwrap_or("").contains("version 3")
    });
    assert_eq!(log["type"], 4);
    assert!(s.shutdown_and_exit().success());
}

#[test]
fn pull_equals_push() {
    let mut s = Server::initialized();
    s.open(URI, 1, DRAFT);
    let pushed = s.diagnostics_for(URI, 1);
    let report = pull(&mut s, URI);
    assert_eq!(report["kind"], "full");
    let items = report["items"].as_array().expect("items").clone();
    assert_eq!(items, pushed, "the same diagnostics, data and all");
    assert!(!items.is_empty());
    let id = report["resultId"].clone();
    let again = s.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}, "previousResultId": id}),
    );
    assert_eq!(again["kind"], "unchanged");
    assert!(s.shutdown_and_exit().success());
}

#[test]
fn clients_that_pull_are_not_pushed_to() {
    let mut s = Server::start();
    s.initialize(
        json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}),
        json!({"debounceMs": 0}),
    );
    s.open(URI, 1, DRAFT);
    let report = pull(&mut s, URI);
    let want = nonempty(expected(DRAFT, Units::Utf16));
    assert_eq!(keys(report["items"].as_array().expect("items")), want);
    // A request after the pull: by the time it is answered, any push would have been sent.
    s.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
    );
    assert!(
        !s.log
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "no push to a pulling client"
    );
    assert!(s.shutdown_and_exit().success());
}

#[test]
fn closing_a_draft_clears_its_diagnostics() {
    let mut s = Server::initialized();
    s.open(URI, 1, DRAFT);
    assert!(!s.diagnostics_for(URI, 1).is_empty());
    s.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let p = s.notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == URI && p["diagnostics"].as_array().is_some_and(Vec::is_empty)
    });
    assert!(p.get("version").is_none_or(Value::is_null));
    assert!(s.shutdown_and_exit().success());
}

#[test]
fn hover_over_a_finding_shows_the_rule_docs() {
    let mut s = Server::initialized();
    s.open(URI, 1, DRAFT);
    let diags = s.diagnostics_for(URI, 1);
    let d = diags.first().expect("a diagnostic").clone();
    let rule = d["code"].as_str().expect("code").to_string();
    let hover = s.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": d["range"]["start"]}),
    );
    let value = hover["contents"]["value"].as_str().expect("markdown");
    let docs = newslint::rules::by_id(&rule).expect("rule").meta().docs();
    let summary = docs.lines().next().expect("summary");
    assert!(value.contains(&rule) && value.contains(summary), "{value}");
    assert!(value.contains("## What it flags"), "{value}");
    assert!(value.contains(d["message"].as_str().expect("message")));
    // Over an attributed sentence, away from any finding: who it is attributed to, as the
    // library's attribution analysis has it.
    let at = DRAFT.find("on Tuesday").expect("anchor");
    let analyzed = newslint::Analyzed::new(DRAFT);
    let settings = newslint::Settings::default();
    let ctx = analyzed.context(&settings);
    let sa = ctx
        .attributions()
        .sentences
        .iter()
        .find(|sa| sa.span.contains(at))
        .expect("the sentence");
    let own = ctx.attributions().attributions_of(sa.sentence);
    let source = own[0].source.as_ref().expect("a source");
    let who = &DRAFT[source.span.start..source.span.end];
    let p = text::position(DRAFT, at, Units::Utf16);
    let hover = s.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": p.0, "character": p.1}}),
    );
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        value.contains("attributed to") && value.contains(who),
        "{value}"
    );
    // Over the title, where nothing is flagged, no rule docs.
    let none = s.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 3}}),
    );
    assert!(
        none.is_null()
            || !none["contents"]["value"]
                .as_str()
                .unwrap_or("")
                .contains("## What it flags")
    );
    assert!(s.shutdown_and_exit().success());
}

fn actions(s: &mut Server, range: &Value) -> Vec<Value> {
    s.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": range, "context": {"diagnostics": []}}),
    )
    .as_array()
    .cloned()
    .unwrap_or_default()
}

fn action_edits(a: &Value) -> Vec<Value> {
    a["edit"]["changes"][URI]
        .as_array()
        .cloned()
        .expect("edits for the draft")
}

#[test]
fn applying_a_code_action_removes_its_diagnostic() {
    let mut s = Server::initialized();
    let mut text = DRAFT.to_string();
    let mut version = 1;
    s.open(URI, version, &text);
    let diags = s.diagnostics_for(URI, version);
    let target = diags.first().expect("a diagnostic").clone();
    let rule = target["code"].as_str().expect("code").to_string();
    let list = actions(&mut s, &target["range"]);
    let titles: Vec<&str> = list.iter().filter_map(|a| a["title"].as_str()).collect();
    let line_title = format!("Disable {rule} for this line");
    assert!(titles.contains(&line_title.as_str()), "{titles:?}");
    assert!(titles.contains(&format!("Disable {rule} in this file").as_str()));
    for a in list.iter().filter(|a| a.get("diagnostics").is_some()) {
        assert_eq!(a["kind"], "quickfix");
    }

    // Each fix with edits the diagnostic carries is offered, preferred exactly when safe.
    let fixes = target["data"]["fixes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for f in fixes
        .iter()
        .filter(|f| f["edits"].as_array().is_some_and(|e| !e.is_empty()))
    {
        let a = list
            .iter()
            .find(|a| a["title"] == f["title"])
            .expect("the fix is offered");
        assert_eq!(a["isPreferred"], json!(f["applicability"] == "safe"));
    }

    // Disabling the rule for the line removes this diagnostic and only diagnostics of that
    // rule on that line.
    let a = list
        .iter()
        .find(|a| a["title"] == line_title.as_str())
        .expect("action");
    let new_text = text::apply_edits(&text, &action_edits(a), Units::Utf16);
    version += 1;
    s.change(URI, version, json!([{"text": new_text}]));
    text = new_text;
    let after = s.diagnostics_for(URI, version);
    assert_eq!(keys(&after), expected(&text, Units::Utf16));
    assert!(!after.iter().any(|d| d["code"] == rule.as_str()
        && d["message"] == target["message"]
        && d["range"]["start"]["line"].as_u64()
            == target["range"]["start"]["line"].as_u64().map(|l| l + 1)));
    assert!(after.len() < diags.len());

    // Applying a fix, when a rule offers one, removes its diagnostic.
    let with_edits = |f: &&Value| f["edits"].as_array().is_some_and(|e| !e.is_empty());
    let library_offers_one = newslint::lint(&text, &newslint::Settings::default())
        .iter()
        .any(|d| d.fixes.iter().any(|f| !f.edits.is_empty()));
    let mut applied = false;
    if let Some((d, f)) = after.iter().find_map(|d| {
        let f = d["data"]["fixes"]
            .as_array()?
            .iter()
            .find(with_edits)?
            .clone();
        Some((d, f))
    }) {
        let list = actions(&mut s, &d["range"]);
        let a = list
            .iter()
            .find(|a| a["title"] == f["title"])
            .expect("fix action");
        let fixed = text::apply_edits(&text, &action_edits(a), Units::Utf16);
        version += 1;
        s.change(URI, version, json!([{"text": fixed}]));
        let again = s.diagnostics_for(URI, version);
        assert!(!again.contains(d), "the fixed diagnostic is gone");
        assert_eq!(keys(&again), expected(&fixed, Units::Utf16));
        text = fixed;
        applied = true;
    }
    assert_eq!(
        applied, library_offers_one,
        "every fix with edits is offered"
    );

    // The source action applies every safe fix at once.
    let all = s.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let all = all.as_array().cloned().unwrap_or_default();
    let any_safe = newslint::lint(&text, &newslint::Settings::default())
        .iter()
        .any(|d| {
            d.fixes
                .iter()
                .any(|f| f.applicability == newslint::Applicability::Safe)
        });
    assert_eq!(!all.is_empty(), any_safe);
    for a in &all {
        assert_eq!(a["kind"], "source.fixAll.newslint");
    }
    assert!(s.shutdown_and_exit().success());
}

#[test]
fn a_broken_config_is_a_diagnostic_and_a_message_not_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("newslint.toml");
    std::fs::write(&config, "[rules]\nspeculation = \"loud\"\n").expect("write");
    let draft = dir.path().join("draft.md");
    std::fs::write(&draft, DRAFT).expect("write");
    let draft_uri = format!("file://{}", draft.display());
    let config_uri = format!("file://{}", config.display());

    let mut s = Server::initialized();
    s.open(&draft_uri, 1, DRAFT);
    let p = s.notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == config_uri
    });
    let d = &p["diagnostics"][0];
    assert_eq!(d["range"]["start"]["line"], 1, "{d}");
    assert_eq!(d["severity"], 1);
    let shown = s.notification("window/showMessage", |_| true);
    assert!(
        shown["message"]
            .as_str()
            .expect("message")
            .contains("newslint.toml")
    );
    // The draft is still linted (with the editor's settings).
    let got = s.diagnostics_for(&draft_uri, 1);
    assert_eq!(keys(&got), nonempty(expected(DRAFT, Units::Utf16)));

    // Fixed on disk and reported as changed: the config's diagnostic clears, and the draft is
    // linted with the file's settings.
    std::fs::write(
        &config,
        "[rules]\nspeculation = \"off\"\nattribution = \"off\"\nnames = \"off\"\n",
    )
    .expect("write");
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    s.notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == config_uri && p["diagnostics"].as_array().is_some_and(Vec::is_empty)
    });
    let p = s.notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == draft_uri && p["diagnostics"].as_array().is_some_and(Vec::is_empty)
    });
    assert_eq!(p["version"], 1);
    assert!(s.shutdown_and_exit().success());
}

#[test]
fn editor_settings_apply_where_no_file_does() {
    let all_off = json!({"debounceMs": 0,
        "rules": {"attribution": "off", "names": "off", "speculation": "off"}});
    let mut s = Server::start();
    s.initialize(json!({}), all_off);
    nonempty(expected(DRAFT, Units::Utf16));
    s.open(URI, 1, DRAFT);
    assert!(s.diagnostics_for(URI, 1).is_empty(), "every family off");

    // A draft under a newslint.toml (here an empty one: defaults) follows the file.
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("newslint.toml"), "").expect("write");
    let governed = format!("file://{}/draft.md", dir.path().display());
    s.open(&governed, 1, DRAFT);
    let got = s.diagnostics_for(&governed, 1);
    assert_eq!(keys(&got), expected(DRAFT, Units::Utf16));

    // New editor settings re-lint open drafts.
    s.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"newslint": {"debounceMs": 0}}}),
    );
    let p = s.notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == URI && p["diagnostics"].as_array().is_some_and(|d| !d.is_empty())
    });
    assert_eq!(
        keys(p["diagnostics"].as_array().expect("diags")),
        expected(DRAFT, Units::Utf16)
    );
    assert!(s.shutdown_and_exit().success());
}

#[test]
fn a_panic_while_linting_is_caught_and_the_server_keeps_serving() {
    let marker = "PANIC-MARKER-7f3a";
    let mut s = Server::start_with(&[("NEWSLINT_TEST_PANIC_MARKER", marker)], None);
    s.initialize(json!({}), json!({"debounceMs": 0}));
    let bad = "file:///newslint-test/bad.md";
    s.open(bad, 1, &format!("{DRAFT}\n{marker}\n"));
    assert!(s.diagnostics_for(bad, 1).is_empty());
    let log = s.notification("window/logMessage", |p| {
        p["message"].as_str().unwrap_or("").contains("panicked")
    });
    assert_eq!(log["type"], 1);
    s.open(URI, 1, DRAFT);
    let got = s.diagnostics_for(URI, 1);
    assert_eq!(keys(&got), nonempty(expected(DRAFT, Units::Utf16)));
    // Requests on the panicking draft answer, with nothing.
    let report = pull(&mut s, bad);
    assert_eq!(report["items"], json!([]));
    assert!(s.shutdown_and_exit().success());
}

#[test]
fn malformed_messages_get_json_rpc_errors() {
    let mut s = Server::initialized();
    let body = b"{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": ";
    s.send_raw(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    s.send_raw(body);
    let parse = s.take(|m| m.get("error").is_some());
    assert_eq!(parse["error"]["code"], -32700, "{parse}");
    assert_eq!(parse["id"], Value::Null);
    s.send(&json!({"jsonrpc": "2.0", "id": 77, "method": 12}));
    let invalid = s.response(&json!(77));
    assert_eq!(invalid["error"]["code"], -32600, "{invalid}");
    s.send_raw(b"garbage without headers\r\n\r\n");
    let garbage = s.take(|m| m.get("error").is_some());
    assert_eq!(garbage["error"]["code"], -32700, "{garbage}");

    let bad_params = s.request("textDocument/hover", json!({"textDocument": 42}));
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");
    let unknown = s.request("newslint/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    // Positions far outside the text are clamped, not fatal.
    s.open(URI, 1, DRAFT);
    s.change(
        URI,
        2,
        json!([{"range": {"start": {"line": 999, "character": 5}, "end": {"line": 999, "character": 9}},
                "text": "\nIt reportedly rained.\n"}]),
    );
    let got = s.diagnostics_for(URI, 2);
    let text = format!("{DRAFT}\nIt reportedly rained.\n");
    assert_eq!(keys(&got), expected(&text, Units::Utf16));
    let hover = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 4000, "character": 4000}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    assert!(s.shutdown_and_exit().success());
}

#[test]
fn shutdown_then_exit_is_a_clean_exit() {
    let s = Server::initialized();
    let status = s.shutdown_and_exit();
    assert_eq!(status.code(), Some(0));

    // `exit` without `shutdown` is an error exit, as the specification asks.
    let mut s = Server::initialized();
    s.notify("exit", Value::Null);
    assert_eq!(s.wait().code(), Some(1));

    // Requests after shutdown are refused.
    let mut s = Server::initialized();
    s.call("shutdown", Value::Null);
    let late = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI},
        "position": {"line": 0, "character": 0}}),
    );
    assert!(late.get("error").is_some(), "{late}");
    s.notify("exit", Value::Null);
    assert_eq!(s.wait().code(), Some(0));
}
