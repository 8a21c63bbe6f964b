import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import TeamSettingsForm from "./TeamSettingsForm.svelte";
import { backendContext } from "../state/backend";
import { fakeBackend } from "../../test-support/fixtures";

async function setup() {
  const backend = fakeBackend();
  render(TeamSettingsForm, { context: backendContext(backend) });
  await waitFor(() => expect(backend.lastCall("teamSettings")).toBeTruthy());
  return { backend, user: userEvent.setup() };
}

describe("TeamSettingsForm", () => {
  it("saves the server, the name and the token, then never shows the token again", async () => {
    const { backend, user } = await setup();
    await user.type(screen.getByLabelText("Sync server"), "https://sync.example.com");
    await user.type(screen.getByLabelText("Your name (teammates see it)"), "Ana Lima");
    await user.type(screen.getByLabelText("Team token"), "AAAgSecretTeamToken");
    await user.click(screen.getByTestId("save-team"));
    expect(backend.lastCall("saveTeamSettings")?.args).toEqual([
      { server: "https://sync.example.com", person: "Ana Lima", token: "AAAgSecretTeamToken" },
    ]);
    expect(await screen.findByText("Saved. The token is in the OS keychain.")).toBeTruthy();
    const token = screen.getByLabelText("Team token") as HTMLInputElement;
    expect(token.value).toBe("");
    expect(token.type).toBe("password");
    expect(token.placeholder).toContain("Saved in the keychain");
    // Saving again with the token field empty keeps the saved token.
    await user.click(screen.getByTestId("save-team"));
    expect(backend.lastCall("saveTeamSettings")?.args[0]).toMatchObject({ token: null });
  });

  it("shows each refused field beside it", async () => {
    const { backend, user } = await setup();
    backend.nextError = {
      code: "invalid_input",
      message: "Check the highlighted fields.",
      fields: [{ field: "server", message: "The sync server is a web address." }],
    };
    await user.click(screen.getByTestId("save-team"));
    expect((await screen.findByTestId("error-server")).textContent).toContain("web address");
  });

  it("joins an incident a teammate shared by its id", async () => {
    const { backend, user } = await setup();
    await user.type(
      screen.getByLabelText("Join an incident a teammate shared (its id)"),
      " 01a2-b ",
    );
    await user.click(screen.getByTestId("join-incident"));
    expect(backend.lastCall("shareIncident")?.args).toEqual(["01a2-b", true]);
    expect(await screen.findByText(/appears on the board/)).toBeTruthy();
    expect(backend.team.shared).toEqual(["01a2-b"]);
  });
});
