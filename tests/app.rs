//! End-to-end: the real Herald window, driven as a comms lead would use it.
//! Run serially (`--test-threads=1`): each test owns a whole WebKit window.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use herald_e2e::{
    App, NotificationServer, Profile, TrayHost, app_binary, declare, wait_for_window, wait_until,
};

/// Changes the incident's status and waits for the timeline to say so.
async fn set_status(app: &App, from: &str, to: &str) {
    app.choose("incident-status", to).await;
    app.timeline(&format!("Status {from} → {to}")).await;
}

#[tokio::test]
async fn the_lead_declares_an_incident_with_the_keyboard_shortcut() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    app.shows("board-empty", "No open incidents").await;

    // Ctrl+N from the board opens the form with the title focused.
    app.find("body")
        .await
        .send_keys(&format!("{}n{}", Key::Control, Key::Null))
        .await
        .unwrap();
    app.wait_for_text("#declare-heading", "Declare an incident")
        .await;
    app.shows("activation", "SEV2 activates the comms lead role")
        .await;
    app.screenshot("declare").await;

    app.fill("declare-title", "Checkout errors for EU customers")
        .await;
    app.fill("declare-external-id", "INC-4821").await;
    app.fill("declare-link", "https://incidents.example.com/INC-4821")
        .await;
    app.choose("declare-severity", "SEV1").await;
    app.fill("declare-commander", "Ana Lima").await;
    app.click("[data-testid=\"declare-submit\"]").await;

    app.wait_for_text("#incident-title", "Checkout errors for EU customers")
        .await;
    app.shows("comms-lead-activated", "role activated").await;
    let timeline = app.timeline("Declared SEV1").await;
    assert!(
        timeline.contains("Comms lead role activated (SEV1)"),
        "{timeline}"
    );
    app.screenshot("incident").await;

    app.click("button.back").await;
    let open = app.shows("board-open", "INC-4821").await;
    assert!(
        open.contains("SEV1") && open.contains("Investigating"),
        "{open}"
    );
    app.screenshot("board").await;
    app.quit().await;
}

#[tokio::test]
async fn a_severity_change_appears_on_the_timeline() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Slow search", "INC-7", "SEV3").await;

    app.choose("incident-severity", "SEV1").await;
    let timeline = app.timeline("Severity SEV3 → SEV1").await;
    assert!(
        timeline.contains("Comms lead role activated (SEV1)"),
        "{timeline}"
    );
    set_status(&app, "investigating", "identified").await;
    app.quit().await;
}

#[tokio::test]
async fn bad_input_gets_an_error_at_the_field_and_saves_nothing() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Login failures", "INC-1", "SEV2").await;

    app.click("[data-testid=\"declare-button\"]").await;
    app.fill("declare-link", "not a link").await;
    app.click("[data-testid=\"declare-submit\"]").await;
    app.shows("error-title", "Give the incident a title").await;
    app.shows("error-link", "not a valid web address").await;
    app.screenshot("declare-errors").await;

    app.fill("declare-title", "Login failures again").await;
    app.fill("declare-link", "").await;
    app.fill("declare-external-id", "inc-1").await;
    app.click("[data-testid=\"declare-submit\"]").await;
    app.shows("error-external_id", "already exists").await;

    app.click("nav button:first-child").await;
    let open = app.shows("board-open", "INC-1").await;
    assert!(!open.contains("again"), "nothing was saved: {open}");
    app.quit().await;
}

#[tokio::test]
async fn everything_is_still_there_after_quitting_and_relaunching() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Payments delayed", "INC-55", "SEV2").await;
    set_status(&app, "investigating", "monitoring").await;

    app.click("nav button:nth-child(2)").await;
    app.find("[data-testid=\"policy-sev1\"]").await;
    app.fill_labelled("SEV1 Customers while Investigating", "10")
        .await;
    app.click("[data-testid=\"settings-save\"]").await;
    app.shows("settings-saved", "saved").await;
    app.screenshot("settings").await;
    app.quit().await;

    let app = App::launch(&profile).await;
    app.shows("board-open", "Payments delayed").await;
    app.click("[data-testid=\"board-row\"]").await;
    let timeline = app.timeline("Status investigating → monitoring").await;
    assert!(timeline.contains("Declared SEV2"), "{timeline}");
    app.click("nav button:nth-child(2)").await;
    let cell = app
        .find("input[aria-label=\"SEV1 Customers while Investigating\"]")
        .await;
    assert_eq!(cell.prop("value").await.unwrap().as_deref(), Some("10"));
    app.quit().await;
}

#[tokio::test]
async fn a_corrupt_database_is_moved_aside_never_deleted() {
    let profile = Profile::new();
    std::fs::create_dir_all(profile.data_dir()).unwrap();
    let garbage = b"this is not a database; it is a file someone overwrote by mistake".repeat(100);
    std::fs::write(profile.database(), &garbage).unwrap();

    let app = App::launch(&profile).await;
    app.shows("recovery-message", "damaged or is not a Herald database")
        .await;
    app.screenshot("recovery").await;
    app.click("[data-testid=\"recovery-move\"]").await;
    let moved = app.shows("recovery-moved", "herald.sqlite.broken-").await;
    app.find("button.primary").await.click().await.unwrap();
    app.shows("board-empty", "No open incidents").await;
    app.quit().await;

    let kept: Vec<_> = std::fs::read_dir(profile.data_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".broken-"))
        .collect();
    assert_eq!(kept.len(), 1, "{moved}");
    assert!(
        std::fs::read(&kept[0]).unwrap() == garbage,
        "the old file is kept byte for byte"
    );
}

#[tokio::test]
async fn a_second_launch_hands_over_to_the_running_window() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Email delayed", "INC-77", "SEV3").await;

    let mut second = tokio::process::Command::new(app_binary())
        .envs(profile.env())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = tokio::time::timeout(Duration::from_secs(20), second.wait())
        .await
        .expect("the second launch should exit and leave the first in charge")
        .unwrap();
    println!(
        "second launch exited in {:?} with {status}",
        started.elapsed()
    );
    assert!(status.success(), "{status}");

    // The first window is still there and still writing.
    set_status(&app, "investigating", "identified").await;
    app.quit().await;
}

#[tokio::test]
async fn the_window_comes_back_at_the_size_it_was_closed_at() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    app.shows("board-empty", "No open incidents").await;
    app.client.set_window_size(900, 640).await.unwrap();
    let (width, height) = app.client.get_window_size().await.unwrap();
    assert_eq!((width, height), (900, 640), "the resize took effect");
    // Ctrl+Q quits gracefully, which is when the window's state is saved. The
    // app is gone before WebDriver can answer, so the command's own result is
    // an error; what matters is the next launch.
    let _ = app
        .find("body")
        .await
        .send_keys(&format!("{}q{}", Key::Control, Key::Null))
        .await;
    app.quit().await;

    let app = App::launch(&profile).await;
    app.shows("board-empty", "No open incidents").await;
    assert_eq!(app.client.get_window_size().await.unwrap(), (900, 640));
    app.quit().await;
}

#[tokio::test]
async fn a_short_cadence_counts_down_turns_due_notifies_and_an_update_resets_it() {
    let notifications = NotificationServer::start().await;
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    app.click("nav button:nth-child(2)").await;
    app.fill_labelled("SEV1 Customers while Investigating", "1")
        .await;
    app.click("[data-testid=\"settings-save\"]").await;
    app.shows("settings-saved", "saved").await;

    declare(&app, "Checkout errors", "INC-60", "SEV1").await;
    // One minute to go is inside the five-minute heads-up window.
    app.shows("state-customers", "Heads-up").await;
    app.shows("state-executives", "On track").await;
    let timeline = app.timeline("Declared: customers due").await;
    assert!(timeline.contains("executives due"), "{timeline}");

    // The window title carries the most urgent deadline.
    wait_for_window("INC-60: customers", true, Duration::from_secs(40)).await;

    // Wait out the minute: the countdown turns due on its own.
    let turned_due = "the customers' countdown to turn due";
    app.wait_for(turned_due, Duration::from_secs(75), async || {
        let state = app
            .by_test_id("state-customers")
            .await
            .text()
            .await
            .unwrap();
        if state == "Due" || state == "Overdue" {
            Ok(())
        } else {
            Err(state)
        }
    })
    .await;
    app.screenshot("cadence-due").await;

    // The heads-up and the due alert reached the desktop's notification server.
    let due_now = "Customers update due now — INC-60";
    let calls = notifications
        .wait_for("the due notification", due_now, Duration::from_secs(10))
        .await;
    assert!(
        calls.contains("Customers update due in 1 min — INC-60"),
        "{calls}"
    );
    assert!(calls.contains("'urgency': <byte 0x02>"), "{calls}");
    assert!(calls.contains("'snooze', 'Snooze 5 min'"), "{calls}");
    app.timeline("Alert: Customers update due now — INC-60")
        .await;

    // Logging the update posted elsewhere restarts the customers' minute.
    app.click("[data-testid=\"deadline-customers\"] .actions button:first-child")
        .await;
    app.fill(
        "log-body",
        "We are investigating errors at checkout. Next update by 15:00.",
    )
    .await;
    app.fill("log-posted-to", "status page").await;
    app.click("[data-testid=\"log-update-submit\"]").await;
    app.shows("state-customers", "Heads-up").await;
    app.pane("sent").await;
    app.shows("updates", "We are investigating errors at checkout")
        .await;
    app.timeline("Update for customers posted to status page")
        .await;

    // Snoozing needs a reason, and it goes on the timeline.
    app.click("[data-testid=\"snooze-internal\"]").await;
    app.click("[data-testid=\"snooze-submit\"]").await;
    app.shows("error-reason", "Say why").await;
    app.fill("snooze-reason", "IC briefing legal").await;
    app.click("[data-testid=\"snooze-submit\"]").await;
    app.timeline("Snoozed the internal deadline 5 min: IC briefing legal")
        .await;
    app.screenshot("cadence").await;
    app.quit().await;
}

#[tokio::test]
async fn a_promised_next_update_that_passes_alerts_and_is_reported_broken_in_the_postmortem() {
    let notifications = NotificationServer::start().await;
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    // SEV2: executives hear every 60 minutes; the lead promises them sooner.
    declare(&app, "Search is slow", "INC-61", "SEV2").await;
    app.click("[data-testid=\"deadline-executives\"] .actions button:first-child")
        .await;
    app.fill(
        "log-body",
        "Search is slow for some users. We will post another update within 1 minute.",
    )
    .await;
    app.fill("log-posted-to", "exec email").await;
    app.click("[data-testid=\"log-update-submit\"]").await;

    // The promise counts down beside the cadence, already inside its heads-up.
    let chip = app
        .shows("promise-next_update-executives", "update promised for")
        .await;
    assert!(chip.contains("Heads-up"), "{chip}");

    // Its time passes: the desktop is told, as for a deadline.
    let due_now = "Update promised to executives is due now — INC-61";
    let calls = notifications
        .wait_for(
            "the promise's due notification",
            due_now,
            Duration::from_secs(100),
        )
        .await;
    assert!(
        calls.contains("Update promised to executives is due in 1 min — INC-61"),
        "{calls}"
    );
    app.timeline("Alert: Update promised to executives is due now — INC-61")
        .await;

    // A minute's grace later the cockpit reads the verdict again, and the
    // postmortem reports it broken.
    app.pane("metrics").await;
    app.find_within(
        "[data-testid=\"promise-row\"][data-state=\"broken\"]",
        Duration::from_secs(120),
    )
    .await;
    app.click("[data-testid=\"copy-postmortem\"]").await;
    app.shows("exported", "Copied").await;
    let markdown = app.clipboard().await;
    assert!(markdown.contains("## Promises"), "{markdown}");
    assert!(
        markdown.contains("Executives — next update by "),
        "{markdown}"
    );
    assert!(
        markdown
            .contains("late and not yet kept** — “We will post another update within 1 minute.”"),
        "{markdown}"
    );
    app.screenshot("promise-broken").await;
    app.quit().await;
}

#[tokio::test]
async fn a_customer_update_contradicting_the_executives_is_flagged_before_publish() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Checkout errors", "INC-63", "SEV1").await;
    // Executives were told the fix is in, and the incident moved on.
    app.click("[data-testid=\"deadline-executives\"] .actions button:first-child")
        .await;
    app.fill(
        "log-body",
        "SEV1 Checkout errors: fix in place, monitoring. Tracking in PAY-812.",
    )
    .await;
    app.fill("log-posted-to", "exec email").await;
    app.click("[data-testid=\"log-update-submit\"]").await;
    set_status(&app, "investigating", "monitoring").await;

    // The customers' draft still says "investigating": flagged before
    // publish, with who was told what and when, and blocking (customers are strict).
    app.replace_text(
        "#draft-customers",
        "We are investigating an issue with checkout.",
    )
    .await;
    let finding = app
        .wait_for_text(
            "[data-testid=\"finding\"][data-rule=\"contradiction\"]",
            "blocks publishing",
        )
        .await;
    assert!(
        finding.contains("Contradicts another audience"),
        "{finding}"
    );
    app.shows("finding-why", "executives read “monitoring”")
        .await;
    app.click("[data-testid=\"reviewed\"]").await;
    app.click("[data-testid=\"publish\"]").await;
    app.find("[data-testid=\"override\"]").await;

    // Who has been told what, one key away (Alt W).
    app.find("body")
        .await
        .send_keys(&format!("{}w{}", Key::Alt, Key::Null))
        .await
        .unwrap();
    app.wait_for_text(
        "[data-testid=\"told-cell\"][data-audience=\"executives\"][data-fact=\"status\"]",
        "monitoring",
    )
    .await;
    app.wait_for_text(
        "[data-testid=\"told-audience\"][data-audience=\"customers\"]",
        "not told",
    )
    .await;

    // Published anyway, with a reason: the override is on the timeline and
    // the matrix marks the status the two audiences now disagree on.
    app.replace_text(
        "[data-testid=\"override-reason\"]",
        "Legal asked to keep the first wording",
    )
    .await;
    app.click("[data-testid=\"override\"] button.danger").await;
    app.shows("publish-notice", "Published to customers").await;
    app.pane("told").await;
    app.shows("told-differs", "differs").await;
    app.screenshot("told-matrix").await;
    app.timeline("past guardrails (contradiction)").await;
    app.quit().await;
}

/// Saves, then asks for the board, from inside the window: more saves of a
/// long paste than the app has async workers, each a new text to check.
/// Answers with the order the replies came in.
const SAVES_THEN_BOARD: &str = r#"
const [paste, done] = arguments;
const invoke = window.__TAURI_INTERNALS__.invoke;
invoke("board")
  .then((board) => {
    const id = board.open[0].id;
    const saves = Math.max(navigator.hardwareConcurrency || 2, 2) + 2;
    const order = [];
    const replies = [];
    for (let i = 0; i < saves; i++) {
      const body = `Edit ${i}. ${paste}`;
      replies.push(invoke("save_draft", { id, audience: "customers", body }).then(() => order.push("save")));
    }
    replies.push(invoke("board").then(() => order.push("board")));
    return Promise.all(replies).then(() => done({ order, saves }));
  })
  .catch((e) => done({ error: JSON.stringify(e) ?? String(e) }));
"#;

/// A long paste being checked never holds up the rest of the app: each
/// check of 100,000 characters of real status-page text takes the linter a
/// second or more, the board milliseconds, so with every async worker's
/// worth of such saves in flight the board still answers first. (When the
/// commands ran their checks on the async workers, the board waited for a
/// save to finish.)
#[tokio::test]
async fn the_board_answers_while_long_pastes_are_checked() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Checkout errors", "INC-71", "SEV2").await;
    let corpus = include_str!("../src-tauri/crates/core/corpus/status-pages.txt");
    let paste = herald_core::guardrails::corpus::joined_sentences(corpus, 99_000);
    let answer = app
        .client
        .execute_async(SAVES_THEN_BOARD, vec![serde_json::json!(paste)])
        .await
        .unwrap();
    println!("replies in order: {answer}");
    let order = answer["order"]
        .as_array()
        .unwrap_or_else(|| panic!("{answer}"));
    let saves = answer["saves"].as_u64().unwrap();
    assert_eq!(order.len() as u64, saves + 1, "{answer}");
    assert_eq!(order[0], "board", "{answer}");

    // The incident holds the last save whole, and the window shows it.
    app.click("button.back").await;
    app.click("[data-testid=\"board-row\"]").await;
    let saved: Vec<String> = (0..saves).map(|i| format!("Edit {i}. {paste}")).collect();
    let whole = "the draft to be one of the pastes saved, whole";
    app.wait_for(whole, Duration::from_secs(30), async || {
        let draft = app.value("#draft-customers").await;
        if saved.contains(&draft) {
            Ok(())
        } else {
            let count = draft.chars().count();
            let end: String = draft.chars().skip(count.saturating_sub(40)).collect();
            Err(format!("{count} characters, ending {end:?}"))
        }
    })
    .await;
    app.quit().await;
}

#[tokio::test]
async fn an_obligation_clock_started_on_an_incident_counts_down_on_the_board() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Customer data exposed", "INC-62", "SEV2").await;
    app.pane("clocks").await;
    // The shipped contract example: four hours from its trigger.
    app.choose("obligation-preset", "3").await;
    app.fill("obligation-owner", "Account team").await;
    app.click("[data-testid=\"add-obligation\"]").await;
    let row = app
        .shows(
            "obligation-0",
            "Customer contract: notify affected customers",
        )
        .await;
    assert!(row.contains("Owner Account team"), "{row}");
    app.shows("clock-chip", "Customer contract").await;
    app.timeline(
        "Obligation clock added: Customer contract: notify affected customers (within 4 h 00 min)",
    )
    .await;

    // On the board, with its owner, counting down from four hours.
    app.click("button.back").await;
    let clock = app
        .shows(
            "board-clock",
            "Customer contract: notify affected customers",
        )
        .await;
    assert!(clock.contains("Account team"), "{clock}");
    assert!(
        clock.contains("3 h 59 min") || clock.contains("4 h 00 min"),
        "{clock}"
    );
    app.screenshot("board-clock").await;
    app.quit().await;
}

#[tokio::test]
async fn the_tray_shows_the_next_deadlines_as_soon_as_they_change() {
    let tray = TrayHost::start().await;
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Payments failing", "INC-70", "SEV1").await;

    let seen = tray.wait_for("'label': <'INC-70 · customers in").await;
    // The label beside the icon carries the most urgent one.
    assert!(seen.contains("(<'INC-70 · customers in"), "{seen}");
    assert!(seen.contains("'INC-70 · executives in 30 min'"), "{seen}");
    assert!(
        seen.contains("'Show Herald'") && seen.contains("'Quit Herald'"),
        "{seen}"
    );
    app.quit().await;
}

#[tokio::test]
async fn the_compact_countdown_window_stays_on_top_with_the_next_deadlines() {
    // Keeping a window above others is the window manager's job: run a real
    // one (openbox) for this test, so the request can be seen honoured.
    let _window_manager = herald_e2e::WindowManager::start().await;
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Search is slow", "INC-80", "SEV2").await;
    app.click("[data-testid=\"countdown-toggle\"]").await;

    // A real second X window, asking the window manager to keep it above.
    wait_for_window("\"Herald countdown\"", true, Duration::from_secs(10)).await;
    let state = tokio::process::Command::new("xprop")
        .args(["-name", "Herald countdown", "_NET_WM_STATE"])
        .output()
        .await
        .unwrap();
    let state = String::from_utf8_lossy(&state.stdout).into_owned();
    assert!(state.contains("_NET_WM_STATE_ABOVE"), "{state}");

    // Its content: the next deadlines, read through WebDriver.
    let main = app.client.window().await.unwrap();
    let windows = app.client.windows().await.unwrap();
    let compact = windows
        .into_iter()
        .find(|w| *w != main)
        .expect("a second webview");
    app.client.switch_to_window(compact).await.unwrap();
    let rows = app.shows("countdown-window", "INC-80 · Customers").await;
    assert!(rows.contains("INC-80 · Executives"), "{rows}");
    app.screenshot("countdown-window").await;
    app.client.switch_to_window(main).await.unwrap();

    // The toggle closes it again.
    app.click("[data-testid=\"countdown-toggle\"]").await;
    wait_for_window("\"Herald countdown\"", false, Duration::from_secs(10)).await;
    app.quit().await;
}

const CUSTOMER_DRAFT: &str = "#draft-customers";

/// Answers the IC sync questions and saves with the keyboard shortcut.
async fn sync(app: &App, affected: &str, impact: &str) {
    let field = |name: &str| format!("[data-testid=\"sync\"] textarea[name=\"{name}\"]");
    app.pane("sync").await;
    app.replace_text(&field("affected"), affected).await;
    app.replace_text(&field("customer_impact"), impact).await;
    app.find(&field("customer_impact"))
        .await
        .send_keys(&format!("{}{}{}", Key::Control, Key::Enter, Key::Null))
        .await
        .unwrap();
    app.timeline("IC sync: affected, customer impact changed")
        .await;
}

#[tokio::test]
async fn a_sync_becomes_a_checked_reviewed_customer_update_that_resets_the_countdown() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Checkout errors", "INC-300", "SEV1").await;
    let due = "[data-testid=\"deadline-customers\"] time";
    let due_before = app.find(due).await.attr("datetime").await.unwrap();

    sync(
        &app,
        "checkout in the EU",
        "Some payments fail with an error.",
    )
    .await;
    app.wait_for_value(
        CUSTOMER_DRAFT,
        "We are investigating an issue. Checkout in the EU may not be working as expected. Some payments fail with an error.\n\nOur team is engaged and working to restore normal service.",
    )
    .await;
    app.shows("draft-footer", "Next update by").await;

    // A risky sentence is highlighted in place and blocks publishing.
    app.replace_text(
        CUSTOMER_DRAFT,
        "We think a bad AWS deploy by the payments team caused this.",
    )
    .await;
    let mark = app.find("mark.blocking[data-rule~=\"blame\"]").await;
    assert_eq!(
        mark.text().await.unwrap(),
        "AWS deploy by the payments team caused"
    );
    app.shows("findings", "blocks publishing").await;
    app.screenshot("draft-findings").await;

    // Rewording clears it; the review mark and publishing follow.
    app.replace_text(CUSTOMER_DRAFT, "Some customers may see errors at checkout.")
        .await;
    app.shows("no-findings", "No guardrail findings").await;
    app.click("[data-testid=\"reviewed\"]").await;
    app.timeline("Customers draft reviewed for accuracy and tone")
        .await;
    app.click("[data-testid=\"publish\"]").await;
    app.shows("publish-notice", "Published to customers").await;
    let published = app
        .shows("published", "Some customers may see errors at checkout.")
        .await;
    assert!(published.contains("Next update by"), "{published}");
    let timeline = app
        .timeline("Update for customers published by Bo Chen")
        .await;
    assert!(
        timeline.contains("Update for customers published by Bo Chen: customers due"),
        "the countdown restarted: {timeline}"
    );
    let due_after = app.find(due).await.attr("datetime").await.unwrap();
    assert!(
        due_after > due_before,
        "the customer deadline moved: {due_before:?} → {due_after:?}"
    );
    app.screenshot("published").await;

    // One click copies the exact published text for posting by hand.
    app.click("[data-testid=\"copy-update\"]").await;
    app.shows("copied", "Copied").await;
    let clipboard = app.clipboard().await;
    assert!(
        clipboard.starts_with("Some customers may see errors at checkout.\n\nNext update by "),
        "{clipboard:?}"
    );
    app.quit().await;
}

#[tokio::test]
async fn the_resolution_gate_holds_all_clear_wording_until_the_hold_has_passed() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    // A one-minute hold keeps the test short while the real clock runs it.
    app.click("nav button:nth-child(2)").await;
    app.replace_text("input[name=\"sev3.hold_minutes\"]", "1")
        .await;
    app.click("[data-testid=\"settings-save\"]").await;
    app.shows("settings-saved", "saved").await;
    declare(&app, "Slow exports", "INC-301", "SEV3").await;

    app.replace_text(CUSTOMER_DRAFT, "The issue has been resolved.")
        .await;
    app.find("mark[data-rule~=\"premature_resolution\"]").await;
    app.choose("incident-status", "resolved").await;
    app.shows("incident-error", "move the incident to monitoring")
        .await;

    set_status(&app, "investigating", "monitoring").await;
    app.pane("gate").await;
    app.shows("hold-countdown", "1 min").await;
    app.find("mark[data-rule~=\"premature_resolution\"]").await;
    app.screenshot("resolution-gate-holding").await;

    // After the hold the lead confirms the metrics held; the wording is then fine.
    app.find_within("[data-testid=\"confirm-metrics\"]", Duration::from_secs(90))
        .await
        .click()
        .await
        .unwrap();
    app.shows("gate-state", "Open").await;
    app.shows("no-findings", "No guardrail findings").await;
    set_status(&app, "monitoring", "resolved").await;
    app.quit().await;
}

#[tokio::test]
async fn another_company_named_with_the_outage_is_blamed_once_our_names_are_in_settings() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    app.click("nav button:nth-child(2)").await;
    app.fill("organisation", "Acme").await;
    app.click("[data-testid=\"messages-save\"]").await;
    app.shows("messages-saved", "Saved").await;
    app.screenshot("settings-organisation").await;
    declare(&app, "Slow checkout", "INC-77", "SEV2").await;

    app.replace_text(
        CUSTOMER_DRAFT,
        "Cloudflare experienced an outage that slowed checkout. Acme experienced slow pages.",
    )
    .await;
    let blamed = app
        .wait_for_text(
            "[data-testid=\"finding\"][data-rule=\"blame\"]",
            "Cloudflare experienced",
        )
        .await;
    assert!(
        !blamed.contains("Acme"),
        "our own name is not blame: {blamed}"
    );
    app.quit().await;
}

#[tokio::test]
async fn a_handoff_copied_in_one_herald_is_taken_over_in_another() {
    let bo_profile = Profile::new();
    let bo = App::launch(&bo_profile).await;
    declare(&bo, "Paiements refusés — Zahlung", "INC-500", "SEV1").await;
    bo.pane("notes").await;
    bo.replace_text("input[name=\"constraint\"]", "No RCA speculation")
        .await;
    bo.click("[data-testid=\"add-constraint\"]").await;
    bo.replace_text("input[name=\"ask\"]", "Support needs a holding line")
        .await;
    bo.replace_text("input[name=\"ask_owner\"]", "Dana").await;
    bo.click("[data-testid=\"add-ask\"]").await;
    bo.pane("handoff").await;
    bo.shows(
        "handoff-preview",
        "Support needs a holding line (owner: Dana)",
    )
    .await;
    let due = "[data-testid=\"deadline-customers\"] time";
    let bo_due = bo.find(due).await.attr("datetime").await.unwrap();

    bo.replace_text("input[name=\"handoff-to\"]", "Chloe").await;
    bo.click("[data-testid=\"copy-handoff\"]").await;
    bo.shows("handoff-copied", "Copied the Markdown handoff")
        .await;
    let preview = bo.by_test_id("handoff-preview").await.text().await.unwrap();
    let clipboard = bo.clipboard().await;
    bo.screenshot("handoff").await;
    bo.timeline("Handoff copied by Bo Chen to Chloe (markdown)")
        .await;
    assert_eq!(clipboard.trim_end(), preview.trim_end());
    assert!(
        clipboard.starts_with("**Comms handoff: INC-500 — Paiements refusés — Zahlung** (SEV1, investigating)\nHanded over by Bo Chen to Chloe at "),
        "{clipboard}"
    );
    assert!(clipboard.contains("- **Current public message:** no customer update published yet"));
    assert!(clipboard.contains("\n```herald-handoff v2\nsha256 "));

    // The next lead's Herald, on its own data directory, while Bo's still owns
    // the clipboard: paste with Ctrl+V, take over, and find everything there.
    let chloe_profile = Profile::new();
    let chloe = App::launch(&chloe_profile).await;
    chloe.click("[data-testid=\"take-over-button\"]").await;
    chloe
        .find("#take-over-paste")
        .await
        .send_keys(&format!("{}v{}", Key::Control, Key::Null))
        .await
        .unwrap();
    chloe.wait_for_value("#take-over-paste", &clipboard).await;
    chloe.fill("take-over-lead", "Chloe").await;
    chloe.click("[data-testid=\"take-over-submit\"]").await;
    // A preview first: nothing is written until the lead confirms.
    chloe
        .shows("take-over-preview", "Nothing has been written yet.")
        .await;
    chloe.click("[data-testid=\"take-over-confirm\"]").await;
    chloe.shows("take-over-report", "Incident recreated").await;
    chloe.click("[data-testid=\"open-taken-over\"]").await;
    chloe
        .wait_for_text("#incident-title", "Paiements refusés — Zahlung")
        .await;
    let chloe_due = chloe.find(due).await.attr("datetime").await.unwrap();
    assert_eq!(chloe_due, bo_due, "the absolute deadline travelled");
    chloe.pane("notes").await;
    chloe.shows("constraints", "No RCA speculation").await;
    chloe
        .timeline("Chloe took over as comms lead from Bo Chen")
        .await;
    chloe.screenshot("taken-over").await;
    chloe.quit().await;
    bo.quit().await;
}

#[tokio::test]
async fn a_note_goes_on_the_timeline_and_the_postmortem_is_exported_through_the_save_dialog() {
    let _window_manager = herald_e2e::WindowManager::start().await;
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Exports stuck", "INC-600", "SEV2").await;
    app.pane("timeline").await;
    app.replace_text("input[name=\"note\"]", "Bridge opened by Ana")
        .await;
    app.click("[data-testid=\"add-note\"]").await;
    app.timeline("Note: Bridge opened by Ana").await;
    app.pane("metrics").await;
    app.find("[data-testid=\"chart\"] svg").await;

    let out = profile.path().join("exports");
    std::fs::create_dir_all(&out).unwrap();
    let chosen = out.join("INC-600-review.md");
    app.click("[data-testid=\"export-postmortem\"]").await;
    // Typed without ".md": GTK keeps the suggested extension when it selects
    // only the base name, and Herald adds it when it does not.
    herald_e2e::answer_save_dialog("Export the comms postmortem", &out.join("INC-600-review"))
        .await;
    app.shows("exported", "INC-600-review.md,").await;

    let markdown = std::fs::read_to_string(&chosen).unwrap();
    assert!(
        markdown.starts_with("# Comms: INC-600 — Exports stuck\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("Note: Bridge opened by Ana"),
        "{markdown}"
    );
    assert!(markdown.contains("## Updates\n\nNo updates were published."));
    assert!(markdown.contains("](INC-600-review-cadence.svg)"));
    let svg = std::fs::read_to_string(out.join("INC-600-review-cadence.svg")).unwrap();
    assert!(svg.starts_with("<svg"), "{svg}");
    let csv = std::fs::read_to_string(out.join("INC-600-review-timeline.csv")).unwrap();
    assert!(
        csv.contains(",note_added,Note: Bridge opened by Ana"),
        "{csv}"
    );
    let json = std::fs::read_to_string(out.join("INC-600-review.json")).unwrap();
    assert!(json.contains("\"external_id\": \"INC-600\""));
    app.screenshot("postmortem").await;
    app.quit().await;
}

/// Whether an X window titled like Herald's main window is mapped (viewable).
async fn main_window_viewable() -> bool {
    let out = tokio::process::Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "Herald"])
        .output()
        .await
        .expect("xdotool is installed");
    !String::from_utf8_lossy(&out.stdout).trim().is_empty()
}

#[tokio::test]
async fn closing_the_window_keeps_herald_running_alerting_and_the_tray_brings_it_back() {
    let _window_manager = herald_e2e::WindowManager::start().await;
    let notifications = NotificationServer::start().await;
    let tray = TrayHost::start().await;
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    app.click("nav button:nth-child(2)").await;
    app.fill_labelled("SEV1 Customers while Investigating", "1")
        .await;
    app.click("[data-testid=\"settings-save\"]").await;
    app.shows("settings-saved", "saved").await;
    declare(&app, "Login failures", "INC-90", "SEV1").await;
    wait_until(
        "the window is mapped",
        Duration::from_secs(20),
        async || (!main_window_viewable().await).then(|| "not viewable".to_owned()),
    )
    .await;

    // Close it the way a person does: the window manager's close.
    let closed = tokio::process::Command::new("wmctrl")
        .args(["-c", "Herald"])
        .status()
        .await
        .expect("wmctrl is installed (Debian package wmctrl)");
    assert!(closed.success());
    wait_until(
        "the window is hidden",
        Duration::from_secs(20),
        async || {
            main_window_viewable()
                .await
                .then(|| "still viewable".to_owned())
        },
    )
    .await;
    wait_until("the one-time note", Duration::from_secs(20), async || {
        let calls = notifications.calls().await;
        (!calls.contains("Herald is still running")).then_some(calls)
    })
    .await;

    // The minute passes with the window closed: the due alert still comes.
    wait_until(
        "the due alert with the window closed",
        Duration::from_secs(90),
        async || {
            let calls = notifications.calls().await;
            (!calls.contains("Customers update due now — INC-90")).then_some(calls)
        },
    )
    .await;
    assert!(
        !main_window_viewable().await,
        "the alert did not need the window"
    );

    // The tray brings it back.
    tray.click("Show Herald").await;
    wait_until("the window is back", Duration::from_secs(20), async || {
        (!main_window_viewable().await).then(|| "not viewable".to_owned())
    })
    .await;
    app.shows("state-customers", "Due").await;
    // Closing again does not repeat the note.
    let calls = notifications.calls().await;
    assert_eq!(
        calls.matches("Herald is still running").count(),
        1,
        "{calls}"
    );
    app.quit().await;
}

#[tokio::test]
async fn starting_at_login_writes_a_login_item_that_starts_in_the_tray() {
    let profile = Profile::with_home();
    let app = App::launch(&profile).await;
    app.click("nav button:nth-child(2)").await;
    let login_item = profile.home().join(".config/autostart/Herald.desktop");
    assert!(!login_item.exists());
    app.click("[data-testid=\"autostart\"]").await;
    wait_until(
        "the login item is written",
        Duration::from_secs(10),
        async || (!login_item.exists()).then(|| format!("no {}", login_item.display())),
    )
    .await;
    let entry = std::fs::read_to_string(&login_item).unwrap();
    assert!(entry.contains("[Desktop Entry]"), "{entry}");
    let exec = entry.lines().find(|l| l.starts_with("Exec=")).unwrap();
    assert!(exec.ends_with(" --minimized"), "{exec}");
    assert!(exec.contains("herald"), "{exec}");
    // Started as the login item starts it: running, the window in the tray.
    app.quit().await;
    let app = App::launch_with_args(&profile, &["--minimized"]).await;
    app.find("#app").await;
    assert!(
        !main_window_viewable().await,
        "started minimised to the tray"
    );
    app.quit().await;
    // Settings reads it back after a restart, and turning it off removes it.
    let app = App::launch(&profile).await;
    app.click("nav button:nth-child(2)").await;
    // Settings asks for the login item as it opens; the answer comes a moment later.
    wait_until(
        "Settings shows the login item as on",
        Duration::from_secs(10),
        async || {
            let checked = app
                .find("[data-testid=\"autostart\"]")
                .await
                .prop("checked")
                .await
                .unwrap();
            (checked.as_deref() != Some("true")).then(|| format!("checked {checked:?}"))
        },
    )
    .await;
    app.click("[data-testid=\"autostart\"]").await;
    wait_until(
        "the login item is removed",
        Duration::from_secs(10),
        async || login_item.exists().then(|| "still there".to_owned()),
    )
    .await;
    app.quit().await;
}

#[tokio::test]
async fn after_the_gate_is_overridden_choosing_resolved_resolves_and_the_refusal_goes() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    declare(&app, "Card payments failing", "INC-310", "SEV2").await;
    set_status(&app, "investigating", "monitoring").await;

    // Too early: refused, and the select goes back to monitoring.
    app.choose("incident-status", "resolved").await;
    app.shows("incident-error", "Not yet").await;
    assert_eq!(app.value("#incident-status").await, "monitoring");

    // The lead overrides the gate with a reason, then chooses Resolved again.
    app.pane("gate").await;
    app.click("[data-testid=\"override-gate\"]").await;
    app.replace_text(
        "[data-testid=\"gate-reason\"]",
        "IC confirmed on the bridge",
    )
    .await;
    app.click("[data-testid=\"gate\"] button[type=\"submit\"]")
        .await;
    app.shows("gate-state", "overridden").await;
    let refusal = fantoccini::Locator::Css("[data-testid=\"incident-error\"]");
    let cleared = "the stale refusal to clear after the override";
    app.wait_for(cleared, Duration::from_secs(15), async || {
        let shown = app.client.find(refusal).await.is_ok();
        if shown {
            Err("shown".to_owned())
        } else {
            Ok(())
        }
    })
    .await;
    // WebKit fires `change` only for a choice other than the last one it
    // saw; the refused choice put back by script must not count as seen.
    app.choose("incident-status", "resolved").await;
    app.timeline("Status monitoring → resolved").await;
    assert_eq!(app.value("#incident-status").await, "resolved");
    app.quit().await;
}
