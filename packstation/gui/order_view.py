"""The open order's part of the window: its header, its warnings, and which page the order area shows.

Drawn from a snapshot and the screen's state only. The order area shows the picking list, or
instead a red page while a shop's change or cancellation waits for CMD-OK, or the hold
reasons while the packer chooses one.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QColor

from packstation.gui import screen_parts
from packstation.gui.forms.ui_main_window import Ui_MainWindow
from packstation.gui.messages import HOLD_REASON_NAMES, t
from packstation.gui.next_action import ScreenState
from packstation.gui.screen_parts import Parts
from packstation.services.bench.outcome import OrderSnapshot

PICK, STOP, HOLD = range(3)  # the pages of the order area (ui orderStack)
NEW_ORDER_BACKGROUND = QColor("#ffe082")


class OrderView(QObject):
    """Draws the order's header, warnings and page; :meth:`show` returns the page shown."""

    def __init__(self, ui: Ui_MainWindow, parts: Parts) -> None:
        super().__init__(parts.header)
        self.ui, self.parts = ui, parts

    def show(self, view: OrderSnapshot | None, state: ScreenState) -> int:
        self._header(view)
        self._warnings(view)
        page = self._page(view, state)
        finishable = view is not None and view.state.finishable
        screen_parts.style_button(self.ui.finishButton, "go" if finishable else "plain")
        screen_parts.style_button(self.ui.removedButton, "act" if view is not None and view.mismatches else "plain")
        return page

    def _header(self, view: OrderSnapshot | None) -> None:
        """The order, its customer and carrier; a new order (nothing in its box yet) announced as such."""
        header = self.parts.header
        if view is None:
            header.setText(self.tr("No order open"))
            header.background = None
        else:
            where = ", ".join(part for part in (view.customer_name, view.city) if part)
            carrier = f"{view.carrier} {view.service}".strip()
            fresh = view.state.units_scanned == 0 and not view.mismatches
            number = self.tr("NEW ORDER {number}: new box").format(number=view.number) if fresh else view.number
            header.setText(" · ".join(part for part in (number, where, carrier) if part))
            header.background = NEW_ORDER_BACKGROUND if fresh else None
        header.update()

    def _warnings(self, view: OrderSnapshot | None) -> None:
        """Cash on delivery as a block with its amount; the order's note as a large yellow block."""
        parts = self.parts
        cod = view is not None and view.payment == "cod" and view.cod_amount is not None
        if view is not None and cod:
            amount = QLocale().toString(float(view.cod_amount or 0), "f", 2)
            text = self.tr("CASH ON DELIVERY {amount} {currency}")
            parts.cod.setText(text.format(amount=amount, currency=view.currency))
        parts.cod.setVisible(cod)
        note = view.notes if view is not None else ""
        parts.note.setText(self.tr("NOTE: {note}").format(note=note) if note else "")
        parts.note.setVisible(bool(note))

    def _page(self, view: OrderSnapshot | None, state: ScreenState) -> int:
        parts = self.parts
        changes = view.changes if view is not None else ()
        stop = state.cancelled is not None or bool(changes)
        page = STOP if stop else HOLD if state.choosing_hold_reason and view is not None else PICK
        # The words of a page are set when it shows, not at every scan.
        if state.cancelled is not None:
            parts.stop_title.setText(self.tr("STOP: ORDER CANCELLED"))
            text = self.tr("The shop cancelled order {number}. Do not ship it: unpack the box.")
            parts.stop_text.setText(text.format(number=state.cancelled))
        elif changes:
            parts.stop_title.setText(self.tr("STOP: ORDER CHANGED"))
            parts.stop_text.setText(
                self.tr("The shop changed this order: {changes}").format(changes="; ".join(changes))
            )
        if page == STOP:
            parts.stop_hint.setText(self.tr("Scan OK (CMD-OK) when the box is right"))
        if page == HOLD and view is not None:
            parts.hold_title.setText(self.tr("Why put {number} on hold?").format(number=view.number))
            parts.hold_hint.setText(self.tr("Or scan a reason barcode. Esc: keep packing."))
            for i, (reason, button) in enumerate(parts.hold_buttons.items(), start=1):
                button.setText(f"{i}   {t(HOLD_REASON_NAMES[reason])}")
        self.ui.orderStack.setCurrentIndex(page)
        return page
