"""End to end: the real app under Xvfb, driven by real X11 key events typed by xdotool.

What a packer does at the bench, with nothing faked in between: ``packstation run`` as a
subprocess on an SQLite file, keyboard-wedge scans typed by ``xdotool`` into the window, and
every result read back through the command-line contract ``packstation orders show --json``.

How the scans are typed (measured on Xvfb with xdotool 3.20160805):

* ``xdotool type "TEXT\\n"`` is *not* a scanner: the newline arrives as the Linefeed keysym
  (Qt key 0x0a), which no scanner sends and the capture rightly does not take as Enter;
* ``xdotool type … key Return`` on one command line does not work either: ``type`` swallows
  the rest of the arguments as text;
* two ``xdotool`` processes (type, then key) leave a process start-up between the last
  character and Enter, which on a loaded machine can exceed the 35 ms burst gap;
* so every scan is ``type`` + ``key Return`` lines in one xdotool *script*, one process for a
  whole series of scans. ``--delay 10`` gives 5-6 ms from key press to key press in the X
  server's own timestamps (xdotool sleeps half the delay after the press and half after the
  release), i.e. the issue's "5 ms per key", well inside the 35 ms burst gap.

A scanner is hardware: its key timing does not depend on the CPU load of the bench. xdotool and
Xvfb are processes, and on a loaded machine a 40 ms pause of either one in the middle of a burst
stretches the gap between two X server timestamps beyond the burst gap, so the app rightly takes
the two halves for typing (measured: ~4 % of scans split with 4-8 busy loops on 2 cores). Both are
therefore given real-time priority where the OS allows it (SCHED_FIFO, else nice -10; as root, or
with CAP_SYS_NICE), which made 200 of 200 scans arrive whole under the same load. Without
the privilege the test still runs, at normal priority.

The window has no window manager around it, so it is focused with ``xdotool windowfocus``.
Screenshots come from a separate Qt process on the same display (``grabWindow(0)``), and
the verdict banner is recognised by its exact colours.

Set ``PACKSTATION_E2E_ARTIFACTS=/some/dir`` to keep the screenshots.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.timeout(240), pytest.mark.xvfb]

STATION = "e2e-1"
KEY_DELAY_MS = 10  # xdotool --delay: ~5 ms press-to-press, see the module docstring
POLL_S = 0.5  # each poll starts the CLI (~0.6 s of CPU): do not load the box more than needed
DB_TIMEOUT_S = 45.0  # generous: every poll is a CLI start-up, and the box may be loaded
WINDOW_TIMEOUT_S = 90.0

# Banner colours of packstation/gui/messages.py TONE_COLOURS, as painted (RGB).
BANNER_RGB = {"good": (0x1B, 0x7F, 0x3B), "bad": (0xC6, 0x28, 0x28), "info": (0x1F, 0x4E, 0x8C)}
BANNER_MIN_PIXELS = 30_000  # the banner is >= 150 px high across the right pane

_GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1], "PNG") else 3)
"""

_SCAN_TEXT = re.compile(r"^[A-Za-z0-9-]+$")  # what the xdotool script may carry unquoted


def _boost(pid: int = 0) -> str:
    """Best effort: real-time priority for ``pid`` (0: this process); says what it got."""
    try:
        os.sched_setscheduler(pid, os.SCHED_FIFO, os.sched_param(10))
        return "SCHED_FIFO"
    except (AttributeError, OSError):
        pass
    try:
        os.setpriority(os.PRIO_PROCESS, pid, -10)
        return "nice -10"
    except (AttributeError, OSError):
        return "normal priority"


def _boost_child() -> None:  # preexec_fn of xdotool: the scanner stand-in
    _boost(0)


@pytest.fixture(scope="session")
def x_priority(xvfb_display: str) -> str:
    """Raise the Xvfb server's priority (its pid is in the display's lock file); report it."""
    try:
        pid = int(Path(f"/tmp/.X{xvfb_display.lstrip(':')}-lock").read_text().strip())
    except (OSError, ValueError):
        return "Xvfb: unknown pid, normal priority"
    return f"Xvfb: {_boost(pid)}"


def wait_for(
    what: str, probe: Callable[[], Any], timeout: float = DB_TIMEOUT_S, describe: Callable[[], str] | None = None
) -> Any:
    """Call ``probe`` until it returns something truthy; fail with ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            extra = f"\n{describe()}" if describe else ""
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}{extra}", pytrace=False)
        time.sleep(POLL_S)


def accepted_scans(doc: dict) -> list[dict]:
    return [s for s in doc["scans"] if s["verdict"] == "accepted" and not s["voided"]]


def units_of(doc: dict) -> list[str]:
    """One unit barcode per unit of the order, line by line."""
    return [line["barcode"] for line in doc["lines"] for _ in range(line["quantity"])]


class Bench:
    """One demo database, one print folder, and the app running on them (at most one at a time)."""

    def __init__(
        self, tmp: Path, display: str, x_priority: str = "", settings: str = "", env: dict[str, str] | None = None
    ) -> None:
        self.tmp = tmp
        self.priority = x_priority
        self.display = display
        self.db_url = f"sqlite:///{tmp}/e2e.db"
        self.printed = tmp / "printed"
        self.proc: subprocess.Popen | None = None
        self.window = ""
        self.starts = 0
        self.shots = 0
        self.base = [
            sys.executable,
            "-m",
            "packstation",
            "--db",
            self.db_url,
            "--station",
            STATION,
            "--print-to",
            str(self.printed),
        ]
        if settings:  # [station] settings of a TOML file
            config = tmp / "bench.toml"
            config.write_text(f"[station]\n{settings}\n", encoding="utf-8")
            self.base[3:3] = ["--config", str(config)]
        # PACKSTATION_HOME comes from the autouse fixture of tests/conftest.py.
        # This checkout's package, whatever the virtualenv's editable install points at.
        self.cli_env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        self.x_env = {**self.cli_env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", **(env or {})}

    # -- command line ------------------------------------------------------------------
    def cli(self, *args: str, timeout: float = 90) -> str:
        result = subprocess.run(
            [*self.base, *args],
            env=self.cli_env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, f"packstation {' '.join(args)} exited {result.returncode}:\n{result.stderr}"
        return result.stdout

    def show(self, number: str) -> dict:
        return json.loads(self.cli("orders", "show", number, "--json"))

    def orders(self, status: str | None = None) -> list[dict]:
        return json.loads(self.cli("orders", "list", "--json", *(["--status", status] if status else [])))

    def wait_order(self, number: str, what: str, ok: Callable[[dict], bool], timeout: float = DB_TIMEOUT_S) -> dict:
        last: dict = {}

        def probe() -> dict | None:
            nonlocal last
            self.assert_running()
            last = self.show(number)
            return last if ok(last) else None

        def describe() -> str:
            hint = ""
            if any(s["verdict"] in ("unknown_barcode", "invalid_scan") for s in last.get("scans", [])):
                hint = (
                    f"\nA scan arrived cut in two: xdotool or Xvfb paused > 35 ms mid-burst (machine "
                    f"overloaded? {self.priority}, xdotool: {self.typing_priority}), or the app split it."
                )
            state = json.dumps(_summary(last), ensure_ascii=False)
            return f"last state of {number}: {state}{hint}\n{self.app_log()}"

        return wait_for(f"{number}: {what}", probe, timeout, describe)

    # -- the app -----------------------------------------------------------------------
    def start(self) -> None:
        assert self.proc is None or self.proc.poll() is not None, "the app is already running"
        self.starts += 1
        self.log = self.tmp / f"app-{self.starts}.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [*self.base, "run"], env=self.x_env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
            )
        self.window = self._find_window()
        self.focus()

    def _find_window(self) -> str:
        """The app's visible top-level window (by its pid: a killed predecessor may linger a moment)."""
        assert self.proc is not None
        deadline = time.monotonic() + WINDOW_TIMEOUT_S
        while time.monotonic() < deadline:
            self.assert_running()
            try:
                found = self.xdo(
                    "search",
                    "--sync",
                    "--onlyvisible",
                    "--pid",
                    str(self.proc.pid),
                    "--name",
                    "^Packstation$",
                    timeout=5,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                continue  # --sync waits for ever: re-check that the app is alive and search again
            if found.returncode == 0 and found.stdout.split():
                return found.stdout.split()[0]
        pytest.fail(f"no Packstation window after {WINDOW_TIMEOUT_S:.0f} s\n{self.app_log()}", pytrace=False)

    def focus(self) -> None:
        """Give the window the keyboard (no window manager: windowactivate would not work)."""
        self.xdo("windowfocus", "--sync", self.window, timeout=30)
        focused = self.xdo("getwindowfocus", timeout=10).stdout.strip()
        assert focused == self.window, f"focus is on X window {focused}, not on the app's {self.window}"

    def assert_running(self) -> None:
        if self.proc is not None and self.proc.poll() is not None:
            pytest.fail(f"the app exited with {self.proc.returncode}\n{self.app_log()}", pytrace=False)

    def app_log(self) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except (AttributeError, OSError):
            return "(no app log)"
        return "--- app output (tail) ---\n" + "\n".join(text.splitlines()[-30:])

    def terminate(self) -> int | None:
        """SIGTERM, then SIGKILL after 10 s; returns the exit code."""
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(timeout=30)

    def kill(self) -> None:
        assert self.proc is not None and self.proc.poll() is None, "the app is not running"
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    # -- X11 ---------------------------------------------------------------------------
    @property
    def typing_priority(self) -> str:
        probe = subprocess.run(
            [sys.executable, "-c", "import os; print(os.sched_getscheduler(0), os.nice(0))"],
            preexec_fn=_boost_child,
            capture_output=True,
            text=True,
            timeout=60,
        )
        policy, nice = (probe.stdout.split() + ["?", "?"])[:2]
        return "SCHED_FIFO" if policy == str(getattr(os, "SCHED_FIFO", -1)) else f"nice {nice}"

    def xdo(self, *args: str, timeout: float = 60, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            ["xdotool", *args],
            env=self.x_env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            preexec_fn=_boost_child,
        )
        if check:
            assert result.returncode == 0, f"xdotool {' '.join(args)} exited {result.returncode}: {result.stderr}"
        return result

    def scan(self, *texts: str) -> None:
        """Keyboard-wedge bursts: each text at ~5 ms per key, then Enter; all in one xdotool process."""
        lines = []
        for text in texts:
            assert _SCAN_TEXT.match(text), f"cannot type {text!r} safely"
            lines += [f"type --delay {KEY_DELAY_MS} {text}", f"key --delay {KEY_DELAY_MS} Return"]
        script = self.tmp / "scan.xdo"
        script.write_text("\n".join(lines) + "\n")
        self.assert_running()
        self.xdo(str(script), timeout=60)

    def screenshot(self, name: str) -> Path:
        """The whole screen (the window sits at 0,0) as PNG, grabbed by a Qt client on the display."""
        self.shots += 1
        path = self.tmp / f"{self.shots:02d}-{name}.png"
        result = subprocess.run(
            [sys.executable, "-c", _GRAB, str(path)],
            env=self.x_env,
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0 and path.exists(), f"screen grab failed: {result.stderr}"
        return path

    def keep(self, shot: Path) -> None:
        """Copy a screenshot to ``$PACKSTATION_E2E_ARTIFACTS`` when that is set."""
        artifacts = os.environ.get("PACKSTATION_E2E_ARTIFACTS")
        if artifacts:
            folder = Path(artifacts) / self.tmp.name
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, folder / shot.name)

    def wait_banner(self, tone: str, name: str, timeout: float = DB_TIMEOUT_S) -> Path:
        """Grab the screen until the verdict banner shows ``tone``'s colour; returns the shot."""
        from PIL import Image

        last: dict[str, int] = {}

        def probe() -> Path | None:
            self.assert_running()
            path = self.screenshot(name)
            with Image.open(path) as image:
                colours = {rgb: n for n, rgb in image.convert("RGB").getcolors(1 << 24)}
            last.clear()
            last.update({t: colours.get(rgb, 0) for t, rgb in BANNER_RGB.items()})
            if last[tone] >= BANNER_MIN_PIXELS:
                self.keep(path)
                return path
            path.unlink()
            return None

        return wait_for(f"a {tone} banner on screen", probe, timeout, lambda: f"banner pixels: {last}")


def _summary(doc: dict) -> dict:
    if not doc:
        return {}
    return {
        "status": doc.get("status"),
        "claimed_by": doc.get("claimed_by"),
        "lines": [(line["sku"], line["scanned"], line["quantity"]) for line in doc.get("lines", [])],
        "mismatches": doc.get("mismatches"),
        "scans": [(s["raw"], s["verdict"], s["voided"]) for s in doc.get("scans", [])],
    }


@pytest.fixture
def bench(tmp_path: Path, xvfb_display: str, x_priority: str) -> Iterator[Bench]:
    # These tests finish with CMD-FINISH / F12; finishing on the last unit has its own test
    # (test_polish_e2e.py). The language is English, whatever the machine's.
    bench = Bench(tmp_path, xvfb_display, x_priority, 'finish_on_last_unit = false\nlanguage = "en"')
    out = bench.cli("demo", "--no-run")
    assert "demo database ready" in out, out
    try:
        yield bench
    finally:
        bench.terminate()


def pick_order(bench: Bench, min_units: int, max_units: int, min_lines: int = 2) -> tuple[dict, str]:
    """The first new order of the demo with min..max units on at least ``min_lines`` lines, and the
    unit barcode of a product that is *not* on it (for a wrong-item scan)."""
    others: dict[str, str] = {}
    chosen: dict | None = None
    for row in bench.orders("new"):
        doc = bench.show(row["number"])
        units = sum(line["quantity"] for line in doc["lines"])
        if chosen is None and min_units <= units <= max_units and len(doc["lines"]) >= min_lines:
            chosen = doc
        else:
            others.update({line["sku"]: line["barcode"] for line in doc["lines"]})
        if chosen is not None and set(others) - {line["sku"] for line in chosen["lines"]}:
            break
    assert chosen is not None, f"no demo order with {min_units}..{max_units} units on {min_lines}+ lines"
    assert all(line["barcode"] for line in chosen["lines"]), chosen["lines"]
    assert chosen["status"] == "new" and chosen["claimed_by"] is None
    foreign = sorted(set(others) - {line["sku"] for line in chosen["lines"]})
    return chosen, others[foreign[0]]


# ------------------------------------------------------------------------------ tests


def test_pack_order_end_to_end_with_wrong_item(bench: Bench) -> None:
    """Slip, every unit, a wrong item, CMD-REMOVED, CMD-FINISH: shipped with label and slip printed,
    all typed while the queue filter line edit has the keyboard focus."""
    order, wrong = pick_order(bench, 4, 8)
    number = order["number"]
    units = units_of(order)

    bench.start()
    # Ctrl+F puts the focus into the queue filter: every scan below arrives while a line edit
    # that would happily take the characters has the focus.
    bench.xdo("key", "--delay", str(KEY_DELAY_MS), "ctrl+f")

    bench.scan(f"ORD-{number}")
    bench.wait_order(number, f"packing at {STATION}", lambda d: d["status"] == "packing" and d["claimed_by"] == STATION)

    # All units back to back in one burst series: nothing dropped, merged or reordered.
    bench.scan(*units)
    doc = bench.wait_order(number, "every line complete", lambda d: len(accepted_scans(d)) >= len(units))
    assert [s["raw"] for s in doc["scans"]] == units, _summary(doc)
    assert all(line["scanned"] == line["quantity"] for line in doc["lines"]), _summary(doc)

    bench.scan(wrong)
    doc = bench.wait_order(number, "the wrong item recorded", lambda d: bool(d["mismatches"]))
    assert [(m["kind"], m["code"], m["resolved"]) for m in doc["mismatches"]] == [("wrong_item", wrong, False)]
    bench.wait_banner("bad", "wrong-item")  # the red banner is on screen, mid-order

    bench.scan("CMD-REMOVED")
    bench.wait_order(number, "the mismatch resolved", lambda d: all(m["resolved"] for m in d["mismatches"]))

    bench.scan("CMD-FINISH")
    doc = bench.wait_order(number, "shipped", lambda d: d["status"] == "shipped", timeout=60)

    # Every line complete, counted exactly once per unit.
    assert all(line["scanned"] == line["quantity"] for line in doc["lines"]), _summary(doc)
    assert len(accepted_scans(doc)) == len(units)
    # What was typed arrived whole and in order: had any burst (or part of one) leaked into the
    # focused filter instead of being captured, a raw text here would be missing or cut short.
    product_scans = [s["raw"] for s in doc["scans"] if s["verdict"] in ("accepted", "wrong_item")]
    assert product_scans == [*units, wrong], _summary(doc)
    # The wrong unit was taken out, and the confirmation stored on the mismatch.
    assert len(doc["mismatches"]) == 1
    mismatch = doc["mismatches"][0]
    assert mismatch["kind"] == "wrong_item" and mismatch["resolved"] and mismatch["resolution"] == "removed"
    # Audit trail packing -> packed -> shipped at this station.
    assert [(h["from"], h["to"]) for h in doc["history"]][-3:] == [
        ("new", "packing"),
        ("packing", "packed"),
        ("packed", "shipped"),
    ]
    assert all(h["station"] == STATION for h in doc["history"])
    # One parcel, a tracking number, its archived documents on disk.
    assert len(doc["parcels"]) == 1, doc["parcels"]
    parcel = doc["parcels"][0]
    assert parcel["tracking_number"] and parcel["tracking_number"] == doc["tracking_number"]
    assert len(parcel["documents"]) == 2, parcel
    for document in parcel["documents"]:
        assert Path(document).is_file(), document
        assert Path(document).read_bytes()[:5] == b"%PDF-", document
    # Label and slip went to the (folder) printer.
    printed = sorted(bench.printed.iterdir()) if bench.printed.exists() else []
    assert len(printed) == 2 and all(p.suffix == ".pdf" for p in printed), printed
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in printed), printed
    assert {"label", "slip"} <= {part for p in printed for part in p.stem.split("-")}, printed

    # The next order opened by itself at this station, and the filter did not swallow the
    # scans: the shipped order left the open queue, the next one is packing here.
    def next_open() -> list[dict]:
        return [r for r in bench.orders("packing") if r["station"] == STATION]

    nxt = wait_for("the next order to open at this station", next_open)
    assert len(nxt) == 1 and nxt[0]["number"] != number, nxt


def test_acknowledged_scans_survive_sigkill_and_the_order_resumes(bench: Bench) -> None:
    """Kill -9 right after the n-th acknowledged scan; after a restart exactly n scans are
    stored, the order is back on the screen at this station, and it can be finished."""
    n = 3
    order, _ = pick_order(bench, n + 2, 8)
    number = order["number"]
    units = units_of(order)

    bench.start()
    bench.scan(number)  # the bare order number opens it too
    bench.wait_order(number, f"packing at {STATION}", lambda d: d["status"] == "packing" and d["claimed_by"] == STATION)
    bench.wait_banner("info", "opened")

    for i, unit in enumerate(units[:n], start=1):
        bench.scan(unit)
        # The GUI commits a verdict before it paints it: once the count is stored, the green
        # banner is on screen or about to be.
        bench.wait_order(number, f"{i} accepted scan(s)", lambda d, i=i: len(accepted_scans(d)) == i)
        bench.wait_banner("good", f"green-{i}")
    bench.kill()

    doc = bench.show(number)
    accepted = accepted_scans(doc)
    assert len(accepted) == n, _summary(doc)
    assert [s["raw"] for s in accepted] == units[:n]
    assert sum(line["scanned"] for line in doc["lines"]) == n, _summary(doc)
    assert doc["status"] == "packing" and doc["claimed_by"] == STATION, _summary(doc)

    # Restart: the station takes its own claim back and reopens the order on screen (the blue
    # "order open" banner), without the packer scanning the slip again.
    bench.start()
    bench.wait_banner("info", "resumed")
    doc = bench.show(number)
    assert doc["status"] == "packing" and doc["claimed_by"] == STATION, _summary(doc)
    assert len(accepted_scans(doc)) == n, _summary(doc)

    # The remaining units go straight into the resumed order, then it ships.
    bench.scan(*units[n:], "CMD-FINISH")
    doc = bench.wait_order(number, "shipped", lambda d: d["status"] == "shipped", timeout=60)
    assert all(line["scanned"] == line["quantity"] for line in doc["lines"]), _summary(doc)
    accepted = accepted_scans(doc)
    assert [s["raw"] for s in accepted] == units, _summary(doc)
    assert not [s for s in doc["scans"] if s["verdict"] not in ("accepted", "command")], _summary(doc)
    assert doc["parcels"] and doc["parcels"][0]["tracking_number"], doc["parcels"]
    assert len(list(bench.printed.glob("*.pdf"))) == 2
    # SIGTERM closes the window properly (queued scans finished first): a clean exit, not a
    # crash or the SIGKILL that terminate() falls back to.
    assert bench.terminate() == 0, bench.app_log()
