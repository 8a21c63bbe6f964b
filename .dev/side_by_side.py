#!/usr/bin/python3
"""Herald beside a minimal Tauri 2 + Svelte app, measured the same way.

Each run gets a fresh Xvfb screen (1280x800, its framebuffer in a file this
script reads), a fresh private D-Bus session, fresh XDG directories and a fresh
copy of the seeded data directory. The apps take turns in ABBA order so drift
in the machine (caches, thermal, a neighbour) falls on both alike. Printed per
app: medians over the runs of

  mapped      launch until the window is viewable (xwininfo);
  first paint launch until the page area below the window's first 120 px is
              not one flat colour (a blank webview is);
  complete    launch until the last change of the screen before it stays
              still for --quiet seconds (visually complete);
  PSS         proportional set size of the app and every process it started
              (WebKit's web and network processes), after start-up settles;
  idle CPU    % of one core used by that process tree over --idle seconds;
  wake-ups    context switches per second over the same span (every thread of
              every process in the tree), the closest portable count of how
              often the tree wakes;

and the ratio of each app's median to the first app's (the yardstick). Only
the standard library and Debian's X and D-Bus tools are used, so it runs on a
fresh machine of the kind CI uses.
"""

from __future__ import annotations

import argparse
import mmap
import os
import shlex
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DBUS_CONFIG = os.path.join(ROOT, ".dev", "dbus-session.conf")
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_TOP = 120  # window rows skipped by "first paint": title bars, GTK chrome


@dataclass
class App:
    name: str
    argv: list[str]
    title: str


@dataclass
class Run:
    mapped: float | None = None
    first_paint: float | None = None
    complete: float | None = None
    pss_mib: float | None = None
    idle_cpu: float | None = None
    wakeups: float | None = None
    repaints: int | None = None
    parts: dict[str, float] = field(default_factory=dict)


class Screen:
    """An Xvfb server whose framebuffer is a file (XWD format) read in place."""

    def __init__(self, work: str, width: int, height: int):
        self.dir = os.path.join(work, "fb")
        os.mkdir(self.dir)
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
             "-fbdir", self.dir, "-nolisten", "tcp", "-br", "-noreset"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            raise SystemExit("Xvfb did not start")
        self.display = f":{number}"
        self.file = open(os.path.join(self.dir, "Xvfb_screen0"), "rb")
        self.map = mmap.mmap(self.file.fileno(), 0, access=mmap.ACCESS_READ)
        fields = struct.unpack(">25I", self.map[:100])
        header, ncolors = fields[0], fields[19]
        self.stride = fields[12]
        self.bpp = fields[11] // 8
        self.pixels = header + ncolors * 12
        self.height = fields[5]

    def frame_hash(self) -> int:
        return zlib.crc32(self.map[self.pixels:self.pixels + self.stride * self.height])

    def flat(self, x: int, y: int, w: int, h: int) -> bool:
        """Whether the rectangle is a single colour."""
        first = None
        for row in range(y, y + h, 4):  # every fourth row is plenty for text
            start = self.pixels + row * self.stride + x * self.bpp
            line = self.map[start:start + w * self.bpp]
            if first is None:
                first = line[:self.bpp]
                flat_line = first * w
            if line != flat_line:
                return False
        return True

    def close(self):
        self.map.close()
        self.file.close()
        stop(self.proc)


def stop(proc: subprocess.Popen, grace: float = 5.0):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def session_bus() -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        ["dbus-daemon", f"--config-file={DBUS_CONFIG}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = proc.stdout.readline().strip()
    if not address:
        raise SystemExit("dbus-daemon did not start")
    return proc, address


def gdbus(env, *args) -> bool:
    return subprocess.run(["gdbus", "call", "--session", *args], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def desktop_services(env) -> list[subprocess.Popen]:
    """A notification server and a StatusNotifier host on the session bus, and
    logind on a system bus (python-dbusmock), as a desktop session would have.
    Sets DBUS_SYSTEM_BUS_ADDRESS in `env`."""
    system, address = session_bus()
    env["DBUS_SYSTEM_BUS_ADDRESS"] = address
    logind = subprocess.Popen(["/usr/bin/python3", "-m", "dbusmock", "--system", "--template", "logind"],
                              env=env, stdout=subprocess.DEVNULL)
    notify = subprocess.Popen(["/usr/bin/python3", "-m", "dbusmock", "--template",
                               "notification_daemon"], env=env, stdout=subprocess.DEVNULL)
    tray = subprocess.Popen(["/usr/bin/python3", "-m", "dbusmock", "org.kde.StatusNotifierWatcher",
                             "/StatusNotifierWatcher", "org.kde.StatusNotifierWatcher"],
                            env=env, stdout=subprocess.DEVNULL)
    mock, watcher = "org.freedesktop.DBus.Mock", "org.kde.StatusNotifierWatcher"
    deadline = time.monotonic() + 30
    while not gdbus(env, "-d", watcher, "-o", "/StatusNotifierWatcher", "-m", f"{mock}.AddMethod",
                    watcher, "RegisterStatusNotifierItem", "s", "", ""):
        if time.monotonic() > deadline:
            raise SystemExit("the mock tray host never answered")
        time.sleep(0.1)
    for name, value in [("IsStatusNotifierHostRegistered", "<true>"), ("ProtocolVersion", "<0>")]:
        gdbus(env, "-d", watcher, "-o", "/StatusNotifierWatcher", "-m", f"{mock}.AddProperty",
              watcher, name, value)
    while not gdbus(env, "-d", "org.freedesktop.Notifications", "-o", "/org/freedesktop/Notifications",
                    "-m", "org.freedesktop.Notifications.GetServerInformation"):
        if time.monotonic() > deadline:
            raise SystemExit("the mock notification server never answered")
        time.sleep(0.1)
    while subprocess.run(["gdbus", "introspect", "--system", "-d", "org.freedesktop.login1", "-o",
                          "/org/freedesktop/login1"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL).returncode != 0:
        if time.monotonic() > deadline:
            raise SystemExit("the mock logind never answered")
        time.sleep(0.1)
    return [system, logind, notify, tray]


def tree(root: int) -> list[int]:
    """The process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def comm(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total


def switches(pids: list[int]) -> dict[tuple[int, str], int]:
    """Context switches so far, per thread (a thread that ends between two
    readings drops out of both, so the difference never goes negative)."""
    found = {}
    for pid in pids:
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                total = 0
                with open(f"/proc/{pid}/task/{task}/status") as f:
                    for line in f:
                        if line.startswith("Name:"):
                            name = line.split(None, 1)[1].strip()
                        if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                            total += int(line.split()[1])
                found[(int(task), f"{comm(pid)}/{name}")] = total
            except OSError:
                pass
    return found


def window_geometry(env, title: str) -> tuple[int, int, int, int] | None:
    """The largest viewable top-level window whose name contains `title`
    (GTK also makes small hidden windows with the same name)."""
    out = subprocess.run(["xwininfo", "-root", "-children"], env=env, capture_output=True, text=True)
    best = None
    for line in out.stdout.splitlines():
        parts = line.split('"')
        if len(parts) < 3 or title not in parts[1]:
            continue
        window = line.split()[0]
        info = subprocess.run(["xwininfo", "-id", window], env=env, capture_output=True, text=True)
        if "IsViewable" not in info.stdout:
            continue
        values = {}
        for row in info.stdout.splitlines():
            key, _, value = row.strip().partition(":")
            values[key] = value.strip()
        try:
            geometry = (int(values["Absolute upper-left X"]), int(values["Absolute upper-left Y"]),
                        int(values["Width"]), int(values["Height"]))
        except (KeyError, ValueError):
            continue
        if best is None or geometry[2] * geometry[3] > best[2] * best[3]:
            best = geometry
    return best


def measure(app: App, args, seed: str | None) -> Run:
    run = Run()
    work = tempfile.mkdtemp(prefix=f"side-by-side-{app.name}-")
    procs: list[subprocess.Popen] = []
    screen = None
    try:
        screen = Screen(work, 1280, 800)
        bus, address = session_bus()
        procs.append(bus)
        runtime = os.path.join(work, "runtime")
        os.mkdir(runtime, 0o700)
        data = os.path.join(work, "data")
        if seed:
            shutil.copytree(seed, data)
        else:
            os.mkdir(data)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("WEBKIT_", "XDG_", "DBUS_"))}
        env.update(DISPLAY=screen.display, DBUS_SESSION_BUS_ADDRESS=address,
                   XDG_RUNTIME_DIR=runtime, XDG_CONFIG_HOME=os.path.join(work, "config"),
                   XDG_DATA_HOME=os.path.join(work, "share"), XDG_CACHE_HOME=os.path.join(work, "cache"),
                   XDG_STATE_HOME=os.path.join(work, "state"), HERALD_DATA_DIR=data,
                   NO_AT_BRIDGE="1", GDK_BACKEND="x11")
        if args.services:
            procs.extend(desktop_services(env))
        blank = screen.frame_hash()
        began = time.monotonic()
        proc = subprocess.Popen(app.argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(proc)
        geometry = None
        last_hash, last_change = blank, None
        cap = began + args.cap
        while time.monotonic() < cap:
            now = time.monotonic()
            if proc.poll() is not None:
                raise SystemExit(f"{app.name} exited with {proc.returncode} during start-up")
            if geometry is None and not args.hidden:
                geometry = window_geometry(env, app.title)
                if geometry:
                    run.mapped = now - began
            if geometry and run.first_paint is None:
                x, y, w, h = geometry
                w, h = min(w, 1280 - x), min(h, 800 - y)
                if h > PAGE_TOP and not screen.flat(x, y + PAGE_TOP, w, h - PAGE_TOP):
                    run.first_paint = now - began
            current = screen.frame_hash()
            if current != last_hash:
                last_hash, last_change = current, now
                if args.frames:
                    name = f"{app.name}-{int((now - began) * 1000):05d}ms.xwd"
                    with open(os.path.join(args.frames, name), "wb") as f:
                        f.write(screen.map[:])
            elif last_change and run.first_paint and now - last_change >= args.quiet:
                # The first paint can be seen a poll after the frame that holds it.
                run.complete = max(last_change - began, run.first_paint)
                break
            if args.hidden and now - began >= args.quiet * 2:
                break
            time.sleep(0.02)
        if not args.hidden and run.complete is None:
            raise SystemExit(f"{app.name}: never visually complete within {args.cap} s "
                             f"(mapped {run.mapped}, first paint {run.first_paint})")
        # Start-up work (the first board, caches) is not idle: let it settle.
        settle = began + args.settle - time.monotonic()
        if settle > 0:
            time.sleep(settle)
        pids = tree(proc.pid)
        run.parts = {}
        for pid in pids:
            name = comm(pid)
            run.parts[name] = run.parts.get(name, 0) + pss_kib(pid) / 1024
        run.pss_mib = sum(run.parts.values())
        ticks, ctx, start = cpu_ticks(pids), switches(pids), time.monotonic()
        # Watch the screen while idle (a cheap look ten times a second, by this
        # script, outside the measured processes): the repaints a person sees.
        shown, run.repaints = screen.frame_hash(), 0
        while time.monotonic() - start < args.idle:
            time.sleep(0.1)
            current = screen.frame_hash()
            if current != shown:
                shown, run.repaints = current, run.repaints + 1
        pids = tree(proc.pid)
        span = time.monotonic() - start
        run.idle_cpu = 100 * (cpu_ticks(pids) - ticks) / CLK_TCK / span
        after = switches(pids)
        woke = {key: count - ctx[key] for key, count in after.items() if key in ctx}
        run.wakeups = sum(woke.values()) / span
        if args.threads:
            busiest = sorted(woke.items(), key=lambda kv: -kv[1])[:8]
            print(f"    {app.name} threads: " + ", ".join(f"{name} {n / span:.1f}/s" for (_, name), n in busiest if n))
        return run
    finally:
        for p in reversed(procs):
            # The app's own children (WebKit) end with it; stop by PID only
            # what this script started.
            stop(p)
        if screen:
            screen.close()
        shutil.rmtree(work, ignore_errors=True)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", action="append", required=True,
                        help="NAME=TITLE=COMMAND...; the first is the yardstick")
    parser.add_argument("--seed", help="a data directory copied fresh for every run (HERALD_DATA_DIR)")
    parser.add_argument("--runs", type=int, default=3, help="runs per app (default 3)")
    parser.add_argument("--idle", type=float, default=60, help="seconds of idle measured (default 60)")
    parser.add_argument("--settle", type=float, default=12,
                        help="seconds after launch before memory and idle are read (default 12)")
    parser.add_argument("--quiet", type=float, default=3,
                        help="seconds the screen must stay still to call it visually complete")
    parser.add_argument("--cap", type=float, default=40, help="give up on start-up after this many seconds")
    parser.add_argument("--services", action="store_true",
                        help="a notification server and a tray host on the bus")
    parser.add_argument("--hidden", action="store_true",
                        help="the apps start hidden: measure memory and idle only")
    parser.add_argument("--threads", action="store_true", help="print the threads that woke most while idle")
    parser.add_argument("--frames", help="save every changed frame here (XWD), to see what start-up shows")
    parser.add_argument("--label", default="", help="a heading for the table")
    args = parser.parse_args()

    apps = []
    for spec in args.app:
        name, title, command = spec.split("=", 2)
        apps.append(App(name, shlex.split(command), title))
    results: dict[str, list[Run]] = {a.name: [] for a in apps}
    for n in range(args.runs):
        order = apps if n % 2 == 0 else list(reversed(apps))
        for app in order:
            run = measure(app, args, args.seed)
            results[app.name].append(run)
            parts = ", ".join(f"{k} {v:.0f}" for k, v in sorted(run.parts.items(), key=lambda kv: -kv[1]))
            fmt = lambda v, unit="", scale=1: "-" if v is None else f"{v * scale:.0f}{unit}"
            print(f"  run {n + 1} {app.name}: mapped {fmt(run.mapped, ' ms', 1000)}, "
                  f"first paint {fmt(run.first_paint, ' ms', 1000)}, "
                  f"complete {fmt(run.complete, ' ms', 1000)}, PSS {run.pss_mib:.0f} MiB ({parts}), "
                  f"idle {run.idle_cpu:.2f} %, {run.wakeups:.1f} wake-ups/s, {run.repaints} screen changes", flush=True)

    rows = [("window mapped", "mapped", 1000, "ms", "{:.0f}"),
            ("first non-blank frame", "first_paint", 1000, "ms", "{:.0f}"),
            ("visually complete", "complete", 1000, "ms", "{:.0f}"),
            ("PSS, whole process tree", "pss_mib", 1, "MiB", "{:.0f}"),
            (f"idle CPU over {args.idle:.0f} s", "idle_cpu", 1, "% of a core", "{:.2f}"),
            ("wake-ups (context switches)", "wakeups", 1, "/s", "{:.1f}")]
    base = apps[0].name
    print()
    if args.label:
        print(f"{args.label} — medians of {args.runs} runs per app, ABBA order")
        print()
    print("| measure | " + " | ".join(a.name for a in apps) + " | " +
          " | ".join(f"{a.name} / {base}" for a in apps[1:]) + " |")
    print("| --- " * (2 * len(apps)) + "|")
    for label, key, scale, unit, form in rows:
        meds = {a.name: median([getattr(r, key) for r in results[a.name]]) for a in apps}
        if all(v is None for v in meds.values()):
            continue
        cells = ["-" if meds[a.name] is None else f"{form.format(meds[a.name] * scale)} {unit}" for a in apps]
        ratios = []
        for a in apps[1:]:
            b, v = meds[base], meds[a.name]
            ratios.append("-" if not b or v is None else f"{v / b:.2f}×")
        print(f"| {label} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    main()
