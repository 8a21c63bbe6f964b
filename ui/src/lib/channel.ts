// A new channel as the settings form starts it: switched on, no audiences yet,
// and each kind's options at their usual defaults (SMTP on 587 with STARTTLS).

import type { Channel } from "./ipc";

export function newChannel(): Channel {
  return {
    id: "",
    name: "",
    kind: "slack",
    audiences: [],
    enabled: true,
    disabled_reason: "",
    options: {
      statuspage_page_id: "",
      statuspage_api_base: "",
      statuspage_components: [],
      smtp_host: "",
      smtp_port: 587,
      smtp_security: "starttls",
      smtp_username: "",
      email_from: "",
      email_to: [],
    },
  };
}
