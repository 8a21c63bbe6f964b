//! Prints how long the guardrails take: on a dense 5,000-character draft
//! written to trip every rule (target: well under 1 ms), on 5,000 characters
//! of real status-page sentences (the budget: 5 ms p95), and on
//! pastes of the longest draft Herald keeps (100,000 characters): real
//! sentences, the same with no full stop or line break, and a run of
//! acronyms, where each finding once cost the length of the draft. Run with
//! `cargo run --release -p herald-core --example lint_bench`.

#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use herald_core::guardrails::{LintContext, corpus, lint};

const CORPUS: &str = include_str!("../corpus/status-pages.txt");

/// The corpus's sentences in file order, joined into one text, cut to
/// `chars` characters.
fn real_text(chars: usize) -> String {
    corpus::joined_sentences(CORPUS, chars)
}

fn repeated(piece: &str, chars: usize) -> String {
    piece
        .repeat(chars / piece.len() + 1)
        .chars()
        .take(chars)
        .collect()
}

/// Lints `draft` `runs` times and prints the median and p95.
fn time(label: &str, draft: &str, context: &LintContext<'_>, runs: usize) {
    let findings = lint(draft, context).len();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(lint(std::hint::black_box(draft), context));
            start.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{label}: {findings} findings; median of {runs}: {:.3} ms, p95: {:.3} ms",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100])
    );
}

fn main() {
    let paragraph = "We are investigating reports that some customers cannot complete checkout. \
        We think a bad deploy by the payments team caused this; db-03 at 10.0.0.7 shows 502 errors. \
        Service should be restored within 30 minutes and the issue is resolved for most users. \
        Priya is leading the response with Project Kite on standby. ";
    let draft = repeated(paragraph, 5_000);
    let glossary = vec!["Project Kite".to_owned(), "Bluebird".to_owned()];
    let context = LintContext {
        glossary: &glossary,
        ..LintContext::default()
    };
    // The first call compiles the patterns; report it separately.
    let start = Instant::now();
    lint(&draft, &context);
    let first = start.elapsed();
    println!(
        "first call (compiles patterns): {:.3} ms",
        first.as_secs_f64() * 1e3
    );
    time("lint dense 5,000-character draft", &draft, &context, 200);
    time(
        "lint 5,000 characters of real status-page sentences",
        &real_text(5_000),
        &context,
        200,
    );
    let long = real_text(100_000);
    time(
        "paste of 100,000 characters of real sentences",
        &long,
        &context,
        9,
    );
    let unbroken = long.replace(['.', '!', '?', '\n'], " ");
    time(
        "the same with no full stop or line break",
        &unbroken,
        &context,
        9,
    );
    time(
        "100,000 characters of acronyms",
        &repeated("API DNS CDN SQL TLS ", 100_000),
        &context,
        9,
    );
    time(
        "100,000 characters of one all-clear word",
        &repeated("resolved ", 100_000),
        &context,
        9,
    );
}
