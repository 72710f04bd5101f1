//! Benchmarks of the language server.
//!
//! Run with `cargo bench --bench server`. Two measurements:
//!
//! 1. **Edit latency**: the server in process, spoken to in JSON-RPC over an in-memory pipe
//!    (so the figure is server time: framing, JSON, the actor, the lint, the conversion back;
//!    no process pipes), through the same transport as `newslint server` on stdio. A 10,000-word generated draft is open with debounce 0; each sample
//!    is one incremental `didChange` (typing or deleting a character somewhere in the draft)
//!    until the `publishDiagnostics` for that version arrives. Prints p50, p90, p99 and max.
//! 2. **Memory**: the real `newslint server` process with 100 open drafts (1,000 words each,
//!    then 10,000 words each), all linted; prints VmRSS and VmHWM from /proc (Linux only).
//!
//! Samples: `NEWSLINT_BENCH_EDITS` (default 400). `NEWSLINT_BENCH_ONLY=latency` (or `memory`)
//! runs one of the two.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader as ABufReader};

/// The allocator of the `newslint` binary (src/main.rs), so the in-process server is measured
/// as it ships; `main` re-executes with the server's allocator settings.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/gen.rs"]
mod generate;

/// A generated draft of at least `words` words.
fn draft_of_words(words: usize, seed: u64) -> String {
    let mut size = words * 6;
    loop {
        let d = generate::draft(size, seed);
        if d.split_whitespace().count() >= words {
            return d;
        }
        size += size / 10;
    }
}

fn frame(v: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(v).expect("json");
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(&body);
    out
}

async fn read_async<R: tokio::io::AsyncBufRead + Unpin>(r: &mut R) -> Option<Value> {
    let (_, body) = read_async_raw(r).await?;
    serde_json::from_slice(&body).ok()
}

/// One frame's body and the instant its last byte arrived (before any JSON parsing, so the
/// client's own parsing is not counted as server time).
async fn read_async_raw<R: tokio::io::AsyncBufRead + Unpin>(
    r: &mut R,
) -> Option<(Instant, Vec<u8>)> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).await.ok()?;
    Some((Instant::now(), body))
}

fn read_sync(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// UTF-16 position of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[start..offset].encode_utf16().count();
    json!({"line": line, "character": col})
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn latency() {
    let edits: usize = std::env::var("NEWSLINT_BENCH_EDITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        let (mut to_server, server_in) = tokio::io::duplex(1 << 20);
        let (server_out, from_server) = tokio::io::duplex(1 << 20);
        tokio::spawn(newslint::server::serve(server_in, server_out));
        let mut rx = ABufReader::new(from_server);
        let uri = "file:///bench/draft.md";
        let mut text = draft_of_words(10_000, 7);
        let words = text.split_whitespace().count();

        let send = |v: Value| frame(&v);
        to_server
            .write_all(&send(
                json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"capabilities": {}, "initializationOptions": {"debounceMs": 0}}}),
            ))
            .await
            .expect("write");
        while read_async(&mut rx)
            .await
            .expect("response")
            .get("id")
            .is_none()
        {}
        to_server
            .write_all(&send(
                json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
            ))
            .await
            .expect("write");
        to_server
            .write_all(&send(
                json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                            "text": text}}}),
            ))
            .await
            .expect("write");
        let findings = loop {
            let m = read_async(&mut rx).await.expect("message");
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 1 {
                break m["params"]["diagnostics"].as_array().map_or(0, Vec::len);
            }
        };
        let mut rng = generate::Rng::new(99);
        let mut samples = Vec::with_capacity(edits);
        let mut inserted: Option<usize> = None;
        for i in 0..edits {
            let version = i as i64 + 2;
            // Alternate: type an "x" at a random word boundary, then delete it again.
            let (range, new) = match inserted.take() {
                Some(at) => {
                    let r = json!({"start": position(&text, at), "end": position(&text, at + 1)});
                    text.replace_range(at..at + 1, "");
                    (r, "")
                }
                None => {
                    let mut at = rng.below(text.len());
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    let p = position(&text, at);
                    text.insert(at, 'x');
                    inserted = Some(at);
                    (json!({"start": p, "end": p}), "x")
                }
            };
            let msg = send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": version},
                           "contentChanges": [{"range": range, "text": new}]}}));
            let t0 = Instant::now();
            to_server.write_all(&msg).await.expect("write");
            let t1 = loop {
                let (at, body) = read_async_raw(&mut rx).await.expect("message");
                let m: Value = serde_json::from_slice(&body).expect("json");
                if m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["version"] == version
                {
                    break at;
                }
            };
            samples.push(t1 - t0);
        }
        samples.sort();
        // The engine alone on the same text, for comparison: the server's own share is the
        // difference.
        let settings = newslint::Settings::default();
        let mut engine: Vec<Duration> = (0..50)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(newslint::lint(&text, &settings));
                t.elapsed()
            })
            .collect();
        engine.sort();
        // And on one thread (big drafts are otherwise linted on the rayon pool).
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a thread pool");
        let mut single: Vec<Duration> = (0..50)
            .map(|_| {
                one.install(|| {
                    let t = Instant::now();
                    std::hint::black_box(newslint::lint(&text, &settings));
                    t.elapsed()
                })
            })
            .collect();
        single.sort();
        println!(
            "didChange -> publishDiagnostics, {} KB draft, {words} words, {findings} findings, \
             debounce 0, {edits} edits:",
            text.len() / 1024
        );
        println!(
            "  p50 {:.2} ms   p90 {:.2} ms   p99 {:.2} ms   max {:.2} ms",
            ms(percentile(&samples, 0.50)),
            ms(percentile(&samples, 0.90)),
            ms(percentile(&samples, 0.99)),
            ms(*samples.last().expect("samples"))
        );
        println!(
            "  the engine alone (newslint::lint on the same text): p50 {:.2} ms   p99 {:.2} ms",
            ms(percentile(&engine, 0.50)),
            ms(percentile(&engine, 0.99))
        );
        println!(
            "  the engine alone on one thread:                   p50 {:.2} ms   p99 {:.2} ms",
            ms(percentile(&single, 0.50)),
            ms(percentile(&single, 0.99))
        );
    });
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// VmRSS and VmHWM of process `pid`, in MB.
fn memory(pid: u32) -> Option<(f64, f64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse::<f64>()
            .ok()
            .map(|kb| kb / 1024.0)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn rss_with_open_drafts(n: usize, words: usize) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut send = |v: Value| {
        stdin.write_all(&frame(&v)).expect("write");
        stdin.flush().expect("flush");
    };
    send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"capabilities": {}, "initializationOptions": {"debounceMs": 0}}}));
    while read_sync(&mut stdout)
        .expect("response")
        .get("id")
        .is_none()
    {}
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    let (before, _) = memory(child.id()).unwrap_or_default();
    let mut bytes = 0;
    for i in 0..n {
        let text = draft_of_words(words, 1000 + i as u64);
        bytes += text.len();
        send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": format!("file:///bench/d{i}.md"),
                "languageId": "markdown", "version": 1, "text": text}}}));
    }
    let mut published = std::collections::HashSet::new();
    while published.len() < n {
        let m = read_sync(&mut stdout).expect("message");
        if m["method"] == "textDocument/publishDiagnostics" {
            published.insert(m["params"]["uri"].as_str().unwrap_or("").to_string());
        }
    }
    // Let the allocator settle, then read.
    std::thread::sleep(Duration::from_millis(200));
    match memory(child.id()) {
        Some((rss, hwm)) => println!(
            "{n} open drafts of {words} words ({:.1} MB of text): RSS {rss:.1} MB \
             (peak {hwm:.1} MB; {before:.1} MB before opening)",
            bytes as f64 / 1e6
        ),
        None => println!("{n} open drafts: memory not measurable here (no /proc)"),
    }
    send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}));
    send(json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    let _ = child.wait();
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this too: keep that quick.
    if std::env::args().any(|a| a == "--test") {
        return;
    }
    newslint::server::reexec_with_lean_allocator();
    // `NEWSLINT_BENCH_ONLY=latency` or `=memory` runs one half (e.g. under a profiler).
    let only = std::env::var("NEWSLINT_BENCH_ONLY").unwrap_or_default();
    if only != "memory" {
        latency();
    }
    if only != "latency" {
        rss_with_open_drafts(100, 1_000);
        rss_with_open_drafts(100, 10_000);
    }
}
