// Test data for component tests.

import type { SeverityMatrix, SeverityPolicy, StatusCadence } from "../lib/ipc";
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

export function fakeBackend(): FakeBackend {
  return new FakeBackend(testMatrix());
}
