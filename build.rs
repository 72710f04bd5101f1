//! Build script: the hash tables of the names analysis's two large word lists (proper nouns
//! and common words, `src/analysis/lexicons/names/`) are built here, at compile time, and
//! included in the binary as data (`src/analysis/names/lexicon.rs`), so that no process
//! spends its start-up building them.

use std::path::Path;

include!("src/analysis/names/word_hash.rs");

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/analysis/names/word_hash.rs");
    for name in ["proper", "common"] {
        let path = format!("src/analysis/lexicons/names/{name}.txt");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).expect("the word list is readable");
        std::fs::write(
            Path::new(&out).join(format!("{name}.slots")),
            word_table_slots(text.as_bytes())
                .iter()
                .flat_map(|s| s.to_le_bytes())
                .collect::<Vec<u8>>(),
        )
        .expect("OUT_DIR is writable");
    }
}
