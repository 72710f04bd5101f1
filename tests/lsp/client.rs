//! A small LSP client for tests: starts the real `newslint server` and speaks JSON-RPC to it
//! over stdio.
//!
//! Messages from the server are read on a thread and queued; `request` waits for its response
//! (answering the server's own requests meanwhile) and `wait_for` waits for a notification.
//! Waits give up after a generous limit (a test that hangs is a failure, not a measurement).

#![allow(dead_code)]

use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long any single wait may take before the test fails.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A running server and the messages it sent that nobody has consumed yet.
pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    queue: VecDeque<Value>,
    next_id: i64,
    /// Every message received, in order (for assertions over the whole session).
    pub log: Vec<Value>,
}

/// Reads one `Content-Length` framed message.
fn read_message(r: &mut impl BufRead) -> Option<Value> {
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
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse::<usize>().ok();
            }
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Server {
    /// Starts `newslint server` with extra environment variables, in `cwd` if given.
    pub fn start_with(env: &[(&str, &str)], cwd: Option<&Path>) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newslint"));
        cmd.arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        if let Some(dir) = cwd {
            cmd.current_dir(dir);
        }
        let mut child = cmd.spawn().expect("start newslint server");
        let stdout = child.stdout.take().expect("stdout");
        let stdin = child.stdin.take();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut r) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Server {
            child,
            stdin,
            rx,
            queue: VecDeque::new(),
            next_id: 1,
            log: Vec::new(),
        }
    }

    /// Starts `newslint server`.
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn start() -> Server {
        Server::start_with(&[], None)
    }

    /// Writes raw bytes to the server.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
    }

    /// Sends one message.
    pub fn send(&mut self, msg: &Value) {
        let body = serde_json::to_vec(msg).expect("json");
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend_from_slice(&body);
        self.send_raw(&frame);
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and returns the whole response message (`result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(&json!(id))
    }

    /// Waits for the response to request `id`.
    pub fn response(&mut self, id: &Value) -> Value {
        self.take(|m| m.get("method").is_none() && m.get("id") == Some(id))
    }

    /// Sends a request and returns its `result`, failing on an error.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let resp = self.request(method, params);
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    /// The next message (queued first, then from the server), answering the server's
    /// requests on the way. `None` when the server closed its output.
    fn next(&mut self, deadline: Instant) -> Option<Value> {
        let msg = match self.queue.pop_front() {
            Some(m) => m,
            None => {
                let left = deadline.saturating_duration_since(Instant::now());
                match self.rx.recv_timeout(left) {
                    Ok(m) => {
                        self.log.push(m.clone());
                        self.answer(&m);
                        m
                    }
                    Err(RecvTimeoutError::Timeout) => panic!("no message from the server in time"),
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
            }
        };
        Some(msg)
    }

    /// Answers a server-to-client request the way a plain editor would.
    fn answer(&mut self, m: &Value) {
        let (Some(id), Some(method)) = (m.get("id"), m.get("method").and_then(Value::as_str))
        else {
            return;
        };
        let result = match method {
            "workspace/configuration" => {
                let n = m["params"]["items"].as_array().map_or(0, Vec::len);
                Value::Array(vec![Value::Null; n])
            }
            _ => Value::Null,
        };
        let id = id.clone();
        self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
    }

    /// Takes the first message (in arrival order) that satisfies `pred`; others stay queued.
    pub fn take(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + PATIENCE;
        if let Some(i) = self.queue.iter().position(&pred) {
            return self.queue.remove(i).expect("queued");
        }
        let mut skipped = VecDeque::new();
        loop {
            let Some(m) = self.next(deadline) else {
                panic!("the server closed its output while we waited");
            };
            if pred(&m) {
                skipped.extend(self.queue.drain(..));
                self.queue = skipped;
                return m;
            }
            skipped.push_back(m);
        }
    }

    /// Waits for a notification `method` whose params satisfy `pred`.
    pub fn notification(&mut self, method: &str, pred: impl Fn(&Value) -> bool) -> Value {
        self.take(|m| m["method"] == method && m.get("id").is_none() && pred(&m["params"]))["params"]
            .clone()
    }

    /// Waits for diagnostics published for `uri` with exactly `version`.
    pub fn diagnostics_for(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let p = self.notification("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri && p["version"] == version
        });
        p["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    /// Initializes with `capabilities` and `options`; returns the initialize result.
    pub fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        let result = self.call(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": capabilities,
                   "initializationOptions": options}),
        );
        self.notify("initialized", json!({}));
        result
    }

    /// Initializes as a UTF-16, push-diagnostics client with no debounce.
    pub fn initialized() -> Server {
        let mut s = Server::start();
        s.initialize(json!({}), json!({"debounceMs": 0}));
        s
    }

    /// Opens a draft.
    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": version,
                                    "text": text}}),
        );
    }

    /// Sends `didChange` with these content changes.
    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// Sends `shutdown` then `exit`, and returns how the process ended.
    pub fn shutdown_and_exit(mut self) -> ExitStatus {
        let resp = self.request("shutdown", Value::Null);
        assert_eq!(resp["result"], Value::Null, "{resp}");
        self.notify("exit", Value::Null);
        self.wait()
    }

    /// Waits for the process to end.
    pub fn wait(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Closes the server's stdin.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
