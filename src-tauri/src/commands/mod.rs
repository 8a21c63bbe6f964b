//! Tauri commands, one file per area. Each is a few lines over the desk crate;
//! errors cross as the desk's `{code, message, fields}`.

pub mod cadence;
pub mod channels;
pub mod corrections;
pub mod diagnostics;
pub mod drafts;
pub mod drills;
pub mod handoff;
pub mod incidents;
pub mod links;
pub mod messages;
pub mod obligations;
pub mod postmortem;
pub mod settings;
pub mod startup;
pub mod team;
pub mod window;
