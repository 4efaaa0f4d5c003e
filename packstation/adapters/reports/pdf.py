"""The mismatch report and the packer statistics as A4 landscape PDFs (reportlab, DejaVu Sans embedded).

The mismatch report opens with its charts (mismatches per day, per packer, the top SKUs) and the
SKUs confirmed by hand, then lists every mismatch; the statistics are one table. Text stays
extractable, so the tests read the figures back.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import timedelta
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from packstation.adapters.labels.fonts import BOLD, REGULAR, register_fonts, render_lock
from packstation.adapters.reports.exports import PACKER_COLUMNS, local_time, stats_row
from packstation.domain.reports import Count, MismatchReport, PackerStatistics, ReportFilter

PAGE = landscape(A4)
MARGIN = 12 * mm
_BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=7.5, leading=9)
_HEAD = ParagraphStyle("head", parent=_BODY, fontName=BOLD, textColor=colors.white)
_TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20)
_H2 = ParagraphStyle("h2", fontName=BOLD, fontSize=11, leading=14, spaceBefore=4)
BAR = colors.HexColor("#c62828")
MISMATCH_HEADERS = ("Time", "Station", "Packer", "Order", "Kind", "Expected", "Scanned", "Resolution", "By")
PACKER_HEADERS = ("Packer", "Period", "Size", "Orders", "Units", "Hours packing", "Orders/h", "Units/h",
                  "Median s/order", "Scans", "Mismatched", "Mismatch rate")  # fmt: skip


def _p(text: object, style: ParagraphStyle = _BODY) -> Paragraph:
    return Paragraph(escape(str(text)[:300]).replace("\n", "<br/>"), style)


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], widths: list[float] | None = None) -> Table:
    table = Table([[_p(h, _HEAD) for h in headers], *[[_p(v) for v in row] for row in rows]], colWidths=widths,
                  repeatRows=1, hAlign="LEFT")  # fmt: skip
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#333333")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#EEEEEE")]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _filter_text(where: ReportFilter, zone: ZoneInfo) -> str:
    first = local_time(where.since, zone)[:16].replace("T", " ") or "the start"
    last = local_time(where.until - timedelta(seconds=1), zone)[:16].replace("T", " ") if where.until else "now"
    parts = [f"from {first} to {last}"]
    parts += [f"{name} {value}" for name, value in (("station", where.station), ("packer", where.packer),
                                                     ("SKU", where.sku), ("kind", where.kind)) if value]  # fmt: skip
    return ", ".join(parts) + f" (time zone {zone})"


def bar_chart(title: str, counts: tuple[Count, ...], width: float, height: float, horizontal: bool = False) -> Drawing:
    """A bar chart of ``counts`` with its title; labels are the keys (a SKU's name after it, when known)."""
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, title, fontName=BOLD, fontSize=9))
    if not counts:
        drawing.add(String(0, height - 26, "none", fontName=REGULAR, fontSize=8))
        return drawing
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    chart.x, chart.y = (90, 10) if horizontal else (25, 30)
    chart.width, chart.height = width - chart.x - 10, height - chart.y - 20
    chart.data = [[c.count for c in counts]]
    chart.bars[0].fillColor = BAR
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 6
    labels = [f"{c.key} {c.name}"[:22] if c.name else c.key[-5:] if not horizontal else c.key[:22] for c in counts]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 6
    if not horizontal:
        chart.categoryAxis.labels.angle = 90
        chart.categoryAxis.labels.boxAnchor = "e"
    drawing.add(chart)
    return drawing


def _document(buffer: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                             bottomMargin=MARGIN, title=title, author="Packstation")  # fmt: skip


def render_mismatch_report(report: MismatchReport, zone: ZoneInfo) -> bytes:
    """Charts, the SKUs confirmed by hand (bad barcodes named) and every mismatch."""
    register_fonts()
    width = PAGE[0] - 2 * MARGIN
    story: list[object] = [
        _p("Packstation — mismatch report", _TITLE),
        _p(f"{_filter_text(report.filter, zone)} · {len(report.rows)} mismatch(es)"),
        Spacer(1, 3 * mm),
    ]
    per_packer = report.groups.get("packer", ())[:12]
    charts = Table([[bar_chart("Mismatches per day", report.per_day, width / 3 - 4, 150),
                     bar_chart("Mismatches per packer", per_packer, width / 3 - 4, 150, horizontal=True),
                     bar_chart("Top SKUs", report.top_skus, width / 3 - 4, 150, horizontal=True)]])  # fmt: skip
    story += [charts, _p("Per kind", _H2)]
    story.append(
        _table(("Kind", "Count"), [[c.key, c.count] for c in report.groups.get("kind", ())], [60 * mm, 25 * mm])
    )
    story += [_p("Confirmed by hand (barcode would not scan)", _H2)]
    manual_rows = [[m.key, m.name, m.count, "BAD BARCODE" if m.bad_barcode else ""] for m in report.manual_by_sku]
    story.append(_table(("SKU", "Product", "Units", ""), manual_rows or [["none", "", "", ""]],
                        [40 * mm, 90 * mm, 20 * mm, 30 * mm]))  # fmt: skip
    packers = [[m.key, m.count] for m in report.manual_by_packer]
    story += [Spacer(1, 2 * mm), _table(("Packer", "Units by hand"), packers or [["none", ""]], [60 * mm, 30 * mm])]
    story += [_p("Every mismatch", _H2)]
    rows = [
        [local_time(r.at, zone)[:19].replace("T", " "), r.station, r.packer, r.order, r.kind, r.expected,
         f"{r.scanned_name} ({r.scanned_sku}) {r.scanned_code}" if r.scanned_sku else r.scanned_code,
         r.resolution + (f": {r.note}" if r.note else ""), r.resolved_by]
        for r in report.rows
    ]  # fmt: skip
    widths = [26 * mm, 20 * mm, 26 * mm, 22 * mm, 22 * mm, 55 * mm, 55 * mm, 24 * mm, 22 * mm]
    story.append(_table(MISMATCH_HEADERS, rows or [["none", *[""] * 8]], widths))
    with render_lock:
        buffer = io.BytesIO()
        _document(buffer, "Mismatch report").build(story)
        return buffer.getvalue()


def render_packer_statistics(stats: PackerStatistics) -> bytes:
    """One table: per packer, day or shift, and order size."""
    register_fonts()
    zone = ZoneInfo(stats.time_zone) if stats.time_zone else ZoneInfo("UTC")
    story: list[object] = [
        _p("Packstation — packer statistics", _TITLE),
        _p(f"{_filter_text(stats.filter, zone)} · per {stats.grouping} · single- and multi-item orders apart"),
        _p(
            "Time per order = opening to finishing minus time on hold; orders and units per hour over that time; "
            "mismatch rate = mismatched scans ÷ all scans."
        ),  # fmt: skip
        Spacer(1, 3 * mm),
    ]
    rows = []
    for s in stats.rows:
        row = [stats_row(s)[column] for column in PACKER_COLUMNS]
        row[-1] = "" if s.mismatch_rate is None else f"{s.mismatch_rate:.1%}"
        rows.append(row)
    widths = [w * mm for w in (42, 38, 15, 15, 15, 20, 19, 19, 22, 15, 24, 22)]
    story.append(_table(PACKER_HEADERS, rows or [["none", *[""] * 11]], widths))
    with render_lock:
        buffer = io.BytesIO()
        _document(buffer, "Packer statistics").build(story)
        return buffer.getvalue()
