//! The handoff block: property tests (export then import gives back the same
//! package, for generated incidents; arbitrary and damaged pastes never panic
//! and get a specific error) and golden tests of the three text formats.

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Tz;
use herald_core::cadence::Deadline;
use herald_core::handoff::{
    self, Ask, AskState, AudienceState, Constraint, DraftSnapshot, HandoffError, HandoffFacts,
    HandoffFormat, HandoffPackage, Receipt, Undelivered,
};
use herald_core::relay::ChannelKind;
use herald_core::{
    Audience, EventKind, IcSync, Incident, Severity, Status, SyncFacts, TemplateKind,
    TimelineEvent, Update,
};
use proptest::prelude::*;

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 13, 0, 0).unwrap() + Duration::minutes(minute)
}

fn incident(
    id: &str,
    title: &str,
    external_id: &str,
    severity: Severity,
    status: Status,
) -> Incident {
    Incident {
        id: id.into(),
        external_id: external_id.into(),
        link: if external_id.is_empty() {
            String::new()
        } else {
            format!("https://incidents.example.com/{external_id}")
        },
        title: title.into(),
        severity,
        status,
        customer_visible: true,
        commander: "Ana Lima".into(),
        comms_lead: "Bo Chen".into(),
        comms_lead_activated: true,
        started_at: at(0),
        resolved_at: None,
    }
}

fn update(incident_id: &str, n: i64, audience: Audience, body: &str, posted_to: &str) -> Update {
    Update {
        id: format!("u{n}"),
        incident_id: incident_id.into(),
        audience,
        body: body.into(),
        posted_to: posted_to.into(),
        posted_at: at(n),
        source: "published".into(),
        author: "Bo Chen".into(),
    }
}

fn package(inc: Incident, texts: &[String], updates: Vec<Update>) -> HandoffPackage {
    let id = inc.id.clone();
    let constraints = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Constraint {
            id: format!("c{i}"),
            incident_id: id.clone(),
            text: t.clone(),
            created_at: at(i as i64),
            updated_at: at(i as i64),
            closed_at: None,
        })
        .collect();
    let asks = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Ask {
            id: format!("a{i}"),
            incident_id: id.clone(),
            text: t.clone(),
            owner: t.chars().rev().collect(),
            state: AskState::Open,
            created_at: at(i as i64),
            updated_at: at(i as i64 + 1),
        })
        .collect();
    let timeline = vec![TimelineEvent::new(
        "e1".into(),
        id.clone(),
        at(0),
        EventKind::Declared {
            title: inc.title.clone(),
            severity: inc.severity,
            status: inc.status,
            customer_visible: true,
        },
    )];
    // A receipt for the newest update, as a Statuspage delivery records it.
    let receipts = updates
        .first()
        .map(|u| Receipt {
            update_id: u.id.clone(),
            channel: texts.first().cloned().unwrap_or_default(),
            kind: ChannelKind::Statuspage,
            state: "delivered".into(),
            delivered_at: Some(at(43)),
            remote_id: "p31zjtct2jer".into(),
            remote_link: "https://stspg.io/x".into(),
            statuspage_page_id: "abc123".into(),
        })
        .into_iter()
        .collect();
    HandoffPackage {
        obligations: Vec::new(),
        receipts,
        exported_at: at(45),
        from_lead: "Bo Chen".into(),
        to_lead: texts.first().cloned().unwrap_or_default(),
        drafts: vec![DraftSnapshot {
            audience: Audience::Customers,
            body: texts.concat(),
            template_kind: TemplateKind::Holding,
            updated_at: at(44),
        }],
        deadlines: vec![Deadline {
            audience: Audience::Customers,
            due_at: at(55),
            cadence_minutes: 15,
            relaxed: false,
            snoozed: false,
        }],
        sync: Some(IcSync {
            id: "s1".into(),
            incident_id: inc.id.clone(),
            at: at(40),
            facts: SyncFacts {
                affected: texts.last().cloned().unwrap_or_default(),
                ..SyncFacts::default()
            },
        }),
        incident: inc,
        constraints,
        asks,
        updates,
        timeline,
    }
}

fn severity() -> impl Strategy<Value = Severity> {
    prop::sample::select(Severity::ALL.to_vec())
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn export_then_import_gives_back_the_same_incident(
        title in "\\PC{1,60}",
        external_id in "[A-Z]{0,4}-?[0-9]{0,5}",
        texts in prop::collection::vec("\\PC{0,80}", 0..5),
        bodies in prop::collection::vec("(\\PC|\n){0,300}", 0..4),
        severity in severity(),
        status in status(),
    ) {
        let inc = incident("0193f0a0-0000-7000-8000-000000000001", &title, &external_id, severity, status);
        let updates = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| update(&inc.id, i as i64, Audience::ALL[i % 4], b, "status page"))
            .collect();
        let original = package(inc, &texts, updates);
        let block = handoff::encode(&original);
        // Pasted with the text around it, as a lead would.
        let paste = format!("Here you go:\n\n{block}\n\nthanks!");
        prop_assert_eq!(handoff::decode(&paste), Ok(original));
    }

    #[test]
    fn any_paste_gets_a_package_or_a_clear_error_never_a_panic(paste in "(\\PC|\n){0,2000}") {
        let _ = handoff::decode(&paste);
        let fenced = format!("```herald-handoff v1\n{paste}\n```");
        prop_assert!(handoff::decode(&fenced).is_err());
    }

    #[test]
    fn a_damaged_block_is_refused(cut in 0usize..4000, flip in 0usize..4000) {
        let inc = incident("i", "Checkout", "INC-1", Severity::Sev1, Status::Identified);
        let original = package(inc.clone(), &["no RCA speculation".to_owned()], vec![update("i", 1, Audience::Customers, "Some customers see errors.", "")]);
        let block = handoff::encode(&original);
        let cut = cut % block.len();
        prop_assert!(handoff::decode(&block[..cut]).is_err());
        // Change one character of the base64 body: refused by the checksum,
        // unless the change fell in the compressed stream's unused padding
        // bits and the contents are exactly the original; never anything else.
        let body_start = block.find('\n').unwrap() + 1;
        let body_start = body_start + block[body_start..].find('\n').unwrap() + 1;
        let at = body_start + flip % (block.len() - 3 - body_start);
        let byte = block.as_bytes()[at];
        if byte.is_ascii_alphanumeric() {
            let replacement = if byte == b'A' { "B" } else { "A" };
            let damaged = format!("{}{}{}", &block[..at], replacement, &block[at + 1..]);
            match handoff::decode(&damaged) {
                Err(_) => {}
                Ok(read) => prop_assert_eq!(read, original),
            }
        }
    }
}

#[test]
fn each_bad_paste_gets_its_own_error() {
    let inc = incident("i", "Checkout", "INC-1", Severity::Sev1, Status::Identified);
    let block = handoff::encode(&package(inc, &[], vec![]));
    let cases: Vec<(String, HandoffError)> = vec![
        ("just some notes".into(), HandoffError::NotAHandoff),
        (
            block.replace("herald-handoff v2", "herald-handoff v3"),
            HandoffError::WrongVersion { found: "3".into() },
        ),
        (
            block.trim_end_matches('`').to_owned(),
            HandoffError::Truncated,
        ),
        (
            block.replacen("sha256 ", "sha256 0", 1),
            HandoffError::Corrupt("the checksum line is missing".into()),
        ),
        (
            "x".repeat(1_000_001),
            HandoffError::TooLarge { bytes: 1_000_001 },
        ),
    ];
    for (paste, expected) in cases {
        assert_eq!(handoff::decode(&paste), Err(expected));
    }
    let lines: Vec<&str> = block.lines().collect();
    let mut swapped = lines.clone();
    swapped.swap(2, 3);
    assert_eq!(
        handoff::decode(&swapped.join("\n")),
        Err(HandoffError::ChecksumFailed)
    );
    assert!(
        HandoffError::ChecksumFailed
            .to_string()
            .contains("Copy it again")
    );
}

/// Compares with `tests/golden/<name>`; `UPDATE_GOLDEN=1` writes the file instead.
fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; write it with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from the golden file:\n{actual}"
    );
}

fn states(
    deadline: Option<DateTime<Utc>>,
    last: Option<DateTime<Utc>>,
    posted: &[&str],
) -> Vec<AudienceState> {
    Audience::ALL
        .into_iter()
        .map(|audience| AudienceState {
            audience,
            last_update: if audience == Audience::Customers {
                last
            } else {
                None
            },
            next_due: if audience == Audience::IncidentChannel {
                None
            } else {
                deadline
            },
            cadence_minutes: if audience == Audience::IncidentChannel {
                None
            } else {
                Some(30)
            },
            posted_to: if audience == Audience::Customers {
                posted.iter().map(|s| (*s).to_owned()).collect()
            } else {
                vec![]
            },
        })
        .collect()
}

#[test]
fn the_three_formats_match_their_golden_text() {
    let inc = incident(
        "i",
        "Checkout errors",
        "INC-4821",
        Severity::Sev1,
        Status::Identified,
    );
    let public = update(
        "i",
        40,
        Audience::Customers,
        "Some customers may see errors at checkout.\n\nNext update by 14:10 UTC",
        "status page",
    );
    let constraint = Constraint {
        id: "c".into(),
        incident_id: "i".into(),
        text: "No RCA speculation; legal reviewing customer-data wording".into(),
        created_at: at(5),
        updated_at: at(5),
        closed_at: None,
    };
    let ask = Ask {
        id: "a".into(),
        incident_id: "i".into(),
        text: "Support needs an approved holding line".into(),
        owner: "Dana".into(),
        state: AskState::Open,
        created_at: at(6),
        updated_at: at(6),
    };
    let facts = HandoffFacts {
        undelivered: Vec::new(),
        promises: Vec::new(),
        obligations: Vec::new(),
        incident: &inc,
        public_message: Some(&public),
        audiences: states(Some(at(70)), Some(at(40)), &["status page"]),
        constraints: vec![&constraint],
        asks: vec![&ask],
        from_lead: "Bo Chen",
        to_lead: "Chloe",
        at: at(65),
        zone: "Europe/Berlin".parse::<Tz>().unwrap(),
        heads_up_minutes: 5,
    };
    for format in HandoffFormat::ALL {
        golden(
            &format!("handoff-{}.txt", format.as_str()),
            &handoff::render(&facts, format),
        );
    }
}

#[test]
fn an_incident_with_no_updates_says_so_and_unicode_survives_everywhere() {
    let inc = incident(
        "i",
        "Paiements refusés 💳 — שלום",
        "",
        Severity::Sev2,
        Status::Investigating,
    );
    let constraint = Constraint {
        id: "c".into(),
        incident_id: "i".into(),
        text: "Pas de spéculation 🙅 مرحبا".into(),
        created_at: at(5),
        updated_at: at(5),
        closed_at: None,
    };
    let facts = HandoffFacts {
        undelivered: Vec::new(),
        promises: Vec::new(),
        obligations: Vec::new(),
        incident: &inc,
        public_message: None,
        audiences: states(None, None, &[]),
        constraints: vec![&constraint],
        asks: vec![],
        from_lead: "Zoë",
        to_lead: "",
        at: at(20),
        zone: Tz::UTC,
        heads_up_minutes: 5,
    };
    golden(
        "handoff-empty-unicode.txt",
        &handoff::render(&facts, HandoffFormat::Markdown),
    );
}

#[test]
fn the_handoff_opens_with_what_is_late_or_due_soon() {
    let inc = incident(
        "i",
        "Login failures",
        "INC-9",
        Severity::Sev1,
        Status::Investigating,
    );
    let mut audiences = states(Some(at(100)), None, &[]);
    audiences[0].next_due = Some(at(60)); // customers: a minute late
    audiences[1].next_due = Some(at(63)); // executives: due in 2 min
    let stuck = |channel: &str, minute, state: &str| Undelivered {
        audience: Audience::Customers,
        posted_at: at(minute),
        channel: channel.into(),
        state: state.into(),
    };
    let promised = |kind, due, said: &str| herald_core::Promise {
        id: said.into(),
        incident_id: "i".into(),
        update_id: "u".into(),
        audience: Audience::Customers,
        kind,
        said: said.into(),
        due_at: Some(at(due)),
        made_at: at(40),
    };
    let sooner = promised(
        herald_core::PromiseKind::NextUpdate,
        64,
        "We will post again within 24 minutes.",
    );
    let eta = promised(
        herald_core::PromiseKind::Eta,
        120,
        "A fix should be live by 15:00 UTC.",
    );
    let facts = HandoffFacts {
        promises: vec![&sooner, &eta],
        obligations: Vec::new(),
        undelivered: vec![
            stuck("Status page", 50, "needs_decision"),
            stuck("Support Slack", 55, "failed"),
            stuck("Exec mail", 58, "retrying"),
        ],
        incident: &inc,
        public_message: None,
        audiences,
        constraints: vec![],
        asks: vec![],
        from_lead: "Bo Chen",
        to_lead: "Chloe",
        at: at(61),
        zone: Tz::UTC,
        heads_up_minutes: 5,
    };
    let text = handoff::render(&facts, HandoffFormat::Plain);
    let top: Vec<&str> = text.lines().skip(3).take(7).collect();
    assert_eq!(
        top,
        [
            "Needs attention now:",
            "- Customers update 1 min late, was due at 14:00 UTC",
            "- Executives update due in 2 min, at 14:03 UTC",
            "- Update promised to customers by 14:04 UTC, in 3 min (“We will post again within 24 minutes”)",
            "- Customers update of 13:50 UTC to Status page may or may not have gone out; check the channel before sending again",
            "- Customers update of 13:55 UTC to Support Slack failed; send it again or post it by hand",
            "- Customers update of 13:58 UTC to Exec mail is still being sent from Bo Chen's Herald; keep it running until it lands",
        ],
        "{text}"
    );
    assert!(!text.contains("Internal update"), "{text}");
    // Every open promise is listed further down, the distant ETA too.
    assert!(
        text.contains(
            "Promises still open:\n  - Update promised to customers by 14:04 UTC, in 3 min"
        ) && text.contains(
            "  - ETA given to customers: 15:00 UTC, in 59 min (“A fix should be live by 15:00 UTC”)"
        ),
        "{text}"
    );
}

/// A version 1 block, as Herald wrote it before blocks were compressed.
fn version_one_block(package: &HandoffPackage) -> String {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let json = serde_json::to_vec(package).unwrap();
    let sum: String = Sha256::digest(&json)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let text = base64::engine::general_purpose::STANDARD.encode(&json);
    let lines: Vec<&str> = text
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "```herald-handoff v1\nsha256 {sum}\n{}\n```",
        lines.join("\n")
    )
}

#[test]
fn blocks_are_compressed_and_older_uncompressed_blocks_still_read() {
    let inc = incident("i", "Checkout", "INC-1", Severity::Sev1, Status::Identified);
    let texts: Vec<String> = (0..20)
        .map(|n| format!("Constraint {n}: no RCA speculation"))
        .collect();
    let updates = (0..20)
        .map(|n| {
            update(
                "i",
                n,
                Audience::ALL[n as usize % 4],
                "Some customers see errors at checkout. We are investigating.",
                "status page",
            )
        })
        .collect();
    let original = package(inc, &texts, updates);
    let old = version_one_block(&original);
    let new = handoff::encode(&original);
    assert!(new.starts_with("```herald-handoff v2\n"), "{new}");
    assert!(
        new.len() * 3 < old.len(),
        "compressed {} vs {} characters",
        new.len(),
        old.len()
    );
    assert_eq!(handoff::decode(&old), Ok(original.clone()));
    assert_eq!(handoff::decode(&new), Ok(original));
}
