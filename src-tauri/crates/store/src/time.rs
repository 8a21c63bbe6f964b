//! The one text form for instants in the database: RFC 3339, UTC, milliseconds,
//! four-digit years. Writing refuses what reading could not take back, so an
//! instant that is stored can always be read (a year past 9999 once emptied
//! the board: chrono writes `+10000-…`, which RFC 3339 parsing refuses).

use chrono::{DateTime, Datelike, SecondsFormat, Utc};

use crate::StoreError;

/// The years RFC 3339 can write: four digits.
const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

pub(crate) fn to_text(at: DateTime<Utc>) -> Result<String, StoreError> {
    if !YEARS.contains(&at.year()) {
        return Err(StoreError::BadData(format!(
            "the time {at} is outside the years 0000–9999 that Herald can store"
        )));
    }
    Ok(at.to_rfc3339_opts(SecondsFormat::Millis, true))
}

pub(crate) fn from_text(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::BadData(format!("bad time {text:?}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn what_is_written_reads_back_and_nothing_else_is_written() {
        let edges = [
            Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap() + Duration::milliseconds(999),
        ];
        for at in edges {
            let text = to_text(at).unwrap();
            assert_eq!(from_text(&text).unwrap(), at, "{text}");
        }
        let outside = [
            Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap() + Duration::minutes(30),
            Utc.with_ymd_and_hms(-1, 12, 31, 0, 0, 0).unwrap(),
        ];
        for at in outside {
            let error = to_text(at).unwrap_err().to_string();
            assert!(error.contains("0000–9999"), "{error}");
            // And reading refuses chrono's own text for it, which is why writing must.
            assert!(from_text(&at.to_rfc3339_opts(SecondsFormat::Millis, true)).is_err());
        }
    }
}
