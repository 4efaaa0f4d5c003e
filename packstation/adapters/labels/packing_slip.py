"""The A4 packing slip: what is in the box, where it goes, and its scannable barcode.

Every page repeats the title, the order number and the slip barcode, so a page that
gets separated from the others still identifies its order; the line table repeats
its column header on each page and the footer says "page x/y".

Drawn straight on the canvas: the slip is a header, two small tables, a line table and
some notes, laid out here in one pass (rows measured, then cut into pages) and drawn in a
second, when the number of pages is known. A layout engine (platypus) measured every cell
as a paragraph of markup and made a 60-line slip cost three times as much.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from packstation.domain.records import Address, ShipmentDocuments

from .fonts import BOLD, REGULAR, begin_document, register_fonts, render_lock
from .shipping_label import (
    cod_due,
    cod_text,
    code128_symbol,
    draw_block,
    draw_symbol,
    fit_block,
    fit_shared_block,
    format_weight,
    symbol_width,
    wrap,
)
from .slip_words import lines_phrase, money, word

MARGIN = 15 * mm
HEADER_H = 32 * mm
FOOTER_H = 10 * mm
# One absurdly long field must not fill a page by itself: fields are cut to a sane length.
MAX_FIELD = 300
PAD_X, PAD_Y = 6.0, 3.0  # a table cell's padding, left/right and top/bottom
GREY_TEXT = colors.HexColor("#444444")
HEAD_FILL = colors.HexColor("#333333")
ZEBRA = colors.HexColor("#EEEEEE")
RULE_GREY = colors.HexColor("#999999")
PAGE_W, PAGE_H = A4
BODY_TOP = PAGE_H - MARGIN - HEADER_H - 6  # the body starts 6 pt below the header band
BODY_BOTTOM = MARGIN + FOOTER_H + 6
WIDTH = PAGE_W - 2 * MARGIN


@dataclass(frozen=True)
class Style:
    font: str
    size: float
    leading: float
    colour: colors.Color = colors.black
    right: bool = False


BODY = Style(REGULAR, 9.5, 12)
SMALL = Style(REGULAR, 8, 10, GREY_TEXT)
HEAD = Style(BOLD, 8.5, 10.5, colors.white)
HEAD_QTY = Style(BOLD, 8.5, 10.5, colors.white, right=True)
QTY = Style(BOLD, 11, 13, right=True)
COD = Style(BOLD, 15, 19)
NOTE_TITLE = Style(BOLD, 9.5, 12)
ADDRESS = Style(REGULAR, 11, 14)
ADDRESS_NAME = Style(BOLD, 11, 14)


@lru_cache(maxsize=4096)
def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _cut(text: object) -> str:
    raw = str(text)
    return raw if len(raw) <= MAX_FIELD else raw[: MAX_FIELD - 1] + "…"


@dataclass
class Text:
    """A paragraph of plain text wrapped to a width: its lines, its style, its height."""

    lines: list[str]
    style: Style

    @classmethod
    def of(cls, text: object, style: Style, width: float) -> Text:
        lines: list[str] = []
        for part in _cut(text).split("\n"):
            lines += wrap(part, style.font, style.size, width) or [""]
        return cls(lines, style)

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.leading

    def draw(self, c: Canvas, x: float, top: float, width: float) -> None:
        """Lines downwards from ``top``; the first baseline one font size below it."""
        s = self.style
        out = c.beginText()
        out.setFont(s.font, s.size)
        out.setFillColor(s.colour)
        y = top - s.size
        for line in self.lines:
            left = x + width - _width(line, s.font, s.size) if s.right else x
            out.setTextOrigin(left, y)
            out.textOut(line)
            y -= s.leading
        c.drawText(out)


@dataclass
class Row:
    """One row of the line table: its cells (or none), its height, and what it looks like."""

    cells: list[Text | None]
    fill: colors.Color | None = None
    rule_above: float = 0.0  # line width of a black rule above the row (the total)
    span_first: bool = False  # the first cell spans all but the last column

    height: float = field(init=False, default=0.0)

    def measure(self) -> Row:
        self.height = max((cell.height for cell in self.cells if cell is not None), default=0.0) + 2 * PAD_Y
        return self


class Table:
    """The line table: column widths, its header row and body rows, drawn page by page."""

    def __init__(self, widths: Sequence[float], header: Row, rows: Sequence[Row]) -> None:
        self.widths, self.header, self.rows = list(widths), header, list(rows)

    def cell_width(self, column: int, span: bool = False) -> float:
        return (sum(self.widths[:-1]) if span else self.widths[column]) - 2 * PAD_X

    def draw_rows(self, c: Canvas, rows: Sequence[Row], top: float) -> float:
        """Draw the header and ``rows`` from ``top``: fills, then text, then rules; the y below the last row."""
        shown = [self.header, *rows]
        tops = [top]
        for row in shown:
            tops.append(tops[-1] - row.height)
        for row, y in zip(shown, tops[1:], strict=True):
            if row.fill is not None:
                c.setFillColor(row.fill)
                c.rect(MARGIN, y, WIDTH, row.height, stroke=0, fill=1)
        c.setFillColor(colors.black)
        for row, y in zip(shown, tops[1:], strict=True):
            for column, cell in enumerate(row.cells):
                if cell is not None:  # vertically centred in its row
                    x = MARGIN + sum(self.widths[:column]) + PAD_X
                    width = self.cell_width(column, row.span_first and column == 0)
                    cell.draw(c, x, y + (row.height + cell.height) / 2, width)
        c.setStrokeColor(RULE_GREY)
        c.setLineWidth(0.4)
        for y in tops[1:]:
            c.line(MARGIN, y, MARGIN + WIDTH, y)
        c.setStrokeColor(colors.black)
        for row, y in zip(shown, tops, strict=False):
            if row.rule_above:
                c.setLineWidth(row.rule_above)
                c.line(MARGIN, y, MARGIN + WIDTH, y)
        c.setFillColor(colors.black)
        return tops[-1]


Draw = Callable[[Canvas, float], float]  # draws from a top y, returns the y below


@dataclass
class Page:
    parts: list[tuple[Draw, float]] = field(default_factory=list)  # (draw, top y)


def _address_text(a: Address) -> list[str]:
    rows = a.lines()
    if a.phone:
        rows.append(f"tel. {a.phone}")
    if a.email:
        rows.append(a.email)
    return rows


def _shipment(doc: ShipmentDocuments) -> tuple[Draw, float]:
    """Ship-to on the left, the shipment's facts on the right (a grey rule between); draw and height."""
    lang = doc.language
    left_w, right_w = WIDTH * 0.45, WIDTH * 0.55
    ship_to = [Text.of(word(lang, "ship_to"), SMALL, left_w - PAD_X)]
    ship_to += [Text.of(row, ADDRESS_NAME if i == 0 else ADDRESS, left_w - PAD_X)
                for i, row in enumerate(_address_text(doc.recipient))]  # fmt: skip
    facts = [
        (word(lang, "carrier"), doc.carrier),
        (word(lang, "service"), doc.service),
        (word(lang, "tracking"), doc.tracking_number),
        (word(lang, "parcel"), f"{doc.parcel_index}/{doc.parcel_count}"),
    ]
    if doc.weight_kg is not None:
        facts.append((word(lang, "weight"), format_weight(doc.weight_kg)))
    key_w = 38 * mm
    value_w = right_w - 4 * mm - PAD_X - key_w - 2 * PAD_X
    rows = [(Text.of(k, SMALL, key_w - PAD_X), Text.of(v or "—", BODY, value_w)) for k, v in facts]
    row_heights = [max(k.height, v.height) + 2 for k, v in rows]
    height = max(sum(t.height for t in ship_to), sum(row_heights)) + 2 * PAD_Y

    def draw(c: Canvas, top: float) -> float:
        y = top - PAD_Y
        for text in ship_to:
            text.draw(c, MARGIN, y, left_w - PAD_X)
            y -= text.height
        x = MARGIN + left_w
        c.setStrokeColor(colors.grey)
        c.setLineWidth(0.5)
        c.line(x, top, x, top - height)
        c.setStrokeColor(colors.black)
        y = top - PAD_Y
        for (key, value), row_h in zip(rows, row_heights, strict=True):
            key.draw(c, x + 4 * mm, y - 1, key_w - PAD_X)
            value.draw(c, x + 4 * mm + key_w, y - 1, value_w)
            y -= row_h
        return top - height

    return draw, height


def _cod_box(doc: ShipmentDocuments) -> tuple[Draw, float]:
    text = Text.of(cod_text(doc), COD, WIDTH - 2 * PAD_X)
    height = text.height + 6 * mm

    def draw(c: Canvas, top: float) -> float:
        c.setLineWidth(2)
        c.rect(MARGIN, top - height, WIDTH, height, stroke=1, fill=0)
        text.draw(c, MARGIN + PAD_X, top - 3 * mm, WIDTH - 2 * PAD_X)
        return top - height

    return draw, height


def _lines_table(doc: ShipmentDocuments, pick: bool) -> Table:
    """The lines: the customer's copy with prices (when imported) and lots / serials, the pick copy with bins."""
    lang = "pl" if pick else doc.language
    priced = not pick and any(line.unit_price is not None for line in doc.lines)
    extra = "Bin / Lokalizacja" if pick else word(lang, "price") if priced else None
    widths = [10 * mm, 40 * mm, 0.0, *([30 * mm] if extra else []), 22 * mm]
    widths[2] = WIDTH - sum(widths)
    w = [width - 2 * PAD_X for width in widths]  # what a cell's text may fill
    names = [word(lang, "sku"), word(lang, "name"), *([extra] if extra else [])]
    header = [Text.of("#", HEAD, w[0]), *(Text.of(n, HEAD, w[i + 1]) for i, n in enumerate(names))]
    head = Row([*header, Text.of(word(lang, "qty"), HEAD_QTY, w[-1])], fill=HEAD_FILL).measure()
    rows = []
    for n, line in enumerate(doc.lines, start=1):
        name = line.name
        if line.lot_serial and not pick:
            name += f"\n{word(lang, 'lot')}: {line.lot_serial}"
        if line.missing:  # a partial shipment a supervisor approved: the customer is told what is not in the box
            name += f"\n{word(lang, 'missing')}: {line.missing}"
        cells: list[Text | None] = [Text.of(n, SMALL, w[0]), Text.of(line.sku, BODY, w[1]), Text.of(name, BODY, w[2])]
        if pick:
            cells.append(Text.of(line.bin_location, BODY, w[3]))
        elif priced:
            price = money(line.unit_price, line.currency or doc.currency, lang) if line.unit_price is not None else ""
            cells.append(Text.of(price, BODY, w[3]))
        cells.append(Text.of(line.quantity, QTY, w[-1]))
        # Zebra rows keep the eye on one line when reading SKU → quantity across the page.
        rows.append(Row(cells, fill=ZEBRA if n % 2 == 0 else None).measure())
    if not doc.lines:
        rows.append(
            Row([None, None, Text.of(word(lang, "none"), BODY, w[2]), *([None] if extra else []), None]).measure()
        )
    total = sum(line.quantity for line in doc.lines)
    phrase = f"{word(lang, 'total')}: {lines_phrase(len(doc.lines), lang)}"
    cells = [Text.of(phrase, QTY, sum(widths[:-1]) - 2 * PAD_X), *([None] * (len(widths) - 2))]
    rows.append(Row([*cells, Text.of(total, QTY, w[-1])], rule_above=1.2, span_first=True).measure())
    return Table(widths, head, rows)


def _notes(doc: ShipmentDocuments, pick: bool) -> list[tuple[Draw, float]]:
    """The gift note and the shop's after-sales texts (the pick copy: the internal note), with titles."""
    notes = [("Notes / Uwagi", doc.notes)] if pick else [(word(doc.language, "gift"), doc.gift_note)]
    if not pick:  # the shop's after-sales texts, in the order the configuration gives them
        titles = {"service": "service_contact"}
        notes += [(word(doc.language, titles.get(key, key)), text) for key, text in doc.after_sales]
    width = WIDTH - 12
    parts: list[tuple[Draw, float]] = []
    for title, text in notes:
        if not text.strip():
            continue
        heading, body = Text.of(title, NOTE_TITLE, width), Text.of(text, BODY, width)

        def draw(c: Canvas, top: float, heading: Text = heading, body: Text = body) -> float:
            top -= 4 * mm
            heading.draw(c, MARGIN + 6, top, width)
            body.draw(c, MARGIN + 6, top - heading.height, width)
            return top - heading.height - body.height

        parts.append((draw, 4 * mm + heading.height + body.height))
    return parts


def _rows_drawer(table: Table, rows: list[Row]) -> Draw:
    return lambda c, top: table.draw_rows(c, rows, top)


def _paginate(blocks: list[tuple[Draw, float]], table: Table, notes: list[tuple[Draw, float]]) -> list[Page]:
    """Cut the body into pages: blocks whole, the table by rows under a repeated header."""
    pages, y = [Page()], BODY_TOP

    def place(draw: Draw, height: float) -> None:
        nonlocal y
        if y - height < BODY_BOTTOM and pages[-1].parts:
            pages.append(Page())
            y = BODY_TOP
        pages[-1].parts.append((draw, y))
        y -= height

    for draw, height in blocks:
        place(draw, height)
    rows = list(table.rows)
    while rows:
        room, taken = y - table.header.height, 0
        while taken < len(rows) and room - rows[taken].height >= BODY_BOTTOM:
            room -= rows[taken].height
            taken += 1
        if taken == 0 and pages[-1].parts:  # not even one row fits under the header here
            pages.append(Page())
            y = BODY_TOP
            continue
        chunk, rows = rows[: max(taken, 1)], rows[max(taken, 1) :]
        place(_rows_drawer(table, chunk), table.header.height + sum(r.height for r in chunk))
        if rows:
            pages.append(Page())
            y = BODY_TOP
    for draw, height in notes:
        place(draw, height)
    return pages


def _page_frame(doc: ShipmentDocuments, slip: str, pick: bool = False) -> Callable[[Canvas, int, int], None]:
    """Draws a page's header (title, order, the slip's barcode) and footer (sender, page x/y)."""
    symbol = code128_symbol(slip, 85 * mm, 14 * mm, min_dots=1, max_dots=3)
    sym_w = symbol_width(symbol)
    sender = ", ".join(doc.sender.lines())
    lang = doc.language
    heading = "PICK COPY / KOPIA MAGAZYNOWA" if pick else word(lang, "title")
    top = PAGE_H - MARGIN
    text_w = sym_w - symbol.lquiet - symbol.rquiet
    number = fit_block([(slip, REGULAR, 10, 1)], text_w, 5 * mm)
    left_w = PAGE_W - 2 * MARGIN - sym_w + symbol.rquiet - 5 * mm
    title = fit_block(
        [
            (heading, BOLD, 20, 1),
            (f"{word(lang, 'order')}: {doc.order_number}", BOLD, 13, 2),
            (f"{word(lang, 'date')}: {doc.created or date.today().isoformat()}", REGULAR, 9, 1),
            (doc.sender.name, BOLD, 9, 1),
            (doc.shop_contact, REGULAR, 8, 2),
        ],
        left_w,
        HEADER_H - 6 * mm,
    )
    footer = fit_shared_block(
        ((f"Nadawca / Sender: {sender}", REGULAR, 7.5, 1),), PAGE_W - 2 * MARGIN - 40 * mm, 4 * mm
    )

    def draw(c: Canvas, page: int, pages: int) -> None:
        draw_symbol(c, symbol, PAGE_W - MARGIN - sym_w + symbol.rquiet, top - symbol.barHeight)
        draw_block(c, number, PAGE_W - MARGIN - text_w, top - symbol.barHeight - 1 * mm, centre_width=text_w)
        draw_block(c, title, MARGIN, top)
        c.setLineWidth(1.2)
        c.line(MARGIN, PAGE_H - MARGIN - HEADER_H + 3 * mm, PAGE_W - MARGIN, PAGE_H - MARGIN - HEADER_H + 3 * mm)
        c.setLineWidth(0.5)
        c.line(MARGIN, MARGIN + FOOTER_H - 3 * mm, PAGE_W - MARGIN, MARGIN + FOOTER_H - 3 * mm)
        draw_block(c, footer, MARGIN, MARGIN + 3.2 * mm)
        count = c.beginText(PAGE_W - MARGIN, MARGIN)
        count.setFont(BOLD, 9)
        text = f"Strona / Page {page}/{pages}"
        count.setTextOrigin(PAGE_W - MARGIN - _width(text, BOLD, 9), MARGIN)
        count.textOut(text)
        c.drawText(count)

    return draw


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
    blocks = [_shipment(doc)]
    if cod_due(doc):
        blocks += [_cod_box(doc)]
    spaced = [(draw, height + 5 * mm) for draw, height in blocks]  # 5 mm below each block
    pages = _paginate(spaced, _lines_table(doc, pick), _notes(doc, pick))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, pageCompression=1, initialFontName=REGULAR, initialFontSize=10)
    begin_document(c)
    c.setTitle(f"Packing slip {doc.order_number}")
    c.setAuthor("Packstation")
    c.setSubject("Packing slip")
    for number, page in enumerate(pages, start=1):
        frame(c, number, len(pages))
        for draw, top in page.parts:
            draw(c, top)
        c.showPage()
    c.save()
    return buf.getvalue()
