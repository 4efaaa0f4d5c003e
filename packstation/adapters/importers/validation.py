"""Rules shared by the CSV and JSON importers: field names, conversions and the batch builder.

Format modules hand :class:`BatchBuilder` mappings (field -> raw value) with their start line;
it collects every problem as ``(line, reason)`` and raises them all at once."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TypeVar, overload

from packstation.domain.barcodes import (
    SLIP_PREFIX,
    is_command,
    is_valid_gtin,
    looks_like_gtin,
    normalise,
    printable,
    with_check_digit,
)
from packstation.domain.errors import ImportRejected
from packstation.domain.parcels import Carton, carton_name_problem
from packstation.domain.records import (
    Address,
    CarrierLabel,
    ImportBatch,
    OrderLineRecord,
    OrderRecord,
    PackRecord,
    ProductRecord,
)
from packstation.domain.tracking import TRACKING_MODES

ORDER_FIELDS = ("order_number", "external_id", "source", "customer_name", "email", "phone", "street",
                "postal_code", "city", "country", "carrier", "service", "payment", "cod_amount", "currency",
                "notes", "tracking_number", "status", "gift_note", "carrier_label", "ship_by")  # fmt: skip
# An order line's own fields besides sku, quantity and its name.
LINE_PRICE_FIELDS = ("unit_price", "price_currency")
ADDRESS_FIELDS = ("street", "postal_code", "city", "country")
PRODUCT_FIELDS = ("sku", "name", "barcodes", "packs", "weight_kg", "bin_location", "image_path", "tracking")
CARTON_FIELDS = ("carton", "length_mm", "width_mm", "height_mm", "tare_kg", "barcode")
MAX_CARTON_MM = 5000
MAX_QUANTITY = 100_000
# Character limits matching the database columns (adapters/db/models.py); other fields: 255.
MAX_LENGTH = {"order_number": 64, "external_id": 128, "source": 32, "customer_name": 200, "email": 200,
              "phone": 64, "street": 300, "postal_code": 32, "city": 120, "carrier": 64, "service": 64,
              "notes": 2000, "tracking_number": 64, "sku": 64, "name": 300, "line_name": 300, "barcode": 64,
              "bin_location": 64, "image_path": 500, "gift_note": 1000, "carrier_label": 500}  # fmt: skip
_NUMBER, _INTEGER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?"), re.compile(r"[+-]?[0-9]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_T = TypeVar("_T")
_D = TypeVar("_D")
_K = TypeVar("_K")
LineData = Sequence[tuple[int, Mapping[str, object]]]  # (line, {sku, quantity, name | line_name}) per order line


class FieldError(ValueError):
    """One field's value is unusable; the message is the reason shown to the user."""


def show(value: object) -> str:
    """A value quoted for an error message: control characters visible, long text cut."""
    text = printable(str(value))
    return repr(text if len(text) <= 40 else text[:37] + "...")


def rejection(file_name: str, errors: list[tuple[int, str]]) -> ImportRejected:
    """The one exception a refused file raises: all errors, sorted by line (stable)."""
    rows = sorted(errors, key=lambda item: item[0])
    return ImportRejected(f"{file_name}: {len(rows)} error{'s' * (len(rows) != 1)}, nothing imported", errors=rows)


def clean_text(value: object, field: str, *, multiline: bool = False) -> str:
    """NFC-normalised, stripped text; ``None`` is empty; control characters and overlong text refused.

    Only ``notes`` (``multiline``) may hold line breaks and tabs. JSON integers become text.
    """
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise FieldError(f"{field} must be text, got {show(value)}")
    text = unicodedata.normalize("NFC", str(value))
    for ch in text:
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in "\r\n\t"):
            raise FieldError(f"{field} contains a control character (U+{ord(ch):04X})")
    text = text.strip()
    limit = MAX_LENGTH.get(field, 255)
    if len(text) > limit:
        raise FieldError(f"{field} is too long: {len(text)} characters, at most {limit}")
    return text


def parse_quantity(value: object, field: str = "quantity") -> int:
    """A whole number from 1 to ``MAX_QUANTITY``: JSON integer or digits; ``1.5``, ``0``, ``-2`` refused."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        number = int(value.strip())
    elif value is None or value == "":
        raise FieldError(f"{field} is empty")
    else:
        raise FieldError(f"{field} must be a whole number ≥ 1, got {show(value)}")
    if number < 1:
        raise FieldError(f"{field} must be at least 1, got {number}")
    if number > MAX_QUANTITY:
        raise FieldError(f"{field} must be at most {MAX_QUANTITY}, got {number}")
    return number


def parse_decimal(value: object, field: str, places: int = 3, below: int = 10**6) -> Decimal | None:
    """``12.50``, ``12,50`` or a JSON number -> ``Decimal`` (``places`` decimals, size < ``below``); empty -> None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise FieldError(f"{field} must be a number, got {show(value)}")
    if isinstance(value, (int, Decimal)):
        number = Decimal(value)
    elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        number = Decimal(value.strip().replace(",", "."))
    else:
        raise FieldError(f"{field} must be a number like 12.50 or 12,50, got {show(value)}")
    if not number.is_finite():
        raise FieldError(f"{field} must be a number, got {show(value)}")
    if abs(number) >= below:
        raise FieldError(f"{field} must be below {below}, got {number}")
    if number != number.quantize(Decimal(1).scaleb(-places)):
        raise FieldError(f"{field} {number} has more than {places} decimal places")
    return number


def parse_moment(value: object, field: str = "ship_by") -> datetime | None:
    """``2026-05-04`` or ``2026-05-04T14:00`` (with ``Z`` or ``+02:00``) -> naive UTC; empty -> None.

    A date alone is that day's start; a time without an offset is taken as UTC.
    """
    text = clean_text(value, field)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    except ValueError:
        raise FieldError(f"{field} must be a date like 2026-05-04 or a time like 2026-05-04T14:00+02:00, "
                         f"got {show(value)}") from None  # fmt: skip
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    if not 2000 <= moment.year <= 2100:
        raise FieldError(f"{field} {show(value)} is not a plausible date")
    return moment


def parse_barcode(value: object, field: str = "barcode") -> str:
    """A product barcode: not a reserved command/slip code; GTIN lengths need a right check digit."""
    code = clean_text(value, "barcode")
    if not code:
        raise FieldError(f"{field} is empty")
    if is_command(code) or code.upper().startswith(SLIP_PREFIX):
        raise FieldError(f"{field} {show(code)} uses a reserved prefix (CMD- and ORD- are Packstation's own codes)")
    if looks_like_gtin(code) and not is_valid_gtin(code):
        expected = with_check_digit(code[:-1])[-1]
        raise FieldError(f"{field} {show(code)} has a wrong check digit (expected {expected})")
    return code


def _each(items: Sequence[object], convert: Callable[[object], _T]) -> tuple[_T, ...]:
    """Convert every item; raise one ``FieldError`` naming every bad item."""
    values: list[_T] = []
    reasons: list[str] = []
    for item in items:
        if isinstance(item, str) and not item.strip():
            continue  # "a||b" or a trailing "|"
        try:
            values.append(convert(item))
        except FieldError as exc:
            reasons.append(str(exc))
    if reasons:
        raise FieldError("; ".join(reasons))
    return tuple(values)


def split_barcodes(value: object) -> tuple[str, ...]:
    """``a|b`` (CSV) or a JSON list of strings -> validated barcodes; empty items are skipped."""
    return _each(value if isinstance(value, list) else clean_text(value, "barcodes").split("|"), parse_barcode)


def parse_pack(item: object) -> PackRecord:
    """``barcode*units`` or ``{"barcode": ..., "quantity": ...}`` -> ``PackRecord``."""
    if isinstance(item, Mapping):
        if set(item) != {"barcode", "quantity"}:
            raise FieldError(f"a pack needs exactly the keys barcode and quantity, got {', '.join(map(show, item))}")
        code, units = item["barcode"], item["quantity"]
    elif isinstance(item, str) and "*" in item:
        code, _, units = item.rpartition("*")
    else:
        raise FieldError(f"pack {show(item)} must be written barcode*units, e.g. 15901234123454*6")
    return PackRecord(parse_barcode(code, "pack barcode"), parse_quantity(units, "pack units"))


def split_packs(value: object) -> tuple[PackRecord, ...]:
    """``barcode*units|...`` (CSV) or a JSON list of such strings or pack objects."""
    return _each(value if isinstance(value, list) else clean_text(value, "packs").split("|"), parse_pack)


class _Row:
    """Reads the fields of one row or object, logging each bad field at the row's line."""

    def __init__(self, builder: BatchBuilder, line: int, data: Mapping[str, object]) -> None:
        self.builder, self.line, self.data, self.ok = builder, line, data, True

    def error(self, reason: str) -> None:
        self.ok = False
        self.builder.error(self.line, reason)

    @overload
    def get(self, field: str, convert: Callable[[object], _T]) -> _T | None: ...

    @overload
    def get(self, field: str, convert: Callable[[object], _T], default: _D) -> _T | _D: ...

    def get(self, field: str, convert: Callable[[object], object], default: object = None) -> object:
        try:
            return convert(self.data.get(field))
        except FieldError as exc:
            self.error(str(exc))
            return default

    def text(self, field: str, *, required: bool = False, multiline: bool = False) -> str:
        try:
            value = clean_text(self.data.get(field), field, multiline=multiline)
        except FieldError as exc:
            self.error(str(exc))
            return ""
        if required and not value:
            self.error(f"{field} is empty" if field in self.data else f"{field} is missing")
        return value

    def choice(self, field: str, allowed: tuple[str, ...]) -> str:
        value = self.text(field).lower() or allowed[0]
        if value not in allowed:
            self.error(f"{field} must be one of {', '.join(allowed)}, got {show(value)}")
        return value

    def code(self, field: str, letters: int, default: str) -> str:
        value = self.text(field).upper() or default
        if not re.fullmatch(f"[A-Z]{{{letters}}}", value):
            self.error(f"{field} must be a {letters}-letter code, got {show(value)}")
        return value


class BatchBuilder:
    """Collects products and orders of one file, checks them, and builds the ``ImportBatch``."""

    def __init__(
        self, file_name: str, default_source: str, duplicate_hint: str = "", base_dir: Path | None = None
    ) -> None:
        self.file_name, self.default_source, self.duplicate_hint = file_name, default_source, duplicate_hint
        self.base_dir = base_dir  # carrier label paths are relative to the import file's folder
        self.errors: list[tuple[int, str]] = []
        self.products: list[ProductRecord] = []
        self.orders: list[OrderRecord] = []
        self.line_of: dict[str, int] = {}  # order number or SKU -> line it starts on
        # key -> first line
        self._skus: dict[str, int] = {}
        self._numbers: dict[str, int] = {}
        self._external: dict[tuple[str, str], int] = {}
        self._barcodes: dict[str, tuple[str, int]] = {}  # normalised barcode -> (SKU, line)
        self.cartons: list[Carton] = []
        self._cartons: dict[str, int] = {}  # carton name -> first line

    def error(self, line: int, reason: str) -> None:
        """Record one problem; nothing is imported if any was recorded."""
        self.errors.append((line, reason))

    def add_product(self, data: Mapping[str, object], line: int) -> None:
        """Validate one product row/object starting at ``line``."""
        row = _Row(self, line, data)
        sku, name = row.text("sku", required=True), row.text("name", required=True)
        barcodes = row.get("barcodes", split_barcodes, ())
        packs = row.get("packs", split_packs, ())
        weight = row.get("weight_kg", lambda v: parse_decimal(v, "weight_kg"))
        if weight is not None and weight < 0:
            row.error(f"weight_kg must be 0 or more, got {weight}")
        bin_location, image_path = row.text("bin_location"), row.text("image_path")
        tracking = row.choice("tracking", TRACKING_MODES)
        if sku and self._first("SKU", sku, self._skus, row):
            self.line_of[sku] = line
        listed: set[str] = set()
        for code in [*barcodes, *(pack.barcode for pack in packs)]:
            key = normalise(code)
            if key in listed:
                row.error(f"barcode {show(code)} is given twice for this product (or as unit and pack code)")
            elif key in self._barcodes:
                owner_sku, owner_line = self._barcodes[key]
                row.error(f"barcode {show(code)} is already used by SKU {show(owner_sku)} at line {owner_line}")
            listed.add(key)
        for key in listed:
            self._barcodes.setdefault(key, (sku, line))
        if row.ok:
            self.products.append(ProductRecord(sku, name, barcodes, packs, weight, bin_location, image_path, tracking))

    def add_order(self, data: Mapping[str, object], line: int, lines: LineData | None) -> None:
        """Validate one order starting at ``line``; ``lines`` are (line, {sku, quantity, name|line_name}),
        or ``None`` when the caller has already reported why the order has no usable lines."""
        row = _Row(self, line, data)
        number = row.text("order_number", required=True)
        if is_command(number):
            row.error(f"order_number {show(number)} starts with CMD-, reserved for command barcodes")
        elif number and not (number.isascii() and number.isprintable()):
            row.error(f"order_number {show(number)} must be plain ASCII (it is printed as a barcode)")
        external_id, source = row.text("external_id") or number, row.text("source") or self.default_source
        email, phone = row.text("email"), row.text("phone")
        if email and not _EMAIL.fullmatch(email):
            row.error(f"email {show(email)} does not look like an e-mail address")
        address = Address(row.text("customer_name"), row.text("street"), row.text("postal_code"),
                          row.text("city"), row.code("country", 2, "PL"), phone, email)  # fmt: skip
        payment = row.choice("payment", ("prepaid", "cod"))
        cod = row.get("cod_amount", lambda v: parse_decimal(v, "cod_amount", places=2), default=False)
        if cod is False:  # unreadable, reported already
            cod = None
        elif payment == "cod" and (cod is None or cod <= 0):
            row.error("payment cod needs a positive cod_amount")
        elif payment == "prepaid" and cod:
            row.error(f"cod_amount {cod} is given but payment is prepaid")
        cod = cod.quantize(Decimal("0.01")) if payment == "cod" and isinstance(cod, Decimal) and cod else None
        order_lines = [self._line(line_no, values) for line_no, values in lines or ()]
        complete = [order_line for order_line in order_lines if order_line is not None]
        if lines is None:
            row.ok = False
        elif not lines:
            row.error(f"order {show(number)} has no lines")
        ship_by = row.get("ship_by", parse_moment)
        record = dict(currency=row.code("currency", 3, "PLN"), notes=row.text("notes", multiline=True),
                      tracking_number=row.text("tracking_number"), status=row.choice("status", ("new", "cancelled")),
                      carrier=row.text("carrier"), service=row.text("service"),
                      gift_note=row.text("gift_note", multiline=True))  # fmt: skip
        label = self._carrier_label(row, record["tracking_number"])
        if number and self._first("order number", number, self._numbers, row, self.duplicate_hint):
            self.line_of[number] = line
            self._first("external_id", (source, external_id), self._external, row)
        if row.ok and len(complete) == len(order_lines):
            self.orders.append(OrderRecord(external_id, number, source, address.name, address, tuple(complete),
                                           email, phone, payment=payment, cod_amount=cod, carrier_label=label,
                                           ship_by=ship_by, **record))  # fmt: skip

    def _carrier_label(self, row: _Row, tracking_number: str) -> CarrierLabel | None:
        """The order's carrier label (checked: see ``carrier_labels``); it needs the tracking number it carries."""
        from .carrier_labels import read_carrier_label  # builds on this module's helpers

        label = row.get("carrier_label", lambda value: read_carrier_label(value, self.base_dir))
        if label is not None and not tracking_number:
            row.error("a carrier_label needs the tracking_number printed on it (the parcel's tracking number)")
        return label

    def add_carton(self, data: Mapping[str, object], line: int) -> None:
        """Validate one carton of the catalogue starting at ``line`` (name, inner size in mm, tare, barcode)."""
        row = _Row(self, line, data)
        name = row.text("carton", required=True).upper()
        problem = carton_name_problem(name) if name else None
        if problem:
            row.error(problem)
        length, width, height = (row.get(f, partial(parse_quantity, field=f), 0) for f in CARTON_FIELDS[1:4])
        for field, size in zip(CARTON_FIELDS[1:4], (length, width, height), strict=True):
            if size > MAX_CARTON_MM:
                row.error(f"{field} must be at most {MAX_CARTON_MM} mm, got {size}")
        tare = row.get("tare_kg", lambda v: parse_decimal(v, "tare_kg"))
        if tare is not None and tare < 0:
            row.error(f"tare_kg must be 0 or more, got {tare}")
        barcode = row.get("barcode", parse_barcode, "") if row.text("barcode") else ""
        if name and self._first("carton", name, self._cartons, row):
            self.line_of[name] = line
        if row.ok:
            self.cartons.append(Carton(name, length, width, height, tare or Decimal(0), barcode))

    def _line(self, line: int, data: Mapping[str, object]) -> OrderLineRecord | None:
        row = _Row(self, line, data)
        sku, quantity = row.text("sku", required=True), row.get("quantity", parse_quantity, 0)
        name = row.text("line_name" if "line_name" in data else "name")
        price = row.get("unit_price", lambda v: parse_decimal(v, "unit_price", places=2))
        if price is not None and price < 0:
            row.error(f"unit_price must be 0 or more, got {price}")
        currency = row.text("price_currency").upper()
        if currency and not re.fullmatch("[A-Z]{3}", currency):
            row.error(f"price_currency must be a 3-letter code, got {show(currency)}")
        elif currency and price is None:
            row.error("price_currency is given without a unit_price")
        return OrderLineRecord(sku, quantity, name, price, currency) if row.ok else None

    def _first(self, what: str, key: _K, seen: dict[_K, int], row: _Row, hint: str = "") -> bool:
        """True when ``key`` is new; else log the duplicate with the line it was first seen on."""
        if key in seen:
            label = key[1] if isinstance(key, tuple) else key
            row.error(f"duplicate {what} {show(label)} (first at line {seen[key]}){hint}")
            return False
        seen[key] = row.line
        return True

    def result(self) -> ImportBatch:
        """The batch, or ``ImportRejected`` with every recorded error; an empty file is an error too."""
        if not self.errors and not (self.products or self.orders or self.cartons):
            self.error(1, "the file holds no products and no orders")
        if self.errors:
            raise rejection(self.file_name, self.errors)
        return ImportBatch(tuple(self.products), tuple(self.orders), dict(self.line_of), tuple(self.cartons))
