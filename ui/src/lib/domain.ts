// Labels and lists for the domain's closed vocabularies, in one place.

import type { Audience, CommsLead, Severity, Status } from "./ipc";

export const SEVERITIES: Severity[] = ["SEV1", "SEV2", "SEV3", "SEV4"];
export const STATUSES: Status[] = ["investigating", "identified", "monitoring", "resolved"];
export const OPEN_STATUSES = ["investigating", "identified", "monitoring"] as const;
export const AUDIENCES: Audience[] = ["customers", "executives", "internal", "incident_channel"];

export const STATUS_LABEL: Record<Status, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
};

export const AUDIENCE_LABEL: Record<Audience, string> = {
  customers: "Customers",
  executives: "Executives",
  internal: "Internal",
  incident_channel: "Incident channel",
};

export const COMMS_LEAD_LABEL: Record<CommsLead, string> = {
  activated: "Activated",
  optional: "Optional",
  not_activated: "Not activated",
};

/** When to bring in a dedicated comms lead (PRODUCT.md), shown when declaring. */
export const ACTIVATION_TRIGGERS = [
  "Customer-visible and expected to run past 30 minutes",
  "Leadership or external stakeholders are watching",
  "The incident commander is being pulled away from the fix",
];
