//! The `LanguageServer` implementation: capabilities, notifications handed to the document
//! actor, and requests answered from the diagnostics already computed.

use super::Shared;
use super::convert;
use super::documents::{self, Msg, Out};
use super::editor::EditorSettings;
use super::lint::{self, Linted, Outcome};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::{mpsc, oneshot};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::{Client, LanguageServer};

/// The kind of the "apply all safe fixes" source action.
pub(crate) const FIX_ALL: lsp::CodeActionKind = lsp::CodeActionKind::new("source.fixAll.newslint");

/// The newslint language server.
#[derive(Debug)]
pub struct Backend {
    client: Client,
    shared: Arc<Shared>,
    docs: mpsc::UnboundedSender<Msg>,
    out: mpsc::UnboundedSender<Out>,
    /// The client answers `workspace/configuration`.
    pull_config: AtomicBool,
    /// The client lets us register a file watcher.
    watch_files: AtomicBool,
}

impl Backend {
    pub(crate) fn new(
        client: Client,
        shared: Arc<Shared>,
        docs: mpsc::UnboundedSender<Msg>,
        out: mpsc::UnboundedSender<Out>,
    ) -> Backend {
        Backend {
            client,
            shared,
            docs,
            out,
            pull_config: AtomicBool::new(false),
            watch_files: AtomicBool::new(false),
        }
    }

    pub(crate) fn shared(&self) -> Arc<Shared> {
        self.shared.clone()
    }

    fn tell(&self, msg: Msg) {
        // The actor lives as long as the service; a failed send means we are exiting.
        let _ = self.docs.send(msg);
    }

    fn log(&self, kind: lsp::MessageType, msg: String) {
        let _ = self.out.send(Out::Log(kind, msg));
    }

    /// The lint of the current version of `uri`: the one the actor already has, or a fresh one
    /// (which is handed back to the actor). `None` when the document is not open.
    async fn current(&self, uri: &lsp::Uri) -> Option<Arc<Linted>> {
        let (reply, rx) = oneshot::channel();
        self.tell(Msg::Snapshot {
            uri: uri.clone(),
            reply,
        });
        let snap = rx.await.ok()??;
        if let Some(linted) = &snap.linted {
            return Some(linted.clone());
        }
        let shared = self.shared.clone();
        let job = snap.clone();
        let (_, outcome) = lint::on_pool(shared, job).await.ok()?;
        let linted = match &outcome {
            Outcome::Done { linted, .. } => linted.clone(),
            Outcome::Panicked(_) => Arc::new(Linted::nothing(
                snap.text.clone(),
                snap.version,
                snap.generation,
                self.shared.encoding(),
            )),
        };
        self.tell(Msg::LintDone {
            uri: uri.clone(),
            generation: snap.generation,
            outcome,
            own: false,
        });
        Some(linted)
    }

    /// Applies editor settings received from the client.
    fn reconfigure(&self, value: &serde_json::Value) {
        let (editor, warnings) = EditorSettings::from_json(value);
        for w in warnings {
            self.log(lsp::MessageType::WARNING, format!("newslint settings: {w}"));
        }
        self.tell(Msg::Reconfigure {
            editor: Some(editor),
            deleted: Vec::new(),
        });
    }

    /// Asks the client for the `newslint` section of its settings and applies it.
    fn pull_configuration(&self) {
        let client = self.client.clone();
        let docs = self.docs.clone();
        let out = self.out.clone();
        tokio::spawn(async move {
            let items = vec![lsp::ConfigurationItem {
                scope_uri: None,
                section: Some("newslint".to_string()),
            }];
            let Ok(values) = client.configuration(items).await else {
                return;
            };
            let value = values.into_iter().next().unwrap_or_default();
            if value.is_null() {
                return;
            }
            let (editor, warnings) = EditorSettings::from_json(&value);
            for w in warnings {
                let _ = out.send(Out::Log(
                    lsp::MessageType::WARNING,
                    format!("newslint settings: {w}"),
                ));
            }
            let _ = docs.send(Msg::Reconfigure {
                editor: Some(editor),
                deleted: Vec::new(),
            });
        });
    }
}

fn capabilities(encoding: crate::text::Encoding) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(convert::encoding_kind(encoding)),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                ..lsp::TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::SOURCE_FIX_ALL,
                    FIX_ALL,
                ]),
                ..lsp::CodeActionOptions::default()
            },
        )),
        diagnostic_provider: Some(lsp::DiagnosticServerCapabilities::Options(
            lsp::DiagnosticOptions {
                identifier: Some("newslint".to_string()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                ..lsp::DiagnosticOptions::default()
            },
        )),
        ..lsp::ServerCapabilities::default()
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        let caps = &params.capabilities;
        let encoding = convert::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        self.shared.set_encoding(encoding);
        // Clients that pull diagnostics get them only when they ask, never twice.
        let pulls = caps
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        self.shared.push.store(!pulls, Ordering::Relaxed);
        let workspace = caps.workspace.as_ref();
        self.pull_config.store(
            workspace.and_then(|w| w.configuration).unwrap_or(false),
            Ordering::Relaxed,
        );
        self.watch_files.store(
            workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
            Ordering::Relaxed,
        );
        #[allow(deprecated)]
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .map(|f| &f.uri)
            .or(params.root_uri.as_ref())
            .and_then(documents::file_path);
        if let Some(root) = root {
            let _ = self.shared.root.set(root);
        }
        if let Some(opts) = &params.initialization_options {
            let (editor, warnings) = EditorSettings::from_json(opts);
            for w in warnings {
                self.log(lsp::MessageType::WARNING, format!("newslint settings: {w}"));
            }
            self.shared.set_debounce(editor.debounce());
            self.shared.resolver.set_editor(editor);
        }
        Ok(lsp::InitializeResult {
            capabilities: capabilities(encoding),
            server_info: Some(lsp::ServerInfo {
                name: "newslint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        let mode = if self.shared.push() { "push" } else { "pull" };
        self.log(
            lsp::MessageType::INFO,
            format!(
                "newslint {} ready: {:?} positions, {mode} diagnostics",
                env!("CARGO_PKG_VERSION"),
                self.shared.encoding()
            ),
        );
        if self.pull_config.load(Ordering::Relaxed) {
            self.pull_configuration();
        }
        if self.watch_files.load(Ordering::Relaxed) {
            let options = lsp::DidChangeWatchedFilesRegistrationOptions {
                watchers: crate::config::FILE_NAMES
                    .iter()
                    .map(|name| lsp::FileSystemWatcher {
                        glob_pattern: lsp::GlobPattern::String(format!("**/{name}")),
                        kind: None,
                    })
                    .collect(),
            };
            let registration = lsp::Registration {
                id: "newslint-config-watcher".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: serde_json::to_value(options).ok(),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                self.log(
                    lsp::MessageType::WARNING,
                    format!("newslint: cannot watch newslint.toml files: {e}"),
                );
            }
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: lsp::DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.tell(Msg::Open {
            uri: doc.uri,
            version: doc.version,
            text: doc.text,
        });
    }

    async fn did_change(&self, params: lsp::DidChangeTextDocumentParams) {
        self.tell(Msg::Change {
            uri: params.text_document.uri,
            version: params.text_document.version,
            changes: params.content_changes,
        });
    }

    async fn did_close(&self, params: lsp::DidCloseTextDocumentParams) {
        self.tell(Msg::Close {
            uri: params.text_document.uri,
        });
    }

    async fn did_change_configuration(&self, params: lsp::DidChangeConfigurationParams) {
        let empty =
            params.settings.is_null() || params.settings.as_object().is_some_and(|o| o.is_empty());
        if empty && self.pull_config.load(Ordering::Relaxed) {
            self.pull_configuration();
        } else {
            self.reconfigure(&params.settings);
        }
    }

    async fn did_change_watched_files(&self, params: lsp::DidChangeWatchedFilesParams) {
        let mut relevant = false;
        let mut deleted = Vec::new();
        for change in &params.changes {
            let Some(path) = documents::file_path(&change.uri) else {
                continue;
            };
            if !documents::is_config_file(&path) {
                continue;
            }
            relevant = true;
            if change.typ == lsp::FileChangeType::DELETED {
                deleted.push(path);
            }
        }
        if relevant {
            self.tell(Msg::Reconfigure {
                editor: None,
                deleted,
            });
        }
    }

    async fn diagnostic(
        &self,
        params: lsp::DocumentDiagnosticParams,
    ) -> Result<lsp::DocumentDiagnosticReportResult> {
        use lsp::{DocumentDiagnosticReport as R, DocumentDiagnosticReportResult as Res};
        let Some(linted) = self.current(&params.text_document.uri).await else {
            return Ok(Res::Report(R::Full(
                lsp::RelatedFullDocumentDiagnosticReport::default(),
            )));
        };
        let id = linted.generation.to_string();
        if params.previous_result_id.as_deref() == Some(id.as_str()) {
            return Ok(Res::Report(R::Unchanged(
                lsp::RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: lsp::UnchangedDocumentDiagnosticReport {
                        result_id: id,
                    },
                },
            )));
        }
        Ok(Res::Report(R::Full(
            lsp::RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                    result_id: Some(id),
                    items: linted.published(&params.text_document.uri),
                },
            },
        )))
    }

    async fn hover(&self, params: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        let at = params.text_document_position_params;
        let Some(linted) = self.current(&at.text_document.uri).await else {
            return Ok(None);
        };
        Ok(super::hover::hover(&linted, at.position))
    }

    async fn code_action(
        &self,
        params: lsp::CodeActionParams,
    ) -> Result<Option<lsp::CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let Some(linted) = self.current(&uri).await else {
            return Ok(None);
        };
        let actions = super::actions::code_actions(&linted, &uri, &params);
        Ok((!actions.is_empty()).then_some(actions))
    }
}
