//! Reading the promises out of an update's words: "Next update by 15:05 UTC",
//! "we will post another update within 30 minutes", and every ETA ("a fix
//! should be live by 16:00"). A time the text gives is turned into an instant
//! from when the update went out; a promise without one ("shortly") is kept
//! with no time, so the ledger can say it could not be held to anything.

use std::sync::LazyLock;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use regex::{Captures, Regex};

use super::PromiseKind;
use crate::text::sentences;

/// One promise found in a text, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: PromiseKind,
    /// The sentence that makes the promise, as written (clipped).
    pub said: String,
    pub due_at: Option<DateTime<Utc>>,
}

/// How far after a bare "ETA" label its time may start ("ETA: approximately 16:00").
const LABEL_REACH: usize = 24;

/// Longest sentence kept as a promise's words.
const MAX_SAID: usize = 300;

fn compile(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(regex) => regex,
        Err(e) => panic!("promise pattern does not compile: {e}"),
    }
}

/// A sentence that promises the next message rather than the fix.
static NEXT_UPDATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:next|another|further|new)\s+(?:update|post|message)s?\b|\b(?:will|['’]ll|shall|plan\s+to|expect\s+to|aim\s+to|intend\s+to)\s+(?:[\w-]+\s+){0,4}?(?:update|post|share|provide|send|check\s+(?:back|in)|report\s+back|be\s+back)\b",
    )
});

/// A time after a preposition: a clock time, or a span from now.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?:by|at|before|around|no\s+later\s+than|in|within|in\s+the\s+next|within\s+the\s+next)\s+(?:approximately\s+|about\s+|around\s+|roughly\s+|~\s*)?{TIME_WORDS}"
    ))
});

/// A clock time ("17:00", "5 pm", "1600 UTC", each with an optional zone)
/// or a span ("30 minutes", "an hour", "the hour").
const TIME_WORDS: &str = r"(?:(?P<h>\d{1,2}):(?P<m>\d{2})\s*(?P<ap>am\b|pm\b|a\.m\.|p\.m\.)?(?:\s*(?-i:(?P<zone>UTC|GMT|Z|[A-Z]{2,5})\b))?|(?P<h2>\d{1,2})\s*(?P<ap2>am\b|pm\b|a\.m\.|p\.m\.)(?:\s*(?-i:(?P<zone2>UTC|GMT|Z|[A-Z]{2,5})\b))?|(?P<hhmm>\d{4})\s*(?-i:(?P<zone4>UTC|GMT|Z))\b|(?P<n>\d+|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty-five|forty|half\s+an?)\s*(?P<unit>minutes?|mins?|hours?|hrs?)\b|(?P<hour>the\s+hour)\b)";

/// A clock time or a span anywhere in an ETA's words.
static ANY_TIME: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"(?i)\b{TIME_WORDS}")));

static TOMORROW: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\btomorrow\b"));

/// Zone abbreviations status pages write, beside the zone of the lead's own
/// setting (which is recognised by its own abbreviation).
const ABBREVIATIONS: [(&str, Tz); 20] = [
    ("CET", chrono_tz::Europe::Berlin),
    ("CEST", chrono_tz::Europe::Berlin),
    ("BST", chrono_tz::Europe::London),
    ("EET", chrono_tz::Europe::Helsinki),
    ("EEST", chrono_tz::Europe::Helsinki),
    ("ET", chrono_tz::America::New_York),
    ("EST", chrono_tz::America::New_York),
    ("EDT", chrono_tz::America::New_York),
    ("CT", chrono_tz::America::Chicago),
    ("CST", chrono_tz::America::Chicago),
    ("CDT", chrono_tz::America::Chicago),
    ("MT", chrono_tz::America::Denver),
    ("MST", chrono_tz::America::Denver),
    ("MDT", chrono_tz::America::Denver),
    ("PT", chrono_tz::America::Los_Angeles),
    ("PST", chrono_tz::America::Los_Angeles),
    ("PDT", chrono_tz::America::Los_Angeles),
    ("JST", chrono_tz::Asia::Tokyo),
    ("AEST", chrono_tz::Australia::Sydney),
    ("AEDT", chrono_tz::Australia::Sydney),
];

/// Every promise in `body`, in the order written: at most one per sentence,
/// a promise of the next update before an ETA. `zone` reads clock times that
/// name no zone, or name the zone by its own abbreviation.
pub fn find(body: &str, posted_at: DateTime<Utc>, zone: Tz) -> Vec<Found> {
    let fix_times = crate::guardrails::promised_fix_times(body);
    let mut found = Vec::new();
    for (start, end) in sentences(body) {
        let sentence = &body[start..end];
        let said = clip(sentence.trim());
        if said.is_empty() {
            continue;
        }
        let tomorrow = TOMORROW.is_match(sentence);
        if let Some(promise) = NEXT_UPDATE.find(sentence) {
            let due = TIME
                .captures_iter(&sentence[promise.start()..])
                .find_map(|c| instant(&c, posted_at, zone, tomorrow));
            if due.is_some() {
                found.push(Found {
                    kind: PromiseKind::NextUpdate,
                    said,
                    due_at: due,
                });
                continue;
            }
        }
        let eta: Vec<&(usize, usize)> = fix_times
            .iter()
            .filter(|(s, e)| *s >= start && *e <= end)
            .collect();
        if let Some(&&(s, e)) = eta.last() {
            // The time starts inside the ETA's words; its zone may follow
            // them. A bare label ("ETA: about 16:00") is followed by its time.
            let label = matches!(&body[s..e], "ETA" | "ETR" | "ETTR");
            let reach = if label { e - s + LABEL_REACH } else { e - s };
            let due = ANY_TIME
                .captures_iter(&body[s..end])
                .filter(|c| c.get(0).is_some_and(|m| m.start() < reach))
                .filter_map(|c| instant(&c, posted_at, zone, tomorrow))
                .last();
            found.push(Found {
                kind: PromiseKind::Eta,
                said,
                due_at: due,
            });
        }
    }
    found
}

fn clip(text: &str) -> String {
    if text.chars().count() <= MAX_SAID {
        text.to_owned()
    } else {
        let mut clipped: String = text.chars().take(MAX_SAID - 1).collect();
        clipped.push('…');
        clipped
    }
}

/// The instant one matched time stands for, if it reads as one.
fn instant(
    c: &Captures<'_>,
    posted_at: DateTime<Utc>,
    zone: Tz,
    tomorrow: bool,
) -> Option<DateTime<Utc>> {
    if let Some(n) = c.name("n") {
        let minutes = span_minutes(n.as_str(), c.name("unit")?.as_str())?;
        return Some(posted_at + Duration::minutes(minutes));
    }
    if c.name("hour").is_some() {
        return Some(posted_at + Duration::minutes(60));
    }
    if let Some(hhmm) = c.name("hhmm") {
        let digits = hhmm.as_str();
        let h = digits.get(..2)?.parse().ok()?;
        let m = digits.get(2..)?.parse().ok()?;
        return at_clock(h, m, Tz::UTC, posted_at, tomorrow);
    }
    let (h, ap, token) = match (c.name("h"), c.name("h2")) {
        (Some(h), _) => (h, c.name("ap"), c.name("zone")),
        (None, Some(h)) => (h, c.name("ap2"), c.name("zone2")),
        (None, None) => return None,
    };
    let minutes = c.name("m");
    let mut hour: u32 = h.as_str().parse().ok()?;
    let minute: u32 = minutes.map_or(Some(0), |m| m.as_str().parse().ok())?;
    if let Some(ap) = ap {
        if hour == 0 || hour > 12 {
            return None;
        }
        let pm = ap.as_str().to_ascii_lowercase().starts_with('p');
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let zone = zone_named(token.map(|t| t.as_str()), zone, posted_at);
    at_clock(hour, minute, zone, posted_at, tomorrow)
}

/// How many minutes "30 minutes", "an hour" or "half an hour" is.
fn span_minutes(count: &str, unit: &str) -> Option<i64> {
    let count = count.to_ascii_lowercase();
    let hours = unit.to_ascii_lowercase().starts_with('h');
    if count.starts_with("half") {
        return hours.then_some(30);
    }
    let n: i64 = match count.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "ten" => 10,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "forty-five" => 45,
        digits => digits.parse().ok().filter(|n| (1..=10_000).contains(n))?,
    };
    Some(if hours { n * 60 } else { n })
}

/// The zone a written abbreviation names; the lead's own zone when none is
/// written or the abbreviation is the zone's own at that time.
fn zone_named(token: Option<&str>, zone: Tz, at: DateTime<Utc>) -> Tz {
    let Some(token) = token else {
        return zone;
    };
    if matches!(token, "UTC" | "GMT" | "Z") {
        return Tz::UTC;
    }
    if at.with_timezone(&zone).format("%Z").to_string() == token {
        return zone;
    }
    ABBREVIATIONS
        .iter()
        .find(|(name, _)| *name == token)
        .map_or(zone, |(_, tz)| *tz)
}

/// The first instant at `hour:minute` in `zone` that is not more than ten
/// minutes before the update went out (a "by 00:10" posted at 23:50 is
/// tomorrow's), or the day after when the text says "tomorrow".
fn at_clock(
    hour: u32,
    minute: u32,
    zone: Tz,
    posted_at: DateTime<Utc>,
    tomorrow: bool,
) -> Option<DateTime<Utc>> {
    let time = NaiveTime::from_hms_opt(hour, minute, 0)?;
    let mut date = posted_at.with_timezone(&zone).date_naive();
    if tomorrow {
        date = date.succ_opt()?;
    }
    for _ in 0..2 {
        let candidate = zone
            .from_local_datetime(&date.and_time(time))
            .earliest()?
            .with_timezone(&Utc);
        if tomorrow || candidate >= posted_at - Duration::minutes(10) {
            return Some(candidate);
        }
        date = date.succ_opt()?;
    }
    None
}
