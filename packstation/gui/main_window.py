"""The bench window: the open order is the screen; the queue fills it while no order is open (F2 beside one).

It draws only what outcomes carry and never touches the worker's objects. Top to bottom:
the order and who is packing, the verdict banner, the one line saying what to do now, cash on
delivery and the order's note, then the picking list beside the product to scan next (or
instead a shop's change to acknowledge, or the hold reasons: ``order_view``), and the buttons
with their keys.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton
from sqlalchemy.engine import make_url

from packstation.bootstrap import App
from packstation.domain.orders import QueuePage
from packstation.gui import screen_parts
from packstation.gui.forms.ui_main_window import Ui_MainWindow
from packstation.gui.i18n import Translations
from packstation.gui.messages import TEXTS, describe, render
from packstation.gui.next_action import ScreenState, finishing_after, next_action
from packstation.gui.order_side import OrderSide
from packstation.gui.order_view import STOP, OrderView
from packstation.gui.pictures import PictureCache
from packstation.gui.queue_panel import QueuePanel, queue_statuses
from packstation.gui.scale import Scale
from packstation.gui.scan_capture import ScanCapture
from packstation.gui.scan_worker import QueueQuery, ScanWorker
from packstation.gui.sound import Sounds
from packstation.services.bench.commands import (
    HOLD_REASONS,
    Command,
    ConfirmRemoved,
    Finish,
    Hold,
    NextOrder,
    OpenOrder,
    Release,
    Scan,
    Undo,
)
from packstation.services.bench.outcome import OrderSnapshot, Outcome, OutcomeKind
from packstation.services.orders_admin import list_orders

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


class MainWindow(QMainWindow):
    """The bench window. It draws only what outcomes carry and never touches the worker's objects."""

    def __init__(
        self,
        app: App,
        worker: ScanWorker,
        capture: ScanCapture,
        scale: Scale | None = None,
        sounds: Sounds | None = None,
        pictures: PictureCache | None = None,
        translations: Translations | None = None,
    ) -> None:
        super().__init__()
        self.app, self.worker, self.capture = app, worker, capture
        self.scale = scale or Scale.for_screen(self.screen())
        self.sounds = sounds or Sounds(enabled=False)
        self.pictures = pictures or PictureCache(self)
        self.translations = translations
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.side = OrderSide(self.scale, self.pictures)
        self.parts = screen_parts.build(self.ui, self.scale, self.side)
        self.order_view = OrderView(self.ui, self.parts)
        self.ui.central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ui.bodyLayout.setStretch(0, 1)  # the queue beside an order: a quarter of the width
        self.ui.bodyLayout.setStretch(1, 3)
        self.banner = self.parts.banner
        self.last_outcome: Outcome | None = None
        self.view: OrderSnapshot | None = None
        self.outcomes_shown = 0
        # Which outcome the banner and the picking list were last drawn from (they must agree).
        self.banner_seq = self.order_seq = 0
        self.screen_state = ScreenState()
        self._last_verdict: tuple[object, ...] = ()
        self._repeat = 0
        self._queue_wanted: bool | None = None  # None: by the window's width
        self.queue = QueuePanel(
            self.scale, self.parts.queue_title, self.ui.queueFilter, self.ui.statusFilter, self.ui.queueTable,
            lambda number: self.worker.submit(OpenOrder(number)),
            lambda statuses, text: self.worker.submit(QueueQuery(statuses, text)),
        )  # fmt: skip
        self.queue.station = app.config.station
        self._setup_actions()
        capture.scanned.connect(self._scanned)
        worker.outcome.connect(self.show_outcome)
        worker.database.connect(self._database_changed)
        worker.queue_loaded.connect(self.show_queue)
        self.banner.painted.connect(self._first_paint)
        self.ui.holdPage.installEventFilter(self)
        self.banner.show_verdict("idle", *render(TEXTS["idle"], {}), 0)
        self.show_order(None)
        # The first list is read here, before the first paint, so the packer sees the queue at once;
        # later reads run on the worker.
        self.show_queue(list_orders(app.uow, queue_statuses("open"), "", 500, 0, app.config.claim_ttl_seconds))

    # -- set-up ------------------------------------------------------------------------
    def _setup_actions(self) -> None:
        for button_name, command, key in HOTKEYS:
            self._action(button_name, key, lambda _=False, c=command: self.worker.submit(c))
        self._action("undoButton", "Esc", self.undo)
        self._action("queueButton", "F2", self.toggle_queue)
        find = QAction(self, shortcut=QKeySequence("Ctrl+F"))
        find.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        find.triggered.connect(self.find_in_queue)
        self.addAction(find)
        for reason, button in self.parts.hold_buttons.items():
            button.clicked.connect(lambda _=False, r=reason: self.hold(r))

    def _action(self, button_name: str, key: str, slot: object) -> None:
        button: QPushButton = getattr(self.ui, button_name)
        action = QAction(self, shortcut=QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        button.clicked.connect(action.trigger)

    def _first_paint(self) -> None:
        self.banner.painted.disconnect(self._first_paint)
        QTimer.singleShot(250, self.sounds.load)  # after the first paint: start-up never waits for audio

    def _scanned(self, raw: str) -> None:
        self.worker.submit(Scan(raw))

    # -- what the packer does besides scanning -----------------------------------------------
    def undo(self) -> None:
        """Esc: close the hold question, else keep a finishing order open or take the last scan back."""
        if self.screen_state.choosing_hold_reason:
            self._hold_question(False)
            return
        self.worker.submit(Undo())

    def hold(self, reason: str) -> None:
        self._hold_question(False)
        self.worker.submit(Hold(reason))

    def toggle_queue(self) -> None:
        self._queue_wanted = not self.ui.queuePane.isVisible()
        self._place_queue()

    def find_in_queue(self) -> None:
        self._queue_wanted = True
        self._place_queue()
        self.ui.queueFilter.setFocus()
        self.ui.queueFilter.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Keys 1 to 4 on the hold question pick its reason."""
        if watched is self.ui.holdPage and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            index = event.key() - int(Qt.Key.Key_1)
            if 0 <= index < len(HOLD_REASONS):
                self.hold(HOLD_REASONS[index])
                return True
        return super().eventFilter(watched, event)

    # -- rendering ---------------------------------------------------------------------
    def show_outcome(self, outcome: Outcome, seq: int) -> None:
        """Draw one outcome: the picking list's data first, then the verdict painted at once.

        Both come from the same frozen outcome, so the banner never shows a later or
        earlier moment than the list beside it.
        """
        same = (outcome.kind, outcome.code, tuple(sorted(outcome.params.items())))
        # The same verdict again (F12 pressed twice): counted on the banner, so the packer sees the key registered.
        self._repeat = self._repeat + 1 if same == self._last_verdict else 1
        self._last_verdict = same
        self.last_outcome = outcome
        self.outcomes_shown += 1
        self._follow(outcome)
        self.show_order(outcome.order, seq, *_scanned_line(outcome))
        self._show_packer(outcome.packer)
        self._show_next_action()
        headline, detail = describe(outcome.code, outcome.params)
        self.banner_seq = seq
        self.banner.show_verdict(outcome.tone, headline, detail, seq, self._repeat)
        self.banner.repaint()  # the packer waits for this: it paints now, with every change made above
        self.sounds.play_outcome(outcome.kind, outcome.code)
        if outcome.kind in QUEUE_CHANGING:
            QTimer.singleShot(0, self.queue.refresh)

    def _follow(self, outcome: Outcome) -> None:
        """What an outcome changes of the screen's own state (the hold question, a cancellation)."""
        state = self.screen_state
        cancelled = state.cancelled
        if outcome.kind is OutcomeKind.ORDER_CANCELLED:
            cancelled = str(outcome.params.get("number"))
        elif outcome.code == "order.cancellation_seen":
            cancelled = None
        asking = outcome.kind is OutcomeKind.HOLD_ASKED
        self.screen_state = ScreenState(
            state.db_ok, asking, cancelled, finishing_after(outcome, state.finishing) and outcome.order is not None
        )
        if asking:
            self.ui.holdPage.setFocus()

    def _hold_question(self, shown: bool) -> None:
        s = self.screen_state
        self.screen_state = ScreenState(s.db_ok, shown, s.cancelled, s.finishing)
        self.show_order(self.view, self.order_seq)
        self._show_next_action()

    def show_order(self, view: OrderSnapshot | None, seq: int = 0, line_id: int | None = None, units: int = 0) -> None:
        if (view and view.number) != (self.view and self.view.number):
            self._queue_wanted = None  # another order: the queue goes back to showing only when idle
        self.order_seq, self.view = seq, view
        self.parts.pick.show_order(view, line_id, units)
        self.side.show_order(view)
        page = self.order_view.show(view, self.screen_state)
        self._place_queue(hidden=page == STOP)
        self.queue.set_order(view)

    def _place_queue(self, hidden: bool = False) -> None:
        """The queue is the screen while no order is open; beside the order when asked for (F2, Ctrl+F).

        ``hidden``: a red interruption fills the screen instead.
        """
        wanted = self.view is None if self._queue_wanted is None else self._queue_wanted
        queue_shown = wanted and not hidden
        pane, focus = self.ui.queuePane, QApplication.focusWidget()
        if pane.isVisible() and not queue_shown and focus is not None and pane.isAncestorOf(focus):
            self.ui.central.setFocus()  # the keyboard (and a scanner's keys) must not go nowhere
        order_shown = self.view is not None or hidden or not queue_shown
        if (queue_shown, order_shown) != (pane.isVisible(), self.ui.orderPane.isVisible()):
            pane.setVisible(queue_shown)
            self.ui.orderPane.setVisible(order_shown)

    def _show_next_action(self) -> None:
        key, params = next_action(self.last_outcome, self.view, self.screen_state)
        self.parts.next_action.setText(render(TEXTS[key], params)[0])

    def refresh_queue(self) -> None:
        """Reload the queue on the worker (never block painting on the database)."""
        self.queue.refresh()

    def show_queue(self, page: QueuePage) -> None:
        self.queue.show(page)

    def _show_packer(self, packer: str | None) -> None:
        label = self.parts.packer
        label.setText(self.tr("Packer: {name}").format(name=packer) if packer else self.tr("Nobody: scan your badge"))

    def _show_db(self) -> None:
        url = make_url(self.app.config.db_url)
        where = (
            Path(url.database or "").name
            if url.get_backend_name() == "sqlite"
            else f"{url.host or 'localhost'}/{url.database}"
        )
        station = self.parts.station
        if self.screen_state.db_ok:
            station.setText(
                self.tr("Station {station} · database {where}").format(station=self.app.config.station, where=where)
            )
            station.foreground = QColor("#5f6368")
        else:
            station.setText(self.tr("DATABASE AWAY: {where}").format(where=where))
            station.foreground = QColor("#c62828")
        station.update()

    def _database_changed(self, ok: bool) -> None:
        s = self.screen_state
        self.screen_state = ScreenState(ok, s.choosing_hold_reason, s.cancelled, s.finishing)
        self._show_db()
        self._show_next_action()
        if ok:
            self.refresh_queue()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self._show_db()
        self._show_packer(self.last_outcome.packer if self.last_outcome else None)
        self._show_next_action()
        super().showEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place_queue(hidden=self.ui.orderStack.currentIndex() == STOP)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.capture.flush()
        self.worker.stop()
        if self.translations is not None:
            self.translations.remove()
        super().closeEvent(event)


def _scanned_line(outcome: Outcome) -> tuple[int | None, int]:
    """The line a counted unit went to and how many it counted, to flash that row."""
    if outcome.kind is not OutcomeKind.ACCEPTED or outcome.order is None:
        return None, 0
    sku, scanned = outcome.params.get("sku"), outcome.params.get("scanned")
    lines = [line for line in outcome.order.lines if line.sku == sku]
    line = next((ln for ln in lines if ln.scanned == scanned), lines[0] if lines else None)
    quantity = outcome.params.get("quantity")
    return (line.line_id if line else None), quantity if isinstance(quantity, int) else 1
