// An in-memory Backend for component tests. It keeps incidents and a matrix in
// memory, records every call, and can be told to fail the next call with a
// given AppError — the way the real backend reports bad input.

import type { Backend } from "./backend";
import type { AppError } from "./bindings/AppError";
import type { Deadline } from "./bindings/Deadline";
import type { Update } from "./bindings/Update";
import type { UnreadableRecord } from "./bindings/UnreadableRecord";
import type { EventKind } from "./bindings/EventKind";
import type { Incident } from "./bindings/Incident";
import type { IncidentView } from "./bindings/IncidentView";
import type { SeverityMatrix } from "./bindings/SeverityMatrix";
import type { StartupProblem } from "./bindings/StartupProblem";
import type { TimelineEvent } from "./bindings/TimelineEvent";
import type { Audience } from "./bindings/Audience";
import type { DraftView } from "./bindings/DraftView";
import type { Finding } from "./bindings/Finding";
import type { IcSync } from "./bindings/IcSync";
import type { MessageSettings } from "./bindings/MessageSettings";
import type { PublishRequest } from "./bindings/PublishRequest";
import type { ResolutionGate } from "./bindings/ResolutionGate";
import type { SyncFacts } from "./bindings/SyncFacts";
import type { TemplateKind } from "./bindings/TemplateKind";
import type { Ask } from "./bindings/Ask";
import type { AskState } from "./bindings/AskState";
import type { Constraint } from "./bindings/Constraint";
import type { HandoffFormat } from "./bindings/HandoffFormat";
import type { NoteInput } from "./bindings/NoteInput";
import type { Obligation } from "./bindings/Obligation";
import type { ObligationDecision } from "./bindings/ObligationDecision";
import type { ObligationInput } from "./bindings/ObligationInput";
import type { ObligationPreset } from "./bindings/ObligationPreset";
import type { NoteRequest } from "./bindings/NoteRequest";
import type { ChannelView } from "./bindings/ChannelView";
import type { ChannelInput } from "./bindings/ChannelInput";
import type { DeliveryView } from "./bindings/DeliveryView";
import type { RelaySettings } from "./bindings/RelaySettings";
import type { TestResult } from "./bindings/TestResult";
import type { JudgedPromise } from "./bindings/JudgedPromise";
import { NO_PROMISES as EMPTY_PROMISES } from "../promises";
import type { ToldMatrix } from "./bindings/ToldMatrix";
import type { Reach } from "./bindings/Reach";
import type { Correction } from "./bindings/Correction";
import type { CorrectionRequest } from "./bindings/CorrectionRequest";
import { notToldYet } from "../told";
import type { DrillView } from "./bindings/DrillView";
import type { KeptScore } from "./bindings/KeptScore";
import type { Practice } from "./bindings/Practice";
import type { ScenarioSummary } from "./bindings/ScenarioSummary";
import type { Speed } from "./bindings/Speed";
import type { TeamInput } from "./bindings/TeamInput";
import type { TeamSettings } from "./bindings/TeamSettings";
import type { TeamStatus } from "./bindings/TeamStatus";

const AUDIENCES: Audience[] = ["customers", "executives", "internal", "incident_channel"];

/** A stand-in for the real templates: enough to see which one was used. */
export function fakeTemplateText(
  audience: Audience,
  kind: TemplateKind,
  facts?: SyncFacts,
): string {
  return `${audience} ${kind}: ${facts?.affected ?? ""}`;
}

export type Call = { method: keyof Backend; args: unknown[] };

export class FakeBackend implements Backend {
  calls: Call[] = [];
  incidents: Incident[] = [];
  timelines = new Map<string, TimelineEvent[]>();
  /** Deadlines per incident, set by tests; a logged update moves its audience's 30 min on. */
  deadlines = new Map<string, Deadline[]>();
  /** Obligation clocks per incident, as added through the fake. */
  obligations = new Map<string, Obligation[]>();
  corrections = new Map<string, Correction[]>();
  /** What each channel reaches, as tests set it, by channel id. */
  reaches = new Map<string, Reach>();
  /** Who has been told what, as tests set it; the real matrix is built in Rust. */
  told: ToldMatrix | null = null;
  /** The presets the fake offers; a test may replace them. */
  presets: ObligationPreset[] = [
    {
      name: "Customer contract: notify affected customers",
      within_minutes: 240,
      rule: "Example contract clause",
      link: "",
    },
  ];
  /** Promises a test sets per incident; judging them is the backend's job. */
  promises = new Map<string, JudgedPromise[]>();
  updates = new Map<string, Update[]>();
  problem: StartupProblem | null = null;
  notificationProblem: string | null = null;
  unreadable: UnreadableRecord[] = [];
  watcherProblem: string | null = null;
  nextError: AppError | null = null;
  now = "2026-11-27T14:00:00.000Z";
  private seq = 0;
  drafts = new Map<string, DraftView[]>();
  syncs = new Map<string, IcSync>();
  gates = new Map<string, ResolutionGate>();
  /** What the fake "linter" finds; tests set it. The real rules are tested in Rust. */
  findingsFor: (audience: Audience, body: string) => Finding[] = () => [];
  messages: MessageSettings | null = null;
  copied: string[] = [];
  constraints = new Map<string, Constraint[]>();
  asks = new Map<string, Ask[]>();
  handoffFormat: HandoffFormat = "markdown";
  channelList: ChannelView[] = [];
  /** Secrets as saved, by channel id: what the keychain would hold. */
  secrets = new Map<string, { url: string; token: string }>();
  deliveries = new Map<string, DeliveryView[]>();
  relay: RelaySettings = { stale_after_minutes: 30 };
  testResult: TestResult = { ok: true, message: "The test message was accepted by Slack." };

  constructor(
    public matrix: SeverityMatrix,
    private readonly defaults: SeverityMatrix = structuredClone(matrix),
  ) {}

  /** The most recent call of `method`, whatever was called after it. */
  lastCall(method: keyof Backend): Call | undefined {
    return [...this.calls].reverse().find((c) => c.method === method);
  }

  private async answer<T>(method: keyof Backend, args: unknown[], work: () => T): Promise<T> {
    this.calls.push({ method, args: structuredClone(args) });
    const error = this.nextError;
    if (error) {
      this.nextError = null;
      throw error;
    }
    return structuredClone(work());
  }

  private record(incidentId: string, kind: EventKind, summary: string) {
    const list = this.timelines.get(incidentId) ?? [];
    list.push({
      id: `e${++this.seq}`,
      incident_id: incidentId,
      at: this.now,
      kind,
      summary,
      imported: false,
    });
    this.timelines.set(incidentId, list);
  }

  private view(id: string): IncidentView {
    const incident = this.incidents.find((i) => i.id === id);
    if (!incident) throw { code: "not_found", message: "That incident was not found.", fields: [] };
    return {
      incident,
      timeline: this.timelines.get(id) ?? [],
      deadlines: this.deadlines.get(id) ?? [],
      updates: this.updates.get(id) ?? [],
      promises: this.promises.get(id) ?? [],
      obligations: this.obligations.get(id) ?? [],
      promise_summary: EMPTY_PROMISES,
      told: this.told ?? notToldYet(),
      corrections: this.corrections.get(id) ?? [],
      heads_up_minutes: this.matrix.heads_up_minutes,
      long_incident: false,
      latest_sync: this.syncs.get(id) ?? null,
      sync_changes: [],
      drafts: this.draftsOf(id),
      timeline_total: (this.timelines.get(id) ?? []).length,
      metrics: {
        audiences: [],
        reviews: 0,
        guardrail_overrides: 0,
        gate_overrides: 0,
        handoffs: 0,
      },
      chart: '<svg xmlns="http://www.w3.org/2000/svg" data-testid="fake-chart"></svg>',
      deliveries: this.deliveries.get(id) ?? [],
      channels: this.channelList.map((c) => ({ ...c, secret_hint: null })),
      constraints: this.constraints.get(id) ?? [],
      asks: this.asks.get(id) ?? [],
      role: {
        since: incident.started_at,
        last_change: null,
        suggest_handoff: false,
        suggest_after_minutes: 180,
      },
      gate: this.gates.get(id) ?? {
        state: "not_monitoring",
        hold_minutes: 30,
        monitoring_since: null,
        hold_until: null,
        overridden: false,
      },
    };
  }

  private draftsOf(id: string): DraftView[] {
    let list = this.drafts.get(id);
    if (!list) {
      list = AUDIENCES.map((audience) => this.draft(audience, "", 0, "investigating"));
      this.drafts.set(id, list);
    }
    return list;
  }

  private draft(audience: Audience, body: string, revision: number, kind: TemplateKind): DraftView {
    const footer = audience === "customers" ? "Next update by 14:15 UTC" : null;
    return {
      audience,
      body,
      revision,
      template_kind: kind,
      edited: false,
      stale: false,
      reviewed: false,
      review_required: audience === "customers" || audience === "executives",
      findings: this.findingsFor(audience, body),
      length: [...body].length + (footer ? [...footer].length + 2 : 0),
      footer,
    };
  }

  private replaceDraft(id: string, next: DraftView) {
    this.drafts.set(
      id,
      this.draftsOf(id).map((d) => (d.audience === next.audience ? next : d)),
    );
    return next;
  }

  private findDraft(id: string, audience: Audience): DraftView {
    return this.draftsOf(id).find((d) => d.audience === audience)!;
  }

  startupStatus() {
    return this.answer("startupStatus", [], () => this.problem);
  }

  /** How many more retries the fake database stays locked for. */
  lockedFor = 0;

  retryDatabase() {
    return this.answer("retryDatabase", [], () => {
      if (this.lockedFor > 0) {
        this.lockedFor -= 1;
        throw { code: "database_unavailable", message: "still locked", fields: [] };
      }
      this.problem = null;
    });
  }

  startsAtLogin = false;

  autostart() {
    return this.answer("autostart", [], () => this.startsAtLogin);
  }

  setAutostart(enabled: boolean) {
    return this.answer("setAutostart", [enabled], () => (this.startsAtLogin = enabled));
  }

  copyDiagnostics() {
    return this.answer("copyDiagnostics", [], () => {
      const text = "Herald 0.1.0 (app.herald.desk)\nOS: linux x86_64 (test)";
      this.copied.push(text);
      return text;
    });
  }

  moveDatabaseAside() {
    return this.answer("moveDatabaseAside", [], () => {
      this.problem = null;
      return "/data/herald.sqlite.broken-20261127T140000Z";
    });
  }

  board() {
    return this.answer("board", [], () => {
      const open = this.incidents.filter((i) => i.status !== "resolved");
      const resolved = this.incidents.filter((i) => i.status === "resolved");
      open.sort((a, b) =>
        a.severity === b.severity
          ? a.started_at.localeCompare(b.started_at)
          : a.severity.localeCompare(b.severity),
      );
      resolved.sort((a, b) => (b.resolved_at ?? "").localeCompare(a.resolved_at ?? ""));
      const deadlines = [...this.deadlines.entries()]
        .flatMap(([incident_id, list]) =>
          list.map((deadline) => ({
            incident_id,
            // The backend shortens long titles; the fake only needs a name.
            reference: ((i) => i?.external_id || i?.title || "")(
              this.incidents.find((i) => i.id === incident_id),
            ),
            deadline,
          })),
        )
        .sort((a, b) => a.deadline.due_at.localeCompare(b.deadline.due_at));
      return {
        open,
        resolved,
        deadlines,
        promises: [...this.promises.entries()].flatMap(([incident_id, list]) =>
          list
            .filter((j) => j.countdown)
            .map((j) => ({ incident_id, reference: "", promise: j.promise })),
        ),
        obligations: [...this.obligations.entries()].flatMap(([incident_id, list]) =>
          list
            .filter((o) => o.state === "open" && o.triggered_at)
            .map((obligation) => ({ incident_id, reference: "", obligation })),
        ),
        heads_up_minutes: this.matrix.heads_up_minutes,
        notification_problem: this.notificationProblem,
        unreadable: this.unreadable,
        watcher_problem: this.watcherProblem,
        last_30_days: {
          incidents: this.incidents.length,
          updates: 0,
          on_time: 0,
          late: 0,
          missed: 0,
          longest_silence: 0,
          promises: EMPTY_PROMISES,
        },
      };
    });
  }

  incident(id: string) {
    return this.answer("incident", [id], () => this.view(id));
  }

  declareIncident(input: Parameters<Backend["declareIncident"]>[0]) {
    return this.answer("declareIncident", [input], () => {
      const id = `inc-${++this.seq}`;
      const activated =
        this.matrix.policies.find((p) => p.severity === input.severity)?.comms_lead === "activated";
      this.incidents.push({
        ...input,
        id,
        comms_lead_activated: activated,
        started_at: this.now,
        resolved_at: null,
      });
      this.record(id, { type: "declared", ...input }, `Declared ${input.severity}`);
      return this.view(id);
    });
  }

  changeIncident(id: string, change: Parameters<Backend["changeIncident"]>[1]) {
    return this.answer("changeIncident", [id, change], () => {
      const incident = this.view(id).incident;
      if (change.type === "severity" && change.value !== incident.severity) {
        this.record(
          id,
          { type: "severity_changed", from: incident.severity, to: change.value },
          `Severity ${incident.severity} → ${change.value}`,
        );
        incident.severity = change.value;
      } else if (change.type === "status" && change.value !== incident.status) {
        this.record(
          id,
          { type: "status_changed", from: incident.status, to: change.value },
          `Status ${incident.status} → ${change.value}`,
        );
        incident.status = change.value;
        incident.resolved_at = change.value === "resolved" ? this.now : null;
      }
      return this.view(id);
    });
  }

  logUpdate(id: string, update: Parameters<Backend["logUpdate"]>[1]) {
    return this.answer("logUpdate", [id, update], () => {
      this.view(id);
      const list = this.updates.get(id) ?? [];
      list.unshift({
        id: `u${++this.seq}`,
        incident_id: id,
        ...update,
        posted_at: this.now,
        source: "logged",
        author: "",
      });
      this.updates.set(id, list);
      const next = new Date(Date.parse(this.now) + 30 * 60_000).toISOString();
      this.deadlines.set(
        id,
        (this.deadlines.get(id) ?? []).map((d) =>
          d.audience === update.audience ? { ...d, due_at: next, snoozed: false } : d,
        ),
      );
      this.record(
        id,
        {
          type: "update_logged",
          update_id: `u${this.seq}`,
          audience: update.audience,
          posted_to: update.posted_to,
        },
        `Update for ${update.audience} posted`,
      );
      return this.view(id);
    });
  }

  snooze(id: string, request: Parameters<Backend["snooze"]>[1]) {
    return this.answer("snooze", [id, request], () => {
      this.deadlines.set(
        id,
        (this.deadlines.get(id) ?? []).map((d) =>
          d.audience === request.audience
            ? {
                ...d,
                due_at: new Date(Date.parse(d.due_at) + request.minutes * 60_000).toISOString(),
                snoozed: true,
              }
            : d,
        ),
      );
      this.record(id, { type: "deadline_snoozed", ...request }, `Snoozed ${request.audience}`);
      return this.view(id);
    });
  }

  sync(id: string, facts: SyncFacts) {
    return this.answer("sync", [id, facts], () => {
      const incident = this.view(id).incident;
      incident.status = facts.status;
      const sync = { id: `s${++this.seq}`, incident_id: id, at: this.now, facts };
      this.syncs.set(id, sync);
      const kind = facts.status === "resolved" ? "resolution" : facts.status;
      for (const audience of AUDIENCES) {
        const old = this.findDraft(id, audience);
        if (!old.edited) {
          const body = fakeTemplateText(audience, kind, facts);
          this.replaceDraft(id, this.draft(audience, body, old.revision + 1, kind));
        } else {
          this.replaceDraft(id, { ...old, stale: true });
        }
      }
      this.record(id, { type: "ic_synced", sync_id: sync.id, changes: [] }, "IC sync: no change");
      return this.view(id);
    });
  }

  saveDraft(id: string, audience: Audience, body: string) {
    return this.answer("saveDraft", [id, audience, body], () => {
      if ([...body].length > 100_000) {
        throw {
          code: "invalid_input",
          message: `The draft is ${[...body].length} characters; Herald keeps at most 100000.`,
          fields: [{ field: "body", message: "too long" }],
        };
      }
      const old = this.findDraft(id, audience);
      if (old.body === body) return old;
      const next = this.draft(audience, body, old.revision + 1, old.template_kind);
      return this.replaceDraft(id, { ...next, edited: true, stale: old.stale });
    });
  }

  previewDraft(id: string, audience: Audience, kind: TemplateKind) {
    return this.answer("previewDraft", [id, audience, kind], () =>
      fakeTemplateText(audience, kind, this.syncs.get(id)?.facts),
    );
  }

  useTemplate(id: string, audience: Audience, kind: TemplateKind) {
    return this.answer("useTemplate", [id, audience, kind], () => {
      const old = this.findDraft(id, audience);
      const body = fakeTemplateText(audience, kind, this.syncs.get(id)?.facts);
      return this.replaceDraft(id, this.draft(audience, body, old.revision + 1, kind));
    });
  }

  reviewDraft(id: string, audience: Audience, revision: number) {
    return this.answer("reviewDraft", [id, audience, revision], () => {
      const old = this.findDraft(id, audience);
      this.replaceDraft(id, { ...old, reviewed: old.revision === revision });
      this.record(id, { type: "draft_reviewed", audience, revision }, `${audience} draft reviewed`);
      return this.view(id);
    });
  }

  publish(id: string, request: PublishRequest) {
    return this.answer("publish", [id, request], () => {
      const draft = this.findDraft(id, request.audience);
      const blocked = (field: string, message: string) => ({
        code: "blocked",
        message,
        fields: [{ field, message }],
      });
      if (draft.review_required && !draft.reviewed) {
        throw blocked("review", "Mark the draft reviewed first.");
      }
      if (draft.findings.some((f) => f.blocking) && !request.override_reason) {
        throw blocked("override_reason", "The draft has blocking guardrail findings.");
      }
      const body = draft.footer ? `${draft.body}\n\n${draft.footer}` : draft.body;
      const list = this.updates.get(id) ?? [];
      const updateId = `u${++this.seq}`;
      list.unshift({
        id: updateId,
        incident_id: id,
        audience: request.audience,
        body,
        posted_to: "",
        posted_at: this.now,
        source: "published",
        author: "Bo",
      });
      this.updates.set(id, list);
      const queued = this.channelList
        .filter((c) => c.channel.enabled && c.channel.audiences.includes(request.audience))
        .map((c): DeliveryView => ({
          id: `d${++this.seq}`,
          update_id: updateId,
          channel_id: c.channel.id,
          channel_name: c.channel.name,
          channel_kind: c.channel.kind,
          state: "queued",
          attempts: 0,
          next_attempt_at: this.now,
          last_error: "",
          decision: "",
          may_have_posted: false,
          delivered_at: null,
          remote_id: "",
          remote_link: "",
          channel_enabled: true,
          from_handoff: false,
          correction_id: "",
        }));
      this.deliveries.set(id, [...(this.deliveries.get(id) ?? []), ...queued]);
      this.replaceDraft(id, { ...draft, reviewed: false });
      this.record(
        id,
        { type: "update_published", update_id: updateId, audience: request.audience, author: "Bo" },
        `Update for ${request.audience} published`,
      );
      return this.view(id);
    });
  }

  /** Records the correction as the backend would; its checks are tested in Rust. */
  correctUpdate(id: string, request: CorrectionRequest) {
    return this.answer("correctUpdate", [id, request], () => {
      const original = (this.updates.get(id) ?? []).find((u) => u.id === request.update_id);
      if (!original) throw { code: "not_found", message: "That update was not found.", fields: [] };
      const correction: Correction = {
        id: `c${++this.seq}`,
        incident_id: id,
        update_id: original.id,
        body: request.body.trim(),
        notify: request.notify,
        corrected_at: this.now,
        author: "Bo",
      };
      this.corrections.set(id, [...(this.corrections.get(id) ?? []), correction]);
      this.record(
        id,
        {
          type: "update_corrected",
          update_id: original.id,
          correction_id: correction.id,
          audience: original.audience,
          notify: request.notify,
          from: original.body,
          to: correction.body,
        },
        `Update for ${original.audience} corrected`,
      );
      return this.view(id);
    });
  }

  private openGate(id: string, overridden: boolean) {
    const gate = this.view(id).gate;
    this.gates.set(id, { ...gate, state: "open", overridden });
    return this.view(id);
  }

  confirmMetrics(id: string) {
    return this.answer("confirmMetrics", [id], () => this.openGate(id, false));
  }

  overrideResolutionGate(id: string, reason: string) {
    return this.answer("overrideResolutionGate", [id, reason], () => this.openGate(id, true));
  }

  copyUpdate(id: string, updateId: string) {
    return this.answer("copyUpdate", [id, updateId], () => {
      const update = (this.updates.get(id) ?? []).find((u) => u.id === updateId);
      if (update) this.copied.push(update.body);
    });
  }

  messageSettings() {
    return this.answer("messageSettings", [], () => this.messages!);
  }

  defaultMessageSettings() {
    return this.answer("defaultMessageSettings", [], () => this.messages!);
  }

  saveMessageSettings(settings: MessageSettings) {
    return this.answer("saveMessageSettings", [settings], () => {
      const bad = settings.templates.templates.find((t) =>
        /\{(?!affected\})[a-z_]+\}/.test(t.body),
      );
      if (bad) {
        const message = "Unknown placeholder in template.";
        throw {
          code: "invalid_input",
          message,
          fields: [{ field: `${bad.audience}.${bad.kind}`, message }],
        };
      }
      return (this.messages = structuredClone(settings));
    });
  }

  previewTemplate(body: string) {
    return this.answer("previewTemplate", [body], () => {
      const unknown = /\{(?!affected\})([a-z_]+)\}/.exec(body);
      if (unknown) {
        const message = `Unknown placeholder {${unknown[1]}}.`;
        throw { code: "invalid_input", message, fields: [{ field: "body", message }] };
      }
      return body.replaceAll("{affected}", "checkout on the website");
    });
  }

  private handoffText(id: string, format: HandoffFormat, to: string): string {
    const incident = this.view(id).incident;
    return `[${format}] Handoff: ${incident.title}${to ? ` to ${to}` : ""}\n\n\`\`\`herald-handoff v2\n\`\`\``;
  }

  handoff(id: string, format: HandoffFormat | null, to: string) {
    return this.answer("handoff", [id, format, to], () => {
      const chosen = format ?? this.handoffFormat;
      return { format: chosen, text: this.handoffText(id, chosen, to) };
    });
  }

  copyHandoff(id: string, format: HandoffFormat, to: string) {
    return this.answer("copyHandoff", [id, format, to], () => {
      this.handoffFormat = format;
      const text = this.handoffText(id, format, to);
      this.copied.push(text);
      this.record(id, { type: "handed_off", from: "Bo", to, format }, `Handoff copied by Bo`);
      return { format, text };
    });
  }

  takeOver(paste: string, lead: string, confirm: boolean) {
    return this.answer("takeOver", [paste, lead, confirm], () => {
      if (!paste.includes("```herald-handoff")) {
        const message = "This is not a Herald handoff.";
        throw { code: "invalid_input", message, fields: [{ field: "paste", message }] };
      }
      return {
        incident_id: this.incidents[0]?.id ?? "none",
        created: true,
        preview: !confirm,
        changes: ["Created it"],
      };
    });
  }

  private note(id: string, input: NoteInput) {
    return {
      id: `n${++this.seq}`,
      incident_id: id,
      text: input.text.trim(),
      created_at: this.now,
      updated_at: this.now,
    };
  }

  obligationPresets() {
    return this.answer("obligationPresets", [], () => this.presets);
  }

  saveObligationPresets(presets: ObligationPreset[]) {
    return this.answer("saveObligationPresets", [presets], () => (this.presets = presets));
  }

  // The fake keeps what it is given; checking it is the backend's job.
  addObligation(id: string, input: ObligationInput) {
    return this.answer("addObligation", [id, input], () => {
      const list = this.obligations.get(id) ?? [];
      list.push({
        ...input,
        id: `o${++this.seq}`,
        incident_id: id,
        state: "open",
        note: "",
        decided_at: null,
        created_at: this.now,
        updated_at: this.now,
      });
      this.obligations.set(id, list);
      return this.view(id);
    });
  }

  editObligation(id: string, obligationId: string, input: ObligationInput) {
    return this.answer("editObligation", [id, obligationId, input], () => {
      for (const o of this.obligations.get(id) ?? []) {
        if (o.id === obligationId) Object.assign(o, input, { updated_at: this.now });
      }
      return this.view(id);
    });
  }

  decideObligation(id: string, obligationId: string, decision: ObligationDecision) {
    return this.answer("decideObligation", [id, obligationId, decision], () => {
      for (const o of this.obligations.get(id) ?? []) {
        if (o.id === obligationId)
          Object.assign(o, {
            ...decision,
            decided_at: decision.state === "open" ? null : this.now,
          });
      }
      return this.view(id);
    });
  }

  addConstraint(id: string, input: NoteInput) {
    return this.answer("addConstraint", [id, input], () => {
      const list = this.constraints.get(id) ?? [];
      list.push({ ...this.note(id, input), closed_at: null });
      this.constraints.set(id, list);
      return this.view(id);
    });
  }

  changeConstraint(id: string, constraintId: string, input: NoteInput, closed: boolean) {
    return this.answer("changeConstraint", [id, constraintId, input, closed], () => {
      for (const c of this.constraints.get(id) ?? []) {
        if (c.id === constraintId)
          Object.assign(c, { text: input.text, closed_at: closed ? this.now : null });
      }
      return this.view(id);
    });
  }

  addAsk(id: string, input: NoteInput) {
    return this.answer("addAsk", [id, input], () => {
      const list = this.asks.get(id) ?? [];
      list.push({ ...this.note(id, input), owner: input.owner, state: "open" });
      this.asks.set(id, list);
      return this.view(id);
    });
  }

  changeAsk(id: string, askId: string, input: NoteInput, state: AskState) {
    return this.answer("changeAsk", [id, askId, input, state], () => {
      for (const a of this.asks.get(id) ?? []) {
        if (a.id === askId) Object.assign(a, { text: input.text, owner: input.owner, state });
      }
      return this.view(id);
    });
  }

  addNote(id: string, request: NoteRequest) {
    return this.answer("addNote", [id, request], () => {
      const noteId = `note${++this.seq}`;
      const backdated = request.at !== null;
      this.record(
        id,
        { type: "note_added", note_id: noteId, text: request.text, backdated },
        backdated ? `Note (back-dated): ${request.text}` : `Note: ${request.text}`,
      );
      return this.view(id);
    });
  }

  correctNote(id: string, noteId: string, text: string) {
    return this.answer("correctNote", [id, noteId, text], () => {
      this.record(id, { type: "note_corrected", note_id: noteId, text }, `Note corrected: ${text}`);
      return this.view(id);
    });
  }

  timelinePage(id: string, before: string | null, limit: number) {
    return this.answer("timelinePage", [id, before, limit], () => {
      const all = [...(this.timelines.get(id) ?? [])].reverse();
      const start = before ? all.findIndex((e) => e.id === before) + 1 : 0;
      return all.slice(start, start + limit);
    });
  }

  exportPostmortem(id: string) {
    return this.answer("exportPostmortem", [id], () => `/exports/${id}-comms.md`);
  }

  copyPostmortem(id: string) {
    return this.answer("copyPostmortem", [id], () => {
      this.copied.push(`# Comms: ${this.view(id).incident.title}`);
    });
  }

  severityMatrix() {
    return this.answer("severityMatrix", [], () => this.matrix);
  }

  defaultSeverityMatrix() {
    return this.answer("defaultSeverityMatrix", [], () => this.defaults);
  }

  openLink(url: string) {
    return this.answer("openLink", [url], () => undefined);
  }

  title = "Herald";
  openIncidentHandlers: ((id: string) => void)[] = [];
  alertHandlers: (() => void)[] = [];

  onOpenIncident(handler: (id: string) => void) {
    this.openIncidentHandlers.push(handler);
    return Promise.resolve(() => {
      this.openIncidentHandlers = this.openIncidentHandlers.filter((h) => h !== handler);
    });
  }

  channels() {
    return this.answer("channels", [], () => this.channelList);
  }

  saveChannel(input: ChannelInput) {
    return this.answer("saveChannel", [input], () => {
      const channel = { ...input.channel, id: input.channel.id || `c${++this.seq}` };
      if (input.secret) this.secrets.set(channel.id, input.secret);
      const view: ChannelView = {
        channel,
        secret_hint: this.secrets.has(channel.id)
          ? "https://hooks.example.com/••••"
          : "nothing stored",
        waiting: 0,
        text_limit: channel.kind === "slack" ? 4000 : null,
      };
      const at = this.channelList.findIndex((c) => c.channel.id === channel.id);
      if (at >= 0) this.channelList[at] = view;
      else this.channelList.push(view);
      return this.channelList;
    });
  }

  deleteChannel(id: string) {
    return this.answer("deleteChannel", [id], () => {
      this.channelList = this.channelList.filter((c) => c.channel.id !== id);
      return this.channelList;
    });
  }

  channelReach(id: string) {
    return this.answer("channelReach", [id], () => {
      const known = this.reaches.get(id);
      if (known) return known;
      return { channel_id: id, people: null, said: "reach not known", why: "" } satisfies Reach;
    });
  }

  testChannel(id: string) {
    return this.answer("testChannel", [id], () => this.testResult);
  }

  relaySettings() {
    return this.answer("relaySettings", [], () => this.relay);
  }

  saveRelaySettings(settings: RelaySettings) {
    return this.answer("saveRelaySettings", [settings], () => (this.relay = settings));
  }

  private setDelivery(id: string, state: string) {
    for (const list of this.deliveries.values()) {
      const d = list.find((x) => x.id === id);
      if (d) Object.assign(d, { state, decision: "", last_error: "" });
    }
  }

  resendDelivery(id: string) {
    return this.answer("resendDelivery", [id], () => this.setDelivery(id, "queued"));
  }

  discardDelivery(id: string) {
    return this.answer("discardDelivery", [id], () => this.setDelivery(id, "discarded"));
  }

  deliveryHandlers: (() => void)[] = [];

  onDeliveriesChanged(handler: () => void) {
    this.deliveryHandlers.push(handler);
    return Promise.resolve(() => {
      this.deliveryHandlers = this.deliveryHandlers.filter((h) => h !== handler);
    });
  }

  onAlertsRaised(handler: () => void) {
    this.alertHandlers.push(handler);
    return Promise.resolve(() => {
      this.alertHandlers = this.alertHandlers.filter((h) => h !== handler);
    });
  }

  setWindowTitle(title: string) {
    return this.answer("setWindowTitle", [title], () => {
      this.title = title;
    });
  }

  countdownOpen = false;

  toggleCountdownWindow() {
    return this.answer(
      "toggleCountdownWindow",
      [],
      () => (this.countdownOpen = !this.countdownOpen),
    );
  }

  showIncident(id: string) {
    return this.answer("showIncident", [id], () => undefined);
  }

  quit() {
    return this.answer("quit", [], () => undefined);
  }

  saveSeverityMatrix(matrix: SeverityMatrix) {
    return this.answer(
      "saveSeverityMatrix",
      [matrix],
      () => (this.matrix = structuredClone(matrix)),
    );
  }

  // Team sync. The fake keeps the settings and the statuses tests set;
  // sharing itself is tested in Rust against the real server.
  team: TeamSettings = { server: "", person: "", token_saved: false, shared: [] };
  teamStatuses: Record<string, TeamStatus> = {};
  teamHandlers: ((id: string) => void)[] = [];

  teamSettings() {
    return this.answer("teamSettings", [], () => structuredClone(this.team));
  }

  saveTeamSettings(input: TeamInput) {
    return this.answer("saveTeamSettings", [input], () => {
      this.team = {
        ...this.team,
        server: input.server.trim(),
        person: input.person.trim(),
        token_saved: this.team.token_saved || !!input.token,
      };
      return structuredClone(this.team);
    });
  }

  shareIncident(id: string, join: boolean) {
    return this.answer("shareIncident", [id, join], () => {
      if (!this.team.shared.includes(id)) this.team.shared.push(id);
      this.teamStatuses[id] ??= { shared: true, online: false, state: "Connecting…", peers: [] };
      return structuredClone(this.team);
    });
  }

  stopSharing(id: string) {
    return this.answer("stopSharing", [id], () => {
      this.team.shared = this.team.shared.filter((s) => s !== id);
      delete this.teamStatuses[id];
      return structuredClone(this.team);
    });
  }

  teamStatus(id: string) {
    return this.answer(
      "teamStatus",
      [id],
      () =>
        this.teamStatuses[id] ?? { shared: false, online: false, state: "Not shared", peers: [] },
    );
  }

  setTeamEditing(id: string, audience: Audience | null) {
    return this.answer("setTeamEditing", [id, audience], () => undefined);
  }

  removeTeammate(id: string, person: string) {
    return this.answer("removeTeammate", [id, person], () => {
      const status = this.teamStatuses[id];
      if (!status) throw { code: "not_found", message: "That shared incident was not found." };
      status.peers = status.peers.filter((p) => p.person !== person);
      return structuredClone(status);
    });
  }

  onTeamChanged(handler: (id: string) => void) {
    this.teamHandlers.push(handler);
    return Promise.resolve(() => {
      this.teamHandlers = this.teamHandlers.filter((h) => h !== handler);
    });
  }

  /** A teammate's change lands: what the real backend's event does. */
  teamChanged(id: string) {
    for (const handler of this.teamHandlers) handler(id);
  }

  // Drills. The fake holds what tests set and echoes the lead's choices;
  // running a scenario, the clock and the score are tested in Rust.
  scenarios: ScenarioSummary[] = [
    {
      id: "checkout-sev1",
      name: "SEV1: checkout is down",
      summary: "Card payments fail for every customer.",
      minutes: 40,
      severity: "SEV1",
    },
  ];
  drillView: DrillView | null = null;
  practiceLog: Practice = { rotation: [], scores: [] };
  drillHandlers: (() => void)[] = [];
  finishHandlers: ((kept: KeptScore) => void)[] = [];

  drillScenarios() {
    return this.answer("drillScenarios", [], () => this.scenarios);
  }

  private started(name: string, person: string, speed: Speed): DrillView {
    this.drillView = {
      scenario: name,
      summary: "",
      person,
      incident_id: "drill-incident",
      speed,
      started_at: this.now,
      now: this.now,
      ends_at: this.now,
      finished: false,
      happened: [],
      sandbox: [],
      handoff_to_take: null,
    };
    return this.drillView;
  }

  startDrill(scenario: string, person: string, speed: Speed) {
    return this.answer("startDrill", [scenario, person, speed], () => {
      const found = this.scenarios.find((s) => s.id === scenario);
      return this.started(found?.name ?? scenario, person, speed);
    });
  }

  startDrillFromFile(person: string, speed: Speed) {
    return this.answer("startDrillFromFile", [person, speed], () =>
      this.started("Replay", person, speed),
    );
  }

  drill() {
    return this.answer("drill", [], () => this.drillView);
  }

  setDrillSpeed(speed: Speed) {
    return this.answer("setDrillSpeed", [speed], () => {
      if (this.drillView) this.drillView.speed = speed;
      return this.drillView;
    });
  }

  endDrill() {
    return this.answer("endDrill", [], () => {
      this.drillView = null;
      return this.practiceLog.scores[0] ?? null;
    });
  }

  practice() {
    return this.answer("practice", [], () => this.practiceLog);
  }

  copyScore(id: string) {
    return this.answer("copyScore", [id], () => {
      const text = `# Drill score ${id}`;
      this.copied.push(text);
      return text;
    });
  }

  copyDrillHandoff() {
    return this.answer("copyDrillHandoff", [], () => {
      this.copied.push(this.drillView?.handoff_to_take ?? "");
    });
  }

  deleteDrillData() {
    return this.answer("deleteDrillData", [], () => {
      this.drillView = null;
    });
  }

  onDrillChanged(handler: () => void) {
    this.drillHandlers.push(handler);
    return Promise.resolve(() => {
      this.drillHandlers = this.drillHandlers.filter((h) => h !== handler);
    });
  }

  onDrillFinished(handler: (kept: KeptScore) => void) {
    this.finishHandlers.push(handler);
    return Promise.resolve(() => {
      this.finishHandlers = this.finishHandlers.filter((h) => h !== handler);
    });
  }
}
