"""The documented CSV import formats (orders and products): parsing, decoding and every rule."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from packstation.adapters.importers import parse_import_file
from packstation.domain.errors import ImportRejected
from packstation.domain.records import PackRecord

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "sample"
ORDERS_HEADER = "order_number,sku,quantity,customer_name,payment,cod_amount\n"
PRODUCTS_HEADER = "sku,name,barcodes,packs,weight_kg\n"


def write(tmp_path: Path, text: str | bytes, name: str = "in.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return path


def rejected(path: Path, encoding: str | None = None) -> ImportRejected:
    with pytest.raises(ImportRejected) as info:
        parse_import_file(path, encoding)
    return info.value


def errors(path: Path, encoding: str | None = None) -> list[tuple[int, str]]:
    return rejected(path, encoding).errors


def test_sample_products_parse() -> None:
    batch = parse_import_file(SAMPLES / "products.csv")
    assert [p.sku for p in batch.products] == ["KUB-001", "HER-002", "SKA-003", "MIO-004", "MAT-005"]
    mug = batch.products[0]
    assert mug.name == "Kubek ceramiczny „Żubr” 300 ml"
    assert mug.barcodes == ("5901234123457",)
    assert mug.packs == (PackRecord("15901234123454", 6),)
    assert mug.weight_kg == Decimal("0.35") and mug.bin_location == "A-01-03"
    assert batch.products[2].barcodes == ("5901234123471", "5901234123488")
    assert batch.line_of["KUB-001"] == 2 and batch.line_of["MAT-005"] == 6
    assert batch.orders == ()


def test_sample_orders_parse() -> None:
    batch = parse_import_file(SAMPLES / "orders.csv")
    first, cod, foreign = batch.orders
    assert [(line.sku, line.quantity) for line in first.lines] == [("KUB-001", 6), ("HER-002", 2)]
    assert first.address.city == "Łódź" and first.source == "csv" and first.external_id == "shop-1001"
    assert cod.payment == "cod" and cod.cod_amount == Decimal("149.90")
    assert (foreign.address.country, foreign.currency) == ("UA", "EUR")
    assert foreign.customer_name == "Ірина Коваленко"
    assert batch.line_of == {"1001": 2, "1002": 4, "1003": 5}


def test_order_rows_grouped_with_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "Order_Number , SKU,Quantity,line_name,City\n 7 , A ,2,Mug,Kraków\n7,B,1,,\n8,A,1,,\n")
    batch = parse_import_file(path)
    seven, eight = batch.orders
    assert seven.number == "7" and seven.external_id == "7" and seven.source == "csv"
    assert [(line.sku, line.quantity, line.name) for line in seven.lines] == [("A", 2, "Mug"), ("B", 1, "")]
    assert seven.address.city == "Kraków" and seven.address.country == "PL"
    assert (seven.payment, seven.cod_amount, seven.currency, seven.status) == ("prepaid", None, "PLN", "new")
    assert eight.lines[0].sku == "A"
    assert batch.line_of == {"7": 2, "8": 4}


def test_repeated_equal_order_fields_are_fine_but_conflicts_are_errors(tmp_path: Path) -> None:
    text = ORDERS_HEADER + "1,A,1,Jan,,\n1,B,1,Jan,,\n1,C,1,Piotr,,\n"
    assert errors(write(tmp_path, text)) == [
        (4, "customer_name 'Piotr' differs from the order's first row (line 2: 'Jan')")
    ]


def test_later_row_cannot_add_an_order_field_the_first_row_left_empty(tmp_path: Path) -> None:
    [(line, reason)] = errors(write(tmp_path, ORDERS_HEADER + "1,A,1,,,\n1,B,1,Jan,,\n"))
    assert line == 3 and "customer_name" in reason


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffsku,name\nA,Żółw\n")
    assert parse_import_file(path).products[0].name == "Żółw"


def test_cp1250_excel_file_with_semicolons_and_decimal_commas(tmp_path: Path) -> None:
    text = "sku;name;weight_kg\r\nA;Łyżka stołowa;0,125\r\nB;Żółć;12,50\r\n"
    path = write(tmp_path, text, encoding="cp1250")
    batch = parse_import_file(path, encoding="cp1250")
    assert [(p.name, p.weight_kg) for p in batch.products] == [
        ("Łyżka stołowa", Decimal("0.125")),
        ("Żółć", Decimal("12.50")),
    ]
    [(line, reason)] = errors(path)  # read as UTF-8 by default
    assert line == 2 and "--encoding cp1250" in reason and "0xa3" in reason


def test_cp1250_orders_with_cod_amount(tmp_path: Path) -> None:
    text = "order_number;sku;quantity;customer_name;payment;cod_amount\nA1;X;1;Józef Gąska;COD;12,50\n"
    batch = parse_import_file(write(tmp_path, text, encoding="cp1250"), encoding="cp1250")
    order = batch.orders[0]
    assert order.customer_name == "Józef Gąska" and order.payment == "cod" and order.cod_amount == Decimal("12.50")


def test_undecodable_byte_names_its_line(tmp_path: Path) -> None:
    data = b"sku,name\nA,ok\nB,ok\n" + b"C,caf\xe9\n"
    [(line, reason)] = errors(write(tmp_path, data))
    assert line == 4 and "not valid UTF-8" in reason and "--encoding cp1250" in reason


def test_explicit_encoding_that_cannot_decode(tmp_path: Path) -> None:
    [(line, reason)] = errors(write(tmp_path, b"sku,name\nA,\x81\n"), encoding="cp1250")
    assert line == 2 and "cp1250" in reason and "--encoding" not in reason


def test_explicit_cp1250_on_a_utf8_bom_file_is_explained(tmp_path: Path) -> None:
    [(line, reason)] = errors(write(tmp_path, "\ufeffsku,name\nA,Żółw\n"), encoding="cp1250")
    assert line == 1 and "UTF-8 byte-order mark" in reason
    assert parse_import_file(tmp_path / "in.csv", encoding="UTF8").products[0].name == "Żółw"


def test_unknown_encoding_is_a_clear_error(tmp_path: Path) -> None:
    exc = rejected(write(tmp_path, "sku,name\nA,b\n"), encoding="klingon")
    assert "unknown text encoding 'klingon'" in str(exc)


def test_utf16_file_is_explained(tmp_path: Path) -> None:
    [(line, reason)] = errors(write(tmp_path, "sku,name\nA,b\n", encoding="utf-16"))
    assert line == 1 and "UTF-16" in reason
    assert parse_import_file(tmp_path / "in.csv", encoding="utf-16").products[0].sku == "A"


def test_unsupported_suffix_and_missing_file(tmp_path: Path) -> None:
    assert "use a .csv or .json file" in str(rejected(write(tmp_path, "x", name="orders.xlsx")))
    assert "cannot read the file" in str(rejected(tmp_path / "nope.csv"))
    assert parse_import_file(write(tmp_path, "sku,name\nA,b\n", name="UP.CSV")).products[0].sku == "A"


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\ufeff"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    assert errors(write(tmp_path, text)) == [(1, "the file is empty")]


def test_header_only(tmp_path: Path) -> None:
    assert errors(write(tmp_path, "sku,name\n\n")) == [(1, "the file has a header but no rows")]


def test_header_without_known_kind_or_delimiter(tmp_path: Path) -> None:
    assert "needs order_number" in errors(write(tmp_path, "foo,bar\n1,2\n"))[0][1]
    assert "delimiter" in errors(write(tmp_path, "sku\tname\nA\tb\n"))[0][1]


def test_unknown_missing_and_doubled_columns(tmp_path: Path) -> None:
    reasons = [reason for _, reason in errors(write(tmp_path, "order_number,sku,colour,sku\n1,A,red,A\n"))]
    assert reasons == [
        "unknown column(s) for an orders file: 'colour'",
        "column(s) given twice: 'sku'",
        "an orders file needs the column(s): quantity",
    ]
    assert "'barcodes'" in errors(write(tmp_path, "order_number,sku,quantity,barcodes\n1,A,1,5\n"))[0][1]
    assert errors(write(tmp_path, "sku,barcodes\nA,1\n")) == [(1, "a products file needs the column(s): name")]
    assert errors(write(tmp_path, "sku,quantity\nA,1\n")) == [(1, "an orders file needs the column(s): order_number")]


def test_truncated_last_row(tmp_path: Path) -> None:
    assert errors(write(tmp_path, ORDERS_HEADER + "1,A,1,Jan,,\n2,B")) == [
        (3, "the row has 2 of 6 columns: truncated or a delimiter missing")
    ]


def test_unterminated_quote_at_end_of_file(tmp_path: Path) -> None:
    [(line, reason)] = errors(write(tmp_path, 'sku,name\nA,b\nB,"half a name\nand more'))
    assert line == 3 and "cannot be read" in reason


def test_extra_values_and_unnamed_columns(tmp_path: Path) -> None:
    assert parse_import_file(write(tmp_path, "sku;name;;\nA;b;;\n")).products[0].name == "b"
    assert errors(write(tmp_path, "sku,name\nA,b,c\n")) == [(2, "the row has 3 columns but the header has 2")]
    assert "without a name" in errors(write(tmp_path, "sku;name;\nA;b;x\n"))[0][1]


def test_duplicate_order_numbers_need_consecutive_rows(tmp_path: Path) -> None:
    text = ORDERS_HEADER + "1,A,1,,,\n2,A,1,,,\n1,B,1,,,\n"
    assert errors(write(tmp_path, text)) == [
        (4, "duplicate order number '1' (first at line 2); rows of one order must follow each other")
    ]


@pytest.mark.parametrize(
    ("quantity", "reason"),
    [
        ("0", "quantity must be at least 1, got 0"),
        ("-3", "quantity must be at least 1, got -3"),
        ("1.5", "quantity must be a whole number ≥ 1, got '1.5'"),
        ("abc", "quantity must be a whole number ≥ 1, got 'abc'"),
        ("", "quantity is empty"),
        ("100001", "quantity must be at most 100000, got 100001"),
    ],
)
def test_bad_quantities(tmp_path: Path, quantity: str, reason: str) -> None:
    assert errors(write(tmp_path, f"order_number,sku,quantity\n1,A,{quantity}\n")) == [(2, reason)]


def test_all_errors_reported_together_sorted_by_line(tmp_path: Path) -> None:
    text = ORDERS_HEADER + "1,A,0,,,\n2,,1,,,\n3,C,2,,cod,\nCMD-FINISH,D,1,,,\n4,E,1,,prepaid,5\n"
    exc = rejected(write(tmp_path, text, name="shop.csv"))
    assert str(exc).startswith("shop.csv: 5 errors, nothing imported\n  line 2: quantity")
    assert exc.errors == [
        (2, "quantity must be at least 1, got 0"),
        (3, "sku is empty"),
        (4, "payment cod needs a positive cod_amount"),
        (5, "order_number 'CMD-FINISH' starts with CMD-, reserved for command barcodes"),
        (6, "cod_amount 5 is given but payment is prepaid"),
    ]


def test_line_numbers_count_physical_lines_and_skip_blank_rows(tmp_path: Path) -> None:
    text = 'sep=;\nsku;name\nA;"two\nlines"\n\n;;\nB;\n'
    assert errors(write(tmp_path, text)) == [(3, "name contains a control character (U+000A)"), (7, "name is empty")]


def test_cod_payment_values(tmp_path: Path) -> None:
    text = ORDERS_HEADER + '1,A,1,,cod,"149,90"\n2,A,1,,cod,-5\n3,A,1,,cod,1.234\n4,A,1,,card,\n5,A,1,,cod,12 000\n'
    path = write(tmp_path, text)
    assert errors(path) == [
        (3, "payment cod needs a positive cod_amount"),
        (4, "cod_amount 1.234 has more than 2 decimal places"),
        (5, "payment must be one of prepaid, cod, got 'card'"),
        (6, "cod_amount must be a number like 12.50 or 12,50, got '12 000'"),
    ]


def test_order_codes_status_and_email(tmp_path: Path) -> None:
    header = "order_number,sku,quantity,country,currency,status,email\n"
    path = write(tmp_path, header + "1,A,1,de,eur,Cancelled,a@b.pl\n")
    order = parse_import_file(path).orders[0]
    assert (order.address.country, order.currency, order.status, order.email) == ("DE", "EUR", "cancelled", "a@b.pl")
    assert [reason for _, reason in errors(write(tmp_path, header + "1,A,1,Polska,zł,shipped,nope\n"))] == [
        "email 'nope' does not look like an e-mail address",
        "country must be a 2-letter code, got 'POLSKA'",
        "currency must be a 3-letter code, got 'ZŁ'",
        "status must be one of new, cancelled, got 'shipped'",
    ]


def test_products_barcodes_packs_and_weight(tmp_path: Path) -> None:
    text = PRODUCTS_HEADER + 'A,Kubek,5901234123457| INT-42 |,15901234123454*6|25901234123451*24,"0,35"\n'
    product = parse_import_file(write(tmp_path, text)).products[0]
    assert product.barcodes == ("5901234123457", "INT-42")
    assert product.packs == (PackRecord("15901234123454", 6), PackRecord("25901234123451", 24))
    assert product.weight_kg == Decimal("0.35") and product.bin_location == ""


def test_product_rules(tmp_path: Path) -> None:
    text = PRODUCTS_HEADER + (
        "A,a,CMD-FINISH,,\n"
        "B,b,5901234123458,,-1\n"
        "C,c,5901234123457,05901234123457*6,\n"
        "D,d,5901234123457,,\n"
        "A,again,,15901234123454*x,\n"
        "E,e,,5901234123464,\n"
    )
    assert errors(write(tmp_path, text)) == [
        (2, "barcode 'CMD-FINISH' uses a reserved prefix (CMD- and ORD- are Packstation's own codes)"),
        (3, "barcode '5901234123458' has a wrong check digit (expected 7)"),
        (3, "weight_kg must be 0 or more, got -1"),
        (4, "barcode '05901234123457' is given twice for this product (or as unit and pack code)"),
        (5, "barcode '5901234123457' is already used by SKU 'C' at line 4"),
        (6, "pack units must be a whole number ≥ 1, got 'x'"),
        (6, "duplicate SKU 'A' (first at line 2)"),
        (7, "pack '5901234123464' must be written barcode*units, e.g. 15901234123454*6"),
    ]


def test_whitespace_around_keys_is_stripped(tmp_path: Path) -> None:
    batch = parse_import_file(write(tmp_path, "sku,name\n  A-1\u00a0,  Mug  \n"))
    assert batch.products[0].sku == "A-1" and batch.products[0].name == "Mug" and batch.line_of == {"A-1": 2}


def test_control_characters_rejected_but_line_breaks_allowed_in_notes(tmp_path: Path) -> None:
    header = "order_number,sku,quantity,notes,customer_name\n"
    text = header + '1,A,1,"ring twice\nthen wait",Jan\n2,B\x07,1,,\n3,C,1,,Ja\x1bn\n4,D\t,1,,\n'
    assert errors(write(tmp_path, text)) == [
        (4, "sku contains a control character (U+0007)"),
        (5, "customer_name contains a control character (U+001B)"),
        (6, "sku contains a control character (U+0009)"),
    ]


def test_ten_kilobyte_field(tmp_path: Path) -> None:
    big = "Ż" * 10_000
    assert errors(write(tmp_path, f"sku,name\nA,ok\nB,{big}\n")) == [
        (3, "name is too long: 10000 characters, at most 300")
    ]
    notes = "order_number,sku,quantity,notes\n1,A,1," + "x" * 10_240 + "\n"
    assert errors(write(tmp_path, notes)) == [(2, "notes is too long: 10240 characters, at most 2000")]


def test_field_beyond_the_csv_module_limit(tmp_path: Path) -> None:
    [(line, reason)] = errors(write(tmp_path, "sku,name\nA," + "x" * 200_000 + "\n"))
    assert line == 2 and "field larger than field limit" in reason


def test_decimal_limits(tmp_path: Path) -> None:
    text = PRODUCTS_HEADER + 'A,a,,,1.2345\nB,b,,,1000000\nC,c,,,1e3\nD,d,,,"1.234,5"\n'
    assert errors(write(tmp_path, text)) == [
        (2, "weight_kg 1.2345 has more than 3 decimal places"),
        (3, "weight_kg must be below 1000000, got 1000000"),
        (4, "weight_kg must be a number like 12.50 or 12,50, got '1e3'"),
        (5, "weight_kg must be a number like 12.50 or 12,50, got '1.234,5'"),
    ]


def test_product_tracking_modes(tmp_path: Path) -> None:
    text = "sku;name;tracking\nA;Syrop;serial\nB;Miód;LOT\nC;Kubek;\nD;Herbata;batch\n"
    assert errors(write(tmp_path, text)) == [(5, "tracking must be one of none, lot, serial, got 'batch'")]
    batch = parse_import_file(write(tmp_path, text.rsplit("D;", 1)[0]))
    assert [(p.sku, p.tracking) for p in batch.products] == [("A", "serial"), ("B", "lot"), ("C", "none")]


def test_cartons_file(tmp_path: Path) -> None:
    text = "carton;length_mm;width_mm;height_mm;tare_kg;barcode\nm;350;250;150;0,30;\nL;500;350;300;0.6;5909990000012\n"
    batch = parse_import_file(write(tmp_path, text))
    assert [(c.name, c.size, c.tare_kg, c.barcode) for c in batch.cartons] == [
        ("M", "350×250×150 mm", Decimal("0.30"), ""),
        ("L", "500×350×300 mm", Decimal("0.6"), "5909990000012"),
    ]
    header = "carton,length_mm,width_mm,height_mm,tare_kg,barcode\n"
    bad = header + "A B,1,2,3,0,\nC,0,2,9000,-1,CMD-X\nM,1,1,1,0,\nM,1,1,1,0,\n"
    assert errors(write(tmp_path, bad)) == [
        (2, "carton name 'A B' must be 1 to 24 of A-Z, 0-9, '-', '_', '.', starting with a letter or digit"),
        (3, "length_mm must be at least 1, got 0"),
        (3, "height_mm must be at most 5000 mm, got 9000"),
        (3, "tare_kg must be 0 or more, got -1"),
        (3, "barcode 'CMD-X' uses a reserved prefix (CMD- and ORD- are Packstation's own codes)"),
        (5, "duplicate carton 'M' (first at line 4)"),
    ]
    assert errors(write(tmp_path, "carton,tare_kg\nS,0.1\n")) == [
        (1, "a cartons file needs the column(s): length_mm, width_mm, height_mm")
    ]
