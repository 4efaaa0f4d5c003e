"""Barcode normalisation and scan hygiene.

Every GTIN form of one item (EAN-8 / UPC-A / EAN-13 / GTIN-14) normalises to one GTIN-14;
GS1-128 element strings with or without the ``]C1`` symbology identifier and FNC1 (GS)
separators yield their GTIN; a wrong check digit never matches; ``clean_scan`` refuses
empty, over-long and control-character scans; command and slip barcodes; SSCC-18.
"""

from __future__ import annotations

import pytest
from biip.sscc import Sscc

from packstation.domain import barcodes
from packstation.domain.barcodes import (
    GS,
    MAX_SCAN_LENGTH,
    clean_scan,
    command_name,
    is_command,
    is_valid_gtin,
    normalise,
    order_number_from_slip,
    slip_barcode,
    sscc18,
    with_check_digit,
)
from packstation.services.bench.commands import SCANNED

# One item in every form: UPC-A 036000291452
UPC_FORMS = ["036000291452", "0036000291452", "00036000291452"]
# One EAN-8 item and its zero-padded longer forms
EAN8_FORMS = ["96385074", "000096385074", "0000096385074", "00000096385074"]
# A Polish EAN-13 and its GTIN-14
EAN13 = "5901234123457"
GTIN14 = "05901234123457"


@pytest.mark.parametrize("form", UPC_FORMS)
def test_upc_a_ean13_gtin14_of_one_item_are_one_gtin14(form: str) -> None:
    assert normalise(form) == "00036000291452"


@pytest.mark.parametrize("form", EAN8_FORMS)
def test_ean8_and_its_padded_forms_are_one_gtin14(form: str) -> None:
    assert normalise(form) == "00000096385074"


def test_ean13_and_gtin14_match() -> None:
    assert normalise(EAN13) == normalise(GTIN14) == GTIN14
    assert len(normalise(EAN13)) == 14


@pytest.mark.parametrize(
    "scan",
    [
        "]C1" + "01" + GTIN14,  # symbology id, GTIN only
        "]C1" + GS + "01" + GTIN14,  # symbology id, then FNC1 as GS
        "01" + GTIN14,  # no symbology id, GTIN only
        GS + "01" + GTIN14,  # leading FNC1 as GS, no id
        "]C1" + "01" + GTIN14 + "10" + "LOT42" + GS + "17261231",  # lot, GS, expiry
        "01" + GTIN14 + "10" + "LOT42" + GS + "17261231",  # the same without ]C1
        "01" + GTIN14 + "17261231" + "10" + "LOT42",  # fixed-length AI first
        "01" + GTIN14 + "21" + "SN0001",  # serial
        "]d2" + "01" + GTIN14 + "10" + "L1",  # GS1 DataMatrix id
    ],
)
def test_gs1_element_string_yields_its_gtin(scan: str) -> None:
    assert normalise(scan) == GTIN14


def test_wrong_check_digit_stays_unmatched() -> None:
    wrong = EAN13[:-1] + str((int(EAN13[-1]) + 1) % 10)
    assert not is_valid_gtin(wrong)
    assert normalise(wrong) != GTIN14
    assert normalise(wrong) != normalise(EAN13)
    # inside a GS1 element string too
    assert normalise("]C101" + "0" + wrong) != GTIN14
    assert normalise("010" + wrong + "10LOT") != GTIN14
    # UPC-A and EAN-8 with a wrong check digit
    assert normalise("036000291453") != normalise("036000291452")
    assert normalise("96385075") != normalise("96385074")


def test_other_codes_are_kept_upper_cased() -> None:
    assert normalise("abc-123") == "ABC-123"
    assert normalise("  sku-9 ") == "SKU-9"
    assert normalise("12345") == "12345"


def test_is_valid_gtin_and_with_check_digit() -> None:
    for code in [*UPC_FORMS, *EAN8_FORMS, EAN13, GTIN14]:
        assert is_valid_gtin(code), code
    assert not is_valid_gtin("12345")
    assert not is_valid_gtin("ABCDEFGHIJKLM")
    assert with_check_digit(EAN13[:-1]) == EAN13
    assert with_check_digit("03600029145") == "036000291452"


# ------------------------------------------------------------------------- clean_scan


@pytest.mark.parametrize("raw", ["", "\r\n", "   ", "\t"])
def test_clean_scan_empty(raw: str) -> None:
    result = clean_scan(raw)
    assert not result.ok
    assert result.problem == "scan.empty"


def test_clean_scan_strips_terminators() -> None:
    result = clean_scan(EAN13 + "\r\n")
    assert result.ok and result.problem is None
    assert result.text == EAN13
    assert clean_scan(EAN13 + "\t").text == EAN13


def test_clean_scan_10kb_is_too_long() -> None:
    result = clean_scan("7" * 10240)
    assert not result.ok
    assert result.problem == "scan.too_long"
    assert len(result.text) == MAX_SCAN_LENGTH  # what is kept for the log is bounded


def test_clean_scan_at_the_limit_is_fine() -> None:
    assert clean_scan("A" * MAX_SCAN_LENGTH).ok
    assert clean_scan("A" * (MAX_SCAN_LENGTH + 1)).problem == "scan.too_long"


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b[2J", "\x08", "\x7f", "\x1c", "\x1e"])
def test_clean_scan_refuses_control_characters(bad: str) -> None:
    result = clean_scan(f"590{bad}1234")
    assert not result.ok
    assert result.problem == "scan.control_chars"
    assert result.text.isprintable()  # shown as <0x..>, never raw
    assert f"<0x{ord(bad[0]):02x}>" in result.text


def test_clean_scan_keeps_gs_for_gs1() -> None:
    raw = "]C101" + GTIN14 + "10LOT" + GS + "17261231"
    result = clean_scan(raw + "\r")
    assert result.ok
    assert GS in result.text
    assert normalise(result.text) == GTIN14


def test_printable() -> None:
    assert barcodes.printable("A\x1dB") == "A<0x1d>B"
    assert barcodes.printable("Żółw") == "Żółw"


# ------------------------------------------------------------------------- commands and slips


def test_command_barcodes() -> None:
    assert command_name("CMD-FINISH") == "FINISH"
    assert command_name("cmd-removed") == "REMOVED"
    assert command_name("CMD-BOX-S") == "BOX-S"
    assert command_name("CMD-NEXT-PARCEL") == "NEXT-PARCEL"
    assert command_name(EAN13) is None
    assert command_name("ORD-PL-1") is None
    assert is_command("CMD-HOLD")
    assert not is_command("CM-HOLD")
    for name in ("FINISH", "REMOVED", "HOLD", "RELEASE", "NEXT", "LOGOUT", "OK"):
        assert name in SCANNED  # the bench runs a command for each
        assert command_name(f"{barcodes.COMMAND_PREFIX}{name}") == name


def test_slip_barcode_round_trip() -> None:
    assert slip_barcode("PL-10001") == "ORD-PL-10001"
    assert order_number_from_slip(slip_barcode("PL-10001")) == "PL-10001"
    assert order_number_from_slip("PL-10001") is None
    assert order_number_from_slip(EAN13) is None


# ------------------------------------------------------------------------- SSCC-18


@pytest.mark.parametrize(
    ("prefix", "serial", "extension"), [("5901234", 1, 0), ("5901234", 987654321, 3), ("590123456", 42, 9), ("1", 5, 0)]
)
def test_sscc18_is_18_digits_with_a_valid_gs1_check_digit(prefix: str, serial: int, extension: int) -> None:
    code = sscc18(prefix, serial, extension)
    assert len(code) == 18 and code.isdigit()
    assert code[0] == str(extension)
    assert code[1 : 1 + len(prefix)] == prefix
    parsed = Sscc.parse(code)  # raises on a wrong check digit
    assert parsed.value == code
    assert parsed.check_digit == int(code[-1])
    assert with_check_digit(code[:-1]) == code


def test_sscc18_is_deterministic_and_distinct_per_serial() -> None:
    assert sscc18("5901234", 7) == sscc18("5901234", 7)
    codes = {sscc18("5901234", n) for n in range(1, 500)}
    assert len(codes) == 499
    for code in codes:
        Sscc.parse(code)


def test_sscc18_refuses_a_bad_company_prefix() -> None:
    with pytest.raises(ValueError):
        sscc18("59012X4", 1)
    with pytest.raises(ValueError):
        sscc18("1" * 16, 1)


def test_each_parcel_of_an_order_has_its_own_tracking_number() -> None:
    from packstation.domain.barcodes import parcel_tracking_number, sscc18

    numbers = [parcel_tracking_number("", "5901234", 42, i) for i in range(1, 11)]
    assert numbers[0] == sscc18("5901234", 42) and len(set(numbers)) == 10
    assert all(n[0] == str(i) for i, n in enumerate(numbers))  # the extension digit
    assert parcel_tracking_number("PX1PL", "5901234", 42, 1) == "PX1PL"
    assert parcel_tracking_number("PX1PL", "5901234", 42, 2) == sscc18("5901234", 42, extension=1)
    other_orders = {parcel_tracking_number("", "5901234", order, 1) for order in range(1, 100)}
    assert not other_orders & set(numbers[1:])
    with pytest.raises(ValueError, match="1 to 10 parcels"):
        parcel_tracking_number("", "5901234", 42, 11)
