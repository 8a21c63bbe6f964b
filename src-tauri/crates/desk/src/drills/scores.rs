//! The practice log in the lead's own database: every drill's score card,
//! and the rotation view built from it (who has practised, how often, when
//! last), so a team can see who is due a turn as comms lead.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use herald_core::drill::ScoreCard;
use herald_store::drill_scores;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Desk, Error};

/// One kept score card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KeptScore {
    pub id: String,
    pub card: ScoreCard,
}

/// One person's practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Practiser {
    pub person: String,
    pub drills: u32,
    pub last_practised: DateTime<Utc>,
    pub last_points: u32,
    pub best_points: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Practice {
    /// Who has practised longest ago first: the next turns.
    pub rotation: Vec<Practiser>,
    /// Every card, newest first.
    pub scores: Vec<KeptScore>,
}

impl Desk {
    /// Keeps a drill's score card in the practice log; gives back its id.
    pub fn keep_score(&self, card: &ScoreCard) -> Result<String, Error> {
        let id = self.new_id();
        self.write(|tx| Ok(drill_scores::insert(tx, &id, card)?))?;
        Ok(id)
    }

    pub fn practice(&self) -> Result<Practice, Error> {
        let scores: Vec<KeptScore> = self
            .store
            .read(drill_scores::all)?
            .into_iter()
            .map(|(id, card)| KeptScore { id, card })
            .collect();
        // Names are grouped as typed, ignoring case and surrounding spaces.
        let mut people: BTreeMap<String, Practiser> = BTreeMap::new();
        for kept in scores.iter().rev() {
            let card = &kept.card;
            let entry = people
                .entry(card.person.trim().to_lowercase())
                .or_insert_with(|| Practiser {
                    person: card.person.trim().to_owned(),
                    drills: 0,
                    last_practised: card.ended_at,
                    last_points: card.points,
                    best_points: 0,
                });
            entry.drills += 1;
            entry.last_practised = card.ended_at;
            entry.last_points = card.points;
            entry.best_points = entry.best_points.max(card.points);
        }
        let mut rotation: Vec<Practiser> = people.into_values().collect();
        rotation.sort_by_key(|p| p.last_practised);
        Ok(Practice { rotation, scores })
    }

    /// One kept card as Markdown, for the team's practice log.
    pub fn score_markdown(&self, id: &str) -> Result<String, Error> {
        self.store
            .read(drill_scores::all)?
            .into_iter()
            .find(|(kept, _)| kept == id)
            .map(|(_, card)| card.markdown())
            .ok_or_else(|| Error::not_found("That score card"))
    }
}
