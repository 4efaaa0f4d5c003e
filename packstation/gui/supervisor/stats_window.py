"""Packer statistics: orders and units per hour, median time per order and mismatch rate, per packer,
per day or shift, single-item and multi-item orders apart (definitions: ``domain.reports``)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.bootstrap import App
from packstation.domain.reports import PackerStatistics, Period, ReportFilter
from packstation.gui.supervisor.background import Background
from packstation.gui.supervisor.charts import bar_chart, chart_view
from packstation.gui.supervisor.mismatch_window import pydate, qdate
from packstation.services.reports import local_day_bounds, packer_statistics

DEFAULT_DAYS = 7


class PackerStatsWindow(QWidget):
    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.stats: PackerStatistics | None = None
        self.setWindowTitle(self.tr("Packer statistics"))
        self.resize(1200, 800)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        today = date.today()
        self.since = QDateEdit(qdate(today - timedelta(days=DEFAULT_DAYS - 1)))
        self.until = QDateEdit(qdate(today))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.station, self.packer = QLineEdit(), QLineEdit()
        self.station.setPlaceholderText(self.tr("station"))
        self.packer.setPlaceholderText(self.tr("packer"))
        self.by = QComboBox()
        self.by.addItem(self.tr("per day"), "day")
        if app.config.shifts:
            self.by.addItem(self.tr("per shift"), "shift")
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.refresh)
        csv_button, pdf_button = QPushButton(self.tr("Export CSV…")), QPushButton(self.tr("Export PDF…"))
        csv_button.clicked.connect(lambda: self._ask_export("csv"))
        pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        for widget in (QLabel(self.tr("From")), self.since, QLabel(self.tr("to")), self.until, self.station,
                       self.packer, self.by, show, csv_button, pdf_button):  # fmt: skip
            row.addWidget(widget)
        layout.addLayout(row)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Time per order = opening to finishing minus time on hold; orders and units "
                                        "per hour over that time; mismatch rate = mismatched scans ÷ all scans. "
                                        "Single-item and multi-item orders apart.")))  # fmt: skip
        self.chart_holder = QVBoxLayout()
        layout.addLayout(self.chart_holder)
        self.chart_widget: QWidget | None = None
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        layout.addWidget(self.table)
        self._background = Background(self)
        self._background.done.connect(self._loaded)
        self._background.failed.connect(lambda _token, message: self.summary.setText(message))
        self.refresh()

    def refresh(self) -> None:
        config = self.app.config
        since, until = local_day_bounds(config.zone, pydate(self.since.date()), pydate(self.until.date()))
        where = ReportFilter(since, until, self.station.text().strip(), self.packer.text().strip())
        period = Period(config.zone, config.shifts, self.by.currentData() == "shift")
        self.summary.setText(self.tr("Reading…"))
        self._background.run("stats", lambda: packer_statistics(self.app.uow, where, period))

    def _loaded(self, _token: object, stats: PackerStatistics) -> None:
        self.stats = stats
        self.summary.setText(self.tr("{count} row(s), per {grouping}, time zone {zone}").format(
            count=len(stats.rows), grouping=stats.grouping, zone=stats.time_zone))  # fmt: skip
        self._draw_chart(stats)
        headers = [
            self.tr("Packer"),
            self.tr("Period"),
            self.tr("Orders"),
            self.tr("Units"),
            self.tr("Orders/h"),
            self.tr("Units/h"),
            self.tr("Median time per order"),
            self.tr("Mismatch rate"),
            self.tr("Scans"),
        ]
        self.table.setSortingEnabled(False)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(stats.rows))
        for i, s in enumerate(stats.rows):
            size = self.tr("single-item") if s.size == "single" else self.tr("multi-item")
            median = "" if s.median_seconds is None else _minutes(s.median_seconds)
            values = (s.packer, f"{s.period} · {size}", s.orders, s.units, _number(s.orders_per_hour),
                      _number(s.units_per_hour), median,
                      "" if s.mismatch_rate is None else f"{s.mismatch_rate:.1%}", s.scans)  # fmt: skip
            for j, value in enumerate(values):
                item = QTableWidgetItem()
                item.setData(0, value)
                self.table.setItem(i, j, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    def _draw_chart(self, stats: PackerStatistics) -> None:
        """Orders per hour per packer over the whole period, single-item and multi-item side by side."""
        if self.chart_widget is not None:
            self.chart_widget.deleteLater()
        packers = sorted({s.packer for s in stats.rows})
        sets = []
        for size, word in (("single", self.tr("single-item")), ("multi", self.tr("multi-item"))):
            per_hour = []
            for packer in packers:
                rows = [s for s in stats.rows if s.packer == packer and s.size == size]
                seconds = sum(s.packing_seconds for s in rows)
                per_hour.append(round(sum(s.orders for s in rows) * 3600 / seconds, 1) if seconds else 0.0)
            sets.append((word, per_hour))
        self.chart = bar_chart(self.tr("Orders per hour"), packers, sets)
        self.chart_widget = chart_view(self.chart)
        self.chart_holder.addWidget(self.chart_widget)

    def _ask_export(self, kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the packer statistics"), f"packers.{kind}",
                                              f"{kind.upper()} (*.{kind})")  # fmt: skip
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: str) -> None:
        if self.stats is None:
            return
        from packstation.adapters.reports import exports, pdf

        path.write_bytes(exports.packers_csv(self.stats) if kind == "csv" else pdf.render_packer_statistics(self.stats))
        self.summary.setText(self.tr("Exported to {path}").format(path=path))


def _minutes(seconds: float) -> str:
    """``4:05``: minutes and seconds."""
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"
