import { beforeEach, describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/svelte";
import { openIncident } from "../../test-support/incident-page";
import { newChannel } from "../channel";
import { forgetReaches } from "../reach";
import type { PublishRequest } from "../ipc";

describe("Where a publish goes", () => {
  // Reaches are kept for the window's life; each test starts a new window.
  beforeEach(forgetReaches);

  it("leaves a count it could not read out of the line and says why on hover", async () => {
    await openIncident({}, (b) => {
      void b.saveChannel({
        channel: {
          ...newChannel(),
          name: "Status page",
          kind: "statuspage",
          audiences: ["customers"],
        },
        secret: { url: "", token: "key" },
      });
      const id = b.channelList[0]?.channel.id ?? "";
      b.reaches.set(id, {
        channel_id: id,
        people: null,
        said: "subscriber count unavailable",
        why: "this Statuspage plan or key does not give a count",
      });
    });
    const targets = within(screen.getByTestId("draft-editor")).getByTestId("publish-targets");
    await waitFor(() =>
      expect(targets.title).toBe(
        "Status page: subscriber count unavailable (this Statuspage plan or key does not give a count)",
      ),
    );
    expect(targets.textContent?.trim()).toBe("Goes to Status page.");
  });

  it("sets Statuspage component impact and the subscriber toggle from the customer tab", async () => {
    const { backend, user } = await openIncident({}, (b) => {
      const page = newChannel();
      void b.saveChannel({
        channel: {
          ...page,
          name: "Status page",
          kind: "statuspage",
          audiences: ["customers"],
          options: {
            ...page.options,
            statuspage_page_id: "abc123",
            statuspage_components: [{ id: "c-login", name: "Login" }],
          },
        },
        secret: { url: "", token: "key" },
      });
      void b.saveChannel({
        channel: { ...newChannel(), name: "Ops Slack", audiences: ["customers"] },
        secret: { url: "https://hooks.slack.com/services/x", token: "" },
      });
      const id = (name: string) => b.channelList.find((c) => c.channel.name === name)?.channel.id;
      b.reaches.set(id("Status page") ?? "", {
        channel_id: id("Status page") ?? "",
        people: 1204,
        said: "1,204 subscribers",
        why: "",
      });
      b.reaches.set(id("Ops Slack") ?? "", {
        channel_id: id("Ops Slack") ?? "",
        people: null,
        said: "a Slack channel",
        why: "",
      });
    });
    const editor = screen.getByTestId("draft-editor");
    // Who it reaches, as the backend counts it, beside every channel's name.
    await waitFor(() =>
      expect(within(editor).getByTestId("publish-targets").textContent).toContain(
        "Goes to Status page (1,204 subscribers), Ops Slack (a Slack channel).",
      ),
    );
    expect(backend.calls.filter((c) => c.method === "channelReach")).toHaveLength(2);
    expect(within(editor).getByTestId("channel-limit").textContent).toContain(
      "Ops Slack takes up to 4,000",
    );
    const targets = within(editor).getByTestId("statuspage-impact");

    const summary = within(targets).getByTestId("components-summary");
    expect(summary.textContent).toContain("none changed");
    await user.click(summary);
    expect(summary.closest("details")!.open).toBe(true);
    await user.selectOptions(within(targets).getByTestId("component-c-login"), "major_outage");
    expect(summary.textContent).toContain("Login: Major outage");
    await user.keyboard("{Escape}");
    expect(summary.closest("details")!.open).toBe(false);
    await user.click(summary);
    await user.click(within(editor).getByTestId("publish-targets"));
    expect(summary.closest("details")!.open).toBe(false);
    await user.click(within(targets).getByTestId("notify-subscribers"));
    await user.type(within(editor).getByRole("textbox"), "Some customers cannot sign in.");
    await user.click(within(editor).getByTestId("reviewed"));
    await user.click(within(editor).getByTestId("publish"));
    await screen.findByTestId("deliveries");
    const request = backend.lastCall("publish")!.args[1] as PublishRequest;
    expect(request.components).toEqual([{ id: "c-login", status: "major_outage" }]);
    expect(request.notify_subscribers).toBe(false);
  });
});
