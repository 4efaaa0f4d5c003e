"""The picking list: what must come out of the box, the line to scan next, the rest, then what is done.

Rows, top to bottom: every unit that must come out of the box (red, until CMD-REMOVED), the
line to scan next (highlighted, its product name and counter large), the other open lines,
and the finished lines sunk to the bottom in grey. The row just scanned flashes green and
shows "+6" for a six-pack. Drawn only from a snapshot; the row order never depends on
anything else.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEasingCurve, Qt, QVariantAnimation
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from packstation.gui.messages import MISMATCH_WORDS, t
from packstation.gui.next_action import next_line
from packstation.gui.scale import Role, Scale
from packstation.services.bench.outcome import OrderSnapshot

BIN, PRODUCT, COUNT = range(3)
FLASH_MS = 900
# (background, text) per kind of row.
ROW_COLOURS = {
    "remove": ("#c62828", "#ffffff"),
    "next": ("#ffe082", "#202124"),
    "todo": ("#ffffff", "#202124"),
    "done": ("#e0e0e0", "#5f6368"),
}
FLASH_COLOUR = QColor("#43a047")


@dataclass(frozen=True)
class Row:
    """One row as shown: its kind (remove, next, todo, done), the line it is (0 for a unit to remove) and texts."""

    kind: str
    line_id: int
    texts: tuple[str, str, str]


class PickList(QTableWidget):
    """The open order's lines; :meth:`show_order` redraws it from a snapshot."""

    def __init__(self, scale: Scale) -> None:
        super().__init__(0, 3)
        self.primary = scale.font(Role.PRIMARY, bold=True)
        self.secondary = scale.font(Role.SECONDARY)
        self.secondary_bold = scale.font(Role.SECONDARY, bold=True)
        self.rows: list[Row] = []
        self._flash_row = -1
        self._flash = QVariantAnimation(self)
        self._flash.setDuration(FLASH_MS)
        self._flash.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash.valueChanged.connect(self._flash_step)
        self._flash.finished.connect(self._flash_done)
        self._setup(scale)

    def _setup(self, scale: Scale) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(int(QFontMetricsF(self.primary).lineSpacing() * 1.3))
        header = self.horizontalHeader()
        header.setFont(self.secondary_bold)
        header.setFixedHeight(int(QFontMetricsF(self.secondary_bold).lineSpacing() * 1.35))
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, sample in ((BIN, "W-99-9"), (COUNT, "99 / 99  +6")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, int(QFontMetricsF(self.primary).horizontalAdvance(sample) + scale.mm(6)))
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Bin"), self.tr("Product"), self.tr("In the box")])

    # -- drawing ------------------------------------------------------------------------
    def show_order(self, view: OrderSnapshot | None, scanned_line: int | None = None, quantity: int = 0) -> None:
        """Redraw from ``view``; flash the row of ``scanned_line`` (``quantity`` units just counted)."""
        before = self.rows if self.rowCount() == len(self.rows) else []
        self.rows = rows_of(view)
        self._flash.stop()
        if 0 <= self._flash_row < len(before):
            before[self._flash_row] = Row("", 0, ("", "", ""))  # its colours are the flash's: draw it again
        self._flash_row = -1
        self.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            if index >= len(before) or before[index] != row:  # only what changed: a scan changes a row or two
                self._fill(index, row)
            if scanned_line is not None and row.line_id == scanned_line:
                self._flash_row = index
        if self._flash_row >= 0:
            if quantity > 1:  # a six-pack: "+6" beside the counter while the row flashes
                counter = self.item(self._flash_row, COUNT)
                if counter is not None:
                    counter.setText(f"{counter.text()}  +{quantity}")
            self._flash.stop()
            self._flash.setStartValue(FLASH_COLOUR)
            self._flash.setEndValue(QColor(ROW_COLOURS[self.rows[self._flash_row].kind][0]))
            self._flash.start()

    def _fill(self, index: int, row: Row) -> None:
        background, foreground = ROW_COLOURS[row.kind]
        for column, text in enumerate(row.texts):
            item = self.item(index, column)
            if item is None:
                item = QTableWidgetItem()
                self.setItem(index, column, item)
            item.setText(text)
            item.setBackground(QBrush(QColor(background)))
            item.setForeground(QBrush(QColor(foreground)))
            item.setFont(self._font_for(row.kind, column))
            align = Qt.AlignmentFlag.AlignCenter if column == COUNT else Qt.AlignmentFlag.AlignLeft
            item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)

    def _font_for(self, kind: str, column: int) -> QFont:
        if column == COUNT or kind in ("next", "remove"):
            return self.primary  # counters and the line to act on now: 30′
        return self.secondary_bold if kind == "todo" else self.secondary

    def _flash_step(self, colour: object) -> None:
        if 0 <= self._flash_row < self.rowCount() and isinstance(colour, QColor):
            for column in range(self.columnCount()):
                item = self.item(self._flash_row, column)
                if item is not None:
                    item.setBackground(QBrush(colour))

    def _flash_done(self) -> None:
        if 0 <= self._flash_row < len(self.rows):
            self._fill(self._flash_row, self.rows[self._flash_row])  # its own colour back, the "+6" gone
        self._flash_row = -1

    @property
    def flashing_row(self) -> int:
        """The row flashing now (-1: none)."""
        return self._flash_row if self._flash.state() == QVariantAnimation.State.Running else -1

    def shown_counts(self) -> dict[int, int]:
        """line id -> the count the list shows for it."""
        return {
            row.line_id: int(row.texts[COUNT].split("/")[0].strip().lstrip("✓").strip())
            for row in self.rows
            if row.line_id
        }


def rows_of(view: OrderSnapshot | None) -> list[Row]:
    """The rows for ``view`` in their order (pure, for the list and its tests)."""
    if view is None:
        return []
    take_out = QCoreApplication.translate("PickList", "take out")
    rows = [
        Row("remove", 0, ("✕", f"{m.name or m.code} · {t(MISMATCH_WORDS.get(m.kind, m.kind))}", take_out))
        for m in view.mismatches
    ]
    first = next_line(view)
    todo = [line for line in view.lines if not line.complete and line is not first]
    done = [line for line in view.lines if line.complete]
    for kind, lines in (("next", [first] if first else []), ("todo", todo), ("done", done)):
        for line in lines:
            tick = "✓ " if kind == "done" else ""
            texts = (
                line.bin_location,
                f"{line.name} · {line.sku}",
                f"{tick}{line.scanned} / {line.required}",
            )
            rows.append(Row(kind, line.line_id, texts))
    return rows
