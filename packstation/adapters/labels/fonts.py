"""Register the embedded DejaVu Sans fonts with reportlab, exactly once.

reportlab's standard 14 fonts (Helvetica & co.) only cover Latin-1, so ``ą ę ł ś ż``
and Cyrillic come out as black boxes or vanish. A TrueType font is embedded (as a
subset, with a ToUnicode map) instead, which also keeps the text extractable and
searchable in the PDF.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from packstation.paths import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_FILES = {REGULAR: "fonts/DejaVuSans.ttf", BOLD: "fonts/DejaVuSans-Bold.ttf"}

# Rendering runs in worker threads (printing must not block the GUI), so two
# documents may be rendered at once; reportlab's font registry is a plain dict.
_lock = threading.Lock()
_registered = False

# reportlab subsets a TrueType font through state shared by every document that uses
# it (TTFontFile), so two PDFs rendered at the same time in different threads corrupt
# each other's subsets (seen as IndexError in makeSubset). Renderers hold this lock
# for the whole render; a label takes milliseconds, so serialising costs nothing.
render_lock = threading.RLock()


def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans and DejaVu Sans Bold; return their (regular, bold) font names.

    Safe to call from any thread and any number of times: the TTF files are parsed
    only on the first call. Raises ``FileNotFoundError`` naming the missing file
    when the bundle lacks the fonts (better than silently printing boxes).
    """
    global _registered
    if _registered:  # fast path without the lock once everything is in place
        return REGULAR, BOLD
    with _lock:
        if not _registered:
            for name, relative in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource_path(relative))))
            # The family mapping lets platypus Paragraph markup such as <b> pick the
            # bold face instead of falling back to Helvetica-Bold. DejaVu has no
            # italic here, so italic maps to the upright faces.
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
            _registered = True
    return REGULAR, BOLD
