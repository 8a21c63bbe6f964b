//! End-to-end, through the real y-sweet server on loopback: Bo's Herald, the
//! real window, joins an incident Ana shares. First Ana's Herald is a desk
//! with its own SQLite file in this process, so the test can change and read
//! it directly; then both are real windows, each on its own data directory,
//! side by side on one display. What one changes shows in the other without
//! a reload.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::sync::Arc;
use std::time::Duration;

use herald_core::{Audience, IncidentChange, NewIncident, Severity, Status};
use herald_desk::{Desk, MemorySecrets, SystemClock};
use herald_e2e::{App, Profile, declare};
use herald_team::test_server::YSweet;
use herald_team::{Endpoint, Share};

fn field(test_id: &str) -> String {
    format!("[data-testid=\"{test_id}\"]")
}

/// Settings → Team: the server, the lead's name and the token (which goes to
/// the real keychain).
async fn set_up_team(app: &App, server: &YSweet, person: &str) {
    app.click("nav button:nth-child(2)").await;
    app.replace_text("#team-server", &server.url()).await;
    app.replace_text("#team-person", person).await;
    app.replace_text("#team-token", &server.server_token).await;
    app.click(&field("save-team")).await;
    app.wait_for_text(
        "[data-testid=\"team-settings\"] [role=\"status\"]",
        "keychain",
    )
    .await;
}

/// Joins a shared incident by its id in Settings (already open), waits for
/// it to arrive on the board by itself, and opens it.
async fn join(app: &App, incident: &str, title: &str) {
    app.replace_text("#team-join", incident).await;
    app.click(&field("join-incident")).await;
    app.wait_for_text("[data-testid=\"team-settings\"]", "Joined")
        .await;
    app.click("nav button:nth-child(1)").await;
    app.wait_for_text(&field("board-row"), title).await;
    // The board marks it shared; "offline" would mean no link to the server.
    app.wait_for_text(&field("row-team"), "Shared").await;
    app.click(&field("board-row")).await;
    app.wait_for_text("#incident-title", title).await;
}

const FIRST: &str = "We are investigating errors at checkout.";
const SECOND: &str = "We are investigating errors at checkout. Next update by 21:00 UTC.";

#[tokio::test]
async fn a_teammates_changes_show_in_the_window_without_a_reload() {
    let server = YSweet::start();
    // Ana's Herald shares the incident.
    let ana_dir = tempfile::tempdir().unwrap();
    let ana =
        Arc::new(Desk::open(&ana_dir.path().join("herald.sqlite"), Arc::new(SystemClock)).unwrap());
    ana.set_secrets(Arc::new(MemorySecrets::default()));
    let incident = ana
        .declare_incident(NewIncident {
            external_id: "INC-77".into(),
            link: "https://incidents.example.com/INC-77".into(),
            title: "Checkout errors".into(),
            severity: Severity::Sev2,
            status: Status::Investigating,
            customer_visible: true,
            commander: "Ines".into(),
            comms_lead: "Ana".into(),
        })
        .unwrap()
        .incident
        .id;
    ana.save_draft(&incident, Audience::Customers, FIRST.into())
        .unwrap();
    let endpoint = Endpoint {
        server: server.url(),
        server_token: Some(server.server_token.clone()),
        doc_id: format!("herald-{incident}"),
    };
    let ana_share = Share::start(
        ana.clone(),
        &incident,
        endpoint,
        "Ana",
        &ana_dir.path().join("team"),
        Arc::new(|| {}),
    )
    .unwrap();

    // Bo sets up team sync in Settings (the token goes to the real keychain)
    // and joins by the id Ana's Herald shows.
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    set_up_team(&app, &server, "Bo").await;
    join(&app, &incident, "Checkout errors").await;
    app.wait_for_value("#draft-customers", FIRST).await;
    app.wait_for_text(&field("team-state"), "Connected").await;
    app.wait_for_text(&field("team-peers"), "Ana").await;

    // Ana raises the severity and adds to the draft: Bo's window shows both,
    // with no reload and nothing pressed.
    ana.change_incident(&incident, IncidentChange::Severity(Severity::Sev1))
        .unwrap();
    ana.save_draft(&incident, Audience::Customers, SECOND.into())
        .unwrap();
    app.wait_for_value("#incident-severity", "SEV1").await;
    app.wait_for_value("#draft-customers", SECOND).await;
    app.screenshot("team-joined").await;

    // What Bo types reaches Ana's Herald.
    let typed = format!("{SECOND} Refunds are not affected.");
    app.replace_text("#draft-customers", &typed).await;
    let arrived = "Bo's words to reach Ana's Herald";
    app.wait_for(arrived, Duration::from_secs(60), async || {
        let drafts = ana.incident(&incident).unwrap().drafts;
        let customers = drafts
            .into_iter()
            .find(|d| d.audience == Audience::Customers);
        let body = customers.unwrap().body;
        if body == typed {
            Ok(())
        } else {
            Err(format!("holding {body:?}"))
        }
    })
    .await;

    // Ana takes Bo out of the incident: Bo's window says so and who did it,
    // and Bo keeps the incident as it was.
    ana_share.remove("Bo").unwrap();
    app.wait_for_text(&field("team-state"), "Ana removed you")
        .await;
    app.wait_for_value("#draft-customers", &typed).await;
    app.quit().await;
}

#[tokio::test]
async fn two_windows_share_one_incident_and_each_shows_the_others_changes() {
    let server = YSweet::start();
    // Ana declares in her window and shares with one key.
    let (ana_profile, bo_profile) = (Profile::new(), Profile::new());
    let ana = App::launch(&ana_profile).await;
    set_up_team(&ana, &server, "Ana").await;
    ana.click("nav button:nth-child(1)").await;
    declare(&ana, "Search is slow", "INC-88", "SEV2").await;
    ana.click(&field("share-incident")).await;
    ana.wait_for_text(&field("team-state"), "Connected").await;
    let incident = ana.find(&field("team-id")).await.text().await.unwrap();

    // Bo, in a second window on another data directory, joins by that id.
    let bo = App::launch(&bo_profile).await;
    set_up_team(&bo, &server, "Bo").await;
    join(&bo, &incident, "Search is slow").await;
    ana.wait_for_text(&field("team-peers"), "Bo").await;
    bo.wait_for_text(&field("team-peers"), "Ana").await;

    // Ana writes the customers draft and raises the severity; Bo's window
    // shows both, with no reload and nothing pressed.
    let words = "We are investigating slow search results. Next update by 18:00 UTC.";
    ana.replace_text("#draft-customers", words).await;
    ana.choose("incident-severity", "SEV1").await;
    bo.wait_for_value("#draft-customers", words).await;
    bo.wait_for_value("#incident-severity", "SEV1").await;

    // Bo goes to the executives draft: Ana's executives tab names him, and
    // what he writes there shows in Ana's window.
    bo.click(&field("tab-executives")).await;
    ana.wait_for_text(&field("here-executives"), "Bo").await;
    let brief = "Search is slow for all customers; the cause is being worked on.";
    bo.replace_text("#draft-executives", brief).await;
    ana.click(&field("tab-executives")).await;
    ana.wait_for_value("#draft-executives", brief).await;
    bo.screenshot("team-two-windows").await;
    bo.quit().await;
    ana.quit().await;
}
