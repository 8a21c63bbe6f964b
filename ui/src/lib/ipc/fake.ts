// An in-memory Backend for component tests. It keeps incidents and a matrix in
// memory, records every call, and can be told to fail the next call with a
// given AppError — the way the real backend reports bad input.

import type { Backend } from "./backend";
import type { AppError } from "./bindings/AppError";
import type { Deadline } from "./bindings/Deadline";
import type { Update } from "./bindings/Update";
import type { EventKind } from "./bindings/EventKind";
import type { Incident } from "./bindings/Incident";
import type { IncidentView } from "./bindings/IncidentView";
import type { SeverityMatrix } from "./bindings/SeverityMatrix";
import type { StartupProblem } from "./bindings/StartupProblem";
import type { TimelineEvent } from "./bindings/TimelineEvent";

export type Call = { method: keyof Backend; args: unknown[] };

export class FakeBackend implements Backend {
  calls: Call[] = [];
  incidents: Incident[] = [];
  timelines = new Map<string, TimelineEvent[]>();
  /** Deadlines per incident, set by tests; a logged update moves its audience's 30 min on. */
  deadlines = new Map<string, Deadline[]>();
  updates = new Map<string, Update[]>();
  problem: StartupProblem | null = null;
  notificationProblem: string | null = null;
  nextError: AppError | null = null;
  now = "2026-11-27T14:00:00.000Z";
  private seq = 0;

  constructor(
    public matrix: SeverityMatrix,
    private readonly defaults: SeverityMatrix = structuredClone(matrix),
  ) {}

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
    list.push({ id: `e${++this.seq}`, incident_id: incidentId, at: this.now, kind, summary });
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
      heads_up_minutes: this.matrix.heads_up_minutes,
      long_incident: false,
    };
  }

  startupStatus() {
    return this.answer("startupStatus", [], () => this.problem);
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
        .flatMap(([incident_id, list]) => list.map((deadline) => ({ incident_id, deadline })))
        .sort((a, b) => a.deadline.due_at.localeCompare(b.deadline.due_at));
      return {
        open,
        resolved,
        deadlines,
        heads_up_minutes: this.matrix.heads_up_minutes,
        notification_problem: this.notificationProblem,
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
}
