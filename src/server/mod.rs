//! The language server (`newslint server`): LSP over stdio, on tower-lsp-server and tokio.
//!
//! This is the only module that knows LSP types or JSON-RPC. Its parts:
//!
//! * `backend`: the `LanguageServer` implementation: capabilities, requests;
//! * `documents`: the document actor that owns the open drafts, applies
//!   edits in order and schedules lints;
//! * `lint`: linting one snapshot on the rayon pool, panics caught;
//! * `convert`: byte offsets and core diagnostics to LSP positions and diagnostics — the only
//!   place positions are converted;
//! * `actions`, `hover`: code actions and hovers from the diagnostics already computed;
//! * `transport`: framing at stdin/stdout, so a malformed message gets an error answer
//!   instead of ending the session;
//! * `resolve`, `editor`: which settings a draft is linted with (nearest
//!   `newslint.toml`, else the editor's settings).
//!
//! The environment variable `NEWSLINT_TEST_PANIC_MARKER` is a test hook: linting a draft that
//! contains its value panics, so tests can check that the server survives a panic.

mod actions;
mod backend;
mod convert;
mod documents;
mod editor;
mod hover;
mod lint;
mod resolve;
mod transport;

pub use backend::Backend;

use crate::text::Encoding;
use documents::Out;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::mpsc;
use tower_lsp_server::{Client, ClientSocket, LspService};

/// State shared by the handlers, the actor and the lints.
#[derive(Debug)]
pub(crate) struct Shared {
    resolver: resolve::Resolver,
    encoding: AtomicU8,
    push: AtomicBool,
    debounce_ms: AtomicU64,
    root: OnceLock<PathBuf>,
    panic_marker: Option<String>,
    shutdown: AtomicBool,
    /// Permits for the actor's lints: one per core.
    lint_slots: tokio::sync::Semaphore,
    /// The output stream's queue of frame bodies, when the server runs on our transport:
    /// notifications are then serialised once, straight from the core diagnostics, and
    /// bypass tower-lsp's client (which would build a JSON tree of them first).
    /// (Weak, so that the writer still ends when the transport's own senders are gone.)
    raw_out: OnceLock<mpsc::WeakUnboundedSender<Vec<u8>>>,
}

impl Shared {
    fn new(panic_marker: Option<String>) -> Shared {
        Shared {
            resolver: resolve::Resolver::default(),
            encoding: AtomicU8::new(1),
            push: AtomicBool::new(true),
            debounce_ms: AtomicU64::new(editor::DEFAULT_DEBOUNCE.as_millis() as u64),
            root: OnceLock::new(),
            panic_marker,
            shutdown: AtomicBool::new(false),
            lint_slots: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 8)),
            ),
            raw_out: OnceLock::new(),
        }
    }

    /// The negotiated position encoding.
    pub(crate) fn encoding(&self) -> Encoding {
        match self.encoding.load(Ordering::Relaxed) {
            0 => Encoding::Utf8,
            2 => Encoding::Utf32,
            _ => Encoding::Utf16,
        }
    }

    fn set_encoding(&self, enc: Encoding) {
        let v = match enc {
            Encoding::Utf8 => 0,
            Encoding::Utf16 => 1,
            Encoding::Utf32 => 2,
        };
        self.encoding.store(v, Ordering::Relaxed);
    }

    /// Whether diagnostics are pushed (else the client pulls them).
    pub(crate) fn push(&self) -> bool {
        self.push.load(Ordering::Relaxed)
    }

    /// The debounce between an edit and its lint.
    pub(crate) fn debounce(&self) -> Duration {
        Duration::from_millis(self.debounce_ms.load(Ordering::Relaxed))
    }

    pub(crate) fn set_debounce(&self, d: Duration) {
        self.debounce_ms
            .store(d.as_millis() as u64, Ordering::Relaxed);
    }

    fn root(&self) -> Option<&Path> {
        self.root.get().map(PathBuf::as_path)
    }

    /// What a lint needs.
    pub(crate) fn env(&self) -> lint::Env<'_> {
        lint::Env {
            resolver: &self.resolver,
            encoding: self.encoding(),
            root: self.root(),
            panic_marker: self.panic_marker.as_deref(),
            raw: self.raw_out.get().is_some(),
        }
    }
}

/// Sends what the actor produces to the client, one message at a time, in order: straight to
/// the output stream when there is one (see [`Shared::raw_out`]), else through tower-lsp.
async fn publisher(client: Client, shared: Arc<Shared>, mut rx: mpsc::UnboundedReceiver<Out>) {
    use lint::Published;
    use tower_lsp_server::ls_types as lsp;
    while let Some(out) = rx.recv().await {
        if let Some(raw) = shared.raw_out.get() {
            let body = match out {
                Out::Publish {
                    diagnostics: Published::Raw(body),
                    ..
                } => body,
                Out::Publish {
                    uri,
                    diagnostics: Published::Lsp(diagnostics),
                    version,
                } => convert::notification(
                    "textDocument/publishDiagnostics",
                    &lsp::PublishDiagnosticsParams {
                        uri,
                        diagnostics,
                        version,
                    },
                ),
                Out::Log(typ, message) => convert::notification(
                    "window/logMessage",
                    &lsp::LogMessageParams { typ, message },
                ),
                Out::Show(typ, message) => convert::notification(
                    "window/showMessage",
                    &lsp::ShowMessageParams { typ, message },
                ),
                Out::RefreshPull => {
                    let _ = client.workspace_diagnostic_refresh().await;
                    continue;
                }
            };
            if let Some(raw) = raw.upgrade() {
                let _ = raw.send(body);
            }
            continue;
        }
        match out {
            Out::Publish {
                uri,
                diagnostics,
                version,
            } => {
                let diagnostics = match diagnostics {
                    Published::Lsp(d) => d,
                    // Only made when there is an output stream, which never goes away.
                    Published::Raw(_) => continue,
                };
                client.publish_diagnostics(uri, diagnostics, version).await
            }
            Out::Log(kind, msg) => client.log_message(kind, msg).await,
            Out::Show(kind, msg) => client.show_message(kind, msg).await,
            Out::RefreshPull => {
                let _ = client.workspace_diagnostic_refresh().await;
            }
        }
    }
}

/// Builds the service and the socket for messages to the client. Must be called inside a
/// tokio runtime (it spawns the document actor).
pub fn service() -> (LspService<Backend>, ClientSocket) {
    let marker = std::env::var("NEWSLINT_TEST_PANIC_MARKER")
        .ok()
        .filter(|m| !m.is_empty());
    LspService::new(move |client| {
        let shared = Arc::new(Shared::new(marker));
        let (out_tx, out_rx) = mpsc::unbounded_channel();
        tokio::spawn(publisher(client.clone(), shared.clone(), out_rx));
        let docs = documents::Actor::spawn(shared.clone(), out_tx.clone());
        Backend::new(client, shared, docs, out_tx)
    })
}

/// Serves the protocol on `input` and `output` exactly as `newslint server` does on stdin and
/// stdout, until the client says `exit` or closes `input`; returns whether a `shutdown` came
/// first. Must run inside a multi-threaded tokio runtime. (Benchmarks and tests use it with
/// in-memory pipes.)
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: tokio::io::AsyncRead + Unpin + Send + 'static,
    O: tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (service, socket) = service();
    let shared = service.inner().shared();
    transport::serve(input, output, service, socket).await;
    shared.shutdown.load(Ordering::SeqCst)
}

/// mimalloc's options that make it give freed memory back to the system at once. By default
/// it keeps freed pages committed for reuse: right for `check` (a short run), but a server
/// holding 100 drafts grew from about 40 MB to 130–200 MB resident. mimalloc reads these
/// variables when it starts, before `main`, so the server sets them and executes itself again.
pub const RETURN_FREED_MEMORY: [(&str, &str); 2] = [
    ("MIMALLOC_ARENA_EAGER_COMMIT", "0"),
    ("MIMALLOC_PURGE_DELAY", "0"),
];

/// Re-executes this program (the `newslint` binary, or the server benchmark) with
/// [`RETURN_FREED_MEMORY`] set, unless they are set already (a value the user chose is
/// kept). On success it does not return (the process image is replaced: same process id,
/// same standard streams); on failure, or where `exec` does not exist, the server runs with
/// the defaults. A longer purge delay was measured too: 50 ms and 1 s lower the server's time
/// per edit by about 1 ms but hold 59 MB and 68 MB with 100 open drafts of 10,000 words.
pub fn reexec_with_lean_allocator() {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Set already (by the re-executed process, or by a user tuning mimalloc): keep it.
        if RETURN_FREED_MEMORY
            .iter()
            .all(|(k, _)| std::env::var_os(k).is_some())
        {
            return;
        }
        let Ok(exe) = std::env::current_exe() else {
            return;
        };
        let mut cmd = std::process::Command::new(exe);
        cmd.args(std::env::args_os().skip(1));
        for (k, v) in RETURN_FREED_MEMORY {
            if std::env::var_os(k).is_none() {
                cmd.env(k, v);
            }
        }
        // `exec` returns only on failure; the server then runs as it is.
        let _ = cmd.exec();
    }
}

/// Runs the server on stdin/stdout until the client says `exit` (or closes stdin). Exits 0
/// after a `shutdown` request, 1 otherwise, as the specification asks.
pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("newslint server: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let clean = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    runtime.shutdown_timeout(Duration::from_millis(200));
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
