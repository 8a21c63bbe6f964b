import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/svelte";
import { openIncident } from "../../test-support/incident-page";

const setup = () => openIncident({ link: "https://incidents.example.com/INC-9" });

describe("IncidentPage", () => {
  it("shows the header: reference link, people, and the activated role", async () => {
    await setup();
    const link = screen.getByRole("link", { name: "INC-9" });
    expect(link.getAttribute("href")).toBe("https://incidents.example.com/INC-9");
    expect(screen.getByText("Ana")).toBeTruthy();
    expect(screen.getByTestId("comms-lead-activated")).toBeTruthy();
  });

  it("opens the incident link in the browser, not in Herald's window", async () => {
    const { backend, user } = await setup();
    await user.click(screen.getByRole("link", { name: "INC-9" }));
    expect(backend.calls.at(-1)).toEqual({
      method: "openLink",
      args: ["https://incidents.example.com/INC-9"],
    });
  });

  it("changes severity and shows the new timeline entry", async () => {
    const { backend, id, user, pane } = await setup();
    await pane("timeline");
    await user.selectOptions(screen.getByLabelText("Severity"), "SEV1");
    expect(backend.lastCall("changeIncident")).toEqual({
      method: "changeIncident",
      args: [id, { type: "severity", value: "SEV1" }],
    });
    const timeline = screen.getByTestId("timeline");
    expect(await within(timeline).findByText("Severity SEV2 → SEV1")).toBeTruthy();
  });

  it("keeps the old state and says why when a change fails", async () => {
    const { backend, user } = await setup();
    backend.nextError = { code: "storage", message: "Herald could not save.", fields: [] };
    await user.selectOptions(screen.getByLabelText("Status"), "monitoring");
    expect((await screen.findByTestId("incident-error")).textContent).toContain("could not save");
    expect(backend.incidents[0]!.status).toBe("investigating");
    expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("investigating");
  });
});
