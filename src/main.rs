//! The `newslint` binary: argument parsing only; the work is in `newslint::cli` and
//! `newslint::server`.

use clap::{Args, Parser, Subcommand};
use newslint::cli::{self, Color, FailOn, Format, rules::RulesFormat};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: the lint makes many small, short-lived
/// allocations (token and sentence buffers, lower-cased words), which glibc's malloc served
/// at about a sixth of the instructions of a whole lint.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "newslint",
    version,
    about = "Lint Markdown news drafts: attribution, names, speculation."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint drafts (files, directories, or `-` for standard input).
    Check(CheckArgs),
    /// List the rules: id, default severity, on/off by default, summary.
    Rules {
        /// Output format (`markdown` writes the reference, docs/rules.md).
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Show a rule's documentation.
    Rule {
        /// The rule id, e.g. `speculation/hedge`.
        id: String,
    },
    /// Show who said what: each sentence's attribution, source and content.
    Attributions {
        /// Files or directories.
        paths: Vec<PathBuf>,
        /// Output format: json or human.
        #[arg(long, default_value = "human")]
        format: String,
    },
    /// Run the language server on stdin/stdout.
    Server {
        /// Accepted for clients that pass it; stdio is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
}

#[derive(Args)]
struct CheckArgs {
    /// Files or directories to lint (default: the current directory); `-` reads standard
    /// input.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with 1 when there is a finding at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Use this configuration file for every draft instead of discovering newslint.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore all configuration files.
    #[arg(long)]
    isolated: bool,
    /// The file name standard input is reported and configured under.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Report only findings on lines changed since this git revision (e.g. origin/main).
    #[arg(long, value_name = "REV")]
    diff_base: Option<String>,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Server { .. } => {
            newslint::server::reexec_with_lean_allocator();
            newslint::server::run()
        }
        Command::Attributions { paths, format } => cli::attributions::run(&paths, &format),
        Command::Check(a) => cli::check(&cli::CheckOptions {
            paths: a.paths,
            format: a.format,
            fail_on: a.fail_on,
            config: a.config,
            isolated: a.isolated,
            stdin_filename: a.stdin_filename,
            diff_base: a.diff_base,
            color: a.color,
        }),
        Command::Rules { format } => {
            print_out(&cli::rules::list(format));
            ExitCode::SUCCESS
        }
        Command::Rule { id } => match cli::rules::doc(&id) {
            Ok(text) => {
                print_out(&text);
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// Writes to standard output, ignoring a closed pipe (`newslint rules | head`).
fn print_out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}
