"""The 100×150 mm shipping label in ZPL II, for thermal printers fed raw (CUPS ``-o raw``, TCP 9100).

The same layout as the PDF label, in printer dots (8 dots/mm at 203 dpi, 12 at 300 dpi):
``^CI28`` (UTF-8) first, ``^PW``/``^LL`` for the exact label, text in the resident scalable
font 0 inside ``^FB`` blocks the printer wraps, data escaped with ``^FH`` (``^``, ``~`` and the
escape character ``_`` itself as hex), the tracking number as ``^BC`` — an SSCC as GS1-128
(``>;>8`` then ``00`` + SSCC). Resident fonts have no Cyrillic (nor most scripts beyond
Latin), so such text is drawn from the embedded DejaVu Sans into a ``^GF`` graphic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from packstation.domain.records import Address, ShipmentDocuments

from .shipping_label import cod_due, cod_text, format_weight, human_readable, is_sscc

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

DOTS_PER_MM = {203: 8, 300: 12}
WIDTH_MM, HEIGHT_MM, MARGIN_MM = 100, 150, 3
# Font 0 is a condensed face: its widest capitals stay under 0.62 of the height, so a line
# estimated at that width never overflows its ^FB block.
CHAR_WIDTH = 0.62
MIN_TEXT_MM = 2.0
# Everything font 0 prints under ^CI28: ASCII, Latin-1 and Latin Extended-A (Polish, Czech…).
_RESIDENT_MAX = 0x17F
_NOT_RESIDENT = re.compile(f"[^\\x00-\\u{_RESIDENT_MAX:04x}]")
_ESCAPES = str.maketrans({"_": "_5F", "^": "_5E", "~": "_7E"})


def render_zpl_label(doc: ShipmentDocuments, dpi: int = 203) -> bytes:
    """The label as one ``^XA … ^XZ`` format in UTF-8; raises ``ValueError`` for a dpi other than 203 or 300."""
    if dpi not in DOTS_PER_MM:
        raise ValueError(f"ZPL labels are laid out for 203 or 300 dpi, not {dpi}")
    return _Label(doc, DOTS_PER_MM[dpi]).zpl().encode("utf-8")


def escape(text: str) -> str:
    """Field data safe inside ``^FH^FD … ^FS``: ``^``, ``~`` and ``_`` as ``_5E``, ``_7E``, ``_5F``."""
    return text.translate(_ESCAPES)


def resident(text: str) -> bool:
    """Whether the printer's font 0 can draw every character of ``text``."""
    return not _NOT_RESIDENT.search(text)


def wrap(text: str, per_line: int) -> list[str]:
    """Greedy word wrap at ``per_line`` characters; an overlong word is cut."""
    words = text.split()
    if len(text) <= per_line:  # fits as it stands (most fields): one line, single-spaced
        return [" ".join(words)] if words else []
    lines: list[str] = []
    current = ""
    for word in words:
        while len(word) > per_line:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= per_line:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


@lru_cache(maxsize=8)
def _frame(dpmm: int, sscc: bool) -> str:
    """The fields every label has in the same place (header, captions, rules, dividers), laid out once per dpi."""
    label = _Label(None, dpmm)
    d = label.mm
    label.out = [f"^XA^CI28^PW{d(WIDTH_MM)}^LL{d(HEIGHT_MM)}^LH0,0^PON^MMT"]
    left, inner = MARGIN_MM, WIDTH_MM - 2 * MARGIN_MM
    split = left + inner * 0.58
    label.caption(left, 4, "NADAWCA / FROM")
    label.caption(split + 1.5, 4, "PRZEWOŹNIK / CARRIER")
    label.box(split, 3, 0, 24, 2)
    label.box(left, 27, inner, 0, 3)
    label.caption(left, 113, "NR PRZESYŁKI / TRACKING (SSCC)" if sscc else "NR PRZESYŁKI / TRACKING")
    label.box(left, 112, inner, 0, 3)
    x_mm: float = left
    for i, (caption, share) in enumerate(INFO_CELLS):
        label.caption(x_mm + (1.5 if i else 0.0), 98.5, caption)
        x_mm += inner * share
        if i < len(INFO_CELLS) - 1:
            label.box(x_mm, 97, 0, 15, 2)
    label.box(left, 97, inner, 0, 3)
    label.caption(left, 28.5, "ODBIORCA / TO")
    return "".join(label.out)


@lru_cache(maxsize=64)
def _shared_block(dpmm: int, x: float, y: float, w: float, h: float, items: tuple[tuple[str, float, int], ...]) -> str:
    """A block many labels print alike (the shop's sender, a carrier and its service), laid out once."""
    label = _Label(None, dpmm)
    label.block(x, y, w, h, list(items))
    return "".join(label.out)


INFO_CELLS = (("ZAMÓWIENIE / ORDER", 0.44), ("PACZKA / PARCEL", 0.24), ("WAGA / WEIGHT", 0.32))


class _Label:
    def __init__(self, doc: ShipmentDocuments | None, dpmm: int) -> None:
        self.doc, self.d = doc, dpmm
        self.out: list[str] = []
        self.sscc = False

    def mm(self, value: float) -> int:
        return round(value * self.d)

    def zpl(self) -> str:
        doc = self.doc
        assert doc is not None
        left, inner = MARGIN_MM, WIDTH_MM - 2 * MARGIN_MM
        split = left + inner * 0.58
        self.sscc = is_sscc(doc.tracking_number)
        self.out = [_frame(self.d, self.sscc)]
        sender = tuple(_address_lines(doc.sender, (3.2, 3.0, 3.0)))
        self.out.append(_shared_block(self.d, left, 7, split - left - 1.5, 19, sender))
        carrier = ((doc.carrier or "-", 6.0, 1), (doc.service, 3.6, 2), (doc.created, 2.6, 1))
        self.out.append(_shared_block(self.d, split + 1.5, 7, WIDTH_MM - MARGIN_MM - split - 1.5, 19, carrier))
        bottom = self.barcode_and_info()
        if cod_due(doc):
            self.box(left, bottom - 18, inner, 16, 0, fill=True)
            self.block(left + 2, bottom - 13.5, inner - 4, 9, [(cod_text(doc), 7.0, 1)], centre=True, reverse=True)
            bottom -= 20
        recipient = _address_lines(doc.recipient, (7.0, 6.0, 8.5))
        if doc.parcel_locker:
            recipient.insert(0, (f"PACZKOMAT / LOCKER {doc.parcel_locker}", 5.5, 1))
        self.block(left, 32, inner, bottom - 33, recipient)
        self.out.append("^PQ1^XZ")
        return "".join(self.out)

    def barcode_and_info(self) -> float:
        """The barcode (bottom) and the order / parcel / weight values above it; the top of that row in mm."""
        doc = self.doc
        assert doc is not None
        d = self.mm
        left, inner = MARGIN_MM, WIDTH_MM - 2 * MARGIN_MM
        tracking = doc.tracking_number
        sscc = self.sscc
        data = f">;>800{tracking}" if sscc else tracking
        # Whole dots per module; 11 modules a character (subset B) bounds the width from above.
        modules = 35 + (11 * (len(tracking) + 2) // 2 if sscc else 11 * len(tracking))
        module = max(1, min(4 if self.d == 8 else 6, (d(WIDTH_MM) - 2 * d(MARGIN_MM)) // (modules + 20)))
        width = modules * module
        x = (d(WIDTH_MM) - width) // 2
        self.block(left, 143, inner, 4.5, [(human_readable(tracking, sscc), 4.0, 1)], centre=True)
        self.out.append(f"^BY{module},3^FO{x},{d(117)}^BCN,{d(25)},N,N,N^FD{data}^FS")
        values = (
            doc.order_number,
            f"{doc.parcel_index}/{doc.parcel_count}",
            format_weight(doc.weight_kg) if doc.weight_kg is not None else "-",
        )
        x_mm: float = left
        for i, ((_, share), value) in enumerate(zip(INFO_CELLS, values, strict=True)):
            pad = 1.5 if i else 0.0
            self.block(x_mm + pad, 102, inner * share - 1.5 - pad, 9, [(value, 5.0, 2)])
            x_mm += inner * share
        return 96.0

    def caption(self, x: float, y: float, text: str) -> None:
        h = self.mm(2.2)
        self.out.append(f"^FO{self.mm(x)},{self.mm(y)}^A0N,{h},{h}^FH^FD{escape(text)}^FS")

    def box(self, x: float, y: float, w: float, h: float, thickness: int, fill: bool = False) -> None:
        """A line (``w`` or ``h`` 0) or a box; ``fill`` makes it solid black."""
        d = self.mm
        tw, th = max(d(w), thickness), max(d(h), thickness)
        t = min(tw, th) if fill else thickness
        self.out.append(f"^FO{d(x)},{d(y)}^GB{tw},{th},{t}^FS")

    def block(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        items: list[tuple[str, float, int]],
        *,
        centre: bool = False,
        reverse: bool = False,
    ) -> None:
        """Text items (text, height mm, max lines) top-down in a ``w`` × ``h`` mm box, shrunk until they fit."""
        scale = 1.0
        while True:
            laid: list[tuple[str, float, list[str], int]] = []
            used, fits, smallest = 0.0, True, MIN_TEXT_MM
            for text, size, n in items:
                if text:
                    size *= scale
                    lines = wrap(text, max(1, int(w / (size * CHAR_WIDTH))))
                    laid.append((text, size, lines, n))
                    used += size * 1.15 * min(len(lines), n)
                    fits = fits and len(lines) <= n
                    smallest = size if len(laid) == 1 else min(smallest, size)
            if (used <= h and fits) or smallest <= MIN_TEXT_MM:
                break
            scale *= 0.9
        top = y
        for text, size, lines, n in laid:
            size = max(size, MIN_TEXT_MM)
            shown = lines[:n]
            if len(lines) > n:
                shown[-1] = shown[-1][: max(1, len(shown[-1]) - 1)] + "…"
            if top + size * 1.15 * len(shown) > y + h + 0.01:
                break  # absurd input: drop what cannot fit rather than print over the next block
            self.text(x, top, w, size, shown, centre=centre, reverse=reverse, original=text)
            top += size * 1.15 * len(shown)

    def text(
        self, x: float, y: float, w: float, size: float, lines: list[str], *, centre: bool, reverse: bool, original: str
    ) -> None:
        d = self.mm
        dots = self.d
        h = round(size * dots)
        joined = " ".join(lines)
        if not _NOT_RESIDENT.search(joined):
            justify = "C" if centre else "L"
            inverted = "^FR" if reverse else ""
            self.out.append(
                f"^FO{round(x * dots)},{round(y * dots)}{inverted}^A0N,{h},{h}^FB{round(w * dots)},{len(lines)},"
                f"{round(size * 0.15 * dots)},{justify}^FH^FD{joined.translate(_ESCAPES)}^FS"
            )
            return
        for i, line in enumerate(lines):  # Cyrillic and other scripts: pixels from DejaVu Sans
            width, rows, hex_data = graphic(line, h, d(w))
            offset = (d(w) - width * 8) // 2 if centre else 0
            inverted = "^FR" if reverse else ""
            self.out.append(
                f"^FO{d(x) + max(0, offset)},{d(y + i * size * 1.15)}{inverted}"
                f"^GFA,{width * rows},{width * rows},{width},{hex_data}^FS"
            )


def _address_lines(a: Address, sizes: tuple[float, float, float]) -> list[tuple[str, float, int]]:
    name, street, city = sizes
    items = [(a.name, name, 2), (a.street, street, 3), (f"{a.postal_code} {a.city}".strip(), city, 1)]
    if a.country and a.country.upper() != "PL":
        items.append((a.country.upper(), city * 0.8, 1))
    if a.phone:
        items.append((f"tel. {a.phone}", street * 0.75, 1))
    return items


@lru_cache(maxsize=512)
def graphic(text: str, height: int, max_width: int) -> tuple[int, int, str]:
    """``text`` drawn in DejaVu Sans Bold, ``height`` dots tall, as ^GF data: (bytes a row, rows, hex)."""
    from PIL import Image, ImageDraw

    font = _font(height)
    left, top, right, bottom = font.getbbox(text)
    width = int(min(max(1, right - min(left, 0)), max_width))
    rows = max(1, height)
    image = Image.new("1", ((width + 7) // 8 * 8, rows), 1)
    ImageDraw.Draw(image).text((-min(left, 0), 0), text, font=font, fill=0)
    # ^GF wants black = 1: invert the 1-bit image (white = 1) byte by byte.
    packed = bytes(b ^ 0xFF for b in image.tobytes())
    return image.width // 8, rows, packed.hex().upper()


@lru_cache(maxsize=32)
def _font(height: int) -> FreeTypeFont:
    from PIL import ImageFont

    from packstation.paths import resource_path

    # DejaVu's ascent + descent is about 1.17 em: this size fills ``height`` dots, accents included.
    return ImageFont.truetype(str(resource_path("fonts/DejaVuSans-Bold.ttf")), max(4, int(height / 1.17)))
