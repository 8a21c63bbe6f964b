//! What a decoded handoff must pass before anything in it is written. The
//! checksum proves the paste was not damaged, not who wrote it, so every record
//! gets the same checks the lead's own input gets, and every instant must sit
//! in a sane window: nothing after the handoff was copied (beyond a stated
//! clock skew), no handoff from the future of this machine's clock, nothing
//! outside the years a database can store.

use chrono::{DateTime, Duration, Utc};

use super::notes::NoteInput;
use super::package::{HandoffError, HandoffPackage, RECEIPT_STATES, Receipt};
use crate::incident::NewIncident;
use crate::update::MAX_BODY;

/// How far apart two leads' clocks may be.
pub const CLOCK_SKEW_MINUTES: i64 = 5;
/// The oldest handoff Herald takes over from.
pub const MAX_AGE_DAYS: i64 = 30;
/// How far back an imported record may reach before the handoff was copied.
pub const HISTORY_DAYS: i64 = 5 * 366;
/// How far ahead of the handoff a deadline may be.
pub const DEADLINE_AHEAD_DAYS: i64 = 7;

fn when(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// Checks the package against this machine's clock (`now`); says the first
/// problem found, in words for the paste field.
pub fn admit(package: &HandoffPackage, now: DateTime<Utc>) -> Result<(), HandoffError> {
    let skew = Duration::minutes(CLOCK_SKEW_MINUTES);
    let exported = package.exported_at;
    if exported > now + skew {
        return Err(HandoffError::Refused(format!(
            "it says it was copied at {}, which is later than this computer's clock ({}). Check both clocks, then copy it again",
            when(exported),
            when(now)
        )));
    }
    if exported < now - Duration::days(MAX_AGE_DAYS) {
        return Err(HandoffError::Refused(format!(
            "it was copied at {}, more than {MAX_AGE_DAYS} days ago. Ask for a fresh handoff",
            when(exported)
        )));
    }
    let earliest = exported - Duration::days(HISTORY_DAYS);
    // "Newer" is judged against this machine's clock: nothing may be later
    // than the handoff, nor than now, beyond the skew.
    let latest = exported.min(now) + skew;
    let mut instants: Vec<(&str, DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    let mut past = |what: &'static str, at: DateTime<Utc>| instants.push((what, at, latest));
    past("the incident's start", package.incident.started_at);
    if let Some(at) = package.incident.resolved_at {
        past("the incident's resolution", at);
    }
    for e in &package.timeline {
        past("a timeline event", e.at);
    }
    for u in &package.updates {
        past("a published update", u.posted_at);
    }
    for c in &package.constraints {
        past("a constraint", c.created_at);
        past("a constraint", c.updated_at);
        if let Some(at) = c.closed_at {
            past("a constraint", at);
        }
    }
    for a in &package.asks {
        past("a comms ask", a.created_at);
        past("a comms ask", a.updated_at);
    }
    for d in &package.drafts {
        past("a draft", d.updated_at);
    }
    if let Some(sync) = &package.sync {
        past("the IC sync", sync.at);
    }
    for r in &package.receipts {
        if let Some(at) = r.delivered_at {
            past("a delivery receipt", at);
        }
    }
    for o in &package.obligations {
        past("an obligation clock", o.created_at);
        past("an obligation clock", o.updated_at);
        for at in [o.triggered_at, o.decided_at].into_iter().flatten() {
            past("an obligation clock", at);
        }
    }
    let ahead = exported + Duration::days(DEADLINE_AHEAD_DAYS);
    for d in &package.deadlines {
        instants.push(("a deadline", d.due_at, ahead));
    }
    for (what, at, until) in instants {
        if at > until {
            return Err(HandoffError::Refused(format!(
                "{what} is dated {}, after the handoff was copied ({}). Herald refuses records from the future",
                when(at),
                when(exported)
            )));
        }
        if at < earliest {
            return Err(HandoffError::Refused(format!(
                "{what} is dated {}, implausibly long before the handoff was copied ({})",
                when(at),
                when(exported)
            )));
        }
    }
    check_fields(package)
}

/// The same field checks local input gets: lengths, control characters, links.
fn check_fields(package: &HandoffPackage) -> Result<(), HandoffError> {
    let refuse = |what: &str, why: String| Err(HandoffError::Refused(format!("{what}: {why}")));
    let incident = &package.incident;
    let as_input = NewIncident {
        external_id: incident.external_id.clone(),
        link: incident.link.clone(),
        title: incident.title.clone(),
        severity: incident.severity,
        status: incident.status,
        customer_visible: incident.customer_visible,
        commander: incident.commander.clone(),
        comms_lead: incident.comms_lead.clone(),
    };
    if let Err(invalid) = as_input.validate() {
        return refuse(
            "its incident does not pass Herald's checks",
            invalid.summary(),
        );
    }
    for name in [&package.from_lead, &package.to_lead] {
        if let Some(why) = crate::text::single_line_problem(name, crate::incident::MAX_NAME) {
            return refuse("a lead's name", why);
        }
    }
    for u in &package.updates {
        if u.body.chars().count() > MAX_BODY {
            return refuse(
                "a published update",
                format!("longer than {MAX_BODY} characters"),
            );
        }
        if let Some(why) = crate::text::single_line_problem(&u.posted_to, 200) {
            return refuse("where an update was posted", why);
        }
    }
    for d in &package.drafts {
        if d.body.chars().count() > MAX_BODY {
            return refuse("a draft", format!("longer than {MAX_BODY} characters"));
        }
    }
    let notes = package
        .constraints
        .iter()
        .map(|c| (c.text.clone(), String::new()))
        .chain(
            package
                .asks
                .iter()
                .map(|a| (a.text.clone(), a.owner.clone())),
        );
    for (text, owner) in notes {
        if let Err(invalid) = (NoteInput { text, owner }).validate() {
            return refuse("a constraint or ask", invalid.summary());
        }
    }
    if let Some(sync) = &package.sync {
        // Taken as it was checked when the IC answered: trimmed answers pass unchanged.
        match sync.facts.validate() {
            Ok(clean) if clean == sync.facts => {}
            Ok(_) => return refuse("the IC sync", "its answers are not trimmed".to_owned()),
            Err(invalid) => return refuse("the IC sync", invalid.summary()),
        }
    }
    for r in &package.receipts {
        if let Some(why) = receipt_problem(package, r) {
            return refuse("a delivery receipt", why);
        }
    }
    for o in &package.obligations {
        if o.incident_id != incident.id {
            return refuse(
                "an obligation clock",
                "it belongs to another incident".to_owned(),
            );
        }
        // The trigger was already checked against the handoff's time above.
        if let Err(invalid) = o.as_input().validate(DateTime::<Utc>::MAX_UTC) {
            return refuse("an obligation clock", invalid.summary());
        }
        let decision = crate::obligations::ObligationDecision {
            state: o.state,
            note: o.note.clone(),
        };
        if let Err(invalid) = decision.validate() {
            return refuse("an obligation clock", invalid.summary());
        }
    }
    Ok(())
}

/// A receipt belongs to a carried update and holds only what a delivery
/// could have recorded: a known state, an id of the shape its service
/// returns, an http(s) link, and a page id of letters and digits.
fn receipt_problem(package: &HandoffPackage, r: &Receipt) -> Option<String> {
    if !package.updates.iter().any(|u| u.id == r.update_id) {
        return Some("it is for an update the handoff does not carry".into());
    }
    if let Some(why) = crate::text::single_line_problem(&r.channel, 200) {
        return Some(why);
    }
    if !RECEIPT_STATES.contains(&r.state.as_str()) {
        return Some(format!("\"{}\" is not a delivery state", r.state));
    }
    if !r.remote_id.is_empty() && !crate::relay::safe::remote_id_ok(r.kind, &r.remote_id) {
        return Some("its message id is not of the shape the service returns".into());
    }
    if let Some(why) = crate::incident::link_problem(&r.remote_link) {
        return Some(why);
    }
    let page = &r.statuspage_page_id;
    if page.len() > 64 || !page.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Some("its Statuspage page id is not letters and digits".into());
    }
    None
}
