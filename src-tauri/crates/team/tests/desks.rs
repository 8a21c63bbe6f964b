//! Two Heralds, each with its own SQLite file, share one incident through the
//! real y-sweet server on loopback: what each does while the server is down
//! converges when it returns, and a publish is delivered once, by the Herald
//! that made it, while the other shows where it went.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use herald_core::handoff::HandoffFormat;
use herald_core::handoff::notes::NoteInput;
use herald_core::relay::{Channel, ChannelKind, ChannelOptions, ChannelSecret};
use herald_core::{Audience, IncidentChange, NewIncident, Severity, SnoozeRequest, Status};
use herald_desk::{
    ChannelInput, Desk, DraftView, MemorySecrets, Next, PublishRequest, SystemClock,
};
use herald_relay::Wire;
use herald_team::test_server::{YSweet, wait_for};
use herald_team::{Endpoint, LinkState, Share};

const CAP: Duration = Duration::from_secs(60);

struct Herald {
    desk: Arc<Desk>,
    dir: tempfile::TempDir,
}

fn herald() -> Herald {
    let dir = tempfile::tempdir().expect("a data directory");
    let desk = Desk::open(&dir.path().join("herald.sqlite"), Arc::new(SystemClock)).expect("opens");
    desk.set_secrets(Arc::new(MemorySecrets::default()));
    Herald {
        desk: Arc::new(desk),
        dir,
    }
}

impl Herald {
    fn share(&self, server: &YSweet, incident: &str, person: &str) -> Share {
        let endpoint = Endpoint {
            server: server.url(),
            server_token: Some(server.server_token.clone()),
            doc_id: format!("herald-{incident}"),
        };
        Share::start(
            self.desk.clone(),
            incident,
            endpoint,
            person,
            &self.dir.path().join("team"),
            Arc::new(|| {}),
        )
        .expect("shares")
    }

    fn declare(&self) -> String {
        self.desk
            .declare_incident(NewIncident {
                external_id: "INC-42".into(),
                link: "https://incidents.example.com/INC-42".into(),
                title: "Checkout errors".into(),
                severity: Severity::Sev2,
                status: Status::Investigating,
                customer_visible: true,
                commander: "Ines".into(),
                comms_lead: "Ana".into(),
            })
            .expect("declared")
            .incident
            .id
    }

    /// What both Heralds must agree on, as text to compare and to show.
    fn state(&self, incident: &str) -> String {
        let Ok(view) = self.desk.incident(incident) else {
            return "no incident".into();
        };
        let mut events: Vec<_> = view.timeline.iter().map(|e| e.id.clone()).collect();
        events.sort();
        let mut asks: Vec<_> = view.asks.iter().map(|a| a.text.clone()).collect();
        asks.sort();
        let mut constraints: Vec<_> = view.constraints.iter().map(|c| c.text.clone()).collect();
        constraints.sort();
        let drafts: Vec<_> = view
            .drafts
            .iter()
            .map(|d| {
                let review = if d.reviewed { " (reviewed)" } else { "" };
                format!("{}={:?}{review}", d.audience.as_str(), d.body)
            })
            .collect();
        let deadlines: Vec<_> = view
            .deadlines
            .iter()
            .map(|d| format!("{}@{}", d.audience.as_str(), d.due_at))
            .collect();
        format!(
            "{} {}\nevents {events:?}\nasks {asks:?}\nconstraints {constraints:?}\ndrafts {drafts:?}\ndeadlines {deadlines:?}\nupdates {}",
            view.incident.severity.as_str(),
            view.incident.status.as_str(),
            view.updates.len()
        )
    }

    fn draft_view(&self, incident: &str, audience: Audience) -> Option<DraftView> {
        self.desk
            .incident(incident)
            .ok()
            .and_then(|v| v.drafts.into_iter().find(|d| d.audience == audience))
    }

    fn draft(&self, incident: &str, audience: Audience) -> String {
        self.draft_view(incident, audience)
            .map(|d| d.body)
            .unwrap_or_default()
    }
}

fn online(shares: &[&Share]) {
    wait_for(
        "the shares to be online",
        CAP,
        || shares.iter().all(|s| s.state() == LinkState::Online),
        || format!("{:?}", shares.iter().map(|s| s.state()).collect::<Vec<_>>()),
    );
}

fn converged(a: &Herald, b: &Herald, incident: &str) {
    wait_for(
        "the two Heralds to agree",
        CAP,
        || a.state(incident) == b.state(incident),
        || format!("A:\n{}\nB:\n{}", a.state(incident), b.state(incident)),
    );
}

#[test]
fn two_heralds_that_work_apart_while_the_server_is_down_agree_when_it_returns() {
    let mut server = YSweet::start();
    let (a, b) = (herald(), herald());
    let incident = a.declare();
    a.desk
        .save_draft(
            &incident,
            Audience::Customers,
            "We are investigating errors at checkout.".into(),
        )
        .expect("draft");
    let share_a = a.share(&server, &incident, "Ana");
    // Bo joins by the incident's id, holding nothing yet.
    let share_b = b.share(&server, &incident, "Bo");
    online(&[&share_a, &share_b]);
    converged(&a, &b, &incident);

    server.kill();
    wait_for(
        "both to be offline",
        CAP,
        || {
            [&share_a, &share_b]
                .iter()
                .all(|s| matches!(s.state(), LinkState::Offline(_)))
        },
        || format!("{:?} {:?}", share_a.state(), share_b.state()),
    );
    // Apart: Ana raises the severity, asks for EU numbers and ends the
    // customer draft; Bo moves the status, notes legal's rule and opens the
    // same draft with a heading.
    a.desk
        .change_incident(&incident, IncidentChange::Severity(Severity::Sev1))
        .expect("severity");
    a.desk
        .add_ask(
            &incident,
            NoteInput {
                text: "EU order numbers".into(),
                owner: "Ines".into(),
            },
        )
        .expect("ask");
    a.desk
        .save_draft(
            &incident,
            Audience::Customers,
            "We are investigating errors at checkout. Next update by 21:00 UTC.".into(),
        )
        .expect("draft");
    b.desk
        .change_incident(&incident, IncidentChange::Status(Status::Identified))
        .expect("status");
    b.desk
        .add_constraint(
            &incident,
            NoteInput {
                text: "Legal: do not say breach".into(),
                owner: String::new(),
            },
        )
        .expect("constraint");
    b.desk
        .save_draft(
            &incident,
            Audience::Customers,
            "UPDATE: We are investigating errors at checkout.".into(),
        )
        .expect("draft");
    b.desk
        .snooze(
            &incident,
            SnoozeRequest {
                audience: Audience::Executives,
                minutes: 10,
                reason: "The CEO is in a board meeting".into(),
            },
        )
        .expect("snooze");
    b.desk
        .save_draft(
            &incident,
            Audience::Executives,
            "Checkout is failing for 8% of EU orders.".into(),
        )
        .expect("draft");
    assert_ne!(a.state(&incident), b.state(&incident), "apart, they differ");

    server.resume();
    online(&[&share_a, &share_b]);
    converged(&a, &b, &incident);
    let state = a.state(&incident);
    assert!(
        state.starts_with("SEV1 identified"),
        "both fields kept:\n{state}"
    );
    assert!(
        state.contains("EU order numbers") && state.contains("Legal: do not say breach"),
        "{state}"
    );
    assert_eq!(
        b.draft(&incident, Audience::Customers),
        "UPDATE: We are investigating errors at checkout. Next update by 21:00 UTC."
    );
    assert_eq!(
        a.draft(&incident, Audience::Executives),
        "Checkout is failing for 8% of EU orders."
    );
    let deadlines = a.desk.incident(&incident).expect("view").deadlines;
    assert!(!deadlines.is_empty(), "a SEV1 has deadlines: {state}");
}

/// A loopback chat webhook that answers 200 and counts what it was sent.
fn receiver() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let url = format!(
        "http://{}/services/T000/B000/XXXX",
        listener.local_addr().expect("address")
    );
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut length = 0;
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                if line == "\r\n" {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
                line.clear();
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            seen.fetch_add(1, Ordering::SeqCst);
            let _ = reader
                .get_mut()
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        }
    });
    (url, count)
}

fn chat_channel(desk: &Desk, url: &str) -> String {
    desk.save_channel(ChannelInput {
        channel: Channel {
            id: String::new(),
            name: "Incident Slack".into(),
            kind: ChannelKind::Slack,
            audiences: vec![Audience::IncidentChannel],
            enabled: true,
            disabled_reason: String::new(),
            options: ChannelOptions::default(),
        },
        secret: Some(ChannelSecret {
            url: url.into(),
            token: String::new(),
        }),
    })
    .expect("channel")
    .into_iter()
    .next()
    .expect("the channel")
    .channel
    .id
}

/// Works a channel's queue as a courier lane would; says how many requests it sent.
fn deliver_all(desk: &Desk, channel: &str) -> usize {
    let wire = Wire::with_timeouts(Duration::from_secs(2), Duration::from_secs(5));
    let mut sent = 0;
    while let Next::Send(job) = desk.next_delivery(channel).expect("next") {
        desk.deliver(&job, &wire).expect("deliver");
        sent += 1;
    }
    sent
}

#[test]
fn a_publish_is_delivered_once_by_its_herald_and_the_other_shows_where_it_went() {
    let server = YSweet::start();
    let (a, b) = (herald(), herald());
    let (url, received) = receiver();
    // Both Heralds have the same channel: if the second delivered what it
    // was shared, the receiver would count two.
    let channel_a = chat_channel(&a.desk, &url);
    let channel_b = chat_channel(&b.desk, &url);
    let incident = a.declare();
    let share_a = a.share(&server, &incident, "Ana");
    let share_b = b.share(&server, &incident, "Bo");
    online(&[&share_a, &share_b]);

    let draft = a
        .desk
        .save_draft(
            &incident,
            Audience::IncidentChannel,
            "Checkout errors: investigating.".into(),
        )
        .expect("draft");
    if draft.review_required {
        a.desk
            .review_draft(&incident, Audience::IncidentChannel, draft.revision)
            .expect("review");
    }
    let revision = a
        .draft_view(&incident, Audience::IncidentChannel)
        .expect("draft")
        .revision;
    a.desk
        .publish(
            &incident,
            PublishRequest {
                audience: Audience::IncidentChannel,
                revision,
                override_reason: None,
                components: Vec::new(),
                notify_subscribers: true,
            },
        )
        .expect("published");
    assert_eq!(deliver_all(&a.desk, &channel_a), 1);

    let delivered_on_b = || {
        b.desk.incident(&incident).is_ok_and(|v| {
            v.updates.len() == 1
                && v.deliveries
                    .iter()
                    .any(|d| d.from_handoff && d.state == "delivered")
        })
    };
    wait_for(
        "Bo's Herald to show the update delivered by Ana's",
        CAP,
        delivered_on_b,
        || {
            format!(
                "{:?}",
                b.desk
                    .incident(&incident)
                    .map(|v| (v.updates.len(), v.deliveries))
            )
        },
    );
    assert_eq!(
        deliver_all(&b.desk, &channel_b),
        0,
        "Bo's outbox has nothing to send"
    );
    assert_eq!(deliver_all(&a.desk, &channel_a), 0);
    assert_eq!(received.load(Ordering::SeqCst), 1, "delivered exactly once");
}

#[test]
fn taking_over_a_shared_incident_is_a_role_change_every_herald_sees() {
    let server = YSweet::start();
    let (a, b) = (herald(), herald());
    let incident = a.declare();
    let share_a = a.share(&server, &incident, "Ana");
    let share_b = b.share(&server, &incident, "Bo");
    online(&[&share_a, &share_b]);
    converged(&a, &b, &incident);

    // The handoff paste keeps working between teammates: Ana copies it, Bo
    // takes over, and Ana's Herald shows Bo as the comms lead.
    let handoff = a
        .desk
        .copy_handoff(&incident, HandoffFormat::Markdown, "Bo")
        .expect("handoff");
    b.desk
        .take_over(&handoff.text, "Bo", true)
        .expect("taken over");
    let lead_on_a = || {
        a.desk.incident(&incident).is_ok_and(|v| {
            v.incident.comms_lead == "Bo"
                && v.timeline
                    .iter()
                    .any(|e| e.summary.contains("took over as comms lead"))
        })
    };
    wait_for(
        "Ana's Herald to show Bo as the comms lead",
        CAP,
        lead_on_a,
        || {
            format!(
                "{:?}",
                a.desk
                    .incident(&incident)
                    .map(|v| (v.incident.comms_lead, v.timeline.len()))
            )
        },
    );
    converged(&a, &b, &incident);
}

#[test]
fn a_review_counts_on_every_herald_until_someone_changes_the_words() {
    let server = YSweet::start();
    let (a, b) = (herald(), herald());
    let incident = a.declare();
    let words = "We are investigating errors at checkout. Next update by 14:30 UTC.";
    a.desk
        .save_draft(&incident, Audience::Customers, words.into())
        .expect("draft");
    let share_a = a.share(&server, &incident, "Ana");
    let share_b = b.share(&server, &incident, "Bo");
    online(&[&share_a, &share_b]);
    converged(&a, &b, &incident);

    let reviewed = |h: &Herald| {
        h.draft_view(&incident, Audience::Customers)
            .map(|d| (d.body, d.reviewed))
    };
    // Ana reads the words and marks them reviewed; Bo's Herald holds the
    // same words, so the review counts there too.
    let revision = a
        .draft_view(&incident, Audience::Customers)
        .expect("customers draft")
        .revision;
    a.desk
        .review_draft(&incident, Audience::Customers, revision)
        .expect("reviewed");
    wait_for(
        "Bo's Herald to show the customers draft reviewed",
        CAP,
        || reviewed(&b) == Some((words.to_owned(), true)),
        || format!("{:?}", reviewed(&b)),
    );

    // Bo changes one word: the review was of the old words, so it no longer
    // counts on either Herald.
    b.desk
        .save_draft(
            &incident,
            Audience::Customers,
            words.replace("errors", "failures"),
        )
        .expect("edited");
    wait_for(
        "Ana's Herald to show Bo's words, unreviewed",
        CAP,
        || reviewed(&a) == Some((words.replace("errors", "failures"), false)),
        || format!("{:?}", reviewed(&a)),
    );
    converged(&a, &b, &incident);
    assert_eq!(reviewed(&b).map(|(_, r)| r), Some(false));
}

#[test]
fn a_removed_teammate_stops_sharing_and_keeps_only_what_it_held() {
    let server = YSweet::start();
    let (a, b) = (herald(), herald());
    let incident = a.declare();
    a.desk
        .save_draft(&incident, Audience::Customers, "Before Bo left.".into())
        .expect("draft");
    let share_a = a.share(&server, &incident, "Ana");
    let share_b = b.share(&server, &incident, "Bo");
    online(&[&share_a, &share_b]);
    converged(&a, &b, &incident);
    wait_for(
        "Ana to see Bo here",
        CAP,
        || share_a.peers().iter().any(|p| p.person == "Bo"),
        || format!("{:?}", share_a.peers()),
    );

    assert!(
        share_a.remove("Ana").is_err(),
        "a lead cannot remove themself"
    );
    share_a.remove("Bo").expect("removed");
    wait_for(
        "Bo's Herald to see it was removed",
        CAP,
        || share_b.removed_by().is_some(),
        || format!("{:?}", share_b.state()),
    );
    assert_eq!(share_b.removed_by().as_deref(), Some("Ana"));
    assert!(
        share_a.peers().iter().all(|p| p.person != "Bo"),
        "{:?}",
        share_a.peers()
    );

    // Nothing travels either way any more: Ana's next words stay on Ana's
    // Herald, and Bo's stay on Bo's.
    a.desk
        .save_draft(&incident, Audience::Customers, "After Bo left.".into())
        .expect("Ana's draft");
    b.desk
        .save_draft(&incident, Audience::Executives, "Bo, alone.".into())
        .expect("Bo's draft");
    // A third Herald joining now sees Ana's words, so they did travel to
    // the server; Bo's Herald, still running, never gets them.
    let c = herald();
    let share_c = c.share(&server, &incident, "Cy");
    online(&[&share_c]);
    wait_for(
        "Cy to receive Ana's words",
        CAP,
        || c.draft(&incident, Audience::Customers) == "After Bo left.",
        || c.state(&incident),
    );
    assert_eq!(b.draft(&incident, Audience::Customers), "Before Bo left.");
    assert_eq!(a.draft(&incident, Audience::Executives), "");
    assert_eq!(c.draft(&incident, Audience::Executives), "");

    // Bo's Herald stays out after a restart.
    drop(share_b);
    let share_b = b.share(&server, &incident, "Bo");
    assert_eq!(share_b.removed_by().as_deref(), Some("Ana"));
    // It never opened a connection, so there is nothing to wait for: its
    // state says so at once, and Ana still does not list Bo.
    assert_eq!(share_b.state(), LinkState::Offline("removed".into()));
    assert!(share_a.peers().iter().all(|p| p.person != "Bo"));
}
