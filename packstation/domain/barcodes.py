"""Barcode normalisation: scans, GTINs, command barcodes, slip barcodes and SSCC-18."""

from __future__ import annotations

from dataclasses import dataclass

COMMAND_PREFIX = "CMD-"
SLIP_PREFIX = "ORD-"
MAX_SCAN_LENGTH = 256
GS = "\x1d"  # GS1 FNC1 as a keyboard-wedge scanner sends it

GTIN_LENGTHS = (8, 12, 13, 14)


@dataclass(frozen=True)
class CleanScan:
    """A scan after the checks: ``text`` is what the scanner sent minus terminators."""

    text: str
    problem: str | None = None  # message code when the scan is unusable

    @property
    def ok(self) -> bool:
        return self.problem is None


def clean_scan(raw: str) -> CleanScan:
    """Strip terminators and blanks, and refuse scans no barcode could have produced.

    GS (FNC1) is kept because GS1 element strings need it; every other control
    or invisible character (C0 and C1 controls, DEL, format characters such as a
    zero-width space, line separators) means line noise or a mis-configured scanner. A lone surrogate is a
    byte the scanner's line could not decode (``surrogateescape``): refused, and
    shown as ``<0x..>`` so it can be stored and logged.
    """
    text = _strip_blanks(raw)
    if not text:
        return CleanScan("", "scan.empty")
    if len(text) > MAX_SCAN_LENGTH:
        return CleanScan(printable(text[:MAX_SCAN_LENGTH]), "scan.too_long")
    if any(_SURROGATES[0] <= ord(ch) <= _SURROGATES[1] for ch in text):
        return CleanScan(printable(text), "scan.undecodable")
    if any(not ch.isprintable() and ch != GS for ch in text):
        return CleanScan(printable(text), "scan.control_chars")
    return CleanScan(text)


_SURROGATES = (0xD800, 0xDFFF)


def _strip_blanks(text: str) -> str:
    """Strip every Unicode blank at both ends (no-break space, U+3000, U+0085…) except GS.

    Python counts GS (0x1D) as whitespace, but it is FNC1 and may lead a GS1 string.
    """
    start, end = 0, len(text)
    while start < end and text[start].isspace() and text[start] != GS:
        start += 1
    while end > start and text[end - 1].isspace() and text[end - 1] != GS:
        end -= 1
    return text[start:end]


def printable(text: str) -> str:
    """Show control characters as ``<0x..>`` so a log or banner never prints them raw."""
    return "".join(ch if ch.isprintable() else f"<0x{ord(ch):02x}>" for ch in text)


def command_name(text: str) -> str | None:
    """``CMD-FINISH`` -> ``FINISH``; ``None`` for anything that is not a command barcode."""
    if text.upper().startswith(COMMAND_PREFIX):
        return text[len(COMMAND_PREFIX) :].upper()
    return None


def is_command(text: str) -> bool:
    return command_name(text) is not None


def slip_barcode(order_number: str) -> str:
    """What the packing slip's barcode encodes for an order."""
    return f"{SLIP_PREFIX}{order_number}"


def order_number_from_slip(text: str) -> str | None:
    if text.upper().startswith(SLIP_PREFIX):
        return text[len(SLIP_PREFIX) :]
    return None


def normalise(text: str) -> str:
    """The key a product barcode is stored and looked up under.

    EAN-8, UPC-A, EAN-13 and GTIN-14 of one item all become the same GTIN-14;
    a GS1 element string (``01`` + GTIN, with or without ``]C1``/FNC1) yields its GTIN;
    any other code is kept, upper-cased, so internal labels still match.
    """
    code = text.strip()
    if looks_like_gtin(code):
        # Plain GTINs are every scan's path: checked here rather than through biip,
        # whose import alone costs a bench ~150 ms at start-up.
        return code.zfill(14) if is_valid_gtin(code) else code
    gtin = _gtin_from_gs1(code)
    return gtin if gtin is not None else code.upper()


def _gtin_from_gs1(code: str) -> str | None:
    """The GTIN of a GS1 element string (with or without its symbology identifier); None if it has none."""
    from packstation.domain import gs1  # gs1 imports this module: imported late

    symbology, body = gs1.split_symbology(code)
    if not gs1.looks_like_gs1(body, symbology):
        return None
    try:
        return gs1.parse_element_string(body).gtin
    except gs1.Gs1Invalid:
        return None


def gs1_check_digit(payload: str) -> int:
    """The GS1 mod-10 check digit: weights 3, 1, 3, … from the right."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(payload)))
    return (10 - total % 10) % 10


def looks_like_gtin(code: str) -> bool:
    """True for a digit string of a GTIN's length (8, 12, 13 or 14), whatever its check digit."""
    return code.isdigit() and len(code) in GTIN_LENGTHS


def is_valid_gtin(code: str) -> bool:
    """True for a digit string of GTIN length whose GS1 check digit is right."""
    return looks_like_gtin(code) and gs1_check_digit(code[:-1]) == int(code[-1])


def with_check_digit(payload: str) -> str:
    """Append the GS1 mod-10 check digit to a digit string."""
    return payload + str(gs1_check_digit(payload))


def sscc18(company_prefix: str, serial: int, extension: int = 0) -> str:
    """An SSCC-18: extension digit, GS1 company prefix, serial reference, check digit."""
    ref_len = 16 - len(company_prefix)
    if not company_prefix.isdigit() or ref_len < 1:
        raise ValueError("company prefix must be 1..15 digits")
    serial_ref = str(serial % 10**ref_len).zfill(ref_len)
    return with_check_digit(f"{extension % 10}{company_prefix}{serial_ref}")


def tracking_number(shop_tracking: str, company_prefix: str, order_id: int) -> str:
    """The order's tracking number: the shop's own, else an SSCC-18 derived from the order id.

    Derived, not drawn: a retried or reprinted label carries the same number.
    """
    return shop_tracking or sscc18(company_prefix, order_id)


def reissued_serial(company_prefix: str, number: int) -> int:
    """A fresh SSCC serial for an order whose tracking number was voided (a reopened order).

    Counted down from the top of the serial range by ``number`` (a unique id of the reopening),
    so it never meets the order ids the first numbers derive from, counted up from 1.
    """
    return int(10 ** (16 - len(company_prefix))) - 1 - number


def parcel_tracking_number(shop_tracking: str, company_prefix: str, order_id: int, index: int) -> str:
    """The tracking number of an order's parcel ``index`` (1-based): the first is the order's own
    (:func:`tracking_number`); the others are SSCC-18s with the extension digit ``index - 1``, so
    every parcel of every order has its own number, the same on every reprint (10 parcels at most)."""
    if index == 1:
        return tracking_number(shop_tracking, company_prefix, order_id)
    if not 1 < index <= 10:
        raise ValueError(f"parcel {index}: an order has 1 to 10 parcels")
    return sscc18(company_prefix, order_id, extension=index - 1)
