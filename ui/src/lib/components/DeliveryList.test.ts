import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import DeliveryList from "./DeliveryList.svelte";
import { backendContext } from "../state/backend";
import { fakeBackend } from "../../test-support/fixtures";
import type { DeliveryView } from "../ipc";

const delivered: DeliveryView = {
  id: "d1",
  update_id: "u1",
  channel_id: "c1",
  channel_name: "Status page",
  channel_kind: "statuspage",
  state: "delivered",
  attempts: 1,
  next_attempt_at: "2026-11-27T09:05:00.000Z",
  last_error: "",
  decision: "",
  may_have_posted: false,
  delivered_at: "2026-11-27T09:05:01.000Z",
  remote_id: "p31zjtct2jer",
  remote_link: "https://stspg.io/x",
  channel_enabled: true,
  from_handoff: false,
  correction_id: "",
};

describe("DeliveryList", () => {
  it("opens a receipt's link through the backend's opener, not as a raw anchor", async () => {
    const backend = fakeBackend();
    render(DeliveryList, {
      props: { deliveries: [delivered] },
      context: backendContext(backend),
    });
    const link = screen.getByTestId("delivery-link");
    expect(link.tagName).toBe("BUTTON");
    expect(link.getAttribute("href")).toBeNull();
    await userEvent.setup().click(link);
    expect(backend.calls.at(-1)).toEqual({ method: "openLink", args: ["https://stspg.io/x"] });
  });

  it("shows a handed-over receipt as history, with nothing to resend or discard", () => {
    const handed: DeliveryView = {
      ...delivered,
      id: "handoff:u1:statuspage:Status page",
      channel_id: "",
      state: "failed",
      from_handoff: true,
      channel_enabled: false,
    };
    render(DeliveryList, {
      props: { deliveries: [handed], onDecide: () => {} },
      context: backendContext(fakeBackend()),
    });
    expect(screen.getByTestId("delivery").dataset.fromHandoff).toBe("true");
    expect(screen.getByTestId("delivery-detail").textContent).toContain("from the handoff");
    expect(screen.queryByTestId("resend")).toBeNull();
    expect(screen.queryByTestId("discard")).toBeNull();
  });
});
