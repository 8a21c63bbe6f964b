//! Moving a broken database aside: renamed beside itself, never deleted.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use herald_desk::{StartupProblem, move_aside};
use herald_store::Store;

#[test]
fn a_corrupt_file_is_moved_aside_with_its_companions_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("herald.sqlite");
    std::fs::write(
        &path,
        b"not a database at all, just some text that is long enough",
    )
    .unwrap();
    std::fs::write(dir.path().join("herald.sqlite-wal"), b"wal bytes").unwrap();

    let err = Store::open(&path).unwrap_err();
    let problem = StartupProblem::from(&err);
    assert_eq!(problem.problem, "corrupt");
    assert!(problem.message.contains(&path.display().to_string()));

    let now = Utc
        .with_ymd_and_hms(2026, 11, 27, 15, 4, 5)
        .single()
        .unwrap();
    let moved = move_aside(&path, now).unwrap();
    assert_eq!(
        moved.file_name().unwrap(),
        "herald.sqlite.broken-20261127T150405Z"
    );
    assert!(
        std::fs::read(&moved)
            .unwrap()
            .starts_with(b"not a database")
    );
    assert_eq!(
        std::fs::read(dir.path().join("herald.sqlite.broken-20261127T150405Z-wal")).unwrap(),
        b"wal bytes"
    );
    assert!(!path.exists());

    // A second move in the same second does not overwrite the first.
    std::fs::write(&path, b"second broken file").unwrap();
    let again = move_aside(&path, now).unwrap();
    assert_eq!(
        again.file_name().unwrap(),
        "herald.sqlite.broken-20261127T150405Z-2"
    );
    assert!(moved.exists());

    // And a fresh database now opens where the broken one was.
    Store::open(&path).unwrap();
}

#[test]
fn launch_reports_the_problem_then_starts_fresh_keeping_the_old_file() {
    use std::sync::Arc;

    use herald_desk::{ErrorCode, Launch, ManualClock};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("herald.sqlite");
    std::fs::write(&path, b"garbage garbage garbage garbage").unwrap();
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0)
            .single()
            .unwrap(),
    ));

    let launch = Launch::open(&path, clock);
    assert_eq!(launch.problem().unwrap().problem, "corrupt");
    assert_eq!(
        launch.desk().unwrap_err().code,
        ErrorCode::DatabaseUnavailable
    );

    let moved = launch.start_fresh().unwrap();
    assert_eq!(
        std::fs::read(&moved).unwrap(),
        b"garbage garbage garbage garbage"
    );
    assert!(launch.problem().is_none());
    assert!(launch.desk().unwrap().board().unwrap().open.is_empty());

    // Once working, there is nothing to move aside.
    assert_eq!(
        launch.start_fresh().unwrap_err().code,
        ErrorCode::InvalidInput
    );
    assert!(path.exists());
}

#[test]
fn a_failed_companion_rename_puts_everything_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("herald.sqlite");
    std::fs::write(&path, b"main bytes").unwrap();
    std::fs::write(dir.path().join("herald.sqlite-wal"), b"wal bytes").unwrap();
    let now = Utc
        .with_ymd_and_hms(2026, 11, 27, 15, 4, 5)
        .single()
        .unwrap();
    // A non-empty folder where the WAL would go makes that rename fail.
    let blocker = dir.path().join("herald.sqlite.broken-20261127T150405Z-wal");
    std::fs::create_dir(&blocker).unwrap();
    std::fs::write(blocker.join("x"), b"x").unwrap();
    move_aside(&path, now).expect_err("the WAL could not be moved");
    assert_eq!(std::fs::read(&path).unwrap(), b"main bytes");
    assert_eq!(
        std::fs::read(dir.path().join("herald.sqlite-wal")).unwrap(),
        b"wal bytes",
        "the database and its log stay together"
    );
    assert!(
        !dir.path()
            .join("herald.sqlite.broken-20261127T150405Z")
            .exists()
    );
}

#[test]
fn a_locked_database_offers_retry_and_never_moving_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("herald.sqlite");
    drop(Store::open(&path).unwrap());
    let holder = rusqlite::Connection::open(&path).unwrap();
    // Exclusive locking mode, as another program holding the file would use:
    // in WAL mode a plain write lock still lets readers in.
    holder
        .execute_batch(
            "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE held (x); COMMIT;",
        )
        .unwrap();
    let launch = herald_desk::Launch::open(&path, std::sync::Arc::new(herald_desk::SystemClock));
    let problem = launch.problem().unwrap();
    assert_eq!(problem.problem, "busy");
    assert!(problem.retry && !problem.move_aside, "{problem:?}");
    assert!(launch.retry().is_err(), "still locked");
    drop(holder);
    launch.retry().unwrap();
    assert!(launch.problem().is_none());
    assert!(launch.desk().is_ok());
}

#[test]
fn one_data_directory_is_one_instance_however_it_is_spelled() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("data");
    let spellings = [
        plain.clone(),
        std::path::PathBuf::from(format!("{}/", plain.display())),
        dir.path().join("other/../data"),
        dir.path().join("./data"),
    ];
    std::fs::create_dir_all(dir.path().join("other")).unwrap();
    let ids: Vec<String> = spellings
        .iter()
        .map(|p| herald_desk::instance_id(p))
        .collect();
    assert!(ids.iter().all(|id| id == &ids[0]), "{ids:?}");
    assert_ne!(
        ids[0],
        herald_desk::instance_id(&dir.path().join("another"))
    );
    assert!(ids[0].starts_with("app.herald.desk.d"));
}

#[test]
fn the_still_running_note_is_due_once_per_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("herald.sqlite");
    let clock = std::sync::Arc::new(herald_desk::SystemClock);
    let desk = herald_desk::Desk::open(&path, clock.clone()).unwrap();
    assert!(desk.take_background_note());
    assert!(!desk.take_background_note());
    drop(desk);
    let again = herald_desk::Desk::open(&path, clock).unwrap();
    assert!(!again.take_background_note(), "remembered across restarts");
}
