"""GS1 element strings and AIM symbology identifiers: what a scan says about the unit.

The parsing itself is biip's (its table of Application Identifiers, check digits and
dates); this module decides when a scan is a GS1 element string, turns the configured
FNC1 substitute into GS, and keeps the fields a packing bench uses:

- (01) GTIN, or (02) GTIN of the contained items, as GTIN-14;
- (10) batch/lot, (17) expiry date (``YYMMDD``, day ``00`` = end of month), (21) serial;
- (00) SSCC of a logistic unit; (30) / (37) count of items.

biip is imported on the first GS1 scan only: its import costs a bench ~150 ms at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from packstation.domain.barcodes import GS

if TYPE_CHECKING:
    from biip.gs1_element_strings import GS1ElementString

# An AIM symbology identifier (ISO/IEC 15424): "]", a symbology code letter, a modifier character.
_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")
# The AIM identifiers of symbologies that carry GS1 element strings (GS1 General Specifications 5.1.2):
# GS1-128, GS1 DataBar, GS1 DataMatrix, GS1 QR Code, GS1 DotCode, and EAN/UPC composite components.
GS1_SYMBOLOGIES = frozenset({"]C1", "]e0", "]e1", "]e2", "]d2", "]Q3", "]J1"})
# Without an identifier, a scan is taken for an element string when it starts like one of these.
_BARE_GS1 = re.compile(r"(?:00\d{18}|0[12]\d{14})")


@dataclass(frozen=True)
class Gs1Fields:
    """The fields of a GS1 element string a bench uses; ``elements`` holds every (AI, value) scanned."""

    gtin: str | None = None  # GTIN-14, from (01) or (02)
    contained: bool = False  # the GTIN came from (02): the count is of items inside a logistic unit
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None
    sscc: str | None = None
    count: int | None = None
    elements: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, str | int | None]:
        """The fields as JSON-ready values (``devices listen --json``)."""
        return {
            "gtin": self.gtin,
            "lot": self.lot,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "serial": self.serial,
            "sscc": self.sscc,
            "count": self.count,
        }


class Gs1Invalid(ValueError):
    """A scan that is a GS1 element string by its identifier or separators, but cannot be parsed."""


def split_symbology(text: str) -> tuple[str, str]:
    """``("]C1", rest)`` for a scan that starts with an AIM symbology identifier, else ``("", text)``."""
    if len(text) >= 3 and _AIM.match(text):
        return text[:3], text[3:]
    return "", text


def looks_like_gs1(body: str, symbology: str, substitute: str = "") -> bool:
    """True when ``body`` (identifier already split off) is to be parsed as an element string.

    A GS1 symbology identifier or a GS says so for certain; without either, a scan that starts
    with (00) + 18 digits or (01)/(02) + 14 digits is tried, and a plain code if that fails.
    """
    if symbology in GS1_SYMBOLOGIES or GS in body:
        return True
    if substitute and substitute in body and _BARE_GS1.match(body):
        return True
    return bool(_BARE_GS1.match(body)) and len(body) > 14


def is_certain(body: str, symbology: str) -> bool:
    """True when nothing but a GS1 element string can have produced the scan (identifier or GS)."""
    return symbology in GS1_SYMBOLOGIES or GS in body


def parse_element_string(body: str, substitute: str = "") -> Gs1Fields:
    """Parse a GS1 element string (no symbology identifier); ``Gs1Invalid`` with biip's reason if it is none.

    ``substitute`` is a character the scanner sends instead of FNC1 (configured per station);
    leading and trailing separators (FNC1 in first position, a trailing GS) are ignored.
    """
    from biip import ParseConfig, ParseError  # imported here: see the module docstring
    from biip.gs1_messages import GS1Message

    separators = (GS, substitute) if substitute and substitute != GS else (GS,)
    text = body.strip("".join(separators))
    if not text:
        raise Gs1Invalid("no element strings")
    try:
        message = GS1Message.parse(text, config=ParseConfig(separator_chars=separators))
    except ParseError as error:
        raise Gs1Invalid(str(error)) from None
    if not message.element_strings:
        raise Gs1Invalid("no element strings")
    return _fields(message.element_strings)


def _fields(elements: Sequence[GS1ElementString]) -> Gs1Fields:
    gtin = lot = serial = sscc = None
    expiry: date | None = None
    count: int | None = None
    contained = False
    pairs = []
    for element in elements:
        ai, value = element.ai.ai, element.value
        pairs.append((ai, value))
        problem = element.gtin_error or element.sscc_error
        if problem:
            raise Gs1Invalid(problem)
        if ai in ("01", "02") and element.gtin is not None:
            gtin, contained = element.gtin.as_gtin_14(), ai == "02"
        elif ai == "00" and element.sscc is not None:
            sscc = element.sscc.value
        elif ai == "10":
            lot = value
        elif ai == "17":
            expiry = element.date
        elif ai == "21":
            serial = value
        elif ai in ("30", "37"):
            count = int(value)
            if count < 1:
                raise Gs1Invalid(f"({ai}) count of items must be at least 1, got {value}")
    return Gs1Fields(gtin, contained, lot, expiry, serial, sscc, count, tuple(pairs))
