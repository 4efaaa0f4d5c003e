"""The PIN a supervisor types after scanning the badge.

The application-wide scan capture stays on while this dialog is open: a person's keys (80 ms and
more apart) are held for a moment and then replayed into the field, while a scanner's burst is a
scan for the bench, so a badge scanned by mistake never lands in the PIN field. The PIN leaves
this dialog only in an :class:`~packstation.services.bench.commands.EnterPin` command.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class PinDialog(QDialog):
    def __init__(self, name: str, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supervisor PIN"))
        layout = QVBoxLayout(self)
        who = QLabel(self.tr("PIN of {name}").format(name=name))
        big = QFont(who.font())
        big.setPointSize(16)
        who.setFont(big)
        layout.addWidget(who)
        self.problem = QLabel(problem)
        self.problem.setStyleSheet("color:#c62828; font-weight:bold")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self.field))
        self.field.setFont(big)
        self.field.returnPressed.connect(self.accept)
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.setFocus()

    def pin(self) -> str:
        return self.field.text()
