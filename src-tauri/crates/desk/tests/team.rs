//! Setting up team sync: the token goes to the keychain and nowhere else,
//! bad fields are named, and nothing is shared until the lead says so.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use herald_desk::{
    Desk, ErrorCode, MemorySecrets, NoKeychain, SecretStore, SystemClock, TeamInput,
};

fn desk() -> (Desk, Arc<MemorySecrets>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("herald.sqlite"), Arc::new(SystemClock)).unwrap();
    let secrets = Arc::new(MemorySecrets::default());
    desk.set_secrets(secrets.clone());
    (desk, secrets, dir)
}

const TOKEN: &str = "AAAgQ2lzY29TeW5jVGVhbVRva2VuRm9yVGVzdHM";

#[test]
fn the_team_token_is_kept_in_the_keychain_and_never_in_the_database() {
    let (desk, secrets, dir) = desk();
    assert!(desk.team_connection().is_err(), "not set up yet");
    let saved = desk
        .save_team_settings(TeamInput {
            server: " https://sync.example.com/ ".into(),
            person: " Ana Lima ".into(),
            token: Some(TOKEN.into()),
        })
        .unwrap();
    assert_eq!(saved.server, "https://sync.example.com");
    assert_eq!(saved.person, "Ana Lima");
    assert!(saved.token_saved);
    assert_eq!(
        secrets.get("herald-team-token").unwrap().unwrap().token,
        TOKEN
    );
    let file = std::fs::read(dir.path().join("herald.sqlite")).unwrap();
    let wal = std::fs::read(dir.path().join("herald.sqlite-wal")).unwrap_or_default();
    for bytes in [file, wal] {
        assert!(
            !bytes.windows(TOKEN.len()).any(|w| w == TOKEN.as_bytes()),
            "the token reached the database"
        );
    }
    // Saving again without a token keeps the one in the keychain.
    desk.save_team_settings(TeamInput {
        server: "https://sync.example.com".into(),
        person: "Ana".into(),
        token: None,
    })
    .unwrap();
    assert_eq!(
        desk.team_connection().unwrap().token.as_deref(),
        Some(TOKEN)
    );

    // Reading the settings (Settings, the board) never asks the keychain:
    // with none reachable they still say a token is saved.
    desk.set_secrets(Arc::new(NoKeychain));
    let read = desk.team_settings().unwrap();
    assert!(read.token_saved);
    assert_eq!(read.person, "Ana");
}

#[test]
fn bad_team_settings_are_named_field_by_field_and_nothing_is_saved() {
    let (desk, _, _dir) = desk();
    let error = desk
        .save_team_settings(TeamInput {
            server: "sync.example.com".into(),
            person: String::new(),
            token: Some("two words".into()),
        })
        .unwrap_err();
    let fields: Vec<_> = error.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["server", "person", "token"]);
    let error = desk
        .save_team_settings(TeamInput {
            server: "https://user:secret@sync.example.com".into(),
            person: "Ana".into(),
            token: None,
        })
        .unwrap_err();
    assert!(!error.to_string().contains("secret"), "{error}");
    assert_eq!(desk.team_settings().unwrap().server, "");
}

#[test]
fn nothing_is_shared_until_the_lead_shares_or_joins_an_incident() {
    let (desk, _, _dir) = desk();
    let refused = desk.share_incident("01a2-abc", true).unwrap_err();
    assert!(refused.message.contains("Settings"), "{refused:?}");
    desk.save_team_settings(TeamInput {
        server: "http://127.0.0.1:8080".into(),
        person: "Bo".into(),
        token: Some(TOKEN.into()),
    })
    .unwrap();
    assert!(desk.team_settings().unwrap().shared.is_empty());
    // Sharing needs an incident here; joining takes a teammate's id.
    assert_eq!(
        desk.share_incident("01a2-missing", false).unwrap_err().code,
        ErrorCode::NotFound
    );
    let bad = desk.share_incident("../../etc", true).unwrap_err();
    assert_eq!(bad.fields[0].field, "incident");
    assert_eq!(
        desk.share_incident("01a2-abc", true).unwrap().shared,
        ["01a2-abc"]
    );
    assert_eq!(
        desk.share_incident("01a2-abc", true).unwrap().shared,
        ["01a2-abc"]
    );
    assert!(desk.stop_sharing("01a2-abc").unwrap().shared.is_empty());
}

#[test]
fn a_merge_never_takes_back_what_the_lead_changed_after_it_was_read() {
    use herald_core::{Audience, IncidentChange, NewIncident, Severity, Status};
    let (desk, _, _dir) = desk();
    let id = desk
        .declare_incident(NewIncident {
            external_id: "INC-5".into(),
            link: String::new(),
            title: "Checkout errors".into(),
            severity: Severity::Sev2,
            status: Status::Investigating,
            customer_visible: true,
            commander: "Ines".into(),
            comms_lead: "Ana".into(),
        })
        .unwrap()
        .incident
        .id;
    desk.save_draft(&id, Audience::Customers, "First words.".into())
        .unwrap();
    // The sharing layer reads the desk, and the team's record has moved on.
    let seen = desk.shared_facts(&id).unwrap();
    let mut team = seen.clone();
    team.incident.status = Status::Identified;
    team.drafts[0].body = "UPDATE: First words.".into();
    // Meanwhile the lead raises the severity and keeps typing.
    desk.change_incident(&id, IncidentChange::Severity(Severity::Sev1))
        .unwrap();
    desk.save_draft(&id, Audience::Customers, "First words. More.".into())
        .unwrap();

    let merged = desk.merge_shared(&team, Some(&seen)).unwrap();
    assert!(merged.kept_incident);
    assert_eq!(merged.kept_drafts, [Audience::Customers]);
    let view = desk.incident(&id).unwrap();
    assert_eq!(
        view.incident.severity,
        Severity::Sev1,
        "the lead's change stays"
    );
    let draft = view
        .drafts
        .iter()
        .find(|d| d.audience == Audience::Customers)
        .unwrap();
    assert_eq!(draft.body, "First words. More.");

    // Read afresh, the same record is taken in.
    let seen = desk.shared_facts(&id).unwrap();
    let mut team = seen.clone();
    team.incident.status = Status::Identified;
    let merged = desk.merge_shared(&team, Some(&seen)).unwrap();
    assert!(!merged.kept_incident && merged.changed > 0);
    assert_eq!(
        desk.incident(&id).unwrap().incident.status,
        Status::Identified
    );
}
