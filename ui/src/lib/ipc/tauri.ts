// The Backend over Tauri IPC: the only module that imports @tauri-apps/api.

import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { listen } from "@tauri-apps/api/event";
import { toAppError, type Backend } from "./backend";
import type { KeptScore } from "./bindings/KeptScore";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toAppError(raw);
  }
}

export const tauriBackend: Backend = {
  teamSettings: () => call("team_settings"),
  saveTeamSettings: (input) => call("save_team_settings", { input }),
  shareIncident: (incidentId, join) => call("share_incident", { incidentId, join }),
  stopSharing: (incidentId) => call("stop_sharing", { incidentId }),
  teamStatus: (incidentId) => call("team_status", { incidentId }),
  setTeamEditing: (incidentId, audience) => call("set_team_editing", { incidentId, audience }),
  removeTeammate: (incidentId, person) => call("remove_teammate", { incidentId, person }),
  onTeamChanged: (handler) => listen<string>("team-changed", (e) => handler(e.payload)),
  drillScenarios: () => call("drill_scenarios"),
  startDrill: (scenario, person, speed) => call("start_drill", { scenario, person, speed }),
  startDrillFromFile: (person, speed) => call("start_drill_from_file", { person, speed }),
  drill: () => call("drill"),
  setDrillSpeed: (speed) => call("set_drill_speed", { speed }),
  endDrill: () => call("end_drill"),
  practice: () => call("practice"),
  copyScore: (id) => call("copy_score", { id }),
  deleteDrillData: () => call("delete_drill_data"),
  copyDrillHandoff: () => call("copy_drill_handoff"),
  onDrillChanged: (handler) => listen("drill-changed", () => handler()),
  onDrillFinished: (handler) => listen<KeptScore>("drill-finished", (e) => handler(e.payload)),
  startupStatus: () => call("startup_status"),
  moveDatabaseAside: () => call("move_database_aside"),
  retryDatabase: () => call("retry_database"),
  copyDiagnostics: () => call("copy_diagnostics"),
  autostart: () => call("autostart"),
  setAutostart: (enabled) => call("set_autostart", { enabled }),
  board: () => call("board"),
  incident: (id) => call("incident", { id }),
  declareIncident: (input) => call("declare_incident", { input }),
  changeIncident: (id, change) => call("change_incident", { id, change }),
  logUpdate: (id, update) => call("log_update", { id, update }),
  snooze: (id, request) => call("snooze", { id, request }),
  sync: (id, facts) => call("sync", { id, facts }),
  saveDraft: (id, audience, body) => call("save_draft", { id, audience, body }),
  previewDraft: (id, audience, kind) => call("preview_draft", { id, audience, kind }),
  useTemplate: (id, audience, kind) => call("use_template", { id, audience, kind }),
  reviewDraft: (id, audience, revision) => call("review_draft", { id, audience, revision }),
  publish: (id, request) => call("publish", { id, request }),
  correctUpdate: (id, request) => call("correct_update", { id, request }),
  confirmMetrics: (id) => call("confirm_metrics", { id }),
  overrideResolutionGate: (id, reason) => call("override_resolution_gate", { id, reason }),
  copyUpdate: (id, updateId) => call("copy_update", { id, updateId }),
  messageSettings: () => call("message_settings"),
  defaultMessageSettings: () => call("default_message_settings"),
  saveMessageSettings: (settings) => call("save_message_settings", { settings }),
  previewTemplate: (body) => call("preview_template", { body }),
  handoff: (id, format, to) => call("handoff", { id, format, to }),
  copyHandoff: (id, format, to) => call("copy_handoff", { id, format, to }),
  takeOver: (paste, lead, confirm) => call("take_over", { paste, lead, confirm }),
  addConstraint: (id, input) => call("add_constraint", { id, input }),
  obligationPresets: () => call("obligation_presets"),
  saveObligationPresets: (presets) => call("save_obligation_presets", { presets }),
  addObligation: (id, input) => call("add_obligation", { id, input }),
  editObligation: (id, obligationId, input) => call("edit_obligation", { id, obligationId, input }),
  decideObligation: (id, obligationId, decision) =>
    call("decide_obligation", { id, obligationId, decision }),
  changeConstraint: (id, constraintId, input, closed) =>
    call("change_constraint", { id, constraintId, input, closed }),
  addAsk: (id, input) => call("add_ask", { id, input }),
  changeAsk: (id, askId, input, state) => call("change_ask", { id, askId, input, state }),
  addNote: (id, request) => call("add_note", { id, request }),
  correctNote: (id, noteId, text) => call("correct_note", { id, noteId, text }),
  timelinePage: (id, before, limit) => call("timeline_page", { id, before, limit }),
  exportPostmortem: (id) => call("export_postmortem", { id }),
  copyPostmortem: (id) => call("copy_postmortem", { id }),
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
  channels: () => call("channels"),
  saveChannel: (input) => call("save_channel", { input }),
  deleteChannel: (id) => call("delete_channel", { id }),
  testChannel: (id) => call("test_channel", { id }),
  channelReach: (id) => call("channel_reach", { id }),
  relaySettings: () => call("relay_settings"),
  saveRelaySettings: (settings) => call("save_relay_settings", { settings }),
  resendDelivery: (id) => call("resend_delivery", { id }),
  discardDelivery: (id) => call("discard_delivery", { id }),
  onDeliveriesChanged: (handler) => listen("deliveries-changed", () => handler()),
  setWindowTitle: async (title) => {
    try {
      await getCurrentWindow().setTitle(title);
    } catch (raw) {
      throw toAppError(raw);
    }
  },
};
