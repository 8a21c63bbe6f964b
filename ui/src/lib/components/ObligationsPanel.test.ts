import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import IncidentPage from "./IncidentPage.svelte";
import BoardPage from "./BoardPage.svelte";
import { backendContext } from "../state/backend";
import { fakeBackend } from "../../test-support/fixtures";
import { panes } from "../state/panes.svelte";

async function cockpit() {
  const backend = fakeBackend();
  const view = await backend.declareIncident({
    external_id: "INC-8",
    link: "",
    title: "Customer data exposed",
    severity: "SEV1",
    status: "investigating",
    customer_visible: true,
    commander: "",
    comms_lead: "",
  });
  panes.open = "clocks";
  const shown = render(IncidentPage, {
    props: { id: view.incident.id },
    context: backendContext(backend),
  });
  await screen.findByRole("heading", { name: "Notification clocks" });
  return { backend, id: view.incident.id, user: userEvent.setup(), shown };
}

describe("Notification clocks", () => {
  it("adds a clock from a preset, started now, and counts it down beside the deadlines", async () => {
    const { backend, id, user } = await cockpit();
    await screen.findByRole("option", { name: /Customer contract/ });
    await user.type(screen.getByLabelText("Owner"), "Account team");
    await user.click(screen.getByTestId("add-obligation"));

    const [incident, input] = backend.calls.find((c) => c.method === "addObligation")?.args ?? [];
    expect(incident).toBe(id);
    expect(input).toMatchObject({
      name: "Customer contract: notify affected customers",
      owner: "Account team",
      within_minutes: 240,
    });
    expect((input as { triggered_at: string | null }).triggered_at).not.toBeNull();
    const row = await screen.findByTestId("obligation-0");
    expect(within(row).getByTestId("obligation-countdown").textContent).toMatch(
      /^(3 h 59|4 h 00) min$/,
    );
    expect(screen.getByTestId("clock-chip").textContent).toContain("Customer contract");
  });

  it("records a clock sent with its evidence, and reopens it", async () => {
    const { backend, id, user } = await cockpit();
    await screen.findByRole("option", { name: /Customer contract/ });
    await user.click(screen.getByTestId("add-obligation"));
    const row = await screen.findByTestId("obligation-0");
    await user.click(within(row).getByTestId("obligation-sent"));
    await user.type(
      within(row).getByTestId("obligation-note"),
      "Mailed to the account list, ref 77",
    );
    await user.click(within(row).getByTestId("obligation-decide"));
    const decided = backend.calls.find((c) => c.method === "decideObligation")?.args;
    expect(decided?.[0]).toBe(id);
    expect(decided?.[2]).toEqual({ state: "sent", note: "Mailed to the account list, ref 77" });
    expect((await screen.findByTestId("obligation-decision")).textContent).toContain(
      "Mailed to the account list, ref 77",
    );
    expect(screen.queryByTestId("clock-chip")).toBeNull();
  });

  it("shows every counting clock on the board, with its owner", async () => {
    const { backend, shown } = await cockpit();
    await screen.findByRole("option", { name: /Customer contract/ });
    await userEvent.setup().click(screen.getByTestId("add-obligation"));
    await screen.findByTestId("obligation-0");
    shown.unmount();
    render(BoardPage, { context: backendContext(backend) });
    const clock = await screen.findByTestId("board-clock");
    expect(clock.textContent).toContain("Customer contract: notify affected customers");
    expect(clock.textContent).toContain("no owner");
  });
});
