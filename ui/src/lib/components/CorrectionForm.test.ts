import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import UpdateList from "./UpdateList.svelte";
import type { IncidentView } from "../ipc";
import { backendContext } from "../state/backend";
import { fakeBackend } from "../../test-support/fixtures";

async function withPublishedUpdate() {
  const backend = fakeBackend();
  const declared = await backend.declareIncident({
    external_id: "INC-9",
    link: "",
    title: "Payments failing",
    severity: "SEV1",
    status: "investigating",
    customer_visible: true,
    commander: "",
    comms_lead: "",
  });
  const id = declared.incident.id;
  const view = await backend.logUpdate(id, {
    audience: "customers",
    body: "Card payments fail in the US.",
    posted_to: "status page",
  });
  let latest: IncidentView = view;
  const shown = render(UpdateList, {
    props: {
      updates: view.updates,
      testid: "published",
      correcting: { incidentId: id, onView: (next: IncidentView) => (latest = next) },
    },
    context: backendContext(backend),
  });
  return { backend, id, user: userEvent.setup(), shown, latest: () => latest };
}

describe("Correct this update", () => {
  it("corrects from the keyboard, notify chosen, and keeps both texts in the list", async () => {
    const { backend, id, user, shown, latest } = await withPublishedUpdate();
    const published = await screen.findByTestId("published");
    await user.click(within(published).getByTestId("correct-update"));
    const field = screen.getByTestId("correction-body") as HTMLTextAreaElement;
    expect(field.value).toBe("Card payments fail in the US.");
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, "Card payments fail in the EU.");
    await user.click(screen.getByTestId("correction-notify"));
    field.focus();
    await user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(screen.queryByTestId("correction-form")).toBeNull());
    const [incident, request] = backend.lastCall("correctUpdate")?.args ?? [];
    expect(incident).toBe(id);
    expect(request).toMatchObject({ body: "Card payments fail in the EU.", notify: true });
    // The cockpit passes the corrections back down with the new view.
    await shown.rerender({ corrections: latest().corrections });
    const correction = within(published).getByTestId("correction");
    expect(correction.textContent).toContain("Card payments fail in the EU.");
    expect(correction.textContent).toContain("readers notified");
    expect(published.textContent).toContain("Card payments fail in the US.");
  });

  it("asks for an override reason when the corrected text has blocking findings, and Esc cancels", async () => {
    const { backend, user } = await withPublishedUpdate();
    await user.click(within(await screen.findByTestId("published")).getByTestId("correct-update"));
    const message = "The text has blocking guardrail findings (speculation).";
    backend.nextError = {
      code: "blocked",
      message,
      fields: [{ field: "override_reason", message }],
    };
    await user.type(screen.getByTestId("correction-body"), " We think it was a bad deploy.");
    await user.click(screen.getByTestId("send-correction"));
    const reason = await screen.findByTestId("correction-override-reason");
    await user.type(reason, "Legal approved");
    await user.click(screen.getByTestId("send-correction"));
    await waitFor(() => expect(screen.queryByTestId("correction-form")).toBeNull());
    expect(backend.lastCall("correctUpdate")?.args[1]).toMatchObject({
      override_reason: "Legal approved",
    });

    await user.click(within(screen.getByTestId("published")).getByTestId("correct-update"));
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("correction-form")).toBeNull();
  });
});
