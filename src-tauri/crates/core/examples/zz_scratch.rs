#![allow(clippy::print_stdout)]
use herald_core::guardrails::{LintContext, lint};
fn main() {
    let org: Vec<String> = std::env::var("ORG")
        .ok()
        .map(|o| vec![o])
        .unwrap_or_default();
    let context = LintContext {
        ourselves: &org,
        ..LintContext::default()
    };
    for text in std::env::args().skip(1) {
        for f in lint(&text, &context) {
            println!(
                "{:?} [{}] {}",
                f.rule,
                f.text,
                f.why.chars().take(80).collect::<String>()
            );
        }
        println!("--");
    }
}
