// Drills from the keyboard through the whole App: open the page, start a
// shipped scenario, see DRILL in the banner and the title bar, pause it, end
// it, and read the score card and the practice log. Running the scenario and
// scoring it are the backend's (tested in Rust); the fake echoes choices.
import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import App from "../../App.svelte";
import { navigate } from "../state/router.svelte";
import { drill } from "../state/drill.svelte";
import { fakeBackend } from "../../test-support/fixtures";
import type { KeptScore } from "../ipc";

const kept: KeptScore = {
  id: "s1",
  card: {
    scenario: "SEV1: checkout is down",
    person: "Bo Chen",
    declared_at: "2026-11-27T14:00:00Z",
    ended_at: "2026-11-27T14:40:00Z",
    points: 81,
    lines: [
      { label: "Deadlines met", value: "7 met, 1 missed", good: false },
      { label: "Longest silence", value: "16 min", good: null },
    ],
  },
};

/** The whole App on an empty board, then the Drills page by its key. */
async function openDrills() {
  navigate({ name: "board" });
  drill.view = null;
  drill.finished = null;
  const backend = fakeBackend();
  render(App, { props: { backend } });
  await screen.findByTestId("board-empty");
  const user = userEvent.setup();
  await user.keyboard("{Control>}{Shift>}d{/Shift}{/Control}");
  await screen.findByRole("heading", { name: "Drills" });
  return { backend, user };
}

describe("Drills", () => {
  it("starts a scenario from the keyboard, marks the window DRILL, and scores it at the end", async () => {
    const { backend, user } = await openDrills();
    expect(await screen.findByText("SEV1: checkout is down")).toBeTruthy();
    // Nobody is scored without a name: the backend's refusal shows at the field.
    backend.nextError = {
      code: "invalid_input",
      message: "Say who is practising.",
      fields: [{ field: "person", message: "Say who is practising." }],
    };
    await user.click(screen.getByTestId("start-drill"));
    expect((await screen.findByRole("alert")).textContent).toContain("Say who is practising.");

    await user.type(screen.getByTestId("drill-person"), "Bo Chen");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() =>
      expect(backend.lastCall("startDrill")?.args).toEqual(["checkout-sev1", "Bo Chen", "ten"]),
    );
    const banner = await screen.findByTestId("drill-banner");
    expect(banner.textContent).toContain("DRILL");
    await waitFor(() => expect(backend.title.startsWith("DRILL · ")).toBe(true));

    await user.keyboard("{Control>}{Shift>}p{/Shift}{/Control}");
    await waitFor(() => expect(backend.lastCall("setDrillSpeed")?.args).toEqual(["paused"]));
    expect(within(banner).getByTestId("drill-speed-paused").getAttribute("aria-pressed")).toBe(
      "true",
    );
    await user.keyboard("{Control>}{Shift>}p{/Shift}{/Control}");
    await waitFor(() => expect(backend.lastCall("setDrillSpeed")?.args).toEqual(["ten"]));

    backend.practiceLog = {
      rotation: [
        {
          person: "Bo Chen",
          drills: 1,
          last_practised: kept.card.ended_at,
          last_points: 81,
          best_points: 81,
        },
      ],
      scores: [kept],
    };
    await user.keyboard("{Control>}{Shift>}e{/Shift}{/Control}");
    const card = await screen.findByTestId("score-card");
    expect(within(card).getByTestId("score-points").textContent).toBe("81");
    expect(card.textContent).toContain("✗ 7 met, 1 missed");
    expect(screen.queryByTestId("drill-banner")).toBeNull();
    await waitFor(() => expect(backend.title.startsWith("DRILL")).toBe(false));
    await user.click(within(card).getByTestId("copy-score"));
    await waitFor(() => expect(backend.lastCall("copyScore")?.args).toEqual(["s1"]));
  });

  it("changes speed by key and takes the role over from the scenario's outgoing lead", async () => {
    const { backend, user } = await openDrills();
    await user.type(await screen.findByTestId("drill-person"), "Bo Chen");
    await user.click(screen.getByTestId("start-drill"));
    const banner = await screen.findByTestId("drill-banner");

    await user.keyboard("{Control>}{Shift>}5{/Shift}{/Control}");
    await waitFor(() => expect(backend.lastCall("setDrillSpeed")?.args).toEqual(["five"]));
    expect(within(banner).getByTestId("drill-speed-five").getAttribute("aria-pressed")).toBe(
      "true",
    );

    // The scenario hands the role over: the banner offers the handoff.
    expect(within(banner).queryByTestId("drill-take")).toBeNull();
    backend.drillView!.handoff_to_take = "herald-handoff v2 …";
    for (const changed of backend.drillHandlers) changed();
    await user.click(await within(banner).findByTestId("drill-take"));
    await waitFor(() => expect(backend.copied).toContain("herald-handoff v2 …"));
    expect(await screen.findByRole("heading", { name: "Take over from a handoff" })).toBeTruthy();
  });
});
