import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import App from "./App.svelte";
import { navigate } from "./lib/state/router.svelte";
import { fakeBackend } from "./test-support/fixtures";

describe("App", () => {
  it("opens the declare form on Ctrl+N from the board", async () => {
    navigate({ name: "board" });
    render(App, { props: { backend: fakeBackend() } });
    await screen.findByTestId("board-empty");
    await userEvent.setup().keyboard("{Control>}n{/Control}");
    expect(await screen.findByRole("heading", { name: "Declare an incident" })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Title"));
  });

  it("opens the incident the lead chose on a notification", async () => {
    navigate({ name: "board" });
    const backend = fakeBackend();
    const view = await backend.declareIncident({
      external_id: "INC-8",
      link: "",
      title: "Search is slow",
      severity: "SEV2",
      status: "investigating",
      customer_visible: true,
      commander: "",
      comms_lead: "",
    });
    render(App, { props: { backend } });
    await screen.findByTestId("board-open");
    for (const handler of backend.openIncidentHandlers) handler(view.incident.id);
    expect(await screen.findByRole("heading", { name: "Search is slow" })).toBeTruthy();
  });

  it("toggles the compact countdown window from the header", async () => {
    navigate({ name: "board" });
    const backend = fakeBackend();
    render(App, { props: { backend } });
    const toggle = await screen.findByTestId("countdown-toggle");
    const user = userEvent.setup();
    await user.click(toggle);
    expect(backend.countdownOpen).toBe(true);
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    await user.click(toggle);
    expect(backend.countdownOpen).toBe(false);
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
  });

  it("quits gracefully on Ctrl+Q", async () => {
    navigate({ name: "board" });
    const backend = fakeBackend();
    render(App, { props: { backend } });
    await screen.findByTestId("board-empty");
    await userEvent.setup().keyboard("{Control>}q{/Control}");
    expect(backend.calls.at(-1)?.method).toBe("quit");
  });

  it("shows the recovery screen for a broken database and continues after moving it aside", async () => {
    navigate({ name: "board" });
    const backend = fakeBackend();
    backend.problem = {
      problem: "corrupt",
      retry: false,
      move_aside: true,
      path: "/data/herald.sqlite",
      message: "The database at /data/herald.sqlite is damaged or is not a Herald database: x",
    };
    render(App, { props: { backend } });
    expect((await screen.findByTestId("recovery-message")).textContent).toContain("damaged");
    // The shortcut does nothing while there is no database.
    const user = userEvent.setup();
    await user.keyboard("{Control>}n{/Control}");
    expect(screen.queryByRole("heading", { name: "Declare an incident" })).toBeNull();

    await user.click(screen.getByTestId("recovery-move"));
    expect((await screen.findByTestId("recovery-moved")).textContent).toContain(".broken-");
    await user.click(screen.getByRole("button", { name: "Continue to Herald" }));
    expect(await screen.findByTestId("board-empty")).toBeTruthy();
  });

  it("offers only a retry for a locked database, and continues once it opens", async () => {
    navigate({ name: "board" });
    const backend = fakeBackend();
    backend.problem = {
      problem: "busy",
      retry: true,
      move_aside: false,
      path: "/data/herald.sqlite",
      message: "The database at /data/herald.sqlite is locked by another program: busy",
    };
    backend.lockedFor = 1;
    render(App, { props: { backend } });
    await screen.findByTestId("recovery-message");
    expect(screen.queryByTestId("recovery-move")).toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByTestId("recovery-retry"));
    expect((await screen.findByRole("alert")).textContent).toContain("still locked");
    await user.click(screen.getByTestId("recovery-retry"));
    expect(await screen.findByTestId("board-empty")).toBeTruthy();
  });
});
