// Channel reaches, kept for a few minutes: a status page's subscriber count
// is asked through its API, which shares the publishing key's rate limit, so
// switching tabs must not ask again each time.
import type { Reach } from "./ipc";

const KEEP_MS = 5 * 60_000;
const known = new Map<string, { reach: Reach; at: number }>();

export function cachedReach(channelId: string, nowMs: number): Reach | undefined {
  const entry = known.get(channelId);
  return entry && nowMs - entry.at < KEEP_MS ? entry.reach : undefined;
}

export function rememberReach(reach: Reach, nowMs: number): void {
  known.set(reach.channel_id, { reach, at: nowMs });
}

/** Forgets every reach (a channel's settings changed). */
export function forgetReaches(): void {
  known.clear();
}
