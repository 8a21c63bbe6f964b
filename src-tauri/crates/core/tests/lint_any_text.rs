//! The linter runs on every keystroke and every paste, so no text may stop
//! it: property tests over generated drafts that mix the phrases each rule
//! looks for with text no rule was written for (any Unicode, letters whose
//! lower case is longer than the upper, combining marks, emoji, zero-width
//! and right-to-left marks, tabs and line breaks), and Settings' lists
//! (glossary, roster, our own names) drawn from the same mix.
//!
//! For every draft: the linter returns; every finding's span lies inside
//! the draft in UTF-16 units (the editor's unit) and is exactly the text
//! the finding quotes; findings come in order; each says why and what to
//! write instead; and the same draft gives the same findings.

#![allow(clippy::unwrap_used)]

use herald_core::guardrails::{LintContext, Rule, lint};
use proptest::prelude::*;

/// Phrases the rules look for, and their look-alikes: the parts a real
/// draft is made of.
const PHRASES: &[&str] = &[
    "We are investigating the root cause",
    "This was caused by an outage at AWS",
    "due to an issue with our DNS provider",
    "Cloudflare has identified the issue",
    "a mistake by one of our engineers",
    "We believe the cause may be a bad deploy",
    "The likely culprit appears to be the cache",
    "We expect a fix by 16:00 UTC",
    "should be restored within the next few hours",
    "no later than end of day Friday",
    "There is no ETA at this time",
    "The issue has been resolved",
    "Service should now be operating normally",
    "We will confirm once it is resolved",
    "The API returned 5XX errors and ServiceUnavailable exceptions",
    "the Kafka brokers and the control plane",
    "error 40013 on the SMTP relay",
    "Contact Dr. Ana Lima or Bo Chen",
    "Acme Cloud",
    "Project Bluebird",
    "Travis CI",
    "POS Portal",
    "https://status.example.com/incidents/1",
    "api.example.com",
    "14:05",
    "(UTC+3)",
    "—",
    "\"quoted\"",
    "’s",
];

/// Characters that break naive text handling: case mappings that change
/// length (İ lowers to two characters, ß uppers to two), a ligature, a
/// combining accent, a zero-width joiner and space, right-to-left text and
/// its mark, astral-plane emoji (two UTF-16 units), the replacement
/// character, a non-breaking space and a byte-order mark.
const AWKWARD: &[&str] = &[
    "İ",
    "ß",
    "ﬁ",
    "e\u{301}",
    "\u{200d}",
    "\u{200b}",
    "שלום",
    "\u{200f}",
    "🙂",
    "👩‍💻",
    "\u{fffd}",
    "\u{a0}",
    "\u{feff}",
    "Σ",
    "ǅ",
    "\t",
    "\r\n",
    "\n\n",
    ".",
    "...",
    "?!",
    ":",
    ";",
    "-",
    "|",
];

fn part() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PHRASES).prop_map(str::to_owned),
        3 => prop::sample::select(AWKWARD).prop_map(str::to_owned),
        2 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
        1 => "[A-Z][a-z]{0,8}( [A-Z][a-z]{0,8}){0,2}",
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&[" ", " ", ". ", ", ", "\n", "", "  ", ": ", "! "][..])
}

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec((part(), separator()), 0..24)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect())
}

fn names() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![part(), Just(String::new()), Just(" ".to_owned())],
        0..4,
    )
}

fn utf16_slice(text: &str, start: u32, end: u32) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = units.get(start as usize..end as usize)?;
    String::from_utf16(slice).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn any_draft_is_linted_with_spans_that_quote_it(
        text in draft(),
        glossary in names(),
        roster in names(),
        ourselves in names(),
        eta_confirmed in any::<bool>(),
        resolution_allowed in any::<bool>(),
    ) {
        let context = LintContext {
            eta_confirmed,
            resolution_allowed,
            glossary: &glossary,
            names: &roster,
            ourselves: &ourselves,
        };
        let findings = lint(&text, &context);
        let length = text.encode_utf16().count() as u32;
        let mut previous = 0;
        for finding in &findings {
            prop_assert!(finding.start < finding.end && finding.end <= length,
                "span {}..{} outside a draft of {length} units: {finding:?}", finding.start, finding.end);
            let quoted = utf16_slice(&text, finding.start, finding.end);
            prop_assert_eq!(quoted.as_deref(), Some(finding.text.as_str()), "the span does not quote the draft: {:?}", finding);
            prop_assert!(finding.start >= previous, "findings out of order: {:?}", findings);
            previous = finding.start;
            prop_assert!(Rule::ALL.contains(&finding.rule) || finding.rule == Rule::InternalDetail,
                "a rule the linter does not run: {:?}", finding);
            prop_assert!(!finding.why.is_empty() && !finding.suggestion.is_empty(), "{:?}", finding);
        }
        prop_assert_eq!(lint(&text, &context), findings);
    }
}

/// The properties above are only as good as the drafts reach the rules: a
/// draft made of the phrases alone must draw findings from every rule the
/// corpus measures, or the generator has drifted away from what the rules
/// read.
#[test]
fn the_generated_phrases_reach_every_rule() {
    let ourselves = ["Acme".to_owned()];
    let roster = ["Bo Chen".to_owned()];
    let context = LintContext {
        names: &roster,
        ourselves: &ourselves,
        ..LintContext::default()
    };
    let text = PHRASES.join(". ");
    let found: std::collections::BTreeSet<Rule> =
        lint(&text, &context).into_iter().map(|f| f.rule).collect();
    for rule in Rule::ALL {
        assert!(
            found.contains(&rule),
            "no {rule:?} finding in the phrases: {found:?}"
        );
    }
}
