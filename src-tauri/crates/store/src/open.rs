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
        std::fs::create_dir_all(dir).map_err(|e| {
            fail(
                OpenProblem::Unreadable,
                format!("cannot create its folder: {e}"),
            )
        })?;
    }
    if let Some((problem, detail)) = header_problem(path) {
        return Err(fail(problem, detail));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let classify = |e: rusqlite::Error| fail(problem_of(&e), e.to_string());
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
        Err(e) => return Some((OpenProblem::Unreadable, e.to_string())),
    };
    let mut head = Vec::with_capacity(16);
    if let Err(e) = file.by_ref().take(16).read_to_end(&mut head) {
        return Some((OpenProblem::Unreadable, e.to_string()));
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

fn problem_of(e: &rusqlite::Error) -> OpenProblem {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => OpenProblem::Corrupt,
        _ => OpenProblem::Unreadable,
    }
}
