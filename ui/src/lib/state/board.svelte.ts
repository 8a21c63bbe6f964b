// The live board: one copy per window, shared by everything that shows it (the
// board page, the window title, the compact countdown). It is re-read every
// 30 s, after alerts, when a teammate's change lands in a shared incident (a
// joined incident arrives this way), and when the window becomes visible
// again, so deadlines shown never drift from the backend's.

import { toAppError, type Backend, type Board } from "../ipc";

export const live = $state<{ board: Board | null; error: string }>({ board: null, error: "" });

let users = 0;
let source: Backend | undefined;
let timer: ReturnType<typeof setInterval> | undefined;
let unlisten: Promise<() => void> | undefined;
let unlistenTeam: Promise<() => void> | undefined;

export function refreshBoard(): Promise<void> {
  if (!source) return Promise.resolve();
  return source
    .board()
    .then((board) => {
      live.board = board;
      live.error = "";
    })
    .catch((raw) => {
      live.error = toAppError(raw).message;
    });
}

function onVisible() {
  if (document.visibilityState === "visible") void refreshBoard();
}

/** Starts (or joins) keeping the board live; call the returned function to leave. */
export function useLiveBoard(backend: Backend): () => void {
  users += 1;
  if (users === 1) {
    source = backend;
    timer = setInterval(refreshBoard, 30_000);
    unlisten = backend.onAlertsRaised(() => void refreshBoard());
    unlistenTeam = backend.onTeamChanged(() => void refreshBoard());
    document.addEventListener("visibilitychange", onVisible);
  }
  // Whoever joins gets fresh data, not what was read up to 30 s ago.
  void refreshBoard();
  return () => {
    users -= 1;
    if (users > 0) return;
    clearInterval(timer);
    unlisten?.then((stop) => stop()).catch(() => {});
    unlistenTeam?.then((stop) => stop()).catch(() => {});
    document.removeEventListener("visibilitychange", onVisible);
    source = undefined;
    live.board = null;
    live.error = "";
  };
}
