"""Parcel hotkeys in the real window: Ctrl+<n> picks the n-th box of the catalogue, F10 closes the parcel."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt

from packstation.services.bench.commands import NextOrder
from packstation.services.bench.outcome import OutcomeKind

WAIT_MS = 5000


def test_ctrl_digit_picks_a_box_and_f10_closes_the_parcel(bench, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = bench
    window.worker.submit(NextOrder())
    qtbot.waitUntil(lambda: window.last_outcome is not None and window.last_outcome.kind is OutcomeKind.ORDER_OPENED)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # demo boxes: L, M, S
    qtbot.waitUntil(lambda: window.last_outcome.kind is OutcomeKind.BOX_CHOSEN, timeout=WAIT_MS)
    assert window.last_outcome.params["box"] == "M" and window.last_outcome.order.box == "M"
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.last_outcome.code == "parcel.empty", timeout=WAIT_MS)
    assert "Parcel 1 is empty" in window.banner.text()
