// The cockpit's keyboard: the command palette, the help sheet, and the
// direct shortcuts, driven through the whole App as the lead would press them.
import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import App from "./App.svelte";
import { navigate } from "./lib/state/router.svelte";
import { panes } from "./lib/state/panes.svelte";
import { fakeBackend } from "./test-support/fixtures";

async function openCockpit() {
  const backend = fakeBackend();
  const view = await backend.declareIncident({
    external_id: "INC-4",
    link: "",
    title: "Card payments failing",
    severity: "SEV1",
    status: "investigating",
    customer_visible: true,
    commander: "Ana",
    comms_lead: "Bo",
  });
  panes.open = "sync";
  navigate({ name: "incident", id: view.incident.id });
  render(App, { props: { backend } });
  await screen.findByRole("heading", { name: "Card payments failing" });
  return { backend, id: view.incident.id, user: userEvent.setup() };
}

const selectedTab = (name: string) =>
  screen.getByRole("tab", { name: new RegExp(name) }).getAttribute("aria-selected");

describe("Keyboard", () => {
  it("lists every action of the incident in the palette, with its shortcut, and runs the chosen one", async () => {
    const { user } = await openCockpit();
    await user.keyboard("{Control>}k{/Control}");
    const palette = await screen.findByTestId("command-palette");
    const listed = within(palette)
      .getAllByTestId("palette-command")
      .map((li) => li.dataset.command);
    for (const id of [
      "audience-customers",
      "audience-incident_channel",
      "focus-draft",
      "pane-sync",
      "reviewed",
      "publish",
      "log-update",
      "snooze",
      "copy-handoff",
      "pane-timeline",
      "declare",
    ])
      expect(listed).toContain(id);
    const publish = within(palette)
      .getAllByTestId("palette-command")
      .find((li) => li.dataset.command === "publish")!;
    expect(publish.textContent).toContain("Ctrl Shift Enter");

    await user.keyboard("timeline");
    expect(
      within(palette)
        .getAllByTestId("palette-command")
        .map((li) => li.dataset.command),
    ).toEqual(["pane-timeline"]);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByTestId("command-palette")).toBeNull());
    expect(await screen.findByTestId("timeline")).toBeTruthy();
  });

  it("moves between audiences, the draft and the panes with direct keys", async () => {
    const { backend, id, user } = await openCockpit();
    await user.keyboard("{Alt>}3{/Alt}");
    expect(selectedTab("Internal")).toBe("true");
    await user.keyboard("{Alt>}d{/Alt}");
    expect(document.activeElement).toBe(screen.getByLabelText("Internal draft"));
    await user.keyboard("{Alt>}t{/Alt}");
    expect(await screen.findByTestId("timeline")).toBeTruthy();
    await user.keyboard("{Alt>}s{/Alt}");
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText("What is affected")),
    );
    // Copying the handoff needs no pane open first.
    await user.keyboard("{Alt>}m{/Alt}");
    await user.keyboard("{Control>}{Shift>}H{/Shift}{/Control}");
    await waitFor(() => expect(backend.calls.some((c) => c.method === "copyHandoff")).toBe(true));
    expect(backend.lastCall("copyHandoff")?.args[0]).toBe(id);
  });

  it("publishes and logs from the keyboard", async () => {
    const { backend, user } = await openCockpit();
    await user.keyboard("{Alt>}4{/Alt}{Alt>}d{/Alt}");
    await user.clear(screen.getByLabelText("Incident channel draft"));
    await user.type(screen.getByLabelText("Incident channel draft"), "Looking into it.");
    await user.keyboard("{Control>}{Shift>}{Enter}{/Shift}{/Control}");
    await screen.findByTestId("publish-notice");
    expect(backend.lastCall("publish")?.args[1]).toMatchObject({ audience: "incident_channel" });
    expect((screen.getByLabelText("Incident channel draft") as HTMLTextAreaElement).value).toBe(
      (backend.drafts.get(backend.lastCall("publish")!.args[0] as string) ?? []).find(
        (d) => d.audience === "incident_channel",
      )?.body,
    );

    await user.keyboard("{Alt>}l{/Alt}");
    expect(await screen.findByTestId("log-update-form")).toBeTruthy();
  });

  it("shows every shortcut on the help sheet, and never takes a bare key while typing", async () => {
    const { user } = await openCockpit();
    await user.click(screen.getByLabelText("What is affected"));
    await user.keyboard("?");
    expect(screen.queryByTestId("shortcut-help")).toBeNull();
    expect((screen.getByLabelText("What is affected") as HTMLInputElement).value).toBe("?");

    await user.click(screen.getByRole("heading", { name: "Card payments failing" }));
    await user.keyboard("?");
    const help = await screen.findByTestId("shortcut-help");
    for (const [label, keys] of [
      ["Publish to customers", "Ctrl Shift Enter"],
      ["Mark the draft reviewed", "Alt R"],
      ["Focus the IC sync", "Alt S"],
      ["Snooze the next deadline", "Alt Z"],
      ["Copy the handoff", "Ctrl Shift H"],
      ["Command palette", "Ctrl K"],
      ["Settings", "Ctrl ,"],
    ])
      expect(within(help).getByText(label!).closest("div")?.textContent).toContain(keys);
    expect(help.textContent).not.toContain("[Shift]");
    expect(help.textContent).not.toContain("Ctrl Comma");
  });

  it("teaches each shortcut in its tooltip, from the same registry", async () => {
    await openCockpit();
    expect(screen.getByTestId("tab-executives").title).toBe("Executives (Alt 2)");
    expect(screen.getByRole("tab", { name: "Timeline" }).title).toBe("Timeline (Alt T)");
    expect(screen.getByRole("button", { name: "Settings" }).title).toBe("Settings (Ctrl ,)");
    expect(screen.getByTestId("help-button").title).toBe(
      "Keyboard shortcuts (?) · every command (Ctrl K)",
    );
  });

  it("moves along a tab strip with the arrows, Home and End", async () => {
    const { user } = await openCockpit();
    screen.getByTestId("tab-customers").focus();
    await user.keyboard("{End}");
    expect(selectedTab("Incident channel")).toBe("true");
    await user.keyboard("{ArrowRight}");
    expect(selectedTab("Customers")).toBe("true");
    screen.getByRole("tab", { name: "IC sync" }).focus();
    await user.keyboard("{ArrowLeft}");
    expect(selectedTab("Clocks")).toBe("true");
    await user.keyboard("{Home}");
    expect(selectedTab("IC sync")).toBe("true");
  });
});
