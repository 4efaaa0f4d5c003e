"""The documented CSV formats: an orders file (one row per order line) or a products file.

The delimiter (``,`` or ``;``) is read from the header line; Excel's ``sep=;`` first line is
honoured. The header decides the kind: ``order_number`` (or ``quantity``) makes it an orders
file, ``sku`` and ``name`` without them a products file. Line numbers are physical lines, so a quoted field that
spans lines still reports the line its row starts on.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from packstation.domain.records import ImportBatch

from .validation import CARTON_FIELDS, LINE_PRICE_FIELDS, ORDER_FIELDS, PRODUCT_FIELDS, BatchBuilder, rejection, show

ORDER_COLUMNS = (*ORDER_FIELDS, "sku", "quantity", "line_name", *LINE_PRICE_FIELDS)
ORDER_REQUIRED = ("order_number", "sku", "quantity")
PRODUCT_REQUIRED = ("sku", "name")
CARTON_REQUIRED = ("carton", "length_mm", "width_mm", "height_mm", "tare_kg")
_LINE_COLUMNS = ("sku", "quantity", "line_name", *LINE_PRICE_FIELDS)
_CONSECUTIVE_HINT = "; rows of one order must follow each other"


def parse_csv(text: str, file_name: str, base_dir: Path | None = None) -> ImportBatch:
    """Parse a decoded CSV file into an ``ImportBatch``; ``ImportRejected`` lists every bad row.

    ``base_dir``: the folder carrier label paths are relative to (the file's own; else the current one).

    Rows are streamed: an order's rows become its record as soon as the next order starts,
    so a file of 50,000 orders never exists as 150,000 row dictionaries at once.
    """
    start, delimiter, first = _header_position(text)
    if first is None:
        raise rejection(file_name, [(1, "the file is empty")])
    header_line = start + 1
    if delimiter is None:
        commas, semicolons = first.count(","), first.count(";")
        if not commas and not semicolons:
            reason = "cannot find the delimiter: the header must separate column names with , or ;"
            raise rejection(file_name, [(header_line, reason)])
        delimiter = ";" if semicolons > commas else ","
    rows = _rows(text, delimiter, skip=start)
    _, header, problem = next(rows)
    if problem:
        raise rejection(file_name, [(header_line, f"the header cannot be read: {problem}")])
    columns = _check_header([name.strip().lower() for name in header], header_line, file_name)
    builder = BatchBuilder(file_name, default_source="csv", duplicate_hint=_CONSECUTIVE_HINT, base_dir=base_dir)
    records = _records(rows, columns, builder)
    if "order_number" in columns:  # else a products or cartons file (_check_header made sure)
        seen = _add_orders(records, builder)
    else:
        seen = 0
        add = builder.add_carton if "carton" in columns else builder.add_product
        for line, record in records:
            add(record, line)
            seen += 1
    if not seen and not builder.errors:
        raise rejection(file_name, [(header_line, "the file has a header but no rows")])
    return builder.result()


def _header_position(text: str) -> tuple[int, str | None, str | None]:
    """(lines before the header, delimiter from an Excel ``sep=`` line or None, the header line or None)."""
    lines = io.StringIO(text, newline="")  # the same line breaks the csv reader sees
    start, delimiter = 0, None
    line = lines.readline()
    if line.strip().lower() in ("sep=,", "sep=;"):
        start, delimiter, line = 1, line.strip()[-1], lines.readline()
    while line and not line.strip():
        start, line = start + 1, lines.readline()
    return start, delimiter, line or None


def _rows(text: str, delimiter: str, skip: int) -> Iterator[tuple[int, list[str], str]]:
    """(start line, fields, csv syntax problem or "") for each row after the first ``skip`` lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    previous = 0
    while True:
        try:
            fields, problem = next(reader), ""
        except StopIteration:
            return
        except csv.Error as exc:
            fields, problem = [], str(exc)
        line, previous = previous + 1, reader.line_num
        if line > skip:
            yield line, fields, problem


def _check_header(columns: list[str], line: int, file_name: str) -> list[str]:
    """Check the lower-cased, trimmed column names; raises at once when the header is unusable."""
    is_orders = "order_number" in columns or "quantity" in columns
    is_cartons = not is_orders and "carton" in columns
    if not is_orders and not is_cartons and "sku" not in columns:
        reason = "the header needs order_number, sku, quantity (orders), sku, name (products) or carton (cartons)"
        raise rejection(file_name, [(line, f"{reason}; found {', '.join(map(show, columns))}")])
    allowed: tuple[str, ...] = ORDER_COLUMNS if is_orders else PRODUCT_FIELDS
    required: tuple[str, ...] = ORDER_REQUIRED if is_orders else PRODUCT_REQUIRED
    kind = "an orders" if is_orders else "a products"
    if is_cartons:
        allowed, required, kind = CARTON_FIELDS, CARTON_REQUIRED, "a cartons"
    errors = []
    unknown = [name for name in columns if name and name not in allowed]
    if unknown:
        errors.append((line, f"unknown column(s) for {kind} file: {', '.join(map(show, unknown))}"))
    doubled = sorted({name for name in columns if name and columns.count(name) > 1})
    if doubled:
        errors.append((line, f"column(s) given twice: {', '.join(map(show, doubled))}"))
    missing = [name for name in required if name not in columns]
    if missing:
        errors.append((line, f"{kind} file needs the column(s): {', '.join(missing)}"))
    if errors:
        raise rejection(file_name, errors)
    return columns


def _records(
    rows: Iterator[tuple[int, list[str], str]], columns: list[str], builder: BatchBuilder
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {column: value}) per non-blank row whose shape matches the header."""
    width = len(columns)
    for line, fields, problem in rows:
        if problem:
            builder.error(line, f"the row cannot be read: {problem} (check the quotes)")
            continue
        if not any(field.strip() for field in fields):
            continue
        if len(fields) < width:
            builder.error(line, f"the row has {len(fields)} of {width} columns: truncated or a delimiter missing")
            continue
        if any(field.strip() for field in fields[width:]):
            builder.error(line, f"the row has {len(fields)} columns but the header has {width}")
            continue
        if any(fields[i].strip() for i, name in enumerate(columns) if not name):
            builder.error(line, "a value stands in a column without a name in the header")
            continue
        yield line, {name: fields[i] for i, name in enumerate(columns) if name}


def _add_orders(records: Iterator[tuple[int, dict[str, str]]], builder: BatchBuilder) -> int:
    """Group consecutive rows of one order_number (order fields from the group's first row); rows seen."""
    group: tuple[int, dict[str, str], list[tuple[int, dict[str, str]]]] | None = None
    seen = 0
    for line, record in records:
        seen += 1
        number = record["order_number"].strip()
        lines = {name: record[name] for name in _LINE_COLUMNS if name in record}
        if group is not None and number and group[1]["order_number"].strip() == number:
            first_line, first, group_lines = group
            for name in ORDER_FIELDS:
                value = record.get(name, "").strip()
                if value and value != first.get(name, "").strip():
                    builder.error(line, f"{name} {show(value)} differs from the order's first row "
                                        f"(line {first_line}: {show(first.get(name, '').strip())})")  # fmt: skip
            group_lines.append((line, lines))
            continue
        if group is not None:
            _flush(group, builder)
        group = (line, record, [(line, lines)])
    if group is not None:
        _flush(group, builder)
    return seen


def _flush(group: tuple[int, dict[str, str], list[tuple[int, dict[str, str]]]], builder: BatchBuilder) -> None:
    line, first, group_lines = group
    builder.add_order({k: v for k, v in first.items() if k not in _LINE_COLUMNS}, line, group_lines)
