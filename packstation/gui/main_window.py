"""The bench window: queue, picking list, verdict banner, recent scans, status bar."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QColor, QFont, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QPushButton, QTableWidgetItem

from packstation.domain.status import Status
from packstation.gui.forms.ui_main_window import Ui_MainWindow
from packstation.gui.messages import describe
from packstation.gui.scan_capture import ScanCapture
from packstation.gui.scan_worker import ScanWorker
from packstation.gui.widgets import Banner
from packstation.services.order_views import OrderView
from packstation.services.orders_admin import list_orders
from packstation.services.outcomes import Outcome

OPEN_STATUSES = ("new", "packing")
QUEUE_COLUMNS = ("Number", "Status", "Customer", "City", "Units", "Station")
PICK_COLUMNS = ("Bin", "SKU", "Product", "Scanned", "Required")
DONE, PARTIAL = QColor("#c8e6c9"), QColor("#fff59d")
VERDICT_LABELS = {
    "accepted": ("OK", QColor("#1b7f3b")),
    "wrong_item": ("WRONG ITEM", QColor("#c62828")),
    "over_scan": ("TOO MANY", QColor("#c62828")),
    "unknown_barcode": ("UNKNOWN", QColor("#c62828")),
    "invalid_scan": ("REJECTED", QColor("#c62828")),
    "command": ("COMMAND", QColor("#1f4e8c")),
}
HOTKEYS = (
    ("nextButton", "NEXT", "F6"),
    ("releaseButton", "RELEASE", "F7"),
    ("holdButton", "HOLD", "F8"),
    ("removedButton", "REMOVED", "F9"),
    ("finishButton", "FINISH", "F12"),
)


class MainWindow(QMainWindow):
    def __init__(self, app: Any, worker: ScanWorker, capture: ScanCapture) -> None:
        super().__init__()
        self.app, self.worker, self.capture = app, worker, capture
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.banner = Banner()
        self.ui.orderLayout.replaceWidget(self.ui.banner, self.banner)
        self.ui.banner.deleteLater()
        self.last_outcome: Outcome | None = None
        self.outcomes_shown = 0
        self._db_ok = True
        self._setup_tables()
        self._setup_actions()
        self._setup_status_bar()
        capture.scanned.connect(self.worker.scan)
        worker.outcome.connect(self.show_outcome)
        worker.database.connect(self._database_changed)
        self._filter_timer = QTimer(self, singleShot=True, interval=150, timeout=self.refresh_queue)
        self.ui.queueFilter.textChanged.connect(self._filter_timer.start)
        self.ui.statusFilter.currentIndexChanged.connect(self.refresh_queue)
        self.ui.queueTable.cellDoubleClicked.connect(self._open_row)
        self._heartbeat = QTimer(self, interval=app.config.heartbeat_seconds * 1000, timeout=self._beat)
        self._heartbeat.start()
        self._beat_pending = False
        worker.queue_loaded.connect(self.show_queue)
        # The first list is read here, before the first paint: the packer sees the queue at once.
        self.show_queue(self._query_queue("open", ""))

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
            action.triggered.connect(lambda _=False, c=command: self.worker.command(c))
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
        self._show_packer()
        self._show_db()

    # -- rendering ---------------------------------------------------------------------
    def show_outcome(self, outcome: Outcome, seq: int) -> None:
        """Paint the verdict first (the packer waits for it), then the rest of the window."""
        if outcome.kind == "queue_unavailable":
            return  # only the queue could not be read; the status bar shows the database state
        self.last_outcome = outcome
        self.outcomes_shown += 1
        headline, detail = describe(outcome.code, outcome.params)
        self.banner.show_verdict(outcome.tone, headline, detail, seq)
        self.banner.repaint()
        if outcome.kind not in ("db_unavailable",):
            self.show_order(outcome.order if outcome.order is not None else self.worker.station.view)
        self._show_packer()
        if outcome.kind in ("order_opened", "shipped", "released", "held", "order_cancelled", "refused"):
            QTimer.singleShot(0, self.refresh_queue)

    def show_order(self, view: OrderView | None) -> None:
        ui = self.ui
        if view is None:
            ui.orderHeader.setText("No order open")
            ui.pickTable.setRowCount(0)
            ui.recentList.clear()
            ui.noticeLabel.setVisible(False)
            return
        cod = f" · <b>COD {view.cod_amount} {view.currency}</b>" if view.cod_amount else ""
        state = view.state
        wrong = (
            f" · <span style='color:#c62828'><b>{state.open_mismatches} wrong unit(s) to take out</b></span>"
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
        table = ui.pickTable
        table.setRowCount(len(state.lines))
        for row, line in enumerate(state.lines):
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
        ui.recentList.clear()
        for scan in view.recent:
            label, colour = VERDICT_LABELS.get(scan.verdict, (scan.verdict, None))
            item = QListWidgetItem(f"{_local_time(scan.at)}   {label:<11} {scan.raw}")
            if colour is not None:
                item.setForeground(QBrush(colour))
            ui.recentList.addItem(item)

    def refresh_queue(self) -> None:
        """Reload the queue on the worker (never block painting on the database)."""
        wanted, text = self.ui.statusFilter.currentData(), self.ui.queueFilter.text().strip()
        self.worker.load_queue(lambda: self._query_queue(wanted, text))

    def _query_queue(self, wanted: str, text: str) -> list[dict]:
        status = OPEN_STATUSES if wanted == "open" else (wanted or None)
        return list_orders(self.app.uow, status, text, limit=500)

    def show_queue(self, rows: list[dict]) -> None:
        table = self.ui.queueTable
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for col, key in enumerate(("number", "status", "customer", "city", "units", "station")):
                table.setItem(i, col, QTableWidgetItem("" if r[key] is None else str(r[key])))
        table.resizeColumnsToContents()
        self.ui.queueTitle.setText(f"Order queue ({len(rows)})")

    def _open_row(self, row: int, _col: int) -> None:
        number = self.ui.queueTable.item(row, 0).text()
        self.worker.scan(number)

    def _show_packer(self) -> None:
        packer = self.worker.station.packer
        self.packer_label.setText(f"Packer: <b>{packer}</b>" if packer else "Packer: <i>nobody (scan badge)</i>")

    def _show_db(self) -> None:
        from sqlalchemy.engine import make_url

        url = make_url(self.app.config.db_url)
        where = (
            f"SQLite {url.database}"
            if url.get_backend_name() == "sqlite"
            else f"{url.get_backend_name()} {url.host or 'localhost'}/{url.database}"
        )
        state = "connected" if self._db_ok else "<span style='color:#c62828'><b>UNAVAILABLE</b></span>"
        self.db_label.setText(f"DB: {where} — {state}")

    def _database_changed(self, ok: bool) -> None:
        if ok == self._db_ok:
            return
        self._db_ok = ok
        self._show_db()
        # While the database is away, try every two seconds so scanning resumes by itself.
        self._heartbeat.setInterval(self.app.config.heartbeat_seconds * 1000 if ok else 2000)
        if ok:
            self.banner.show_verdict("info", *describe("storage.back", {}), self.banner.seq)
            self.worker.submit(self._reloaded)
            self.refresh_queue()

    def _reloaded(self) -> Outcome:
        """Worker job after a reconnect: re-read the open order so the screen shows what is stored."""
        return Outcome("reconnected", "info", "storage.back", {}, self.worker.station.refresh())

    def _beat(self) -> None:
        # One heartbeat in the queue at a time: a slow database must not bury scans behind them.
        if self._beat_pending:
            return
        self._beat_pending = True
        self.worker.submit(self._heartbeat_job)

    def _heartbeat_job(self) -> Outcome | None:
        try:
            return self.worker.station.heartbeat()
        finally:
            self._beat_pending = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._heartbeat.stop()
        self.capture.flush()
        self.worker.stop()
        super().closeEvent(event)


def _local_time(stamp: str) -> str:
    """``2026-11-24T05:06:23Z`` (stored UTC) as the bench's local ``HH:MM:SS``."""
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return stamp[11:19]
