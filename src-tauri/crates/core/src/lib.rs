//! Herald's pure domain model.
//!
//! Nothing here does IO or reads a clock: every function that needs the time takes
//! it as an argument, so the rules can be tested with fixed instants and the same
//! input always gives the same answer.

pub mod alerts;
pub mod cadence;
pub mod correction;
pub mod drill;
pub mod gate;
pub mod guardrails;
pub mod handoff;
pub mod incident;
pub mod matrix;
pub mod obligations;
pub mod postmortem;
pub mod promises;
pub mod redact;
pub mod relay;
pub mod sync;
pub mod templates;
pub mod terms;
pub mod text;
pub mod timeline;
pub mod told;
pub mod update;
pub mod validation;

pub use alerts::{AlertStage, AlertText};
pub use cadence::{AudienceFacts, Deadline, DeadlineChange};
pub use correction::{Correction, CorrectionRequest};
pub use gate::{GateState, ResolutionGate};
pub use guardrails::{Finding, GuardrailSettings, Rule, Strictness};
pub use incident::{Incident, IncidentChange, NewIncident};
pub use matrix::{Cadence, CommsLead, SeverityMatrix, SeverityPolicy, StatusCadence};
pub use obligations::{
    Obligation, ObligationDecision, ObligationInput, ObligationPreset, ObligationState,
};
pub use promises::{
    JudgedPromise, Promise, PromiseKind, PromiseOutcome, PromiseState, PromiseSummary,
};
pub use sync::{EtaConfidence, IcSync, SyncChange, SyncFacts};
pub use templates::{Template, TemplateKind, TemplateSet};
pub use terms::{Audience, Severity, Status};
pub use timeline::{EventKind, TimelineEvent};
pub use told::{Fact, Told, ToldCell, ToldRow};
pub use update::{LoggedUpdate, SnoozeRequest, Update};
pub use validation::{FieldError, Invalid};
