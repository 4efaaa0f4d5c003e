"""Register the embedded DejaVu Sans fonts with reportlab, exactly once, and embed them cheaply.

reportlab's standard 14 fonts (Helvetica & co.) only cover Latin-1, so ``ą ę ł ś ż``
and Cyrillic come out as black boxes or vanish. A TrueType font is embedded (as a
subset, with a ToUnicode map) instead, which also keeps the text extractable and
searchable in the PDF.

Embedding is most of what a label costs: stock reportlab builds every subset font program,
its ToUnicode map and its widths anew for each PDF and compresses them again. A subset is
the list of characters a document used, in the order of first use, so it differs from
order to order; :func:`begin_document` first gives every document the same Polish letters
in the same slots, which makes the subset of any Polish or ASCII document the same one,
and :class:`EmbeddedFont` keeps those finished, compressed objects for the next document.
A document with other letters (Cyrillic, German…) gets its own subset, built as before.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections import OrderedDict

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, makeToUnicodeCMap
from reportlab.pdfgen.canvas import Canvas

from packstation.paths import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_FILES = {REGULAR: "fonts/DejaVuSans.ttf", BOLD: "fonts/DejaVuSans-Bold.ttf"}
# Polish letters and the typography the documents print, given fixed slots in every document
# (ASCII has its own already): a Polish address then needs no subset of its own.
COMMON_LETTERS = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ…—–„”•×"
_OUTSIDE = re.compile(f"[^\\x20-\\x7e{COMMON_LETTERS}]")
# Finished subsets kept per font: the common one, plus a few recent ones of other alphabets.
SUBSET_CACHE = 16

# Rendering runs in worker threads (printing must not block the GUI), so two
# documents may be rendered at once; reportlab's font registry is a plain dict.
_lock = threading.Lock()
_registered = False

# reportlab subsets a TrueType font through state shared by every document that uses
# it (TTFontFile), so two PDFs rendered at the same time in different threads corrupt
# each other's subsets (seen as IndexError in makeSubset). Renderers hold this lock
# for the whole render; a label takes milliseconds, so serialising costs nothing.
render_lock = threading.RLock()


class _Embedded:
    """One subset's PDF objects, finished: compressed font program and ToUnicode map, the widths array."""

    __slots__ = ("font_file", "length1", "to_unicode", "widths")

    def __init__(self, font: TTFont, base_name: str, subset: tuple[int, ...]) -> None:
        program = font.face.makeSubset(list(subset))
        self.font_file = zlib.compress(program)
        self.length1 = len(program)
        cmap = makeToUnicodeCMap(base_name, list(subset))
        self.to_unicode = zlib.compress(cmap.encode("latin-1") if isinstance(cmap, str) else cmap)
        widths = " ".join(pdfdoc.fp_str(font.face.getCharWidth(code)) for code in subset)
        self.widths = f"[ {widths} ]".encode("ascii")


def _flate(data: bytes, **entries: object) -> pdfdoc.PDFStream:
    """A stream whose ``data`` is compressed already: the ``Filter`` entry stops reportlab compressing it again."""
    dictionary = pdfdoc.PDFDictionary({"Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")]), **entries})
    return pdfdoc.PDFStream(dictionary, data)


class EmbeddedFont(TTFont):
    """A TrueType font that embeds a subset it has embedded before from its finished objects.

    The PDF objects are those stock reportlab writes (``TTFont.addObjects``): a TrueType font
    per subset with its widths, a compressed ToUnicode map and a font descriptor whose font
    program is the compressed subset. Only their making is skipped when the subset repeats.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._embedded: OrderedDict[tuple[str, tuple[int, ...]], _Embedded] = OrderedDict()

    def _finished(self, base_name: str, subset: tuple[int, ...]) -> _Embedded:
        key = (base_name, subset)
        found = self._embedded.get(key)
        if found is None:
            found = self._embedded[key] = _Embedded(self, base_name, subset)
            if len(self._embedded) > SUBSET_CACHE:
                self._embedded.popitem(last=False)
        else:
            self._embedded.move_to_end(key)
        return found

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # noqa: N802 - reportlab's name
        if not doc.compression:
            super().addObjects(doc)
            return
        state = self._assignState(doc)
        state.frozen = 1
        face = self.face
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            done = self._finished(base_name, tuple(subset))
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal_name
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = done.widths
            font.ToUnicode = doc.Reference(_flate(done.to_unicode), "toUnicodeCMap:" + base_name)
            program = doc.Reference(
                _flate(done.font_file, Length1=done.length1), f"fontFile:{face.filename}({base_name})"
            )
            flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC  # as TTFontFace.addSubsetObjects
            descriptor = pdfdoc.PDFDictionary(
                {
                    "Type": "/FontDescriptor",
                    "Ascent": face.ascent,
                    "CapHeight": face.capHeight,
                    "Descent": face.descent,
                    "Flags": flags,
                    "FontBBox": pdfdoc.PDFArray(face.bbox),
                    "FontName": pdfdoc.PDFName(base_name),
                    "ItalicAngle": face.italicAngle,
                    "StemV": face.stemV,
                    "FontFile2": program,
                    "MissingWidth": face.defaultWidth,
                }
            )
            font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base_name)
            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]


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
                pdfmetrics.registerFont(EmbeddedFont(name, str(resource_path(relative))))
            # The family mapping lets platypus Paragraph markup such as <b> pick the
            # bold face instead of falling back to Helvetica-Bold. DejaVu has no
            # italic here, so italic maps to the upright faces.
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
            # Page streams compressed only, not also ASCII85-armoured: these PDFs go to files and
            # printers, never through 7-bit mail, and the armour makes them 25 % larger and slower.
            rl_config.useA85 = 0
            _registered = True
    return REGULAR, BOLD


def in_fixed_alphabet(text: str) -> bool:
    """Whether every letter of ``text`` has the same code in every document (ASCII or :data:`COMMON_LETTERS`)."""
    return not _OUTSIDE.search(text)


def begin_document(c: Canvas) -> None:
    """Give ``c``'s document both faces and the common letters first, so its subsets repeat (see above).

    The faces then always have the same names in the page (``/F1`` regular, ``/F2`` bold) and
    every ASCII or common letter the same code: page operators written for one document are
    valid in the next (the label's frame is replayed that way).
    """
    for name in (REGULAR, BOLD):
        font = pdfmetrics.getFont(name)
        font.splitString(COMMON_LETTERS, c._doc)
        font.getSubsetInternalName(0, c._doc)
