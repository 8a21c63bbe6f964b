//! The `settings` table: app-wide settings, one JSON value per key.

use herald_core::{GuardrailSettings, ObligationPreset, SeverityMatrix, TemplateSet};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::StoreError;

const SEVERITY_MATRIX: &str = "severity_matrix";
const TEMPLATES: &str = "templates";
const GUARDRAILS: &str = "guardrails";
const OBLIGATION_PRESETS: &str = "obligation_presets";

/// The obligation clocks the lead can add in one step: the saved set, or the
/// shipped examples.
pub fn obligation_presets(conn: &Connection) -> Result<Vec<ObligationPreset>, StoreError> {
    Ok(load(conn, OBLIGATION_PRESETS)?.unwrap_or_else(herald_core::obligations::shipped_presets))
}

pub fn save_obligation_presets(
    conn: &Connection,
    presets: &[ObligationPreset],
) -> Result<(), StoreError> {
    store(conn, OBLIGATION_PRESETS, &presets)
}

/// The value saved under `key`, or `None` when nothing has been saved.
fn load<T: DeserializeOwned>(conn: &Connection, key: &str) -> Result<Option<T>, StoreError> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?;
    text.map(|text| {
        serde_json::from_str(&text)
            .map_err(|e| StoreError::BadData(format!("saved {}: {e}", key.replace('_', " "))))
    })
    .transpose()
}

fn store<T: Serialize>(conn: &Connection, key: &str, value: &T) -> Result<(), StoreError> {
    let text = serde_json::to_string(value)
        .map_err(|e| StoreError::BadData(format!("cannot encode {key}: {e}")))?;
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, text],
    )?;
    Ok(())
}

/// A setting saved under `key`, or its default when none has been saved.
pub fn load_or_default<T: DeserializeOwned + Default>(
    conn: &Connection,
    key: &str,
) -> Result<T, StoreError> {
    Ok(load(conn, key)?.unwrap_or_default())
}

pub fn save_value<T: Serialize>(conn: &Connection, key: &str, value: &T) -> Result<(), StoreError> {
    store(conn, key, value)
}

/// The saved matrix, or the shipped defaults when none has been saved.
pub fn severity_matrix(conn: &Connection) -> Result<SeverityMatrix, StoreError> {
    Ok(load(conn, SEVERITY_MATRIX)?.unwrap_or_default())
}

pub fn save_severity_matrix(conn: &Connection, matrix: &SeverityMatrix) -> Result<(), StoreError> {
    store(conn, SEVERITY_MATRIX, matrix)
}

/// The saved templates, or the shipped ones.
pub fn templates(conn: &Connection) -> Result<TemplateSet, StoreError> {
    let mut set: TemplateSet = load(conn, TEMPLATES)?.unwrap_or_else(TemplateSet::defaults);
    // Shipped wording the lead never edited follows Herald's improvements.
    set.upgrade_shipped();
    Ok(set)
}

pub fn save_templates(conn: &Connection, templates: &TemplateSet) -> Result<(), StoreError> {
    store(conn, TEMPLATES, templates)
}

/// The saved guardrail settings, or the shipped ones.
pub fn guardrails(conn: &Connection) -> Result<GuardrailSettings, StoreError> {
    Ok(load(conn, GUARDRAILS)?.unwrap_or_else(GuardrailSettings::defaults))
}

pub fn save_guardrails(
    conn: &Connection,
    guardrails: &GuardrailSettings,
) -> Result<(), StoreError> {
    store(conn, GUARDRAILS, guardrails)
}

const CUSTOMER_TIME_ZONE: &str = "customer_time_zone";

/// The zone customer messages state times in; UTC until the lead picks one.
pub fn customer_time_zone(conn: &Connection) -> Result<String, StoreError> {
    Ok(load(conn, CUSTOMER_TIME_ZONE)?.unwrap_or_else(|| "UTC".to_owned()))
}

pub fn save_customer_time_zone(conn: &Connection, zone: &str) -> Result<(), StoreError> {
    store(conn, CUSTOMER_TIME_ZONE, &zone)
}

const HANDOFF: &str = "handoff";

/// The lead's handoff preferences: the format last chosen, and after how long
/// in the role Herald suggests a handoff.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HandoffPreferences {
    pub format: herald_core::handoff::HandoffFormat,
    pub suggest_after_minutes: u32,
}

impl Default for HandoffPreferences {
    fn default() -> Self {
        Self {
            format: herald_core::handoff::HandoffFormat::Markdown,
            suggest_after_minutes: 180,
        }
    }
}

pub fn handoff_preferences(conn: &Connection) -> Result<HandoffPreferences, StoreError> {
    Ok(load(conn, HANDOFF)?.unwrap_or_default())
}

pub fn save_handoff_preferences(
    conn: &Connection,
    preferences: &HandoffPreferences,
) -> Result<(), StoreError> {
    store(conn, HANDOFF, preferences)
}
