//! End-to-end: the incident cockpit at the sizes a comms lead works at. With
//! a SEV1's countdowns running, a draft with findings from four rules, a
//! status page's six components to set, and Publish refused, everything the lead needs lies inside the window with
//! nothing scrolled: at 1280×800 and 1920×1080, on a light and a dark desktop.
//! And at 1280×800 no page or pane scrolls sideways, even with the long
//! unbroken links and error strings a lead pastes.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::key::Key;
use herald_e2e::{App, Profile, declare};
use serde_json::{Value, json};

const DRAFT: &str = "#draft-customers";

/// Four rules, one of them twice on the same words: listed once.
const FLAWED: &str = "We think the DNS change by John Smith broke logins. \
    We think a fix will be live by 15:00 UTC. The issue is fully resolved for most users.";

/// What the cockpit must show without scrolling.
const IN_VIEW: &[&str] = &[
    // Every countdown of the incident (a SEV1 has three by default).
    "[data-testid^=\"deadline-\"]",
    "#incident-title",
    DRAFT,
    "[data-testid=\"findings\"]",
    "[data-testid=\"publish\"]",
    // What the customer update sets on the status page, and its picker's door.
    "[data-testid=\"components-summary\"]",
    "[data-testid=\"notify-subscribers\"]",
];

/// A real status page's components: a customer update picks an impact for each.
const COMPONENTS: &str =
    "c1 Login\nc2 API\nc3 Dashboard\nc4 Webhooks\nc5 Card payments\nc6 Notifications";

/// Sets up a Statuspage channel for customers in Settings, as a lead would,
/// so the customers' tab carries its components fieldset. Its API address is
/// a closed loopback port: nothing is published in this walk-through.
async fn add_status_page(app: &App) {
    let field = |id: &str| format!("[data-testid=\"{id}\"]");
    app.click("nav button:nth-child(2)").await;
    app.click(&field("add-channel")).await;
    app.click("[data-testid=\"channel-kind\"] option[value=\"statuspage\"]")
        .await;
    app.replace_text(&field("channel-name"), "Status page")
        .await;
    app.check(&field("channel-audience-customers")).await;
    app.replace_text(&field("statuspage-page"), "abc123").await;
    app.replace_text(&field("statuspage-api"), "http://127.0.0.1:9")
        .await;
    let lines = COMPONENTS.replace('\n', &Key::Enter.to_string());
    app.replace_text(&field("statuspage-components"), &lines)
        .await;
    app.replace_text(&field("channel-secret-token"), "key-sp-0123456789")
        .await;
    app.click(&field("channel-save")).await;
    app.shows("secret-hint", "••••").await;
    app.click("nav button:nth-child(1)").await;
}

/// Reports, for each selector, every match's box in the viewport and whether
/// it is uncovered (the element at its middle is itself, not something drawn
/// over it or nothing, off the window), and which elements (the page
/// included) are scrolled at all.
const MEASURE: &str = r#"
const [selectors] = arguments;
const boxes = [];
for (const css of selectors) {
  const found = [...document.querySelectorAll(css)];
  if (found.length === 0) boxes.push({ css, missing: true });
  for (const el of found) {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    const uncovered = hit === el || el.contains(hit);
    boxes.push({ css, left: r.left, top: r.top, right: r.right, bottom: r.bottom, uncovered });
  }
}
const scrolled = [...document.querySelectorAll("*")]
  .filter((el) => el.scrollTop > 0 || el.scrollLeft > 0)
  .map((el) => el.tagName.toLowerCase() + "." + el.className);
return {
  width: innerWidth,
  height: innerHeight,
  dark: matchMedia("(prefers-color-scheme: dark)").matches,
  boxes,
  scrolled,
};
"#;

async fn measure(app: &App, selectors: &[&str]) -> Value {
    app.client
        .execute(MEASURE, vec![json!(selectors)])
        .await
        .unwrap()
}

/// Sizes the window and waits until the page has taken the new size.
async fn resize(app: &App, width: u32, height: u32) {
    app.client
        .set_window_rect(0, 0, width, height)
        .await
        .unwrap();
    let what = format!("the window to become {width}×{height}");
    app.wait_for(&what, Duration::from_secs(15), async || {
        let seen = measure(app, &[]).await;
        let sized = seen["width"] == json!(width) && seen["height"] == json!(height);
        if sized { Ok(()) } else { Err(seen.to_string()) }
    })
    .await;
}

/// Waits until the customers draft's findings are those of all of `text`,
/// not of the words typed so far: the length shown (the body, and the
/// footer Herald appends after a blank line) arrives with the findings from
/// the saved draft.
async fn whole_draft_checked(app: &App, text: &str) {
    let what = format!("the findings of all {} characters", text.chars().count());
    app.wait_for(&what, Duration::from_secs(15), async || {
        let shown = app
            .find("[data-testid=\"draft-length\"]")
            .await
            .text()
            .await
            .unwrap_or_default();
        let footer = match app
            .client
            .find(Locator::Css("[data-testid=\"draft-footer\"]"))
            .await
        {
            Ok(footer) => footer.text().await.unwrap_or_default().chars().count() + 2,
            Err(_) => 0,
        };
        let whole = format!("{} characters", text.chars().count() + footer);
        if shown == whole {
            Ok(())
        } else {
            Err(format!("showing {shown:?}, not {whole:?}"))
        }
    })
    .await;
}

/// Asserts every selector's boxes lie inside the viewport and nothing is scrolled.
async fn all_in_view(app: &App, selectors: &[&str], dark: bool, what: &str) {
    let seen = measure(app, selectors).await;
    app.screenshot_window("cockpit-last-checked").await;
    assert_eq!(seen["dark"], json!(dark), "{what}: theme: {seen}");
    let countdowns = seen["boxes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["css"].as_str().unwrap().contains("deadline-"))
        .count();
    assert_eq!(countdowns, 3, "{what}: a SEV1's three countdowns: {seen}");
    let (width, height) = (
        seen["width"].as_f64().unwrap(),
        seen["height"].as_f64().unwrap(),
    );
    for b in seen["boxes"].as_array().unwrap() {
        assert!(
            b.get("missing").is_none(),
            "{what}: {} is not there",
            b["css"]
        );
        let (left, top, right, bottom) = (
            b["left"].as_f64().unwrap(),
            b["top"].as_f64().unwrap(),
            b["right"].as_f64().unwrap(),
            b["bottom"].as_f64().unwrap(),
        );
        assert!(
            left >= 0.0 && top >= 0.0 && right <= width && bottom <= height && bottom > top,
            "{what}: {} lies at {left},{top}–{right},{bottom}, outside the {width}×{height} window",
            b["css"]
        );
    }
    assert_eq!(
        seen["scrolled"],
        json!([]),
        "{what}: something had to scroll"
    );
}

/// With `UPDATE_SCREENSHOTS=1`, copies a screenshot to `docs/screenshots/`,
/// where README shows it.
fn keep_for_readme(name: &str) {
    if std::env::var_os("UPDATE_SCREENSHOTS").is_none() {
        return;
    }
    let root = herald_e2e::workspace_root();
    let docs = root.join("docs/screenshots");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::copy(
        root.join(format!("target/e2e-screenshots/{name}.png")),
        docs.join(format!("{name}.png")),
    )
    .unwrap();
}

async fn walk_through(profile: &Profile, theme: &str) {
    let dark = theme == "dark";
    let app = App::launch(profile).await;
    resize(&app, 1280, 800).await;
    add_status_page(&app).await;
    declare(&app, "Logins failing", "INC-800", "SEV1").await;
    app.replace_text(DRAFT, FLAWED).await;
    whole_draft_checked(&app, FLAWED).await;
    for rule in ["speculation", "unconfirmed_eta", "premature_resolution"] {
        app.find(&format!("[data-testid=\"finding\"][data-rule=\"{rule}\"]"))
            .await;
    }
    let findings = app.shows("findings", "blocks publishing").await;
    assert_eq!(
        (
            findings.matches("Root-cause speculation").count(),
            findings.matches("We think").count()
        ),
        (1, 1),
        "one line per rule, the repeated words once: {findings}"
    );

    // Refused: the reason shows beside Publish, in view.
    app.click("[data-testid=\"publish\"]").await;
    app.shows("publish-error", "reviewed").await;
    let refused = [IN_VIEW, &["[data-testid=\"publish-error\"]"]].concat();
    all_in_view(&app, &refused, dark, "1280×800, review needed").await;
    let shot = format!("cockpit-1280-{theme}");
    app.screenshot_window(&shot).await;
    keep_for_readme(&shot);

    // Reviewed, still refused for the blocking findings: the override is in view.
    app.check("[data-testid=\"reviewed\"]").await;
    app.click("[data-testid=\"publish\"]").await;
    app.find("[data-testid=\"override\"]").await;
    let overriding = [IN_VIEW, &["[data-testid=\"override\"]"]].concat();
    all_in_view(&app, &overriding, dark, "1280×800, override asked").await;

    // The components picker opens over the page, every component in view,
    // and what was chosen shows on its one line.
    app.click("[data-testid=\"components-summary\"]").await;
    let picking = [&overriding[..], &["[data-testid^=\"component-c\"]"]].concat();
    all_in_view(&app, &picking, dark, "1280×800, components picker open").await;
    app.screenshot_window(&format!("cockpit-components-{theme}"))
        .await;
    app.click("[data-testid=\"component-c5\"] option[value=\"major_outage\"]")
        .await;
    app.click("[data-testid=\"components-summary\"]").await;
    app.shows("components-summary", "Card payments: Major outage")
        .await;

    resize(&app, 1920, 1080).await;
    all_in_view(&app, &overriding, dark, "1920×1080, override asked").await;
    app.screenshot_window(&format!("cockpit-1920-{theme}"))
        .await;

    // A finding jumps to its words in the draft.
    app.click(
        "[data-testid=\"finding\"][data-rule=\"speculation\"] [data-testid=\"finding-span\"]",
    )
    .await;
    let selected = app
        .client
        .execute(
            "const t = document.querySelector(arguments[0]); \
             return document.activeElement === t ? t.value.slice(t.selectionStart, t.selectionEnd) : '';",
            vec![json!(DRAFT)],
        )
        .await
        .unwrap();
    assert_eq!(
        selected,
        json!("We think"),
        "the finding selected its words"
    );

    // The keyboard, from inside the draft: Alt 2 picks the executives' tab;
    // Ctrl K finds the timeline and Enter opens it.
    let typing = app.client.active_element().await.unwrap();
    typing
        .send_keys(&format!("{}2{}", Key::Alt, Key::Null))
        .await
        .unwrap();
    app.find("[data-testid=\"tab-executives\"][aria-selected=\"true\"]")
        .await;
    let focused = app.client.active_element().await.unwrap();
    focused
        .send_keys(&format!("{}k{}", Key::Control, Key::Null))
        .await
        .unwrap();
    app.find("[data-testid=\"command-palette\"][open]").await;
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(&format!("timeline{}", Key::Enter))
        .await
        .unwrap();
    app.find("[data-testid=\"pane-timeline\"][aria-selected=\"true\"]")
        .await;
    app.shows("timeline", "Declared SEV1").await;
    app.quit().await;
}

/// Every element with a sideways scrollbar, and every one drawn past the
/// window's left or right edge where nothing clips it, named so a failure
/// says where to look.
const SIDEWAYS: &str = r##"
const width = document.documentElement.clientWidth;
const name = (el) =>
  el.tagName.toLowerCase() +
  (el.id ? "#" + el.id : "") +
  (el.dataset && el.dataset.testid ? `[data-testid="${el.dataset.testid}"]` : "") +
  (typeof el.className === "string" && el.className.trim()
    ? "." + el.className.trim().split(/\s+/).join(".")
    : "");
const clippedInView = (el) => {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    if (getComputedStyle(p).overflowX === "visible") continue;
    const r = p.getBoundingClientRect();
    return r.left >= -1 && r.right <= width + 1;
  }
  return false;
};
const found = [];
const page = document.documentElement.scrollWidth;
if (page > width + 1) found.push({ what: "the page scrolls sideways", by: page - width });
for (const el of document.querySelectorAll("body *")) {
  const style = getComputedStyle(el);
  if (style.visibility === "hidden" || el.getClientRects().length === 0) continue;
  const scrolls = style.overflowX === "auto" || style.overflowX === "scroll";
  if (scrolls && el.scrollWidth > el.clientWidth + 1) {
    found.push({ what: "scrolls sideways", el: name(el), by: el.scrollWidth - el.clientWidth });
  }
  const r = el.getBoundingClientRect();
  if ((r.right > width + 1 || r.left < -1) && r.width > 0 && !clippedInView(el)) {
    found.push({ what: "drawn past the edge", el: name(el), left: r.left, right: r.right });
  }
}
return { width, found: found.slice(0, 12) };
"##;

/// What in the window scrolls or reaches sideways, if anything. Each view's
/// screenshot is kept as `1280-<what>`, to look at when it fails.
async fn sideways(app: &App, what: &str) -> Option<String> {
    let seen = app.client.execute(SIDEWAYS, vec![]).await.unwrap();
    assert_eq!(seen["width"], json!(1280), "{what}: the window's width");
    let slug: String = what
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    app.screenshot_window(&format!("1280-{slug}")).await;
    (seen["found"] != json!([])).then(|| format!("{what}: {}", seen["found"]))
}

/// [`sideways`] for the dialog `test_id` once it is open, which Escape then closes.
async fn dialog_sideways(app: &App, test_id: &str, what: &str) -> Option<String> {
    app.find(&format!("[data-testid=\"{test_id}\"][open]"))
        .await;
    let found = sideways(app, what).await;
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(&Key::Escape.to_string())
        .await
        .unwrap();
    found
}

/// What a lead pastes that has no place to break: a link and an error string.
const LINK: &str = "https://status.example.com/incidents/01HZX4Q7M2R9T3B5K8N6P0W1YV/updates/latest?utm_source=herald&view=full";
const ERROR: &str =
    "ERR_UPSTREAM_CONNECT_TIMEOUT:payments-gateway-eu-west-1.internal:443/v2/authorisations";

#[tokio::test]
async fn no_page_or_pane_scrolls_sideways_at_1280_by_800_with_long_links_pasted() {
    let app = App::launch(&Profile::new()).await;
    resize(&app, 1280, 800).await;
    // Every view is checked before the test fails, so one run names them all.
    let mut found = Vec::new();
    found.extend(sideways(&app, "the empty board").await);
    add_status_page(&app).await;
    app.click("nav button:nth-child(2)").await;
    app.find("[data-testid=\"add-channel\"]").await;
    found.extend(sideways(&app, "Settings with a status page").await);
    app.click("nav button:nth-child(1)").await;

    let title = format!("Card payments failing {ERROR}");
    declare(&app, &title, "INC-801", "SEV1").await;
    let draft = format!("{FLAWED} Details: {LINK} {ERROR}");
    app.replace_text(DRAFT, &draft).await;
    whole_draft_checked(&app, &draft).await;
    found.extend(sideways(&app, "the cockpit with a long draft").await);

    // Every pane, with the long words in what it shows.
    app.pane("sync").await;
    for field in ["affected", "customer_impact", "known", "doing"] {
        app.replace_text(
            &format!("textarea[name=\"{field}\"]"),
            &format!("{ERROR} {LINK}"),
        )
        .await;
    }
    app.replace_text("input[name=\"eta\"]", ERROR).await;
    app.click("[data-testid=\"sync-submit\"]").await;
    app.wait_for_text("[data-testid=\"sync\"]", "Last sync")
        .await;
    found.extend(sideways(&app, "IC sync").await);

    app.pane("notes").await;
    app.replace_text("input[name=\"constraint\"]", LINK).await;
    app.click("[data-testid=\"add-constraint\"]").await;
    app.shows("constraints", "status.example.com").await;
    app.replace_text("input[name=\"ask\"]", ERROR).await;
    app.replace_text(
        "input[name=\"ask_owner\"]",
        "Payments-platform-on-call-secondary",
    )
    .await;
    app.click("[data-testid=\"add-ask\"]").await;
    app.shows("asks", "ERR_UPSTREAM").await;
    found.extend(sideways(&app, "Notes").await);

    app.pane("clocks").await;
    app.choose("obligation-preset", "3").await;
    app.fill(
        "obligation-owner",
        "Payments-platform-on-call-secondary-escalation-rota",
    )
    .await;
    app.click("[data-testid=\"add-obligation\"]").await;
    app.shows("obligation-0", "Customer contract").await;
    found.extend(sideways(&app, "Clocks").await);

    app.click("[data-testid=\"deadline-customers\"] .actions button:first-child")
        .await;
    app.fill(
        "log-body",
        &format!("Payments fail with {ERROR}. See {LINK}"),
    )
    .await;
    app.fill("log-posted-to", LINK).await;
    app.click("[data-testid=\"log-update-submit\"]").await;
    app.pane("sent").await;
    app.shows("updates", "ERR_UPSTREAM").await;
    found.extend(sideways(&app, "Sent").await);

    // Under a three-line title and a row of clocks, Publish and what the
    // status page will show are still in view, uncovered, nothing scrolled.
    let sending = [
        "[data-testid=\"publish\"]",
        "[data-testid=\"components-summary\"]",
        "[data-testid=\"notify-subscribers\"]",
    ];
    let seen = measure(&app, &sending).await;
    let height = seen["height"].as_f64().unwrap();
    let in_view = seen["boxes"].as_array().unwrap().iter().all(|b| {
        b["uncovered"] == json!(true)
            && b["top"].as_f64().unwrap() >= 0.0
            && b["bottom"].as_f64().unwrap() <= height
    });
    assert!(
        in_view && seen["scrolled"] == json!([]),
        "out of view below a tall strip: {seen}"
    );

    for pane in ["timeline", "gate", "handoff", "told", "metrics"] {
        app.pane(pane).await;
        app.find(&format!(
            "[data-testid=\"pane-{pane}\"][aria-selected=\"true\"]"
        ))
        .await;
        found.extend(sideways(&app, pane).await);
    }

    // The handoff copied, and pasted back on the take-over page: its preview
    // holds every long word too.
    app.pane("handoff").await;
    app.replace_text("input[name=\"handoff-to\"]", "Chloe")
        .await;
    app.click("[data-testid=\"copy-handoff\"]").await;
    app.shows("handoff-copied", "Copied").await;
    let handoff = app.clipboard().await;
    app.click("[data-testid=\"take-over-button\"]").await;
    app.find("#take-over-paste")
        .await
        .send_keys(&format!("{}v{}", Key::Control, Key::Null))
        .await
        .unwrap();
    app.wait_for_value("#take-over-paste", &handoff).await;
    app.fill("take-over-lead", "Chloe").await;
    app.click("[data-testid=\"take-over-submit\"]").await;
    app.shows("take-over-preview", "Nothing has been written yet.")
        .await;
    found.extend(sideways(&app, "the take-over preview").await);

    app.click("nav button:nth-child(1)").await;
    app.find("[data-testid=\"board-row\"]").await;
    found.extend(sideways(&app, "the board with the incident").await);
    app.find("body")
        .await
        .send_keys(&format!("{}k{}", Key::Control, Key::Null))
        .await
        .unwrap();
    found.extend(dialog_sideways(&app, "command-palette", "the command palette").await);
    app.click("[data-testid=\"help-button\"]").await;
    found.extend(dialog_sideways(&app, "shortcut-help", "the shortcut help").await);
    app.click("nav button:nth-child(3)").await;
    app.wait_for_text("#drills-heading", "Drills").await;
    found.extend(sideways(&app, "Drills").await);
    app.quit().await;
    assert!(
        found.is_empty(),
        "sideways at 1280×800:\n{}",
        found.join("\n")
    );
}

#[tokio::test]
async fn the_cockpit_keeps_deadlines_draft_and_publish_in_view_on_a_light_desktop() {
    walk_through(&Profile::new(), "light").await;
}

#[tokio::test]
async fn the_cockpit_keeps_deadlines_draft_and_publish_in_view_on_a_dark_desktop() {
    walk_through(&Profile::dark(), "dark").await;
}
