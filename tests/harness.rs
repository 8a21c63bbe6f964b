//! Drives the real Herald binary: one tauri-driver (in front of WebKitWebDriver)
//! per launch, a private data directory per test, and small helpers that poll
//! for what a person would see instead of sleeping.
//!
//! Run under a virtual display and a private session bus; `.dev/test.sh` does.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::process::{Child, Command};

/// How long to wait for something to appear before failing.
const PATIENCE: Duration = Duration::from_secs(15);

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The self-contained debug binary built by `tauri build --debug --no-bundle`.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("HERALD_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/herald"));
    assert!(
        path.exists(),
        "{} is missing: build it first with `ui/node_modules/.bin/tauri build --debug --no-bundle`",
        path.display()
    );
    path
}

/// A private home for one test's Herald: database, window state, WebKit data.
#[derive(Debug)]
pub struct Profile {
    dir: tempfile::TempDir,
    /// A private HOME too, for what writes under it regardless of XDG (the
    /// login item under ~/.config/autostart).
    own_home: bool,
    /// A GTK theme for the window ("Adwaita:dark" turns on WebKit's
    /// `prefers-color-scheme: dark`, as a dark desktop does).
    theme: Option<&'static str>,
}

impl Default for Profile {
    fn default() -> Self {
        Self::new()
    }
}

impl Profile {
    pub fn new() -> Self {
        Profile {
            dir: tempfile::tempdir().unwrap(),
            own_home: false,
            theme: None,
        }
    }

    /// A profile whose Herald runs on a dark desktop.
    pub fn dark() -> Self {
        Profile {
            theme: Some("Adwaita:dark"),
            ..Self::new()
        }
    }

    /// A profile whose Herald also gets a private HOME.
    pub fn with_home() -> Self {
        Profile {
            own_home: true,
            ..Self::new()
        }
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn database(&self) -> PathBuf {
        self.data_dir().join("herald.sqlite")
    }

    /// The environment a Herald launched for this profile runs with.
    pub fn env(&self) -> Vec<(String, PathBuf)> {
        let mut env = vec![
            ("HERALD_DATA_DIR".into(), self.data_dir()),
            ("XDG_CONFIG_HOME".into(), self.dir.path().join("config")),
            ("XDG_DATA_HOME".into(), self.dir.path().join("xdg-data")),
            ("XDG_CACHE_HOME".into(), self.dir.path().join("cache")),
        ];
        if self.own_home {
            let _ = std::fs::create_dir_all(self.home());
            env.push(("HOME".into(), self.home()));
        }
        if let Some(theme) = self.theme {
            env.push(("GTK_THEME".into(), PathBuf::from(theme)));
        }
        env
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// One running Herald window under WebDriver.
#[derive(Debug)]
pub struct App {
    pub client: Client,
    driver: Child,
    launched: Instant,
    /// The process group of tauri-driver, WebKitWebDriver and Herald.
    group: Option<u32>,
}

impl Drop for App {
    /// A test that fails mid-way never reaches `quit`: without this its Herald
    /// would live on, and the next tests would find two windows. Only then,
    /// so a normal quit still lets Herald save its state and exit by itself.
    fn drop(&mut self) {
        if let (true, Some(group)) = (std::thread::panicking(), self.group) {
            kill_group(group);
        }
    }
}

/// The live processes in process group `group`, as (pid, name, state): what
/// is left of one launch. Zombies are left out, for they have exited.
fn group_members(group: u32) -> Vec<(u32, String, char)> {
    let mut members = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (name) state ppid pgrp ...": the name may hold spaces and brackets.
        let Some((name, rest)) = stat.split_once(" (").and_then(|(_, r)| r.rsplit_once(") "))
        else {
            continue;
        };
        let fields: Vec<&str> = rest.split(' ').collect();
        let state = fields[0].chars().next().unwrap_or('?');
        if fields.get(2).and_then(|g| g.parse::<u32>().ok()) == Some(group) && state != 'Z' {
            members.push((pid, name.to_owned(), state));
        }
    }
    members
}

fn kill_group(group: u32) {
    let _ = std::process::Command::new("kill")
        .args(["-KILL", "--", &format!("-{group}")])
        .status();
}

/// Polls `check` every 100 ms until it returns `Ok`, for at most `patience`.
/// Each `Err` says what it saw; if time runs out, the last one comes back.
pub async fn poll<T>(
    patience: Duration,
    mut check: impl AsyncFnMut() -> Result<T, String>,
) -> Result<T, String> {
    let deadline = Instant::now() + patience;
    loop {
        match check().await {
            Ok(done) => return Ok(done),
            Err(seen) if Instant::now() >= deadline => return Err(seen),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Polls until `check` returns `Ok` and gives back its value; a wait that
/// runs out fails with `what` and the last thing `check` saw.
pub async fn wait_for<T>(
    what: &str,
    patience: Duration,
    check: impl AsyncFnMut() -> Result<T, String>,
) -> T {
    poll(patience, check)
        .await
        .unwrap_or_else(|seen| panic!("{what}: still {seen} after {patience:?}"))
}

/// Polls `read` until what it returns contains `text`, and gives that back.
async fn wait_to_read(
    what: &str,
    patience: Duration,
    text: &str,
    mut read: impl AsyncFnMut() -> String,
) -> String {
    wait_for(what, patience, async || {
        let seen = read().await;
        if seen.contains(text) {
            Ok(seen)
        } else {
            Err(format!("reading {seen:?}"))
        }
    })
    .await
}

/// Polls until `check` returns `None`; each `Some` says what it saw.
pub async fn wait_until(
    what: &str,
    patience: Duration,
    mut check: impl AsyncFnMut() -> Option<String>,
) {
    wait_for(what, patience, async || check().await.map_or(Ok(()), Err)).await;
}

/// Waits until every live process left in `group` is one `may_stay` allows.
async fn wait_for_group(group: u32, what: &str, may_stay: impl Fn(&(u32, String, char)) -> bool) {
    wait_until(what, PATIENCE * 2, async || {
        let left: Vec<_> = group_members(group)
            .into_iter()
            .filter(|m| !may_stay(m))
            .collect();
        (!left.is_empty()).then(|| format!("running: {left:?}"))
    })
    .await;
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl App {
    pub async fn launch(profile: &Profile) -> App {
        Self::launch_with_args(profile, &[]).await
    }

    /// Launches Herald with command-line arguments (as a login item would).
    pub async fn launch_with_args(profile: &Profile, args: &[&str]) -> App {
        // Already installed by an earlier launch in this process is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let started = Instant::now();
        let (port, native_port) = (free_port(), free_port());
        let mut driver = Command::new("tauri-driver");
        driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(profile.env())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group, holding WebKitWebDriver and Herald too,
            // so a failing test can stop all three (see Drop).
            .process_group(0)
            .kill_on_drop(true);
        let driver = driver.spawn().expect(
            "tauri-driver must be on PATH: cargo install tauri-driver --locked --version '^2'",
        );

        // tauri-driver listens before the WebKitWebDriver it starts does, and
        // a session asked for in between is dropped mid-reply (tauri-apps/tauri
        // issue 15156): wait for both.
        for (listener, what) in [(port, "tauri-driver"), (native_port, "WebKitWebDriver")] {
            wait_until(&format!("{what} to listen"), PATIENCE, async || {
                let connected = tokio::net::TcpStream::connect(("127.0.0.1", listener)).await;
                connected
                    .is_err()
                    .then(|| format!("nothing listens on {listener}"))
            })
            .await;
        }

        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary(), "args": args }),
        );
        let group = driver.id().expect("tauri-driver has a process id");
        // A Herald that exits before its window opens (one that handed over to
        // another on the same data directory) leaves the session request
        // waiting forever: cap it, and take the drivers down on the way out.
        let url = format!("http://127.0.0.1:{port}");
        let mut builder = ClientBuilder::rustls().unwrap();
        builder.capabilities(caps);
        let session = builder.connect(&url);
        let client = match tokio::time::timeout(PATIENCE * 4, session).await {
            Ok(Ok(client)) => client,
            failed => {
                let left = group_members(group);
                kill_group(group);
                panic!(
                    "no WebDriver session with Herald within {:?} ({failed:?}); running: {left:?}",
                    PATIENCE * 4
                );
            }
        };
        println!("launched in {:?}", started.elapsed());
        App {
            group: Some(group),
            client,
            driver,
            launched: Instant::now(),
        }
    }

    /// Ends the WebDriver session, which quits Herald, and returns once Herald
    /// has exited and both drivers are gone. Returning earlier let the next
    /// launch on the same data directory find the old Herald still holding its
    /// single-instance name, hand over to it and exit, and the new session
    /// then waited for a window that never came. Killing tauri-driver alone
    /// also left a WebKitWebDriver behind after every launch.
    pub async fn quit(mut self) {
        let used = self.launched.elapsed();
        let closing = Instant::now();
        let _ = self.client.clone().close().await;
        // Kept in `self` until both waits pass, so that if either fails, Drop
        // still takes the whole group down before the next test.
        let group = self.group.expect("a launched Herald has a process group");
        let drivers = ["tauri-driver", "WebKitWebDriver"];
        wait_for_group(group, "Herald to exit after its session closed", |m| {
            drivers.contains(&m.1.as_str())
        })
        .await;
        kill_group(group);
        let _ = self.driver.wait().await;
        wait_for_group(group, "the drivers to exit", |_| false).await;
        self.group = None;
        println!("used for {used:?}, quit in {:?}", closing.elapsed());
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing matches {css:?}: {e}"))
    }

    /// Waits up to `patience` for an element matching `css`, for things that
    /// take real time (a one-minute hold).
    pub async fn find_within(&self, css: &str, patience: Duration) -> Element {
        self.client
            .wait()
            .at_most(patience)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing matches {css:?} within {patience:?}: {e}"))
    }

    pub async fn by_test_id(&self, id: &str) -> Element {
        self.find(&format!("[data-testid=\"{id}\"]")).await
    }

    /// Clicks the element matching `css` once it is enabled and has stayed
    /// where it is for a few reads in a row. A click on a control still
    /// disabled by the last action's save (Publish while the review is being
    /// saved) is dropped without a trace. And WebDriver aims a click at where
    /// the element was a moment before: a section above it that finishes
    /// loading (Settings loads six) moves it, the click lands on whatever took
    /// its place, and the toggle the test meant to press never changes
    /// (Playwright's "stable" check waits the same way). Fails loudly, with
    /// what it saw, if the control never settles.
    pub async fn click(&self, css: &str) {
        // Asked of the page rather than through WebDriver's element rect,
        // which WebKit refuses for a control scrolled out of its pane.
        const STATE: &str = "const e = arguments[0], r = e.getBoundingClientRect(); \
                             return { disabled: e.disabled === true, \
                                      place: [r.x, r.y, r.width, r.height] };";
        const STILL_READS: usize = 3;
        let deadline = Instant::now() + PATIENCE;
        let mut seen: Vec<serde_json::Value> = Vec::new();
        let mut still = 0;
        loop {
            let element = self.find(css).await;
            let state = self
                .client
                .execute(STATE, vec![serde_json::to_value(&element).unwrap()])
                .await
                .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }));
            let enabled = state["disabled"] == false;
            still = if enabled && seen.last() == Some(&state) {
                still + 1
            } else {
                0
            };
            if still >= STILL_READS {
                element.click().await.unwrap();
                return;
            }
            if seen.last() != Some(&state) {
                seen.push(state);
            }
            if Instant::now() > deadline {
                self.screenshot("failure").await;
                panic!("{css:?} did not settle enabled within {PATIENCE:?}: {seen:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Types into the input with this `id`, replacing what was there.
    pub async fn fill(&self, id: &str, text: &str) {
        self.replace_text(&format!("#{id}"), text).await;
    }

    /// Types into the input with this accessible label, replacing what was there.
    pub async fn fill_labelled(&self, label: &str, text: &str) {
        self.replace_text(&format!("[aria-label=\"{label}\"]"), text)
            .await;
    }

    /// Empties the input and types `text`, as keystrokes. WebDriver's clear()
    /// fires no `input` event, so to leave a field empty a character is typed
    /// and deleted, which the form's bound state then sees.
    pub async fn replace_text(&self, css: &str, text: &str) {
        let input = self.find(css).await;
        input.clear().await.unwrap();
        let keys = if text.is_empty() {
            format!("x{}", Key::Backspace)
        } else {
            text.to_owned()
        };
        input.send_keys(&keys).await.unwrap();
    }

    /// The current value of the input or textarea matching `css`.
    pub async fn value(&self, css: &str) -> String {
        self.find(css)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// Polls like the free `wait_for`, and on running out also saves a
    /// screenshot of the window, so the failure shows what the lead would see.
    pub async fn wait_for<T>(
        &self,
        what: &str,
        patience: Duration,
        check: impl AsyncFnMut() -> Result<T, String>,
    ) -> T {
        match poll(patience, check).await {
            Ok(done) => done,
            Err(seen) => {
                self.screenshot("failure").await;
                panic!("{what}: still {seen} after {patience:?}");
            }
        }
    }

    /// Waits until the input or textarea matching `css` holds exactly `text`.
    pub async fn wait_for_value(&self, css: &str, text: &str) {
        let what = format!("{css:?} to hold {text:?}");
        self.wait_for(&what, PATIENCE, async || {
            let found = self.value(css).await;
            if found == text {
                Ok(())
            } else {
                Err(format!("holding {found:?}"))
            }
        })
        .await;
    }

    /// The X clipboard's text, read with xclip while Herald still owns it.
    pub async fn clipboard(&self) -> String {
        let out = Command::new("xclip")
            .args(["-o", "-selection", "clipboard"])
            .output()
            .await
            .expect("xclip reads the X clipboard");
        assert!(
            out.status.success(),
            "xclip: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Chooses `value` in the `<select>` with `id`.
    pub async fn choose(&self, id: &str, value: &str) {
        self.click(&format!("#{id} option[value=\"{value}\"]"))
            .await;
    }

    /// Makes the checkbox matching `css` checked, clicking it until it is:
    /// a click that lands while the form around it is still being drawn is
    /// not seen. Fails loudly if it never takes.
    pub async fn check(&self, css: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let checked = self.find(css).await.prop("checked").await.unwrap();
            if checked.as_deref() == Some("true") {
                return;
            }
            if Instant::now() > deadline {
                self.screenshot("failure").await;
                panic!("{css:?} never became checked");
            }
            self.click(css).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    }

    /// Waits until the element matching `css` contains `text`, returning its full text.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let what = format!("{css:?} to show {text:?}");
        self.wait_for(&what, PATIENCE, async || {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => match element.text().await {
                    Ok(found) if found.contains(text) => Ok(found),
                    Ok(found) => Err(format!("showing {found:?}")),
                    Err(e) => Err(format!("an error reading its text: {e}")),
                },
                Err(e) => Err(format!("no element: {e}")),
            }
        })
        .await
    }

    /// Opens one of the incident cockpit's side panes (sync, timeline, gate,
    /// notes, handoff, sent, metrics) by its tab, as the lead would.
    pub async fn pane(&self, name: &str) {
        self.click(&format!("[data-testid=\"pane-{name}\"]")).await;
    }

    /// Opens the timeline pane and waits until it shows `text`.
    pub async fn timeline(&self, text: &str) -> String {
        self.pane("timeline").await;
        self.shows("timeline", text).await
    }

    /// Waits until the element with this `data-testid` holds `text` in the
    /// DOM, for a line kept to one line with an ellipsis: WebKit's WebDriver
    /// reads such an element's visible text as empty.
    pub async fn holds(&self, test_id: &str, text: &str) -> String {
        let css = format!("[data-testid=\"{test_id}\"]");
        let what = format!("{css:?} to hold {text:?}");
        self.wait_for(&what, PATIENCE, async || {
            let found = self
                .find(&css)
                .await
                .prop("textContent")
                .await
                .unwrap()
                .unwrap_or_default();
            if found.contains(text) {
                Ok(found)
            } else {
                Err(format!("holding {found:?}"))
            }
        })
        .await
    }

    /// Waits until the element matching `css` shows `word` at least `times`
    /// times (every delivery of a list "delivered", say); fails with what it
    /// last saw. Deliveries cross real sockets and a retry may back off, so
    /// it waits four times the usual patience.
    pub async fn shows_times(&self, css: &str, word: &str, times: usize) -> String {
        let what = format!("{css:?} to show {word:?} {times} times");
        self.wait_for(&what, 4 * PATIENCE, async || {
            let found = self.find(css).await.text().await.unwrap_or_default();
            if found.matches(word).count() >= times {
                Ok(found)
            } else {
                Err(format!("showing {found:?}"))
            }
        })
        .await
    }

    /// Waits until the element with this `data-testid` contains `text`.
    pub async fn shows(&self, test_id: &str, text: &str) -> String {
        self.wait_for_text(&format!("[data-testid=\"{test_id}\"]"), text)
            .await
    }

    /// Saves just Herald's window, as a person sees it, to
    /// `target/e2e-screenshots/<name>.png` (the screen may be larger).
    pub async fn screenshot_window(&self, name: &str) {
        let (x, y, width, height) = self.client.get_window_rect().await.unwrap();
        self.capture(
            name,
            &["-crop", &format!("{width}x{height}+{x}+{y}"), "+repage"],
        )
        .await;
    }

    /// Saves the screen as a person sees it to `target/e2e-screenshots/<name>.png`.
    /// Captured from the X display with ImageMagick's `import` (full path: a
    /// stand-in `convert` may sit earlier on PATH): WebDriver's own screenshot
    /// waits for WebKit's next paint, which on a still page can take a minute.
    pub async fn screenshot(&self, name: &str) {
        self.capture(name, &[]).await;
    }

    async fn capture(&self, name: &str, options: &[&str]) {
        let dir = workspace_root().join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        let status = Command::new("/usr/bin/import")
            .args(["-window", "root"])
            .args(options)
            .arg(&path)
            .status()
            .await
            .expect("ImageMagick's /usr/bin/import takes the screenshots");
        assert!(status.success(), "screenshot {name} failed: {status}");
        println!("screenshot: {}", path.display());
    }
}

/// python-dbusmock's notification server on the test's session bus, so the
/// app's real notifications have somewhere to go and can be read back.
#[derive(Debug)]
pub struct NotificationServer(std::process::Child);

impl NotificationServer {
    pub async fn start() -> NotificationServer {
        let child = std::process::Command::new("/usr/bin/python3")
            .args(["-m", "dbusmock", "--template", "notification_daemon"])
            .args(["--parameters", "{\"capabilities\": \"body actions\"}"])
            .stdout(Stdio::null())
            .spawn()
            .expect("python3-dbusmock is installed");
        let server = NotificationServer(child);
        server
            .wait_for("the mock notification server to answer", "(", PATIENCE)
            .await;
        server
    }

    /// Waits until the Notify calls received include `text`, and returns them all.
    pub async fn wait_for(&self, what: &str, text: &str, patience: Duration) -> String {
        wait_to_read(what, patience, text, async || self.calls().await).await
    }

    /// Every Notify call received so far, as gdbus prints them.
    pub async fn calls(&self) -> String {
        let out = Command::new("gdbus")
            .args([
                "call",
                "--session",
                "--dest",
                "org.freedesktop.Notifications",
            ])
            .args([
                "--object-path",
                "/org/freedesktop/Notifications",
                "--method",
            ])
            .args(["org.freedesktop.DBus.Mock.GetMethodCalls", "Notify"])
            .output()
            .await
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for NotificationServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A real SMTP server on loopback (aiosmtpd, from the validators' receiver)
/// that keeps every message it accepts in a Maildir, to read back.
#[derive(Debug)]
pub struct MailServer {
    child: std::process::Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl MailServer {
    pub fn start() -> MailServer {
        use std::io::BufRead;
        let root = workspace_root();
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(root.join(".dev/venv/bin/python"))
            .arg(root.join("tests/validators/receiver.py"))
            .arg(dir.path())
            .arg("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .stdout(Stdio::piped())
            .spawn()
            .expect("the validators' venv is set up (.dev/test.sh does it)");
        let stdout = child.stdout.take().unwrap();
        let mut lines = std::io::BufReader::new(stdout).lines();
        let port = loop {
            let line = lines
                .next()
                .expect("the receiver stopped before listening")
                .unwrap();
            if let Some(port) = line.strip_prefix("smtp ") {
                break port.trim().parse().unwrap();
            }
        };
        // Keep draining its output so it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        MailServer { child, port, dir }
    }

    /// Every message received so far, as raw text, oldest first.
    pub fn messages(&self) -> Vec<String> {
        let new = self.dir.path().join("mail/new");
        let mut files: Vec<_> = std::fs::read_dir(&new)
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    }
}

impl Drop for MailServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A StatusNotifier host (python-dbusmock standing in for a desktop panel), so
/// the app's real tray icon registers and its label and menu can be read back.
#[derive(Debug)]
pub struct TrayHost(std::process::Child);

const TRAY_ITEM: &str = "/org/ayatana/NotificationItem/tray_icon_tray_app_herald";

impl TrayHost {
    pub async fn start() -> TrayHost {
        let child = std::process::Command::new("/usr/bin/python3")
            .args([
                "-m",
                "dbusmock",
                "org.kde.StatusNotifierWatcher",
                "/StatusNotifierWatcher",
            ])
            .arg("org.kde.StatusNotifierWatcher")
            .stdout(Stdio::null())
            .spawn()
            .expect("python3-dbusmock is installed");
        let host = TrayHost(child);
        let mock = "org.freedesktop.DBus.Mock";
        let watcher = "org.kde.StatusNotifierWatcher";
        let add_method = format!("{mock}.AddMethod");
        wait_until("the mock tray host to answer", PATIENCE, async || {
            let arguments = [
                &add_method,
                watcher,
                "RegisterStatusNotifierItem",
                "s",
                "",
                "",
            ];
            let answered = gdbus_session(watcher, "/StatusNotifierWatcher", &arguments).await;
            (!answered).then(|| "silent".to_owned())
        })
        .await;
        for (name, value) in [
            ("IsStatusNotifierHostRegistered", "<true>"),
            ("ProtocolVersion", "<0>"),
        ] {
            assert!(
                gdbus_session(
                    watcher,
                    "/StatusNotifierWatcher",
                    &[&format!("{mock}.AddProperty"), watcher, name, value]
                )
                .await
            );
        }
        host
    }

    /// The tray's label and menu labels, read from every connection of the
    /// `herald` process (the item lives on one of them).
    pub async fn read(&self) -> String {
        let list = Command::new("busctl")
            .args(["--user", "list", "--no-legend"])
            .output()
            .await
            .unwrap();
        let mut found = String::new();
        for line in String::from_utf8_lossy(&list.stdout).lines() {
            let fields: Vec<_> = line.split_whitespace().collect();
            if fields.get(2) != Some(&"herald") {
                continue;
            }
            for (path, args) in [
                (
                    TRAY_ITEM.to_owned(),
                    vec![
                        "org.freedesktop.DBus.Properties.Get",
                        "org.kde.StatusNotifierItem",
                        "XAyatanaLabel",
                    ],
                ),
                (
                    format!("{TRAY_ITEM}/Menu"),
                    vec!["com.canonical.dbusmenu.GetLayout", "--", "0", "-1", "[]"],
                ),
            ] {
                let out = Command::new("gdbus")
                    .args(["call", "--session", "-d", fields[0], "-o", &path, "-m"])
                    .args(&args)
                    .output()
                    .await
                    .unwrap();
                found.push_str(&String::from_utf8_lossy(&out.stdout));
            }
        }
        found
    }

    /// Waits until the tray's label or menu reads `text`, and returns all it reads.
    pub async fn wait_for(&self, text: &str) -> String {
        let what = format!("the tray to read {text:?}");
        wait_to_read(&what, PATIENCE, text, async || self.read().await).await
    }
}

impl TrayHost {
    /// Clicks the tray menu item labelled `label`, as a desktop panel does:
    /// the dbusmenu `Event(id, "clicked")` on the app's menu object.
    pub async fn click(&self, label: &str) {
        let what = format!("a tray menu item labelled {label:?}");
        wait_until(&what, PATIENCE, async || {
            if self.click_once(label).await {
                None
            } else {
                Some(format!("reading {:?}", self.read().await))
            }
        })
        .await;
    }

    /// Sends the click if a menu item labelled `label` is there; says whether it was.
    async fn click_once(&self, label: &str) -> bool {
        let list = Command::new("busctl")
            .args(["--user", "list", "--no-legend"])
            .output()
            .await
            .unwrap();
        for line in String::from_utf8_lossy(&list.stdout).lines() {
            let fields: Vec<_> = line.split_whitespace().collect();
            if fields.get(2) != Some(&"herald") {
                continue;
            }
            let menu = format!("{TRAY_ITEM}/Menu");
            let layout = Command::new("gdbus")
                .args(["call", "--session", "-d", fields[0], "-o", &menu, "-m"])
                .args(["com.canonical.dbusmenu.GetLayout", "--", "0", "-1", "[]"])
                .output()
                .await
                .unwrap();
            let layout = String::from_utf8_lossy(&layout.stdout).into_owned();
            // Items read "(7, {... 'label': <'Show Herald'> ...}, [])".
            let Some(at) = layout.find(&format!("'label': <'{label}'>")) else {
                continue;
            };
            let start = layout[..at].rfind('(').unwrap_or(0);
            let id: String = layout[start + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let status = Command::new("gdbus")
                .args(["call", "--session", "-d", fields[0], "-o", &menu, "-m"])
                .args([
                    "com.canonical.dbusmenu.Event",
                    &id,
                    "clicked",
                    "<int32 0>",
                    "0",
                ])
                // gdbus prints the call's empty reply, "()", into the test's output.
                .stdout(Stdio::null())
                .status()
                .await
                .unwrap();
            if status.success() {
                return true;
            }
        }
        false
    }
}

impl Drop for TrayHost {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn gdbus_session(dest: &str, path: &str, method_and_args: &[&str]) -> bool {
    Command::new("gdbus")
        .args(["call", "--session", "-d", dest, "-o", path, "-m"])
        .args(method_and_args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .await
        .is_ok_and(|s| s.success())
}

/// A real window manager (openbox) on the test's display, for tests about what
/// only a window manager does, such as keeping a window above the others.
#[derive(Debug)]
pub struct WindowManager(std::process::Child);

/// Answers the native save dialog titled `title` with `path`, as a person
/// would: focus it, type the full path into its name field, press Enter.
/// Enter is pressed only once the field is seen to hold the whole path
/// (selecting it puts it on X's primary selection, which xclip reads), since
/// keys typed while GTK is still laying the chooser out can be lost.
pub async fn answer_save_dialog(title: &str, path: &Path) {
    let mut window = String::new();
    wait_until(
        &format!("a window titled {title:?}"),
        PATIENCE,
        async || {
            let out = Command::new("xdotool")
                .args(["search", "--name", title])
                .output()
                .await
                .expect("xdotool is installed (Debian package xdotool)");
            let found = String::from_utf8_lossy(&out.stdout);
            let Some(id) = found.lines().next() else {
                return Some("no such window".to_owned());
            };
            window = id.trim().to_owned();
            None
        },
    )
    .await;
    let wanted = path.display().to_string();
    wait_until("the name field to hold the path", PATIENCE, async || {
        xdotool(&["windowactivate", "--sync", &window]).await;
        xdotool(&["key", "ctrl+a"]).await;
        xdotool(&["type", "--delay", "30", &wanted]).await;
        xdotool(&["key", "ctrl+a"]).await;
        let out = Command::new("xclip")
            .args(["-o", "-selection", "primary"])
            .output()
            .await
            .expect("xclip is installed (Debian package xclip)");
        let held = String::from_utf8_lossy(&out.stdout).into_owned();
        (held != wanted).then(|| format!("holds {held:?}"))
    })
    .await;
    xdotool(&["key", "Return"]).await;
}

async fn xdotool(args: &[&str]) {
    let status = Command::new("xdotool").args(args).status().await.unwrap();
    assert!(status.success(), "xdotool {args:?}");
}

impl WindowManager {
    /// Starts openbox and waits until it manages the display. An openbox that
    /// exits before then (it can lose a race for the display just after the
    /// previous test's windows close) is started again, up to three times,
    /// and its own words are in the failure.
    pub async fn start() -> WindowManager {
        let mut said = String::new();
        for _ in 0..3 {
            let log = tempfile::NamedTempFile::new().unwrap();
            let mut child = std::process::Command::new("openbox")
                .arg("--sm-disable")
                .stdout(Stdio::null())
                .stderr(log.reopen().unwrap())
                .spawn()
                .expect("openbox is installed (Debian package openbox)");
            let took = poll(PATIENCE, async || {
                if child.try_wait().unwrap().is_some() {
                    return Ok(false);
                }
                let managed = managed_by_a_live_window_manager().await;
                if managed {
                    Ok(true)
                } else {
                    Err(String::new())
                }
            })
            .await;
            if took == Ok(true) {
                return WindowManager(child);
            }
            // Kills one that never took the display; one that exited is only reaped.
            let _ = child.kill();
            let _ = child.wait();
            said = std::fs::read_to_string(log.path()).unwrap_or_default();
        }
        panic!("openbox never took the display; it said: {said}");
    }
}

/// Whether a running window manager manages the display. It announces itself
/// with a check window named on the root; the root keeps naming that window
/// after the manager exits (a previous test's openbox), so the window itself
/// must still exist and carry the manager's name.
async fn managed_by_a_live_window_manager() -> bool {
    let root = Command::new("xprop")
        .args(["-root", "_NET_SUPPORTING_WM_CHECK"])
        .output()
        .await
        .unwrap();
    let root = String::from_utf8_lossy(&root.stdout).into_owned();
    let Some(id) = root.split("window id # ").nth(1).map(str::trim) else {
        return false;
    };
    let check = Command::new("xprop")
        .args(["-id", id, "_NET_WM_NAME"])
        .output()
        .await
        .unwrap();
    check.status.success() && String::from_utf8_lossy(&check.stdout).contains("Openbox")
}

impl Drop for WindowManager {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts a channel in Settings → Channels (already open) for one audience;
/// the caller fills the kind's own fields and saves.
pub async fn add_channel(app: &App, kind: &str, name: &str, audience: &str) {
    app.click("[data-testid=\"add-channel\"]").await;
    app.click(&format!(
        "[data-testid=\"channel-kind\"] option[value=\"{kind}\"]"
    ))
    .await;
    app.replace_text("[data-testid=\"channel-name\"]", name)
        .await;
    app.check(&format!("[data-testid=\"channel-audience-{audience}\"]"))
        .await;
}

/// Waits until a top-level X window's name contains `part` (or, when
/// `shown` is false, until none does), failing with every window's name.
pub async fn wait_for_window(part: &str, shown: bool, patience: Duration) {
    let what = format!(
        "a window named like {part:?} to be {}",
        if shown { "open" } else { "gone" }
    );
    wait_until(&what, patience, async || {
        let titles = x_window_titles().await;
        (titles.contains(part) != shown).then_some(titles)
    })
    .await;
}

/// The names of the top-level X windows, as the window manager would show them.
pub async fn x_window_titles() -> String {
    let out = Command::new("xwininfo")
        .args(["-root", "-tree"])
        .output()
        .await
        .expect("xwininfo (x11-utils) lists the X windows");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Declares an incident through the form, from the board.
pub async fn declare(app: &App, title: &str, external_id: &str, severity: &str) {
    app.click("[data-testid=\"declare-button\"]").await;
    app.fill("declare-title", title).await;
    app.fill("declare-external-id", external_id).await;
    app.fill(
        "declare-link",
        &format!("https://incidents.example.com/{external_id}"),
    )
    .await;
    app.choose("declare-severity", severity).await;
    app.fill("declare-commander", "Ana Lima").await;
    app.fill("declare-comms-lead", "Bo Chen").await;
    app.click("[data-testid=\"declare-submit\"]").await;
    app.wait_for_text("#incident-title", title).await;
}
