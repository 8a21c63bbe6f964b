//! What one text tells its readers, read out of its words: the status it
//! gives, its ETA, the regions it names, a workaround, and the internal-only
//! details it carries (tickets, channels, hosts, codenames). Each reading is
//! conservative: a fact the words do not state is left unknown rather than
//! guessed, so the check never reports a disagreement it made up.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use regex::Regex;

use crate::promises::PromiseKind;
use crate::promises::find::find;
use crate::terms::Status;
use crate::text::sentences;

/// The facts a text states.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Said {
    pub status: Option<Status>,
    /// The ETA sentence, and its instant when it gives one.
    pub eta: Option<(String, Option<DateTime<Utc>>)>,
    /// Regions named, in a canonical spelling ("EU", "US", "eu-west-1").
    pub regions: Vec<String>,
    /// The sentence that offers a workaround.
    pub workaround: Option<String>,
    /// Where each stated fact sits in the text, as byte ranges, so a finding
    /// can point at the words.
    pub spans: Spans,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spans {
    pub status: Option<(usize, usize)>,
    pub eta: Option<(usize, usize)>,
    pub regions: Option<(usize, usize)>,
}

fn compile(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(regex) => regex,
        Err(e) => panic!("told pattern does not compile: {e}"),
    }
}

/// Words that make a sentence about resolution a future, a condition or a
/// denial rather than a claim ("we will confirm once it is resolved", "do not
/// call it resolved yet").
static NOT_A_CLAIM: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:not|n['’]t|no|once|when|until|unless|if|will|yet|before|may\s+tell|expect)\b",
    )
});

/// Each status's words, most advanced first.
static STATUS_WORDS: LazyLock<[(Status, Regex); 4]> = LazyLock::new(|| {
    [
        (
            Status::Resolved,
            compile(
                r"(?i)\b(?:resolved|fully\s+restored|back\s+to\s+normal|incident\s+is\s+(?:over|closed))\b",
            ),
        ),
        (
            Status::Monitoring,
            compile(
                r"(?i)\bmonitoring\s+(?:the\s+)?(?:results?|recovery|the\s+fix|for\s+stability|closely\b(?:\s+to\s+confirm)?)|\b(?:fix|mitigation|change)\s+(?:has\s+been|was|is)\s+(?:now\s+)?(?:put\s+in\s+place|in\s+place|implemented|deployed|applied|rolled\s+out)|\bfix\s+in\s+place\b|[—:-]\s*monitoring\b|^\s*monitoring\b",
            ),
        ),
        (
            Status::Identified,
            compile(
                r"(?i)\b(?:identified|found)\s+the\s+(?:cause|issue|problem)\b|\bcause\s+(?:has\s+been\s+)?identified\b|[—:-]\s*identified\b|^\s*identified\b|\bhave\s+identified\b",
            ),
        ),
        (
            Status::Investigating,
            compile(r"(?i)\binvestigat(?:ing|e|ion)\b|\blooking\s+into\b"),
        ),
    ]
});

/// Regions as a comms lead writes them, each with one canonical name so "the
/// EU" and "Europe" agree.
const REGIONS: [(&str, &str); 24] = [
    (r"EU|Europe|European(?:\s+Union)?|EMEA", "EU"),
    (r"US|USA|United\s+States|North\s+America|NA", "US"),
    (r"UK|United\s+Kingdom|Britain", "UK"),
    (r"APAC|Asia(?:[-\s]Pacific)?", "APAC"),
    (r"LATAM|Latin\s+America|South\s+America", "LATAM"),
    (r"Australia|ANZ", "Australia"),
    (r"Japan", "Japan"),
    (r"India", "India"),
    (r"Canada", "Canada"),
    (r"Brazil", "Brazil"),
    (r"Germany", "Germany"),
    (r"France", "France"),
    (r"Ireland", "Ireland"),
    (r"Singapore", "Singapore"),
    (r"Middle\s+East", "Middle East"),
    (r"Africa", "Africa"),
    (r"US[-\s]East|East\s+Coast", "US East"),
    (r"US[-\s]West|West\s+Coast", "US West"),
    (r"Frankfurt", "Frankfurt"),
    (r"London", "London"),
    (r"Sydney", "Sydney"),
    (r"Tokyo", "Tokyo"),
    (r"Virginia", "Virginia"),
    (r"Oregon", "Oregon"),
];

static REGION_PATTERNS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    REGIONS
        .iter()
        .map(|(words, name)| (compile(&format!(r"\b(?:{words})\b")), *name))
        .collect()
});

/// A cloud region code ("eu-west-1", "us-east-2").
static REGION_CODE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:north|south|east|west|central)(?:east|west)?-\d\b",
    )
});

static WORKAROUND: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bwork\s*-?\s*around\b|\bin\s+the\s+meantime,?\s+(?:you|customers|users)\s+can\b|\bas\s+a\s+temporary\s+(?:measure|solution)\b|\bcan\s+still\s+(?:use|complete|access|pay)\b",
    )
});

/// Reads the facts out of `text`, posted (or to be posted) at `at`.
pub fn read(text: &str, at: DateTime<Utc>, zone: Tz) -> Said {
    let status = status(text);
    let (regions, region_span) = regions_in(text);
    let mut said = Said {
        status: status.map(|(s, _)| s),
        regions,
        spans: Spans {
            status: status.map(|(_, span)| span),
            regions: region_span,
            eta: None,
        },
        ..Said::default()
    };
    said.eta = find(text, at, zone)
        .into_iter()
        .rev()
        .find(|f| f.kind == PromiseKind::Eta)
        .map(|f| (f.said, f.due_at));
    said.spans.eta = said.eta.as_ref().and_then(|(sentence, _)| {
        let words = sentence.trim_end_matches('…');
        text.find(words).map(|start| (start, start + words.len()))
    });
    said.workaround = sentences(text)
        .into_iter()
        .map(|(s, e)| text[s..e].trim())
        .find(|sentence| WORKAROUND.is_match(sentence))
        .map(str::to_owned);
    said
}

/// The most advanced status the text claims, sentence by sentence, with the
/// words that claim it; a resolution sentence that is a future or a denial
/// claims nothing.
fn status(text: &str) -> Option<(Status, (usize, usize))> {
    let mut claimed: Vec<(Status, (usize, usize))> = Vec::new();
    for (start, end) in sentences(text) {
        let sentence = &text[start..end];
        for (status, words) in STATUS_WORDS.iter() {
            if *status == Status::Resolved && NOT_A_CLAIM.is_match(sentence) {
                continue;
            }
            if let Some(m) = words.find(sentence) {
                claimed.push((*status, (start + m.start(), start + m.end())));
            }
        }
    }
    STATUS_WORDS
        .iter()
        .find_map(|(status, _)| claimed.iter().find(|(s, _)| s == status).copied())
}

/// The regions named, and where the first of them is.
pub fn regions_in(text: &str) -> (Vec<String>, Option<(usize, usize)>) {
    let mut found: Vec<String> = Vec::new();
    let mut span: Option<(usize, usize)> = None;
    let mut widen = |m: regex::Match<'_>| {
        span = match span {
            Some((s, e)) if s <= m.start() => Some((s, e)),
            _ => Some((m.start(), m.end())),
        };
    };
    for (words, name) in REGION_PATTERNS.iter() {
        if let Some(m) = words.find(text) {
            widen(m);
            found.push((*name).to_owned());
        }
    }
    // "US East" names a part of the US; it is not a second region.
    if found.iter().any(|r| r.starts_with("US ")) {
        found.retain(|r| r != "US");
    }
    for m in REGION_CODE.find_iter(text) {
        widen(m);
        let code = m.as_str().to_ascii_lowercase();
        if !found.contains(&code) {
            found.push(code);
        }
    }
    (found, span)
}

/// An internal-only detail in a text: a ticket, a chat channel or handle, a
/// host or service identifier, or a project codename.
static INTERNAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b[A-Z][A-Z0-9]{1,9}-\d{1,6}\b|(?:^|[\s(])[#@][A-Za-z0-9][\w.-]{1,79}|\b[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*[-_]?\d+[a-z0-9]*\b|\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:internal|local|corp|lan|svc|cluster)\b|\b(?:Project|Operation)\s+[A-Z][a-z]+\b",
    )
});

/// Everyday hyphenated words and numbers that look like identifiers but
/// mean the same to anyone ("follow-up", "24-hour", "covid-19").
static EVERYDAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:\d+(?:-\w+)?|\w+-(?:up|in|out|on|off|time|party|based|related|level|wide|term|hour|minute|day)s?|[a-z]+-to-[a-z]+|utc\d*|gmt\d*|covid-19|\d+(?:am|pm|st|nd|rd|th|s|k|m|x|h|ms)|v\d+(?:\.\d+)*)$",
    )
});

/// The internal-only details in `text`, each once, as written.
pub fn internal_details(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for m in INTERNAL.find_iter(text) {
        let token = m.as_str().trim_start_matches([' ', '\t', '\n', '(']);
        let token = token.trim_end_matches(['.', '-', '_']);
        if token.chars().count() < 3 || EVERYDAY.is_match(token) {
            continue;
        }
        if !found.iter().any(|t| t.eq_ignore_ascii_case(token)) {
            found.push(token.to_owned());
        }
    }
    found
}
