//! Prints one tab-separated line per corpus sentence: file, split, audience,
//! expected rules, the hand-written patterns' findings (without the learned
//! model), the rules that settle the sentence themselves (the model leaves
//! it to them), and the sentence. It feeds `.dev/classifier-experiment.py`, which
//! measures a trained classifier beside the patterns and trains the one that
//! ships (see README).
//!
//! Usage: `cargo run -p herald-core --example corpus_predictions -- FILE...`

// Its output is the point: one line per sentence on standard output.
#![allow(clippy::print_stdout)]

use std::collections::BTreeSet;
use std::process::ExitCode;

use herald_core::guardrails::{self, corpus};
use herald_core::guardrails::{GuardrailSettings, Rule};

fn ids(rules: &BTreeSet<Rule>) -> String {
    rules
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn main() -> ExitCode {
    let settings = GuardrailSettings::defaults();
    for path in std::env::args().skip(1) {
        let entries = match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|source| corpus::parse(&source).map_err(|e| e.to_string()))
        {
            Ok(entries) => entries,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let file = path.rsplit('/').next().unwrap_or(&path);
        for entry in entries {
            let found = corpus::pattern_findings(&entry, &settings);
            let settled = guardrails::settled_by_patterns(&entry.text)
                .into_iter()
                .collect();
            println!(
                "{file}\t{}\t{:?}\t{}\t{}\t{}\t{}",
                entry.split.as_str(),
                entry.audience,
                ids(&entry.expected),
                ids(&found),
                ids(&settled),
                entry.text.replace('\t', " ")
            );
        }
    }
    ExitCode::SUCCESS
}
