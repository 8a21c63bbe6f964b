// Draft text whose save failed as its editor closed (a full disk, a locked
// database): held here for the window's life and put back, and saved again,
// when that draft's editor opens next. An editor still open keeps its own text.

const held = new Map<string, string>();
const key = (incidentId: string, audience: string) => `${incidentId}\u0000${audience}`;

export const unsaved = {
  hold(incidentId: string, audience: string, text: string) {
    held.set(key(incidentId, audience), text);
  },
  /** The held text for this draft, if any; it is the caller's from now on. */
  take(incidentId: string, audience: string): string | undefined {
    const k = key(incidentId, audience);
    const text = held.get(k);
    held.delete(k);
    return text;
  },
};
