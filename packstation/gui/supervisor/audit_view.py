"""One order's audit trail in a window: status changes, scans, mismatches, prints and overrides, in time order."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from packstation.bootstrap import App
from packstation.domain.supervision import AuditEntry
from packstation.gui.messages import TEXTS
from packstation.gui.supervisor.background import Background
from packstation.services.audit import order_trail

COLOURS = {"status": "#1f4e8c", "scan": "#202124", "mismatch": "#c62828", "print": "#5f6368", "supervisor": "#6a1b9a"}


class AuditTrailDialog(QDialog):
    """Read off the GUI thread; every entry one row: when (local), what, who, where, details."""

    def __init__(self, app: App, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.number = app, number
        self.entries: tuple[AuditEntry, ...] = ()
        self.setWindowTitle(self.tr("Audit trail — order {number}").format(number=number))
        self.resize(1000, 600)
        layout = QVBoxLayout(self)
        self.state = QLabel(self.tr("Reading…"))
        layout.addWidget(self.state)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("Station"),
                                              self.tr("Details")])  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self._background = Background(self)
        self._background.done.connect(self._show)
        self._background.failed.connect(lambda _token, message: self.state.setText(message))
        self._background.run("trail", lambda: order_trail(app.uow, number))

    def _show(self, _token: object, entries: tuple[AuditEntry, ...]) -> None:
        self.entries = entries
        self.state.setText(self.tr("{count} entries, oldest first").format(count=len(entries)))
        self.table.setRowCount(len(entries))
        zone = self.app.config.zone
        for row, entry in enumerate(entries):
            when = entry.at.replace(tzinfo=UTC).astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
            values = (when, self.what(entry), entry.who, entry.station, self.details(entry))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setForeground(QBrush(QColor(COLOURS.get(entry.kind, "#202124"))))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def what(self, entry: AuditEntry) -> str:
        """The entry in words."""
        p = entry.params
        if entry.kind == "status":
            return self.tr("Status {old} → {new}").format(old=p.get("from"), new=p.get("to"))
        if entry.kind == "print":
            return self.tr("Print job {job}: {old} → {new}").format(job=p.get("job"), old=p.get("from") or "—",
                                                                    new=p.get("to"))  # fmt: skip
        if entry.kind == "mismatch":
            return self.tr("Wrong unit {code}: {how}").format(code=p.get("code"), how=p.get("resolution"))
        if entry.kind == "supervisor":
            return self.tr("Supervisor: {action}").format(
                action=entry.code.removeprefix("supervisor.").replace("_", " ")
            )
        text = TEXTS.get(entry.code)
        label = (text.short or text.headline.split("{")[0].strip()) if text else entry.code
        voided = self.tr(" (voided)") if p.get("voided") else ""
        manual = self.tr(" by hand") if p.get("manual") and entry.code != "scan.manual" else ""
        return self.tr("Scan {raw}: {label}{manual}{voided}").format(raw=p.get("raw"), label=label, manual=manual,
                                                                     voided=voided)  # fmt: skip

    def details(self, entry: AuditEntry) -> str:
        p = entry.params
        if entry.kind == "status":
            return f"{p.get('actor')}: {p.get('note')}".rstrip(": ")
        if entry.kind in ("supervisor",):
            return " · ".join(str(v) for v in (p.get("reason"), p.get("detail")) if v)
        if entry.kind == "mismatch":
            return str(p.get("note") or "")
        if entry.kind == "print":
            return str(p.get("note") or "")
        weight = p.get("weight")
        return self.tr("weight {kg} kg").format(kg=weight) if weight else ""
