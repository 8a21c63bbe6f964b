//! Prints how long the guardrails take on a 5,000-character draft (target: well
//! under 1 ms). Run with `cargo run --release -p herald-core --example lint_bench`.

#![allow(clippy::print_stdout)]

use std::time::Instant;

use herald_core::guardrails::{LintContext, lint};

fn main() {
    let paragraph = "We are investigating reports that some customers cannot complete checkout. \
        We think a bad deploy by the payments team caused this; db-03 at 10.0.0.7 shows 502 errors. \
        Service should be restored within 30 minutes and the issue is resolved for most users. \
        Priya is leading the response with Project Kite on standby. ";
    let mut draft = String::new();
    while draft.chars().count() < 5_000 {
        draft.push_str(paragraph);
    }
    let draft: String = draft.chars().take(5_000).collect();
    let glossary = vec!["Project Kite".to_owned(), "Bluebird".to_owned()];
    let context = LintContext {
        glossary: &glossary,
        ..LintContext::default()
    };
    // The first call compiles the patterns; report it separately.
    let start = Instant::now();
    let findings = lint(&draft, &context).len();
    let first = start.elapsed();
    let runs: u32 = 200;
    let mut times = Vec::with_capacity(runs as usize);
    for _ in 0..runs {
        let start = Instant::now();
        std::hint::black_box(lint(std::hint::black_box(&draft), &context));
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    println!("lint 5,000-character draft: {findings} findings");
    println!(
        "  first call (compiles patterns): {:.3} ms",
        first.as_secs_f64() * 1e3
    );
    println!(
        "  median of {runs}: {:.3} ms, p95: {:.3} ms",
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3
    );
}
