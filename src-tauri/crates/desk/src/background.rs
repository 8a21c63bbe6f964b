//! Herald's life without its window. Closing the main window only hides it:
//! the watcher, the courier and the tray keep every deadline. The first time
//! the window is closed the lead is told, once per data directory, that
//! Herald is still running and how to quit it.

use herald_store::settings;

use crate::Desk;

const NOTE_SHOWN: &str = "background_note_shown";

/// The words of that one-time note.
pub const STILL_RUNNING_SUMMARY: &str = "Herald is still running";
pub const STILL_RUNNING_BODY: &str = "It keeps every deadline and will alert you. Open it again from the tray; quit with Ctrl Q or the tray's Quit Herald.";

impl Desk {
    /// Whether the "still running" note is due now; marks it as shown. When
    /// the flag cannot be read or written the note is shown: twice is better
    /// than a lead who thinks closing the window stopped the alerts.
    pub fn take_background_note(&self) -> bool {
        let shown = self
            .store
            .read(|conn| settings::load_or_default::<bool>(conn, NOTE_SHOWN))
            .unwrap_or(false);
        if shown {
            return false;
        }
        let _ = self
            .store
            .write(|tx| settings::save_value(tx, NOTE_SHOWN, &true));
        true
    }
}
