//! Prints precision and recall per guardrail rule over labelled corpora, for
//! the tune half and the held-out half separately.
//!
//! Usage: `herald-lint-report [FILE...]`; without FILE it reads the corpora
//! shipped in the repository (the written examples and the real status-page
//! sentences). The format is documented in `herald_core::guardrails::corpus`.
//! The tune half lists every disagreement; the held-out half prints its
//! scores only, so its sentences never steer a rule change, and beside
//! them how far each score could move by chance (a page-level bootstrap,
//! `corpus::intervals`).
//! Exits 1 when a file cannot be read or parsed.

use std::process::ExitCode;

use herald_core::guardrails::corpus::{self, ScoresOnly, intervals};

const SHIPPED: [&str; 2] = [
    concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/guardrails.txt"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/status-pages.txt"),
];

fn main() -> ExitCode {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        paths = SHIPPED.iter().map(|p| (*p).to_owned()).collect();
    }
    for path in &paths {
        let source = match std::fs::read_to_string(path) {
            Ok(source) => source,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let entries = match corpus::parse(&source) {
            Ok(entries) => entries,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let halves = corpus::halves(entries);
        #[allow(clippy::print_stdout)]
        {
            println!("== {path}: tune ==");
            print!("{}", corpus::score(&halves.tune));
            if !halves.held_out.is_empty() {
                println!("== {path}: held-out (scores only) ==");
                if halves.repeated > 0 {
                    println!(
                        "({} held-out sentences the tune half also holds are left out)",
                        halves.repeated
                    );
                }
                // Each page is linted once: its counts make both the
                // table and the draws.
                let pages = intervals::page_reports(&halves.held_out);
                print!("{}", ScoresOnly(&corpus::sum(&pages)));
                print!(
                    "{}",
                    intervals::bootstrap(&pages, intervals::DRAWS, intervals::SEED)
                );
            }
            println!();
        }
    }
    ExitCode::SUCCESS
}
