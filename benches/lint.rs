//! Benchmarks of the lint pipeline, stage by stage, on generated drafts of 10 KB, 100 KB and
//! 1 MB, and of the `newslint` binary over a directory of 2,000 generated drafts.
//!
//! Run with `cargo bench --bench lint`. Every benchmark counts the bytes of its input, so
//! divan prints throughput (B/s) beside the times: equal throughput at 10 KB and 1 MB means the
//! stage is linear in its input. One thread: the pipeline benchmarks run on one core.
//!
//! Stages, in data-flow order:
//! - `markdown`: CommonMark to the draft model ([`newslint::markdown::parse`]);
//! - `prose`: sentences, tokens and quotations ([`newslint::prose::Prose::new`]);
//! - `line_index`: line starts for positions ([`newslint::LineIndex::new`]);
//! - `analysis`: the shared attribution and name analyses;
//! - `rules`: every rule's `check` on an already analysed draft;
//! - `lint`: all of the above plus suppressions and sorting ([`newslint::lint`]).

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use newslint::{Analyzed, LineIndex, Settings};
use std::sync::LazyLock;

/// The allocator of the `newslint` binary (src/main.rs), so the lint is measured as it ships.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/gen.rs"]
mod generate;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// One generated draft per size, built once.
static DRAFTS: LazyLock<Vec<(usize, String)>> =
    LazyLock::new(|| SIZES.iter().map(|&n| (n, generate::draft(n, 42))).collect());

fn draft(size: usize) -> &'static str {
    &DRAFTS
        .iter()
        .find(|(n, _)| *n == size)
        .expect("a generated size")
        .1
}

fn main() {
    // For profilers: `NEWSLINT_PROFILE=1000000 valgrind --tool=callgrind <bench binary>` lints
    // one generated draft of that size once, with nothing else around it.
    if let Some(size) = std::env::var("NEWSLINT_PROFILE")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
    {
        // Warm up first (word lists and automata are built on first use), so that
        // `--toggle-collect=*profiled*` counts one steady-state lint.
        let d = generate::draft(size, 42);
        newslint::lint(&generate::draft(10_000, 1), &Settings::default());
        // In a one-thread pool, so that every instruction of the lint is counted in this
        // thread (big drafts are linted on the rayon pool); `NEWSLINT_PROFILE_THREADS=2` with
        // `--separate-threads=yes` shows how the work is shared out.
        let threads = std::env::var("NEWSLINT_PROFILE_THREADS")
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
            .unwrap_or(1);
        let n = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool")
            .install(|| {
                // `NEWSLINT_PROFILE_REPEAT=N` lints it N times, for sampling profilers
                // (`perf record -e cpu-clock`), which see the time lost to cache misses and
                // page faults that callgrind's instruction counts do not.
                let repeat = std::env::var("NEWSLINT_PROFILE_REPEAT")
                    .ok()
                    .and_then(|s| s.parse::<usize>().ok())
                    .unwrap_or(1)
                    .max(1);
                let mut n = 0;
                for _ in 0..repeat {
                    n = profiled(&d);
                }
                n
            });
        eprintln!("{} bytes, {n} diagnostics", d.len());
        return;
    }
    // For bench/compare.sh: `NEWSLINT_GENERATE=DIR` writes the 2,000 generated drafts the CLI
    // benchmark uses into DIR.
    if let Some(dir) = std::env::var_os("NEWSLINT_GENERATE") {
        let bytes = generate::write_corpus(std::path::Path::new(&dir), 2_000, 2_200)
            .expect("write the drafts");
        eprintln!("2000 drafts, {bytes} bytes");
        return;
    }
    for (n, d) in DRAFTS.iter() {
        let a = Analyzed::new(d);
        let diags = a.lint(&Settings::default());
        eprintln!(
            "generated draft {n}: {} bytes, {} blocks, {} sentences, {} tokens, {} diagnostics",
            d.len(),
            a.draft.blocks.len(),
            a.prose.sentences.len(),
            a.prose.tokens.len(),
            diags.len()
        );
    }
    divan::main();
}

/// One lint, for `valgrind --tool=callgrind --toggle-collect='*profiled*'`.
#[inline(never)]
fn profiled(d: &str) -> usize {
    newslint::lint(black_box(d), &Settings::default()).len()
}

/// The whole lint of one draft: parse, analyse, run every rule, suppress, sort.
#[divan::bench(args = SIZES, max_time = 3)]
fn lint(b: Bencher, size: usize) {
    let src = draft(size);
    let settings = Settings::default();
    b.counter(BytesCount::of_str(src))
        .bench(|| newslint::lint(black_box(src), &settings));
}

/// Stage benchmarks.
mod stage {
    use super::*;

    /// Markdown to the draft model.
    #[divan::bench(args = SIZES, max_time = 3)]
    fn markdown(b: Bencher, size: usize) {
        let src = draft(size);
        b.counter(BytesCount::of_str(src))
            .bench(|| newslint::markdown::parse(black_box(src)));
    }

    /// Sentences, tokens and quotations over a parsed draft.
    #[divan::bench(args = SIZES, max_time = 3)]
    fn prose(b: Bencher, size: usize) {
        let src = draft(size);
        let d = newslint::markdown::parse(src);
        b.counter(BytesCount::of_str(src))
            .bench(|| newslint::prose::Prose::new(black_box(&d)));
    }

    /// Line starts.
    #[divan::bench(args = SIZES, max_time = 3)]
    fn line_index(b: Bencher, size: usize) {
        let src = draft(size);
        b.counter(BytesCount::of_str(src))
            .bench(|| LineIndex::new(black_box(src)));
    }

    /// The shared analyses (attributions, names), computed afresh each time.
    #[divan::bench(args = SIZES, max_time = 3)]
    fn analysis(b: Bencher, size: usize) {
        let src = draft(size);
        let a = Analyzed::new(src);
        let settings = Settings::default();
        b.counter(BytesCount::of_str(src)).bench(|| {
            let ctx = a.context(&settings);
            black_box(ctx.attributions());
            black_box(ctx.names());
        });
    }

    /// Every rule on an analysed draft (analyses already computed).
    #[divan::bench(args = SIZES, max_time = 3)]
    fn rules(b: Bencher, size: usize) {
        let src = draft(size);
        let a = Analyzed::new(src);
        let settings = Settings::default();
        let ctx = a.context(&settings);
        ctx.attributions();
        ctx.names();
        let rules = newslint::rules::all();
        b.counter(BytesCount::of_str(src)).bench(|| {
            let mut out = Vec::new();
            for r in &rules {
                r.check(&ctx, &mut out);
            }
            out
        });
    }
}

/// The release binary over directories of drafts (all cores, as a user runs it).
mod cli {
    use super::*;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};

    /// 2,000 generated drafts of about 2.2 KB each (the size of a short news story).
    static CORPUS: LazyLock<(tempfile::TempDir, usize)> = LazyLock::new(|| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let bytes = generate::write_corpus(dir.path(), 2_000, 2_200).expect("write drafts");
        (dir, bytes)
    });

    fn run(dir: &Path) {
        let status = Command::new(env!("CARGO_BIN_EXE_newslint"))
            .args(["check", "--format", "json"])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run newslint");
        assert!(status.code().is_some_and(|c| c <= 1), "newslint failed");
    }

    /// `newslint check --format json DIR` over 2,000 generated drafts.
    #[divan::bench(sample_count = 10, max_time = 10)]
    fn generated_2000(b: Bencher) {
        let (dir, bytes) = &*CORPUS;
        b.counter(BytesCount::new(*bytes)).bench(|| run(dir.path()));
    }

    /// The 2,225 BBC drafts of the evaluation kit, when it is there (not in the repository).
    #[divan::bench(sample_count = 10, max_time = 10)]
    fn bbc_news(b: Bencher) {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let found: Option<PathBuf> = ["../shared", "../../shared"]
            .iter()
            .map(|p| manifest.join(p).join("eval/clean/clean-news/md"))
            .find(|p| p.is_dir());
        let Some(dir) = found else {
            eprintln!("bbc_news: the evaluation kit is not here; skipped");
            return;
        };
        let bytes: u64 = ignore::WalkBuilder::new(&dir)
            .build()
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        b.counter(BytesCount::new(bytes)).bench(|| run(&dir));
    }
}
