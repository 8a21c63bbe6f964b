//! A full disk while the lead works: Herald's database on a small tmpfs that a
//! filler file fills up. Saving and publishing fail with a clear error and
//! change nothing; once space returns, the same actions go through and every
//! earlier write is intact. Mounting needs root, which CI and these machines
//! run as; the mount is undone when the test ends, pass or fail.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use herald_core::{Audience, NewIncident, Severity, Status};
use herald_desk::{Desk, ErrorCode, PublishRequest, SystemClock};

/// A tmpfs of `size` mounted at a fresh folder, unmounted on drop.
struct SmallDisk {
    at: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let at = dir.path().join("disk");
        std::fs::create_dir(&at).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&at)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "this test mounts a small tmpfs and needs root: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        SmallDisk { at, _dir: dir }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.at).status();
    }
}

/// Writes to `path` until the disk refuses.
fn fill(path: &Path) {
    let mut file = std::fs::File::create(path).unwrap();
    let block = vec![0x5a_u8; 64 * 1024];
    while file
        .write_all(&block)
        .and_then(|()| file.sync_all())
        .is_ok()
    {}
    // The last partial block may have landed; top up byte by byte.
    while file.write_all(&[0]).and_then(|()| file.sync_all()).is_ok() {}
}

#[test]
fn a_full_disk_gives_a_clear_error_loses_nothing_and_recovers_when_space_returns() {
    let disk = SmallDisk::mount("2m");
    let desk = Desk::open(&disk.at.join("herald.sqlite"), Arc::new(SystemClock)).unwrap();
    let id = desk
        .declare_incident(NewIncident {
            external_id: "INC-1".into(),
            link: String::new(),
            title: "Checkout errors".into(),
            severity: Severity::Sev2,
            status: Status::Investigating,
            customer_visible: false,
            commander: String::new(),
            comms_lead: String::new(),
        })
        .unwrap()
        .incident
        .id;
    let saved = desk
        .save_draft(
            &id,
            Audience::IncidentChannel,
            "Before the disk filled.".into(),
        )
        .unwrap();

    let filler = disk.at.join("filler");
    fill(&filler);
    // A big edit needs new pages, which a full disk cannot give.
    let big = format!(
        "{}That is all.",
        "Checkout is failing for some customers. ".repeat(2_000)
    );
    let error = desk
        .save_draft(&id, Audience::IncidentChannel, big.clone())
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::Storage);
    assert!(
        error.message.starts_with("The disk is full"),
        "{}",
        error.message
    );
    let publish = desk.publish(
        &id,
        PublishRequest {
            audience: Audience::IncidentChannel,
            revision: saved.revision,
            override_reason: None,
            components: Vec::new(),
            notify_subscribers: true,
        },
    );
    if let Err(e) = &publish {
        assert!(e.message.starts_with("The disk is full"), "{}", e.message);
    }
    let view = desk.incident(&id).unwrap();
    let draft = view
        .drafts
        .iter()
        .find(|d| d.audience == Audience::IncidentChannel)
        .unwrap();
    assert_eq!(
        draft.body, "Before the disk filled.",
        "the failed save changed nothing"
    );

    std::fs::remove_file(&filler).unwrap();
    let after = desk
        .save_draft(&id, Audience::IncidentChannel, big.clone())
        .unwrap();
    assert!(after.body == big, "saved once space returned");
    desk.publish(
        &id,
        PublishRequest {
            audience: Audience::IncidentChannel,
            revision: after.revision,
            override_reason: None,
            components: Vec::new(),
            notify_subscribers: true,
        },
    )
    .unwrap();
    let view = desk.incident(&id).unwrap();
    assert!(
        view.updates.first().unwrap().body == big,
        "published in full"
    );
    drop(desk);
    let conn = rusqlite::Connection::open(disk.at.join("herald.sqlite")).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}
