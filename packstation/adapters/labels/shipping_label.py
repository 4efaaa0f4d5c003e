"""The 100×150 mm (4×6 in) shipping label as a one-page PDF.

The page size is exact because a thermal printer that receives any other size
scales the label (and its barcode) to fit, which blurs the bars. Every text block
is fitted into its box: it shrinks, then wraps, then is cut with an ellipsis, so
no input can push text off the label.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from packstation.domain.errors import InvalidBarcode
from packstation.domain.records import Address, ShipmentDocuments

from .fonts import BOLD, REGULAR, register_fonts, render_lock

PAGE_SIZE = (100 * mm, 150 * mm)
MARGIN = 3 * mm
DOT_203 = 25.4 / 203 * mm  # one dot of a 203 dpi print head, in points
QUIET_MODULES = 10  # ISO/IEC 15417 asks for at least 10 module widths each side
LEADING = 1.2
MIN_FONT = 6.0

# (text, font, size, max_lines) — one logical item of a text block
Item = tuple[str, str, float, int]
Line = tuple[str, str, float]


def code128_symbol(value: str, max_width: float, bar_height: float, *, min_dots: int = 2, max_dots: int = 4) -> Code128:
    """A Code 128 symbol of ``value`` no wider than ``max_width`` points, quiet zones included.

    Bars are a whole number of 203 dpi dots wide (the widest from ``max_dots`` down
    to ``min_dots`` that fits) so a thermal head prints every bar the same width.
    Raises ``InvalidBarcode`` for an empty value, characters outside printable ASCII
    (reportlab would silently drop them and encode a different number) or a value
    too long to fit.
    """
    if not value:
        raise InvalidBarcode("cannot print an empty barcode", value=value)
    bad = [ch for ch in value if not " " <= ch <= "~"]
    if bad:
        raise InvalidBarcode(f"Code 128 cannot encode {''.join(bad)!r} in {value!r}", value=value)
    modules = Code128(value, barWidth=1, quiet=0).width + 2 * QUIET_MODULES
    for dots in range(max_dots, min_dots - 1, -1):
        bar = dots * DOT_203
        if modules * bar <= max_width:
            quiet = QUIET_MODULES * bar
            return Code128(value, barWidth=bar, barHeight=bar_height, lquiet=quiet, rquiet=quiet, humanReadable=0)
    raise InvalidBarcode(f"barcode {value!r} is too long to print {max_width / mm:.0f} mm wide", value=value)


def format_amount(amount: Decimal, currency: str) -> str:
    """``Decimal("1234.5")`` -> ``"1 234,50 PLN"`` (Polish decimal comma, space-grouped)."""
    grouped = f"{amount.quantize(Decimal('0.01'), ROUND_HALF_UP):,.2f}"
    return f"{grouped.replace(',', ' ').replace('.', ',')} {currency}".strip()


def format_weight(weight: Decimal) -> str:
    """``Decimal("1.250")`` -> ``"1,25 kg"``: grams kept, trailing zeros dropped."""
    text = f"{weight.quantize(Decimal('0.001'), ROUND_HALF_UP):f}".rstrip("0")
    return (text + "0" if text.endswith(".") else text).replace(".", ",") + " kg"


def cod_due(doc: ShipmentDocuments) -> bool:
    """Whether the courier must collect cash; a zero amount is no collection at all."""
    return doc.cod_amount is not None and doc.cod_amount > 0


def cod_text(doc: ShipmentDocuments) -> str:
    """The COD wording both documents print, e.g. ``POBRANIE / COD: 123,45 PLN``."""
    return f"POBRANIE / COD: {format_amount(doc.cod_amount or Decimal(0), doc.currency)}"


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word wider than ``width`` is broken between characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while stringWidth(word, font, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _ellipsize(text: str, font: str, size: float, width: float) -> str:
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _fit_item(text: str, font: str, size: float, max_lines: int, width: float) -> list[Line]:
    size = max(size, MIN_FONT)
    steps = [size - 0.5 * i for i in range(int((size - MIN_FONT) / 0.5) + 1)]
    # One line at up to 20 % smaller reads better than two lines at full size.
    for s in steps:
        if s < size * 0.8:
            break
        if stringWidth(text, font, s) <= width:
            return [(text, font, s)]
    for s in steps:
        lines = wrap(text, font, s, width)
        if len(lines) <= max_lines:
            return [(line, font, s) for line in lines]
    lines = wrap(text, font, MIN_FONT, width)[:max_lines]
    lines[-1] = _ellipsize(lines[-1], font, MIN_FONT, width)
    return [(line, font, MIN_FONT) for line in lines]


def fit_block(items: Sequence[Item], width: float, height: float) -> list[Line]:
    """Lay ``items`` out in a ``width`` × ``height`` box: shrink all together until they fit."""
    scale = 1.0
    while True:
        lines = [ln for text, font, size, n in items if text for ln in _fit_item(text, font, size * scale, n, width)]
        if sum(s * LEADING for _, _, s in lines) <= height or scale < 0.3:
            break
        scale *= 0.92
    # Last resort for absurd input: drop what still does not fit rather than overflow.
    kept, used = [], 0.0
    for line in lines:
        used += line[2] * LEADING
        if used > height:
            break
        kept.append(line)
    return kept


def draw_block(c: Canvas, lines: list[Line], x: float, top: float, *, centre_width: float | None = None) -> float:
    """Draw fitted lines downwards from ``top``; return the y below the last line."""
    y = top
    for text, font, size in lines:
        y -= size * LEADING
        c.setFont(font, size)
        baseline = y + size * (LEADING - 0.93)  # DejaVu ascent is 0.93 em: text touches ``top``
        if centre_width is None:
            c.drawString(x, baseline, text)
        else:
            c.drawCentredString(x + centre_width / 2, baseline, text)
    return y


def _caption(c: Canvas, x: float, top: float, text: str) -> float:
    c.setFont(BOLD, 6)
    c.drawString(x, top - 6, text)
    return top - 8


def _rule(c: Canvas, y: float, width: float = 1.0) -> None:
    c.setLineWidth(width)
    c.line(MARGIN, y, PAGE_SIZE[0] - MARGIN, y)


def _address_items(a: Address, sizes: tuple[float, float, float], max_lines: int) -> list[Item]:
    name, street, city = sizes
    items: list[Item] = [
        (a.name, BOLD, name, max_lines + 1),  # company names run long; streets rarely do
        (a.street, REGULAR, street, max_lines),
        (f"{a.postal_code} {a.city}".strip(), BOLD, city, 2),
    ]
    if a.country and a.country.upper() != "PL":
        items.append((a.country.upper(), BOLD, city * 0.85, 1))
    if a.phone:
        items.append((f"tel. {a.phone}", REGULAR, street * 0.8, 1))
    return items


def render_shipping_label(doc: ShipmentDocuments) -> bytes:
    """Render ``doc`` as a one-page 100×150 mm PDF carrier label and return its bytes.

    Raises ``InvalidBarcode`` when the tracking number cannot be printed as Code 128.
    Safe to call from several threads (renders are serialised, see ``fonts.render_lock``).
    """
    register_fonts()
    with render_lock:
        return _render(doc)


def _render(doc: ShipmentDocuments) -> bytes:
    page_w, page_h = PAGE_SIZE
    inner = page_w - 2 * MARGIN
    # Built first so a bad tracking number fails before anything is drawn. The quiet
    # zones may reach into the page margin: paper there is white as well.
    symbol = code128_symbol(doc.tracking_number, page_w - 2 * mm, 25 * mm)

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=PAGE_SIZE, pageCompression=1)
    c.setTitle(f"Label {doc.order_number} {doc.tracking_number}")
    c.setAuthor("Packstation")
    c.setSubject("Shipping label")

    # Top band: sender (small, left) and carrier + service (right).
    top, band = page_h - MARGIN, 24 * mm
    split = MARGIN + inner * 0.58
    y = _caption(c, MARGIN, top, "NADAWCA / FROM")
    sender = _address_items(doc.sender, (8, 7.5, 7.5), 1)
    draw_block(c, fit_block(sender, split - MARGIN - 2 * mm, y - (top - band)), MARGIN, y)
    y = _caption(c, split + 2 * mm, top, "PRZEWOŹNIK / CARRIER")
    carrier = [(doc.carrier or "—", BOLD, 18, 1), (doc.service, REGULAR, 10, 2), (doc.created, REGULAR, 7, 1)]
    right_w = page_w - MARGIN - split - 2 * mm
    draw_block(c, fit_block(carrier, right_w, y - (top - band)), split + 2 * mm, y)
    c.setLineWidth(0.8)
    c.line(split, top, split, top - band)
    top -= band
    _rule(c, top, 1.5)

    # Bottom up: barcode, then order/parcel/weight, then COD; the recipient gets the rest.
    bottom = MARGIN
    y = draw_block(
        c, fit_block([(doc.tracking_number, BOLD, 14, 1)], inner, 7 * mm), MARGIN, bottom + 7 * mm, centre_width=inner
    )
    bar_y = bottom + 8 * mm
    symbol.drawOn(c, (page_w - symbol.width) / 2, bar_y)
    bottom = bar_y + symbol.height + 1 * mm
    _caption(c, MARGIN, bottom + 8, "NR PRZESYŁKI / TRACKING")
    bottom += 10
    _rule(c, bottom, 1.5)

    cells = [
        ("ZAMÓWIENIE / ORDER", doc.order_number, 0.46),
        ("PACZKA / PARCEL", f"{doc.parcel_index}/{doc.parcel_count}", 0.24),
        ("WAGA / WEIGHT", format_weight(doc.weight_kg) if doc.weight_kg is not None else "—", 0.30),
    ]
    row_h, x = 15 * mm, MARGIN
    c.setLineWidth(0.8)
    for i, (caption, value, share) in enumerate(cells):
        y = _caption(c, x + (1 * mm if i else 0), bottom + row_h, caption)
        w = inner * share - 2 * mm
        draw_block(c, fit_block([(value, BOLD, 15, 2)], w, y - bottom - 1 * mm), x + (1 * mm if i else 0), y)
        x += inner * share
        if i < len(cells) - 1:
            c.line(x, bottom, x, bottom + row_h)
    bottom += row_h
    _rule(c, bottom, 1.5)

    if cod_due(doc):
        # Boxed with a heavy frame so the courier cannot miss the cash to collect.
        box_h = 13 * mm
        bottom += 2 * mm
        c.setLineWidth(2.5)
        c.rect(MARGIN + 1.25, bottom, inner - 2.5, box_h)
        lines = fit_block([(cod_text(doc), BOLD, 16, 2)], inner - 6 * mm, box_h - 3 * mm)
        text_h = sum(s * LEADING for _, _, s in lines)
        draw_block(c, lines, MARGIN, bottom + (box_h + text_h) / 2, centre_width=inner)
        bottom += box_h + 2 * mm  # the box itself closes the recipient area: no rule

    y = _caption(c, MARGIN, top - 1 * mm, "ODBIORCA / TO")
    recipient = _address_items(doc.recipient, (18, 15, 22), 3)
    draw_block(c, fit_block(recipient, inner, y - bottom - 2 * mm), MARGIN, y - 1 * mm)

    c.showPage()
    c.save()
    return buf.getvalue()
