// The Backend interface: everything the UI may ask of Herald. Components talk to
// this, never to Tauri; the Tauri implementation and an in-memory fake for
// component tests both satisfy it.

import type { AppError } from "./bindings/AppError";
import type { Reach } from "./bindings/Reach";
import type { CorrectionRequest } from "./bindings/CorrectionRequest";
import type { Board } from "./bindings/Board";
import type { IncidentChange } from "./bindings/IncidentChange";
import type { IncidentView } from "./bindings/IncidentView";
import type { LoggedUpdate } from "./bindings/LoggedUpdate";
import type { SnoozeRequest } from "./bindings/SnoozeRequest";
import type { NewIncident } from "./bindings/NewIncident";
import type { SeverityMatrix } from "./bindings/SeverityMatrix";
import type { ChannelView } from "./bindings/ChannelView";
import type { ChannelInput } from "./bindings/ChannelInput";
import type { TestResult } from "./bindings/TestResult";
import type { RelaySettings } from "./bindings/RelaySettings";
import type { StartupProblem } from "./bindings/StartupProblem";
import type { Audience } from "./bindings/Audience";
import type { DraftView } from "./bindings/DraftView";
import type { MessageSettings } from "./bindings/MessageSettings";
import type { PublishRequest } from "./bindings/PublishRequest";
import type { SyncFacts } from "./bindings/SyncFacts";
import type { TemplateKind } from "./bindings/TemplateKind";
import type { AskState } from "./bindings/AskState";
import type { HandoffFormat } from "./bindings/HandoffFormat";
import type { HandoffText } from "./bindings/HandoffText";
import type { NoteInput } from "./bindings/NoteInput";
import type { ObligationDecision } from "./bindings/ObligationDecision";
import type { ObligationInput } from "./bindings/ObligationInput";
import type { ObligationPreset } from "./bindings/ObligationPreset";
import type { TakeOver } from "./bindings/TakeOver";
import type { NoteRequest } from "./bindings/NoteRequest";
import type { TimelineEvent } from "./bindings/TimelineEvent";
import type { DrillView } from "./bindings/DrillView";
import type { TeamInput } from "./bindings/TeamInput";
import type { TeamSettings } from "./bindings/TeamSettings";
import type { TeamStatus } from "./bindings/TeamStatus";
import type { KeptScore } from "./bindings/KeptScore";
import type { Practice } from "./bindings/Practice";
import type { ScenarioSummary } from "./bindings/ScenarioSummary";
import type { Speed } from "./bindings/Speed";

export interface Backend {
  /** Team sync: the server, this lead's name, whether a token is saved. */
  teamSettings(): Promise<TeamSettings>;
  /** Saves team sync's settings; `token: null` keeps the saved token. */
  saveTeamSettings(input: TeamInput): Promise<TeamSettings>;
  /** Shares an incident held here, or (`join`) one a teammate shared, by id. */
  shareIncident(id: string, join: boolean): Promise<TeamSettings>;
  stopSharing(id: string): Promise<TeamSettings>;
  /** A shared incident's connection and who else is in it. */
  teamStatus(id: string): Promise<TeamStatus>;
  /** Tells teammates which draft this lead is in (null: none). */
  setTeamEditing(id: string, audience: Audience | null): Promise<void>;
  /** Takes a teammate out of a shared incident; their Herald stops sharing. */
  removeTeammate(id: string, person: string): Promise<TeamStatus>;
  /** A teammate's change landed in a shared incident (payload: its id). */
  onTeamChanged(handler: (id: string) => void): Promise<() => void>;
  /** The drill scenarios Herald ships. */
  drillScenarios(): Promise<ScenarioSummary[]>;
  /** Starts a shipped scenario for `person` on a simulated clock, on its own sandboxed data. */
  startDrill(scenario: string, person: string, speed: Speed): Promise<DrillView>;
  /** Asks for a scenario file or an exported incident and starts it; null if cancelled. */
  startDrillFromFile(person: string, speed: Speed): Promise<DrillView | null>;
  /** The drill in progress, or null. */
  drill(): Promise<DrillView | null>;
  setDrillSpeed(speed: Speed): Promise<DrillView | null>;
  /** Ends the drill now; its score card is kept in the practice log. */
  endDrill(): Promise<KeptScore | null>;
  /** Every kept score card, and who has practised when. */
  practice(): Promise<Practice>;
  /** Puts one score card on the clipboard as Markdown, and returns it. */
  copyScore(id: string): Promise<string>;
  /** Puts the handoff the scenario's outgoing lead wrote on the clipboard. */
  copyDrillHandoff(): Promise<void>;
  /** Deletes every drill's data (the practice log stays). */
  deleteDrillData(): Promise<void>;
  onDrillChanged(handler: () => void): Promise<() => void>;
  onDrillFinished(handler: (kept: KeptScore) => void): Promise<() => void>;
  /** Why the database could not be opened at start, or null when it is open. */
  startupStatus(): Promise<StartupProblem | null>;
  /** Moves the broken database aside and starts fresh; resolves to the old file's new path. */
  moveDatabaseAside(): Promise<string>;
  /** Tries to open the database again; rejects with the problem if it is still there. */
  retryDatabase(): Promise<void>;
  /** Puts the diagnostics text on the clipboard and returns it. */
  copyDiagnostics(): Promise<string>;
  /** Whether Herald starts at login, minimised to the tray. */
  autostart(): Promise<boolean>;
  setAutostart(enabled: boolean): Promise<boolean>;
  board(): Promise<Board>;
  incident(id: string): Promise<IncidentView>;
  declareIncident(input: NewIncident): Promise<IncidentView>;
  changeIncident(id: string, change: IncidentChange): Promise<IncidentView>;
  /** Records an update posted elsewhere; restarts that audience's cadence. */
  logUpdate(id: string, update: LoggedUpdate): Promise<IncidentView>;
  /** Pushes one audience's deadline back 5, 10 or 15 minutes, with a reason. */
  snooze(id: string, request: SnoozeRequest): Promise<IncidentView>;
  /** Saves an IC sync; drafts the lead has not edited are regenerated from it. */
  sync(id: string, facts: SyncFacts): Promise<IncidentView>;
  /** Autosaves one audience's draft; any edit clears its review mark. */
  saveDraft(id: string, audience: Audience, body: string): Promise<DraftView>;
  /** What a template would write now, for a diff; saves nothing. */
  previewDraft(id: string, audience: Audience, kind: TemplateKind): Promise<string>;
  /** Replaces the draft with a template's text. */
  useTemplate(id: string, audience: Audience, kind: TemplateKind): Promise<DraftView>;
  /** Marks one revision "reviewed for accuracy and tone". */
  reviewDraft(id: string, audience: Audience, revision: number): Promise<IncidentView>;
  /** Publishes a draft revision; refused while a gate is closed. */
  publish(id: string, request: PublishRequest): Promise<IncidentView>;
  /** Corrects an update that went out, wherever it went (edit, reply or follow-up per channel). */
  correctUpdate(id: string, request: CorrectionRequest): Promise<IncidentView>;
  /** Confirms the metrics held through the monitoring hold. */
  confirmMetrics(id: string): Promise<IncidentView>;
  /** Opens the resolution gate early, with a reason for the timeline. */
  overrideResolutionGate(id: string, reason: string): Promise<IncidentView>;
  /** Copies an update's exact text to the system clipboard. */
  copyUpdate(id: string, updateId: string): Promise<void>;
  messageSettings(): Promise<MessageSettings>;
  defaultMessageSettings(): Promise<MessageSettings>;
  saveMessageSettings(settings: MessageSettings): Promise<MessageSettings>;
  /** A template filled from a sample incident; rejects naming an unknown placeholder. */
  previewTemplate(body: string): Promise<string>;
  /** The handoff text and block, in `format` (null: the lead's last choice); records nothing. */
  handoff(id: string, format: HandoffFormat | null, to: string): Promise<HandoffText>;
  /** Records the handoff on the timeline and puts it on the system clipboard. */
  copyHandoff(id: string, format: HandoffFormat, to: string): Promise<HandoffText>;
  /** Recreates or merges an incident from a pasted handoff. */
  /** Without `confirm`, says what taking over would do and writes nothing. */
  takeOver(paste: string, lead: string, confirm: boolean): Promise<TakeOver>;
  addConstraint(id: string, input: NoteInput): Promise<IncidentView>;
  /** The obligation clocks the lead can add in one step (examples until edited). */
  obligationPresets(): Promise<ObligationPreset[]>;
  saveObligationPresets(presets: ObligationPreset[]): Promise<ObligationPreset[]>;
  addObligation(id: string, input: ObligationInput): Promise<IncidentView>;
  /** Changes a clock's details, or sets its trigger. */
  editObligation(id: string, obligationId: string, input: ObligationInput): Promise<IncidentView>;
  /** Sent (with evidence), not required (with the reason), or open again. */
  decideObligation(
    id: string,
    obligationId: string,
    decision: ObligationDecision,
  ): Promise<IncidentView>;
  changeConstraint(
    id: string,
    constraintId: string,
    input: NoteInput,
    closed: boolean,
  ): Promise<IncidentView>;
  addAsk(id: string, input: NoteInput): Promise<IncidentView>;
  changeAsk(id: string, askId: string, input: NoteInput, state: AskState): Promise<IncidentView>;
  /** Adds a note, optionally back-dated. */
  addNote(id: string, request: NoteRequest): Promise<IncidentView>;
  /** Records a correction of a note; the original stays. */
  correctNote(id: string, noteId: string, text: string): Promise<IncidentView>;
  /** Older timeline events, newest first, before the event `before`. */
  timelinePage(id: string, before: string | null, limit: number): Promise<TimelineEvent[]>;
  /** Asks where to save and writes the postmortem files; resolves to the Markdown's path, or null if cancelled. */
  exportPostmortem(id: string): Promise<string | null>;
  /** Copies the postmortem's Markdown to the clipboard. */
  copyPostmortem(id: string): Promise<void>;
  /** Settings → Channels: every channel, its secret only as a masked hint. */
  channels(): Promise<ChannelView[]>;
  /** Saves a channel; `secret` null keeps the one in the keychain. */
  saveChannel(input: ChannelInput): Promise<ChannelView[]>;
  deleteChannel(id: string): Promise<ChannelView[]>;
  /** Sends a harmless test through the channel and says what happened. */
  testChannel(id: string): Promise<TestResult>;
  /** How far a publish to the channel reaches ("1,204 subscribers"); never throws for a count it cannot read. */
  channelReach(id: string): Promise<Reach>;
  relaySettings(): Promise<RelaySettings>;
  saveRelaySettings(settings: RelaySettings): Promise<RelaySettings>;
  /** The lead's decision on an undelivered update. */
  resendDelivery(id: string): Promise<void>;
  discardDelivery(id: string): Promise<void>;
  /** A delivery moved (sent, retrying, failed); payload-free. */
  onDeliveriesChanged(handler: () => void): Promise<() => void>;
  severityMatrix(): Promise<SeverityMatrix>;
  defaultSeverityMatrix(): Promise<SeverityMatrix>;
  saveSeverityMatrix(matrix: SeverityMatrix): Promise<SeverityMatrix>;
  /** Opens an http(s) link in the lead's default browser. */
  openLink(url: string): Promise<void>;
  /** Calls `handler` with the incident id when the lead chooses "Open" on a notification. */
  onOpenIncident(handler: (incidentId: string) => void): Promise<() => void>;
  /** Calls `handler` whenever deadline alerts were raised or snoozed from a notification. */
  onAlertsRaised(handler: () => void): Promise<() => void>;
  /** Opens the compact always-on-top countdown window, or closes it; resolves to whether it is open. */
  toggleCountdownWindow(): Promise<boolean>;
  /** Brings the main window forward on an incident (used by the countdown window). */
  showIncident(id: string): Promise<void>;
  /** Sets the window's title (shown in the taskbar and window switcher). */
  setWindowTitle(title: string): Promise<void>;
  /** Quits Herald gracefully, saving the window's size and position. */
  quit(): Promise<void>;
}

/** Every Backend rejection is an AppError; branch on `code`, show `message`. */
export function toAppError(raw: unknown): AppError {
  if (typeof raw === "object" && raw !== null && "code" in raw && "message" in raw) {
    const e = raw as Partial<AppError>;
    return { code: e.code!, message: String(e.message), fields: e.fields ?? [] };
  }
  const message = raw instanceof Error ? raw.message : String(raw);
  return { code: "internal", message: `Herald could not complete that: ${message}`, fields: [] };
}

/** The message for one form field, if the error names it. */
export function fieldMessage(error: AppError | null, field: string): string | undefined {
  return error?.fields.find((f) => f.field === field)?.message;
}
