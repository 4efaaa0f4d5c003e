"""A printable A4 sheet of command barcodes (and badges) to tape to the bench.

Packers' hands hold the scanner, not the mouse: every bench action has a
``CMD-<NAME>`` barcode, and this sheet makes them scannable.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import BOLD, REGULAR, register_fonts, render_lock
from .shipping_label import code128_symbol

COLUMNS, ROWS = 2, 6
MARGIN = 15 * mm
# What each command barcode does, in words on the sheet (the bench's own words are in the GUI).
CAPTIONS = {
    "FINISH": "Finish & print (F12)",
    "REMOVED": "Wrong unit removed (F9)",
    "HOLD": "Hold: ask the reason (F8)",
    "HOLD-MISSING": "Hold: a unit is missing",
    "HOLD-DAMAGED": "Hold: a unit is damaged",
    "HOLD-ADDRESS": "Hold: wrong address",
    "HOLD-OTHER": "Hold: another reason",
    "UNDO": "Undo: keep open / take back (Esc)",
    "RELEASE": "Release order (F7)",
    "NEXT": "Next order (F6)",
    "LOGOUT": "Log out",
    "OK": "Shop change seen",
    "NEXT-PARCEL": "Close parcel, next box (F10)",
}
BADGE = "badge:"
BOX = "box:"


def caption(what: str) -> str:
    """The words above a barcode: a command's caption, ``Box <name> <size>`` or ``Badge: <name>``."""
    if what.startswith(BADGE):
        return f"Badge: {what[len(BADGE) :]}"
    if what.startswith(BOX):
        return f"Box {what[len(BOX) :]}"
    return CAPTIONS.get(what, what)


def render_command_sheet(entries: list[tuple[str, str]], title: str = "Packstation — command barcodes") -> bytes:
    """A4 pages with one boxed Code 128 per ``(what, code)`` entry, 12 to a page (``what``: see :func:`caption`)."""
    register_fonts()
    with render_lock:
        out = io.BytesIO()
        c = Canvas(out, pagesize=A4)
        c.setTitle(title)
        width, height = A4
        cell_w = (width - 2 * MARGIN) / COLUMNS
        cell_h = (height - 2 * MARGIN - 12 * mm) / ROWS
        per_page = COLUMNS * ROWS
        for start in range(0, max(len(entries), 1), per_page):
            c.setFont(BOLD, 14)
            c.drawString(MARGIN, height - MARGIN - 6 * mm, title)
            for i, (what, code) in enumerate(entries[start : start + per_page]):
                col, row = i % COLUMNS, i // COLUMNS
                x = MARGIN + col * cell_w
                top = height - MARGIN - 12 * mm - row * cell_h
                c.setLineWidth(0.6)
                c.roundRect(x + 2 * mm, top - cell_h + 2 * mm, cell_w - 4 * mm, cell_h - 4 * mm, 3 * mm)
                c.setFont(BOLD, 15)
                c.drawCentredString(x + cell_w / 2, top - 10 * mm, caption(what))
                symbol = code128_symbol(code, cell_w - 12 * mm, 18 * mm)
                symbol.drawOn(c, x + (cell_w - symbol.width) / 2, top - 34 * mm)
                c.setFont(REGULAR, 10)
                c.drawCentredString(x + cell_w / 2, top - 39 * mm, code)
            c.showPage()
        c.save()
        return out.getvalue()
