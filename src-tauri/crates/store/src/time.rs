//! The one text form for instants in the database: RFC 3339, UTC, milliseconds.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::StoreError;

pub(crate) fn to_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn from_text(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::BadData(format!("bad time {text:?}: {e}")))
}
