#![allow(clippy::unwrap_used)]

use super::*;

const GOOD: &str = r#"format = 1
name = "Tiny"
length = "20m"

[incident]
title = "Checkout failing"
severity = "SEV1"
commander = "Dana"

[[event]]
at = "5m"
ping = { from = "CEO", text = "Any update?" }

[[event]]
at = "1m"
sync = { impact = "Payments fail", status = "investigating" }
"#;

#[test]
fn a_good_file_reads_in_time_order() {
    let scenario = parse(GOOD).unwrap();
    assert_eq!(scenario.name, "Tiny");
    assert_eq!(scenario.length, 1200);
    assert_eq!(scenario.incident.status, crate::Status::Investigating);
    assert_eq!(
        scenario.events.iter().map(|e| e.after).collect::<Vec<_>>(),
        vec![60, 300]
    );
    assert_eq!(scenario.events[1].what.key(), "ping");
}

/// Replaces `from` in the good file and expects an error at `line`:`column`
/// whose message holds `says`.
fn fails(from: &str, to: &str, line: usize, column: usize, says: &str) {
    assert!(GOOD.contains(from), "{from}");
    let text = GOOD.replacen(from, to, 1);
    let error = parse(&text).unwrap_err();
    assert!(
        error.message.contains(says),
        "{to:?}: expected {says:?} in {error}"
    );
    assert_eq!(
        (error.line, error.column),
        (line, column),
        "{to:?}: {error}"
    );
}

#[test]
fn every_kind_of_mistake_is_told_by_line_and_column() {
    // Not TOML at all.
    fails(
        "name = \"Tiny\"",
        "name = \"Tiny",
        2,
        13,
        "invalid basic string",
    );
    // A key the format does not have.
    fails(
        "length = \"20m\"",
        "length = \"20m\"\nlenght = 3",
        4,
        1,
        "unknown field",
    );
    // A value of the wrong type.
    fails("format = 1", "format = \"one\"", 1, 10, "expected u32");
    // A required key left out.
    fails(
        "severity = \"SEV1\"\n",
        "",
        5,
        1,
        "missing field `severity`",
    );
    // A severity Herald does not have.
    fails("\"SEV1\"", "\"SEV9\"", 7, 12, "SEV9");
    // A future format.
    fails("format = 1", "format = 2", 1, 10, "format 2");
    // An empty name.
    fails("name = \"Tiny\"", "name = \" \"", 2, 8, "name");
    // A length that is not a time, and one too long.
    fails("\"20m\"", "\"soon\"", 3, 10, "not a time");
    fails("\"20m\"", "\"13h\"", 3, 10, "12 hours");
    // An incident that fails the declare form's checks.
    fails(
        "title = \"Checkout failing\"",
        "title = \"\"",
        5,
        1,
        "title",
    );
    fails(
        "commander = \"Dana\"",
        "commander = \"Dana\"\nstatus = \"resolved\"",
        5,
        1,
        "open incident",
    );
    // An event time that is not a time, or after the end.
    fails("at = \"5m\"", "at = \"5 minutes\"", 11, 6, "not a time");
    fails("at = \"5m\"", "at = \"25m\"", 11, 6, "ends at 20m");
    // An event with nothing in it, and one with two things.
    fails(
        "ping = { from = \"CEO\", text = \"Any update?\" }",
        "",
        10,
        1,
        "says when but not what",
    );
    fails(
        "ping = { from = \"CEO\", text = \"Any update?\" }",
        "ping = { from = \"CEO\", text = \"Any update?\" }\nseverity = \"SEV2\"",
        10,
        1,
        "one event holds one thing",
    );
    // A ping with no words.
    fails(
        "text = \"Any update?\"",
        "text = \" \"",
        12,
        8,
        "who it is from",
    );
    // A channel failure that is not a failure.
    fails(
        "ping = { from = \"CEO\", text = \"Any update?\" }",
        "channel_fails = { answers = [429, 200] }",
        12,
        17,
        "200 is not a failure",
    );
    // A rule on wording with an empty word to avoid.
    fails(
        "ping = { from = \"CEO\", text = \"Any update?\" }",
        "constraint = { from = \"Legal\", text = \"No numbers\", avoid = [\"\"] }",
        12,
        14,
        "each word to avoid",
    );
    // A handoff in a direction there is not.
    fails(
        "ping = { from = \"CEO\", text = \"Any update?\" }",
        "handoff = { direction = \"sideways\", person = \"Sam\" }",
        12,
        25,
        "sideways",
    );
}

#[test]
fn the_shipped_library_reads_and_writes_back_unchanged() {
    assert!(SHIPPED.len() >= 4);
    for (id, _) in SHIPPED {
        let scenario = shipped(id).unwrap().unwrap();
        assert!(!scenario.events.is_empty(), "{id}");
        assert!(
            scenario.events.iter().all(|e| e.after <= scenario.length),
            "{id}"
        );
        let again = parse(&to_toml(&scenario)).unwrap();
        assert_eq!(again, scenario, "{id}");
    }
    assert!(shipped("no-such-drill").is_none());
    // The library covers what issue 17 asks for between them.
    let kinds: std::collections::BTreeSet<&str> = SHIPPED
        .iter()
        .flat_map(|(id, _)| shipped(id).unwrap().unwrap().events)
        .map(|e| e.what.key())
        .collect();
    for kind in [
        "sync",
        "severity",
        "ping",
        "push_all_clear",
        "constraint",
        "channel_fails",
        "handoff",
    ] {
        assert!(kinds.contains(kind), "no shipped scenario has {kind}");
    }
}

#[test]
fn an_exported_incident_replays_at_its_own_times() {
    use crate::postmortem::export::PostmortemRecord;
    use crate::{EventKind, IcSync, Incident, Severity, Status, SyncFacts, TimelineEvent};
    use chrono::{Duration, TimeZone, Utc};

    let start = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().unwrap();
    let event = |minutes: i64, kind: EventKind| TimelineEvent {
        id: format!("e{minutes}"),
        incident_id: "i".into(),
        at: start + Duration::minutes(minutes),
        summary: kind.summary(),
        kind,
        imported: false,
    };
    let sync_at = start + Duration::minutes(7);
    let record = PostmortemRecord {
        incident: Incident {
            id: "i".into(),
            external_id: "INC-9".into(),
            link: String::new(),
            title: "DRILL · API errors".into(),
            severity: Severity::Sev1,
            status: Status::Resolved,
            customer_visible: true,
            commander: "Ana".into(),
            comms_lead: "Bo".into(),
            comms_lead_activated: true,
            started_at: start,
            resolved_at: Some(start + Duration::minutes(50)),
        },
        timeline: vec![
            event(
                0,
                EventKind::Declared {
                    title: "DRILL · API errors".into(),
                    severity: Severity::Sev2,
                    status: Status::Investigating,
                    customer_visible: true,
                },
            ),
            event(
                7,
                EventKind::StatusChanged {
                    from: Status::Investigating,
                    to: Status::Identified,
                },
            ),
            event(
                12,
                EventKind::SeverityChanged {
                    from: Severity::Sev2,
                    to: Severity::Sev1,
                },
            ),
            event(
                20,
                EventKind::ConstraintAdded {
                    constraint_id: "c".into(),
                    text: "No numbers".into(),
                },
            ),
            event(
                30,
                EventKind::HandedOff {
                    from: "Bo".into(),
                    to: "Cy".into(),
                    format: "markdown".into(),
                },
            ),
            event(
                50,
                EventKind::StatusChanged {
                    from: Status::Monitoring,
                    to: Status::Resolved,
                },
            ),
        ],
        updates: vec![],
        syncs: vec![IcSync {
            id: "s".into(),
            incident_id: "i".into(),
            at: sync_at,
            facts: SyncFacts {
                customer_impact: "API errors".into(),
                status: Status::Identified,
                ..SyncFacts::default()
            },
        }],
        constraints: vec![],
        asks: vec![],
        metrics: crate::postmortem::metrics::compute(
            &Incident {
                id: "i".into(),
                external_id: String::new(),
                link: String::new(),
                title: "t".into(),
                severity: Severity::Sev1,
                status: Status::Resolved,
                customer_visible: true,
                commander: String::new(),
                comms_lead: String::new(),
                comms_lead_activated: true,
                started_at: start,
                resolved_at: None,
            },
            &[],
            start,
        ),
        receipts: vec![],
        promises: vec![],
        promise_summary: Default::default(),
        obligations: vec![],
    };
    let json = crate::postmortem::export::json(&record);
    let scenario = from_export(&json).unwrap();
    assert_eq!(
        scenario.incident.title, "API errors",
        "the drill mark is not replayed"
    );
    assert_eq!(scenario.incident.severity, Severity::Sev2, "as declared");
    assert_eq!(scenario.incident.status, Status::Investigating);
    let keys: Vec<(i64, &str)> = scenario
        .events
        .iter()
        .map(|e| (e.after / 60, e.what.key()))
        .collect();
    assert_eq!(
        keys,
        vec![
            (7, "sync"),
            (12, "severity"),
            (20, "constraint"),
            (30, "handoff"),
            (50, "status")
        ],
        "the sync's own status change is not repeated"
    );
    assert_eq!(scenario.length, 60 * 60);
    assert_eq!(parse(&to_toml(&scenario)).unwrap(), scenario);

    let error = from_export("{\n  \"incident\": 3\n}").unwrap_err();
    assert_eq!(error.line, 2, "{error}");
    assert!(error.message.contains("not an incident exported by Herald"));
}
