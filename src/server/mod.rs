//! The language server (`newslint server`).
