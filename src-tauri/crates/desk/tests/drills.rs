//! Drills on a real SQLite file and a simulated clock: a shipped scenario
//! run by a scripted lead at 10× scores the same every time; nothing leaves
//! the sandbox, even with the lead's real channel listening on this machine;
//! the practice log keeps the card per person; the drill's data goes in one
//! action.

#![allow(clippy::unwrap_used)]

use std::io::ErrorKind;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use chrono::{Duration, TimeZone, Utc};
use herald_core::drill::{ScoreCard, shipped};
use herald_core::relay::{Channel, ChannelKind, ChannelOptions};
use herald_core::{Audience, Status};
use herald_desk::{
    Alert, Clock, Desk, Drill, ManualClock, Notifier, PublishRequest, Speed, delete_drill_data,
};

/// The wall clock the drills start from: a fixed morning, so runs repeat.
fn drill_day() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0)
            .single()
            .unwrap(),
    ))
}

/// The app's hold on a fresh data directory, as the shell has it.
fn launch() -> (tempfile::TempDir, Arc<ManualClock>, herald_desk::Launch) {
    let dir = tempfile::tempdir().unwrap();
    let real = drill_day();
    let launch = herald_desk::Launch::open(&dir.path().join("herald.sqlite"), real.clone());
    (dir, real, launch)
}

/// The card's line whose label starts with `label`.
fn line<'a>(card: &'a ScoreCard, label: &str) -> &'a herald_core::drill::ScoreLine {
    card.lines
        .iter()
        .find(|l| l.label.starts_with(label))
        .unwrap_or_else(|| panic!("no {label} line in {card:?}"))
}

#[derive(Debug, Default)]
struct Recorder(Mutex<Vec<Alert>>);

impl Notifier for Recorder {
    fn notify(&self, alert: &Alert) -> Result<(), String> {
        self.0.lock().unwrap().push(alert.clone());
        Ok(())
    }
}

/// The lead's real channels: a Slack-shaped webhook on a local listener, so
/// any request that escaped the sandbox would be seen.
fn real_channels(listener: &TcpListener) -> Vec<Channel> {
    let _ = listener; // The URL lives in the keychain, which a drill never reads.
    vec![
        Channel {
            id: "real-slack".into(),
            name: "Ops Slack".into(),
            kind: ChannelKind::Slack,
            audiences: vec![Audience::IncidentChannel, Audience::Internal],
            enabled: true,
            disabled_reason: String::new(),
            options: ChannelOptions::default(),
        },
        Channel {
            id: "real-page".into(),
            name: "Status page".into(),
            kind: ChannelKind::Statuspage,
            audiences: vec![Audience::Customers],
            enabled: true,
            disabled_reason: String::new(),
            options: ChannelOptions {
                statuspage_page_id: "realpage".into(),
                statuspage_api_base: format!("http://{}/v1", listener.local_addr().unwrap()),
                ..ChannelOptions::default()
            },
        },
    ]
}

fn publish(desk: &Desk, incident: &str, audience: Audience, text: &str) {
    let draft = desk.save_draft(incident, audience, text.into()).unwrap();
    let mut revision = draft.revision;
    if draft.review_required {
        desk.review_draft(incident, audience, revision).unwrap();
        revision = desk
            .incident(incident)
            .unwrap()
            .drafts
            .iter()
            .find(|d| d.audience == audience)
            .unwrap()
            .revision;
    }
    desk.publish(
        incident,
        PublishRequest {
            audience,
            revision,
            override_reason: None,
            components: Vec::new(),
            notify_subscribers: true,
        },
    )
    .unwrap_or_else(|e| panic!("publishing to {audience:?}: {e}"));
}

struct Run {
    card: ScoreCard,
    answers: Vec<u16>,
    alerts: Vec<Alert>,
    requests: usize,
}

/// Runs the checkout drill at 10× with a lead who answers on a fixed script,
/// stepping real time six seconds (a drill minute) at a time.
fn run_checkout(dir: &std::path::Path, listener: &TcpListener) -> Run {
    let real = drill_day();
    let scenario = shipped("checkout-sev1").unwrap().unwrap();
    let drill = Drill::start(
        dir,
        real.clone(),
        scenario,
        "Bo Chen",
        &real_channels(listener),
        Speed::Ten,
    )
    .unwrap();
    let desk = drill.desk().clone();
    let id = drill.incident_id().to_owned();
    let notifier = Recorder::default();
    let mut minute = 0;
    while !drill.finished() {
        real.advance(Duration::seconds(6));
        minute += 1;
        drill.step().unwrap();
        match minute {
            2 => {
                publish(
                    &desk,
                    &id,
                    Audience::Customers,
                    "We are investigating failed card payments at checkout. We will post another update within 30 minutes.",
                );
                publish(
                    &desk,
                    &id,
                    Audience::IncidentChannel,
                    "Checkout card payments are failing for all customers. Investigating.",
                );
                publish(
                    &desk,
                    &id,
                    Audience::Internal,
                    "Card payments at checkout are failing. Please hold customer replies to the status page.",
                );
            }
            // The CEO's ping at 6 minutes gets an executive update.
            7 => publish(
                &desk,
                &id,
                Audience::Executives,
                "Card payments at checkout are failing for all customers since the top of the hour. Engineers are on it; next update in 15 minutes.",
            ),
            14 => {
                publish(
                    &desk,
                    &id,
                    Audience::Customers,
                    "We have found the cause of the failed card payments and are rolling back a change. We will post another update within 30 minutes.",
                );
                publish(
                    &desk,
                    &id,
                    Audience::IncidentChannel,
                    "Cause found: this morning's payment change. Rolling back.",
                );
            }
            // The push for an all-clear at 20 minutes is not given in to.
            24 => {
                publish(
                    &desk,
                    &id,
                    Audience::Executives,
                    "The rollback is done and payments are succeeding. We are watching for 15 minutes before we call it resolved.",
                );
                publish(
                    &desk,
                    &id,
                    Audience::Internal,
                    "Payments are succeeding again after the rollback. We are watching before we close the incident.",
                );
            }
            _ => {}
        }
        drill.deliver().unwrap();
        desk.raise_due_alerts(&notifier).unwrap();
    }
    let view = drill.view();
    assert!(view.finished);
    assert_eq!(view.happened.len(), 7, "every scenario event happened");
    assert_eq!(
        desk.incident(&id).unwrap().incident.status,
        Status::Monitoring
    );
    let card = drill.score().unwrap();
    Run {
        card,
        answers: view.sandbox.iter().map(|r| r.answered).collect(),
        requests: view.sandbox.len(),
        alerts: notifier.0.into_inner().unwrap(),
    }
}

#[test]
fn a_shipped_drill_run_at_ten_times_scores_the_same_every_run_and_nothing_leaves_the_sandbox() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let first_dir = tempfile::tempdir().unwrap();
    let second_dir = tempfile::tempdir().unwrap();
    let first = run_checkout(first_dir.path(), &listener);
    let second = run_checkout(second_dir.path(), &listener);

    assert_eq!(first.card, second.card, "the same drill scores the same");
    let card = &first.card;
    assert_eq!(card.person, "Bo Chen");
    assert_eq!(line(card, "Pings answered").value, "1 of 1");
    assert_eq!(line(card, "Pushes for an early all-clear").value, "1 of 1");
    assert_eq!(
        line(card, "Guardrail overrides").value,
        "0 (0 findings published past)"
    );
    assert_eq!(line(card, "First update to customers").value, "after 2 min");
    assert_eq!(line(card, "Deadlines met").value, "8 met, 0 missed");
    // The executives were promised news in 15 minutes at 7 and heard at 24:
    // the card says so rather than flattering, and it costs points.
    assert_eq!(line(card, "Promises kept").value, "67% of 3 judged");
    assert_eq!(card.points, 96, "{card:?}");
    assert!(
        card.markdown()
            .contains("| Pings answered with an executive update within 15 min | ✓ 1 of 1 |")
    );

    // The injected failures were met and retried through the real outbox.
    assert!(
        first.answers.starts_with(&[200, 200, 200])
            && first.answers.contains(&429)
            && first.answers.contains(&500),
        "{:?}",
        first.answers
    );
    assert_eq!(first.requests, second.requests);
    // Every alert says it is a drill.
    assert!(!first.alerts.is_empty());
    for alert in &first.alerts {
        assert!(
            alert.text.summary.contains("DRILL") || alert.text.body.contains("DRILL"),
            "{:?}",
            alert.text
        );
    }
    // The lead's real status page API, listening here, heard nothing.
    match listener.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        other => panic!("a drill reached a real channel: {other:?}"),
    }
}

#[test]
fn a_drill_publishes_only_to_sandbox_addresses_and_its_data_goes_in_one_action() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let real = drill_day();
    let drill = Drill::start(
        dir.path(),
        real.clone(),
        shipped("escalation-sev2").unwrap().unwrap(),
        "Ana",
        &real_channels(&listener),
        Speed::Paused,
    )
    .unwrap();
    real.advance(Duration::hours(1));
    assert!(drill.step().unwrap().is_empty(), "paused: nothing happens");
    let channels = drill.desk().channels().unwrap();
    assert_eq!(channels.len(), 2);
    for view in &channels {
        assert!(
            view.channel.name.ends_with("(sandbox)"),
            "{}",
            view.channel.name
        );
        if view.channel.kind == ChannelKind::Statuspage {
            assert!(
                view.channel
                    .options
                    .statuspage_api_base
                    .starts_with("http://127.0.0.1:9/sandbox/"),
                "{:?}",
                view.channel.options
            );
        }
    }
    let incident = drill.desk().incident(drill.incident_id()).unwrap().incident;
    assert!(incident.title.starts_with("DRILL · "), "{}", incident.title);
    assert_eq!(incident.comms_lead, "Ana");

    // Nobody may be scored without a name, and nothing is created.
    let nameless = Drill::start(
        dir.path(),
        real.clone(),
        shipped("escalation-sev2").unwrap().unwrap(),
        "  ",
        &[],
        Speed::Ten,
    )
    .unwrap_err();
    assert_eq!(nameless.fields[0].field, "person");

    // A handoff copied in the drill cannot become a real incident: that
    // would put drill data one publish away from a real channel.
    let handoff = drill
        .desk()
        .copy_handoff(
            drill.incident_id(),
            herald_core::handoff::HandoffFormat::Markdown,
            "Sam",
        )
        .unwrap();
    let real_desk = Desk::open(&dir.path().join("herald.sqlite"), real.clone()).unwrap();
    let refused = real_desk
        .take_over(&handoff.text, "Sam", false)
        .unwrap_err();
    assert!(
        refused.fields[0].message.contains("from a drill"),
        "{refused:?}"
    );
    assert!(real_desk.board().unwrap().open.is_empty());
    drop(real_desk);
    for file in ["herald.sqlite", "herald.sqlite-wal", "herald.sqlite-shm"] {
        let _ = std::fs::remove_file(dir.path().join(file));
    }

    drop(drill);
    assert!(dir.path().join(herald_desk::DRILL_FILE).exists());
    delete_drill_data(dir.path()).unwrap();
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn the_practice_log_keeps_each_card_per_person_and_lists_the_longest_unpractised_first() {
    let dir = tempfile::tempdir().unwrap();
    let real = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().unwrap(),
    ));
    let desk = Desk::open(&dir.path().join("herald.sqlite"), real).unwrap();
    let card = |person: &str, day: u32, points: u32| ScoreCard {
        scenario: "SEV1: checkout is down".into(),
        person: person.into(),
        declared_at: Utc
            .with_ymd_and_hms(2026, 11, day, 9, 0, 0)
            .single()
            .unwrap(),
        ended_at: Utc
            .with_ymd_and_hms(2026, 11, day, 9, 40, 0)
            .single()
            .unwrap(),
        points,
        lines: Vec::new(),
    };
    desk.keep_score(&card("Ana", 3, 70)).unwrap();
    let bo = desk.keep_score(&card("Bo Chen", 5, 90)).unwrap();
    desk.keep_score(&card("ana ", 10, 60)).unwrap();
    let practice = desk.practice().unwrap();
    let rotation: Vec<(&str, u32, u32, u32)> = practice
        .rotation
        .iter()
        .map(|p| (p.person.as_str(), p.drills, p.last_points, p.best_points))
        .collect();
    assert_eq!(rotation, vec![("Bo Chen", 1, 90, 90), ("Ana", 2, 60, 70)]);
    assert_eq!(practice.scores.len(), 3);
    assert_eq!(practice.scores[0].card.points, 60, "newest first");
    assert!(
        desk.score_markdown(&bo)
            .unwrap()
            .contains("Bo Chen ran it on 2026-11-05 09:00 UTC. Score: **90 / 100**.")
    );
}

#[test]
fn the_tray_lists_a_running_drill_after_the_real_deadlines_and_marks_it() {
    let (_dir, real, launch) = launch();
    launch
        .desk()
        .unwrap()
        .declare_incident(herald_core::NewIncident {
            external_id: "INC-1".into(),
            link: String::new(),
            title: "Real outage".into(),
            severity: herald_core::Severity::Sev1,
            status: Status::Investigating,
            customer_visible: true,
            commander: "Ana".into(),
            comms_lead: "Bo".into(),
        })
        .unwrap();
    let drill = launch
        .start_drill(shipped("warm-up").unwrap().unwrap(), "Bo", Speed::Ten)
        .unwrap();
    let summary = launch.tray_summary().unwrap();
    assert!(summary.items.len() >= 2, "{summary:?}");
    assert!(
        summary.items[0].0 != drill.incident_id(),
        "real deadlines first"
    );
    let drilled: Vec<_> = summary
        .items
        .iter()
        .filter(|(id, _)| id == drill.incident_id())
        .collect();
    assert!(!drilled.is_empty(), "{summary:?}");
    assert!(
        drilled
            .iter()
            .all(|(_, label)| label.starts_with("DRILL · "))
    );
    assert!(
        summary.tooltip.contains("DRILL running: Warm-up"),
        "{}",
        summary.tooltip
    );
    // The drill's commands go to its own desk; the real board never sees it.
    assert_eq!(
        launch
            .desk_for(drill.incident_id())
            .unwrap()
            .incident(drill.incident_id())
            .unwrap()
            .incident
            .id,
        drill.incident_id()
    );
    assert_eq!(launch.desk().unwrap().board().unwrap().open.len(), 1);
    // The board shows it too, after the real incident, marked, its deadlines
    // on the wall clock: at 10x, due in 30 drill minutes is 3 real minutes.
    let board = launch.board().unwrap();
    assert_eq!(board.open.len(), 2);
    assert_eq!(board.open[0].title, "Real outage");
    assert!(board.open[1].title.starts_with("DRILL · "));
    let real_first = &board.deadlines[0];
    assert!(!real_first.reference.starts_with("DRILL"), "{real_first:?}");
    let drilled: Vec<_> = board
        .deadlines
        .iter()
        .filter(|d| d.incident_id == drill.incident_id())
        .collect();
    assert!(!drilled.is_empty());
    for item in &drilled {
        assert!(item.reference.starts_with("DRILL · "), "{item:?}");
    }
    let customers = drilled
        .iter()
        .find(|d| d.deadline.audience == herald_core::Audience::Customers)
        .unwrap();
    assert_eq!(
        customers.deadline.due_at,
        real.now() + Duration::minutes(3),
        "SEV2 customers every 30 drill minutes"
    );
    drill.set_speed(Speed::Paused);
    assert!(
        launch
            .board()
            .unwrap()
            .deadlines
            .iter()
            .all(|d| d.incident_id != drill.incident_id()),
        "a paused drill's countdowns are left off"
    );
    let kept = launch.end_drill().unwrap().unwrap();
    assert_eq!(kept.card.person, "Bo");
    assert_eq!(launch.desk().unwrap().practice().unwrap().scores.len(), 1);
    assert!(
        launch
            .tray_summary()
            .unwrap()
            .items
            .iter()
            .all(|(_, l)| !l.contains("DRILL"))
    );
}

#[test]
fn a_scenario_that_hands_the_role_to_the_lead_is_taken_over_inside_the_drill_and_scored() {
    let (_dir, real, launch) = launch();
    let drill = launch
        .start_drill(
            shipped("long-handoff").unwrap().unwrap(),
            "Bo Chen",
            Speed::Ten,
        )
        .unwrap();
    assert!(drill.view().handoff_to_take.is_none());
    real.advance(Duration::seconds(6));
    drill.step().unwrap();
    let paste = drill
        .view()
        .handoff_to_take
        .expect("Jordan's handoff to take over");
    let incident = drill.desk().incident(drill.incident_id()).unwrap().incident;
    assert_eq!(
        incident.comms_lead, "Jordan Blake",
        "the outgoing lead holds the role"
    );

    // Pasted into "Take over", it goes to the drill, never to the real desk.
    let taken = launch.take_over(&paste, "Bo Chen", true).unwrap();
    assert_eq!(taken.incident_id, drill.incident_id());
    assert!(launch.desk().unwrap().board().unwrap().open.is_empty());
    let incident = drill.desk().incident(drill.incident_id()).unwrap().incident;
    assert_eq!(incident.comms_lead, "Bo Chen");
    assert!(
        drill.view().handoff_to_take.is_none(),
        "nothing waits any more"
    );

    // Run to the end without giving the role on: one of two handoffs done.
    while !drill.finished() {
        real.advance(Duration::minutes(1));
        drill.step().unwrap();
    }
    let card = drill.score().unwrap();
    let handoffs = line(&card, "Handoffs completed");
    assert_eq!(
        (handoffs.value.as_str(), handoffs.good),
        ("1 of 2", Some(false))
    );
}

#[test]
fn every_channel_kind_is_copied_to_the_sandbox_and_rendered_by_its_real_adapter() {
    let dir = tempfile::tempdir().unwrap();
    let real = drill_day();
    // The lead's channels, one of each kind, all for the incident channel.
    let channels: Vec<Channel> = ChannelKind::ALL
        .iter()
        .map(|kind| Channel {
            id: format!("real-{}", kind.as_str()),
            name: format!("Real {}", kind.label()),
            kind: *kind,
            audiences: vec![Audience::IncidentChannel],
            enabled: true,
            disabled_reason: String::new(),
            options: ChannelOptions {
                statuspage_page_id: "realpage".into(),
                statuspage_api_base: "https://api.statuspage.io/v1".into(),
                smtp_host: "smtp.example.com".into(),
                smtp_port: 587,
                smtp_username: "ops".into(),
                email_from: "ops@example.com".into(),
                email_to: vec!["team@example.com".into()],
                ..ChannelOptions::default()
            },
        })
        .collect();
    let drill = Drill::start(
        dir.path(),
        real.clone(),
        shipped("warm-up").unwrap().unwrap(),
        "Ana",
        &channels,
        Speed::Ten,
    )
    .unwrap();
    let copies = drill.desk().channels().unwrap();
    assert_eq!(copies.len(), ChannelKind::ALL.len());
    for copy in &copies {
        let options = &copy.channel.options;
        assert_eq!(
            (options.smtp_host.as_str(), options.smtp_port),
            ("127.0.0.1", 9),
            "{:?}",
            copy.channel
        );
        assert!(
            options
                .statuspage_api_base
                .starts_with("http://127.0.0.1:9/")
        );
    }
    publish(
        drill.desk(),
        drill.incident_id(),
        Audience::IncidentChannel,
        "Dashboard pages are slow to load. We are investigating.",
    );
    // Long enough for the one injected 429 (at one drill minute) and its retry.
    for _ in 0..30 {
        real.advance(Duration::seconds(2));
        drill.step().unwrap();
        drill.deliver().unwrap();
    }
    let requests = drill.view().sandbox;
    let delivered: Vec<_> = requests
        .iter()
        .filter(|r| r.answered == 200 || r.answered == 250)
        .collect();
    assert_eq!(delivered.len(), ChannelKind::ALL.len(), "{requests:#?}");
    assert!(
        requests
            .iter()
            .any(|r| r.target.starts_with("MAIL to team@example.com")),
        "{requests:#?}"
    );
    for request in &delivered {
        assert!(
            request.body.contains("Dashboard pages are slow to load"),
            "{request:?}"
        );
    }
    let view = drill.desk().incident(drill.incident_id()).unwrap();
    assert!(
        view.deliveries.iter().all(|d| d.state == "delivered"),
        "{:?}",
        view.deliveries
    );
}

#[test]
fn an_update_that_uses_a_word_legal_forbade_is_counted_against_the_wording_score() {
    let dir = tempfile::tempdir().unwrap();
    let real = drill_day();
    let drill = Drill::start(
        dir.path(),
        real.clone(),
        shipped("data-exposure").unwrap().unwrap(),
        "Ana",
        &[],
        Speed::Ten,
    )
    .unwrap();
    let id = drill.incident_id().to_owned();
    let mut minute = 0;
    while !drill.finished() {
        real.advance(Duration::seconds(6));
        minute += 1;
        drill.step().unwrap();
        match minute {
            // Before legal's rule (at 3 minutes) the word is not yet forbidden.
            2 => publish(
                drill.desk(),
                &id,
                Audience::Internal,
                "Possible data leak in the billing portal; the portal is off.",
            ),
            // After it, "breached" is not the forbidden "breach", but "leak" is.
            10 => publish(
                drill.desk(),
                &id,
                Audience::Internal,
                "The portal has not been breached by an attacker; the review continues.",
            ),
            12 => publish(
                drill.desk(),
                &id,
                Audience::Executives,
                "Some invoices were visible to other customers. This is a leak we are containing.",
            ),
            _ => {}
        }
    }
    let card = drill.score().unwrap();
    let wording = line(&card, "Wording rules kept");
    assert_eq!(
        (wording.value.as_str(), wording.good),
        ("1 update used a forbidden word (leak)", Some(false))
    );
    assert!(
        card.markdown()
            .contains("| Wording rules kept | ✗ 1 update used a forbidden word (leak) |")
    );
}
