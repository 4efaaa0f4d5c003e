"""The order queue beside the open order: filter, status names in words, the open order always in it.

The filter matches number, customer and city without regard to case or accents ("lodz" finds
"Łódź": ``domain.search``, done by the repositories); Enter opens the only order it shows;
the order open at this bench stays in the list (pinned first) whatever the filter says.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFontMetricsF
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem

from packstation.domain.orders import QueuePage, QueueRow
from packstation.domain.status import OPENABLE, Status
from packstation.gui.messages import STATUS_NAMES, TONE_COLOURS, status_name
from packstation.gui.scale import Role, Scale
from packstation.gui.widgets import FitText
from packstation.services.bench.outcome import OrderSnapshot, Tone

NUMBER, CUSTOMER, CITY, UNITS, STATUS = range(5)
OPEN_HERE = QColor("#ffe082")
ORPHANED = QColor(TONE_COLOURS[Tone.BAD][0])
FILTER_DELAY_MS = 150


def queue_statuses(wanted: str) -> tuple[Status, ...]:
    """The statuses behind the status filter's choice ("open", "" for all, or one status)."""
    if wanted == "open":
        return tuple(sorted(OPENABLE))
    return (Status(wanted),) if wanted else ()


def pinned(rows: tuple[QueueRow, ...], view: OrderSnapshot | None, station: str) -> tuple[QueueRow, ...]:
    """``rows`` with the order open here first (added if the filter left it out)."""
    if view is None:
        return rows
    mine = [row for row in rows if row.number == view.number]
    others = tuple(row for row in rows if row.number != view.number)
    if not mine:
        units = view.state.units_required
        mine = [QueueRow(view.number, Status(view.status), view.customer_name, view.city, units, station, view.carrier)]
    return (mine[0], *others)


class QueuePanel(QObject):
    """Drives the queue widgets of the window. ``load(query)`` asks the worker; ``show(rows)`` draws."""

    def __init__(
        self,
        scale: Scale,
        title: FitText,
        text: QLineEdit,
        status: QComboBox,
        table: QTableWidget,
        open_order: Callable[[str], object],
        load: Callable[[tuple[Status, ...], str], object],
    ) -> None:
        super().__init__(table)
        self.title, self.filter, self.status, self.table = title, text, status, table
        self._open_order, self._load = open_order, load
        self.view: OrderSnapshot | None = None
        self.station = ""
        self.rows: tuple[QueueRow, ...] = ()
        self._count = 0  # orders matching in all (the list may show the first 500)
        self._stuck = 0  # of those shown, packing at a bench that went silent
        font = scale.font(Role.SECONDARY)
        for widget in (text, status, table, table.horizontalHeader()):
            widget.setFont(font)
        text.setMinimumHeight(scale.mm(9))
        status.setMinimumHeight(scale.mm(9))
        status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        status.setMinimumContentsLength(8)
        table.verticalHeader().setDefaultSectionSize(int(QFontMetricsF(font).lineSpacing() * 1.25))
        table.horizontalHeader().setFixedHeight(int(QFontMetricsF(font).lineSpacing() * 1.35))
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # columns fit; names elide
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        text.textChanged.connect(self._timer.start)
        text.returnPressed.connect(self.open_single_match)
        status.currentIndexChanged.connect(self.refresh)
        table.cellDoubleClicked.connect(lambda row, _col: self._open_row(row))
        self.retranslate()

    def retranslate(self) -> None:
        headers = (self.tr("Number"), self.tr("Customer"), self.tr("City"), self.tr("Units"), self.tr("Status"))
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.horizontalHeader().setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Stretch)
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("Waiting and packing"), "open")
        self.status.addItem(self.tr("Every order"), "")
        for value in STATUS_NAMES:
            self.status.addItem(status_name(value), value)
        index = self.status.findData(current)
        self.status.setCurrentIndex(max(index, 0))
        self.status.blockSignals(False)
        self._title()

    def refresh(self) -> None:
        self._load(queue_statuses(self.status.currentData() or ""), self.filter.text().strip())

    def set_order(self, view: OrderSnapshot | None) -> None:
        """The order open at this bench (pinned in the list)."""
        if (view is None) != (self.view is None) or (view and self.view and view.number != self.view.number):
            self.view = view
            self.show(QueuePage(self.rows, self._count))
        self.view = view

    def show(self, page: QueuePage) -> None:
        rows = self.rows = page.rows
        shown = pinned(rows, self.view, self.station)
        table = self.table
        table.setRowCount(len(shown))
        for i, row in enumerate(shown):
            here = self.view is not None and row.number == self.view.number
            status = status_name(str(row.status))
            if row.claim_expired:  # an orphaned order: the next NEXT takes it first, with its scans
                status = self.tr("{status} · bench silent, {scanned}/{units} in").format(
                    status=status, scanned=row.scanned, units=row.units
                )
            if row.expedited:  # a supervisor pushed it to the front
                status = "⚑ " + self.tr("{status}, expedited").format(status=status)
            cells = (row.number, row.customer, row.city, str(row.units), status)
            for col, value in enumerate(cells):
                item = table.item(i, col)
                if item is None:
                    item = QTableWidgetItem()
                    table.setItem(i, col, item)
                item.setText(value)
                item.setBackground(QBrush(OPEN_HERE) if here else QBrush())
                item.setForeground(QBrush(ORPHANED) if row.claim_expired else QBrush())
                if col == UNITS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for col in (NUMBER, CITY, UNITS, STATUS):
            table.resizeColumnToContents(col)
        self._count = page.total
        self._stuck = sum(row.claim_expired for row in rows)
        self._title()

    def _title(self) -> None:
        title = self.tr("Queue: %n order(s)", "", self._count)
        if self._stuck:
            title += " · " + self.tr("%n waiting to resume", "", self._stuck)
        self.title.setText(title)

    def open_single_match(self) -> None:
        """Enter in the filter: open the order if the filter shows just one (other than the open one)."""
        others = [row for row in self.rows if self.view is None or row.number != self.view.number]
        if len(others) == 1:
            self._open_order(others[0].number)

    def _open_row(self, row: int) -> None:
        item = self.table.item(row, NUMBER)
        if item is not None:
            self._open_order(item.text())
