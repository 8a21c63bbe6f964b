import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/svelte";
import { openIncident } from "../../test-support/incident-page";

describe("Sharing an incident in the cockpit", () => {
  it("shares with one click, and shows the connection and the id to join with", async () => {
    const { backend, id, user } = await openIncident();
    await user.click(await screen.findByTestId("share-incident"));
    expect(backend.lastCall("shareIncident")?.args).toEqual([id, false]);
    expect((await screen.findByTestId("team-state")).textContent).toContain("Connecting");
    expect(screen.getByTestId("team-id").textContent).toBe(id);
    await user.click(screen.getByTestId("stop-sharing"));
    expect(backend.lastCall("stopSharing")?.args).toEqual([id]);
    expect(await screen.findByTestId("share-incident")).toBeTruthy();
  });

  it("says why sharing was refused", async () => {
    const { backend, user } = await openIncident();
    backend.nextError = {
      code: "conflict",
      message: "Set up team sync first: Settings → Team (the server and your name).",
      fields: [],
    };
    await user.click(await screen.findByTestId("share-incident"));
    expect((await screen.findByTestId("team-error")).textContent).toContain("Settings → Team");
  });

  it("shows which teammate is in which draft on its tab, and tells them where this lead is", async () => {
    const { backend, id, user } = await openIncident(undefined, (b) => {
      b.team = { server: "http://127.0.0.1:8080", person: "Ana", token_saved: true, shared: [] };
    });
    await user.click(await screen.findByTestId("share-incident"));
    backend.teamStatuses[id] = {
      shared: true,
      online: true,
      state: "Connected",
      peers: [{ person: "Bo Chen", editing: "executives" }],
    };
    // Presence moves on its own: the cockpit reads it every few seconds.
    await waitFor(
      () => expect(screen.getByTestId("here-executives").textContent).toContain("Bo Chen"),
      {
        timeout: 5_000,
      },
    );
    expect(
      within(screen.getByTestId("team-peers")).getByText(/Bo Chen \(Executives\)/),
    ).toBeTruthy();
    await user.click(screen.getByTestId("tab-internal"));
    await waitFor(() => expect(backend.lastCall("setTeamEditing")?.args).toEqual([id, "internal"]));
  });

  it("removes a teammate only after asking once more, and stops showing them", async () => {
    const { backend, id, user } = await openIncident();
    await user.click(await screen.findByTestId("share-incident"));
    backend.teamStatuses[id] = {
      shared: true,
      online: true,
      state: "Connected",
      peers: [{ person: "Bo Chen", editing: null }],
    };
    const remove = await screen.findByRole(
      "button",
      { name: "Remove Bo Chen from this incident" },
      { timeout: 5_000 },
    );
    await user.click(remove);
    expect(backend.lastCall("removeTeammate")).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "Keep" }));
    expect(backend.lastCall("removeTeammate")).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "Remove Bo Chen from this incident" }));
    await user.click(screen.getByTestId("confirm-remove-teammate"));
    expect(backend.lastCall("removeTeammate")?.args).toEqual([id, "Bo Chen"]);
    await waitFor(() => expect(screen.queryByTestId("team-peers")).toBeNull());
  });

  it("re-reads the incident when a teammate's change lands, without a reload", async () => {
    const { backend, id } = await openIncident();
    const before = backend.calls.filter((c) => c.method === "incident").length;
    backend.teamChanged("another-incident");
    backend.teamChanged(id);
    await waitFor(() =>
      expect(backend.calls.filter((c) => c.method === "incident").length).toBe(before + 1),
    );
  });
});
