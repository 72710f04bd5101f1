//! `newslint.toml`: discovery, parsing with spans, resolution to [`Settings`](crate::Settings).
