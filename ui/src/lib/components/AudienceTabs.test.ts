import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/svelte";
import { openIncident } from "../../test-support/incident-page";
import type { Finding } from "../ipc";
import { clock } from "../state/clock.svelte";

const setup = () =>
  openIncident({ title: "Payments failing", severity: "SEV1" }, (backend) => {
    // A stand-in linter: "We think" is speculation, blocking for customers.
    backend.findingsFor = (audience, body): Finding[] => {
      const start = body.indexOf("We think");
      return start < 0
        ? []
        : [
            {
              rule: "speculation",
              start,
              end: start + 8,
              text: "We think",
              why: "Guessing is often wrong.",
              suggestion: "Say what is affected.",
              blocking: audience === "customers",
            },
          ];
    };
  });

const editor = () => screen.getByLabelText("Customers draft") as HTMLTextAreaElement;

describe("IC sync and audience tabs", () => {
  it("saves a sync from the keyboard and shows the regenerated drafts", async () => {
    const { backend, user } = await setup();
    await user.type(screen.getByLabelText("What is affected"), "checkout");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await screen.findByText("Sync saved; untouched drafts were regenerated.");
    expect(backend.calls.find((c) => c.method === "sync")?.args[1]).toMatchObject({
      affected: "checkout",
      status: "investigating",
    });
    expect(editor().value).toBe("customers investigating: checkout");
    await user.click(screen.getByRole("tab", { name: "Executives" }));
    expect((screen.getByLabelText("Executives draft") as HTMLTextAreaElement).value).toBe(
      "executives investigating: checkout",
    );
    // Arrow keys move between tabs.
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Internal" }).getAttribute("aria-selected")).toBe(
      "true",
    );
  });

  it("autosaves edits, highlights findings in place, and publishes past them only with a reason", async () => {
    const { backend, id, user } = await setup();
    await user.type(editor(), "We think it broke.");
    await waitFor(() => expect(backend.drafts.get(id)?.[0]?.body).toBe("We think it broke."));
    const mark = await screen.findByText("We think", { selector: "mark" });
    expect(mark.classList.contains("blocking")).toBe(true);
    expect(mark.dataset.rule).toBe("speculation");
    const finding = screen.getByTestId("finding");
    expect(within(finding).getByText("blocks publishing")).toBeTruthy();

    await user.click(screen.getByTestId("publish"));
    expect(await screen.findByTestId("publish-error")).toHaveProperty(
      "textContent",
      "Mark the draft reviewed first.",
    );
    await user.click(screen.getByTestId("reviewed"));
    await waitFor(() =>
      expect((screen.getByTestId("reviewed") as HTMLInputElement).checked).toBe(true),
    );
    await user.click(screen.getByTestId("publish"));
    await screen.findByTestId("override");
    await user.type(screen.getByTestId("override-reason"), "Legal approved");
    await user.click(screen.getByRole("button", { name: "Publish with override" }));
    await screen.findByTestId("publish-notice");
    expect(backend.lastCall("publish")?.args[1]).toMatchObject({
      override_reason: "Legal approved",
    });
    const history = screen.getByTestId("published");
    expect(
      within(history).getByText(/We think it broke\.\s+Next update by 14:15 UTC/),
    ).toBeTruthy();

    await user.click(within(history).getByTestId("copy-update"));
    await screen.findByTestId("copied");
    expect(backend.copied).toEqual(["We think it broke.\n\nNext update by 14:15 UTC"]);
  });

  it("keeps the line under the draft in place while a save is under way", async () => {
    // The line that says what the checks found is always there, so Publish
    // below it never moves under the lead's pointer while the draft saves.
    const { user } = await setup();
    await user.clear(editor());
    const line = await screen.findByText("Nothing to check yet.");
    await user.type(editor(), "We are looking into failed logins.");
    expect(screen.getByTestId("no-findings")).toBe(line);
    expect(line.textContent).toContain("checked when the draft saves");
    await waitFor(() => expect(line.textContent).toContain("No guardrail findings."));
    expect(screen.getByTestId("no-findings")).toBe(line);
  });

  it("shows a diff before replacing an edited draft, and keeps it on request", async () => {
    const { backend, id, user } = await setup();
    await backend.sync(id, {
      affected: "search",
      customer_impact: "",
      known: "",
      doing: "",
      eta: "",
      eta_confidence: "none",
      status: "investigating",
    });
    await user.click(screen.getByRole("tab", { name: "Internal" }));
    await user.click(screen.getByRole("tab", { name: "Customers" }));
    await user.clear(editor());
    await user.type(editor(), "My words");
    await user.click(screen.getByTestId("holding"));
    const diff = await screen.findByTestId("draft-diff");
    expect(diff.querySelector("ins")?.textContent).toContain("customers holding: search");
    expect(diff.querySelector("del")?.textContent).toContain("My");
    await user.click(screen.getByTestId("diff-keep"));
    expect(editor().value).toBe("My words");
    await user.click(screen.getByTestId("holding"));
    await user.click(await screen.findByTestId("diff-replace"));
    await waitFor(() => expect(editor().value).toBe("customers holding: search"));
  });

  it("keeps an oversized draft in the editor and says why it was not saved", async () => {
    const { backend, user } = await setup();
    backend.nextError = {
      code: "invalid_input",
      message: "The draft is 100001 characters; Herald keeps at most 100000.",
      fields: [{ field: "body", message: "too long" }],
    };
    await user.type(editor(), "Too long");
    expect(await screen.findByTestId("draft-save-error")).toHaveProperty(
      "textContent",
      "The draft is 100001 characters; Herald keeps at most 100000.",
    );
    expect(editor().value).toBe("Too long");
  });
});

describe("A full disk", () => {
  it("puts back text whose save failed as its editor closed, and saves it again", async () => {
    const { backend, id, user } = await setup();
    const working = backend.saveDraft.bind(backend);
    backend.saveDraft = () =>
      Promise.reject({ code: "storage", message: "database or disk is full", fields: [] });
    await user.type(editor(), "Keep me");
    // Switching tabs closes the editor before its autosave: that save fails too.
    await user.click(screen.getByRole("tab", { name: "Executives" }));
    backend.saveDraft = working;
    await user.click(screen.getByRole("tab", { name: "Customers" }));
    await waitFor(() => expect(editor().value).toBe("Keep me"));
    await screen.findByText("Put back text that could not be saved earlier; saving it now.");
    await waitFor(() => expect(backend.drafts.get(id)?.[0]?.body).toBe("Keep me"));
  });
});

describe("Resolution gate", () => {
  it("counts the hold down, then offers the confirmation", async () => {
    const { backend, id, user, pane } = await setup();
    await pane("gate");
    const holdUntil = new Date(clock.now + 12 * 60_000 - 1_000).toISOString();
    backend.gates.set(id, {
      state: "holding",
      hold_minutes: 30,
      monitoring_since: new Date().toISOString(),
      hold_until: holdUntil,
      overridden: false,
    });
    await backend.changeIncident(id, { type: "status", value: "monitoring" });
    await user.selectOptions(screen.getByLabelText("Severity"), "SEV2");
    expect((await screen.findByTestId("hold-countdown")).textContent).toBe("12 min");
    expect(screen.queryByTestId("confirm-metrics")).toBeNull();

    backend.gates.set(id, { ...backend.gates.get(id)!, state: "awaiting_confirmation" });
    await user.selectOptions(screen.getByLabelText("Severity"), "SEV1");
    await user.click(await screen.findByTestId("confirm-metrics"));
    await waitFor(() => expect(screen.getByTestId("gate").dataset.state).toBe("open"));
  });

  it("needs a reason to override", async () => {
    const { backend, id, user, pane } = await setup();
    await pane("gate");
    await user.click(screen.getByTestId("override-gate"));
    await user.type(screen.getByTestId("gate-reason"), "IC call at 15:02");
    await user.click(screen.getByRole("button", { name: "Open the gate" }));
    await waitFor(() => expect(screen.getByTestId("gate").dataset.state).toBe("open"));
    expect(backend.lastCall("overrideResolutionGate")).toEqual({
      method: "overrideResolutionGate",
      args: [id, "IC call at 15:02"],
    });
  });
});
