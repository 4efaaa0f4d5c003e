"""Small dialogs of the supervisor panel: a reason, a cancellation (reason, text, costs), a unit by hand."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.domain.supervision import CancelReason
from packstation.services.bench.commands import CancelOrder
from packstation.services.bench.outcome import OrderSnapshot


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ReasonDialog(QDialog):
    """Why: every override, release, partial shipment and reopen is recorded with a reason."""

    def __init__(self, title: str, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(question))
        self.field = QLineEdit()
        self.field.setMaxLength(300)
        layout.addWidget(self.field)
        layout.addWidget(_buttons(self))

    def reason(self) -> str:
        return self.field.text().strip()


class CancelDialog(QDialog):
    """Cancel an order: a reason from the list (``other`` needs a text) and what it has cost so far."""

    def __init__(self, number: str, currency: str = "PLN", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setWindowTitle(self.tr("Cancel order {number}").format(number=number))
        words = {
            CancelReason.CUSTOMER_REQUEST: self.tr("Customer's request"),
            CancelReason.OUT_OF_STOCK: self.tr("Out of stock"),
            CancelReason.ADDRESS_PROBLEM: self.tr("Address problem"),
            CancelReason.PAYMENT: self.tr("Payment"),
            CancelReason.SHOP_ERROR: self.tr("Shop's error"),
            CancelReason.OTHER: self.tr("Other (say what)"),
        }
        form = QFormLayout(self)
        self.reason = QComboBox()
        for reason, text in words.items():
            self.reason.addItem(text, str(reason))
        form.addRow(self.tr("Reason"), self.reason)
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        form.addRow(self.tr("Text"), self.note)
        self.costs: dict[str, QDoubleSpinBox] = {}
        for key, label in (("packaging", self.tr("Packaging")), ("labour", self.tr("Labour")),
                           ("postage", self.tr("Postage"))):  # fmt: skip
            box = QDoubleSpinBox()
            box.setDecimals(2)
            box.setRange(0, 99_999.99)
            box.setSuffix(f" {currency}")
            self.costs[key] = box
            form.addRow(self.tr("Cost: {what}").format(what=label), box)
        form.addRow(_buttons(self))

    def command(self) -> CancelOrder:
        cost = {key: Decimal(f"{box.value():.2f}") for key, box in self.costs.items()}
        return CancelOrder(self.number, str(self.reason.currentData()), self.note.text().strip(), **cost)


class ManualDialog(QDialog):
    """Pick the line whose unit will not scan: it counts one unit, recorded as confirmed by hand."""

    def __init__(self, order: OrderSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm a unit by hand — {number}").format(number=order.number))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The unit's barcode will not scan (torn, missing, unreadable). "
                                        "Which line is it?")))  # fmt: skip
        self.lines = QListWidget()
        for line in order.lines:
            if line.remaining:
                item = QListWidgetItem(f"{line.sku}  {line.name}  ({line.scanned}/{line.required})")
                item.setData(0x0100, line.sku)  # Qt.UserRole
                self.lines.addItem(item)
        if self.lines.count():
            self.lines.setCurrentRow(0)
        self.lines.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.lines)
        layout.addWidget(_buttons(self))

    def sku(self) -> str:
        row = self.lines.currentRow()
        return str(self.lines.item(row).data(0x0100)) if row >= 0 else ""
