//! Linting one snapshot of a draft, off the async runtime, with panics caught.

use super::convert::{self, Lines};
use super::resolve::Resolver;
use crate::config::ConfigError;
use crate::text::{Encoding, LineIndex};
use crate::{Analyzed, Diagnostic};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

/// One version of a draft, as the document actor hands it out.
#[derive(Clone, Debug)]
pub(crate) struct Snapshot {
    /// The document.
    pub uri: lsp::Uri,
    /// Its path when it is a file.
    pub path: Option<PathBuf>,
    /// Its text.
    pub text: Arc<String>,
    /// The client's version number.
    pub version: i32,
    /// The server's change counter: any change to the text or to the configuration bumps it.
    pub generation: u64,
    /// The lint of exactly this generation, when already done.
    pub linted: Option<Arc<Linted>>,
}

/// The result of linting one generation of a draft.
#[derive(Debug)]
pub(crate) struct Linted {
    /// The generation linted.
    pub generation: u64,
    /// The client's version of that generation.
    pub version: i32,
    /// The text linted.
    pub text: Arc<String>,
    /// Its line index.
    pub index: LineIndex,
    /// The encoding positions are counted in.
    pub encoding: Encoding,
    /// The diagnostics, as the core reports them (converted again when asked for: keeping
    /// only these halves the memory an open draft costs).
    pub core: Vec<Diagnostic>,
}

impl Linted {
    /// Positions in the linted text.
    pub(crate) fn lines(&self) -> Lines<'_> {
        Lines::new(&self.text, &self.index, self.encoding)
    }

    /// The diagnostics as published for `uri`.
    pub(crate) fn published(&self, uri: &lsp::Uri) -> Vec<lsp::Diagnostic> {
        let lines = self.lines();
        self.core
            .iter()
            .map(|d| convert::diagnostic(&lines, uri, d))
            .collect()
    }
}

/// Diagnostics ready to publish.
#[derive(Debug)]
pub(crate) enum Published {
    /// As LSP values, for the client handle.
    Lsp(Vec<lsp::Diagnostic>),
    /// The whole `publishDiagnostics` notification, serialised, for the output stream.
    Raw(Vec<u8>),
}

/// What became of a lint.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Done; with the configuration file consulted and its problem, if any.
    Done {
        /// The result.
        linted: Arc<Linted>,
        /// Its diagnostics, as published.
        published: Published,
        /// The configuration file consulted and what was wrong with it.
        config: Option<(PathBuf, Option<Arc<ConfigError>>)>,
    },
    /// The linter panicked; the message says how.
    Panicked(String),
}

/// Everything a lint needs besides the snapshot.
#[derive(Debug)]
pub(crate) struct Env<'a> {
    /// Settings per draft.
    pub resolver: &'a Resolver,
    /// The negotiated position encoding.
    pub encoding: Encoding,
    /// Where to look for a `newslint.toml` for drafts that are not files.
    pub root: Option<&'a Path>,
    /// Test hook: linting a text that contains this string panics.
    pub panic_marker: Option<&'a str>,
    /// Whether notifications go straight to the output stream ([`Published::Raw`]).
    pub raw: bool,
}

/// Lints `snap` on the rayon pool; hands back the snapshot and the outcome (an error only if
/// the job was lost).
///
/// On the pool rather than on tokio's blocking threads: a large draft's analysis runs on the
/// pool anyway (see [`crate::Analyzed::new`]), so its memory is then allocated and freed by
/// the same threads. Freed from another thread, it stayed with the pool's idle threads'
/// allocator pages (about 5 MB with 100 open drafts of 10,000 words), and every extra thread
/// that lints keeps pages of its own.
pub(crate) async fn on_pool(
    shared: Arc<super::Shared>,
    snap: Snapshot,
) -> Result<(Snapshot, Outcome), tokio::sync::oneshot::error::RecvError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    rayon::spawn(move || {
        let outcome = lint(&shared.env(), &snap);
        let _ = tx.send((snap, outcome));
    });
    rx.await
}

/// Lints `snap`. Blocking: call it from the rayon pool ([`on_pool`]). Never panics.
pub(crate) fn lint(env: &Env<'_>, snap: &Snapshot) -> Outcome {
    let run = || {
        let resolved = env.resolver.resolve(snap.path.as_deref(), env.root);
        if env.panic_marker.is_some_and(|m| snap.text.contains(m)) {
            panic!("test hook: the draft contains the panic marker");
        }
        let (index, core) = {
            let analyzed = Analyzed::new(&snap.text);
            let core = match &resolved.settings {
                Some(settings) => analyzed.lint(settings),
                None => Vec::new(),
            };
            (analyzed.index, core)
        };
        // The analysis is gone; what the document keeps is copied now, so that it is laid
        // out densely and at its exact size, instead of pinning the allocator's pages it
        // shared with the analysis (on this thread and the rayon pool's), with the spare
        // capacity of vectors that grew.
        let linted = Linted {
            generation: snap.generation,
            version: snap.version,
            text: snap.text.clone(),
            index: index.clone(),
            encoding: env.encoding,
            core: core.clone(),
        };
        drop((index, core));
        let published = if env.raw {
            Published::Raw(super::convert::publish_body(
                &linted.lines(),
                &snap.uri,
                &linted.core,
                Some(linted.version),
            ))
        } else {
            Published::Lsp(linted.published(&snap.uri))
        };
        Outcome::Done {
            linted: Arc::new(linted),
            published,
            config: resolved.file,
        }
    };
    catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Outcome::Panicked(msg)
    })
}

/// The diagnostic that reports a broken configuration file, positioned in that file's text
/// (read from disk; position 0:0 when it cannot be read).
pub(crate) fn config_diagnostic(problem: &ConfigError, encoding: Encoding) -> lsp::Diagnostic {
    let text = std::fs::read_to_string(&problem.path).unwrap_or_default();
    let index = LineIndex::new(&text);
    let lines = Lines::new(&text, &index, encoding);
    let range = match problem.span {
        Some(span) => lines.range(span),
        None if problem.line > 0 => {
            // A 1-based line and column counted in characters.
            let line = (problem.line - 1) as u32;
            let start = index.offset(
                &text,
                crate::text::LineCol {
                    line,
                    col: problem.column.saturating_sub(1) as u32,
                },
                Encoding::Utf32,
            );
            let end = index
                .line_span(line as usize)
                .map_or(start, |s| s.end.max(start));
            lines.range(crate::text::Span::new(start, end))
        }
        None => lsp::Range::default(),
    };
    lsp::Diagnostic {
        range,
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        code: Some(lsp::NumberOrString::String("config".to_string())),
        source: Some(convert::SOURCE.to_string()),
        message: format!("This configuration file is not valid: {}", problem.message),
        ..lsp::Diagnostic::default()
    }
}
