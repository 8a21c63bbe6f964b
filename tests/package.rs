//! The installed package, as a lead gets it: `.dev/test.sh` builds the release
//! `.deb` and `.rpm`, installs the `.deb` with apt, and runs this with
//! `HERALD_BIN=/usr/bin/herald`; it removes the package afterwards and checks
//! nothing is left. Here: the package's fields, its desktop entry (checked by
//! `desktop-file-validate`), its icons at every size, the `.rpm`'s header, and
//! the installed binary reaching its board in a real window.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use herald_e2e::{App, Profile, app_binary, workspace_root};

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_deb_installs_a_valid_desktop_entry_and_icons_with_real_fields() {
    assert_eq!(
        app_binary(),
        Path::new("/usr/bin/herald"),
        "run against the installed package"
    );
    let status = run("dpkg", &["-s", "herald"]);
    for field in [
        "Status: install ok installed",
        "Version: 0.1.0",
        "Maintainer: The Herald developers <maintainers@herald.invalid>",
        "Section: utils",
        "Homepage: https://herald.invalid/",
        "Depends: libayatana-appindicator3-1",
    ] {
        assert!(status.contains(field), "no {field:?} in:\n{status}");
    }
    let entry = Path::new("/usr/share/applications/Herald.desktop");
    run("desktop-file-validate", &[entry.to_str().unwrap()]);
    let text = std::fs::read_to_string(entry).unwrap();
    assert!(text.contains("Exec=herald"), "{text}");
    assert!(text.contains("Icon=herald"), "{text}");
    for size in ["32x32", "64x64", "128x128", "256x256@2"] {
        let icon = format!("/usr/share/icons/hicolor/{size}/apps/herald.png");
        assert!(Path::new(&icon).exists(), "no icon at {icon}");
    }
    let files = run("dpkg", &["-L", "herald"]);
    assert!(files.lines().any(|l| l == "/usr/bin/herald"), "{files}");
}

#[test]
fn the_rpm_carries_the_same_fields() {
    let dir = workspace_root().join("target/release/bundle/rpm");
    let rpm = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("no {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "rpm"))
        .expect("an .rpm was built");
    let info = run("rpm", &["-qip", rpm.to_str().unwrap()]);
    for field in ["herald", "0.1.0", "MIT", "https://herald.invalid/"] {
        assert!(info.contains(field), "no {field:?} in:\n{info}");
    }
    let files = run("rpm", &["-qlp", rpm.to_str().unwrap()]);
    assert!(files.contains("/usr/bin/herald"), "{files}");
    assert!(
        files.contains("/usr/share/applications/Herald.desktop"),
        "{files}"
    );
}

#[tokio::test]
async fn the_installed_herald_opens_to_its_board() {
    let profile = Profile::new();
    let app = App::launch(&profile).await;
    app.shows("board-empty", "No open incidents").await;
    app.quit().await;
}
