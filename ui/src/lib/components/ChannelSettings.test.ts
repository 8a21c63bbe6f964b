import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import ChannelSettings from "./ChannelSettings.svelte";
import { backendContext } from "../state/backend";
import { fakeBackend } from "../../test-support/fixtures";

async function setup() {
  const backend = fakeBackend();
  render(ChannelSettings, { context: backendContext(backend) });
  await screen.findByTestId("no-channels");
  return { backend, user: userEvent.setup() };
}

describe("Channel settings", () => {
  it("adds a channel with its secret sent once and shown only masked", async () => {
    const { backend, user } = await setup();
    await user.click(screen.getByTestId("add-channel"));
    await user.selectOptions(screen.getByTestId("channel-kind"), "signed_webhook");
    await user.type(screen.getByTestId("channel-name"), "Receiver");
    await user.click(screen.getByTestId("channel-audience-internal"));
    await user.type(screen.getByTestId("channel-secret-url"), "https://hooks.example.com/in");
    await user.type(screen.getByTestId("channel-secret-token"), "whsec_abc");
    expect((screen.getByTestId("channel-secret-url") as HTMLInputElement).type).toBe("password");
    await user.click(screen.getByTestId("channel-save"));
    const item = await screen.findByTestId("channel");
    expect(item.dataset.name).toBe("Receiver");
    expect(within(item).getByTestId("secret-hint").textContent).toBe(
      "https://hooks.example.com/••••",
    );
    expect(item.textContent).not.toContain("whsec_abc");
    const input = backend.lastCall("saveChannel")!.args[0] as {
      channel: { kind: string; audiences: string[] };
      secret: { url: string; token: string };
    };
    expect(input.channel.kind).toBe("signed_webhook");
    expect(input.channel.audiences).toEqual(["internal"]);
    expect(input.secret).toEqual({ url: "https://hooks.example.com/in", token: "whsec_abc" });

    // Editing without typing a secret keeps the stored one.
    await user.click(within(item).getByText("Edit"));
    await user.clear(screen.getByTestId("channel-name"));
    await user.type(screen.getByTestId("channel-name"), "Receiver 2");
    await user.click(screen.getByTestId("channel-save"));
    await screen.findByText("Receiver 2");
    expect((backend.lastCall("saveChannel")!.args[0] as { secret: unknown }).secret).toBeNull();
  });

  it("shows each refused field beside it and the test result per channel", async () => {
    const { backend, user } = await setup();
    await user.click(screen.getByTestId("add-channel"));
    backend.nextError = {
      code: "invalid_input",
      message: "Check the channel.",
      fields: [
        { field: "secret.url", message: "That does not look like a Slack webhook URL." },
        { field: "audiences", message: "Choose at least one audience this channel serves." },
      ],
    };
    await user.click(screen.getByTestId("channel-save"));
    expect(await screen.findByText("That does not look like a Slack webhook URL.")).toBeTruthy();
    expect(screen.getByText("Choose at least one audience this channel serves.")).toBeTruthy();

    await user.type(screen.getByTestId("channel-name"), "Ops Slack");
    await user.click(screen.getByTestId("channel-audience-internal"));
    await user.type(screen.getByTestId("channel-secret-url"), "https://hooks.slack.com/services/x");
    await user.click(screen.getByTestId("channel-save"));
    const item = await screen.findByTestId("channel");
    backend.testResult = { ok: false, message: "The test did not go through: HTTP 404." };
    await user.click(within(item).getByTestId("test-channel"));
    expect((await within(item).findByTestId("test-result")).textContent?.trim()).toBe(
      "The test did not go through: HTTP 404.",
    );
  });
});
