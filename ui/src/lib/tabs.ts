// Arrow keys within a tab strip, as the WAI-ARIA tabs pattern has them:
// Left and Right move and wrap, Home and End go to the ends.

/** The tab a key moves to from `current`, or null when the key is not one of them. */
export function tabAfterKey<T>(key: string, tabs: readonly T[], current: T): T | null {
  const at = tabs.indexOf(current);
  const to: Record<string, number> = {
    ArrowRight: (at + 1) % tabs.length,
    ArrowLeft: (at - 1 + tabs.length) % tabs.length,
    Home: 0,
    End: tabs.length - 1,
  };
  return key in to ? (tabs[to[key]!] ?? null) : null;
}
