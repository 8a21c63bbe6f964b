//! Prints precision and recall per guardrail rule over a labelled corpus.
//!
//! Usage: `herald-lint-report [FILE]`; without FILE it reads the corpus shipped
//! in the repository. The format is documented in `herald_core::guardrails::corpus`.
//! Exits 1 when the file cannot be read or parsed.

use std::process::ExitCode;

use herald_core::guardrails::corpus;

const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/guardrails.txt");

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| SHIPPED.to_owned());
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match corpus::parse(&source) {
        Ok(entries) => {
            #[allow(clippy::print_stdout)]
            {
                println!("{path}");
                print!("{}", corpus::score(&entries));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
