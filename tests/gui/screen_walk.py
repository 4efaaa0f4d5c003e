"""Walk the real bench window through every screen a packer meets; read what each one shows.

Shared by the layout test and the translation test (not a test module). ``walk`` drives the
window with scans and keys and yields the name of each state once it is on screen;
``visible_texts`` lists every text a widget shows in that state.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QWidget,
)

from packstation.domain.records import ImportBatch
from packstation.gui.order_side import RecentScans
from packstation.gui.widgets import Banner, FitText
from packstation.services.demo import demo_batch, ean13
from packstation.services.importing import import_batch
from tests.gui.keys import scan

BATCH = demo_batch()
BARCODE = {p.sku: p.barcodes[0] for p in BATCH.products}
ORDERS = {o.number: o for o in BATCH.orders}
RICH = "PL-10010"  # cash on delivery, a note, three lines
# The window's settings for a walk: a long finishing moment (to look at it), a quick heartbeat.
SETTINGS = {"finish_delay_ms": 10_000, "heartbeat_seconds": 1}


def _wait(qtbot, window, before: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.outcomes_shown > before, timeout=15000)


def _scan(qtbot, window, raw: str) -> None:  # type: ignore[no-untyped-def]
    before = window.outcomes_shown
    scan(raw)
    _wait(qtbot, window, before)


def _key(qtbot, window, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    before = window.outcomes_shown
    qtbot.keyClick(window, key)
    _wait(qtbot, window, before)


def walk(qtbot, window) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Drive ``window`` (made with ``SETTINGS``) through its screens; yield each one's name."""
    units = [BARCODE[line.sku] for line in ORDERS[RICH].lines for _ in range(line.quantity)]
    wrong = next(p for p in BATCH.products if p.sku not in {line.sku for line in ORDERS[RICH].lines})
    yield "idle"
    _scan(qtbot, window, "PKR-0002")
    _scan(qtbot, window, f"ORD-{RICH}")
    yield "opened"
    _scan(qtbot, window, units[0])
    yield "accepted"
    _scan(qtbot, window, wrong.barcodes[0])
    yield "wrong item"
    _scan(qtbot, window, ean13(999_995))
    yield "unknown barcode"
    _key(qtbot, window, Qt.Key.Key_F8)
    yield "hold question"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    _scan(qtbot, window, "CMD-REMOVED")
    yield "removed, one more to take out"
    _scan(qtbot, window, "CMD-REMOVED")
    _key(qtbot, window, Qt.Key.Key_F12)
    yield "finish refused"
    _scan(qtbot, window, units[0])
    _scan(qtbot, window, units[0])
    yield "over-scan"
    _scan(qtbot, window, "CMD-REMOVED")
    for unit in units[2:]:
        _scan(qtbot, window, unit)
    yield "complete, finishing"
    _key(qtbot, window, Qt.Key.Key_Escape)
    yield "kept open"
    _key(qtbot, window, Qt.Key.Key_F12)
    yield "shipped, next order open"
    qtbot.keyClick(window, Qt.Key.Key_F2)
    yield "queue beside the order"
    qtbot.keyClick(window, Qt.Key.Key_F2)
    opened = window.last_outcome.order
    cancelled = replace(ORDERS[opened.number], status="cancelled")
    import_batch(window.app.uow, ImportBatch(orders=(cancelled,)), "shop")
    qtbot.waitUntil(lambda: window.last_outcome.kind == "order_cancelled", timeout=15000)
    yield "cancelled by the shop"
    _scan(qtbot, window, "CMD-OK")
    yield "cancellation seen"


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(widget, text) for every text shown by a visible widget under ``root`` (and ``root``)."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        for text in _texts_of(widget):
            if text.strip():
                found.append((name, text))
    return found


def _texts_of(widget: QWidget) -> list[str]:
    if isinstance(widget, Banner):
        head, detail = widget.text().split("\n", 1)
        return [head, detail]
    if isinstance(widget, (FitText, QAbstractButton)):
        return [widget.text()]
    if isinstance(widget, RecentScans):
        return [text for text, _colour in widget.lines]
    if isinstance(widget, QMessageBox):
        return [widget.text(), widget.informativeText()]
    if isinstance(widget, QLabel):
        return [widget.text()]
    if isinstance(widget, QLineEdit):
        return [widget.text() or widget.placeholderText()]
    if isinstance(widget, QComboBox):
        return [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTableWidget):
        headers = [widget.horizontalHeaderItem(c) for c in range(widget.columnCount())]
        cells = [widget.item(r, c) for r in range(widget.rowCount()) for c in range(widget.columnCount())]
        return [item.text() for item in headers + cells if item is not None]
    return []
