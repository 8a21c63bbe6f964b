// Every action the lead can take on the current view, with its shortcut.
// Views register what they offer while they are shown; one window-wide key
// handler runs them, and the command palette (Ctrl K) and the help sheet (?)
// list them. Key strings use tinykeys' grammar ("Alt+KeyS", "$mod+KeyK"),
// matched by physical key so they work on any layout and on macOS, where
// Alt+letter types a symbol.
import { untrack } from "svelte";
import { matchKeybindingPress, parseKeybinding, type KeybindingPress } from "tinykeys";

export interface Command {
  id: string;
  label: string;
  group: string;
  keys?: string;
  disabled?: boolean;
  run: () => void;
}

interface Layer {
  commands: () => Command[];
}

// Replaced, never mutated, so each layer keeps its identity for removal.
let layers = $state.raw<Layer[]>([]);

/**
 * Offers `commands` until the returned function is called (a component's
 * teardown). Called from an effect, so the list it changes is not tracked:
 * registering must not re-run the effect that registers.
 */
export function registerCommands(commands: () => Command[]): () => void {
  const layer: Layer = { commands };
  untrack(() => (layers = [...layers, layer]));
  return () => untrack(() => (layers = layers.filter((l) => l !== layer)));
}

/** The commands on offer now; a later registration wins a shared id. */
export function activeCommands(): Command[] {
  const byId = new Map<string, Command>();
  for (const layer of layers) for (const c of layer.commands()) byId.set(c.id, c);
  return [...byId.values()];
}

const parsed = new Map<string, KeybindingPress>();
function press(keys: string): KeybindingPress {
  let found = parsed.get(keys);
  if (!found) {
    found = parseKeybinding(keys)[0]!;
    parsed.set(keys, found);
  }
  return found;
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** Key names that read better as what is printed on the key. */
const PRINTED: Record<string, string> = {
  $mod: isMac ? "⌘" : "Ctrl",
  Control: "Ctrl",
  Comma: ",",
  Period: ".",
  Slash: "/",
  Escape: "Esc",
};

/**
 * How a key string reads in a tooltip or the help sheet: "Alt+KeyS" → "Alt S",
 * "$mod+Comma" → "Ctrl ,". A modifier in brackets is optional (Shift for "?"
 * on most layouts), so it is not shown.
 */
export function keyLabel(keys: string): string {
  return keys
    .split("+")
    .filter((part) => !part.startsWith("["))
    .map((part) => PRINTED[part] ?? part.replace(/^Key|^Digit/, ""))
    .join(" ");
}

/** "Publish (Ctrl Shift Enter)": a button's tooltip that teaches its shortcut. */
export function withKeys(label: string, keys: string): string {
  return `${label} (${keyLabel(keys)})`;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !["checkbox", "radio", "button", "submit"].includes(target.type)
  );
}

/**
 * Runs the command whose shortcut this key press is. A shortcut with Ctrl or
 * Alt works from inside a text field; a bare key ("?") only outside one, so
 * typing is never taken over.
 */
export function runShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  for (const command of activeCommands()) {
    if (!command.keys || command.disabled) continue;
    const binding = press(command.keys);
    if (!matchKeybindingPress(event, binding)) continue;
    const modified = binding[0].some((m) => m !== "Shift");
    if (!modified && typing(event.target)) return false;
    event.preventDefault();
    command.run();
    return true;
  }
  return false;
}
