//! The human part of a handoff: PRODUCT.md's template filled from Herald's
//! state, in Markdown, Slack mrkdwn or plain text, with times in the lead's zone
//! and UTC alongside. Fields with no data yet say so instead of going blank.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::notes::{Ask, Constraint};
use crate::incident::Incident;
use crate::obligations::Obligation;
use crate::promises::{Promise, PromiseKind};
use crate::terms::Audience;
use crate::update::Update;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HandoffFormat {
    #[default]
    Markdown,
    Slack,
    Plain,
}

impl HandoffFormat {
    pub const ALL: [HandoffFormat; 3] = [Self::Markdown, Self::Slack, Self::Plain];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Markdown => "markdown",
            Self::Slack => "slack",
            Self::Plain => "plain",
        }
    }
}

/// One audience's line: when it last heard from us, when it hears next, how
/// often, and where its updates went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AudienceState {
    pub audience: Audience,
    pub last_update: Option<DateTime<Utc>>,
    pub next_due: Option<DateTime<Utc>>,
    pub cadence_minutes: Option<u32>,
    /// Where its updates were posted, most recent first, without repeats.
    pub posted_to: Vec<String>,
}

/// An update that has not reached one of its channels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undelivered {
    pub audience: Audience,
    pub posted_at: DateTime<Utc>,
    pub channel: String,
    /// `failed`, `needs_decision`, or still on its way (`queued`, `sending`,
    /// `retrying`) from the handing-over lead's Herald.
    pub state: String,
}

/// Everything the human text says, read from the store by the desk.
#[derive(Debug, Clone)]
pub struct HandoffFacts<'a> {
    pub incident: &'a Incident,
    /// The last customer update, the current public message.
    pub public_message: Option<&'a Update>,
    pub audiences: Vec<AudienceState>,
    pub constraints: Vec<&'a Constraint>,
    pub asks: Vec<&'a Ask>,
    pub from_lead: &'a str,
    pub to_lead: &'a str,
    pub at: DateTime<Utc>,
    pub zone: Tz,
    /// How soon before a deadline it counts as due soon (the heads-up).
    pub heads_up_minutes: u32,
    /// Recent updates that have not reached a channel, oldest first.
    pub undelivered: Vec<Undelivered>,
    /// Promises still counting down (an ETA, or an update promised sooner
    /// than the cadence), soonest first.
    pub promises: Vec<&'a Promise>,
    /// Obligation clocks still open, soonest due first.
    pub obligations: Vec<&'a Obligation>,
}

/// Markup for one format: bold, a link, a quote prefix, a bullet.
struct Style {
    bold: fn(&str) -> String,
    link: fn(&str, &str) -> String,
    quote: &'static str,
    bullet: &'static str,
}

fn style(format: HandoffFormat) -> Style {
    match format {
        HandoffFormat::Markdown => Style {
            bold: |t| format!("**{t}**"),
            link: |text, url| format!("[{text}]({url})"),
            quote: "> ",
            bullet: "- ",
        },
        HandoffFormat::Slack => Style {
            bold: |t| format!("*{t}*"),
            link: |text, url| format!("<{url}|{text}>"),
            quote: "> ",
            bullet: "• ",
        },
        HandoffFormat::Plain => Style {
            bold: |t| t.to_owned(),
            link: |text, url| format!("{text} ({url})"),
            quote: "    ",
            bullet: "- ",
        },
    }
}

/// "14:05 CET (13:05 UTC)", or "13:05 UTC" when the lead works in UTC.
pub fn both_zones(at: DateTime<Utc>, zone: Tz) -> String {
    let utc = at.format("%H:%M UTC").to_string();
    let local = at.with_timezone(&zone).format("%H:%M %Z").to_string();
    // Etc/UTC, Zulu and friends all print as UTC: say it once.
    if local == utc {
        utc
    } else {
        format!("{local} ({utc})")
    }
}

/// The audiences whose update is late or due within the heads-up, most
/// pressing first, then every update that has not reached a channel.
fn needs_attention(facts: &HandoffFacts<'_>) -> Vec<String> {
    let mut lines = deadlines_pressing(facts);
    lines.extend(promises_pressing(facts));
    lines.extend(clocks_pressing(facts));
    let from = if facts.from_lead.is_empty() {
        "the previous lead"
    } else {
        facts.from_lead
    };
    for u in &facts.undelivered {
        let what = format!(
            "{} update of {} to {}",
            capital(u.audience.label()),
            both_zones(u.posted_at, facts.zone),
            u.channel
        );
        lines.push(match u.state.as_str() {
            "failed" => format!("{what} failed; send it again or post it by hand"),
            "needs_decision" => format!(
                "{what} may or may not have gone out; check the channel before sending again"
            ),
            _ => format!(
                "{what} is still being sent from {from}'s Herald; keep it running until it lands"
            ),
        });
    }
    lines
}

/// "Update promised to customers by 14:20 UTC" or "ETA given to customers,
/// 16:00 UTC", with how far off it is.
fn promise_line(p: &Promise, due: DateTime<Utc>, facts: &HandoffFacts<'_>) -> String {
    let who = p.audience.label();
    let at = both_zones(due, facts.zone);
    let what = match p.kind {
        PromiseKind::NextUpdate => format!("Update promised to {who} by {at}"),
        PromiseKind::Eta => format!("ETA given to {who}: {at}"),
    };
    let minutes = (due - facts.at).num_minutes();
    let when = if minutes < 0 {
        format!("{} min late", -minutes)
    } else {
        format!("in {minutes} min")
    };
    format!("{what}, {when} (“{}”)", p.said.trim_end_matches(['.', '!']))
}

/// "GDPR breach notice (owner Dana): due 14:00 UTC, in 3 h 10 min", or
/// "waiting for its trigger".
fn clock_line(c: &Obligation, facts: &HandoffFacts<'_>) -> String {
    let owner = if c.owner.is_empty() {
        "no owner named".to_owned()
    } else {
        format!("owner {}", c.owner)
    };
    let when = match c.due_at() {
        None => "waiting for its trigger".to_owned(),
        Some(due) => {
            let left = (due - facts.at).num_seconds();
            let span = crate::postmortem::export::duration(left.abs());
            if left < 0 {
                format!("was due {}, {span} late", both_zones(due, facts.zone))
            } else {
                format!("due {}, in {span}", both_zones(due, facts.zone))
            }
        }
    };
    format!("{} ({owner}): {when}", c.name)
}

/// Clocks due within the hour, or late: a notification to a regulator takes
/// more than a heads-up to prepare.
fn clocks_pressing(facts: &HandoffFacts<'_>) -> Vec<String> {
    let soon = facts.at + chrono::Duration::minutes(60);
    facts
        .obligations
        .iter()
        .filter(|c| c.due_at().is_some_and(|d| d <= soon))
        .map(|c| clock_line(c, facts))
        .collect()
}

/// The promises whose time is near or past.
fn promises_pressing(facts: &HandoffFacts<'_>) -> Vec<String> {
    let soon = facts.at + chrono::Duration::minutes(i64::from(facts.heads_up_minutes));
    facts
        .promises
        .iter()
        .filter_map(|p| {
            p.due_at
                .filter(|d| *d <= soon)
                .map(|d| promise_line(p, d, facts))
        })
        .collect()
}

fn deadlines_pressing(facts: &HandoffFacts<'_>) -> Vec<String> {
    let mut due: Vec<(&AudienceState, DateTime<Utc>)> = facts
        .audiences
        .iter()
        .filter_map(|a| a.next_due.map(|d| (a, d)))
        .filter(|(_, d)| {
            *d <= facts.at + chrono::Duration::minutes(i64::from(facts.heads_up_minutes))
        })
        .collect();
    due.sort_by_key(|(_, d)| *d);
    due.into_iter()
        .map(|(a, d)| {
            let who = capital(a.audience.label());
            let at = both_zones(d, facts.zone);
            let minutes = (d - facts.at).num_minutes();
            if minutes < 0 {
                format!("{who} update {} min late, was due at {at}", -minutes)
            } else if minutes <= 0 {
                format!("{who} update due now, at {at}")
            } else {
                format!("{who} update due in {minutes} min, at {at}")
            }
        })
        .collect()
}

/// The human handoff, without the machine block.
pub fn render(facts: &HandoffFacts<'_>, format: HandoffFormat) -> String {
    let s = style(format);
    let time = |t: DateTime<Utc>| both_zones(t, facts.zone);
    let incident = facts.incident;
    let mut out = Vec::new();
    out.push(format!(
        "{} ({}, {})",
        (s.bold)(&format!("Comms handoff: {}", incident.heading())),
        incident.severity.as_str(),
        incident.status.as_str()
    ));
    let to = if facts.to_lead.is_empty() {
        String::new()
    } else {
        format!(" to {}", facts.to_lead)
    };
    let from = if facts.from_lead.is_empty() {
        "the comms lead"
    } else {
        facts.from_lead
    };
    out.push(format!("Handed over by {from}{to} at {}", time(facts.at)));
    out.push(String::new());

    // First what cannot wait: the next lead may have a minute to act.
    let urgent = needs_attention(facts);
    if urgent.is_empty() {
        out.push(format!(
            "{} nothing is late or due within {} min.",
            (s.bold)("Needs attention now:"),
            facts.heads_up_minutes
        ));
    } else {
        out.push((s.bold)("Needs attention now:"));
        for line in urgent {
            out.push(format!("{}{line}", s.bullet));
        }
    }
    out.push(String::new());

    let reference = if incident.link.is_empty() {
        incident.reference().into_owned()
    } else {
        (s.link)(&incident.reference(), &incident.link)
    };
    out.push(format!("{}{} {reference}", s.bullet, (s.bold)("Incident:")));

    match facts.public_message {
        None => out.push(format!(
            "{}{} no customer update published yet",
            s.bullet,
            (s.bold)("Current public message:")
        )),
        Some(update) => {
            let place = if update.posted_to.is_empty() {
                String::new()
            } else {
                format!("posted to {}, ", update.posted_to)
            };
            out.push(format!(
                "{}{} ({place}{} at {})",
                s.bullet,
                (s.bold)("Current public message:"),
                update.source,
                time(update.posted_at)
            ));
            for line in update.body.lines() {
                out.push(format!("  {}{line}", s.quote).trim_end().to_owned());
            }
        }
    }

    out.push(format!(
        "{}{}",
        s.bullet,
        (s.bold)("Last update / next scheduled update:")
    ));
    for a in &facts.audiences {
        let last = a.last_update.map_or("none yet".to_owned(), time);
        let next = a.next_due.map_or("none scheduled".to_owned(), time);
        out.push(format!(
            "  {}{}: last {last} / next {next}",
            s.bullet,
            capital(a.audience.label())
        ));
    }

    if !facts.obligations.is_empty() {
        out.push(format!(
            "{}{}",
            s.bullet,
            (s.bold)("Notification clocks still open:")
        ));
        for c in &facts.obligations {
            out.push(format!("  {}{}", s.bullet, clock_line(c, facts)));
        }
    }
    if !facts.promises.is_empty() {
        out.push(format!("{}{}", s.bullet, (s.bold)("Promises still open:")));
        for p in &facts.promises {
            if let Some(due) = p.due_at {
                out.push(format!("  {}{}", s.bullet, promise_line(p, due, facts)));
            }
        }
    }

    let cadence: Vec<String> = facts
        .audiences
        .iter()
        .filter_map(|a| {
            a.cadence_minutes
                .map(|m| format!("{} every {m} min", a.audience.label()))
        })
        .collect();
    out.push(format!(
        "{}{} {}",
        s.bullet,
        (s.bold)("Cadence:"),
        if cadence.is_empty() {
            "no updates scheduled at this severity and status".to_owned()
        } else {
            cadence.join(", ")
        }
    ));

    let engaged: Vec<String> = facts
        .audiences
        .iter()
        .filter(|a| a.last_update.is_some())
        .map(|a| {
            if a.posted_to.is_empty() {
                format!("{} (posted by hand)", a.audience.label())
            } else {
                format!("{} via {}", a.audience.label(), a.posted_to.join(", "))
            }
        })
        .collect();
    out.push(format!(
        "{}{} {}",
        s.bullet,
        (s.bold)("Audiences engaged:"),
        if engaged.is_empty() {
            "none yet".to_owned()
        } else {
            engaged.join("; ")
        }
    ));

    out.push(format!(
        "{}{}",
        s.bullet,
        (s.bold)("Tone/constraints so far:")
    ));
    if facts.constraints.is_empty() {
        out.push(format!("  {}none recorded", s.bullet));
    }
    for c in &facts.constraints {
        out.push(format!("  {}{}", s.bullet, c.text));
    }

    out.push(format!("{}{}", s.bullet, (s.bold)("Open comms asks:")));
    if facts.asks.is_empty() {
        out.push(format!("  {}none", s.bullet));
    }
    for a in &facts.asks {
        let owner = if a.owner.is_empty() {
            "no owner yet".to_owned()
        } else {
            format!("owner: {}", a.owner)
        };
        out.push(format!("  {}{} ({owner})", s.bullet, a.text));
    }
    out.join("\n")
}

fn capital(text: &str) -> String {
    crate::alerts::capitalised(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn every_name_for_utc_prints_once_and_other_zones_show_utc_beside() {
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 13, 5, 0).unwrap();
        for name in ["UTC", "Etc/UTC", "Zulu", "Etc/Universal"] {
            let zone: Tz = name.parse().unwrap();
            assert_eq!(both_zones(at, zone), "13:05 UTC", "{name}");
        }
        let tokyo: Tz = "Asia/Tokyo".parse().unwrap();
        assert_eq!(both_zones(at, tokyo), "22:05 JST (13:05 UTC)");
    }
}
