//! Opening the database file: connection settings, a corruption check, migrations.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{OpenError, OpenProblem};
use crate::migrations;

pub(crate) fn open_checked(path: &Path) -> Result<Connection, OpenError> {
    let fail = |problem, detail: String| OpenError {
        problem,
        path: path.to_owned(),
        detail,
    };
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| fail(io_problem(&e), format!("cannot create its folder: {e}")))?;
    }
    if let Some((problem, detail)) = header_problem(path) {
        return Err(fail(problem, detail));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let classify = |e: rusqlite::Error| fail(problem_of(&e, path), e.to_string());
    let conn = Connection::open_with_flags(path, flags).map_err(classify)?;
    // Check before configuring: switching to WAL writes the file header, and a
    // damaged file must be left exactly as it was found.
    conn.busy_timeout(Duration::from_secs(5))
        .map_err(classify)?;
    let verdict: String = conn
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .map_err(classify)?;
    if verdict != "ok" {
        return Err(fail(
            OpenProblem::Corrupt,
            format!("integrity check failed: {verdict}"),
        ));
    }
    configure(&conn).map_err(classify)?;
    snapshot_before_migrating(&conn, path).map_err(classify)?;
    migrations::migrate(&conn).map_err(|e| match e {
        migrations::MigrateError::TooNew { found, known } => fail(
            OpenProblem::TooNew,
            format!("its schema is version {found}; this Herald knows up to {known}"),
        ),
        migrations::MigrateError::Sqlite(e) => classify(e),
    })?;
    Ok(conn)
}

/// Looks at the file's first bytes before SQLite does. SQLite treats a file
/// shorter than one page as empty and deletes its `-wal` companion, which would
/// break the promise that a broken database is never touched.
fn header_problem(path: &Path) -> Option<(OpenProblem, String)> {
    use std::io::Read;
    const MAGIC: &[u8; 16] = b"SQLite format 3\0";
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => return Some((io_problem(&e), e.to_string())),
    };
    let mut head = Vec::with_capacity(16);
    if let Err(e) = file.by_ref().take(16).read_to_end(&mut head) {
        return Some((io_problem(&e), e.to_string()));
    }
    if head.is_empty() || head == MAGIC {
        None
    } else {
        Some((
            OpenProblem::Corrupt,
            "the file does not start with the SQLite header, so it is not a database".to_owned(),
        ))
    }
}

/// WAL lets readers run beside the writer; FULL sync makes a committed update
/// survive power loss; the busy timeout rides out a brief lock by another process.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidQuery);
    }
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")?;
    Ok(())
}

/// Before a migration touches an existing database, a copy of it as it was:
/// `<name>.before-v<N>` beside it (N the schema version about to be written),
/// made with `VACUUM INTO`, so it is one consistent file. An existing snapshot
/// of the same step is kept, not overwritten: it is the older, truer one.
fn snapshot_before_migrating(conn: &Connection, path: &Path) -> rusqlite::Result<()> {
    let found = migrations::version(conn)?;
    if found == 0 || found >= migrations::LATEST {
        return Ok(());
    }
    let target = snapshot_path(path);
    if target.exists() {
        return Ok(());
    }
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    Ok(())
}

/// Where the snapshot before migrating to this build's schema goes.
pub fn snapshot_path(path: &Path) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "herald.sqlite".into());
    path.with_file_name(format!("{name}.before-v{}", migrations::LATEST))
}

fn problem_of(e: &rusqlite::Error, path: &Path) -> OpenProblem {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => OpenProblem::Corrupt,
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => OpenProblem::Busy,
        Some(
            ErrorCode::PermissionDenied
            | ErrorCode::ReadOnly
            | ErrorCode::AuthorizationForStatementDenied,
        ) => OpenProblem::PermissionDenied,
        // SQLite says only "cannot open"; asking the OS directly says why.
        Some(ErrorCode::CannotOpen) => std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .err()
            .map_or(OpenProblem::Unreadable, |e| io_problem(&e)),
        _ => OpenProblem::Unreadable,
    }
}

fn io_problem(e: &std::io::Error) -> OpenProblem {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            OpenProblem::PermissionDenied
        }
        _ => OpenProblem::Unreadable,
    }
}
