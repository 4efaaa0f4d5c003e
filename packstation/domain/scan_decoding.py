"""One place that turns what a scanner sent into what the bench judges.

Every scanner (keyboard wedge, serial, ``devices listen``) hands its text to
:func:`decode_scan`, which never raises and gives exactly one :class:`DecodedScan`: either a
usable code, or a rejection with its message code (``problem``). In order:

1. :func:`~packstation.domain.barcodes.clean_scan`: terminators and blanks stripped; empty,
   overlong, undecodable and control-character scans refused (GS, FNC1, is kept);
2. an AIM symbology identifier (``]C1``, ``]d2``, ``]E0``, ``]Q3``…) is stripped and kept;
3. a GS1 element string (by its identifier, a GS, the configured FNC1 substitute, or its
   shape) is parsed with biip; an invalid one behind a GS1 identifier or GS is refused,
   one recognised by its shape alone falls back to a plain code;
4. the lookup key: the GTIN-14 of a GTIN or element string, else the code upper-cased.
"""

from __future__ import annotations

from dataclasses import dataclass

from packstation.domain import barcodes, gs1
from packstation.domain.gs1 import Gs1Fields, Gs1Invalid


@dataclass(frozen=True)
class DecodedScan:
    """A scan as the bench sees it. ``problem`` is set (a message code) when it is refused."""

    text: str  # the scan without terminators and symbology identifier (control characters shown as <0x..>)
    symbology: str = ""  # the AIM identifier the scanner sent, e.g. "]C1"
    code: str = ""  # the key products are looked up by
    gs1: Gs1Fields | None = None
    problem: str | None = None
    detail: str = ""  # why a GS1 string was refused (biip's words)

    @property
    def ok(self) -> bool:
        return self.problem is None

    def as_dict(self) -> dict[str, str | int | None]:
        """The ``devices listen --json`` contract: raw text, code, symbology and the GS1 fields."""
        fields = self.gs1.as_dict() if self.gs1 else dict.fromkeys(("gtin", "lot", "expiry", "serial", "sscc", "count"))
        return {
            "raw": self.text,
            "code": self.code,
            "symbology": self.symbology or None,
            **fields,
            "problem": self.problem,
        }


def decode_scan(raw: str, substitute: str = "") -> DecodedScan:
    """Decode one scan; ``substitute`` is the station's FNC1 substitute character ("" for none)."""
    clean = barcodes.clean_scan(raw)
    if clean.problem is not None:
        return DecodedScan(clean.text, problem=clean.problem)
    symbology, body = gs1.split_symbology(clean.text)
    if not body:
        return DecodedScan(clean.text, symbology, problem="scan.empty")
    if gs1.looks_like_gs1(body, symbology, substitute):
        try:
            fields = gs1.parse_element_string(body, substitute)
        except Gs1Invalid as error:
            if gs1.is_certain(body, symbology):
                return DecodedScan(barcodes.printable(body), symbology, problem="scan.gs1_invalid", detail=str(error))
        else:
            return DecodedScan(body, symbology, _key(fields, body), fields)
    return DecodedScan(body, symbology, barcodes.normalise(body))


def _key(fields: Gs1Fields, body: str) -> str:
    """The lookup key of an element string: its GTIN, else its SSCC, else the text."""
    if fields.gtin:
        return fields.gtin
    if fields.sscc:
        return fields.sscc
    return body.upper()
