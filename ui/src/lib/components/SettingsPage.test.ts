import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import SettingsPage from "./SettingsPage.svelte";
import { backendContext } from "../state/backend";
import { fakeBackend } from "../../test-support/fixtures";

async function setup() {
  const backend = fakeBackend();
  render(SettingsPage, { context: backendContext(backend) });
  await screen.findByTestId("policy-sev1");
  return { backend, user: userEvent.setup() };
}

describe("SettingsPage", () => {
  it("turns starting at login on and off", async () => {
    const { backend, user } = await setup();
    const box = (await screen.findByTestId("autostart")) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await user.click(box);
    expect(backend.startsAtLogin).toBe(true);
    expect(box.checked).toBe(true);
    await user.click(box);
    expect(backend.startsAtLogin).toBe(false);
  });

  it("copies the diagnostics in one click and shows their start", async () => {
    const { backend, user } = await setup();
    await user.click(screen.getByTestId("copy-diagnostics"));
    expect((await screen.findByTestId("diagnostics-text")).textContent).toContain("Herald 0.1.0");
    expect(backend.copied.at(-1)).toContain("OS: linux");
    expect(screen.getByText("Copied to the clipboard.")).toBeTruthy();
  });

  it("saves an edited cell, and an emptied cell as no cadence", async () => {
    const { backend, user } = await setup();
    const cell = screen.getByLabelText("SEV1 Customers while Investigating");
    expect((cell as HTMLInputElement).value).toBe("15");
    await user.clear(cell);
    await user.type(cell, "10");
    await user.clear(screen.getByLabelText("SEV2 Executives while Monitoring"));
    await user.click(screen.getByTestId("settings-save"));

    expect(screen.getByTestId("settings-saved").textContent).toContain("saved");
    const sev1 = backend.matrix.policies[0]!;
    expect(sev1.cadence.customers.investigating).toBe(10);
    expect(sev1.cadence.customers.identified).toBe(15);
    expect(backend.matrix.policies[1]!.cadence.executives.monitoring).toBeNull();
  });

  it("saves the deadline-alert timings and the long-incident factor", async () => {
    const { backend, user } = await setup();
    const headsUp = screen.getByLabelText("Heads-up before a deadline (min)");
    expect((headsUp as HTMLInputElement).value).toBe("5");
    await user.clear(headsUp);
    await user.type(headsUp, "3");
    const factor = screen.getAllByLabelText("Long-incident cadence ×")[0]!;
    await user.clear(factor);
    await user.type(factor, "3");
    await user.click(screen.getByTestId("settings-save"));
    expect(screen.getByTestId("settings-saved").textContent).toContain("saved");
    expect(backend.matrix.heads_up_minutes).toBe(3);
    expect(backend.matrix.reminder_minutes).toBe(5);
    expect(backend.matrix.policies[0]!.long_incident_factor).toBe(3);
  });

  it("refuses a cell that is not whole minutes without calling the backend", async () => {
    const { backend, user } = await setup();
    const cell = screen.getByLabelText("SEV3 Internal while Identified");
    await user.clear(cell);
    await user.type(cell, "1.5");
    await user.click(screen.getByTestId("settings-save"));
    expect(screen.getByTestId("settings-error").textContent).toContain("whole minutes");
    expect(cell.getAttribute("aria-invalid")).toBe("true");
    expect(backend.calls.some((c) => c.method === "saveSeverityMatrix")).toBe(false);
  });

  it("marks the cell the backend refused", async () => {
    const { backend, user } = await setup();
    backend.nextError = {
      code: "invalid_input",
      message: "SEV1 customers cadence while investigating: use 1 to 1440 minutes.",
      fields: [
        {
          field: "sev1.cadence.customers.investigating",
          message: "SEV1 customers cadence while investigating: use 1 to 1440 minutes.",
        },
      ],
    };
    await user.click(screen.getByTestId("settings-save"));
    const cell = screen.getByLabelText("SEV1 Customers while Investigating");
    expect(cell.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("settings-error").textContent).toContain("use 1 to 1440");
  });

  it("restores the shipped defaults into the form without saving them", async () => {
    const { backend, user } = await setup();
    const cell = screen.getByLabelText("SEV1 Customers while Investigating");
    await user.clear(cell);
    await user.type(cell, "99");
    await user.click(screen.getByRole("button", { name: "Restore shipped defaults" }));
    expect(
      (screen.getByLabelText("SEV1 Customers while Investigating") as HTMLInputElement).value,
    ).toBe("15");
    expect(backend.calls.some((c) => c.method === "saveSeverityMatrix")).toBe(false);
  });
});
