"""The A4 packing slip: what is in the box, where it goes, and its scannable barcode.

Every page repeats the title, the order number and the slip barcode, so a page that
gets separated from the others still identifies its order; the line table repeats
its column header on each page and the footer says "page x/y".
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from packstation.domain.records import Address, ShipmentDocuments

from .fonts import BOLD, REGULAR, register_fonts, render_lock
from .shipping_label import cod_due, cod_text, code128_symbol, draw_block, fit_block, format_weight
from .slip_words import lines_phrase, money, word

MARGIN = 15 * mm
HEADER_H = 32 * mm
FOOTER_H = 10 * mm
# A table row cannot be split across pages, so one absurdly long field would make
# reportlab give up on the whole document; cut fields to a sane length instead.
MAX_FIELD = 300

_BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12)
_SMALL = ParagraphStyle("small", parent=_BODY, fontSize=8, leading=10, textColor=colors.HexColor("#444444"))
_HEAD = ParagraphStyle("head", parent=_BODY, fontName=BOLD, fontSize=8.5, leading=10.5, textColor=colors.white)
_QTY = ParagraphStyle("qty", parent=_BODY, fontName=BOLD, fontSize=11, leading=13, alignment=TA_RIGHT)
_HEAD_QTY = ParagraphStyle("head_qty", parent=_HEAD, alignment=TA_RIGHT)
_COD = ParagraphStyle("cod", parent=_BODY, fontName=BOLD, fontSize=15, leading=19)


def _p(text: object, style: ParagraphStyle = _BODY) -> Paragraph:
    """A paragraph of plain text: markup characters in shop data are escaped, newlines kept."""
    raw = str(text)
    if len(raw) > MAX_FIELD:
        raw = raw[: MAX_FIELD - 1] + "…"
    return Paragraph(escape(raw).replace("\n", "<br/>"), style)


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so each can say how many pages there are in all."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(BOLD, 9)
            self.drawRightString(A4[0] - MARGIN, MARGIN, f"Strona / Page {number}/{total}")
            super().showPage()
        super().save()


def _address_text(a: Address) -> list[str]:
    rows = a.lines()
    if a.phone:
        rows.append(f"tel. {a.phone}")
    if a.email:
        rows.append(a.email)
    return rows


def _page_frame(doc: ShipmentDocuments, slip: str, pick: bool = False):
    """The onPage callback: header with barcode, and the sender in the footer."""
    symbol = code128_symbol(slip, 85 * mm, 14 * mm, min_dots=1, max_dots=3)
    sender = ", ".join(doc.sender.lines())

    def draw(c: Canvas, _template) -> None:
        page_w, page_h = A4
        top = page_h - MARGIN
        symbol.drawOn(c, page_w - MARGIN - symbol.width + symbol.rquiet, top - symbol.height)
        text_w = symbol.width - symbol.lquiet - symbol.rquiet
        draw_block(
            c,
            fit_block([(slip, REGULAR, 10, 1)], text_w, 5 * mm),
            page_w - MARGIN - text_w,
            top - symbol.height - 1 * mm,
            centre_width=text_w,
        )
        left_w = page_w - 2 * MARGIN - symbol.width + symbol.rquiet - 5 * mm
        lang = doc.language
        heading = "PICK COPY / KOPIA MAGAZYNOWA" if pick else word(lang, "title")
        title = [
            (heading, BOLD, 20, 1),
            (f"{word(lang, 'order')}: {doc.order_number}", BOLD, 13, 2),
            (f"{word(lang, 'date')}: {doc.created or date.today().isoformat()}", REGULAR, 9, 1),
            (doc.sender.name, BOLD, 9, 1),
            (doc.shop_contact, REGULAR, 8, 2),
        ]
        draw_block(c, fit_block(title, left_w, HEADER_H - 6 * mm), MARGIN, top)
        c.setLineWidth(1.2)
        c.line(MARGIN, page_h - MARGIN - HEADER_H + 3 * mm, page_w - MARGIN, page_h - MARGIN - HEADER_H + 3 * mm)
        c.setLineWidth(0.5)
        c.line(MARGIN, MARGIN + FOOTER_H - 3 * mm, page_w - MARGIN, MARGIN + FOOTER_H - 3 * mm)
        footer = fit_block([(f"Nadawca / Sender: {sender}", REGULAR, 7.5, 1)], page_w - 2 * MARGIN - 40 * mm, 4 * mm)
        draw_block(c, footer, MARGIN, MARGIN + 3.2 * mm)

    return draw


def _shipment_table(doc: ShipmentDocuments, width: float) -> Table:
    lang = doc.language
    facts = [
        (word(lang, "carrier"), doc.carrier),
        (word(lang, "service"), doc.service),
        (word(lang, "tracking"), doc.tracking_number),
        (word(lang, "parcel"), f"{doc.parcel_index}/{doc.parcel_count}"),
    ]
    if doc.weight_kg is not None:
        facts.append((word(lang, "weight"), format_weight(doc.weight_kg)))
    ship_to = [_p(word(lang, "ship_to"), _SMALL)]
    ship_to += [
        _p(row, ParagraphStyle("addr", parent=_BODY, fontName=BOLD if i == 0 else REGULAR, fontSize=11, leading=14))
        for i, row in enumerate(_address_text(doc.recipient))
    ]
    shipment = Table([[_p(k, _SMALL), _p(v or "—")] for k, v in facts], colWidths=[38 * mm, None])
    shipment.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    outer = Table([[ship_to, shipment]], colWidths=[width * 0.45, width * 0.55])
    outer.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("LINEBEFORE", (1, 0), (1, -1), 0.5, colors.grey),
                ("LEFTPADDING", (1, 0), (1, -1), 4 * mm),
            ]
        )
    )
    return outer


def _lines_table(doc: ShipmentDocuments, width: float, pick: bool) -> Table:
    """The lines: the customer's copy with prices (when imported) and lots / serials, the pick copy with bins."""
    lang = "pl" if pick else doc.language
    priced = not pick and any(line.unit_price is not None for line in doc.lines)
    extra = "Bin / Lokalizacja" if pick else word(lang, "price") if priced else None
    header = [_p("#", _HEAD), _p(word(lang, "sku"), _HEAD), _p(word(lang, "name"), _HEAD)]
    header += [_p(extra, _HEAD)] if extra else []
    rows = [[*header, _p(word(lang, "qty"), _HEAD_QTY)]]
    for n, line in enumerate(doc.lines, start=1):
        text = line.name
        if line.lot_serial and not pick:
            text += f"\n{word(lang, 'lot')}: {line.lot_serial}"
        if line.missing:  # a partial shipment a supervisor approved: the customer is told what is not in the box
            text += f"\n{word(lang, 'missing')}: {line.missing}"
        name = _p(text)
        row = [_p(n, _SMALL), _p(line.sku), name]
        if pick:
            row.append(_p(line.bin_location))
        elif priced:
            row.append(_p(money(line.unit_price, doc.currency, lang) if line.unit_price is not None else ""))
        rows.append([*row, _p(line.quantity, _QTY)])
    if not doc.lines:
        rows.append(["", "", _p(word(lang, "none")), *([""] if extra else []), ""])
    total = sum(line.quantity for line in doc.lines)
    rows.append([_p(f"{word(lang, 'total')}: {lines_phrase(len(doc.lines), lang)}", _QTY), "", "",
                 *([""] if extra else []), _p(total, _QTY)])  # fmt: skip
    widths: list[float | None] = [10 * mm, 40 * mm, None, *([30 * mm] if extra else []), 22 * mm]
    widths[2] = width - sum(w for w in widths if w)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#333333")),
                # Zebra rows keep the eye on one line when reading SKU → quantity across the page.
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#EEEEEE")]),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                ("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black),
                ("SPAN", (0, -1), (-2, -1)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def render_pick_copy(doc: ShipmentDocuments) -> bytes:
    """The warehouse's copy of the slip: bin locations and the internal note, never for the customer."""
    register_fonts()
    with render_lock:
        return _render(doc, pick=True)


def render_packing_slip(doc: ShipmentDocuments) -> bytes:
    """Render ``doc`` as an A4 portrait packing slip PDF (as many pages as the lines need).

    The barcode encodes ``doc.slip_barcode``, or the order number when that is empty.
    Raises ``InvalidBarcode`` when that value cannot be printed as Code 128.
    Safe to call from several threads (renders are serialised, see ``fonts.render_lock``).
    """
    register_fonts()
    with render_lock:
        return _render(doc)


def _render(doc: ShipmentDocuments, pick: bool = False) -> bytes:
    slip = doc.slip_barcode or doc.order_number
    frame = _page_frame(doc, slip, pick)  # builds the barcode: fails before any layout work
    buf = io.BytesIO()
    pdf = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_H,
        bottomMargin=MARGIN + FOOTER_H,
        title=f"Packing slip {doc.order_number}",
        author="Packstation",
        subject="Packing slip",
    )
    width = pdf.width
    story: list = [_shipment_table(doc, width), Spacer(1, 5 * mm)]
    if cod_due(doc):
        box = Table([[_p(cod_text(doc), _COD)]], colWidths=[width])
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 2, colors.black),
                    ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                ]
            )
        )
        story += [box, Spacer(1, 5 * mm)]
    story.append(_lines_table(doc, width, pick))
    heading = ParagraphStyle("nh", parent=_BODY, fontName=BOLD)
    notes = [("Notes / Uwagi", doc.notes)] if pick else [(word(doc.language, "gift"), doc.gift_note)]
    if not pick:  # the shop's after-sales texts, in the order the configuration gives them
        titles = {"service": "service_contact"}
        notes += [(word(doc.language, titles.get(key, key)), text) for key, text in doc.after_sales]
    for title, text in notes:
        if text.strip():
            story += [Spacer(1, 4 * mm), _p(title, heading), Paragraph(escape(text).replace("\n", "<br/>"), _BODY)]
    pdf.build(story, onFirstPage=frame, onLaterPages=frame, canvasmaker=_NumberedCanvas)
    return buf.getvalue()
