"""The supervisors' screens on the bench window: the PIN dialog after a supervisor's badge, the panel (F11)
and a unit confirmed by hand (Ctrl+M). Everything goes through the worker as bench commands."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow

from packstation.bootstrap import App
from packstation.gui.messages import describe
from packstation.gui.scan_worker import ScanWorker
from packstation.gui.supervisor.dialogs import ManualDialog
from packstation.gui.supervisor.panel import SupervisorPanel
from packstation.gui.supervisor.pin_dialog import PinDialog
from packstation.services.bench.commands import CancelPin, EnterPin, ManualConfirm
from packstation.services.bench.outcome import Outcome, OutcomeKind

PANEL_KEY = "F11"
MANUAL_KEY = "Ctrl+M"
# Outcomes after which the held orders and the queue are read again.
CHANGES_ORDERS = frozenset({OutcomeKind.SUPERVISOR_ACTION, OutcomeKind.ORDER_OPENED, OutcomeKind.HELD})


class SupervisorTools(QObject):
    """Listens to the worker's outcomes: a supervisor's badge opens the PIN dialog, the PIN the panel."""

    def __init__(self, window: QMainWindow, worker: ScanWorker, app: App) -> None:
        super().__init__(window)
        self.window, self.worker, self.app = window, worker, app
        self.last: Outcome | None = None
        self.pin_dialog: PinDialog | None = None
        self.panel: SupervisorPanel | None = None
        self.manual_dialog: ManualDialog | None = None
        worker.outcome.connect(self._outcome)
        for key, words, slot in ((PANEL_KEY, self.tr("Supervisor panel"), self.open_panel),
                                 (MANUAL_KEY, self.tr("Confirm a unit by hand"), self.confirm_by_hand)):  # fmt: skip
            action = QAction(words, window, shortcut=QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(slot)
            window.addAction(action)

    def _outcome(self, outcome: Outcome, _seq: int) -> None:
        self.last = outcome
        if outcome.kind is OutcomeKind.PIN_REQUIRED:
            self.ask_pin(str(outcome.params.get("name", "")))
        elif outcome.code == "auth.wrong_pin":
            self.ask_pin(str(outcome.params.get("name", "")), " — ".join(describe(outcome.code, outcome.params)))
        elif outcome.kind is OutcomeKind.SUPERVISOR_IN:
            self.open_panel()
        if self.panel is not None:
            if outcome.supervisor is None and outcome.kind is OutcomeKind.LOGOUT:
                self.panel.close()  # the supervisor left, or the bench logged everybody out
            else:
                self.panel.show_outcome(outcome)
                if outcome.kind in CHANGES_ORDERS:
                    self.panel.refresh()
        if outcome.kind is OutcomeKind.SUPERVISOR_ACTION:
            refresh = getattr(self.window, "refresh_queue", None)
            if refresh is not None:
                refresh()

    def ask_pin(self, name: str, problem: str = "") -> PinDialog:
        """The PIN dialog (window-modal, not blocking: scans keep flowing to the bench behind it)."""
        if self.pin_dialog is not None:
            self.pin_dialog.close()
        dialog = PinDialog(name, problem, self.window)
        dialog.accepted.connect(lambda: self.worker.submit(EnterPin(dialog.pin())))
        dialog.rejected.connect(lambda: self.worker.submit(CancelPin()))
        dialog.finished.connect(lambda _result: setattr(self, "pin_dialog", None))
        self.pin_dialog = dialog
        dialog.open()
        return dialog

    def open_panel(self) -> SupervisorPanel:
        if self.panel is None:
            self.panel = SupervisorPanel(self.app, self.worker, self.window)
            self.panel.finished.connect(lambda _result: setattr(self, "panel", None))
        if self.last is not None:
            self.panel.show_outcome(self.last)
        self.panel.show()
        self.panel.raise_()
        return self.panel

    def confirm_by_hand(self) -> ManualDialog | None:
        """Pick the open order's line whose unit will not scan."""
        order = self.last.order if self.last is not None else None
        if order is None:
            return None
        dialog = ManualDialog(order, self.window)

        def chosen(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.sku():
                self.worker.submit(ManualConfirm(dialog.sku()))

        dialog.finished.connect(chosen)
        self.manual_dialog = dialog
        dialog.open()
        return dialog


def install_supervisor_tools(window: QMainWindow, worker: ScanWorker, app: App) -> SupervisorTools:
    return SupervisorTools(window, worker, app)
