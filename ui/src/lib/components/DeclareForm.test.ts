import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import DeclareForm from "./DeclareForm.svelte";
import { backendContext } from "../state/backend";
import { router } from "../state/router.svelte";
import { fakeBackend } from "../../test-support/fixtures";

function setup() {
  const backend = fakeBackend();
  render(DeclareForm, { context: backendContext(backend) });
  return { backend, user: userEvent.setup() };
}

describe("DeclareForm", () => {
  it("sends what the lead typed and opens the new incident", async () => {
    const { backend, user } = setup();
    await user.type(screen.getByLabelText("Title"), "Checkout errors");
    await user.type(screen.getByLabelText("Incident ID"), "INC-42");
    await user.type(screen.getByLabelText("Link"), "https://incidents.example.com/INC-42");
    await user.selectOptions(screen.getByLabelText("Severity"), "SEV1");
    await user.type(screen.getByLabelText("Incident commander"), "Ana");
    await user.click(screen.getByTestId("declare-submit"));

    const call = backend.calls.find((c) => c.method === "declareIncident");
    expect(call?.args[0]).toEqual({
      external_id: "INC-42",
      link: "https://incidents.example.com/INC-42",
      title: "Checkout errors",
      severity: "SEV1",
      status: "investigating",
      customer_visible: true,
      commander: "Ana",
      comms_lead: "",
    });
    expect(router.route).toEqual({ name: "incident", id: backend.incidents[0]!.id });
  });

  it("shows each field's error beside it, keeps the input, and focuses the first", async () => {
    const { backend, user } = setup();
    await user.type(screen.getByLabelText("Link"), "not a url");
    backend.nextError = {
      code: "invalid_input",
      message: "Give the incident a title. The link is not a valid web address.",
      fields: [
        { field: "title", message: "Give the incident a title." },
        { field: "link", message: "The link is not a valid web address." },
      ],
    };
    await user.click(screen.getByTestId("declare-submit"));

    expect(screen.getByTestId("error-title").textContent).toContain("Give the incident a title.");
    expect(screen.getByTestId("error-link").textContent).toContain("not a valid web address");
    expect(screen.getByLabelText("Title").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Incident ID").getAttribute("aria-invalid")).toBeNull();
    expect((screen.getByLabelText("Link") as HTMLInputElement).value).toBe("not a url");
    expect(document.activeElement).toBe(screen.getByLabelText("Title"));
    expect(backend.incidents).toHaveLength(0);
  });

  it("says whether the chosen severity activates the comms lead role", async () => {
    const { user } = setup();
    expect((await screen.findByTestId("activation")).textContent).toContain(
      "SEV2 activates the comms lead role",
    );
    await user.selectOptions(screen.getByLabelText("Severity"), "SEV3");
    expect(screen.getByTestId("activation").textContent).toContain("optional at SEV3");
    await user.selectOptions(screen.getByLabelText("Severity"), "SEV4");
    expect(screen.getByTestId("activation").textContent).toContain("does not call for");
  });

  it("lists the activation triggers from the product brief", () => {
    setup();
    const triggers = screen.getByRole("complementary", { name: "When to activate a comms lead" });
    expect(triggers.textContent).toContain("expected to run past 30 minutes");
    expect(triggers.textContent).toContain("pulled away from the fix");
  });
});
