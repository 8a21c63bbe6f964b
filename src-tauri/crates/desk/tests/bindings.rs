//! The TypeScript types in `ui/src/lib/ipc/bindings/` are generated from these
//! Rust types and committed. This test regenerates them in a temp folder and
//! fails when the committed copies drift.
//!
//! To refresh them after changing a type:
//! `UPDATE_BINDINGS=1 cargo test -p herald-desk --test bindings`.

// A failed unwrap is a failed test, with the error in the message.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};

fn committed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/lib/ipc/bindings")
}

/// Every type that crosses IPC, with everything it refers to.
fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir);
    herald_core::NewIncident::export_all(&cfg).unwrap();
    herald_core::IncidentChange::export_all(&cfg).unwrap();
    herald_core::SeverityMatrix::export_all(&cfg).unwrap();
    herald_core::Audience::export_all(&cfg).unwrap();
    herald_core::LoggedUpdate::export_all(&cfg).unwrap();
    herald_core::SnoozeRequest::export_all(&cfg).unwrap();
    herald_core::ObligationInput::export_all(&cfg).unwrap();
    herald_core::ObligationDecision::export_all(&cfg).unwrap();
    herald_core::ObligationPreset::export_all(&cfg).unwrap();
    herald_core::CorrectionRequest::export_all(&cfg).unwrap();
    herald_desk::Board::export_all(&cfg).unwrap();
    herald_desk::IncidentView::export_all(&cfg).unwrap();
    herald_desk::Error::export_all(&cfg).unwrap();
    herald_desk::StartupProblem::export_all(&cfg).unwrap();
    herald_core::SyncFacts::export_all(&cfg).unwrap();
    herald_core::TemplateKind::export_all(&cfg).unwrap();
    herald_desk::DraftView::export_all(&cfg).unwrap();
    herald_desk::PublishRequest::export_all(&cfg).unwrap();
    herald_desk::MessageSettings::export_all(&cfg).unwrap();
    herald_core::handoff::NoteInput::export_all(&cfg).unwrap();
    herald_core::handoff::AskState::export_all(&cfg).unwrap();
    herald_core::handoff::HandoffFormat::export_all(&cfg).unwrap();
    herald_desk::HandoffText::export_all(&cfg).unwrap();
    herald_desk::TakeOver::export_all(&cfg).unwrap();
    herald_desk::NoteRequest::export_all(&cfg).unwrap();
    herald_desk::PostmortemFiles::export_all(&cfg).unwrap();
    herald_desk::ChannelView::export_all(&cfg).unwrap();
    herald_desk::ChannelInput::export_all(&cfg).unwrap();
    herald_desk::RelaySettings::export_all(&cfg).unwrap();
    herald_desk::TestResult::export_all(&cfg).unwrap();
    herald_desk::DeliveryProblem::export_all(&cfg).unwrap();
    herald_core::relay::ChannelKind::export_all(&cfg).unwrap();
    herald_core::relay::SmtpSecurity::export_all(&cfg).unwrap();
    herald_core::relay::Reach::export_all(&cfg).unwrap();
    herald_desk::DrillView::export_all(&cfg).unwrap();
    herald_desk::TeamSettings::export_all(&cfg).unwrap();
    herald_desk::TeamInput::export_all(&cfg).unwrap();
    herald_desk::TeamStatus::export_all(&cfg).unwrap();
    herald_desk::Practice::export_all(&cfg).unwrap();
    herald_desk::ScenarioSummary::export_all(&cfg).unwrap();
    herald_desk::Speed::export_all(&cfg).unwrap();
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ts"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    let generated = read_dir(fresh.path());
    assert!(
        generated.contains_key("Incident.ts"),
        "export produced {generated:?}"
    );

    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let dir = committed_dir();
        std::fs::create_dir_all(&dir).unwrap();
        for name in read_dir(&dir).keys() {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
        export_all(&dir);
    }

    let committed = read_dir(&committed_dir());
    let stale: Vec<_> = generated
        .keys()
        .chain(committed.keys())
        .filter(|name| generated.get(*name) != committed.get(*name))
        .collect();
    assert!(
        stale.is_empty(),
        "TypeScript bindings are out of date: {stale:?}. Run \
         UPDATE_BINDINGS=1 cargo test -p herald-desk --test bindings and commit the result."
    );
}
