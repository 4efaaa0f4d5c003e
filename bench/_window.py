"""Phase (b) of bench/scan_latency.py: key burst -> verdict painted, in the real window offscreen.

A burst of key events 5 ms apart (in their timestamps and in real time) goes to the focused
widget, so it passes the application-wide ScanCapture filter like a keyboard-wedge scanner's;
the clock starts just before the terminating Enter and stops at the end of the Banner paint
that shows that scan's verdict (``Banner.painted`` carries the job's sequence number).

Each scan is split (see :func:`breakdown`) into:

    capture     Enter -> ScanCapture emits and the window calls ``worker.submit`` (GUI thread)
    wakeup      submit -> the worker thread starts ``Bench.handle``
    setup, statements, commit, teardown: the service call, as in ``_probe``
    delivery    ``Bench.handle`` returned -> the GUI thread's first slot on ``worker.outcome``
    render      ``show_outcome`` starts -> the Banner's paint ends
"""

from __future__ import annotations

import time
from typing import Any

from _probe import ScanProbe, service_parts
from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from packstation.gui.app import create_window

KEY_MS = 5  # a fast keyboard-wedge scanner
PARTS = ("capture", "wakeup", "setup", "statements", "commit", "teardown", "delivery", "render")
SUB_PARTS = ("setup_to_checkout", "statements_in_driver")  # where the marks allow


class WindowBench:
    """The window, its worker and the probes; :meth:`scan` types one barcode and waits for its paint."""

    def __init__(self, app: Any) -> None:
        self.qapp = QApplication.instance() or QApplication(["scan_latency"])
        self.window = window = create_window(app)
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        self.worker = worker = window.worker
        # Instance attributes and engine events only: the app's code is not touched.
        self.probe = ScanProbe(app.engine, worker._bench)
        self.submitted_at = 0
        real_submit = worker.submit

        def timed_submit(job: Any) -> int:
            self.submitted_at = time.perf_counter_ns()
            return real_submit(job)

        worker.submit = timed_submit
        self.state = {"want": -1, "painted_at": 0, "outcome_at": 0}
        self.loop = QEventLoop()
        window.banner.painted.connect(self._on_painted)
        # Queued slots run in connection order: ours first, so it stamps the moment the GUI thread
        # takes the outcome up, just before show_outcome runs.
        worker.outcome.disconnect(window.show_outcome)
        worker.outcome.connect(self._on_outcome)
        worker.outcome.connect(window.show_outcome)
        self.gap = QTimer()
        self.gap.setSingleShot(True)
        self.gap.setTimerType(Qt.TimerType.PreciseTimer)
        self.gap.timeout.connect(self.loop.quit)
        self.clock = int(time.monotonic() * 1000)

    def close(self) -> None:
        self.probe.remove()
        self.window.close()
        self.qapp.removeEventFilter(self.window.capture)
        self.qapp.processEvents()

    # -- slots ---------------------------------------------------------------------------------
    def _on_painted(self, seq: int) -> None:
        if seq == self.state["want"] and not self.state["painted_at"]:
            self.state["painted_at"] = time.perf_counter_ns()
            self.loop.quit()

    def _on_outcome(self, _outcome: Any, seq: int) -> None:
        if seq == self.state["want"] and not self.state["outcome_at"]:
            self.state["outcome_at"] = time.perf_counter_ns()

    # -- typing --------------------------------------------------------------------------------
    def wait_ms(self, delay: float) -> None:
        """Let the event loop run (blocked in poll, GIL released) for ``delay`` ms."""
        self.gap.start(max(0, round(delay)))
        self.loop.exec()
        self.gap.stop()

    def _key(self, kind: QEvent.Type, key: int, text: str, ts: int, mods: Any = Qt.KeyboardModifier.NoModifier) -> None:
        ev = QKeyEvent(kind, key, mods, text)
        ev.setTimestamp(ts)
        QApplication.sendEvent(QApplication.focusWidget() or self.window, ev)

    def _burst(self, text: str) -> None:
        """Every character: press + release, KEY_MS apart in timestamps and in real time."""
        self.clock = max(self.clock + 1000, int(time.monotonic() * 1000))
        for ch in text:
            key = ord(ch.upper()) if ch.isalpha() else ord(ch)
            mods = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
            self._key(QEvent.Type.KeyPress, key, ch, self.clock, mods)
            self._key(QEvent.Type.KeyRelease, key, ch, self.clock + 1, mods)
            self.clock += KEY_MS
            self.wait_ms(KEY_MS)

    def scan(self, text: str, timeout_ms: int = 5000) -> dict[str, int] | None:
        """Type one scan and wait for its verdict's paint; the moments of its way (ns).

        None when the burst was split: if this process was descheduled for longer than the
        capture's real-time hold (50 ms) between two keys, the keys so far were replayed as
        typing, as they should be; a real scanner's keys would have been queued already.
        """
        self._burst(text)
        worker = self.worker
        expected = worker._seq + 1
        self.state.update(want=expected, painted_at=0, outcome_at=0)
        self.probe.jobs.clear()
        enter = time.perf_counter_ns()
        self._key(QEvent.Type.KeyPress, int(Qt.Key.Key_Return), "\r", self.clock)
        self._key(QEvent.Type.KeyRelease, int(Qt.Key.Key_Return), "\r", self.clock + 1)
        if worker._seq != expected:
            return None  # what was left of the burst was too short to be a scan
        if not self.state["painted_at"]:
            self.wait_ms(timeout_ms)
        if not self.state["painted_at"]:
            raise SystemExit(f"phase (b): no paint for scan seq {expected} within {timeout_ms} ms")
        marks = self.probe.take() or {}
        outcome = self.window.last_outcome
        if outcome is None or outcome.raw != text:
            return None  # the tail of a split burst, scanned on its own
        return {
            **marks,
            "enter": enter,
            "submitted": self.submitted_at,
            "gui": self.state["outcome_at"],
            "painted": self.state["painted_at"],
        }


def breakdown(m: dict[str, int]) -> dict[str, int] | None:
    """One scan's PARTS (ns), or None when a moment is missing; they add up to Enter -> painted."""
    service = service_parts(m)
    if service is None or not m.get("gui"):
        return None
    return {
        "capture": m["submitted"] - m["enter"],
        "wakeup": m["start"] - m["submitted"],
        **service,
        "delivery": m["gui"] - m["end"],
        "render": m["painted"] - m["gui"],
    }


def run_phase_b(app: Any, order: str, barcode: str, scans: int, warmup: int, max_seconds: float) -> dict[str, Any]:
    """Open ``order`` by scanning it, then ``scans`` scans of ``barcode``: totals, parts and GCs per scan."""
    bench = WindowBench(app)
    try:
        bench.wait_ms(300)  # first paint, the Resume job, the queue load
        focus = type(QApplication.focusWidget()).__name__
        print(f"phase (b): focus widget {focus}, opening {order} by a scan", flush=True)
        bench.scan(order)
        opened = bench.window.last_outcome
        if opened is None or opened.kind != "order_opened":
            raise SystemExit(f"phase (b): order not opened: {opened and (opened.kind, opened.code, opened.params)}")
        bench.wait_ms(200)
        for _ in range(warmup):
            bench.scan(barcode)
        return _measure(bench, barcode, scans, max_seconds)
    finally:
        bench.close()


def _measure(bench: WindowBench, barcode: str, scans: int, max_seconds: float) -> dict[str, Any]:
    totals: list[int] = []
    parts: dict[str, list[int]] = {name: [] for name in (*PARTS, *SUB_PARTS)}
    gc_ns: list[int] = []
    bench.probe.gcs.clear()
    started = time.monotonic()
    stopped_early = False
    split_bursts = 0  # split by a stall of this process longer than the capture's hold
    for _ in range(scans):
        m = bench.scan(barcode)
        if m is None:
            split_bursts += 1
            continue
        last = bench.window.last_outcome
        if last is None or last.kind != "accepted":
            raise SystemExit(f"phase (b): scan not accepted: {last and (last.kind, last.code, dict(last.params))}")
        totals.append(m["painted"] - m["enter"])
        gc_ns.append(bench.probe.gc_within(m["enter"], m["painted"]))
        way = breakdown(m)
        if way is not None:
            for name, value in way.items():
                parts[name].append(value)
        if time.monotonic() - started > max_seconds:
            stopped_early = True
            break
    return {
        "totals": totals,
        "parts": parts,
        "gc_ns": gc_ns,
        "gc_generations": [gen for _a, _b, gen in bench.probe.gcs],
        "elapsed_s": time.monotonic() - started,
        "stopped_early": stopped_early,
        "split_bursts": split_bursts,
    }
