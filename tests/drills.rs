//! End-to-end: a shipped drill run at 10× in the real window to its score
//! card. The lead's real channel is a loopback receiver set up in Settings;
//! the drill publishes through its own outbox to the sandbox only, so the
//! receiver hears nothing. The window, the title bar and every desktop
//! notification say DRILL, and the drill never shows on the real board.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::time::Duration;

use fantoccini::key::Key;
use herald_e2e::{App, NotificationServer, Profile, add_channel, wait_for_window};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn field(test_id: &str) -> String {
    format!("[data-testid=\"{test_id}\"]")
}

async fn keys(app: &App, modifiers: &[Key], key: &str) {
    let mut text: String = modifiers.iter().map(|m| char::from(*m)).collect();
    text.push_str(key);
    text.push(char::from(Key::Null));
    app.find("body").await.send_keys(&text).await.unwrap();
}

/// Opens Drills from the keyboard and starts the warm-up for Bo Chen, at
/// `speed` or the default 10×.
async fn start_warm_up(app: &App, speed: Option<&str>) {
    keys(app, &[Key::Control, Key::Shift], "d").await;
    app.wait_for_text("#drills-heading", "Drills").await;
    app.find("input[name=\"scenario\"][value=\"warm-up\"]")
        .await
        .click()
        .await
        .unwrap();
    app.replace_text(&field("drill-person"), "Bo Chen").await;
    if let Some(speed) = speed {
        app.click(&format!(
            "{} option[value=\"{speed}\"]",
            field("drill-speed")
        ))
        .await;
    }
    keys(app, &[Key::Control], &char::from(Key::Enter).to_string()).await;
}

#[tokio::test]
async fn a_short_shipped_drill_runs_at_ten_times_to_its_score_card_with_nothing_sent_but_to_the_sandbox()
 {
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;
    let notifications = NotificationServer::start().await;
    let profile = Profile::new();
    let app = App::launch(&profile).await;

    // The lead's real executive channel: a Teams-shaped webhook here.
    app.click("nav button:nth-child(2)").await;
    add_channel(&app, "teams", "Exec Teams", "executives").await;
    app.replace_text(
        &field("channel-secret-url"),
        &format!("{}/hook", receiver.uri()),
    )
    .await;
    app.click(&field("channel-save")).await;
    app.shows("secret-hint", "••••").await;

    // Drills, from the keyboard: the warm-up is first; 10× is the default.
    start_warm_up(&app, None).await;

    // The drill incident opens in the cockpit, marked everywhere.
    app.wait_for_text("#incident-title", "DRILL · Slow page loads")
        .await;
    app.shows("drill-banner", "DRILL").await;
    // The title bar says it too (the X window's name, as a person sees it).
    wait_for_window("\"DRILL · ", true, Duration::from_secs(15)).await;

    // The CEO's ping arrives 30 drill-seconds in; the lead answers it.
    app.holds("drill-latest", "CEO asks").await;
    app.click(&field("tab-executives")).await;
    app.replace_text(
        "#draft-executives",
        "Dashboard pages are slow to load for all customers. We are investigating and will update you in 15 minutes.",
    )
    .await;
    app.shows("no-findings", "No guardrail findings").await;
    if app
        .client
        .find(fantoccini::Locator::Css("[data-testid=\"reviewed\"]"))
        .await
        .is_ok()
    {
        app.click(&field("reviewed")).await;
    }
    app.click(&field("publish")).await;
    app.shows("publish-notice", "Published to executives").await;
    // Delivered to the sandbox copy of the channel, after the injected 429
    // if it came first.
    app.pane("sent").await;
    app.shows("delivery", "Exec Teams (sandbox)").await;
    app.screenshot("drill-running").await;

    // The board lists the drill, marked, with its next deadline counting down.
    app.click("nav button:nth-child(1)").await;
    let row = app.shows("board-open", "DRILL · Slow page loads").await;
    println!("board during the drill: {row}");

    // The drill ends by itself after five drill minutes (30 s at 10×), and
    // the score card shows on the drills page.
    let card = fantoccini::Locator::Css(&field("score-card"));
    let ended = "the drill to end and show its score card";
    let card = app
        .wait_for(ended, Duration::from_secs(120), async || {
            if let Ok(card) = app.client.find(card).await {
                return Ok(card.text().await.unwrap());
            }
            // The banner goes as the drill ends, a moment before the score
            // card shows: look without waiting, or the card is missed.
            match app
                .client
                .find(fantoccini::Locator::Css(&field("drill-time")))
                .await
            {
                Ok(clock) => Err(format!("running, its clock at {:?}", clock.text().await)),
                Err(_) => Err("ended, its score card not yet shown".to_owned()),
            }
        })
        .await;
    assert!(
        card.contains("Pings answered with an executive update within 15 min✓ 1 of 1"),
        "{card}"
    );
    assert!(
        card.contains("Pushes for an early all-clear withstood✓ 1 of 1"),
        "{card}"
    );
    app.shows("practice-log", "Bo Chen").await;
    app.screenshot("drill-score").await;
    assert!(
        app.client
            .find(fantoccini::Locator::Css(&field("drill-banner")))
            .await
            .is_err(),
        "the banner goes when the drill ends"
    );

    // Nothing reached the real channel, and the real board has no incident.
    assert!(
        receiver.received_requests().await.unwrap().is_empty(),
        "a drill reached a real channel"
    );
    app.click("nav button:nth-child(1)").await;
    app.find(&field("board-empty")).await;

    // Every notification the drill raised says DRILL.
    let calls = notifications.calls().await;
    assert!(
        calls.contains("DRILL: Slow page loads on the dashboard"),
        "{calls}"
    );

    // One action deletes the drill's data; the practice log stays.
    keys(&app, &[Key::Control, Key::Shift], "d").await;
    app.click(&field("delete-drill-data")).await;
    app.wait_for_text("[role=\"status\"]", "Drill data deleted")
        .await;
    app.quit().await;
    assert!(!profile.data_dir().join("drill.sqlite").exists());
}

/// Every change to a drill's incident reaches the drill's own desk: closing
/// a constraint and recording an obligation clock as sent once went to the
/// lead's real database, which has no such incident, and failed.
#[tokio::test]
async fn constraints_and_obligation_clocks_change_inside_a_drill() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    // At real speed the drill's five minutes outlast the steps below.
    start_warm_up(&app, Some("real")).await;
    app.wait_for_text("#incident-title", "DRILL · Slow page loads")
        .await;

    app.pane("notes").await;
    app.replace_text(
        "input[name=\"constraint\"]",
        "Legal reviews customer wording",
    )
    .await;
    app.click(&field("add-constraint")).await;
    app.shows("constraints", "Legal reviews customer wording")
        .await;
    app.click("[data-testid=\"constraints\"] li button:last-child")
        .await;
    app.shows("constraints", "None recorded").await;
    app.timeline("Constraint closed: Legal reviews customer wording")
        .await;

    app.pane("clocks").await;
    app.choose("obligation-preset", "3").await;
    app.fill("obligation-owner", "Account team").await;
    app.click(&field("add-obligation")).await;
    app.shows("obligation-0", "Customer contract").await;
    app.click(&field("obligation-sent")).await;
    // The pane never scrolls sideways: a long preset name in the select once
    // did that, and the scrollbar covered the evidence field.
    let sideways = app
        .client
        .execute(
            "const p = document.querySelector('[data-testid=obligation-note]').closest('.panel');
             return p.scrollWidth - p.clientWidth;",
            vec![],
        )
        .await
        .unwrap();
    assert!(sideways.as_i64().unwrap() <= 1, "{sideways} px sideways");
    app.replace_text(&field("obligation-note"), "Emailed the account list")
        .await;
    app.click(&field("obligation-decide")).await;
    let decision = app
        .shows("obligation-decision", "Emailed the account list")
        .await;
    assert!(decision.starts_with("Sent"), "{decision}");
    app.screenshot("drill-notes-and-clocks").await;
    app.quit().await;
}
