//! Reading a template and filling it in.
//!
//! Besides `{placeholder}`s a template has sections: `{?known}…{/known}` is
//! written only when the IC gave an answer for `known`, `{!known}…{/known}`
//! only when it did not. That is how one template reads as written by a person
//! for every mix of empty and filled answers: no "For you:" with nothing after
//! it, no ETA whose confidence is "none", no "no change" on a first update.
//!
//! Answers are placed by their grammar, not pasted: the IC's sentences
//! (impact, what we know, what we are doing) start with a capital and end with
//! a full stop; a phrase (what is affected, the ETA) loses a trailing full stop,
//! and gains a capital only where it starts a sentence.

use std::borrow::Cow;

use crate::incident::Incident;
use crate::sync::{EtaConfidence, SyncFacts};

use super::PLACEHOLDERS;

/// Conditions a section may test besides the placeholders themselves.
pub const CONDITIONS: [(&str, &str); 1] = [(
    "previous_update",
    "this audience has already had an update on this incident",
)];

/// Sections nest no deeper than this; a template is a paragraph or two, and
/// the cap keeps a pasted template from recursing without end.
const MAX_DEPTH: usize = 4;

/// What a template is filled from.
#[derive(Debug)]
pub struct Fill<'a> {
    pub incident: &'a Incident,
    /// The latest IC sync; `None` before the first one (every answer blank).
    pub sync: Option<&'a SyncFacts>,
    /// This audience has already had an update on this incident.
    pub previous_update: bool,
}

pub(super) enum Node<'a> {
    Text(&'a str),
    Field(&'a str),
    Section {
        name: &'a str,
        when_filled: bool,
        body: Vec<Node<'a>>,
    },
}

struct Open<'a> {
    name: &'a str,
    when_filled: bool,
    body: Vec<Node<'a>>,
}

fn opener(name: &str, when_filled: bool) -> String {
    format!("{{{}{name}}}", if when_filled { '?' } else { '!' })
}

fn known_placeholder(name: &str) -> bool {
    PLACEHOLDERS.iter().any(|(known, _)| *known == name)
}

fn unknown(name: &str, conditions: bool) -> String {
    let mut known: Vec<_> = PLACEHOLDERS.iter().map(|(n, _)| *n).collect();
    if conditions {
        known.extend(CONDITIONS.iter().map(|(n, _)| *n));
        return format!(
            "Unknown condition \"{name}\" in a section. Use one of {}.",
            known.join(", ")
        );
    }
    let known: Vec<_> = known.iter().map(|n| format!("{{{n}}}")).collect();
    format!(
        "Unknown placeholder {{{name}}}. Use one of {}.",
        known.join(", ")
    )
}

/// Splits a template into text, placeholders and sections, or says what is
/// wrong with it.
pub(super) fn parse(body: &str) -> Result<Vec<Node<'_>>, String> {
    let mut stack = vec![Open {
        name: "",
        when_filled: true,
        body: Vec::new(),
    }];
    let mut rest = body;
    while let Some(at) = rest.find(['{', '}']) {
        let (before, from_brace) = rest.split_at(at);
        let top = &mut stack.last_mut().expect("the root is never popped").body;
        if !before.is_empty() {
            top.push(Node::Text(before));
        }
        if let Some(after) = from_brace.strip_prefix("{{") {
            top.push(Node::Text("{"));
            rest = after;
            continue;
        }
        if let Some(after) = from_brace.strip_prefix("}}") {
            top.push(Node::Text("}"));
            rest = after;
            continue;
        }
        if from_brace.starts_with('}') {
            return Err("A } has no opening {; write }} for a literal brace.".into());
        }
        let Some(close) = from_brace.find('}') else {
            return Err("A { has no closing }; write {{ for a literal brace.".into());
        };
        let tag = &from_brace[1..close];
        rest = &from_brace[close + 1..];
        if let Some(name) = tag.strip_prefix('?').or_else(|| tag.strip_prefix('!')) {
            if !known_placeholder(name) && !CONDITIONS.iter().any(|(n, _)| *n == name) {
                return Err(unknown(name, true));
            }
            if stack.len() > MAX_DEPTH {
                return Err(format!(
                    "Sections nest at most {MAX_DEPTH} deep; {} is one too many.",
                    opener(name, tag.starts_with('?'))
                ));
            }
            stack.push(Open {
                name,
                when_filled: tag.starts_with('?'),
                body: Vec::new(),
            });
        } else if let Some(name) = tag.strip_prefix('/') {
            if stack.len() == 1 {
                return Err(format!(
                    "{{/{name}}} closes a section that was never opened."
                ));
            }
            let open = stack.pop().expect("checked above");
            if open.name != name {
                return Err(format!(
                    "{{/{name}}} closes {}; close that first with {{/{}}}.",
                    opener(open.name, open.when_filled),
                    open.name
                ));
            }
            stack
                .last_mut()
                .expect("the root is never popped")
                .body
                .push(Node::Section {
                    name: open.name,
                    when_filled: open.when_filled,
                    body: open.body,
                });
        } else if known_placeholder(tag) {
            stack
                .last_mut()
                .expect("the root is never popped")
                .body
                .push(Node::Field(tag));
        } else {
            return Err(unknown(tag, false));
        }
    }
    if let [_, .., open] = stack.as_slice() {
        return Err(format!(
            "The section {} has no closing {{/{}}}.",
            opener(open.name, open.when_filled),
            open.name
        ));
    }
    let mut root = stack.pop().expect("the root is never popped");
    if !rest.is_empty() {
        root.body.push(Node::Text(rest));
    }
    Ok(root.body)
}

impl Fill<'_> {
    fn facts(&self) -> &SyncFacts {
        static BLANK: std::sync::OnceLock<SyncFacts> = std::sync::OnceLock::new();
        self.sync
            .unwrap_or_else(|| BLANK.get_or_init(SyncFacts::default))
    }

    /// Whether a section on `name` is written. An ETA the IC holds with no
    /// confidence at all is not an ETA anyone should repeat.
    fn filled(&self, name: &str) -> bool {
        let facts = self.facts();
        let answered = |text: &str| !text.trim().is_empty();
        match name {
            "affected" => answered(&facts.affected),
            "customer_impact" => answered(&facts.customer_impact),
            "known" => answered(&facts.known),
            "doing" => answered(&facts.doing),
            "eta" => answered(&facts.eta) && facts.eta_confidence != EtaConfidence::None,
            "eta_confidence" => facts.eta_confidence != EtaConfidence::None,
            "previous_update" => self.previous_update,
            _ => true,
        }
    }

    fn value(&self, name: &str) -> Cow<'_, str> {
        let facts = self.facts();
        match name {
            "title" => Cow::Borrowed(self.incident.title.as_str()),
            "reference" => self.incident.reference(),
            "severity" => Cow::Borrowed(self.incident.severity.as_str()),
            "status" => Cow::Borrowed(self.incident.status.as_str()),
            "affected" => Cow::Borrowed(as_phrase(&facts.affected)),
            "customer_impact" => as_sentence(&facts.customer_impact),
            "known" => as_sentence(&facts.known),
            "doing" => as_sentence(&facts.doing),
            "eta" => Cow::Borrowed(as_phrase(&facts.eta)),
            "eta_confidence" => Cow::Borrowed(facts.eta_confidence.as_str()),
            _ => Cow::Borrowed(""),
        }
    }
}

/// A phrase set into a sentence keeps its own capitals but not a full stop,
/// which the sentence around it supplies.
fn as_phrase(text: &str) -> &str {
    let text = text.trim();
    match text.strip_suffix('.') {
        Some(stripped) if !stripped.ends_with('.') => stripped.trim_end(),
        _ => text,
    }
}

/// An answer that stands as a sentence starts with a capital and ends with
/// punctuation.
fn as_sentence(text: &str) -> Cow<'_, str> {
    let text = text.trim();
    if text.is_empty() {
        return Cow::Borrowed(text);
    }
    let capital = capitalised(text);
    if ends_a_sentence(&capital) {
        capital
    } else {
        Cow::Owned(format!("{capital}."))
    }
}

fn ends_a_sentence(text: &str) -> bool {
    let mut tail = text.chars().rev();
    match tail.next() {
        Some('.' | '!' | '?' | '…') => true,
        Some(')' | '"' | '\'' | '”' | '’') => matches!(tail.next(), Some('.' | '!' | '?')),
        _ => false,
    }
}

/// The text with its first letter upper-cased, unless its first word already
/// has a capital inside it ("iOS", "eBay"), which is a name to leave alone.
fn capitalised(text: &str) -> Cow<'_, str> {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let mut letters = first_word.chars();
    match letters.next() {
        Some(first) if first.is_lowercase() && !letters.any(char::is_uppercase) => {
            let mut out: String = first.to_uppercase().collect();
            out.push_str(&text[first.len_utf8()..]);
            Cow::Owned(out)
        }
        _ => Cow::Borrowed(text),
    }
}

fn at_sentence_start(out: &str) -> bool {
    let out = out.trim_end_matches([' ', '\t']);
    out.is_empty() || out.ends_with(['.', '!', '?', '\n'])
}

fn write(nodes: &[Node<'_>], fill: &Fill<'_>, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Field(name) => {
                let value = fill.value(name);
                if at_sentence_start(out) {
                    out.push_str(&capitalised(&value));
                } else {
                    out.push_str(&value);
                }
            }
            Node::Section {
                name,
                when_filled,
                body,
            } => {
                if fill.filled(name) == *when_filled {
                    write(body, fill, out);
                }
            }
        }
    }
}

/// Evens out what sections leave behind: no run of spaces inside a line, no
/// space at a line's end or a single one at its start, no more than one blank
/// line, nothing around the text.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        // A single leading space is what a section leaves at a line's start;
        // two or more, or a tab, is indentation the lead meant.
        let indent = &line[..line.len() - line.trim_start().len()];
        if indent != " " {
            out.push_str(indent);
        }
        let mut last_was_space = false;
        for c in trimmed.chars() {
            if c == ' ' && last_was_space {
                continue;
            }
            last_was_space = c == ' ';
            out.push(c);
        }
    }
    out
}

/// Fills a template. An invalid template renders as its own text, so a draft
/// never silently loses what the lead wrote.
pub fn render(body: &str, fill: &Fill<'_>) -> String {
    let Ok(nodes) = parse(body) else {
        return body.to_owned();
    };
    let mut out = String::with_capacity(body.len() + 200);
    write(&nodes, fill, &mut out);
    tidy(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_phrases_are_placed_by_their_grammar() {
        assert_eq!(as_sentence("  some payments fail "), "Some payments fail.");
        assert_eq!(as_sentence("Done!"), "Done!");
        assert_eq!(as_sentence("he said \"wait.\""), "He said \"wait.\"");
        assert_eq!(as_sentence("iOS logins fail"), "iOS logins fail.");
        assert_eq!(as_phrase(" Card payments. "), "Card payments");
        assert_eq!(as_phrase("the API..."), "the API...");
        assert_eq!(capitalised("ümlaut"), "Ümlaut");
        assert_eq!(capitalised("eBay checkout"), "eBay checkout");
    }

    #[test]
    fn tidy_keeps_indentation_and_one_blank_line() {
        assert_eq!(
            tidy("\n\nA  b   c. \n\n\n\n  - d  \n e\n\n"),
            "A b c.\n\n  - d\ne"
        );
    }

    #[test]
    fn sections_must_be_known_closed_in_order_and_shallow() {
        assert!(
            parse("{?known}a{/known}{!eta}b{/eta}{?previous_update}c{/previous_update}").is_ok()
        );
        let err = |body| parse(body).err().unwrap();
        assert_eq!(
            err("{?known}a"),
            "The section {?known} has no closing {/known}."
        );
        assert_eq!(
            err("{?known}{!doing}a{/known}{/doing}"),
            "{/known} closes {!doing}; close that first with {/doing}."
        );
        assert_eq!(
            err("a{/known}"),
            "{/known} closes a section that was never opened."
        );
        assert!(err("{?knwon}a{/knwon}").starts_with("Unknown condition \"knwon\""));
        assert!(err("{previous_update}").starts_with("Unknown placeholder {previous_update}."));
        let deep = "{?known}".repeat(5) + &"{/known}".repeat(5);
        assert!(err(&deep).starts_with("Sections nest at most 4 deep"));
        let ok = "{?known}".repeat(4) + &"{/known}".repeat(4);
        assert!(parse(&ok).is_ok());
    }
}
