//! Who has been told what: for every audience, each fact (status, impact,
//! what is affected, ETA, workaround, customer-visible) as it was last
//! published or logged to that audience, with its time; and the consistency
//! check that compares a draft with what the other audiences were told.
//!
//! Facts are read from the words that went out (`said`), then from the IC
//! sync each update was written from; a fact neither gives is marked unknown
//! rather than guessed.

mod check;
pub mod said;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use check::{DraftToCheck, check};

use crate::incident::Incident;
use crate::sync::IcSync;
use crate::terms::{Audience, Status};
use crate::timeline::{EventKind, TimelineEvent};
use crate::update::Update;

/// One column of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    Status,
    Impact,
    Affected,
    Eta,
    Workaround,
    CustomerVisible,
}

impl Fact {
    pub const ALL: [Fact; 6] = [
        Self::Status,
        Self::Impact,
        Self::Affected,
        Self::Eta,
        Self::Workaround,
        Self::CustomerVisible,
    ];
}

/// Where a cell's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The words of the update itself.
    Words,
    /// The IC sync the update was written from, whose answer the words carry.
    Sync,
    /// The incident's own record at the time (its status, its visibility).
    Incident,
    /// Nothing that went out says it.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ToldCell {
    pub fact: Fact,
    /// The value as told ("monitoring", "EU, US", the ETA's sentence); empty
    /// when unknown.
    pub value: String,
    pub source: Source,
    /// When the update that told it went out.
    pub at: Option<DateTime<Utc>>,
    pub update_id: Option<String>,
    /// The instant an ETA gives, when it gives one.
    pub instant: Option<DateTime<Utc>>,
}

impl ToldCell {
    fn unknown(fact: Fact) -> ToldCell {
        ToldCell {
            fact,
            value: String::new(),
            source: Source::Unknown,
            at: None,
            update_id: None,
            instant: None,
        }
    }

    pub fn known(&self) -> bool {
        self.source != Source::Unknown
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ToldRow {
    pub audience: Audience,
    /// The audience's last update; `None` when it has not been told anything.
    pub last_told_at: Option<DateTime<Utc>>,
    /// One cell per [`Fact`], in [`Fact::ALL`] order.
    pub cells: Vec<ToldCell>,
}

impl ToldRow {
    pub fn cell(&self, fact: Fact) -> &ToldCell {
        // Every row is built with one cell per fact, in order.
        &self.cells[Fact::ALL.iter().position(|f| *f == fact).unwrap_or(0)]
    }

    fn cell_mut(&mut self, fact: Fact) -> &mut ToldCell {
        &mut self.cells[Fact::ALL.iter().position(|f| *f == fact).unwrap_or(0)]
    }
}

/// The matrix: one row per audience, in [`Audience::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "ToldMatrix")]
pub struct Told {
    pub rows: Vec<ToldRow>,
    /// Tickets, channels, hosts and codenames told to internal audiences, each
    /// once, with who heard it first and when: read once here rather than on
    /// every draft check.
    #[serde(skip)]
    #[ts(skip)]
    pub internal: Vec<InternalDetail>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalDetail {
    pub token: String,
    pub audience: Audience,
    pub at: DateTime<Utc>,
}

/// What the matrix is built from, each list oldest first.
#[derive(Debug)]
pub struct Record<'a> {
    pub incident: &'a Incident,
    pub updates: &'a [Update],
    pub syncs: &'a [IcSync],
    pub timeline: &'a [TimelineEvent],
    /// The zone a time without one is read in (the customer time zone).
    pub zone: Tz,
}

impl Record<'_> {
    /// The IC sync current when `at` came: the one an update then was written from.
    pub fn sync_at(&self, at: DateTime<Utc>) -> Option<&IcSync> {
        self.syncs.iter().rev().find(|s| s.at <= at)
    }

    /// The incident's status at `at`, from its timeline.
    pub fn status_at(&self, at: DateTime<Utc>) -> Status {
        let mut status = None;
        for event in self.timeline {
            match &event.kind {
                EventKind::Declared { status: s, .. } if status.is_none() => status = Some(*s),
                EventKind::StatusChanged { to, .. } if event.at <= at => status = Some(*to),
                _ => {}
            }
        }
        status.unwrap_or(self.incident.status)
    }
}

impl Told {
    pub fn build(record: &Record<'_>) -> Told {
        let rows = Audience::ALL
            .into_iter()
            .map(|audience| {
                let mut row = ToldRow {
                    audience,
                    last_told_at: None,
                    cells: Fact::ALL.into_iter().map(ToldCell::unknown).collect(),
                };
                for update in record.updates.iter().filter(|u| u.audience == audience) {
                    tell(&mut row, update, record);
                }
                row
            })
            .collect();
        let mut internal: Vec<InternalDetail> = Vec::new();
        for update in record
            .updates
            .iter()
            .filter(|u| matches!(u.audience, Audience::Internal | Audience::IncidentChannel))
        {
            for token in said::internal_details(&update.body) {
                if !internal
                    .iter()
                    .any(|d| d.token.eq_ignore_ascii_case(&token))
                {
                    internal.push(InternalDetail {
                        token,
                        audience: update.audience,
                        at: update.posted_at,
                    });
                }
            }
        }
        Told { rows, internal }
    }

    pub fn row(&self, audience: Audience) -> Option<&ToldRow> {
        self.rows.iter().find(|r| r.audience == audience)
    }
}

/// Moves a row on by one update: each fact the update states replaces the
/// one told before; a fact it does not mention still stands as last told.
fn tell(row: &mut ToldRow, update: &Update, record: &Record<'_>) {
    let said = said::read(&update.body, update.posted_at, record.zone);
    let sync = record.sync_at(update.posted_at);
    let told = |value: String, source: Source| ToldCell {
        fact: Fact::Status,
        value,
        source,
        at: Some(update.posted_at),
        update_id: Some(update.id.clone()),
        instant: None,
    };
    row.last_told_at = Some(update.posted_at);
    let status = match said.status {
        Some(status) => told(status.as_str().to_owned(), Source::Words),
        None => told(
            record.status_at(update.posted_at).as_str().to_owned(),
            Source::Incident,
        ),
    };
    *row.cell_mut(Fact::Status) = status;
    if let Some((sentence, instant)) = said.eta {
        *row.cell_mut(Fact::Eta) = ToldCell {
            fact: Fact::Eta,
            instant,
            ..told(sentence, Source::Words)
        };
    }
    let carried = |answer: &str| {
        let answer = answer.trim();
        !answer.is_empty() && update.body.to_lowercase().contains(&answer.to_lowercase())
    };
    let affected = sync
        .map(|s| s.facts.affected.as_str())
        .filter(|a| carried(a));
    let affected = match (affected, said.regions.is_empty()) {
        (Some(answer), _) => Some((answer.to_owned(), Source::Sync)),
        (None, false) => Some((said.regions.join(", "), Source::Words)),
        (None, true) => None,
    };
    if let Some((value, source)) = affected {
        *row.cell_mut(Fact::Affected) = ToldCell {
            fact: Fact::Affected,
            ..told(value, source)
        };
    }
    if let Some(impact) = sync
        .map(|s| s.facts.customer_impact.as_str())
        .filter(|i| carried(i))
    {
        *row.cell_mut(Fact::Impact) = ToldCell {
            fact: Fact::Impact,
            ..told(impact.to_owned(), Source::Sync)
        };
    }
    if let Some(workaround) = said.workaround {
        *row.cell_mut(Fact::Workaround) = ToldCell {
            fact: Fact::Workaround,
            ..told(workaround, Source::Words)
        };
    }
    *row.cell_mut(Fact::CustomerVisible) = ToldCell {
        fact: Fact::CustomerVisible,
        ..told(
            if record.incident.customer_visible {
                "yes"
            } else {
                "no"
            }
            .to_owned(),
            Source::Incident,
        )
    };
}
