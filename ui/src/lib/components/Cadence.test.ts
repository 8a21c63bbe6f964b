import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import IncidentPage from "./IncidentPage.svelte";
import { backendContext } from "../state/backend";
import { fakeBackend } from "../../test-support/fixtures";
import type { Audience, Deadline, JudgedPromise } from "../ipc";
import { panes } from "../state/panes.svelte";

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

const deadline = (audience: Audience, due_at: string): Deadline => ({
  audience,
  due_at,
  cadence_minutes: 15,
  relaxed: false,
  snoozed: false,
});

const promised = (
  id: string,
  audience: Audience,
  kind: "next_update" | "eta",
  due_at: string,
  countdown: boolean,
): JudgedPromise => ({
  promise: {
    id,
    incident_id: "",
    update_id: "u",
    audience,
    kind,
    said: kind === "eta" ? "A fix should be live soon." : "Next update by then.",
    due_at,
    made_at: inMinutes(-5),
  },
  outcome: { state: "open", settled_at: null, late_by: null, superseded_by: null },
  countdown,
});

async function setup(deadlines: Deadline[], promises: JudgedPromise[] = []) {
  const backend = fakeBackend();
  const view = await backend.declareIncident({
    external_id: "INC-3",
    link: "",
    title: "Checkout errors",
    severity: "SEV1",
    status: "investigating",
    customer_visible: true,
    commander: "",
    comms_lead: "",
  });
  const id = view.incident.id;
  backend.deadlines.set(id, deadlines);
  backend.promises.set(id, promises);
  panes.open = "sync";
  render(IncidentPage, { props: { id }, context: backendContext(backend) });
  await screen.findByRole("heading", { name: "Next updates" });
  return { backend, id, user: userEvent.setup() };
}

describe("Cadence", () => {
  it("counts down the promises the backend marks, beside the deadlines, with their words", async () => {
    await setup(
      [deadline("customers", inMinutes(20))],
      [
        promised("p1", "executives", "next_update", inMinutes(3), true),
        promised("p2", "customers", "next_update", inMinutes(20), false),
        promised("p3", "customers", "eta", inMinutes(40), true),
      ],
    );
    const sooner = screen.getByTestId("promise-next_update-executives");
    expect(sooner.textContent).toContain("Executives");
    expect(sooner.textContent).toContain("update promised for");
    expect(sooner.getAttribute("title")).toContain("Update promised to executives");
    expect(sooner.textContent).toContain("Heads-up");
    expect(sooner.textContent).toContain("“Next update by then.”");
    expect(screen.getByTestId("promise-eta-customers").textContent).toContain("ETA given for");
    // The promise that is the cadence deadline itself is not counted twice.
    expect(screen.queryByTestId("promise-next_update-customers")).toBeNull();
  });

  it("counts down per audience: on track, heads-up, and overdue counting up", async () => {
    await setup([
      deadline("customers", inMinutes(-3.2)),
      deadline("executives", inMinutes(3)),
      deadline("internal", inMinutes(20)),
    ]);
    expect(screen.getByTestId("state-customers").textContent).toBe("Overdue");
    expect(screen.getByTestId("countdown-customers").textContent).toMatch(/^\+03:1\d late$/);
    expect(screen.getByTestId("state-executives").textContent).toBe("Heads-up");
    expect(screen.getByTestId("countdown-executives").textContent).toMatch(/^0[23]:\d\d$/);
    expect(screen.getByTestId("state-internal").textContent).toBe("On track");
  });

  it("logs an update posted elsewhere, shows it, and restarts that countdown", async () => {
    const { backend, id, user } = await setup([deadline("customers", inMinutes(-1))]);
    backend.now = new Date().toISOString();
    await user.click(
      within(screen.getByTestId("deadline-customers")).getByRole("button", { name: "Log update" }),
    );
    await user.type(screen.getByLabelText("The text you posted"), "We are investigating. ✓");
    await user.type(screen.getByLabelText("Where it was posted"), "status page");
    await user.click(screen.getByTestId("log-update-submit"));

    expect(backend.calls.find((c) => c.method === "logUpdate")?.args).toEqual([
      id,
      { audience: "customers", body: "We are investigating. ✓", posted_to: "status page" },
    ]);
    await user.click(screen.getByTestId("pane-sent"));
    expect(within(screen.getByTestId("updates")).getByText("We are investigating. ✓")).toBeTruthy();
    expect(screen.getByTestId("state-customers").textContent).toBe("On track");
    expect(screen.queryByTestId("log-update-form")).toBeNull();
  });

  it("keeps the form and the text when the backend refuses the update", async () => {
    const { backend, user } = await setup([deadline("customers", inMinutes(10))]);
    await user.click(screen.getByTestId("log-update-button"));
    await user.type(screen.getByLabelText("The text you posted"), "too long, say");
    backend.nextError = {
      code: "invalid_input",
      message: "The update is 100001 characters; Herald keeps at most 100000.",
      fields: [
        { field: "body", message: "The update is 100001 characters; Herald keeps at most 100000." },
      ],
    };
    await user.click(screen.getByTestId("log-update-submit"));
    expect(screen.getByTestId("error-body").textContent).toContain("at most 100000");
    expect((screen.getByLabelText("The text you posted") as HTMLTextAreaElement).value).toBe(
      "too long, say",
    );
  });

  it("snoozes a deadline for the chosen minutes with a reason", async () => {
    const { backend, id, user } = await setup([deadline("executives", inMinutes(2))]);
    await user.click(screen.getByTestId("snooze-executives"));
    await user.click(screen.getByLabelText("10 min"));
    await user.type(screen.getByLabelText("Why"), "exec bridge at :30");
    await user.click(screen.getByTestId("snooze-submit"));
    expect(backend.calls.find((c) => c.method === "snooze")?.args).toEqual([
      id,
      { audience: "executives", minutes: 10, reason: "exec bridge at :30" },
    ]);
    expect(screen.getByTestId("deadline-executives").textContent).toContain("snoozed");
  });

  it("says when nothing is scheduled", async () => {
    await setup([]);
    expect(screen.getByTestId("no-deadlines")).toBeTruthy();
  });
});
