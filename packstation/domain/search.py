"""How a search box matches: case- and accent-insensitive ("lodz" finds "Łódź"), and order numbers by digits."""

from __future__ import annotations

import unicodedata

# Letters Unicode does not decompose into a base letter plus an accent (NFKD leaves them whole).
_STROKED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """``text`` as a search compares it: case-folded, without accents, strokes or other marks.

    Cyrillic keeps its letters (``й`` becomes ``и``, as a person typing without the breve
    would expect); only combining marks go.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_STROKED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_key(*parts: str) -> str:
    """What a stored row is searched by: its folded texts, one space apart."""
    return " ".join(fold(part) for part in parts if part)


def digits(text: str) -> str:
    """The ASCII digits of ``text`` in order: ``PL-10010`` -> ``10010``."""
    return "".join(c for c in text if "0" <= c <= "9")
