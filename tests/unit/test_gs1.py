"""GS1 element strings and AIM identifiers through the one decoder every scanner uses.

The element strings are those of the GS1 General Specifications' examples — ``(01)09501101530003
(17)140704(10)AB-123`` (the GS1 DataMatrix / GS1-128 example), ``(01)95012345678903(3103)000123``
(net weight), SSCC ``(00)006141411234567890``, a logistic unit with ``(02)`` + ``(37)`` count —
each sent with and without its AIM symbology identifier and with every FNC1 spelling: GS,
a leading FNC1, a configured substitute character. Invalid ones are refused with a reason.
"""

from __future__ import annotations

from datetime import date

import pytest

from packstation.domain import barcodes
from packstation.domain.gs1 import Gs1Invalid, parse_element_string, split_symbology
from packstation.domain.scan_decoding import decode_scan

GS = barcodes.GS
EXAMPLE = ["01", "09501101530003", "17", "140704", "10", "AB-123"]  # lot last: no separator needed


def element_string(*parts: str, separator: str = GS) -> str:
    """AI/value pairs joined; a separator after every variable-length field that is not last."""
    out = ""
    pairs = list(zip(parts[::2], parts[1::2], strict=True))
    for i, (ai, value) in enumerate(pairs):
        out += ai + value
        if ai in ("10", "21", "30", "37") and i < len(pairs) - 1:
            out += separator
    return out


@pytest.mark.parametrize("aim", ["", "]C1", "]d2", "]Q3", "]e0"])
@pytest.mark.parametrize("separator", ["gs", "substitute", "leading_fnc1"])
def test_the_datamatrix_example_with_lot_and_serial(aim: str, separator: str) -> None:
    sep, substitute = (GS, "") if separator != "substitute" else ("~", "~")
    body = element_string("01", "09501101530003", "10", "AB-123", "21", "SN0001", "17", "140704", separator=sep)
    raw = aim + (GS if separator == "leading_fnc1" else "") + body + "\r\n"
    scan = decode_scan(raw, substitute)
    assert scan.ok, scan
    assert scan.symbology == aim
    assert scan.code == "09501101530003"
    assert scan.gs1 is not None
    assert (scan.gs1.gtin, scan.gs1.lot, scan.gs1.serial, scan.gs1.expiry) == (
        "09501101530003",
        "AB-123",
        "SN0001",
        date(2014, 7, 4),
    )
    assert not aim or not scan.text.startswith("]"), "the identifier is stripped from the text"


def test_the_example_in_its_printed_order_needs_no_separator() -> None:
    scan = decode_scan("]C1" + "".join(EXAMPLE))
    assert scan.gs1 is not None and scan.gs1.lot == "AB-123" and scan.gs1.expiry == date(2014, 7, 4)


def test_expiry_day_00_is_the_end_of_the_month() -> None:
    fields = parse_element_string("0109501101530003" + "17250200")
    assert fields.expiry == date(2025, 2, 28)


def test_sscc_is_recognised() -> None:
    for raw in ("]C100006141411234567890", "00006141411234567890"):
        scan = decode_scan(raw)
        assert scan.gs1 is not None and scan.gs1.sscc == "006141411234567890", raw
        assert scan.gs1.gtin is None and scan.code == "006141411234567890"


def test_counts_of_contained_items_and_of_a_variable_count_item() -> None:
    contained = decode_scan("]C1" + element_string("00", "006141411234567890", "02", "09501101530003", "37", "20"))
    assert contained.gs1 is not None
    assert (contained.gs1.gtin, contained.gs1.contained, contained.gs1.count) == ("09501101530003", True, 20)
    variable = decode_scan("]d2" + element_string("01", "09501101530003", "30", "6", "10", "L1"))
    assert variable.gs1 is not None and (variable.gs1.count, variable.gs1.lot) == (6, "L1")


def test_net_weight_example_keeps_every_element() -> None:
    scan = decode_scan("]C1" + "0195012345678903" + "3103000123")
    assert scan.gs1 is not None and scan.gs1.elements == (("01", "95012345678903"), ("3103", "000123"))


@pytest.mark.parametrize(
    ("aim", "plain", "code"),
    [
        ("]E0", "5901234123457", "05901234123457"),  # EAN-13
        ("]E4", "96385074", "00000096385074"),  # EAN-8
        ("]C0", "CMD-FINISH", "CMD-FINISH"),  # a command barcode in plain Code 128
        ("]C0", "ORD-PL-10001", "ORD-PL-10001"),
        ("]Q1", "PKR-0001", "PKR-0001"),
    ],
)
def test_aim_identifiers_are_stripped_from_plain_codes(aim: str, plain: str, code: str) -> None:
    scan = decode_scan(aim + plain)
    assert (scan.symbology, scan.text, scan.code, scan.problem) == (aim, plain, code, None)
    assert decode_scan(plain).code == code


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("]C10109501101530004", "check digit"),  # GTIN check digit wrong
        ("]d2" + "0109501101530003" + "17991332", "17"),  # not a date
        ("]C1ABC-123", "Application Identifier"),
        ("01095011015300031" + GS + "10AB", "Application Identifier"),  # a GS makes it certain
        ("]C1" + GS, "no element strings"),
    ],
)
def test_invalid_element_strings_are_refused_with_the_reason(raw: str, why: str) -> None:
    scan = decode_scan(raw)
    assert scan.problem == "scan.gs1_invalid"
    assert why in scan.detail
    assert scan.text.isprintable()


def test_a_code_shaped_like_gs1_without_identifier_falls_back_to_a_plain_code() -> None:
    scan = decode_scan("01095011015300049")  # 01 + 15 digits: not an element string, not a GTIN
    assert scan.ok and scan.gs1 is None and scan.code == "01095011015300049"


def test_split_symbology_needs_a_full_identifier() -> None:
    assert split_symbology("]C1X") == ("]C1", "X")
    assert split_symbology("]C") == ("", "]C")
    assert split_symbology("]-1X") == ("", "]-1X")


def test_parse_refuses_empty_input() -> None:
    with pytest.raises(Gs1Invalid):
        parse_element_string(GS + GS)


def test_as_dict_is_the_listen_contract() -> None:
    scan = decode_scan("]d2" + element_string("01", "09501101530003", "10", "AB-123", "17", "140704"))
    assert scan.as_dict() == {
        "raw": "01095011015300031" + "0AB-123" + GS + "17140704",
        "code": "09501101530003",
        "symbology": "]d2",
        "gtin": "09501101530003",
        "lot": "AB-123",
        "expiry": "2014-07-04",
        "serial": None,
        "sscc": None,
        "count": None,
        "problem": None,
    }
