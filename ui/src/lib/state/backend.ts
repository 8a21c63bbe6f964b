// Hands the Backend to every component through Svelte context, so component
// tests can pass the in-memory fake instead of Tauri.

import { getContext, setContext } from "svelte";
import type { Backend } from "../ipc";

const KEY = Symbol("backend");

export function provideBackend(backend: Backend): void {
  setContext(KEY, backend);
}

export function useBackend(): Backend {
  const backend = getContext<Backend | undefined>(KEY);
  if (!backend) throw new Error("No Backend provided: wrap the component in App or pass one.");
  return backend;
}

/** The context map that provides `backend`, for rendering one component in tests. */
export function backendContext(backend: Backend): Map<symbol, Backend> {
  return new Map([[KEY, backend]]);
}
