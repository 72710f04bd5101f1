//! The process edge: JSON-RPC frames between stdin/stdout and tower-lsp.
//!
//! tower-lsp-server stops reading its input at the first frame it cannot decode, which would
//! end the session on one malformed message. So frames are read here first: a body that is not
//! a JSON-RPC message gets its JSON-RPC error answer (`-32700` parse error, `-32600` invalid
//! request) and is not passed on; everything else goes to tower-lsp unchanged. Output frames,
//! tower-lsp's and ours, are written to stdout whole and one at a time.

use serde::Deserialize;
use serde_json::{Value, json};
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};
use tower_lsp_server::{ClientSocket, LspService, Server};

/// Frames larger than this are refused rather than buffered.
const MAX_FRAME: usize = 256 << 20;

/// One frame read from a stream.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// A body of `Content-Length` bytes.
    Body(Vec<u8>),
    /// A header block with no usable `Content-Length` (skipped).
    BadHeader,
}

/// Reads one frame; `None` at the end of the stream.
pub(crate) async fn read_frame<R: AsyncBufRead + Unpin>(r: &mut R) -> Option<Frame> {
    let mut len: Option<usize> = None;
    let mut bad = false;
    let mut seen_any = false;
    loop {
        let mut line = Vec::new();
        let n = r.read_until(b'\n', &mut line).await.ok()?;
        if n == 0 {
            return None;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !seen_any {
                continue;
            }
            break;
        }
        seen_any = true;
        match text.split_once(':') {
            Some((k, v)) if k.trim().eq_ignore_ascii_case("content-length") => {
                match v.trim().parse::<usize>() {
                    Ok(n) if n <= MAX_FRAME => len = Some(n),
                    _ => bad = true,
                }
            }
            Some(_) => {}
            None => bad = true,
        }
    }
    match len {
        Some(n) if !bad => {
            let mut body = vec![0; n];
            r.read_exact(&mut body).await.ok()?;
            Some(Frame::Body(body))
        }
        _ => Some(Frame::BadHeader),
    }
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The error answer to a body that is not a JSON-RPC message, or `None` if it is one.
pub(crate) fn check(body: &[u8]) -> Option<Value> {
    let error = |id: Value, code: i64, message: &str| json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    // The common case first, parsed once: a request or notification. (Through a `Value`, a
    // `didOpen` would hold its draft's text three times over for a moment.)
    if serde_json::from_slice::<Request>(body).is_ok() {
        return None;
    }
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return Some(error(Value::Null, -32700, &format!("Parse error: {e}"))),
    };
    if Request::deserialize(&value).is_ok() || Response::deserialize(&value).is_ok() {
        return None;
    }
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    Some(error(id, -32600, "Invalid Request"))
}

/// Serves `service` over `input`/`output` until the client exits or closes the input.
pub(crate) async fn serve<I, O>(
    input: I,
    mut output: O,
    service: LspService<super::Backend>,
    socket: ClientSocket,
) where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (mut to_server, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, from_server) = tokio::io::duplex(1 << 16);
    let (out_tx, mut out_rx) = mpsc::unbounded_channel::<Vec<u8>>();
    // Our own notifications skip tower-lsp and go straight to the writer.
    let _ = service.inner().shared().raw_out.set(out_tx.downgrade());

    let writer = tokio::spawn(async move {
        while let Some(body) = out_rx.recv().await {
            if output.write_all(&frame(&body)).await.is_err() || output.flush().await.is_err() {
                break;
            }
        }
    });

    let pump_tx = out_tx.clone();
    let pump = tokio::spawn(async move {
        let mut r = BufReader::new(from_server);
        while let Some(f) = read_frame(&mut r).await {
            if let Frame::Body(body) = f {
                if pump_tx.send(body).is_err() {
                    break;
                }
            }
        }
    });

    let reader = tokio::spawn(async move {
        let mut r = BufReader::new(input);
        while let Some(f) = read_frame(&mut r).await {
            let answer = match &f {
                Frame::Body(body) => check(body),
                Frame::BadHeader => Some(json!({"jsonrpc": "2.0", "id": null,
                    "error": {"code": -32700, "message": "Parse error: no Content-Length"}})),
            };
            match (f, answer) {
                (_, Some(err)) => {
                    let _ = out_tx.send(serde_json::to_vec(&err).unwrap_or_default());
                }
                (Frame::Body(body), None) => {
                    if to_server.write_all(&frame(&body)).await.is_err() {
                        break;
                    }
                }
                (Frame::BadHeader, None) => {}
            }
        }
        let _ = to_server.shutdown().await;
    });

    Server::new(server_in, server_out, socket)
        .serve(service)
        .await;
    reader.abort();
    let _ = pump.await;
    let _ = tokio::time::timeout(std::time::Duration::from_millis(500), writer).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads every frame of `input`.
    fn frames(input: &[u8]) -> Vec<Frame> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        rt.block_on(async {
            let mut r = BufReader::new(input);
            let mut out = Vec::new();
            while let Some(f) = read_frame(&mut r).await {
                out.push(f);
            }
            out
        })
    }

    #[test]
    fn frames_and_garbage() {
        let input =
            b"Content-Length: 2\r\n\r\n{}Content-Type: x\r\n\r\ncontent-length: 1\r\nX: y\r\n\r\n7";
        assert_eq!(
            frames(input),
            vec![
                Frame::Body(b"{}".to_vec()),
                Frame::BadHeader,
                Frame::Body(b"7".to_vec())
            ]
        );
        assert_eq!(
            frames(b"Content-Length: 99\r\n\r\nshort"),
            Vec::<Frame>::new()
        );
        assert_eq!(frames(b"Content-Length: x\r\n\r\n"), vec![Frame::BadHeader]);
    }

    #[test]
    fn checks_messages() {
        let code = |b: &str| check(b.as_bytes()).map(|e| e["error"]["code"].clone());
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":1,"method":"x"}"#), None);
        assert_eq!(code(r#"{"jsonrpc":"2.0","method":"x","params":{}}"#), None);
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":1,"result":null}"#), None);
        assert_eq!(
            code(r#"{"jsonrpc":"2.0","id":1,"method":"#),
            Some(json!(-32700))
        );
        assert_eq!(
            code(r#"{"jsonrpc":"2.0","id":3,"method":7}"#),
            Some(json!(-32600))
        );
        assert_eq!(
            check(br#"{"jsonrpc":"2.0","id":3,"method":7}"#).expect("error")["id"],
            json!(3)
        );
        assert_eq!(code(r#"[1, 2]"#), Some(json!(-32600)));
    }
}
