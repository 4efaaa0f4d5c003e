"""The documented JSON format: one object ``{"products": [...], "orders": [...]}``.

The standard library's pure-Python JSON scanner is used with its object and array parsers
wrapped, so every object and array remembers the line its ``{`` or ``[`` stands on; errors
then name the line where the offending product, order or order line starts. Floats parse
as ``Decimal``, so ``"cod_amount": 123.45`` is exact.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from collections import Counter
from decimal import Decimal

from packstation.domain.records import ImportBatch

from .validation import (
    ADDRESS_FIELDS,
    ORDER_FIELDS,
    PRODUCT_FIELDS,
    BatchBuilder,
    FieldError,
    parse_decimal,
    rejection,
    show,
)

TOP_KEYS = ("products", "orders")
ORDER_KEYS = (*ORDER_FIELDS, "shipping_address", "lines")
LINE_KEYS = ("sku", "quantity", "name")
PAYMENT_KEYS = {"method": "payment", "amount": "cod_amount", "currency": "currency"}


class JsonObject(dict):
    """A decoded JSON object with the line it starts on and the keys it repeated."""

    line = 0
    repeated: tuple[str, ...] = ()


class JsonArray(list):
    """A decoded JSON array with the line it starts on."""

    line = 0


def load_with_lines(text: str) -> object:
    """``json.loads`` whose objects and arrays carry ``.line``; raises ``json.JSONDecodeError``."""
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]

    def line_at(index: int) -> int:
        return bisect.bisect_left(breaks, index) + 1

    def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None, *rest):
        line = line_at(s_and_end[1] - 1)

        def make(pairs: list[tuple[str, object]]) -> JsonObject:
            obj = JsonObject(pairs)
            obj.line = line
            counts = Counter(key for key, _ in pairs)
            obj.repeated = tuple(sorted(key for key, count in counts.items() if count > 1))
            return obj

        return json.decoder.JSONObject(s_and_end, strict, scan_once, None, make, memo, *rest)

    def parse_array(s_and_end, scan_once, *rest):
        values, end = json.decoder.JSONArray(s_and_end, scan_once, *rest)
        array = JsonArray(values)
        array.line = line_at(s_and_end[1] - 1)
        return array, end

    decoder = json.JSONDecoder(parse_float=Decimal, parse_constant=Decimal)
    decoder.parse_object = parse_object
    decoder.parse_array = parse_array
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    return decoder.decode(text)


def parse_json(text: str, file_name: str) -> ImportBatch:
    """Parse a decoded JSON file into an ``ImportBatch``; ``ImportRejected`` lists every bad object."""
    if not text.strip():
        raise rejection(file_name, [(1, "the file is empty")])
    try:
        data = load_with_lines(text)
    except json.JSONDecodeError as exc:
        raise rejection(file_name, [(exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")]) from None
    except RecursionError:
        raise rejection(file_name, [(1, "invalid JSON: nested too deeply")]) from None
    if not isinstance(data, JsonObject):
        raise rejection(file_name, [(1, 'the file must hold one object: {"products": [...], "orders": [...]}')])
    builder = BatchBuilder(file_name, default_source="json")
    if _keys_ok(data, TOP_KEYS, "the file", builder) and not any(key in data for key in TOP_KEYS):
        builder.error(data.line, 'the object needs "products" and/or "orders"')
    for item in _items(data, "products", builder):
        _keys_ok(item, PRODUCT_FIELDS, "a product", builder)
        builder.add_product(item, item.line)  # validated anyway, to report all its problems
    for item in _items(data, "orders", builder):
        _add_order(item, builder)
    return builder.result()


def _items(data: JsonObject, key: str, builder: BatchBuilder) -> list[JsonObject]:
    """The objects in ``data[key]``; anything else in the list is logged at the list's line."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, JsonArray):
        builder.error(data.line, f'"{key}" must be a list, got {show(value)}')
        return []
    for index, item in enumerate(value):
        if not isinstance(item, JsonObject):
            builder.error(value.line, f"{key}[{index}] must be an object, got {show(item)}")
    return [item for item in value if isinstance(item, JsonObject)]


def _keys_ok(obj: JsonObject, allowed: tuple[str, ...], what: str, builder: BatchBuilder) -> bool:
    """Log unknown and repeated keys of ``obj``; True when there are none."""
    unknown = [key for key in obj if key not in allowed]
    if unknown:
        builder.error(obj.line, f"unknown key(s) in {what}: {', '.join(map(show, unknown))}")
    if obj.repeated:
        builder.error(obj.line, f"key(s) given twice in {what}: {', '.join(map(show, obj.repeated))}")
    return not unknown and not obj.repeated


def _add_order(order: JsonObject, builder: BatchBuilder) -> None:
    """Flatten ``shipping_address`` and a ``payment`` object, then validate the order.

    Every problem is logged; the order is still validated after a structural problem so
    that its other errors are reported in the same run.
    """
    _keys_ok(order, ORDER_KEYS, "an order", builder)
    fields = {key: value for key, value in order.items() if key not in ("shipping_address", "lines")}
    address = order.get("shipping_address")
    if isinstance(address, JsonObject):
        _keys_ok(address, ADDRESS_FIELDS, "shipping_address", builder)
        _merge(fields, dict(address), address.line, builder)
    elif address is not None:
        builder.error(order.line, f"shipping_address must be an object, got {show(address)}")
    payment = order.get("payment")
    if isinstance(payment, JsonObject):
        _keys_ok(payment, tuple(PAYMENT_KEYS), "payment", builder)
        if "method" not in payment:
            builder.error(payment.line, 'payment needs a "method": prepaid or cod')
        moved = {PAYMENT_KEYS[key]: value for key, value in payment.items() if key in PAYMENT_KEYS}
        fields["payment"] = moved.pop("payment", None)
        if str(fields["payment"]).strip().lower() != "cod":
            moved.pop("cod_amount", None)  # for a prepaid order the amount is what was paid
        _merge(fields, moved, payment.line, builder)
    lines = order.get("lines")
    entries: list[tuple[int, JsonObject]] = []
    reported = False  # the lines' shape is already reported: no extra "has no lines"
    if isinstance(lines, JsonArray):
        for index, line in enumerate(lines):
            if isinstance(line, JsonObject):
                _keys_ok(line, LINE_KEYS, "an order line", builder)
                entries.append((line.line, line))
            else:
                builder.error(lines.line, f"lines[{index}] must be an object, got {show(line)}")
                reported = True
    elif lines is not None:
        builder.error(order.line, f'"lines" must be a list, got {show(lines)}')
        reported = True
    builder.add_order(fields, order.line, None if reported and not entries else entries)


def _merge(fields: dict[str, object], extra: dict[str, object], line: int, builder: BatchBuilder) -> None:
    """Add nested values to the flat fields; a field given both ways must agree."""
    for key, value in extra.items():
        old = fields.get(key)
        if old not in (None, "") and value not in (None, ""):
            if not _same(key, old, value):
                builder.error(line, f"{key} is given twice with different values: {show(old)} and {show(value)}")
        elif value not in (None, ""):
            fields[key] = value


def _same(key: str, a: object, b: object) -> bool:
    """Whether two spellings of one field agree: amounts by value, text ignoring case."""
    if key == "cod_amount":
        try:
            return parse_decimal(a, key) == parse_decimal(b, key)
        except FieldError:
            pass
    return str(a).strip().lower() == str(b).strip().lower()
