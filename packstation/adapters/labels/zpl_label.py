"""The 100×150 mm shipping label in ZPL II, for thermal printers fed raw (CUPS ``-o raw``, TCP 9100).

The same layout as the PDF label, in printer dots (8 dots/mm at 203 dpi, 12 at 300 dpi):
``^CI28`` (UTF-8) first, ``^PW``/``^LL`` for the exact label, text in the resident scalable
font 0 inside ``^FB`` blocks the printer wraps, data escaped with ``^FH`` (``^``, ``~`` and the
escape character ``_`` itself as hex), the tracking number as ``^BC`` — an SSCC as GS1-128
(``>;>8`` then ``00`` + SSCC). Resident fonts have no Cyrillic (nor most scripts beyond
Latin), so such text is drawn from the embedded DejaVu Sans into a ``^GF`` graphic.
"""

from __future__ import annotations

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
    return all(ord(ch) <= _RESIDENT_MAX for ch in text)


def wrap(text: str, per_line: int) -> list[str]:
    """Greedy word wrap at ``per_line`` characters; an overlong word is cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
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


class _Label:
    def __init__(self, doc: ShipmentDocuments, dpmm: int) -> None:
        self.doc, self.d = doc, dpmm
        self.out: list[str] = []

    def mm(self, value: float) -> int:
        return round(value * self.d)

    def zpl(self) -> str:
        d = self.mm
        self.out = [f"^XA^CI28^PW{d(WIDTH_MM)}^LL{d(HEIGHT_MM)}^LH0,0^PON^MMT"]
        left, inner = MARGIN_MM, WIDTH_MM - 2 * MARGIN_MM
        split = left + inner * 0.58
        self.caption(left, 4, "NADAWCA / FROM")
        self.block(left, 7, split - left - 1.5, 19, _address_lines(self.doc.sender, (3.2, 3.0, 3.0)))
        self.caption(split + 1.5, 4, "PRZEWOŹNIK / CARRIER")
        carrier = [(self.doc.carrier or "-", 6.0, 1), (self.doc.service, 3.6, 2), (self.doc.created, 2.6, 1)]
        self.block(split + 1.5, 7, WIDTH_MM - MARGIN_MM - split - 1.5, 19, carrier)
        self.box(split, 3, 0, 24, 2)
        self.box(left, 27, inner, 0, 3)
        bottom = self.barcode_and_info()
        if cod_due(self.doc):
            self.box(left, bottom - 18, inner, 16, 0, fill=True)
            self.block(left + 2, bottom - 13.5, inner - 4, 9, [(cod_text(self.doc), 7.0, 1)], centre=True, reverse=True)
            bottom -= 20
        self.caption(left, 28.5, "ODBIORCA / TO")
        recipient = _address_lines(self.doc.recipient, (7.0, 6.0, 8.5))
        if self.doc.parcel_locker:
            recipient.insert(0, (f"PACZKOMAT / LOCKER {self.doc.parcel_locker}", 5.5, 1))
        self.block(left, 32, inner, bottom - 33, recipient)
        self.out.append("^PQ1^XZ")
        return "".join(self.out)

    def barcode_and_info(self) -> float:
        """The barcode (bottom) and the order / parcel / weight row above it; the top of that row in mm."""
        doc, d = self.doc, self.mm
        left, inner = MARGIN_MM, WIDTH_MM - 2 * MARGIN_MM
        tracking = doc.tracking_number
        sscc = is_sscc(tracking)
        data = f">;>800{tracking}" if sscc else tracking
        # Whole dots per module; 11 modules a character (subset B) bounds the width from above.
        modules = 35 + (11 * (len(tracking) + 2) // 2 if sscc else 11 * len(tracking))
        module = max(1, min(4 if self.d == 8 else 6, (d(WIDTH_MM) - 2 * d(MARGIN_MM)) // (modules + 20)))
        width = modules * module
        x = (d(WIDTH_MM) - width) // 2
        self.block(left, 143, inner, 4.5, [(human_readable(tracking), 4.0, 1)], centre=True)
        self.out.append(f"^BY{module},3^FO{x},{d(117)}^BCN,{d(25)},N,N,N^FD{data}^FS")
        self.caption(left, 113, "NR PRZESYŁKI / TRACKING (SSCC)" if sscc else "NR PRZESYŁKI / TRACKING")
        self.box(left, 112, inner, 0, 3)
        cells = [
            ("ZAMÓWIENIE / ORDER", doc.order_number, 0.44),
            ("PACZKA / PARCEL", f"{doc.parcel_index}/{doc.parcel_count}", 0.24),
            ("WAGA / WEIGHT", format_weight(doc.weight_kg) if doc.weight_kg is not None else "-", 0.32),
        ]
        x_mm: float = left
        for i, (caption, value, share) in enumerate(cells):
            pad = 1.5 if i else 0.0
            self.caption(x_mm + pad, 98.5, caption)
            self.block(x_mm + pad, 102, inner * share - 1.5 - pad, 9, [(value, 5.0, 2)])
            x_mm += inner * share
            if i < len(cells) - 1:
                self.box(x_mm, 97, 0, 15, 2)
        self.box(left, 97, inner, 0, 3)
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
            laid = [(text, size * scale, wrap(text, max(1, int(w / (size * scale * CHAR_WIDTH)))), n)
                    for text, size, n in items if text]  # fmt: skip
            used = sum(size * 1.15 * min(len(lines), n) for _, size, lines, n in laid)
            fits = all(len(lines) <= n for _, _, lines, n in laid)
            if (used <= h and fits) or min((size for _, size, _, _ in laid), default=MIN_TEXT_MM) <= MIN_TEXT_MM:
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
        h = d(size)
        joined = " ".join(lines)
        if resident(joined):
            justify = "C" if centre else "L"
            inverted = "^FR" if reverse else ""
            self.out.append(
                f"^FO{d(x)},{d(y)}{inverted}^A0N,{h},{h}^FB{d(w)},{len(lines)},{d(size * 0.15)},{justify}"
                f"^FH^FD{escape(joined)}^FS"
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
