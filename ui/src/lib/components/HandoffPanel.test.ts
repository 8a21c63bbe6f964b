import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import TakeOverPage from "./TakeOverPage.svelte";
import { backendContext } from "../state/backend";
import { fakeBackend } from "../../test-support/fixtures";
import { openIncident } from "../../test-support/incident-page";

const setup = () => openIncident({ external_id: "INC-5", title: "Slow search" });

describe("Handoff", () => {
  it("previews in the remembered format, switches format, and copies with the shortcut", async () => {
    const { backend, user, pane } = await setup();
    await pane("handoff");
    const preview = screen.getByTestId("handoff-preview");
    await waitFor(() => expect(preview.textContent).toContain("[markdown] Handoff: Slow search"));
    await user.click(screen.getByRole("radio", { name: "Slack" }));
    await waitFor(() => expect(preview.textContent).toContain("[slack]"));
    await user.type(screen.getByPlaceholderText("Next lead's name"), "Chloe");
    await user.keyboard("{Control>}{Shift>}H{/Shift}{/Control}");
    expect((await screen.findByTestId("handoff-copied")).textContent).toMatch(
      /^Copied the Slack handoff \(\d+ characters\) to the clipboard\.$/,
    );
    expect(backend.copied).toEqual([
      "[slack] Handoff: Slow search to Chloe\n\n```herald-handoff v2\n```",
    ]);
  });

  it("adds, edits and closes constraints and asks", async () => {
    const { backend, id, user, pane } = await setup();
    await pane("notes");
    await user.type(screen.getByLabelText("New constraint"), "No RCA speculation");
    await user.click(screen.getByTestId("add-constraint"));
    const constraints = screen.getByTestId("constraints");
    await within(constraints).findByText("No RCA speculation");
    await user.click(within(constraints).getByRole("button", { name: "Edit" }));
    await user.type(within(constraints).getByLabelText("Constraint text"), "!");
    await user.click(within(constraints).getByRole("button", { name: "Save" }));
    await within(constraints).findByText("No RCA speculation!");
    await user.click(within(constraints).getByRole("button", { name: "Close" }));
    await within(constraints).findByText("None recorded.");

    await user.type(screen.getByLabelText("New ask"), "Holding line for support");
    await user.type(screen.getByLabelText("Owner"), "Dana");
    await user.click(screen.getByTestId("add-ask"));
    const asks = screen.getByTestId("asks");
    await within(asks).findByText("Holding line for support — Dana");
    await user.selectOptions(within(asks).getByRole("combobox"), "done");
    await waitFor(() => expect(backend.asks.get(id)?.[0]?.state).toBe("done"));
  });
});

describe("Take over", () => {
  it("refuses a paste that is not a handoff, at the field", async () => {
    const backend = fakeBackend();
    render(TakeOverPage, { context: backendContext(backend) });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Paste the handoff the previous lead copied"), "hello");
    await user.type(screen.getByLabelText("Your name (the new comms lead)"), "Chloe");
    await user.click(screen.getByTestId("take-over-submit"));
    expect((await screen.findByTestId("error-paste")).textContent).toBe(
      "This is not a Herald handoff.",
    );
  });

  it("previews first and writes only on confirm", async () => {
    const backend = fakeBackend();
    render(TakeOverPage, { context: backendContext(backend) });
    const user = userEvent.setup();
    await user.type(
      screen.getByLabelText("Paste the handoff the previous lead copied"),
      "```herald-handoff v1",
    );
    await user.type(screen.getByLabelText("Your name (the new comms lead)"), "Chloe");
    await user.click(screen.getByTestId("take-over-submit"));
    const preview = await screen.findByTestId("take-over-preview");
    expect(preview.textContent).toContain("Nothing has been written yet.");
    expect(backend.calls.filter((c) => c.method === "takeOver").map((c) => c.args[2])).toEqual([
      false,
    ]);
    await user.click(screen.getByTestId("take-over-confirm"));
    await screen.findByTestId("take-over-report");
    expect(backend.calls.filter((c) => c.method === "takeOver").map((c) => c.args[2])).toEqual([
      false,
      true,
    ]);
  });
});
