//! What the system-tray icon says: the most urgent deadline in its tooltip,
//! and the next few in its menu, each opening its incident.

use chrono::{DateTime, Utc};

use crate::{Board, Desk, Error};

/// How many deadlines the tray menu lists.
pub const TRAY_ITEMS: usize = 5;

/// The tray's text, rebuilt from the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraySummary {
    pub tooltip: String,
    /// (incident id, menu label), soonest first.
    pub items: Vec<(String, String)>,
}

/// "in 4 min", "due now", "3 min late".
fn when(due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (due - now).num_seconds();
    let minutes = (seconds as f64 / 60.0).round() as i64;
    match minutes {
        // A notification clock runs for hours or days.
        m if m >= 120 => format!("in {} h {:02} min", m / 60, m % 60),
        m if m > 0 => format!("in {m} min"),
        0 => "due now".to_owned(),
        m => format!("{} min late", -m),
    }
}

impl TraySummary {
    /// Deadlines, promises with their own countdown, and notification
    /// clocks, soonest first.
    pub fn from_board(board: &Board, now: DateTime<Utc>) -> TraySummary {
        let mut due: Vec<(DateTime<Utc>, String, String)> = board
            .deadlines
            .iter()
            .filter_map(|d| {
                let incident = board.open.iter().find(|i| i.id == d.incident_id)?;
                let label = format!(
                    "{} · {} {}",
                    incident.reference(),
                    d.deadline.audience.label(),
                    when(d.deadline.due_at, now)
                );
                Some((d.deadline.due_at, incident.id.clone(), label))
            })
            .collect();
        for p in &board.promises {
            if let Some(at) = p.promise.due_at {
                let what = match p.promise.kind {
                    herald_core::PromiseKind::NextUpdate => "promised update",
                    herald_core::PromiseKind::Eta => "ETA",
                };
                let label = format!(
                    "{} · {} to {} {}",
                    p.reference,
                    what,
                    p.promise.audience.label(),
                    when(at, now)
                );
                due.push((at, p.incident_id.clone(), label));
            }
        }
        for c in &board.obligations {
            if let Some(at) = c.obligation.due_at() {
                let label = format!("{} · {} {}", c.reference, c.obligation.name, when(at, now));
                due.push((at, c.incident_id.clone(), label));
            }
        }
        due.sort_by_key(|(at, _, _)| *at);
        let items: Vec<(String, String)> = due
            .into_iter()
            .map(|(_, id, label)| (id, label))
            .take(TRAY_ITEMS)
            .collect();
        let mut tooltip = match items.first() {
            Some((_, label)) => format!("Herald — next: {label}"),
            None if board.open.is_empty() => "Herald — no open incidents".to_owned(),
            None => "Herald — no updates scheduled".to_owned(),
        };
        // What the board warns about, the tray says too: a lead may only
        // glance at the panel.
        if board.watcher_problem.is_some() {
            tooltip.push_str(" · alerts are not being checked");
        }
        match board.unreadable.len() {
            0 => {}
            1 => tooltip.push_str(" · 1 incident could not be read"),
            n => tooltip.push_str(&format!(" · {n} incidents could not be read")),
        }
        TraySummary { tooltip, items }
    }
}

impl Desk {
    pub fn tray_summary(&self) -> Result<TraySummary, Error> {
        Ok(TraySummary::from_board(&self.board()?, self.clock.now()))
    }
}
