"""The documented JSON format: one object ``{"products": [...], "orders": [...]}``.

``load_with_lines`` walks the document's objects and arrays itself and decodes every key
and scalar with the public ``json.JSONDecoder.raw_decode``, so every object and array
remembers the line its ``{`` or ``[`` stands on; errors then name the line where the
offending product, order or order line starts. Floats parse as ``Decimal``, so
``"cod_amount": 123.45`` is exact. Syntax errors are ``json.JSONDecodeError`` with the
same message and position the standard library gives; nesting deeper than ``MAX_DEPTH``,
a lone surrogate escape and an over-long integer are refused the same way.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

from packstation.domain.records import ImportBatch

from .validation import (
    ADDRESS_FIELDS,
    CARTON_FIELDS,
    LINE_PRICE_FIELDS,
    ORDER_FIELDS,
    PRODUCT_FIELDS,
    BatchBuilder,
    FieldError,
    parse_decimal,
    rejection,
    show,
)

TOP_KEYS = ("products", "orders", "cartons")
ORDER_KEYS = (*ORDER_FIELDS, "shipping_address", "lines")
LINE_KEYS = ("sku", "quantity", "name", *LINE_PRICE_FIELDS)
PAYMENT_KEYS = {"method": "payment", "amount": "cod_amount", "currency": "currency"}


# The import format nests five levels at most; the limit only stops hostile input early.
MAX_DEPTH = 100
_WHITESPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace, as the stdlib skips it
_SURROGATE = re.compile("[\ud800-\udfff]")  # left over only from a lone \uXXXX escape
_MORE = object()  # from _Walker steps: "no complete value yet, the next one starts at the index"


class JsonObject(dict):
    """A decoded JSON object with the line it starts on and the keys it repeated."""

    line = 0
    repeated: tuple[str, ...] = ()


class JsonArray(list):
    """A decoded JSON array with the line it starts on."""

    line = 0


def load_with_lines(text: str) -> object:
    """``json.loads`` whose objects and arrays carry ``.line``; raises ``json.JSONDecodeError``.

    Floats and ``NaN``/``Infinity`` become ``Decimal``. A repeated key keeps its last value,
    as in ``json.loads``, and is listed in the object's ``.repeated``. The walk keeps its own
    stack instead of recursing, so hostile nesting cannot exhaust Python's.
    """
    return _Walker(text).run()


class _Walker:
    """One pass over a JSON text: containers handled here, keys and scalars by ``raw_decode``.

    Error messages and positions follow the standard library's parser, so a caller sees the
    same ``JSONDecodeError`` that ``json.loads`` would raise for the same text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.decoder = json.JSONDecoder(parse_float=Decimal, parse_constant=Decimal)
        self.breaks = [match.start() for match in re.finditer("\n", text)]
        # Open containers, innermost last, each with the key its next value goes under.
        self.stack: list[tuple[JsonObject | JsonArray, str]] = []

    def run(self) -> object:
        """The decoded document."""
        index = self.skip(0)
        while True:
            value, index = self.begin(index)
            while value is not _MORE:  # a complete value: store it, closing what it completes
                if not self.stack:
                    index = self.skip(index)
                    if index != len(self.text):
                        raise self.fail("Extra data", index)
                    return value
                value, index = self.store(value, index)

    def begin(self, index: int) -> tuple[object, int]:
        """Start the value at ``index``: a scalar or empty container is complete at once."""
        opener = self.text[index : index + 1]
        if opener not in ("{", "["):
            return self.scalar(index)
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(f"Nested too deeply (more than {MAX_DEPTH} levels)", index)
        container = JsonObject() if opener == "{" else JsonArray()
        container.line = bisect.bisect_left(self.breaks, index) + 1
        index = self.skip(index + 1)
        if self.text[index : index + 1] == ("}" if opener == "{" else "]"):
            return container, index + 1
        name, index = self.key(index) if opener == "{" else ("", index)
        self.stack.append((container, name))
        return _MORE, index

    def store(self, value: object, index: int) -> tuple[object, int]:
        """Put ``value`` into the innermost container; return it if it closes after ``value``."""
        parent, name = self.stack[-1]
        if isinstance(parent, JsonObject):
            if name in parent:
                parent.repeated = tuple(sorted({*parent.repeated, name}))
            parent[name] = value  # the last value wins, as in json.loads
        else:
            parent.append(value)
        index = self.skip(index)
        delimiter = self.text[index : index + 1]
        if delimiter == ",":
            index = self.skip(index + 1)
            if isinstance(parent, JsonObject):
                name, index = self.key(index)
                self.stack[-1] = (parent, name)
            return _MORE, index
        if delimiter != ("}" if isinstance(parent, JsonObject) else "]"):
            raise self.fail("Expecting ',' delimiter", index)
        self.stack.pop()
        return parent, index + 1

    def key(self, index: int) -> tuple[str, int]:
        """The ``"key":`` at ``index``, and the index where its value starts."""
        if self.text[index : index + 1] != '"':
            raise self.fail("Expecting property name enclosed in double quotes", index)
        name, index = self.scalar(index)
        assert isinstance(name, str)  # a value starting with '"' decodes to a string
        index = self.skip(index)
        if self.text[index : index + 1] != ":":
            raise self.fail("Expecting ':' delimiter", index)
        return name, self.skip(index + 1)

    def scalar(self, index: int) -> tuple[object, int]:
        """The string, number or constant at ``index``, and the index after it."""
        try:
            value, end = self.decoder.raw_decode(self.text, index)
        except json.JSONDecodeError:
            raise
        except ValueError:  # int() refuses more digits than this, against quadratic-time conversion
            raise self.fail(f"Number too long (more than {sys.get_int_max_str_digits()} digits)", index) from None
        if isinstance(value, str) and (bad := _SURROGATE.search(value)):
            # Python decodes "\ud800" alone, but no UTF-8 file or database can store the result.
            raise self.fail(f"Lone surrogate \\u{ord(bad.group()):04x} in a string is not valid Unicode", index)
        return value, end

    def skip(self, index: int) -> int:
        """The index of the first non-whitespace character from ``index`` on."""
        blank = _WHITESPACE.match(self.text, index)
        assert blank is not None  # "[ \t\n\r]*" matches everywhere, if only the empty string
        return blank.end()

    def fail(self, message: str, index: int) -> json.JSONDecodeError:
        """The error to raise, with line and column computed from ``index`` by the stdlib."""
        return json.JSONDecodeError(message, self.text, index)


def parse_json(text: str, file_name: str, base_dir: Path | None = None) -> ImportBatch:
    """Parse a decoded JSON file into an ``ImportBatch``; ``ImportRejected`` lists every bad object.

    ``base_dir``: the folder carrier label paths are relative to (the file's own; else the current one).
    """
    if not text.strip():
        raise rejection(file_name, [(1, "the file is empty")])
    try:
        data = load_with_lines(text)
    except json.JSONDecodeError as exc:
        raise rejection(file_name, [(exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")]) from None
    if not isinstance(data, JsonObject):
        raise rejection(file_name, [(1, 'the file must hold one object: {"products": [...], "orders": [...]}')])
    builder = BatchBuilder(file_name, default_source="json", base_dir=base_dir)
    if _keys_ok(data, TOP_KEYS, "the file", builder) and not any(key in data for key in TOP_KEYS):
        builder.error(data.line, 'the object needs "products", "orders" and/or "cartons"')
    for item in _items(data, "products", builder):
        _keys_ok(item, PRODUCT_FIELDS, "a product", builder)
        builder.add_product(item, item.line)  # validated anyway, to report all its problems
    for item in _items(data, "orders", builder):
        _add_order(item, builder)
    for item in _items(data, "cartons", builder):
        _keys_ok(item, CARTON_FIELDS, "a carton", builder)
        builder.add_carton(item, item.line)
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
    if isinstance(order.get("carrier_label"), JsonObject):
        fields["carrier_label"] = dict(order["carrier_label"])  # {"base64": …, "format": …}, checked as a whole
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
