import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import BoardPage from "./BoardPage.svelte";
import { backendContext } from "../state/backend";
import { router } from "../state/router.svelte";
import { clock } from "../state/clock.svelte";
import { fakeBackend } from "../../test-support/fixtures";
import type { NewIncident } from "../ipc";

const form = (title: string, severity: NewIncident["severity"]): NewIncident => ({
  external_id: title.toUpperCase(),
  link: "",
  title,
  severity,
  status: "investigating",
  customer_visible: true,
  commander: "",
  comms_lead: "",
});

describe("BoardPage", () => {
  it("lists open incidents worst first with their age, and resolved ones below", async () => {
    const backend = fakeBackend();
    backend.now = "2026-11-27T12:00:00.000Z";
    await backend.declareIncident(form("minor", "SEV3"));
    backend.now = "2026-11-27T13:00:00.000Z";
    await backend.declareIncident(form("major", "SEV1"));
    const done = await backend.declareIncident(form("done", "SEV2"));
    await backend.changeIncident(done.incident.id, { type: "status", value: "resolved" });
    clock.now = Date.parse("2026-11-27T14:05:00.000Z");

    render(BoardPage, { context: backendContext(backend) });

    const open = await screen.findByTestId("board-open");
    const rows = within(open).getAllByTestId("board-row");
    expect(rows.map((r) => r.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "SEV1 MAJOR major Investigating no updates scheduled 1 h 05 min",
      "SEV3 MINOR minor Investigating no updates scheduled 2 h 05 min",
    ]);
    const resolved = screen.getByTestId("board-resolved");
    expect(within(resolved).getByText("done")).toBeTruthy();
  });

  it("puts the most urgent deadline on top and each incident's next update in its row", async () => {
    const backend = fakeBackend();
    const calm = await backend.declareIncident(form("calm", "SEV3"));
    const hot = await backend.declareIncident(form("hot", "SEV1"));
    const soon = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    const d = (audience: "customers" | "internal", due_at: string) => ({
      audience,
      due_at,
      cadence_minutes: 15,
      relaxed: false,
      snoozed: false,
    });
    backend.deadlines.set(calm.incident.id, [d("internal", soon(40))]);
    backend.deadlines.set(hot.incident.id, [d("customers", soon(-4.5))]);
    render(BoardPage, { context: backendContext(backend) });

    const urgent = await screen.findByTestId("most-urgent");
    expect(urgent.textContent).toContain("Customers update for HOT");
    expect(urgent.textContent).toContain("Overdue");
    expect(urgent.textContent).toMatch(/\+04:[23]\d late/);
    const rows = screen.getAllByTestId("row-next").map((r) => r.textContent?.trim());
    expect(rows[0]).toMatch(/^Customers\s+\+04:[23]\d late$/);
    expect(rows[1]).toMatch(/^Internal\s+(40|41) min$/);
  });

  it("says plainly when desktop notifications are not getting through", async () => {
    const backend = fakeBackend();
    backend.notificationProblem = "no notification server is running";
    render(BoardPage, { context: backendContext(backend) });
    const warning = await screen.findByTestId("notifications-unavailable");
    expect(warning.textContent).toContain("Desktop notifications are unavailable");
    expect(warning.textContent).toContain("no notification server is running");
  });

  it("names an incident it could not read and the watcher's own failure", async () => {
    const backend = fakeBackend();
    await backend.declareIncident(form("checkout", "SEV2"));
    backend.unreadable = [{ incident_id: "0193-bad", reason: 'bad time "+10000-01-01"' }];
    backend.watcherProblem = "Herald could not check or record deadline alerts: disk is full";
    render(BoardPage, { context: backendContext(backend) });
    const unreadable = await screen.findByTestId("unreadable-records");
    expect(unreadable.textContent).toContain("1 incident could not be read");
    expect(unreadable.textContent).toContain("0193-bad");
    expect(screen.getByTestId("watcher-problem").textContent).toContain("disk is full");
    expect(await screen.findByText("checkout")).toBeTruthy();
  });

  it("opens an incident when its row is chosen", async () => {
    const backend = fakeBackend();
    const view = await backend.declareIncident(form("checkout", "SEV2"));
    render(BoardPage, { context: backendContext(backend) });
    await userEvent.setup().click(await screen.findByText("checkout"));
    expect(router.route).toEqual({ name: "incident", id: view.incident.id });
  });

  it("says plainly when there is nothing open", async () => {
    render(BoardPage, { context: backendContext(fakeBackend()) });
    expect((await screen.findByTestId("board-empty")).textContent).toContain("No open incidents");
  });

  it("shows a storage error instead of an empty board", async () => {
    const backend = fakeBackend();
    backend.nextError = { code: "storage", message: "Herald could not read its data.", fields: [] };
    render(BoardPage, { context: backendContext(backend) });
    expect((await screen.findByRole("alert")).textContent).toContain("could not read");
  });

  it("shows an incident joined from the team as soon as it arrives, without a reload", async () => {
    const backend = fakeBackend();
    render(BoardPage, { context: backendContext(backend) });
    await screen.findByTestId("board-empty");
    // The teammate's incident lands in this Herald's database, then the event.
    const joined = await backend.declareIncident(form("shared outage", "SEV1"));
    backend.teamChanged(joined.incident.id);
    expect(await screen.findByText("shared outage")).toBeTruthy();
  });

  it("marks shared incidents, and says when this Herald is offline for one", async () => {
    const backend = fakeBackend();
    const shared = await backend.declareIncident(form("shared outage", "SEV1"));
    await backend.declareIncident(form("local only", "SEV3"));
    backend.team = {
      server: "http://127.0.0.1:8080",
      person: "Ana",
      token_saved: true,
      shared: [shared.incident.id],
    };
    backend.teamStatuses[shared.incident.id] = {
      shared: true,
      online: false,
      state: "Offline: the sync server could not be reached. Working on this Herald's copy.",
      peers: [],
    };
    render(BoardPage, { context: backendContext(backend) });
    const mark = await screen.findByTestId("row-team");
    expect(mark.textContent).toContain("Shared, offline");
    expect(mark.getAttribute("title")).toContain("Working on this Herald's copy");
    expect(screen.getAllByTestId("row-team")).toHaveLength(1);

    // Back online: the next teammate event brings the mark up to date.
    backend.teamStatuses[shared.incident.id] = {
      shared: true,
      online: true,
      state: "Connected",
      peers: [],
    };
    backend.teamChanged(shared.incident.id);
    await waitFor(() => expect(screen.getByTestId("row-team").textContent).toBe("· Shared"));
  });
});
