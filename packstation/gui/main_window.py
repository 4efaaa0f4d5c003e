"""The bench window: queue, picking list, verdict banner, recent scans, status bar."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QColor, QFont, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QPushButton, QTableWidgetItem
from sqlalchemy.engine import make_url

from packstation.bootstrap import App
from packstation.domain.orders import QueuePage
from packstation.domain.status import OPENABLE, Status
from packstation.gui.forms.ui_main_window import Ui_MainWindow
from packstation.gui.messages import TONE_COLOURS, describe, short_label, verdict_tone
from packstation.gui.scan_capture import ScanCapture
from packstation.gui.scan_worker import QueueQuery, ScanWorker
from packstation.gui.widgets import Banner
from packstation.services.bench.commands import (
    Command,
    ConfirmRemoved,
    Finish,
    Hold,
    NextOrder,
    OpenOrder,
    Release,
    Scan,
)
from packstation.services.bench.outcome import OrderSnapshot, Outcome, OutcomeKind, Tone
from packstation.services.orders_admin import list_orders

QUEUE_COLUMNS = ("Number", "Status", "Customer", "City", "Units", "Station")
PICK_COLUMNS = ("Bin", "SKU", "Product", "Scanned", "Required")
DONE, PARTIAL = QColor("#c8e6c9"), QColor("#fff59d")
HOTKEYS: tuple[tuple[str, Command, str], ...] = (
    ("nextButton", NextOrder(), "F6"),
    ("releaseButton", Release(), "F7"),
    ("holdButton", Hold(), "F8"),
    ("removedButton", ConfirmRemoved(), "F9"),
    ("finishButton", Finish(), "F12"),
)
# Outcomes after which the queue panel is re-read (an order changed hands or status).
QUEUE_CHANGING = frozenset(
    {
        OutcomeKind.ORDER_OPENED,
        OutcomeKind.SHIPPED,
        OutcomeKind.RELEASED,
        OutcomeKind.HELD,
        OutcomeKind.ORDER_CANCELLED,
        OutcomeKind.REFUSED,
    }
)


def queue_statuses(wanted: str) -> tuple[Status, ...]:
    """The statuses behind the queue filter's choice ("open", "" for all, or one status)."""
    if wanted == "open":
        return tuple(sorted(OPENABLE))
    return (Status(wanted),) if wanted else ()


class MainWindow(QMainWindow):
    """The bench window. It draws only what outcomes carry and never touches the worker's objects."""

    def __init__(self, app: App, worker: ScanWorker, capture: ScanCapture) -> None:
        super().__init__()
        self.app, self.worker, self.capture = app, worker, capture
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.banner = Banner()
        self.ui.orderLayout.replaceWidget(self.ui.banner, self.banner)
        self.ui.banner.deleteLater()
        self.last_outcome: Outcome | None = None
        self.outcomes_shown = 0
        # Which outcome the banner and the picking list were last drawn from (they must agree).
        self.banner_seq = self.order_seq = 0
        self._db_ok = True
        self._setup_tables()
        self._setup_actions()
        self._setup_status_bar()
        capture.scanned.connect(self._scanned)
        worker.outcome.connect(self.show_outcome)
        worker.database.connect(self._database_changed)
        worker.queue_loaded.connect(self.show_queue)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self.refresh_queue)
        self.ui.queueFilter.textChanged.connect(self._filter_timer.start)
        self.ui.statusFilter.currentIndexChanged.connect(self.refresh_queue)
        self.ui.queueTable.cellDoubleClicked.connect(self._open_row)
        # The first list is read here, before the first paint, so the packer sees the queue at once;
        # later reads run on the worker.
        self.show_queue(list_orders(app.uow, queue_statuses("open"), "", 500, 0, app.config.claim_ttl_seconds))

    # -- set-up ------------------------------------------------------------------------
    def _setup_tables(self) -> None:
        q = self.ui.queueTable
        q.setColumnCount(len(QUEUE_COLUMNS))
        q.setHorizontalHeaderLabels(QUEUE_COLUMNS)
        self.ui.statusFilter.addItem("open (new + packing)", "open")
        self.ui.statusFilter.addItem("all", "")
        for status in Status:
            self.ui.statusFilter.addItem(status.value, status.value)
        p = self.ui.pickTable
        p.setColumnCount(len(PICK_COLUMNS))
        p.setHorizontalHeaderLabels(PICK_COLUMNS)
        header = p.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, header.ResizeMode.Stretch)
        p.setFont(QFont(p.font().family(), 14))
        p.verticalHeader().setDefaultSectionSize(40)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(11)
        self.ui.recentList.setFont(mono)
        self.ui.splitter.setSizes([500, 780])

    def _setup_actions(self) -> None:
        for button_name, command, key in HOTKEYS:
            button: QPushButton = getattr(self.ui, button_name)
            # Buttons never take focus: a scanner's Enter can then never press one.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            button.setMinimumHeight(48)
            action = QAction(button.text(), self, shortcut=QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(lambda _=False, c=command: self.worker.submit(c))
            self.addAction(action)
            button.clicked.connect(action.trigger)
        self.ui.finishButton.setStyleSheet("font-weight:bold;")
        find = QAction("Filter", self, shortcut=QKeySequence("Ctrl+F"))
        find.triggered.connect(self.ui.queueFilter.setFocus)
        self.addAction(find)

    def _setup_status_bar(self) -> None:
        self.station_label, self.packer_label, self.db_label = QLabel(), QLabel(), QLabel()
        for label in (self.station_label, self.packer_label, self.db_label):
            self.ui.statusbar.addPermanentWidget(label)
        self.station_label.setText(f"Station: <b>{self.app.config.station}</b>")
        self._show_packer(None)
        self._show_db()

    def _scanned(self, raw: str) -> None:
        self.worker.submit(Scan(raw))

    # -- rendering ---------------------------------------------------------------------
    def show_outcome(self, outcome: Outcome, seq: int) -> None:
        """Draw one outcome: the picking list's data first, then the verdict painted at once.

        Both come from the same frozen outcome, so the banner never shows a later or
        earlier moment than the list beside it.
        """
        self.last_outcome = outcome
        self.outcomes_shown += 1
        self.show_order(outcome.order, seq)
        headline, detail = describe(outcome.code, outcome.params)
        self.banner_seq = seq
        self.banner.show_verdict(outcome.tone, headline, detail, seq)
        self.banner.repaint()  # the packer waits for this; the rest paints in the next pass
        self._show_packer(outcome.packer)
        if outcome.kind in QUEUE_CHANGING:
            QTimer.singleShot(0, self.refresh_queue)

    def show_order(self, view: OrderSnapshot | None, seq: int = 0) -> None:
        self.order_seq = seq
        ui = self.ui
        if view is None:
            ui.orderHeader.setText("No order open")
            ui.pickTable.setRowCount(0)
            ui.recentList.clear()
            ui.noticeLabel.setVisible(False)
            return
        cod = f" · <b>COD {view.cod_amount} {view.currency}</b>" if view.cod_amount else ""
        state = view.state
        bad = TONE_COLOURS[Tone.BAD][0]
        wrong = (
            f" · <span style='color:{bad}'><b>{state.open_mismatches} wrong unit(s) to take out</b></span>"
            if state.open_mismatches
            else ""
        )
        ui.orderHeader.setText(
            f"<b>{view.number}</b> — {view.customer_name}, {view.city} · {view.carrier} {view.service}{cod}"
            f" · {state.units_scanned}/{state.units_required} units{wrong}"
        )
        notices = [f"Shop change: {c}" for c in view.changes] + ([f"Note: {view.notes}"] if view.notes else [])
        ui.noticeLabel.setText("\n".join(notices))
        ui.noticeLabel.setVisible(bool(notices))
        self._fill_pick_table(view)
        ui.recentList.clear()
        for scan in view.recent:
            label = short_label(scan.message_code, scan.verdict)
            item = QListWidgetItem(f"{_local_time(scan.at)}   {label:<11} {scan.raw}")
            item.setForeground(QBrush(QColor(TONE_COLOURS[verdict_tone(scan.verdict)][0])))
            ui.recentList.addItem(item)

    def _fill_pick_table(self, view: OrderSnapshot) -> None:
        table = self.ui.pickTable
        table.setRowCount(len(view.lines))
        for row, line in enumerate(view.lines):
            values = (line.bin_location, line.sku, line.name, str(line.scanned), str(line.required))
            colour = DONE if line.complete else PARTIAL if line.scanned else None
            for col, value in enumerate(values):
                item = table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    table.setItem(row, col, item)
                item.setText(value)
                item.setBackground(QBrush(colour) if colour else QBrush())
                if col >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(1)

    def refresh_queue(self) -> None:
        """Reload the queue on the worker (never block painting on the database)."""
        wanted, text = self.ui.statusFilter.currentData(), self.ui.queueFilter.text().strip()
        self.worker.submit(QueueQuery(queue_statuses(wanted), text))

    def show_queue(self, page: QueuePage) -> None:
        table = self.ui.queueTable
        rows = page.rows
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            station = f"{r.station or '—'} silent · resumes at {r.scanned}/{r.units}" if r.claim_expired else r.station
            status = f"{r.status} ⚑ expedited" if r.expedited else r.status  # a supervisor pushed it to the front
            for col, value in enumerate((r.number, status, r.customer, r.city, r.units, station)):
                item = QTableWidgetItem("" if value is None else str(value))
                if r.claim_expired:  # an orphaned order: the next NEXT takes it first
                    item.setForeground(QBrush(QColor(TONE_COLOURS[Tone.BAD][0])))
                table.setItem(i, col, item)
        table.resizeColumnsToContents()
        shown = f"{len(rows)} of {page.total}" if page.total > len(rows) else f"{page.total}"
        stuck = sum(r.claim_expired for r in rows)
        self.ui.queueTitle.setText(f"Order queue ({shown})" + (f" · {stuck} waiting to resume" if stuck else ""))

    def _open_row(self, row: int, _col: int) -> None:
        item = self.ui.queueTable.item(row, 0)
        if item is not None:
            self.worker.submit(OpenOrder(item.text()))

    def _show_packer(self, packer: str | None) -> None:
        self.packer_label.setText(f"Packer: <b>{packer}</b>" if packer else "Packer: <i>nobody (scan badge)</i>")

    def _show_db(self) -> None:
        url = make_url(self.app.config.db_url)
        where = (
            f"SQLite {url.database}"
            if url.get_backend_name() == "sqlite"
            else f"{url.get_backend_name()} {url.host or 'localhost'}/{url.database}"
        )
        bad = TONE_COLOURS[Tone.BAD][0]
        state = "connected" if self._db_ok else f"<span style='color:{bad}'><b>UNAVAILABLE</b></span>"
        self.db_label.setText(f"DB: {where} — {state}")

    def _database_changed(self, ok: bool) -> None:
        self._db_ok = ok
        self._show_db()
        if ok:
            self.refresh_queue()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.capture.flush()
        self.worker.stop()
        super().closeEvent(event)


def _local_time(stamp: str) -> str:
    """``2026-11-24T05:06:23Z`` (stored UTC) as the bench's local ``HH:MM:SS``."""
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return stamp[11:19]
