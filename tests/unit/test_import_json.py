"""The documented JSON import format: products and orders, line numbers and every rule."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from packstation.adapters.importers import parse_import_file
from packstation.adapters.importers.json_format import MAX_DEPTH, JsonArray, JsonObject, load_with_lines
from packstation.domain.errors import ImportRejected
from packstation.domain.records import PackRecord

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "sample"


def write(tmp_path: Path, data: object, name: str = "in.json") -> Path:
    """``data`` as pretty JSON (one key per line), or a str/bytes written as is."""
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2, ensure_ascii=False), "utf-8")
    return path


def errors(path: Path, encoding: str | None = None) -> list[tuple[int, str]]:
    with pytest.raises(ImportRejected) as info:
        parse_import_file(path, encoding)
    return info.value.errors


def order(number: object = "1001", **fields: object) -> dict[str, object]:
    return {"order_number": number, "lines": [{"sku": "A", "quantity": 1}], **fields}


def test_sample_orders_parse() -> None:
    batch = parse_import_file(SAMPLES / "orders.json")
    first, cod = batch.orders
    assert first.source == "json" and first.address.street == "ul. Świętokrzyska 31/33"
    assert [(line.sku, line.quantity) for line in first.lines] == [("KUB-001", 12), ("MIO-004", 1)]
    assert cod.payment == "cod" and cod.cod_amount == Decimal("123.45") and cod.address.city == "Gdańsk"
    assert batch.line_of == {"2001": 3, "2002": 25}


def test_line_tracking_loader() -> None:
    data = load_with_lines('{\n "a": [\n  {"b": 1},\n\n  {"c": 2.5}\n ]\n}')
    assert data.line == 1 and data["a"].line == 2
    assert [item.line for item in data["a"]] == [3, 5]
    assert data["a"][1]["c"] == Decimal("2.5")


def test_loader_lines_at_every_depth() -> None:
    text = '[{"a": {"b": [[1,\n  {"c": {}}], []]},\r\n "d":\n\n  [{"e": [\n{}]}]}, [], {}\n]'
    data = load_with_lines(text)
    assert isinstance(data, JsonArray) and data.line == 1
    first = data[0]
    assert isinstance(first, JsonObject) and first.line == 1
    assert (first["a"].line, first["a"]["b"].line, first["a"]["b"][0].line) == (1, 1, 1)
    assert (first["a"]["b"][0][1].line, first["a"]["b"][0][1]["c"].line, first["a"]["b"][1].line) == (2, 2, 2)
    assert (first["d"].line, first["d"][0].line, first["d"][0]["e"].line, first["d"][0]["e"][0].line) == (5, 5, 5, 6)
    assert (data[1].line, data[2].line) == (6, 6)
    assert data == json.loads(text)


def test_loader_repeated_keys() -> None:
    data = load_with_lines('{"b": 1, "a": 2, "b": 3, "c": {"x": 1, "x": 2}, "a": 4, "b": 5, "d": {"y": 1}}')
    assert data == {"b": 5, "a": 4, "c": {"x": 2}, "d": {"y": 1}}  # the last value wins, as in json.loads
    assert list(data) == ["b", "a", "c", "d"]
    assert data.repeated == ("a", "b") and data["c"].repeated == ("x",) and data["d"].repeated == ()


def test_loader_numbers_are_decimal() -> None:
    text = "[1, -0, 2.5, -1e-3, 1E+2, 0.1, 123456789012345678901234567890.5, NaN, Infinity, -Infinity, true, null]"
    data = load_with_lines(text)
    assert [type(value) for value in data] == [int, int, *[Decimal] * 8, bool, type(None)]
    assert data[:7] == [1, 0, Decimal("2.5"), Decimal("-0.001"), Decimal("100"), Decimal("0.1"),
                        Decimal("123456789012345678901234567890.5")]  # fmt: skip
    assert data[7].is_nan() and data[8] == Decimal("Infinity") and data[9] == Decimal("-Infinity")


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ('{\n  "orders": [\n    {"a": 1,\n', "Expecting property name enclosed in double quotes", 4, 1),
        ('{\n  "orders": [\n    {"a": 1}', "Expecting ',' delimiter", 3, 13),
        ('{\n  "orders": [\n    {"a": ', "Expecting value", 3, 11),
        ('{\n  "orders": [\n    {"a"', "Expecting ':' delimiter", 3, 9),
        ('{\n  "orders": [\n    {"a": "Łód', "Unterminated string starting at", 3, 11),
        ("[", "Expecting value", 1, 2),
        ("hello", "Expecting value", 1, 1),
        ('{"a": 1}\n  xyz', "Extra data", 2, 3),
        ('{"a": 1 "b": 2}', "Expecting ',' delimiter", 1, 9),
        ("[1, 2,\n]", "Expecting value", 2, 1),
        ('{"a": [1, 2}', "Expecting ',' delimiter", 1, 12),
        ('{"a": "x\\qy"}', "Invalid \\escape", 1, 9),
        ('{"a": tru}', "Expecting value", 1, 7),
    ],
)
def test_loader_errors_name_line_and_column(text: str, message: str, line: int, column: int) -> None:
    with pytest.raises(json.JSONDecodeError) as info:
        load_with_lines(text)
    assert (info.value.msg, info.value.lineno, info.value.colno) == (message, line, column)
    with pytest.raises(json.JSONDecodeError) as stdlib:  # the same error json.loads gives
        json.loads(text)
    assert (info.value.msg, info.value.pos) == (stdlib.value.msg, stdlib.value.pos)


def test_lone_surrogate_escape_is_refused(tmp_path: Path) -> None:
    assert load_with_lines('["\\ud83d\\ude00"]') == ["\U0001f600"]  # a pair is one character
    for text, column in (('{"a":\n  "x\\ud800"}', 3), ('{"\\udc00": 1}', 2)):
        with pytest.raises(json.JSONDecodeError) as info:
            load_with_lines(text)
        assert "Lone surrogate" in info.value.msg and "not valid Unicode" in info.value.msg
        assert (info.value.lineno, info.value.colno) == (text.count("\n") + 1, column)
    data = {"products": [{"sku": "A", "name": "x"}]}
    path = write(tmp_path, json.dumps(data, indent=2).replace('"x"', '"x\\ud800"'))
    assert errors(path) == [(5, "invalid JSON: Lone surrogate \\ud800 in a string is not valid Unicode (column 15)")]


def test_deep_nesting_is_refused_without_recursion(tmp_path: Path) -> None:
    for opener in ("[", '{"a":'):
        with pytest.raises(json.JSONDecodeError) as info:
            load_with_lines(opener * 100_000)
        assert info.value.msg == f"Nested too deeply (more than {MAX_DEPTH} levels)"
        assert info.value.pos == MAX_DEPTH * len(opener)
    nested = load_with_lines("[" * MAX_DEPTH + "]" * MAX_DEPTH)  # the limit itself is fine
    for _ in range(MAX_DEPTH - 1):
        nested = nested[0]
    assert nested == []
    path = write(tmp_path, '{"orders":\n' + "[" * 100_000)
    assert errors(path) == [(2, f"invalid JSON: Nested too deeply (more than {MAX_DEPTH} levels) (column {MAX_DEPTH})")]


def test_overlong_integer_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, '{"orders": [\n  ' + "9" * 5000 + "]}")
    [(line, reason)] = errors(path)
    assert (line, reason) == (2, "invalid JSON: Number too long (more than 4300 digits) (column 3)")


def test_products_and_orders_in_one_file(tmp_path: Path) -> None:
    product = {
        "sku": "A",
        "name": "Kubek „Żubr”",
        "barcodes": ["5901234123457", "INT-7"],
        "packs": [{"barcode": "15901234123454", "quantity": 6}, "25901234123451*24"],
        "weight_kg": 0.35,
        "bin_location": "A-01",
    }
    batch = parse_import_file(write(tmp_path, {"products": [product], "orders": [order(1001)]}))
    [prod] = batch.products
    assert prod.barcodes == ("5901234123457", "INT-7") and prod.weight_kg == Decimal("0.35")
    assert prod.packs == (PackRecord("15901234123454", 6), PackRecord("25901234123451", 24))
    assert batch.orders[0].number == "1001" and batch.orders[0].external_id == "1001"
    assert batch.line_of == {"A": 3, "1001": 22}


def test_order_defaults_flat_and_nested_address(tmp_path: Path) -> None:
    nested = order("N", customer_name="Zoë", shipping_address={"street": "Długa 1", "postal_code": "00-001",
                                                                "city": "Warszawa", "country": "pl"})  # fmt: skip
    flat = order("F", street="Krótka 2", city="Łódź", country="DE", payment="COD", cod_amount="12,50")
    batch = parse_import_file(write(tmp_path, {"orders": [nested, flat]}))
    n, f = batch.orders
    assert (n.address.name, n.address.street, n.address.city) == ("Zoë", "Długa 1", "Warszawa")
    assert n.address.country == "PL"
    assert (n.payment, n.cod_amount, n.currency, n.status, n.source) == ("prepaid", None, "PLN", "new", "json")
    assert (f.address.street, f.address.country) == ("Krótka 2", "DE")
    assert (f.payment, f.cod_amount) == ("cod", Decimal("12.50"))


def test_payment_object(tmp_path: Path) -> None:
    cod = order("C", payment={"method": "cod", "amount": "123.45", "currency": "EUR"})
    paid = order("P", payment={"method": "prepaid", "amount": 99.99})
    number = order("X", payment={"method": "cod", "amount": 123.45}, cod_amount="123,450")
    batch = parse_import_file(write(tmp_path, {"orders": [cod, paid, number]}))
    assert [(o.payment, o.cod_amount, o.currency) for o in batch.orders] == [
        ("cod", Decimal("123.45"), "EUR"),
        ("prepaid", None, "PLN"),
        ("cod", Decimal("123.45"), "PLN"),
    ]


def test_nested_and_flat_values_must_agree(tmp_path: Path) -> None:
    clash = order("1", city="Kraków", shipping_address={"city": "Łódź"}, payment={"method": "cod", "amount": 5},
                  cod_amount="6")  # fmt: skip
    assert [reason for _, reason in errors(write(tmp_path, {"orders": [clash]}))] == [
        "city is given twice with different values: 'Kraków' and 'Łódź'",
        "cod_amount is given twice with different values: '6' and '5'",
    ]


@pytest.mark.parametrize(
    "text",
    ['{"orders": [\n  {"order_number": "1",\n', '{"orders": [\n  {"order_number": "1"},\n]}', "{\n\n  orders: []}"],
)
def test_syntax_errors_name_line_and_column(tmp_path: Path, text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as info:  # the stdlib's position is what we report
        json.loads(text)
    exc = info.value
    assert errors(write(tmp_path, text)) == [(exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")]


def test_truncated_file(tmp_path: Path) -> None:
    text = json.dumps({"orders": [order("1"), order("2")]}, indent=2)
    [(line, reason)] = errors(write(tmp_path, text[: len(text) // 2]))
    assert reason.startswith("invalid JSON:") and line == len(text[: len(text) // 2].splitlines())


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "the file is empty"),
        ("  \n", "the file is empty"),
        ("[]", 'the file must hold one object: {"products": [...], "orders": [...]}'),
        ("{}", 'the object needs "products", "orders" and/or "cartons"'),
        ('{"orders": []}', "the file holds no products and no orders"),
        ('{"orders": {}}', "\"orders\" must be a list, got '{}'"),
        ('{"orders": [], "customers": []}', "unknown key(s) in the file: 'customers'"),
    ],
)
def test_file_level_errors(tmp_path: Path, text: str, reason: str) -> None:
    assert errors(write(tmp_path, text)) == [(1, reason)]


def test_unknown_and_repeated_keys(tmp_path: Path) -> None:
    text = """{"products": [
  {"sku": "A", "name": "", "colour": "red"}
],
"orders": [
  {"order_number": "1", "order_number": "2",
   "shipping_address": {"street": "x", "floor": 3},
   "lines": [{"sku": "A", "quantity": 1, "price": 5}]}
]}"""
    assert errors(write(tmp_path, text)) == [
        (2, "unknown key(s) in a product: 'colour'"),
        (2, "name is empty"),
        (5, "key(s) given twice in an order: 'order_number'"),
        (6, "unknown key(s) in shipping_address: 'floor'"),
        (7, "unknown key(s) in an order line: 'price'"),
    ]


def test_duplicate_order_numbers_and_skus(tmp_path: Path) -> None:
    data = {
        "products": [{"sku": "A", "name": "a"}, {"sku": " A ", "name": "again"}],
        "orders": [order("1001"), order(1001), order("1002", external_id="1001")],
    }
    assert errors(write(tmp_path, data)) == [
        (7, "duplicate SKU 'A' (first at line 3)"),
        (22, "duplicate order number '1001' (first at line 13)"),
        (31, "duplicate external_id '1001' (first at line 13)"),
    ]


@pytest.mark.parametrize(
    ("quantity", "reason"),
    [
        (0, "quantity must be at least 1, got 0"),
        (-2, "quantity must be at least 1, got -2"),
        (1.5, "quantity must be a whole number ≥ 1, got '1.5'"),
        ("1.5", "quantity must be a whole number ≥ 1, got '1.5'"),
        ("abc", "quantity must be a whole number ≥ 1, got 'abc'"),
        (True, "quantity must be a whole number ≥ 1, got 'True'"),
        (None, "quantity is empty"),
    ],
)
def test_bad_quantities(tmp_path: Path, quantity: object, reason: str) -> None:
    data = {"orders": [{"order_number": "1", "lines": [{"sku": "A", "quantity": quantity}]}]}
    assert errors(write(tmp_path, data)) == [(6, reason)]  # the line object's "{"


def test_quantity_as_digit_string_is_fine(tmp_path: Path) -> None:
    data = {"orders": [{"order_number": "1", "lines": [{"sku": "A", "quantity": " 3 "}]}]}
    assert parse_import_file(write(tmp_path, data)).orders[0].lines[0].quantity == 3


def test_bad_lines(tmp_path: Path) -> None:
    data = {"orders": [{"order_number": "1"}, {"order_number": "2", "lines": []},
                       {"order_number": "3", "lines": "A*2"}, {"order_number": "4", "lines": ["A"]}]}  # fmt: skip
    assert errors(write(tmp_path, data)) == [
        (3, "order '1' has no lines"),
        (6, "order '2' has no lines"),
        (10, "\"lines\" must be a list, got 'A*2'"),
        (16, "lines[0] must be an object, got 'A'"),  # the array's "[" line
    ]


def test_many_errors_with_their_lines(tmp_path: Path) -> None:
    text = """{
  "orders": [
    {"order_number": "CMD-HOLD", "lines": [{"sku": "A", "quantity": 1}]},
    {"order_number": "2",
     "payment": "cod",
     "lines": [
       {"sku": "A", "quantity": 1},
       {"sku": "", "quantity": 0}
     ]},
    {"order_number": "", "lines": [{"sku": "B", "quantity": 2}]}
  ],
  "products": [
    {"sku": "B", "name": "b", "barcodes": ["CMD-X", "5901234123450"]}
  ]
}"""
    with pytest.raises(ImportRejected) as info:
        parse_import_file(write(tmp_path, text, name="shop.json"))
    assert str(info.value).splitlines()[0] == "shop.json: 6 errors, nothing imported"
    assert info.value.errors == [
        (3, "order_number 'CMD-HOLD' starts with CMD-, reserved for command barcodes"),
        (4, "payment cod needs a positive cod_amount"),
        (8, "sku is empty"),
        (8, "quantity must be at least 1, got 0"),
        (10, "order_number is empty"),
        (
            13,
            "barcode 'CMD-X' uses a reserved prefix (CMD- and ORD- are Packstation's own codes); "
            "barcode '5901234123450' has a wrong check digit (expected 7)",
        ),  # fmt: skip
    ]


def test_control_characters_and_long_fields(tmp_path: Path) -> None:
    data = {"products": [
        {"sku": "A\u0000", "name": "a"},
        {"sku": "B", "name": "b\u0085"},
        {"sku": "C", "name": "Ł" * 10_240},
    ], "orders": [order("1", notes="first line\nsecond line")]}  # fmt: skip
    assert errors(write(tmp_path, data)) == [
        (3, "sku contains a control character (U+0000)"),
        (7, "name contains a control character (U+0085)"),
        (11, "name is too long: 10240 characters, at most 300"),
    ]


def test_wrong_value_types(tmp_path: Path) -> None:
    data = {"orders": [order("1", customer_name=["Jan"], shipping_address="Długa 1", payment="cod",
                             cod_amount=float("nan"))]}  # fmt: skip
    text = json.dumps(data, indent=2)  # writes the non-standard NaN, which Python's parser accepts
    assert [reason for _, reason in errors(write(tmp_path, text))] == [
        "shipping_address must be an object, got 'Długa 1'",
        "customer_name must be text, got \"['Jan']\"",
        "cod_amount must be a number, got 'NaN'",
    ]


def test_bom_and_cp1250_bytes(tmp_path: Path) -> None:
    text = json.dumps({"products": [{"sku": "A", "name": "Żółw"}]}, ensure_ascii=False)
    assert parse_import_file(write(tmp_path, "\ufeff" + text)).products[0].name == "Żółw"
    path = write(tmp_path, text.encode("cp1250"))
    [(line, reason)] = errors(path)
    assert line == 1 and "--encoding cp1250" in reason
    assert parse_import_file(path, encoding="cp1250").products[0].name == "Żółw"


def test_examples_in_the_format_spec_parse() -> None:
    from packstation.adapters.importers import parse_csv, parse_json

    spec = (SAMPLES.parents[1] / "docs" / "import-format.md").read_text("utf-8")
    blocks = re.findall(r"```(csv|json)\n(.*?)```", spec, re.S)
    assert len(blocks) == 6
    for kind, body in blocks:
        # Carrier label paths are relative to the import file: the examples' labels are the samples'.
        batch = (parse_csv if kind == "csv" else parse_json)(body, "import-format.md", SAMPLES)
        assert batch.orders or batch.products


def test_product_tracking_mode(tmp_path: Path) -> None:
    products = [{"sku": "A", "name": "Syrop", "tracking": "serial"}, {"sku": "B", "name": "Kubek"}]
    batch = parse_import_file(write(tmp_path, {"products": products}))
    assert [(p.sku, p.tracking) for p in batch.products] == [("A", "serial"), ("B", "none")]
    path = write(tmp_path, {"products": [{"sku": "A", "name": "Syrop", "tracking": 2}]})
    assert errors(path) == [(3, "tracking must be one of none, lot, serial, got '2'")]


def test_cartons(tmp_path: Path) -> None:
    cartons = [{"carton": "s", "length_mm": 250, "width_mm": 180, "height_mm": 100, "tare_kg": 0.15}]
    batch = parse_import_file(write(tmp_path, {"cartons": cartons}))
    assert [(c.name, c.length_mm, c.tare_kg) for c in batch.cartons] == [("S", 250, Decimal("0.15"))]
    path = write(tmp_path, {"cartons": [{"carton": "S", "length_mm": 1, "width_mm": 1, "height_mm": 1, "colour": 1}]})
    assert errors(path) == [(3, "unknown key(s) in a carton: 'colour'")]
