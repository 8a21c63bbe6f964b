//! Two Heralds share one incident through the real y-sweet server on
//! loopback: apart and together, they end with the same record.

use std::time::Duration;

use herald_team::test_server::{YSweet, wait_for};
use herald_team::{Endpoint, FieldValue, Link, LinkState, Log, Presence, SharedIncident};

const CAP: Duration = Duration::from_secs(60);

fn endpoint(server: &YSweet, token: &str) -> Endpoint {
    Endpoint {
        server: server.url(),
        server_token: Some(token.to_owned()),
        doc_id: "herald-incident-1".into(),
    }
}

fn lead(person: &str, editing: Option<&str>) -> Presence {
    Presence {
        person: person.into(),
        editing: editing.map(str::to_owned),
    }
}

fn join(server: &YSweet, peer: u32, person: &str) -> (SharedIncident, Link) {
    let incident = SharedIncident::new(peer);
    let link = Link::start(
        &incident,
        endpoint(server, &server.server_token),
        &lead(person, None),
    );
    (incident, link)
}

fn wait_online(links: &[&Link]) {
    wait_for(
        "both links online",
        CAP,
        || links.iter().all(|l| l.state() == LinkState::Online),
        || format!("{:?}", links.iter().map(|l| l.state()).collect::<Vec<_>>()),
    );
}

fn same(a: &SharedIncident, b: &SharedIncident) -> bool {
    a.entries(Log::Timeline) == b.entries(Log::Timeline)
        && a.entries(Log::Ledger) == b.entries(Log::Ledger)
        && a.draft("customers") == b.draft("customers")
        && a.field("ask-1.owner") == b.field("ask-1.owner")
}

fn both(a: &SharedIncident, b: &SharedIncident) -> String {
    format!(
        "A: {:?} {:?} {:?}\nB: {:?} {:?} {:?}",
        a.entries(Log::Timeline).keys().collect::<Vec<_>>(),
        a.draft("customers"),
        a.field("ask-1.owner"),
        b.entries(Log::Timeline).keys().collect::<Vec<_>>(),
        b.draft("customers"),
        b.field("ask-1.owner"),
    )
}

fn owner(value: &str, at_ms: i64) -> FieldValue {
    FieldValue {
        value: value.into(),
        at_ms,
        by: value.into(),
    }
}

#[test]
fn two_heralds_that_edit_while_the_server_is_down_converge_when_it_returns() {
    let mut server = YSweet::start();
    let (a, link_a) = join(&server, 1, "Ana");
    let (b, link_b) = join(&server, 2, "Bo");
    wait_online(&[&link_a, &link_b]);
    a.append(Log::Timeline, "a-1", r#"{"kind":"declared"}"#);
    a.set_draft("customers", "We are investigating errors at checkout.");
    wait_for(
        "B to see A's first edits",
        CAP,
        || same(&a, &b),
        || both(&a, &b),
    );

    server.kill();
    wait_for(
        "both links to notice the server is gone",
        CAP,
        || {
            [&link_a, &link_b]
                .iter()
                .all(|l| matches!(l.state(), LinkState::Offline(_)))
        },
        || format!("{:?} {:?}", link_a.state(), link_b.state()),
    );
    for n in 0..3 {
        a.append(Log::Timeline, &format!("a-{}", n + 2), r#"{"kind":"note"}"#);
        b.append(Log::Timeline, &format!("b-{n}"), r#"{"kind":"ic_sync"}"#);
    }
    b.append(Log::Ledger, "b-update-1", r#"{"audience":"executives"}"#);
    a.set_draft(
        "customers",
        "We are investigating errors at checkout. Next update by 21:00 UTC.",
    );
    b.set_draft(
        "customers",
        "UPDATE: We are investigating errors at checkout.",
    );
    a.set_field("ask-1.owner", &owner("Ana", 1_000));
    b.set_field("ask-1.owner", &owner("Bo", 2_000));
    assert!(!same(&a, &b), "apart, the two records differ");

    // A Herald restarted while offline carries on from what it saved.
    let saved = a.save();
    drop(link_a);
    let a = SharedIncident::load(1, &saved).expect("A's saved record loads");
    let link_a = Link::start(
        &a,
        endpoint(&server, &server.server_token),
        &lead("Ana", None),
    );

    server.resume();
    wait_online(&[&link_a, &link_b]);
    wait_for(
        "the two records to converge",
        CAP,
        || same(&a, &b),
        || both(&a, &b),
    );
    assert_eq!(a.entries(Log::Timeline).len(), 7, "{}", both(&a, &b));
    assert_eq!(b.entries(Log::Ledger).len(), 1);
    assert_eq!(
        b.draft("customers"),
        "UPDATE: We are investigating errors at checkout. Next update by 21:00 UTC."
    );
    assert_eq!(a.field("ask-1.owner"), Some(owner("Bo", 2_000)));
}

#[test]
fn a_draft_typed_into_by_two_leads_at_once_keeps_both_leads_words() {
    let server = YSweet::start();
    let (a, link_a) = join(&server, 1, "Ana");
    let (b, link_b) = join(&server, 2, "Bo");
    wait_online(&[&link_a, &link_b]);
    let start = "Checkout is failing for some customers.";
    a.set_draft("customers", start);
    wait_for(
        "B to see the draft",
        CAP,
        || b.draft("customers") == start,
        || both(&a, &b),
    );

    // Each lead types a keystroke at a time, at the same moment, A at the
    // end and B at the start, each saving the whole draft it saw, as the
    // app does.
    let tail = " Next update by 21:00 UTC.";
    let head = "UPDATE: ";
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for n in 1..=tail.len() {
                let now = a.draft("customers");
                let cut = now.find(start).expect("A's text") + start.len();
                // Only A writes after the opening sentence.
                a.revise_draft("customers", &now, &format!("{}{}", &now[..cut], &tail[..n]));
                std::thread::sleep(Duration::from_millis(3));
            }
        });
        scope.spawn(|| {
            for n in 1..=head.len() {
                let now = b.draft("customers");
                let at = now.find(start).expect("B's text");
                let typed = format!("{}{}", &head[..n], &now[at..]);
                b.revise_draft("customers", &now, &typed);
                std::thread::sleep(Duration::from_millis(3));
            }
        });
    });
    let want = format!("{head}{start}{tail}");
    wait_for(
        "both drafts to hold both leads' words",
        CAP,
        || a.draft("customers") == want && b.draft("customers") == want,
        || both(&a, &b),
    );
}

#[test]
fn each_herald_sees_who_else_is_in_the_incident_and_which_draft() {
    let server = YSweet::start();
    let (_a, link_a) = join(&server, 1, "Ana");
    let (_b, link_b) = join(&server, 2, "Bo");
    wait_online(&[&link_a, &link_b]);
    wait_for(
        "B to see Ana",
        CAP,
        || link_b.peers() == [lead("Ana", None)],
        || format!("{:?}", link_b.peers()),
    );
    link_a.set_presence(&lead("Ana", Some("customers")));
    wait_for(
        "B to see Ana in the customers draft",
        CAP,
        || link_b.peers() == [lead("Ana", Some("customers"))],
        || format!("{:?}", link_b.peers()),
    );
    assert_eq!(link_a.peers(), [lead("Bo", None)]);
}

#[test]
fn a_wrong_team_token_is_refused_in_words_that_do_not_repeat_it() {
    let server = YSweet::start();
    let incident = SharedIncident::new(1);
    let wrong = "AAAgWRONGtokenWRONGtokenWRONGtokenWRONGtoken";
    let link = Link::start(&incident, endpoint(&server, wrong), &lead("Ana", None));
    wait_for(
        "the link to say the token was refused",
        CAP,
        || matches!(link.state(), LinkState::Offline(ref why) if why.contains("refused")),
        || format!("{:?}", link.state()),
    );
    let LinkState::Offline(why) = link.state() else {
        unreachable!()
    };
    assert!(!why.contains(wrong), "{why}");
    assert!(why.contains("token"), "{why}");
}
