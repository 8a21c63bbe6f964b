//! The machine-readable part of a handoff: everything the next lead's Herald
//! needs to take over, as a fenced, versioned, checksummed block that survives
//! being pasted through chat, e-mail or a terminal:
//!
//! ````text
//! ```herald-handoff v2
//! sha256 <64 hex digits of the JSON's SHA-256>
//! <the JSON, DEFLATE-compressed, base64, in lines of 76>
//! ```
//! ````
//!
//! Version 1 blocks (the same, uncompressed) are still read.

use std::io::{Read, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::notes::{Ask, Constraint};
use crate::cadence::Deadline;
use crate::incident::Incident;
use crate::relay::ChannelKind;
use crate::sync::IcSync;
use crate::templates::TemplateKind;
use crate::terms::Audience;
use crate::timeline::TimelineEvent;
use crate::update::Update;

pub const TAG: &str = "herald-handoff";
pub const VERSION: u32 = 2;
/// Versions this Herald reads: 1 held the JSON as is, 2 compresses it.
const READS: [u32; 2] = [1, 2];
/// The most JSON a block may inflate to: a handoff is tens of kilobytes, so
/// this refuses a crafted block that would expand without end.
const MAX_JSON: u64 = 20_000_000;
/// The largest paste Herald reads: far above any real handoff, small enough
/// that a stray paste of a log file is refused before it is parsed.
pub const MAX_PASTE: usize = 1_000_000;
const LINE: usize = 76;

/// One audience's working draft as handed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSnapshot {
    pub audience: Audience,
    pub body: String,
    pub template_kind: TemplateKind,
    pub updated_at: DateTime<Utc>,
}

/// Where one carried update went, as the sending Herald last knew it.
/// Channels travel by name and kind only, never by address or secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub update_id: String,
    pub channel: String,
    pub kind: ChannelKind,
    /// `queued`, `sending`, `delivered`, `retrying`, `failed`,
    /// `needs_decision` or `discarded`.
    pub state: String,
    pub delivered_at: Option<DateTime<Utc>>,
    /// The message or incident id the target returned, and its link.
    pub remote_id: String,
    pub remote_link: String,
    /// For Statuspage: the page the incident lives on (public in the page's
    /// API address), so the next lead's Herald updates the same incident
    /// instead of opening a second one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub statuspage_page_id: String,
}

/// The states a delivery can be in; a receipt in any other is refused.
pub const RECEIPT_STATES: [&str; 7] = [
    "queued",
    "sending",
    "delivered",
    "retrying",
    "failed",
    "needs_decision",
    "discarded",
];

/// Everything that travels. No secret is in here by construction: channels
/// travel only as the names in `Update::posted_to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoffPackage {
    pub exported_at: DateTime<Utc>,
    pub from_lead: String,
    pub to_lead: String,
    pub incident: Incident,
    pub constraints: Vec<Constraint>,
    pub asks: Vec<Ask>,
    pub drafts: Vec<DraftSnapshot>,
    /// The most recent updates, newest first.
    pub updates: Vec<Update>,
    /// Absolute deadlines as they stood at handoff.
    pub deadlines: Vec<Deadline>,
    /// The timeline (most recent events), oldest first.
    pub timeline: Vec<TimelineEvent>,
    /// The latest IC sync, so the next lead's drafts and sync form start from
    /// what the IC last said. (Absent from handoffs before it travelled.)
    #[serde(default)]
    pub sync: Option<IcSync>,
    /// Where the carried updates were delivered. (Absent from older handoffs.)
    #[serde(default)]
    pub receipts: Vec<Receipt>,
    /// The incident's obligation clocks. (Absent from older handoffs.)
    #[serde(default)]
    pub obligations: Vec<crate::obligations::Obligation>,
}

/// Why a paste was refused. Each says what to do next.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandoffError {
    #[error(
        "The paste is {bytes} bytes; a handoff is at most {MAX_PASTE}. Paste only the handoff."
    )]
    TooLarge { bytes: usize },
    #[error(
        "This is not a Herald handoff: it has no ```herald-handoff block. Copy the whole handoff, including that block."
    )]
    NotAHandoff,
    #[error(
        "This handoff is version {found}; this Herald reads version {VERSION}. Ask the sender to update Herald or send plain text."
    )]
    WrongVersion { found: String },
    #[error(
        "The handoff is cut off: its block has no closing ```. Copy it again, all the way to the end."
    )]
    Truncated,
    #[error(
        "The handoff's checksum does not match: it was changed or damaged on the way. Copy it again."
    )]
    ChecksumFailed,
    #[error("The handoff block is damaged: {0}. Copy it again.")]
    Corrupt(String),
    #[error("Herald will not take over from this handoff: {0}.")]
    Refused(String),
}

fn checksum(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fenced block for a package.
pub fn encode(package: &HandoffPackage) -> String {
    // Serializing plain data with string keys, and compressing into memory,
    // cannot fail.
    let json = serde_json::to_vec(package).unwrap_or_default();
    let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = deflate.write_all(&json);
    let text = STANDARD.encode(deflate.finish().unwrap_or_default());
    let mut out = format!("```{TAG} v{VERSION}\nsha256 {}\n", checksum(&json));
    for chunk in text.as_bytes().chunks(LINE) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str("```");
    out
}

/// Finds the block anywhere in a paste and reads it back, or says exactly why not.
pub fn decode(paste: &str) -> Result<HandoffPackage, HandoffError> {
    if paste.len() > MAX_PASTE {
        return Err(HandoffError::TooLarge { bytes: paste.len() });
    }
    let fence = format!("```{TAG}");
    let mut lines = paste.lines().map(str::trim);
    let header = lines
        .by_ref()
        .find(|l| l.starts_with(&fence))
        .ok_or(HandoffError::NotAHandoff)?;
    let version = header[fence.len()..].trim();
    let Some(version) = READS.into_iter().find(|v| version == format!("v{v}")) else {
        let found = version.trim_start_matches('v');
        return Err(if found.is_empty() {
            HandoffError::Corrupt("the block does not say its version".into())
        } else {
            HandoffError::WrongVersion {
                found: found.chars().take(20).collect(),
            }
        });
    };
    let expected = match lines.next() {
        None => return Err(HandoffError::Truncated),
        Some(line) => line
            .strip_prefix("sha256 ")
            .map(str::trim)
            .filter(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| HandoffError::Corrupt("the checksum line is missing".into()))?
            .to_ascii_lowercase(),
    };
    let mut body = String::new();
    let mut closed = false;
    for line in lines {
        if line == "```" {
            closed = true;
            break;
        }
        body.extend(line.chars().filter(|c| !c.is_whitespace()));
    }
    if !closed {
        return Err(HandoffError::Truncated);
    }
    let bytes = STANDARD
        .decode(body.as_bytes())
        .map_err(|_| HandoffError::ChecksumFailed)?;
    let json = if version == 1 {
        bytes
    } else {
        let mut json = Vec::new();
        flate2::read::DeflateDecoder::new(bytes.as_slice())
            .take(MAX_JSON + 1)
            .read_to_end(&mut json)
            .map_err(|_| HandoffError::ChecksumFailed)?;
        if json.len() as u64 > MAX_JSON {
            return Err(HandoffError::Corrupt(
                "it unpacks to far more than any handoff".into(),
            ));
        }
        json
    };
    if checksum(&json) != expected {
        return Err(HandoffError::ChecksumFailed);
    }
    let package: HandoffPackage = serde_json::from_slice(&json).map_err(|e| {
        HandoffError::Corrupt(format!("its contents do not read as a handoff ({e})"))
    })?;
    check(&package)?;
    Ok(package)
}

/// Everything in the package must belong to its incident.
fn check(package: &HandoffPackage) -> Result<(), HandoffError> {
    let id = &package.incident.id;
    let foreign = package.constraints.iter().any(|c| &c.incident_id != id)
        || package.asks.iter().any(|a| &a.incident_id != id)
        || package.updates.iter().any(|u| &u.incident_id != id)
        || package.timeline.iter().any(|e| &e.incident_id != id)
        || package.sync.as_ref().is_some_and(|s| &s.incident_id != id);
    if id.trim().is_empty() || foreign {
        return Err(HandoffError::Corrupt(
            "it mixes records of different incidents".into(),
        ));
    }
    Ok(())
}
