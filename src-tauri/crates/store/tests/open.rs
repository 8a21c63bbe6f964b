//! Opening real files: settings applied, bad files classified, never deleted.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use herald_store::{OpenProblem, Store, migrations};

fn problem_opening(bytes: &[u8]) -> (OpenProblem, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("herald.sqlite");
    std::fs::write(&path, bytes).unwrap();
    let err = Store::open(&path).expect_err("a bad file must not open");
    assert!(
        std::fs::read(&path).unwrap() == bytes,
        "the bad file is left untouched"
    );
    (err.problem, err.to_string())
}

#[test]
fn a_new_file_gets_wal_foreign_keys_full_sync_and_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/herald.sqlite");
    let store = Store::open(&path).unwrap();
    store
        .read(|conn| {
            let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
            let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
            let busy: i64 = conn.query_row("PRAGMA busy_timeout", [], |r| r.get(0))?;
            assert_eq!((mode.as_str(), fk, sync), ("wal", 1, 2));
            assert!(busy >= 1000);
            assert_eq!(migrations::version(conn)?, migrations::LATEST);
            Ok(())
        })
        .unwrap();
    drop(store);
    // Opening again is a no-op migration, not an error.
    Store::open(&path).unwrap();
}

#[test]
fn garbage_is_reported_as_corrupt() {
    let (problem, message) =
        problem_opening(b"this is a text file, not a database, padded out..........");
    assert_eq!(problem, OpenProblem::Corrupt);
    assert!(
        message.contains("damaged or is not a Herald database"),
        "{message}"
    );
}

#[test]
fn a_database_with_damaged_pages_is_reported_as_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("herald.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
             INSERT INTO t SELECT printf('%0200d', i) FROM n;",
        )
        .unwrap();
    }
    // Overwrite a run of pages in the middle of the file, keeping the header valid.
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 8192].fill(0xA5);
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).expect_err("damaged pages must be caught at open");
    assert_eq!(err.problem, OpenProblem::Corrupt, "{err}");
    assert!(
        std::fs::read(&path).unwrap() == bytes,
        "the damaged file is left untouched"
    );
}

#[test]
fn a_directory_in_the_way_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("herald.sqlite");
    std::fs::create_dir(&path).unwrap();
    let err = Store::open(&path).expect_err("a directory is not a database");
    assert_eq!(err.problem, OpenProblem::Unreadable, "{err}");
    assert!(path.is_dir());
}

#[test]
fn a_file_from_a_newer_herald_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("herald.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", migrations::LATEST + 1)
            .unwrap();
    }
    let err = Store::open(&path).expect_err("newer schema");
    assert_eq!(err.problem, OpenProblem::TooNew);
    assert!(err.to_string().contains("newer version of Herald"), "{err}");
}

#[test]
fn a_failed_write_commits_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("h.sqlite")).unwrap();
    let result: Result<(), herald_store::StoreError> = store.write(|tx| {
        tx.execute("INSERT INTO settings (key, value) VALUES ('a', '1')", [])?;
        // Violates the JSON check: the whole transaction must roll back.
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ('b', 'not json')",
            [],
        )?;
        Ok(())
    });
    assert!(result.is_err());
    let count: i64 = store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM settings", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(count, 0);
}

#[test]
fn a_database_locked_by_another_program_is_busy_not_damaged() {
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
    let err = Store::open(&path).expect_err("locked past the busy timeout");
    assert_eq!(err.problem, OpenProblem::Busy, "{err}");
    assert!(
        err.to_string().contains("locked by another program"),
        "{err}"
    );
    drop(holder);
    Store::open(&path).expect("opens once the other program lets go");
}

#[test]
fn an_existing_database_is_snapshotted_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("herald.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        migrations::migrate_to(&conn, migrations::LATEST - 1).unwrap();
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('marker', '\"before\"')",
            [],
        )
        .unwrap();
    }
    drop(Store::open(&path).unwrap());
    let snapshot = herald_store::snapshot_path(&path);
    assert_eq!(
        snapshot.file_name().unwrap().to_string_lossy(),
        format!("herald.sqlite.before-v{}", migrations::LATEST)
    );
    let old = rusqlite::Connection::open(&snapshot).unwrap();
    assert_eq!(migrations::version(&old).unwrap(), migrations::LATEST - 1);
    let marker: String = old
        .query_row("SELECT value FROM settings WHERE key = 'marker'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(marker, "\"before\"");
    // A new database has nothing to keep, and an up-to-date one is not copied again.
    let fresh = dir.path().join("fresh.sqlite");
    drop(Store::open(&fresh).unwrap());
    drop(Store::open(&fresh).unwrap());
    assert!(!herald_store::snapshot_path(&fresh).exists());
}
