//! Every schema version ships a fixture database (`tests/fixtures/vN.sqlite`,
//! built once from `vN-seed.sql` and then frozen). Each must migrate to the
//! latest schema with integrity and foreign keys clean and its data readable.
//!
//! A new migration without a fixture fails here. To build the missing one:
//! `UPDATE_FIXTURES=1 cargo test -p herald-store --test fixtures`.
//! Existing fixtures are never rewritten: they are history.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use herald_store::{
    Store, channels, corrections, deliveries, drafts, drill_scores, incidents, migrations, notes,
    obligations, promises, receipts, settings, syncs, timeline, updates,
};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn build_fixture(version: u32, target: &std::path::Path) {
    let seed = std::fs::read_to_string(fixtures().join(format!("v{version}-seed.sql")))
        .unwrap_or_else(|e| panic!("v{version}-seed.sql is needed to build the fixture: {e}"));
    let dir = tempfile::tempdir().unwrap();
    let conn = rusqlite::Connection::open(dir.path().join("build.sqlite")).unwrap();
    migrations::migrate_to(&conn, version).unwrap();
    conn.execute_batch(&seed).unwrap();
    conn.execute("VACUUM INTO ?1", [target.to_str().unwrap()])
        .unwrap();
}

#[test]
fn every_schema_version_has_a_fixture_that_migrates_cleanly() {
    for version in 1..=migrations::LATEST {
        let fixture = fixtures().join(format!("v{version}.sqlite"));
        if !fixture.exists() {
            assert!(
                std::env::var_os("UPDATE_FIXTURES").is_some(),
                "schema version {version} has no fixture database {}; build it with \
                 UPDATE_FIXTURES=1 cargo test -p herald-store --test fixtures",
                fixture.display()
            );
            build_fixture(version, &fixture);
        }
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("herald.sqlite");
        std::fs::copy(&fixture, &copy).unwrap();
        let store = Store::open(&copy).unwrap_or_else(|e| panic!("v{version}: {e}"));
        store
            .read(|conn| {
                assert_eq!(migrations::version(conn)?, migrations::LATEST);
                let integrity: String =
                    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
                assert_eq!(integrity, "ok", "v{version}");
                let orphans: i64 =
                    conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                        r.get(0)
                    })?;
                assert_eq!(orphans, 0, "v{version}: foreign key violations");
                let all = incidents::all(conn)?;
                assert!(
                    !all.rows.is_empty() && all.unreadable.is_empty(),
                    "v{version}: the fixture's incidents survive: {:?}",
                    all.unreadable
                );
                for incident in &all.rows {
                    timeline::for_incident(conn, &incident.id)?;
                    updates::for_incident(conn, &incident.id)?;
                    syncs::for_incident(conn, &incident.id)?;
                    drafts::for_incident(conn, &incident.id)?;
                    notes::constraints(conn, &incident.id)?;
                    notes::asks(conn, &incident.id)?;
                    deliveries::for_incident(conn, &incident.id)?;
                    receipts::for_incident(conn, &incident.id)?;
                }
                if version >= 11 {
                    let cards = drill_scores::all(conn)?;
                    assert_eq!(cards.len(), 1, "v{version}: the score card reads back");
                    assert_eq!(
                        (cards[0].1.person.as_str(), cards[0].1.points),
                        ("Bo Chen", 85)
                    );
                }
                if version >= 10 {
                    let id = &all.rows[0].id;
                    let corrections = corrections::for_incident(conn, id)?;
                    assert_eq!(
                        corrections.len(),
                        1,
                        "v{version}: the correction reads back"
                    );
                    let sent = deliveries::for_incident(conn, id)?;
                    let edit = sent.iter().find(|d| d.correction_id == corrections[0].id);
                    assert!(edit.is_some(), "v{version}: its delivery reads back");
                    assert!(
                        sent.iter().any(|d| d.remote_part == "k7ts0v1ryxm0"),
                        "v{version}: the incident update a delivery made reads back"
                    );
                }
                if version >= 9 {
                    let clocks = obligations::for_incident(conn, &all.rows[0].id)?;
                    assert_eq!(clocks.len(), 1, "v{version}: the clock reads back");
                    assert_eq!(clocks[0].met(), Some(true), "v{version}: sent in time");
                }
                if version >= 8 {
                    let promises = promises::for_incident(conn, &all.rows[0].id)?;
                    assert_eq!(promises.len(), 1, "v{version}: the promise reads back");
                    let dated = promises::dated(conn)?;
                    assert_eq!(
                        (dated.rows.len(), dated.unreadable.len(), dated.rows[0].1),
                        (1, 0, Some(herald_core::AlertStage::HeadsUp)),
                        "v{version}: the promise's alert stage reads back"
                    );
                }
                if version >= 7 {
                    let handed_over = receipts::for_incident(conn, &all.rows[0].id)?;
                    assert_eq!(handed_over.len(), 1, "v{version}: the receipt reads back");
                }
                settings::severity_matrix(conn)?;
                settings::templates(conn)?;
                settings::guardrails(conn)?;
                settings::customer_time_zone(conn)?;
                settings::handoff_preferences(conn)?;
                channels::all(conn)?;
                Ok(())
            })
            .unwrap_or_else(|e| panic!("v{version}: {e}"));
    }
}
