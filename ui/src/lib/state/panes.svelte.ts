// Which of the incident's side panes is open. Shared state, so a shortcut or
// the command palette can open a pane as well as its tab can.

export const PANES = [
  { id: "sync", label: "IC sync", key: "S" },
  { id: "timeline", label: "Timeline", key: "T" },
  { id: "gate", label: "Resolve", key: "G" },
  { id: "notes", label: "Notes", key: "O" },
  { id: "handoff", label: "Handoff", key: "H" },
  { id: "sent", label: "Sent", key: "E" },
  { id: "told", label: "Told", key: "W" },
  { id: "metrics", label: "Metrics", key: "M" },
  { id: "clocks", label: "Clocks", key: "K" },
] as const;

export type Pane = (typeof PANES)[number]["id"];

export const panes = $state<{ open: Pane }>({ open: "sync" });

export function openPane(pane: Pane): void {
  panes.open = pane;
}

// Ctrl Shift H copies the handoff from anywhere in the incident: it opens the
// handoff pane, which copies as soon as it is shown.
export const handoffCopy = $state({ requested: false });

export function requestHandoffCopy(): void {
  handoffCopy.requested = true;
}
