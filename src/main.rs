//! The `newslint` binary: argument parsing only; the work is in `newslint::cli` and
//! `newslint::server`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

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
    /// Lint drafts.
    Check {
        /// Files or directories.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, default_value = "concise")]
        format: String,
    },
    /// Show who said what: each sentence's attribution, source and content.
    Attributions {
        /// Files or directories.
        paths: Vec<PathBuf>,
        /// Output format: json or human.
        #[arg(long, default_value = "human")]
        format: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { paths, format } => newslint::cli::check(&paths, &format),
        Command::Attributions { paths, format } => {
            newslint::cli::attributions::run(&paths, &format)
        }
    }
}
