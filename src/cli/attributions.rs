//! `newslint attributions PATH… [--format json|human]`: who said what, per sentence.
//!
//! Prints, for every sentence of each draft, its byte span, whether it is attributed (and
//! why: its own cue, an attributed quotation, or continued reported speech), and each
//! attribution's cue, source (span and kind: named, title, pronoun, vague, anonymous) and
//! content spans; then every direct quotation with its speaker.

use crate::Analyzed;
use crate::analysis::attribution::{self, Attributions, Source};
use crate::text::Span;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::ExitCode;

fn span_json(src: &str, s: Span) -> Value {
    json!({"start": s.start, "end": s.end, "text": src.get(s.start..s.end).unwrap_or("")})
}

fn source_json(src: &str, s: &Source) -> Value {
    json!({
        "span": span_json(src, s.span),
        "kind": s.kind.as_str(),
        "antecedent": s.antecedent.map(|(sp, k)| json!({"span": span_json(src, sp), "kind": k.as_str()})),
    })
}

/// The attributions of `src` as JSON.
pub fn to_json(src: &str, atts: &Attributions) -> Value {
    let sentences: Vec<Value> = atts
        .sentences
        .iter()
        .map(|s| {
            json!({
                "index": s.sentence,
                "span": {"start": s.span.start, "end": s.span.end},
                "attributed": s.is_attributed(),
                "scope": s.scope.as_str(),
                "attributions": atts.attributions_of(s.sentence).iter().map(|a| json!({
                    "cue": {
                        "span": span_json(src, a.cue.span),
                        "lemma": a.cue.lemma,
                        "kind": format!("{:?}", a.cue.kind).to_lowercase(),
                    },
                    "source": a.source.as_ref().map(|x| source_json(src, x)),
                    "content": a.content.map(|c| json!({"start": c.start, "end": c.end})),
                })).collect::<Vec<_>>(),
                "anonymity": atts.anonymity_of(s.sentence).iter().map(|a| json!({
                    "span": span_json(src, a.span),
                    "reason": a.reason.map(|r| span_json(src, r)),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let quotations: Vec<Value> = atts
        .quotations
        .iter()
        .map(|q| {
            json!({
                "index": q.quotation,
                "speaker": q.speaker.as_ref().map(|x| source_json(src, x)),
                "cue": q.cue.map(|c| span_json(src, c)),
                "position": q.position.map(|p| format!("{p:?}").to_lowercase()),
            })
        })
        .collect();
    json!({"sentences": sentences, "quotations": quotations})
}

fn human(path: &str, src: &str, atts: &Attributions) {
    for s in &atts.sentences {
        let text: String = src
            .get(s.span.start..s.span.end)
            .unwrap_or("")
            .chars()
            .take(70)
            .collect();
        println!(
            "{path}:{}-{} [{}] {text}",
            s.span.start,
            s.span.end,
            s.scope.as_str()
        );
        for a in atts.attributions_of(s.sentence) {
            let cue = src.get(a.cue.span.start..a.cue.span.end).unwrap_or("");
            match &a.source {
                Some(x) => println!(
                    "    {cue:?} <- {:?} ({})",
                    src.get(x.span.start..x.span.end).unwrap_or(""),
                    x.kind.as_str()
                ),
                None => println!("    {cue:?} <- nobody"),
            }
        }
    }
}

/// Runs `newslint attributions` on `paths` (files or directories) in `format`
/// (`json` or `human`). Exit 0 when every file was read, 2 otherwise.
pub fn run(paths: &[PathBuf], format: &str) -> ExitCode {
    if format != "json" && format != "human" {
        eprintln!("error: unknown format {format:?} (expected json or human)");
        return ExitCode::from(2);
    }
    let mut failed = false;
    let mut files = Vec::new();
    for path in markdown_files(paths) {
        let text = match std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8".to_string()))
        {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let a = Analyzed::new(&text);
        let atts = attribution::analyze(&text, &a.draft, &a.prose);
        let name = path.display().to_string();
        if format == "json" {
            let mut v = to_json(&text, &atts);
            v["path"] = json!(name);
            files.push(v);
        } else {
            human(&name, &text, &atts);
        }
    }
    if format == "json" {
        println!("{}", json!({"version": 1, "files": files}));
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The files named, and the Markdown files under the directories named (sorted).
fn markdown_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            for e in ignore::WalkBuilder::new(p).build().flatten() {
                if e.path().is_file() && super::walk::is_markdown(e.path()) {
                    out.push(e.path().to_path_buf());
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    out.sort();
    out
}
