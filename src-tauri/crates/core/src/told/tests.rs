use chrono::{DateTime, Duration, TimeZone, Utc};

use super::said::{internal_details, read};
use super::*;
use crate::guardrails::Rule;
use crate::incident::NewIncident;
use crate::matrix::SeverityMatrix;
use crate::sync::{EtaConfidence, SyncFacts};
use crate::terms::Severity;

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap() + Duration::minutes(minute)
}

fn incident(status: Status) -> Incident {
    let input = NewIncident {
        external_id: String::new(),
        link: String::new(),
        title: "Checkout errors".into(),
        severity: Severity::Sev1,
        status,
        customer_visible: true,
        commander: String::new(),
        comms_lead: String::new(),
    };
    Incident::declare("i".into(), input, &SeverityMatrix::default(), at(0)).0
}

fn update(n: usize, audience: Audience, minute: i64, body: &str) -> Update {
    Update {
        id: format!("u{n}"),
        incident_id: "i".into(),
        audience,
        body: body.into(),
        posted_to: String::new(),
        posted_at: at(minute),
        source: "published".into(),
        author: String::new(),
    }
}

fn sync(minute: i64, affected: &str, impact: &str, eta: &str, status: Status) -> IcSync {
    IcSync {
        id: format!("s{minute}"),
        incident_id: "i".into(),
        at: at(minute),
        facts: SyncFacts {
            affected: affected.into(),
            customer_impact: impact.into(),
            eta: eta.into(),
            eta_confidence: if eta.is_empty() {
                EtaConfidence::None
            } else {
                EtaConfidence::Confirmed
            },
            status,
            ..SyncFacts::default()
        },
    }
}

/// Each text and the status, regions and whether an ETA instant it states.
#[test]
fn the_facts_are_read_from_the_words_and_only_when_stated() {
    use Status::*;
    let cases: &[(&str, Option<Status>, &[&str], bool)] = &[
        (
            "We are investigating an issue with checkout.",
            Some(Investigating),
            &[],
            false,
        ),
        (
            "We have identified the cause of the issue and are working on a fix.",
            Some(Identified),
            &[],
            false,
        ),
        (
            "A fix has been put in place, and we are monitoring the results.",
            Some(Monitoring),
            &[],
            false,
        ),
        (
            "SEV1 Checkout errors: fix in place, monitoring.",
            Some(Monitoring),
            &[],
            false,
        ),
        (
            "[SEV1] Checkout errors — identified. Known: a bad deploy.",
            Some(Identified),
            &[],
            false,
        ),
        (
            "This incident has been resolved. We apologise.",
            Some(Resolved),
            &[],
            false,
        ),
        // A promise of resolution, or a denial, claims nothing.
        (
            "We will confirm once it is resolved. We are investigating.",
            Some(Investigating),
            &[],
            false,
        ),
        (
            "Holding line: a fix is in place and we are monitoring. Please do not call it resolved yet.",
            Some(Monitoring),
            &[],
            false,
        ),
        // "Monitoring the situation" while investigating is not monitoring.
        (
            "We are investigating and monitoring the situation.",
            Some(Investigating),
            &[],
            false,
        ),
        ("Some payments fail.", None, &[], false),
        (
            "Customers in the EU and the United States see errors.",
            None,
            &["EU", "US"],
            false,
        ),
        (
            "Customers in Europe see errors; us-east-1 is fine.",
            None,
            &["EU", "us-east-1"],
            false,
        ),
        ("Let us know; we thank you.", None, &[], false),
        (
            "Customers on the US East coast see errors.",
            None,
            &["US East"],
            false,
        ),
        (
            "SEV1 Checkout: cause identified.\nETA: 11:30 (confidence: confirmed)",
            Some(Identified),
            &[],
            true,
        ),
        (
            "We expect the fix to be live by 11:30 UTC.",
            None,
            &[],
            true,
        ),
    ];
    for (text, status, regions, eta) in cases {
        let said = read(text, at(0), chrono_tz::UTC);
        assert_eq!(said.status, *status, "{text}");
        assert_eq!(said.regions, *regions, "{text}");
        assert_eq!(
            said.eta
                .as_ref()
                .and_then(|(_, instant)| *instant)
                .is_some(),
            *eta,
            "{text}: {:?}",
            said.eta
        );
        if let Some((start, end)) = said.spans.status {
            assert!(
                STATUS_SPAN_WORDS
                    .iter()
                    .any(|w| text[start..end].to_lowercase().contains(w)),
                "{text}"
            );
        }
    }
}

const STATUS_SPAN_WORDS: [&str; 6] = [
    "investigat",
    "identified",
    "monitoring",
    "resolved",
    "fix",
    "found",
];

#[test]
fn internal_details_are_tickets_channels_hosts_and_codenames_not_everyday_words() {
    let text = "See INC-4821 and #inc-checkout; @ana.lima is on it. db-primary-3 in payments-eu-west failed over to pg_replica. Project Kite is paused. api.payments.internal is slow. A follow-up in 24-hour time, 30-minute window, COVID-19, v2.3, 5pm.";
    assert_eq!(
        internal_details(text),
        [
            "INC-4821",
            "#inc-checkout",
            "@ana.lima",
            "db-primary-3",
            "payments-eu-west",
            "pg_replica",
            "Project Kite",
            "api.payments.internal",
        ]
    );
}

#[test]
fn the_matrix_keeps_each_fact_as_last_told_with_its_time_and_source() {
    let mut incident = incident(Status::Investigating);
    incident.status = Status::Monitoring;
    let syncs = [
        sync(
            1,
            "checkout in the EU",
            "payments fail with an error",
            "",
            Status::Investigating,
        ),
        sync(
            20,
            "checkout in the EU",
            "payments fail with an error",
            "11:30",
            Status::Identified,
        ),
    ];
    let updates = [
        update(
            1,
            Audience::Customers,
            5,
            "We are investigating an issue. Checkout in the EU may not be working as expected. Payments fail with an error.",
        ),
        update(
            2,
            Audience::Executives,
            25,
            "SEV1 Checkout errors: cause identified.\nETA: 11:30 (confidence: confirmed)",
        ),
        update(
            3,
            Audience::Customers,
            30,
            "We are still working on this. In the meantime, you can pay by bank transfer.",
        ),
    ];
    let record = Record {
        incident: &incident,
        updates: &updates,
        syncs: &syncs,
        timeline: &[],
        zone: chrono_tz::UTC,
    };
    let told = Told::build(&record);
    let customers = told.row(Audience::Customers).unwrap();
    assert_eq!(customers.last_told_at, Some(at(30)));
    let status = customers.cell(Fact::Status);
    // The second customer update states no status: the incident's record is used.
    assert_eq!((status.source, status.at), (Source::Incident, Some(at(30))));
    let affected = customers.cell(Fact::Affected);
    assert_eq!(
        (affected.value.as_str(), affected.source, affected.at),
        ("checkout in the EU", Source::Sync, Some(at(5)))
    );
    assert_eq!(
        customers.cell(Fact::Impact).value,
        "payments fail with an error"
    );
    assert!(
        customers
            .cell(Fact::Workaround)
            .value
            .contains("bank transfer")
    );
    assert!(!customers.cell(Fact::Eta).known());
    let executives = told.row(Audience::Executives).unwrap();
    assert_eq!(executives.cell(Fact::Status).value, "identified");
    assert_eq!(executives.cell(Fact::Eta).instant, Some(at(90)));
    assert!(!executives.cell(Fact::Affected).known());
    let internal = told.row(Audience::Internal).unwrap();
    assert_eq!(internal.last_told_at, None);
    assert!(internal.cells.iter().all(|c| !c.known()));
    assert_eq!(internal.cells.len(), Fact::ALL.len());
}

/// One consistency case: what went out, the incident's status now, the
/// latest sync's ETA, the draft, and the rules expected on it.
struct Case<'a> {
    name: &'a str,
    told: &'a [(Audience, i64, &'a str)],
    status: Status,
    sync_eta: &'a str,
    draft: (Audience, &'a str),
    expect: &'a [Rule],
}

#[test]
fn a_draft_is_checked_against_what_every_other_audience_was_told() {
    use Audience::*;
    use Rule::*;
    let cases = [
        Case {
            name: "customers behind executives on status",
            told: &[(
                Executives,
                20,
                "SEV1 Checkout errors: fix in place, monitoring.",
            )],
            status: Status::Monitoring,
            sync_eta: "",
            draft: (Customers, "We are investigating an issue with checkout."),
            expect: &[Contradiction],
        },
        Case {
            name: "customers ahead: executives left behind",
            told: &[(Executives, 5, "SEV1 Checkout errors: investigating.")],
            status: Status::Monitoring,
            sync_eta: "",
            draft: (
                Customers,
                "A fix has been put in place, and we are monitoring the results.",
            ),
            expect: &[AudienceBehind],
        },
        Case {
            name: "the same status agrees",
            told: &[(Executives, 5, "SEV1 Checkout errors: investigating.")],
            status: Status::Investigating,
            sync_eta: "",
            draft: (Customers, "We are investigating an issue with checkout."),
            expect: &[],
        },
        Case {
            name: "a draft that states no status is not compared",
            told: &[(
                Executives,
                20,
                "SEV1 Checkout errors: fix in place, monitoring.",
            )],
            status: Status::Monitoring,
            sync_eta: "",
            draft: (Customers, "Some customers cannot complete payments."),
            expect: &[],
        },
        Case {
            name: "two ETAs",
            told: &[(
                Executives,
                20,
                "SEV1 Checkout: cause identified.\nETA: 11:30 (confidence: confirmed)",
            )],
            status: Status::Identified,
            sync_eta: "11:30",
            draft: (
                Customers,
                "We have identified the cause. We expect the fix to be live by 12:15 UTC.",
            ),
            expect: &[Contradiction],
        },
        Case {
            name: "the new ETA: executives hold the old one",
            told: &[(
                Executives,
                20,
                "SEV1 Checkout: cause identified.\nETA: 11:30 (confidence: confirmed)",
            )],
            status: Status::Identified,
            sync_eta: "12:15",
            draft: (
                Customers,
                "We have identified the cause. We expect the fix to be live by 12:15 UTC.",
            ),
            expect: &[AudienceBehind],
        },
        Case {
            name: "ETAs five minutes apart are one ETA",
            told: &[(
                Executives,
                20,
                "SEV1 Checkout: cause identified.\nETA: 11:30 (confidence: confirmed)",
            )],
            status: Status::Identified,
            sync_eta: "11:30",
            draft: (
                Customers,
                "We have identified the cause. We expect the fix to be live by 11:33 UTC.",
            ),
            expect: &[],
        },
        Case {
            name: "a region named internally is missing",
            told: &[(
                Internal,
                10,
                "Holding line: we are investigating. Checkout in the EU and the US may not be working.",
            )],
            status: Status::Investigating,
            sync_eta: "",
            draft: (
                Customers,
                "We are investigating an issue. Checkout in Europe may not be working as expected.",
            ),
            expect: &[Contradiction],
        },
        Case {
            name: "no region named is general, not a contradiction",
            told: &[(
                Internal,
                10,
                "Holding line: we are investigating. Checkout in the EU and the US may not be working.",
            )],
            status: Status::Investigating,
            sync_eta: "",
            draft: (
                Customers,
                "We are investigating an issue. Some customers cannot complete payments.",
            ),
            expect: &[],
        },
        Case {
            name: "a ticket and a channel told internally go to customers",
            told: &[(
                IncidentChannel,
                3,
                "[SEV1] Checkout errors — investigating. Tracking in INC-4821, join #inc-checkout.",
            )],
            status: Status::Investigating,
            sync_eta: "",
            draft: (
                Customers,
                "We are investigating an issue (inc-4821). Updates in #inc-checkout.",
            ),
            expect: &[InternalDetail, InternalDetail],
        },
        Case {
            name: "a letter whose lower case is longer does not hide a ticket",
            told: &[(IncidentChannel, 3, "Tracking in INC-4821.")],
            status: Status::Investigating,
            sync_eta: "",
            draft: (Customers, "İstanbul: see INC-4821."),
            expect: &[InternalDetail],
        },
        Case {
            name: "internal details may go to internal readers",
            told: &[(
                IncidentChannel,
                3,
                "[SEV1] Checkout errors — investigating. Tracking in INC-4821.",
            )],
            status: Status::Investigating,
            sync_eta: "",
            draft: (Internal, "We are investigating. Tracking in INC-4821."),
            expect: &[],
        },
        Case {
            name: "a detail inside a longer word is not the detail",
            told: &[(IncidentChannel, 3, "Hosts db-primary-3 failing.")],
            status: Status::Investigating,
            sync_eta: "",
            draft: (Customers, "We are investigating errors on db-primary-31x."),
            expect: &[],
        },
    ];
    for case in cases {
        let incident = {
            let mut i = incident(Status::Investigating);
            i.status = case.status;
            i
        };
        let updates: Vec<Update> = case
            .told
            .iter()
            .enumerate()
            .map(|(n, (audience, minute, body))| update(n, *audience, *minute, body))
            .collect();
        let syncs = [sync(15, "", "", case.sync_eta, case.status)];
        let record = Record {
            incident: &incident,
            updates: &updates,
            syncs: &syncs,
            timeline: &[],
            zone: chrono_tz::UTC,
        };
        let told = Told::build(&record);
        let (audience, text) = case.draft;
        let findings = check(
            &DraftToCheck {
                audience,
                text,
                now: at(40),
            },
            &told,
            &record,
        );
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, case.expect, "{}: {findings:#?}", case.name);
        for f in &findings {
            let units: Vec<u16> = text.encode_utf16().collect();
            assert_eq!(
                String::from_utf16_lossy(&units[f.start as usize..f.end as usize]),
                f.text,
                "{}",
                case.name
            );
            assert!(!f.why.is_empty() && !f.suggestion.is_empty() && !f.blocking);
        }
    }
}

#[test]
fn findings_say_who_was_told_what_and_when() {
    let incident = incident(Status::Monitoring);
    let updates = [
        update(
            1,
            Audience::Executives,
            20,
            "SEV1 Checkout errors: fix in place, monitoring.",
        ),
        update(
            2,
            Audience::Internal,
            22,
            "Holding line: a fix is in place and we are monitoring.",
        ),
    ];
    let record = Record {
        incident: &incident,
        updates: &updates,
        syncs: &[],
        timeline: &[],
        zone: chrono_tz::Europe::Berlin,
    };
    let told = Told::build(&record);
    let draft = DraftToCheck {
        audience: Audience::Customers,
        text: "We are investigating an issue.",
        now: at(30),
    };
    let findings = check(&draft, &told, &record);
    assert_eq!(findings.len(), 1);
    let why = &findings[0].why;
    assert!(why.contains("executives read “monitoring”"), "{why}");
    assert!(why.contains("internal read “monitoring”"), "{why}");
    // The times are in the lead's zone.
    assert!(
        why.contains("11:20 CET") && why.contains("11:22 CET"),
        "{why}"
    );
    assert_eq!(findings[0].text, "investigating");
}
