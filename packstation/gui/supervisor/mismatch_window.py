"""The mismatch report: every mismatch with filters, grouping, three charts and CSV / PDF export."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.bootstrap import App
from packstation.domain.reports import GROUPS, REPORT_KINDS, MismatchReport, ReportFilter
from packstation.gui.supervisor.background import Background
from packstation.gui.supervisor.charts import bar_chart, chart_view
from packstation.services.reports import local_day_bounds, mismatch_report

DEFAULT_DAYS = 30


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class MismatchReportWindow(QWidget):
    """Filters by date range, station, packer, SKU and kind; rows or groups; charts; export."""

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.report: MismatchReport | None = None
        self.setWindowTitle(self.tr("Mismatch report"))
        self.resize(1280, 860)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        self.summary = QLabel()
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.charts = QWidget()
        self.charts_layout = QHBoxLayout(self.charts)
        self.views: dict[str, object] = {}
        split.addWidget(self.charts)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        split.addWidget(self.table)
        self.manual = QTableWidget(0, 4)
        self.manual.setHorizontalHeaderLabels([self.tr("SKU confirmed by hand"), self.tr("Product"), self.tr("Units"),
                                               ""])  # fmt: skip
        self.manual.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        split.addWidget(self.manual)
        split.setSizes([280, 420, 120])
        layout.addWidget(split)
        self._background = Background(self)
        self._background.done.connect(self._loaded)
        self._background.failed.connect(lambda _token, message: self.summary.setText(message))
        self.refresh()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        today = date.today()
        self.since = QDateEdit(qdate(today - timedelta(days=DEFAULT_DAYS - 1)))
        self.until = QDateEdit(qdate(today))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.station, self.packer, self.sku = QLineEdit(), QLineEdit(), QLineEdit()
        self.station.setPlaceholderText(self.tr("station"))
        self.packer.setPlaceholderText(self.tr("packer"))
        self.sku.setPlaceholderText(self.tr("SKU"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("every kind"), "")
        for kind in REPORT_KINDS:
            self.kind.addItem(kind.replace("_", " "), kind)
        self.group = QComboBox()
        self.group.addItem(self.tr("every mismatch"), "")
        for name in GROUPS:
            self.group.addItem(self.tr("grouped by {what}").format(what=name), name)
        self.group.currentIndexChanged.connect(self._fill_table)
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.refresh)
        csv_button, pdf_button = QPushButton(self.tr("Export CSV…")), QPushButton(self.tr("Export PDF…"))
        csv_button.clicked.connect(lambda: self._ask_export("csv"))
        pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        for widget in (QLabel(self.tr("From")), self.since, QLabel(self.tr("to")), self.until, self.station,
                       self.packer, self.sku, self.kind, show, self.group, csv_button, pdf_button):  # fmt: skip
            row.addWidget(widget)
        return row

    def report_filter(self) -> ReportFilter:
        since, until = local_day_bounds(self.app.config.zone, pydate(self.since.date()), pydate(self.until.date()))
        return ReportFilter(since, until, self.station.text().strip(), self.packer.text().strip(),
                            self.sku.text().strip(), str(self.kind.currentData() or ""))  # fmt: skip

    def refresh(self) -> None:
        """Read the report off the GUI thread for the filters as they are now."""
        self.summary.setText(self.tr("Reading…"))
        where, zone = self.report_filter(), self.app.config.zone
        self._background.run("report", lambda: mismatch_report(self.app.uow, where, zone))

    def _loaded(self, _token: object, report: MismatchReport) -> None:
        self.report = report
        bad = ", ".join(m.key for m in report.bad_barcodes)
        text = self.tr("{count} mismatch(es)").format(count=len(report.rows))
        if bad:
            text += " · " + self.tr("bad barcodes (confirmed by hand again and again): {skus}").format(skus=bad)
        self.summary.setText(text)
        self._draw_charts(report)
        self._fill_table()
        self._fill_manual(report)

    def _draw_charts(self, report: MismatchReport) -> None:
        while self.charts_layout.count():
            item = self.charts_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        per_packer = report.groups.get("packer", ())[:12]
        charts = {
            "per_day": bar_chart(self.tr("Mismatches per day"), [c.key[5:] for c in report.per_day],
                                 [(self.tr("mismatches"), [c.count for c in report.per_day])]),
            "per_packer": bar_chart(self.tr("Mismatches per packer"), [c.key for c in per_packer],
                                    [(self.tr("mismatches"), [c.count for c in per_packer])], horizontal=True),
            "top_skus": bar_chart(self.tr("Top SKUs"), [f"{c.key} {c.name}"[:28] for c in report.top_skus],
                                  [(self.tr("mismatches"), [c.count for c in report.top_skus])], horizontal=True),
        }  # fmt: skip
        self.views = {}
        for name, chart in charts.items():
            view = chart_view(chart)
            self.views[name] = view
            self.charts_layout.addWidget(view)

    def _fill_table(self) -> None:
        report = self.report
        if report is None:
            return
        self.table.setSortingEnabled(False)
        grouping = str(self.group.currentData() or "")
        if grouping:
            counts = report.groups.get(grouping, ())
            self._set_rows([grouping, self.tr("mismatches")], [[c.key, c.count] for c in counts])
        else:
            zone = self.app.config.zone
            rows = [
                [r.at.replace(tzinfo=UTC).astimezone(zone).strftime("%Y-%m-%d %H:%M"), r.station, r.packer, r.order,
                 r.kind.replace("_", " "), r.expected,
                 f"{r.scanned_name} ({r.scanned_sku})" if r.scanned_sku else r.scanned_code,
                 r.resolution + (f": {r.note}" if r.note else ""), r.resolved_by]
                for r in report.rows
            ]  # fmt: skip
            headers = [self.tr("Time"), self.tr("Station"), self.tr("Packer"), self.tr("Order"), self.tr("Kind"),
                       self.tr("Expected"), self.tr("Scanned"), self.tr("Resolved"), self.tr("By")]  # fmt: skip
            self._set_rows(headers, rows)
        self.table.setSortingEnabled(True)

    def _set_rows(self, headers: list[str], rows: Sequence[Sequence[object]]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                item = QTableWidgetItem()
                item.setData(0, value)  # numbers sort as numbers
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()

    def _fill_manual(self, report: MismatchReport) -> None:
        self.manual.setRowCount(len(report.manual_by_sku))
        for i, m in enumerate(report.manual_by_sku):
            flag = self.tr("BAD BARCODE") if m.bad_barcode else ""
            for j, value in enumerate((m.key, m.name, str(m.count), flag)):
                self.manual.setItem(i, j, QTableWidgetItem(value))
        self.manual.resizeColumnToContents(0)

    def _ask_export(self, kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the mismatch report"),
                                              f"mismatches.{kind}", f"{kind.upper()} (*.{kind})")  # fmt: skip
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Write the report on screen as CSV or PDF (the command line's renderers)."""
        if self.report is None:
            return
        from packstation.adapters.reports import exports, pdf

        zone = self.app.config.zone
        data = exports.mismatches_csv(self.report, zone) if kind == "csv" else pdf.render_mismatch_report(
            self.report, zone)  # fmt: skip
        path.write_bytes(data)
        self.summary.setText(self.tr("Exported to {path}").format(path=path))
