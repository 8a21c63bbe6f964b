// Labels and lists for the domain's closed vocabularies, in one place.

import type {
  Audience,
  ChannelKind,
  CommsLead,
  EtaConfidence,
  Fact,
  GateState,
  Rule,
  Severity,
  Status,
  Strictness,
  TemplateKind,
} from "./ipc";

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

export const ETA_CONFIDENCES: EtaConfidence[] = ["none", "low", "medium", "high", "confirmed"];

export const TEMPLATE_KINDS: TemplateKind[] = [
  "investigating",
  "identified",
  "monitoring",
  "holding",
  "resolution",
];

export const TEMPLATE_KIND_LABEL: Record<TemplateKind, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  holding: "Holding line (no change)",
  resolution: "Resolution",
};

/** The template a draft is regenerated from for an incident in `status`. */
export function templateForStatus(status: Status): TemplateKind {
  return status === "resolved" ? "resolution" : status;
}

export const RULE_LABEL: Record<Rule, string> = {
  speculation: "Root-cause speculation",
  blame: "Blame",
  unconfirmed_eta: "Unconfirmed ETA",
  premature_resolution: "Resolved before the gate opens",
  jargon: "Jargon or technical detail",
  person_name: "A person's name",
  contradiction: "Contradicts another audience",
  audience_behind: "Another audience is behind",
  internal_detail: "Internal-only detail",
};

/** Rules that compare the draft with what other audiences were told: their
 * "why" names who was told what and when, so it is shown, not only hovered. */
export const CONSISTENCY_RULES: readonly Rule[] = [
  "contradiction",
  "audience_behind",
  "internal_detail",
];

export const FACT_LABEL: Record<Fact, string> = {
  status: "Status",
  impact: "Impact",
  affected: "Affected",
  eta: "ETA",
  workaround: "Workaround",
  customer_visible: "Customer-visible",
};

export const STRICTNESS_LABEL: Record<Strictness, string> = {
  block: "Block publishing",
  warn: "Warn",
  off: "Off",
};

export const GATE_LABEL: Record<GateState, string> = {
  not_monitoring: "Closed: not in monitoring yet",
  holding: "Holding in monitoring",
  awaiting_confirmation: "Hold passed: confirm the metrics held",
  open: "Open: all-clear may go out",
  resolved: "Resolved",
};

/** What each IC sync question asks, in form order. */
export const SYNC_QUESTIONS = [
  { field: "affected", label: "What is affected" },
  { field: "customer_impact", label: "What customers experience" },
  { field: "known", label: "What we know" },
  { field: "doing", label: "What we are doing" },
] as const;

export const SYNC_FIELD_LABEL: Record<string, string> = {
  affected: "Affected",
  customer_impact: "Customer impact",
  known: "What we know",
  doing: "What we are doing",
  eta: "ETA",
  eta_confidence: "ETA confidence",
  status: "Status",
};

export const CHANNEL_KINDS: ChannelKind[] = [
  "slack",
  "teams",
  "discord",
  "google_chat",
  "mattermost",
  "statuspage",
  "email",
  "signed_webhook",
];

export const CHANNEL_KIND_LABEL: Record<ChannelKind, string> = {
  slack: "Slack incoming webhook",
  teams: "Microsoft Teams (Workflows webhook)",
  discord: "Discord webhook",
  google_chat: "Google Chat webhook",
  mattermost: "Mattermost incoming webhook",
  statuspage: "Atlassian Statuspage",
  email: "E-mail (SMTP)",
  signed_webhook: "Signed webhook (Standard Webhooks)",
};

export const COMPONENT_STATUS_LABEL: Record<string, string> = {
  operational: "Operational",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  under_maintenance: "Under maintenance",
};

/** How a delivery's state reads in the update history. */
export const DELIVERY_STATE_LABEL: Record<string, string> = {
  queued: "queued",
  sending: "sending",
  delivered: "delivered",
  retrying: "retrying",
  failed: "failed",
  needs_decision: "needs decision",
  discarded: "discarded",
};
