// Test data for component tests.

import type {
  MessageSettings,
  NewIncident,
  SeverityMatrix,
  SeverityPolicy,
  StatusCadence,
} from "../lib/ipc";
import { AUDIENCES, TEMPLATE_KINDS } from "../lib/domain";
import { FakeBackend } from "../lib/ipc/fake";

const every = (m: number | null): StatusCadence => ({
  investigating: m,
  identified: m,
  monitoring: m,
});

function policy(
  severity: SeverityPolicy["severity"],
  comms_lead: SeverityPolicy["comms_lead"],
  minutes: number | null,
): SeverityPolicy {
  return {
    severity,
    comms_lead,
    hold_minutes: 30,
    long_incident_factor: 2,
    cadence: {
      customers: every(minutes),
      executives: every(minutes),
      internal: every(minutes),
      incident_channel: every(null),
    },
  };
}

/** A small matrix shaped like the real one: SEV1–2 activate a comms lead. */
export function testMatrix(): SeverityMatrix {
  return {
    policies: [
      policy("SEV1", "activated", 15),
      policy("SEV2", "activated", 30),
      policy("SEV3", "optional", 60),
      policy("SEV4", "not_activated", null),
    ],
    heads_up_minutes: 5,
    reminder_minutes: 5,
    long_incident_after_minutes: 120,
  };
}

/** Message settings shaped like the shipped ones, with short template texts. */
export function testMessages(): MessageSettings {
  return {
    templates: {
      templates: AUDIENCES.flatMap((audience) =>
        TEMPLATE_KINDS.map((kind) => ({ audience, kind, body: `${kind}: {affected}` })),
      ),
    },
    guardrails: {
      audiences: AUDIENCES.map((audience) => ({
        audience,
        strictness: audience === "customers" ? "block" : "warn",
        allow_jargon: audience === "internal",
        review_required: audience === "customers",
      })),
      glossary: ["Bluebird"],
      roster: [],
      organisation: [],
    },
    customer_time_zone: "UTC",
    suggest_handoff_after_minutes: 180,
  };
}

/** A SEV2 as the component tests declare it, before their own changes. */
export function testIncident(fields: Partial<NewIncident> = {}): NewIncident {
  return {
    external_id: "INC-9",
    link: "",
    title: "Payments failing",
    severity: "SEV2",
    status: "investigating",
    customer_visible: true,
    commander: "Ana",
    comms_lead: "Bo",
    ...fields,
  };
}

export function fakeBackend(): FakeBackend {
  const backend = new FakeBackend(testMatrix());
  backend.messages = testMessages();
  return backend;
}
