// Renders the incident page for a freshly declared incident on a fake backend,
// the starting point of most incident component tests.

import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import IncidentPage from "../lib/components/IncidentPage.svelte";
import type { NewIncident } from "../lib/ipc";
import type { FakeBackend } from "../lib/ipc/fake";
import { backendContext } from "../lib/state/backend";
import { fakeBackend } from "./fixtures";

export async function openIncident(
  fields: Partial<NewIncident> = {},
  prepare: (backend: FakeBackend) => void = () => {},
) {
  const backend = fakeBackend();
  prepare(backend);
  const view = await backend.declareIncident({
    external_id: "INC-9",
    link: "",
    title: "Payments failing",
    severity: "SEV2",
    status: "investigating",
    customer_visible: true,
    commander: "Ana",
    comms_lead: "Bo",
    ...fields,
  });
  render(IncidentPage, { props: { id: view.incident.id }, context: backendContext(backend) });
  await screen.findByRole("heading", { name: view.incident.title });
  return { backend, id: view.incident.id, user: userEvent.setup() };
}
