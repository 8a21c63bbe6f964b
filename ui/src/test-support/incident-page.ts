// Renders the incident page for a freshly declared incident on a fake backend,
// the starting point of most incident component tests.

import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import IncidentPage from "../lib/components/IncidentPage.svelte";
import type { NewIncident } from "../lib/ipc";
import type { FakeBackend } from "../lib/ipc/fake";
import { backendContext } from "../lib/state/backend";
import { fakeBackend, testIncident } from "./fixtures";
import { panes, type Pane } from "../lib/state/panes.svelte";
import { runShortcut } from "../lib/state/commands.svelte";

// The window-wide key handler App.svelte installs, so shortcuts work here too.
let keysInstalled = false;

export async function openIncident(
  fields: Partial<NewIncident> = {},
  prepare: (backend: FakeBackend) => void = () => {},
) {
  const backend = fakeBackend();
  prepare(backend);
  panes.open = "sync";
  if (!keysInstalled) {
    window.addEventListener("keydown", runShortcut);
    keysInstalled = true;
  }
  const view = await backend.declareIncident(testIncident(fields));
  render(IncidentPage, { props: { id: view.incident.id }, context: backendContext(backend) });
  await screen.findByRole("heading", { name: view.incident.title });
  const user = userEvent.setup();
  /** Opens one of the cockpit's side panes by its tab, as the lead would. */
  const pane = (name: Pane) => user.click(screen.getByTestId(`pane-${name}`));
  return { backend, id: view.incident.id, user, pane };
}
