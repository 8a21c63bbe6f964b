//! Herald's log: one line per event worth knowing after the fact (start-up,
//! every delivery attempt and its outcome, watcher failures, skipped records),
//! written to a daily file in the OS log directory, seven days kept. Nothing
//! secret is logged on purpose; every line also passes `redact::for_log`, which
//! cuts web addresses to their host and masks tokens, before it reaches disk.

use std::io::Write;
use std::path::{Path, PathBuf};

use tauri::Manager;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::MakeWriter;

const PREFIX: &str = "herald";
const SUFFIX: &str = "log";

/// Where the log goes: `<HERALD_DATA_DIR>/logs` when that is set (tests, and
/// leads who keep Herald's files elsewhere), else the OS's log directory.
pub fn dir(app: &tauri::AppHandle) -> PathBuf {
    match std::env::var_os(crate::data_dir::OVERRIDE_VAR) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir).join("logs"),
        _ => app
            .path()
            .app_log_dir()
            .unwrap_or_else(|_| std::env::temp_dir().join("herald-logs")),
    }
}

/// Starts logging; a log that cannot be opened leaves Herald running without one.
pub fn start(app: &tauri::AppHandle) {
    let dir = dir(app);
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(PREFIX)
        .filename_suffix(SUFFIX)
        .max_log_files(7)
        .build(&dir);
    let Ok(appender) = appender else {
        return;
    };
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_target(false)
        .with_max_level(tracing::Level::INFO)
        .with_writer(Redacting(appender))
        .finish();
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// Wraps the file so each formatted line is redacted before it is written.
struct Redacting(RollingFileAppender);

impl<'a> MakeWriter<'a> for Redacting {
    type Writer = Line<<RollingFileAppender as MakeWriter<'a>>::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        Line(self.0.make_writer())
    }
}

struct Line<W: Write>(W);

impl<W: Write> Write for Line<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0
            .write_all(herald_core::redact::for_log(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// The last `count` lines of the newest log files, oldest first.
pub fn tail(dir: &Path, count: usize) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(PREFIX))
                })
                .collect()
        })
        .unwrap_or_default();
    // Daily files are named by date, so the name orders them.
    files.sort();
    let mut lines: Vec<String> = Vec::new();
    for file in files.iter().rev() {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let mut these: Vec<String> = text.lines().map(str::to_owned).collect();
        these.append(&mut lines);
        lines = these;
        if lines.len() >= count {
            break;
        }
    }
    let skip = lines.len().saturating_sub(count);
    lines.split_off(skip)
}
