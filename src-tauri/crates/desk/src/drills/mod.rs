//! Drills: a scenario run on its own desk, with its own SQLite file, a
//! simulated clock and a sandbox for an outbox. Keeping the drill out of the
//! lead's database is what makes the guarantees simple: a drill incident can
//! never be in the real board's data, its channels hold sandbox addresses on
//! this machine and never a secret, its only transport is the [`Sandbox`],
//! and deleting the drill's data is deleting one file. The score card is the
//! one thing kept, in the real desk's practice log (`scores.rs`).

mod clock;
mod sandbox;
mod scores;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use herald_core::drill::{DRILL_MARK, HandoffDirection, Inject, Scenario, ScoreCard};
use herald_core::handoff::NoteInput;
use herald_core::relay::{
    Backoff, Channel, ChannelKind, ChannelOptions, ChannelSecret, SmtpSecurity,
};
use herald_core::{EventKind, IncidentChange, NewIncident};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use clock::{SimClock, Speed};
pub use sandbox::{Sandbox, SandboxRequest};
pub use scores::{KeptScore, Practice, Practiser};

use crate::{ChannelInput, Clock, Desk, Error, ErrorCode, MemorySecrets, Next};

/// The drill's database, in the data directory beside the real one.
pub const DRILL_FILE: &str = "drill.sqlite";

/// Where every sandbox channel points: this machine's discard port, so even
/// a transport that did send would reach nothing.
const SANDBOX_BASE: &str = "http://127.0.0.1:9/sandbox";

/// One thing the scenario made happen, as the lead was shown it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Happened {
    pub at: DateTime<Utc>,
    pub what: String,
    pub sentence: String,
}

/// A scenario as the drill picker lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScenarioSummary {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// Drill minutes from the declaration to the end.
    pub minutes: u32,
    pub severity: herald_core::Severity,
}

/// The scenarios Herald ships, in the order the picker shows them.
pub fn shipped_scenarios() -> Result<Vec<ScenarioSummary>, Error> {
    herald_core::drill::SHIPPED
        .iter()
        .map(|(id, text)| {
            let scenario = herald_core::drill::parse(text).map_err(|e| {
                Error::new(
                    ErrorCode::Internal,
                    format!("The shipped drill {id} does not read: {e}"),
                )
            })?;
            Ok(ScenarioSummary {
                id: (*id).to_owned(),
                name: scenario.name,
                summary: scenario.summary,
                minutes: u32::try_from(scenario.length / 60).unwrap_or(u32::MAX),
                severity: scenario.incident.severity,
            })
        })
        .collect()
}

/// The running drill as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DrillView {
    pub scenario: String,
    pub summary: String,
    pub person: String,
    pub incident_id: String,
    pub speed: Speed,
    pub started_at: DateTime<Utc>,
    pub now: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub finished: bool,
    /// Newest first.
    pub happened: Vec<Happened>,
    /// Every request the outbox made, oldest first.
    pub sandbox: Vec<SandboxRequest>,
    /// The previous lead's handoff, when the scenario hands the role to the
    /// lead: they paste it into "Take over", as they would for real.
    pub handoff_to_take: Option<String>,
}

/// A drill in progress.
#[derive(Debug)]
pub struct Drill {
    scenario: Scenario,
    person: String,
    desk: Arc<Desk>,
    clock: Arc<SimClock>,
    sandbox: Arc<Sandbox>,
    incident_id: String,
    started_at: DateTime<Utc>,
    /// How many of the scenario's events have happened.
    done: Mutex<usize>,
    happened: Mutex<Vec<Happened>>,
    handoff_to_take: Mutex<Option<String>>,
}

/// The drill's files: the database and its companions.
pub fn drill_files(dir: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|tail| dir.join(format!("{DRILL_FILE}{tail}")))
        .collect()
}

/// Deletes every drill's data in `dir`: the drill database and its
/// companions. The practice log in the real database stays.
pub fn delete_drill_data(dir: &Path) -> Result<(), Error> {
    for file in drill_files(dir) {
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Error::new(
                    ErrorCode::Storage,
                    format!("Could not delete the drill data ({}): {e}", file.display()),
                ));
            }
        }
    }
    Ok(())
}

/// A copy of one of the lead's channels that delivers to the sandbox: the
/// same kind, name, audiences and message options, so the real adapters
/// render what would have gone, but every address on this machine and no
/// secret.
fn sandboxed(channel: &Channel, index: usize) -> ChannelInput {
    let kind_path = format!("{SANDBOX_BASE}/{}/{index}", channel.kind.as_str());
    let options = ChannelOptions {
        statuspage_api_base: kind_path.clone(),
        statuspage_page_id: format!("sandbox{index}"),
        smtp_host: "127.0.0.1".into(),
        smtp_port: 9,
        smtp_security: SmtpSecurity::None,
        smtp_username: String::new(),
        email_from: "drill@herald.invalid".into(),
        ..channel.options.clone()
    };
    let secret = match channel.kind {
        ChannelKind::Email => ChannelSecret::default(),
        ChannelKind::SignedWebhook => ChannelSecret {
            url: format!("{kind_path}/hooks/x"),
            token: "whsec_ZHJpbGwtc2FuZGJveC1zaWduaW5nLXNlY3JldA==".into(),
        },
        ChannelKind::Statuspage => ChannelSecret {
            url: String::new(),
            token: "sandbox".into(),
        },
        _ => ChannelSecret {
            url: format!("{kind_path}/hooks/x"),
            token: String::new(),
        },
    };
    ChannelInput {
        channel: Channel {
            id: String::new(),
            name: format!("{} (sandbox)", channel.name),
            enabled: true,
            disabled_reason: String::new(),
            options,
            ..channel.clone()
        },
        secret: Some(secret),
    }
}

impl Drill {
    /// Starts `scenario` for `person` in `dir`, replacing any earlier drill's
    /// data there. `real` is the clock the drill's time is sped up from;
    /// `channels` are the lead's, copied as sandbox channels.
    pub fn start(
        dir: &Path,
        real: Arc<dyn Clock>,
        scenario: Scenario,
        person: &str,
        channels: &[Channel],
        speed: Speed,
    ) -> Result<Drill, Error> {
        let person = person.trim();
        if person.is_empty() || person.chars().count() > 120 {
            return Err(herald_core::Invalid(vec![herald_core::FieldError::new(
                "person",
                "Say who is practising (up to 120 characters): the score card is kept under this name.",
            )])
            .into());
        }
        delete_drill_data(dir)?;
        let started_at = real.now();
        let clock = Arc::new(SimClock::new(real, started_at, speed));
        let desk = Desk::open(&dir.join(DRILL_FILE), clock.clone()).map_err(|e| {
            Error::new(
                ErrorCode::Storage,
                format!("Could not create the drill's database: {e}"),
            )
        })?;
        desk.drill.store(true, std::sync::atomic::Ordering::Relaxed);
        let desk = Arc::new(desk);
        desk.set_secrets(Arc::new(MemorySecrets::default()));
        // Drill time runs fast; retries wait seconds of it, not minutes.
        desk.set_backoff(Backoff {
            base: std::time::Duration::from_secs(5),
            cap: std::time::Duration::from_secs(60),
        });
        for (index, channel) in channels.iter().filter(|c| c.enabled).enumerate() {
            desk.save_channel(sandboxed(channel, index + 1))?;
        }
        let incident = desk.declare_incident(NewIncident {
            title: format!("{DRILL_MARK}{}", scenario.incident.title),
            comms_lead: person.to_owned(),
            ..scenario.incident.clone()
        })?;
        let sandbox = Arc::new(Sandbox::new(clock.clone()));
        let drill = Drill {
            scenario,
            person: person.to_owned(),
            desk,
            clock,
            sandbox,
            incident_id: incident.incident.id,
            started_at,
            done: Mutex::new(0),
            happened: Mutex::new(Vec::new()),
            handoff_to_take: Mutex::new(None),
        };
        drill.step()?;
        Ok(drill)
    }

    /// The drill's own desk: every use case, on drill time and drill data.
    pub fn desk(&self) -> &Arc<Desk> {
        &self.desk
    }

    pub fn incident_id(&self) -> &str {
        &self.incident_id
    }

    pub fn set_speed(&self, speed: Speed) {
        self.clock.set_speed(speed);
    }

    fn ends_at(&self) -> DateTime<Utc> {
        self.started_at + Duration::seconds(self.scenario.length)
    }

    pub fn finished(&self) -> bool {
        self.clock.now() >= self.ends_at()
    }

    /// Makes happen every scenario event now due, in order, and gives back
    /// what happened.
    pub fn step(&self) -> Result<Vec<Happened>, Error> {
        let now = self.clock.now();
        let mut done = self.done.lock().unwrap_or_else(|p| p.into_inner());
        let mut fresh = Vec::new();
        while let Some(event) = self.scenario.events.get(*done) {
            if self.started_at + Duration::seconds(event.after) > now {
                break;
            }
            let sentence = self.inject(&event.what)?;
            fresh.push(Happened {
                at: now,
                what: event.what.timeline_key().to_owned(),
                sentence,
            });
            *done += 1;
        }
        let mut happened = self.happened.lock().unwrap_or_else(|p| p.into_inner());
        happened.extend(fresh.iter().cloned());
        Ok(fresh)
    }

    /// Applies one event through the desk, like the IC or a stakeholder
    /// would cause it, and keeps it on the timeline.
    fn inject(&self, what: &Inject) -> Result<String, Error> {
        let id = &self.incident_id;
        let mut sentence = what.sentence();
        let refused = match what {
            Inject::Sync { facts } => self.desk.sync(id, facts.clone()).err(),
            Inject::Severity { to } => self
                .desk
                .change_incident(id, IncidentChange::Severity(*to))
                .err(),
            Inject::Status { to } => self
                .desk
                .change_incident(id, IncidentChange::Status(*to))
                .err(),
            Inject::Constraint { from, text, .. } => self
                .desk
                .add_constraint(
                    id,
                    NoteInput {
                        text: format!("{from}: {text}"),
                        owner: String::new(),
                    },
                )
                .err(),
            Inject::ChannelFails { answers } => {
                self.sandbox.fail_next(answers);
                None
            }
            Inject::Handoff {
                direction: HandoffDirection::Take,
                person,
            } => self.hand_to_lead(person).err(),
            Inject::Ping { .. }
            | Inject::PushAllClear { .. }
            | Inject::Handoff {
                direction: HandoffDirection::Give,
                ..
            } => None,
        };
        // The scenario goes on when Herald refuses a change (the resolution
        // gate holds a resolve, say): the lead sees why, as they would live.
        if let Some(refused) = refused {
            sentence.push_str(&format!(" (Herald did not apply it: {})", refused.message));
        }
        self.desk
            .record_injection(id, what.timeline_key(), &sentence)?;
        Ok(sentence)
    }

    /// The scenario hands the role to the lead: `person` becomes the comms
    /// lead of record and writes the handoff the lead will take over from.
    fn hand_to_lead(&self, person: &str) -> Result<(), Error> {
        let id = &self.incident_id;
        self.desk.write(|tx| {
            let mut incident = self.desk.existing(tx, id)?;
            incident.comms_lead = person.to_owned();
            Ok(herald_store::incidents::update(tx, &incident)?)
        })?;
        let handoff = self.desk.handoff(
            id,
            Some(herald_core::handoff::HandoffFormat::Markdown),
            &self.person,
        )?;
        *self
            .handoff_to_take
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(handoff.text);
        Ok(())
    }

    /// Adds the drill to the real board after everything real, so a drill
    /// never hides a real deadline: its incident (titled DRILL already), and
    /// its deadlines and promises with every reference marked DRILL and every
    /// time turned into the wall-clock time it falls at at the current speed
    /// (the board and the compact window count down on the wall clock). A
    /// paused drill's countdowns stand still, so they are left off.
    pub(crate) fn add_to_board(
        &self,
        board: &mut crate::Board,
        real_now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let drilled = self.desk.board()?;
        let drill_now = self.clock.now();
        let on_wall =
            |at: DateTime<Utc>| self.clock.real_wait(at - drill_now).map(|w| real_now + w);
        let mark = |reference: &str| format!("{DRILL_MARK}{reference}");
        board.open.extend(drilled.open);
        for mut item in drilled.deadlines {
            if let Some(at) = on_wall(item.deadline.due_at) {
                item.deadline.due_at = at;
                item.reference = mark(&item.reference);
                board.deadlines.push(item);
            }
        }
        for mut item in drilled.promises {
            if let Some(due) = item.promise.due_at
                && let Some(at) = on_wall(due)
            {
                item.promise.due_at = Some(at);
                item.reference = mark(&item.reference);
                board.promises.push(item);
            }
        }
        Ok(())
    }

    /// The lead took the role over; the handoff is no longer waiting.
    pub(crate) fn taken_over(&self) {
        self.handoff_to_take
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
    }

    /// Works every channel's queue once through the sandbox: what is due is
    /// attempted, what waits for a retry keeps waiting. Returns how many
    /// requests were made.
    pub fn deliver(&self) -> Result<usize, Error> {
        let mut sent = 0;
        for channel in self.desk.busy_channels()? {
            // Bounded: a queue is a handful of updates in a drill.
            for _ in 0..20 {
                match self.desk.next_delivery(&channel)? {
                    Next::Send(job) => {
                        self.desk.deliver(&job, self.sandbox.as_ref())?;
                        sent += 1;
                    }
                    Next::WaitUntil(_) | Next::Idle => break,
                }
            }
        }
        Ok(sent)
    }

    pub fn view(&self) -> DrillView {
        let mut happened = self
            .happened
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        happened.reverse();
        DrillView {
            scenario: self.scenario.name.clone(),
            summary: self.scenario.summary.clone(),
            person: self.person.clone(),
            incident_id: self.incident_id.clone(),
            speed: self.clock.speed(),
            started_at: self.started_at,
            now: self.clock.now().min(self.ends_at()),
            ends_at: self.ends_at(),
            finished: self.finished(),
            happened,
            sandbox: self.sandbox.requests(),
            handoff_to_take: self
                .handoff_to_take
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .clone(),
        }
    }

    /// The score card, as of now (the end, once the drill has finished).
    pub fn score(&self) -> Result<ScoreCard, Error> {
        let end = self.clock.now().min(self.ends_at());
        let record = self
            .desk
            .store
            .read(|conn| crate::postmortem::record(conn, &self.incident_id, end))?
            .ok_or_else(|| Error::not_found("The drill incident"))?;
        Ok(herald_core::drill::score(
            &self.scenario,
            &record,
            &record.promise_summary,
            end,
        ))
    }
}

impl Desk {
    /// Keeps one scenario event on the drill incident's timeline.
    fn record_injection(&self, incident_id: &str, what: &str, sentence: &str) -> Result<(), Error> {
        let now = self.clock.now();
        self.write(|tx| {
            let incident = self.existing(tx, incident_id)?;
            self.record(
                tx,
                &incident,
                vec![EventKind::DrillInjected {
                    what: what.to_owned(),
                    sentence: sentence.to_owned(),
                }],
                now,
            )
        })
    }
}
