"""The supervisor panel: held orders and what to do with them, any order by number, this bench's open
order, and the reports. Every button sends a bench command to the worker: the services decide whether the
supervisor at this bench may, and the outcome comes back on the panel's status line.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from packstation.bootstrap import App
from packstation.domain.supervision import HeldOrder
from packstation.gui.messages import TONE_COLOURS, describe
from packstation.gui.scan_worker import ScanWorker
from packstation.gui.supervisor.audit_view import AuditTrailDialog
from packstation.gui.supervisor.background import Background
from packstation.gui.supervisor.dialogs import CancelDialog, ReasonDialog
from packstation.gui.supervisor.mismatch_window import MismatchReportWindow
from packstation.gui.supervisor.stats_window import PackerStatsWindow
from packstation.services import supervision
from packstation.services.bench.commands import (
    ApprovePartial,
    Command,
    EndSupervision,
    Expedite,
    OverrideMismatch,
    OverrideWeight,
    ReleaseHeld,
    Reopen,
)
from packstation.services.bench.outcome import Outcome


class SupervisorPanel(QDialog):
    """Non-modal: the bench keeps scanning behind it. ``sent`` carries each command submitted."""

    sent = Signal(object)

    def __init__(self, app: App, worker: ScanWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.worker = app, worker
        self.held: tuple[HeldOrder, ...] = ()
        self.windows: list[QWidget] = []
        self.setWindowTitle(self.tr("Supervisor"))
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        self.who = QLabel(self.tr("Scan your supervisor badge, then type your PIN."))
        layout.addWidget(self.who)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        tabs = QTabWidget()
        tabs.addTab(self._held_tab(), self.tr("Held orders"))
        tabs.addTab(self._order_tab(), self.tr("Any order"))
        tabs.addTab(self._bench_tab(), self.tr("This bench"))
        layout.addWidget(tabs)
        bottom = QHBoxLayout()
        for text, slot in ((self.tr("Mismatch report…"), self.open_mismatch_report),
                           (self.tr("Packer statistics…"), self.open_statistics),
                           (self.tr("Done (supervisor leaves)"), self.done_here)):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            bottom.addWidget(button)
        layout.addLayout(bottom)
        self._background = Background(self)
        self._background.done.connect(self._held_loaded)
        self._background.failed.connect(lambda _token, message: self.status.setText(message))
        self.refresh()

    # -- layout ------------------------------------------------------------------------
    def _held_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.held_table = QTableWidget(0, 8)
        self.held_table.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Customer"), self.tr("City"),
                                                   self.tr("Packed"), self.tr("Reason"), self.tr("Held by"),
                                                   self.tr("Station"), self.tr("Since")])  # fmt: skip
        self.held_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.held_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.held_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.held_table)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Back to the queue"), lambda: self.release(False)),
                           (self.tr("Pack here now"), lambda: self.release(True)),
                           (self.tr("Ship without the missing units…"), self.approve_partial),
                           (self.tr("Cancel…"), lambda: self.cancel(self.selected_held())),
                           (self.tr("Audit trail…"), lambda: self.audit(self.selected_held())),
                           (self.tr("Refresh"), self.refresh)):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return page

    def _order_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(QLabel(self.tr("Order number")), 0, 0)
        self.number = QLineEdit()
        grid.addWidget(self.number, 0, 1, 1, 3)
        actions = ((self.tr("Expedite (front of the queue)"), lambda: self.expedite(True)),
                   (self.tr("Back to its place in the queue"), lambda: self.expedite(False)),
                   (self.tr("Reopen (finished by mistake)…"), self.reopen),
                   (self.tr("Cancel…"), lambda: self.cancel(self.number.text().strip())),
                   (self.tr("Audit trail…"), lambda: self.audit(self.number.text().strip())))  # fmt: skip
        for i, (text, slot) in enumerate(actions):
            button = QPushButton(text)
            button.clicked.connect(slot)
            grid.addWidget(button, 1 + i // 3, i % 3)
        grid.setRowStretch(4, 1)
        return page

    def _bench_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("For the order open at this bench, when the packer cannot clear it:")))
        for text, slot in ((self.tr("Accept the oldest wrong unit (it stays in the box)…"), self.override_mismatch),
                           (self.tr("Accept the weight the scale gave…"), self.override_weight)):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    # -- what the bench says -----------------------------------------------------------
    def show_outcome(self, outcome: Outcome) -> None:
        """The supervisor at the bench, and the latest answer to what the panel asked."""
        if outcome.supervisor:
            self.who.setText(self.tr("Supervisor: <b>{name}</b> · packer: {packer}").format(
                name=outcome.supervisor, packer=outcome.packer or "—"))  # fmt: skip
        headline, detail = describe(outcome.code, outcome.params)
        colour = TONE_COLOURS.get(outcome.tone, TONE_COLOURS["idle"])[0]
        self.status.setText(f"<span style='color:{colour}'><b>{headline}</b></span> {detail}")

    def refresh(self) -> None:
        self._background.run("held", lambda: supervision.held_orders(self.app.uow))

    def _held_loaded(self, _token: object, held: tuple[HeldOrder, ...]) -> None:
        self.held = held
        table = self.held_table
        table.setRowCount(len(held))
        zone = self.app.config.zone
        for row, h in enumerate(held):
            since = "" if h.held_at is None else h.held_at.replace(tzinfo=UTC).astimezone(zone).strftime("%d.%m %H:%M")
            values = (h.number + (" ⚑" if h.expedited else ""), h.customer, h.city, f"{h.scanned}/{h.units}",
                      h.reason, h.held_by, h.station, since)  # fmt: skip
            for col, value in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        if held and not table.selectedItems():
            table.selectRow(0)

    def selected_held(self) -> str:
        row = self.held_table.currentRow()
        return self.held[row].number if 0 <= row < len(self.held) else ""

    # -- actions (each one bench command) ------------------------------------------------
    def submit(self, command: Command) -> None:
        self.worker.submit(command)
        self.sent.emit(command)

    def ask_reason(self, title: str, question: str) -> str | None:
        dialog = ReasonDialog(title, question, self)
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def release(self, to_packing: bool) -> None:
        number = self.selected_held()
        if number:
            self.submit(ReleaseHeld(number, to_packing))

    def approve_partial(self) -> None:
        number = self.selected_held()
        if not number:
            return
        question = self.tr("Why may {number} ship without the missing units?").format(number=number)
        reason = self.ask_reason(self.tr("Partial shipment"), question)
        if reason is not None:
            self.submit(ApprovePartial(number, reason))

    def cancel(self, number: str) -> None:
        if not number:
            return
        dialog = CancelDialog(number, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.submit(dialog.command())

    def expedite(self, on: bool) -> None:
        number = self.number.text().strip()
        if number:
            self.submit(Expedite(number, on))

    def reopen(self) -> None:
        number = self.number.text().strip()
        if not number:
            return
        question = self.tr("Why reopen {number}? Its tracking number will be void.").format(number=number)
        reason = self.ask_reason(self.tr("Reopen"), question)
        if reason is not None:
            self.submit(Reopen(number, reason))

    def override_mismatch(self) -> None:
        reason = self.ask_reason(self.tr("Accept a wrong unit"), self.tr("Why may it stay in the box?"))
        if reason is not None:
            self.submit(OverrideMismatch(reason))

    def override_weight(self) -> None:
        reason = self.ask_reason(self.tr("Accept the weight"), self.tr("Why is the weight right?"))
        if reason is not None:
            self.submit(OverrideWeight(reason))

    def audit(self, number: str) -> AuditTrailDialog | None:
        if not number:
            return None
        dialog = AuditTrailDialog(self.app, number, self)
        dialog.show()
        return dialog

    def open_mismatch_report(self) -> MismatchReportWindow:
        window = MismatchReportWindow(self.app)
        self.windows.append(window)
        window.show()
        return window

    def open_statistics(self) -> PackerStatsWindow:
        window = PackerStatsWindow(self.app)
        self.windows.append(window)
        window.show()
        return window

    def done_here(self) -> None:
        self.submit(EndSupervision())
        self.close()
