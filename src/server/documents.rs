//! The document actor: the one task that owns the open drafts.
//!
//! tower-lsp runs notification handlers concurrently, so two `didChange`s can interleave if
//! handlers do any work of their own. Every handler therefore sends its notification, before
//! any await, down one unbounded channel to this actor, which applies them strictly in order:
//! full and incremental edits, versions that do not move forward ignored.
//!
//! Each change bumps the draft's *generation* (as does a configuration change). After the
//! debounce, the actor snapshots the text and lints it on the rayon pool; at most one lint
//! per draft is in flight, and a result is published only if its generation is still the
//! draft's latest. Results go out, in order, through the publisher channel.

use super::Shared;
use super::editor::EditorSettings;
use super::lint::{self, Linted, Outcome, Published, Snapshot};
use crate::config::ConfigError;
use crate::text::LineIndex;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};
use tower_lsp_server::ls_types as lsp;

/// What the actor is told.
#[derive(Debug)]
pub(crate) enum Msg {
    /// `textDocument/didOpen`.
    Open {
        uri: lsp::Uri,
        version: i32,
        text: String,
    },
    /// `textDocument/didChange`.
    Change {
        uri: lsp::Uri,
        version: i32,
        changes: Vec<lsp::TextDocumentContentChangeEvent>,
    },
    /// `textDocument/didClose`.
    Close { uri: lsp::Uri },
    /// The configuration changed: new editor settings (if any), and configuration files that
    /// were deleted. Every open draft is linted again.
    Reconfigure {
        editor: Option<EditorSettings>,
        deleted: Vec<PathBuf>,
    },
    /// The debounce for this generation has passed.
    LintNow { uri: lsp::Uri, generation: u64 },
    /// A lint finished (from the actor's own lints, or one a request ran).
    LintDone {
        uri: lsp::Uri,
        generation: u64,
        outcome: Outcome,
        own: bool,
    },
    /// The current snapshot of a draft, for requests.
    Snapshot {
        uri: lsp::Uri,
        reply: oneshot::Sender<Option<Snapshot>>,
    },
}

/// What the publisher sends to the client, in order.
#[derive(Debug)]
pub(crate) enum Out {
    /// `textDocument/publishDiagnostics`.
    Publish {
        uri: lsp::Uri,
        diagnostics: Published,
        version: Option<i32>,
    },
    /// `window/logMessage`.
    Log(lsp::MessageType, String),
    /// `window/showMessage`.
    Show(lsp::MessageType, String),
    /// `workspace/diagnostic/refresh`, for clients that pull.
    RefreshPull,
}

#[derive(Debug)]
struct Doc {
    path: Option<PathBuf>,
    text: Arc<String>,
    version: i32,
    generation: u64,
    in_flight: bool,
    dirty: bool,
    linted: Option<Arc<Linted>>,
}

impl Doc {
    fn current(&self) -> Option<Arc<Linted>> {
        self.linted
            .clone()
            .filter(|l| l.generation == self.generation)
    }
}

/// The actor's state.
pub(crate) struct Actor {
    shared: Arc<Shared>,
    docs: HashMap<lsp::Uri, Doc>,
    next_generation: u64,
    inbox: mpsc::UnboundedSender<Msg>,
    out: mpsc::UnboundedSender<Out>,
    /// The last state reported for each configuration file: its problem, if any.
    configs: HashMap<PathBuf, Option<Arc<ConfigError>>>,
}

/// The path of a `file:` URI.
pub(crate) fn file_path(uri: &lsp::Uri) -> Option<PathBuf> {
    if uri.scheme().as_str().eq_ignore_ascii_case("file") {
        uri.to_file_path().map(|p| p.into_owned())
    } else {
        None
    }
}

/// Whether `path` is a configuration file rather than a draft.
pub(crate) fn is_config_file(path: &std::path::Path) -> bool {
    path.file_name()
        .is_some_and(|n| crate::config::FILE_NAMES.iter().any(|f| n == *f))
}

impl Actor {
    /// Starts the actor on the current runtime; returns its inbox.
    pub(crate) fn spawn(
        shared: Arc<Shared>,
        out: mpsc::UnboundedSender<Out>,
    ) -> mpsc::UnboundedSender<Msg> {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let mut actor = Actor {
            shared,
            docs: HashMap::new(),
            next_generation: 0,
            inbox: tx.clone(),
            out,
            configs: HashMap::new(),
        };
        tokio::spawn(async move {
            while let Some(msg) = rx.recv().await {
                actor.handle(msg);
            }
        });
        tx
    }

    fn generation(&mut self) -> u64 {
        self.next_generation += 1;
        self.next_generation
    }

    fn send(&self, out: Out) {
        let _ = self.out.send(out);
    }

    fn handle(&mut self, msg: Msg) {
        match msg {
            Msg::Open { uri, version, text } => {
                let path = file_path(&uri);
                if path.as_deref().is_some_and(is_config_file) {
                    return;
                }
                let generation = self.generation();
                self.docs.insert(
                    uri.clone(),
                    Doc {
                        path,
                        text: Arc::new(text),
                        version,
                        generation,
                        in_flight: false,
                        dirty: false,
                        linted: None,
                    },
                );
                self.schedule(&uri);
            }
            Msg::Change {
                uri,
                version,
                changes,
            } => {
                let generation = self.generation();
                let encoding = self.shared.encoding();
                let Some(doc) = self.docs.get_mut(&uri) else {
                    return;
                };
                if version <= doc.version {
                    let msg = format!(
                        "ignored change to {} version {version}: already at version {}",
                        uri.as_str(),
                        doc.version
                    );
                    self.send(Out::Log(lsp::MessageType::LOG, msg));
                    return;
                }
                let text = Arc::make_mut(&mut doc.text);
                for change in &changes {
                    apply_change(text, change, encoding);
                }
                doc.version = version;
                doc.generation = generation;
                self.schedule(&uri);
            }
            Msg::Close { uri } => {
                if self.docs.remove(&uri).is_some() {
                    self.send(Out::Publish {
                        uri,
                        diagnostics: Published::Lsp(Vec::new()),
                        version: None,
                    });
                }
            }
            Msg::Reconfigure { editor, deleted } => {
                if let Some(editor) = editor {
                    self.shared.set_debounce(editor.debounce());
                    self.shared.resolver.set_editor(editor);
                } else {
                    self.shared.resolver.invalidate();
                }
                for path in deleted {
                    if let Some(Some(_)) = self.configs.remove(&path) {
                        self.publish_config(&path, None);
                    }
                }
                let uris: Vec<lsp::Uri> = self.docs.keys().cloned().collect();
                for uri in uris {
                    let generation = self.generation();
                    if let Some(doc) = self.docs.get_mut(&uri) {
                        doc.generation = generation;
                    }
                    self.schedule(&uri);
                }
                if !self.shared.push() {
                    self.send(Out::RefreshPull);
                }
            }
            Msg::LintNow { uri, generation } => {
                if self
                    .docs
                    .get(&uri)
                    .is_some_and(|d| d.generation == generation)
                {
                    self.start_lint(&uri);
                }
            }
            Msg::LintDone {
                uri,
                generation,
                outcome,
                own,
            } => self.lint_done(uri, generation, outcome, own),
            Msg::Snapshot { uri, reply } => {
                let snap = self.docs.get(&uri).map(|d| Snapshot {
                    uri: uri.clone(),
                    path: d.path.clone(),
                    text: d.text.clone(),
                    version: d.version,
                    generation: d.generation,
                    linted: d.current(),
                });
                let _ = reply.send(snap);
            }
        }
    }

    /// Lints `uri` after the debounce (clients that pull lint on request instead).
    fn schedule(&mut self, uri: &lsp::Uri) {
        if !self.shared.push() {
            return;
        }
        let Some(doc) = self.docs.get(uri) else {
            return;
        };
        let debounce = self.shared.debounce();
        if debounce.is_zero() {
            self.start_lint(uri);
        } else {
            let inbox = self.inbox.clone();
            let msg = Msg::LintNow {
                uri: uri.clone(),
                generation: doc.generation,
            };
            tokio::spawn(async move {
                tokio::time::sleep(debounce).await;
                let _ = inbox.send(msg);
            });
        }
    }

    fn start_lint(&mut self, uri: &lsp::Uri) {
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        if doc.current().is_some() {
            return;
        }
        if doc.in_flight {
            doc.dirty = true;
            return;
        }
        doc.in_flight = true;
        let snap = Snapshot {
            uri: uri.clone(),
            path: doc.path.clone(),
            text: doc.text.clone(),
            version: doc.version,
            generation: doc.generation,
            linted: None,
        };
        let shared = self.shared.clone();
        let inbox = self.inbox.clone();
        tokio::spawn(async move {
            // At most one lint per core at a time: a burst of opens queues here rather than
            // spawning a thread (and an allocator arena) per draft.
            let _permit = shared.lint_slots.acquire().await;
            let outcome = lint::on_pool(shared.clone(), snap).await;
            if let Ok((snap, outcome)) = outcome {
                let _ = inbox.send(Msg::LintDone {
                    uri: snap.uri,
                    generation: snap.generation,
                    outcome,
                    own: true,
                });
            }
        });
    }

    fn lint_done(&mut self, uri: lsp::Uri, generation: u64, outcome: Outcome, own: bool) {
        let push = self.shared.push();
        let encoding = self.shared.encoding();
        let Some(doc) = self.docs.get_mut(&uri) else {
            return;
        };
        if own {
            doc.in_flight = false;
        }
        let fresh = generation == doc.generation && doc.current().is_none();
        let mut config = None;
        if fresh {
            let (linted, published) = match outcome {
                Outcome::Done {
                    linted,
                    published,
                    config: file,
                } => {
                    config = file;
                    (linted, published)
                }
                Outcome::Panicked(why) => {
                    let msg = format!(
                        "newslint: linting {} panicked ({why}); it gets no diagnostics",
                        uri.as_str()
                    );
                    let _ = self.out.send(Out::Log(lsp::MessageType::ERROR, msg));
                    (
                        Arc::new(Linted::empty(doc, generation, encoding)),
                        Published::Lsp(Vec::new()),
                    )
                }
            };
            doc.linted = Some(linted.clone());
            if push {
                let _ = self.out.send(Out::Publish {
                    uri: uri.clone(),
                    diagnostics: published,
                    version: Some(linted.version),
                });
            }
        }
        let again = doc.dirty && !doc.in_flight;
        if again {
            doc.dirty = false;
        }
        if let Some((path, problem)) = config {
            self.config_seen(path, problem);
        }
        if again {
            self.start_lint(&uri);
        }
    }

    /// Records what a lint learnt about a configuration file; reports it when it changed.
    fn config_seen(&mut self, path: PathBuf, problem: Option<Arc<ConfigError>>) {
        let before = self.configs.get(&path);
        let changed = match (before, &problem) {
            (None, None) => false,
            (Some(a), b) => a.as_deref() != b.as_deref(),
            (None, Some(_)) => true,
        };
        self.configs.insert(path.clone(), problem.clone());
        if changed {
            self.publish_config(&path, problem.as_deref());
        }
    }

    fn publish_config(&self, path: &std::path::Path, problem: Option<&ConfigError>) {
        let Some(uri) = lsp::Uri::from_file_path(path) else {
            return;
        };
        let diagnostics = match problem {
            Some(p) => {
                let d = lint::config_diagnostic(p, self.shared.encoding());
                self.send(Out::Show(
                    lsp::MessageType::ERROR,
                    format!(
                        "newslint: {} is not valid ({}); using editor settings",
                        path.display(),
                        p.message
                    ),
                ));
                vec![d]
            }
            None => Vec::new(),
        };
        self.send(Out::Publish {
            uri,
            diagnostics: Published::Lsp(diagnostics),
            version: None,
        });
    }
}

impl Linted {
    /// No diagnostics for the document's current text (after a panic).
    fn empty(doc: &Doc, generation: u64, encoding: crate::text::Encoding) -> Linted {
        Linted::nothing(doc.text.clone(), doc.version, generation, encoding)
    }

    /// No diagnostics for `text`.
    pub(crate) fn nothing(
        text: Arc<String>,
        version: i32,
        generation: u64,
        encoding: crate::text::Encoding,
    ) -> Linted {
        Linted {
            generation,
            version,
            index: LineIndex::new(&text),
            text,
            encoding,
            core: Vec::new(),
        }
    }
}

/// Applies one content change: a whole new text, or a range (clamped) replaced.
pub(crate) fn apply_change(
    text: &mut String,
    change: &lsp::TextDocumentContentChangeEvent,
    encoding: crate::text::Encoding,
) {
    let lc = |p: lsp::Position| crate::text::LineCol {
        line: p.line,
        col: p.character,
    };
    let range = change.range.map(|r| (lc(r.start), lc(r.end)));
    crate::text::apply_change(text, range, &change.text, encoding);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Encoding;

    /// A range as `((line, col), (line, col))`, or none for a whole-text change.
    type R = Option<((u32, u32), (u32, u32))>;

    fn change(range: R, text: &str) -> lsp::TextDocumentContentChangeEvent {
        lsp::TextDocumentContentChangeEvent {
            range: range.map(|((a, b), (c, d))| {
                lsp::Range::new(lsp::Position::new(a, b), lsp::Position::new(c, d))
            }),
            range_length: None,
            text: text.to_string(),
        }
    }

    /// Applies `changes` to `start` in `enc` and checks the result.
    fn check(start: &str, enc: Encoding, changes: &[(R, &str)], expected: &str) {
        let mut text = start.to_string();
        for (range, t) in changes {
            apply_change(&mut text, &change(*range, t), enc);
        }
        assert_eq!(text, expected);
    }

    #[test]
    fn edits_apply_in_order() {
        check(
            "ab\ncd",
            Encoding::Utf16,
            &[(Some(((1, 0), (1, 1))), "X"), (Some(((0, 2), (0, 2))), "!")],
            "ab!\nXd",
        );
        check(
            "old",
            Encoding::Utf16,
            &[(None, "new"), (Some(((0, 3), (0, 3))), "er")],
            "newer",
        );
        // UTF-16 columns after an emoji (2 units) and a curly quote (1 unit).
        check(
            "“😀”x",
            Encoding::Utf16,
            &[(Some(((0, 4), (0, 5))), "y")],
            "“😀”y",
        );
        // The same edit in UTF-8 byte columns.
        check(
            "“😀”x",
            Encoding::Utf8,
            &[(Some(((0, 10), (0, 11))), "y")],
            "“😀”y",
        );
    }

    #[test]
    fn out_of_range_edits_clamp() {
        check(
            "ab\ncd",
            Encoding::Utf16,
            &[(Some(((9, 0), (9, 5))), "!")],
            "ab\ncd!",
        );
        check("ab", Encoding::Utf16, &[(Some(((0, 99), (0, 0))), "")], "");
        // Half a surrogate pair snaps to the character's start.
        check("😀z", Encoding::Utf16, &[(Some(((0, 1), (0, 3))), "")], "");
    }
}
