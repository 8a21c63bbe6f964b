import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/svelte";
import { openIncident } from "../../test-support/incident-page";
import { newChannel } from "../channel";

describe("Delivery states in the update history", () => {
  it("shows each channel's state and lets the lead resend or discard", async () => {
    const { backend, id, user } = await openIncident({}, (b) => {
      for (const name of ["Ops Slack", "Receiver"]) {
        void b.saveChannel({
          channel: {
            ...newChannel(),
            name,
            kind: name === "Ops Slack" ? "slack" : "signed_webhook",
            audiences: ["incident_channel"],
          },
          secret: { url: "https://x.example/h", token: "" },
        });
      }
    });
    await user.click(screen.getByTestId("tab-incident_channel"));
    const editor = screen.getByTestId("draft-editor");
    expect(within(editor).getByTestId("publish-targets").textContent).toContain(
      "Goes to Ops Slack, Receiver.",
    );
    await user.type(within(editor).getByRole("textbox"), "We are on it.");
    await user.click(within(editor).getByTestId("publish"));
    const list = await screen.findByTestId("deliveries");
    expect(
      within(list)
        .getAllByTestId("delivery")
        .map((d) => d.dataset.state),
    ).toEqual(["queued", "queued"]);

    // The courier reports: one delivered with a receipt, one unknown.
    const [slack, receiver] = backend.deliveries.get(id)!;
    Object.assign(slack!, {
      state: "needs_decision",
      decision: "unknown_outcome",
      may_have_posted: true,
      last_error: "no answer after sending; it may have posted — resend?",
    });
    Object.assign(receiver!, { state: "delivered", delivered_at: backend.now, remote_id: "m1" });
    backend.deliveryHandlers.forEach((h) => h());
    const slackRow = await screen.findByText("needs decision");
    const row = slackRow.closest("li")!;
    expect(row.textContent).toContain("it may have posted — resend?");
    expect(within(row).getByTestId("resend").textContent?.trim()).toBe("Resend anyway");
    const delivered = screen.getByText("delivered").closest("li")!;
    expect(delivered.textContent).toContain("id m1");
    await user.click(within(row).getByTestId("resend"));
    expect(backend.lastCall("resendDelivery")!.args).toEqual([slack!.id]);
    await screen.findAllByText("queued");
  });
});
