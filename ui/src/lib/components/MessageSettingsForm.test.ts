import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import MessageSettingsForm from "./MessageSettingsForm.svelte";
import { backendContext } from "../state/backend";
import { fakeBackend } from "../../test-support/fixtures";

async function setup() {
  const backend = fakeBackend();
  render(MessageSettingsForm, { context: backendContext(backend) });
  await screen.findByTestId("message-settings");
  return { backend, user: userEvent.setup() };
}

describe("Message settings", () => {
  it("previews the chosen template live and names an unknown placeholder", async () => {
    const { user } = await setup();
    await waitFor(() =>
      expect(screen.getByTestId("template-preview").textContent).toBe(
        "investigating: checkout on the website",
      ),
    );
    await user.selectOptions(screen.getByLabelText("Template"), "holding");
    expect((screen.getByTestId("template-body") as HTMLTextAreaElement).value).toBe(
      "holding: {affected}",
    );
    await user.type(screen.getByTestId("template-body"), " {{custmer}");
    expect((await screen.findByTestId("template-error")).textContent).toBe(
      "Unknown placeholder {custmer}.",
    );
  });

  it("refuses to save a bad template, saying which, and saves a good one exactly", async () => {
    const { backend, user } = await setup();
    const body = screen.getByTestId("template-body");
    await user.clear(body);
    await user.type(body, "Hi {{oops}");
    await user.click(screen.getByTestId("messages-save"));
    expect((await screen.findByTestId("messages-error")).textContent).toContain(
      "customers.investigating",
    );
    await user.clear(body);
    await user.type(body, "שלום 🙏 {{affected}");
    await user.selectOptions(screen.getByLabelText("Executives findings"), "block");
    await user.type(screen.getByTestId("glossary"), "\nKite");
    await user.type(screen.getByTestId("roster"), "Xiomara Quist");
    await user.type(screen.getByTestId("organisation"), "Acme\nAcme Cloud");
    await user.click(screen.getByTestId("messages-save"));
    await screen.findByText("Saved.");
    const saved = backend.messages!;
    expect(saved.templates.templates[0]!.body).toBe("שלום 🙏 {affected}");
    expect(saved.guardrails.audiences[1]!.strictness).toBe("block");
    expect(saved.guardrails.glossary).toEqual(["Bluebird", "Kite"]);
    expect(saved.guardrails.roster).toEqual(["Xiomara Quist"]);
    expect(saved.guardrails.organisation).toEqual(["Acme", "Acme Cloud"]);
  });
});
