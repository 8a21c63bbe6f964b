// The Backend over Tauri IPC: the only module that imports @tauri-apps/api.

import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { listen } from "@tauri-apps/api/event";
import { toAppError, type Backend } from "./backend";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toAppError(raw);
  }
}

export const tauriBackend: Backend = {
  startupStatus: () => call("startup_status"),
  moveDatabaseAside: () => call("move_database_aside"),
  board: () => call("board"),
  incident: (id) => call("incident", { id }),
  declareIncident: (input) => call("declare_incident", { input }),
  changeIncident: (id, change) => call("change_incident", { id, change }),
  logUpdate: (id, update) => call("log_update", { id, update }),
  snooze: (id, request) => call("snooze", { id, request }),
  severityMatrix: () => call("severity_matrix"),
  defaultSeverityMatrix: () => call("default_severity_matrix"),
  saveSeverityMatrix: (matrix) => call("save_severity_matrix", { matrix }),
  openLink: (url) => call("open_link", { url }),
  quit: () => call("quit"),
  toggleCountdownWindow: () => call("toggle_countdown_window"),
  showIncident: (id) => call("show_incident", { id }),
  // Event names match src-tauri/src/events.rs.
  onOpenIncident: (handler) => listen<string>("open-incident", (e) => handler(e.payload)),
  onAlertsRaised: (handler) => listen("alerts-raised", () => handler()),
  setWindowTitle: async (title) => {
    try {
      await getCurrentWindow().setTitle(title);
    } catch (raw) {
      throw toAppError(raw);
    }
  },
};
