"""The 100×150 mm (4×6 in) shipping label as a one-page PDF.

The page size is exact because a thermal printer that receives any other size
scales the label (and its barcode) to fit, which blurs the bars. Every text block
is fitted into its box: it shrinks, then wraps, then is cut with an ellipsis, so
no input can push text off the label.
"""

from __future__ import annotations

import io
from collections import OrderedDict
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from packstation.domain import barcodes
from packstation.domain.errors import InvalidBarcode
from packstation.domain.records import Address, ShipmentDocuments

from .fonts import BOLD, REGULAR, begin_document, in_fixed_alphabet, register_fonts, render_lock

PAGE_SIZE = (100 * mm, 150 * mm)
MARGIN = 3 * mm
DOT_203 = 25.4 / 203 * mm  # one dot of a 203 dpi print head, in points
FNC1 = "\xf1"  # reportlab's Code 128 FNC1: after the start character it makes the symbol GS1-128
PAD = 1.5 * mm  # between text and any rule or divider
QUIET_MODULES = 10  # ISO/IEC 15417 asks for at least 10 module widths each side
LEADING = 1.2
MIN_FONT = 6.0

# (text, font, size, max_lines) — one logical item of a text block
Item = tuple[str, str, float, int]
Line = tuple[str, str, float]


def is_sscc(value: str) -> bool:
    """An SSCC-18: 18 digits with a valid GS1 check digit (printed as GS1-128 with AI 00)."""
    return len(value) == 18 and value.isdigit() and barcodes.gs1_check_digit(value[:-1]) == int(value[-1])


def human_readable(tracking: str, sscc: bool | None = None) -> str:
    """The text under the bars: ``(00) 3 4012345 000000001 7`` for an SSCC, else the number itself.

    ``sscc``: whether ``tracking`` is one, when the caller knows already.
    """
    if is_sscc(tracking) if sscc is None else sscc:
        return f"(00) {tracking[0]} {tracking[1:8]} {tracking[8:17]} {tracking[17]}"
    return tracking


def code128_symbol(
    value: str, max_width: float, bar_height: float, *, min_dots: int = 2, max_dots: int = 4, dpi: int = 203,
    gs1: bool = False,
) -> Code128:  # fmt: skip
    """A Code 128 symbol of ``value`` no wider than ``max_width`` points, quiet zones included.

    Bars are a whole number of the printer's dots wide (at ``dpi``; the widest from ``max_dots``
    down to ``min_dots`` that fits) so a thermal head prints every bar the same width. ``gs1``
    makes it GS1-128: FNC1 first, then the element string (``00`` + SSCC).
    Raises ``InvalidBarcode`` for an empty value, characters outside printable ASCII
    (reportlab would silently drop them and encode a different number) or a value
    too long to fit.
    """
    if not value:
        raise InvalidBarcode("cannot print an empty barcode", value=value)
    bad = [ch for ch in value if not " " <= ch <= "~"]
    if bad:
        raise InvalidBarcode(f"Code 128 cannot encode {''.join(bad)!r} in {value!r}", value=value)
    data = FNC1 + value if gs1 else value
    # One symbol, measured in modules (bar width 1), then scaled: the encoding is done once.
    symbol = Code128(data, barWidth=1, barHeight=bar_height, lquiet=0, rquiet=0, humanReadable=0)
    modules = symbol.width + 2 * QUIET_MODULES
    dot = 25.4 / dpi * mm
    for dots in range(max_dots, min_dots - 1, -1):
        bar = dots * dot
        if modules * bar <= max_width:
            symbol.barWidth = bar
            symbol.lquiet = symbol.rquiet = QUIET_MODULES * bar
            return symbol
    raise InvalidBarcode(f"barcode {value!r} is too long to print {max_width / mm:.0f} mm wide", value=value)


def symbol_width(symbol: Code128) -> float:
    """The symbol's width, quiet zones included, from its encoding (``symbol.width`` encodes it all again)."""
    modules = sum(ord(ch) - (96 if ch >= "a" else 64) for ch in symbol.decomposed if ch.isalpha())
    return modules * symbol.barWidth + (symbol.lquiet + symbol.rquiet if symbol.quiet else 0)


def draw_symbol(c: Canvas, symbol: Code128, x: float, y: float) -> None:
    """Draw ``symbol`` with its left quiet zone at ``x``: the bars ``symbol.drawOn`` draws.

    From the symbol's encoding as it stands: reportlab's own draw validates and encodes the
    value again (three times per label, with the width and height it also recomputes).
    """
    bar, height = symbol.barWidth, symbol.barHeight
    left = x + (symbol.lquiet if symbol.quiet else 0)
    for ch in symbol.decomposed:
        if "a" <= ch <= "z":  # a space of (ch - 'a' + 1) modules
            left += (ord(ch) - 96) * bar
        elif "A" <= ch <= "Z":  # a bar of (ch - 'A' + 1) modules
            width = (ord(ch) - 64) * bar
            c.rect(left, y, width, height, stroke=0, fill=1)
            left += width


def format_amount(amount: Decimal, currency: str) -> str:
    """``Decimal("1234.5")`` -> ``"1 234,50 PLN"`` (Polish decimal comma, space-grouped)."""
    grouped = f"{amount.quantize(Decimal('0.01'), ROUND_HALF_UP):,.2f}"
    return f"{grouped.replace(',', ' ').replace('.', ',')} {currency}".strip()


def format_weight(weight: Decimal) -> str:
    """``Decimal("1.250")`` -> ``"1,25 kg"``: grams kept, trailing zeros dropped; from 100 kg whole kilograms."""
    if weight >= 100:
        return f"{weight.quantize(Decimal('1'), ROUND_HALF_UP):,}".replace(",", " ") + " kg"
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


@lru_cache(maxsize=256)
def fit_shared_block(items: tuple[Item, ...], width: float, height: float) -> tuple[Line, ...]:
    """:func:`fit_block` for text every order repeats (the sender, a carrier and its service): laid out once."""
    return tuple(fit_block(items, width, height))


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


def draw_block(c: Canvas, lines: Sequence[Line], x: float, top: float, *, centre_width: float | None = None) -> float:
    """Draw fitted lines downwards from ``top``; return the y below the last line.

    One text object for the block: each line sets its font and origin inside it, which
    writes far less to the page than a ``drawString`` (and a canvas ``setFont``) per line.
    """
    y = top
    block = c.beginText()
    for text, font, size in lines:
        y -= size * LEADING
        baseline = y + size * (LEADING - 0.93)  # DejaVu ascent is 0.93 em: text touches ``top``
        left = x if centre_width is None else x + (centre_width - stringWidth(text, font, size)) / 2
        block.setFont(font, size)
        block.setTextOrigin(left, baseline)
        block.textOut(text)
    c.drawText(block)
    return y


@lru_cache(maxsize=128)
def _caption_size(text: str, width: float) -> float:
    size = 6.0
    while size > 4.5 and stringWidth(text, BOLD, size) > width:
        size -= 0.25
    return size


def _caption_bottom(top: float, text: str, width: float) -> float:
    """The y below a caption drawn by :func:`_caption` at ``top``."""
    return top - PAD - _caption_size(text, width) * 1.25


def _caption(c: Canvas, x: float, top: float, text: str, width: float) -> float:
    """A small bold caption fitted to ``width``, its accents clear of the rule at ``top``; the y below it."""
    size = _caption_size(text, width)
    caption = c.beginText(x, top - PAD - size * 0.93)  # 0.93 em: DejaVu's ascent, Ó's accent included
    caption.setFont(BOLD, size)
    caption.textOut(text)
    c.drawText(caption)
    return top - PAD - size * 1.25


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


def render_shipping_label(doc: ShipmentDocuments, dpi: int = 203) -> bytes:
    """Render ``doc`` as a one-page 100×150 mm PDF carrier label and return its bytes.

    ``dpi`` (203 or 300) is the label printer's: bars are a whole number of its dots.
    Raises ``InvalidBarcode`` when the tracking number cannot be printed as Code 128.
    Safe to call from several threads (renders are serialised, see ``fonts.render_lock``).
    """
    return render_shipping_labels([doc], dpi)


def render_shipping_labels(docs: Sequence[ShipmentDocuments], dpi: int = 203) -> bytes:
    """Several labels as one PDF, one 100×150 mm page each, in the order given (a supervisor's batch)."""
    register_fonts()
    with render_lock:
        # Built first so a bad tracking number fails before anything is drawn.
        symbols = [_symbol(doc, dpi) for doc in docs]
        buf = io.BytesIO()
        # The initial font is the embedded one: no page refers to a Helvetica the PDF does not carry.
        c = Canvas(buf, pagesize=PAGE_SIZE, pageCompression=1, initialFontName=REGULAR, initialFontSize=10)
        begin_document(c)
        first = docs[0] if docs else None
        c.setTitle(f"Label {first.order_number} {first.tracking_number}" if first else "Labels")
        c.setAuthor("Packstation")
        c.setSubject("Shipping label")
        for doc, symbol in zip(docs, symbols, strict=True):
            _draw(c, doc, symbol)
            c.showPage()
        c.save()
        return buf.getvalue()


def _symbol(doc: ShipmentDocuments, dpi: int) -> Code128:
    # The quiet zones may reach into the page margin: paper there is white as well.
    width = PAGE_SIZE[0] - 2 * mm
    if is_sscc(doc.tracking_number):
        return code128_symbol("00" + doc.tracking_number, width, 24 * mm, dpi=dpi, gs1=True)
    return code128_symbol(doc.tracking_number, width, 24 * mm, dpi=dpi)


# Where the blocks sit: fixed, because the barcode is always 24 mm high.
TOP_BAND = 24 * mm
BAR_Y = MARGIN + 7 * mm
BAR_TOP = BAR_Y + 24 * mm
INFO_BOTTOM = BAR_TOP + 8 + PAD
INFO_H = 15 * mm
INFO_CELLS = (("ZAMÓWIENIE / ORDER", 0.44), ("PACZKA / PARCEL", 0.24), ("WAGA / WEIGHT", 0.32))
# Page operators of what many labels share (the frame, the shop's sender block, a carrier's block).
_shared: OrderedDict[object, str] = OrderedDict()
SHARED_BLOCKS = 64


def _replay(c: Canvas, key: object, draw: Callable[[], object]) -> None:
    """Draw what ``draw`` draws; operators drawn for ``key`` before are written again instead.

    Only for text in the alphabet every document's fonts start with (``fonts.begin_document``):
    its operators are then valid in any label's page.
    """
    recorded = _shared.get(key)
    if recorded is not None:
        _shared.move_to_end(key)
        c.addLiteral(recorded)
        return
    start = len(c._code)
    draw()
    _shared[key] = "\n".join(c._code[start:])
    if len(_shared) > SHARED_BLOCKS:
        _shared.popitem(last=False)


def _frame(c: Canvas, sscc: bool) -> None:
    """Captions, rules and dividers: the same on every label, so drawn once and replayed."""
    _replay(c, ("frame", sscc), lambda: _draw_frame(c, sscc))


def _shared_block(c: Canvas, lines: Sequence[Line], x: float, top: float) -> None:
    """A block many labels print alike (the sender, a carrier), replayed when its letters allow."""
    if all(in_fixed_alphabet(text) for text, _, _ in lines):
        _replay(c, ("block", tuple(lines), x, top), lambda: draw_block(c, lines, x, top))
    else:
        draw_block(c, lines, x, top)


def _draw_frame(c: Canvas, sscc: bool) -> None:
    page_w, page_h = PAGE_SIZE
    inner = page_w - 2 * MARGIN
    top = page_h - MARGIN
    split = MARGIN + inner * 0.58
    _caption(c, MARGIN, top + PAD, "NADAWCA / FROM", split - MARGIN - PAD)
    _caption(c, split + PAD, top + PAD, "PRZEWOŹNIK / CARRIER", page_w - MARGIN - split - PAD)
    c.setLineWidth(0.8)
    c.line(split, top, split, top - TOP_BAND)
    _rule(c, top - TOP_BAND, 1.5)
    _caption(c, MARGIN, top - TOP_BAND, "ODBIORCA / TO", inner)
    caption = "NR PRZESYŁKI / TRACKING (SSCC)" if sscc else "NR PRZESYŁKI / TRACKING"
    _caption(c, MARGIN, INFO_BOTTOM, caption, inner)  # just above the bars
    _rule(c, INFO_BOTTOM, 1.5)
    c.setLineWidth(0.8)
    x = MARGIN
    for i, (text, share) in enumerate(INFO_CELLS):
        left = x + (PAD if i else 0)
        _caption(c, left, INFO_BOTTOM + INFO_H, text, inner * share - PAD - (PAD if i else 0))
        x += inner * share
        if i < len(INFO_CELLS) - 1:
            c.line(x, INFO_BOTTOM, x, INFO_BOTTOM + INFO_H)
    _rule(c, INFO_BOTTOM + INFO_H, 1.5)


def _draw(c: Canvas, doc: ShipmentDocuments, symbol: Code128) -> None:
    page_w, page_h = PAGE_SIZE
    inner = page_w - 2 * MARGIN
    _frame(c, is_sscc(doc.tracking_number))

    # Top band: sender (small, left) and carrier + service (right), under their captions.
    top = page_h - MARGIN
    split = MARGIN + inner * 0.58
    y = _caption_bottom(top + PAD, "NADAWCA / FROM", split - MARGIN - PAD)
    sender = tuple(_address_items(doc.sender, (8, 7.5, 7.5), 1))
    _shared_block(c, fit_shared_block(sender, split - MARGIN - PAD, y - (top - TOP_BAND) - PAD), MARGIN, y)
    right_x, right_w = split + PAD, page_w - MARGIN - split - PAD
    y = _caption_bottom(top + PAD, "PRZEWOŹNIK / CARRIER", right_w)
    carrier = ((doc.carrier or "—", BOLD, 18, 1), (doc.service, REGULAR, 10, 2), (doc.created, REGULAR, 7, 1))
    _shared_block(c, fit_shared_block(carrier, right_w, y - (top - TOP_BAND) - PAD), right_x, y)

    # Bottom up: the barcode a full margin above the edge, its human-readable line, then
    # order / parcel / weight, then COD; the recipient gets all that is left.
    hr = fit_block([(human_readable(doc.tracking_number), BOLD, 13, 1)], inner, 6 * mm)
    draw_block(c, hr, MARGIN, MARGIN + 6 * mm, centre_width=inner)
    draw_symbol(c, symbol, (page_w - symbol_width(symbol)) / 2, BAR_Y)
    bottom = _info_values(c, doc, INFO_BOTTOM, inner)

    if cod_due(doc):
        # Boxed, inverted and large so the courier cannot miss the cash to collect.
        box_h = 16 * mm
        bottom += 2 * mm
        c.setFillGray(0)
        c.rect(MARGIN, bottom, inner, box_h, stroke=0, fill=1)
        c.setFillGray(1)
        lines = fit_block([(cod_text(doc), BOLD, 20, 2)], inner - 4 * mm, box_h - 3 * mm)
        text_h = sum(s * LEADING for _, _, s in lines)
        draw_block(c, lines, MARGIN, bottom + (box_h + text_h) / 2, centre_width=inner)
        c.setFillGray(0)
        bottom += box_h + 2 * mm  # the box itself closes the recipient area: no rule

    y = _caption_bottom(top - TOP_BAND, "ODBIORCA / TO", inner)
    recipient = _address_items(doc.recipient, (20, 17, 24), 3)
    if doc.parcel_locker:
        recipient.insert(0, (f"PACZKOMAT / LOCKER {doc.parcel_locker}", BOLD, 16, 1))
    block = fit_block(recipient, inner, y - bottom - PAD)
    # Short addresses sit in the middle of their area rather than leaving a band at its foot.
    used = sum(s * LEADING for _, _, s in block)
    draw_block(c, block, MARGIN, y - max(0.0, (y - bottom - PAD - used) / 3))


def _info_values(c: Canvas, doc: ShipmentDocuments, bottom: float, inner: float) -> float:
    """Order number, parcel x/n and weight in the three cells of the frame; the y of the rule above them."""
    values = (
        doc.order_number,
        f"{doc.parcel_index}/{doc.parcel_count}",
        format_weight(doc.weight_kg) if doc.weight_kg is not None else "—",
    )
    x = MARGIN
    for i, ((caption, share), value) in enumerate(zip(INFO_CELLS, values, strict=True)):
        left = x + (PAD if i else 0)
        w = inner * share - PAD - (PAD if i else 0)
        y = _caption_bottom(bottom + INFO_H, caption, w)
        draw_block(c, fit_block([(value, BOLD, 15, 2)], w, y - bottom - PAD), left, y)
        x += inner * share
    return bottom + INFO_H
