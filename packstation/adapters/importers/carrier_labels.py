"""A carrier's own label in an import: a PDF or ZPL file named by its path, or the document in base64 (JSON).

The label is printed as it is instead of Packstation's, so it is checked here, where a bad one
can still be reported with its line: the file exists and is readable, base64 decodes, the
document is not larger than :data:`MAX_BYTES`, and it is what it claims to be — a PDF of exactly
one page (pypdfium2 opens it) or a ZPL format (``^XA`` … ``^XZ``).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from pathlib import Path

from packstation.domain.printing import DocFormat
from packstation.domain.records import CarrierLabel

from .validation import FieldError, clean_text, show

MAX_BYTES = 2 * 1024 * 1024  # a carrier's label is tens of kilobytes; this stops a wrong file early
BASE64_KEYS = {"base64", "format"}
_ZPL_START = re.compile(rb"\s*(?:~[A-Z]{2}[^\^~]*)*\^XA")


def sniff(data: bytes) -> DocFormat | None:
    """PDF or ZPL by the document's own first bytes; None for anything else."""
    if data.lstrip()[:5] == b"%PDF-":
        return DocFormat.PDF
    if _ZPL_START.match(data) and b"^XZ" in data:
        return DocFormat.ZPL
    return None


def pdf_pages(data: bytes) -> int:
    """How many pages a PDF has; ``FieldError`` when it cannot be opened."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise FieldError(f"carrier_label is not a readable PDF ({exc})") from None
    try:
        return len(pdf)
    finally:
        pdf.close()


def check_document(data: bytes, source: str, claimed: str = "") -> CarrierLabel:
    """The label ``data`` as a ``CarrierLabel``; ``FieldError`` with the reason when it cannot be printed as it is."""
    if not data.strip():
        raise FieldError(f"carrier_label {show(source)} is empty")
    if len(data) > MAX_BYTES:
        raise FieldError(f"carrier_label {show(source)} is {len(data)} bytes, at most {MAX_BYTES}")
    found = sniff(data)
    if found is None:
        raise FieldError(f"carrier_label {show(source)} is neither a PDF nor a ZPL label (^XA … ^XZ)")
    if claimed and claimed != found:
        raise FieldError(f"carrier_label {show(source)} is {found.upper()}, not {claimed.upper()} as its format says")
    if found is DocFormat.PDF and (pages := pdf_pages(data)) != 1:
        raise FieldError(f"carrier_label {show(source)} has {pages} pages: one label (one page) per order")
    return CarrierLabel(str(found), data, source)


def read_carrier_label(value: object, base_dir: Path | None) -> CarrierLabel | None:
    """``value`` as an import gives it: a path (relative to the import file's folder) or, in JSON,
    ``{"base64": "…", "format": "pdf"|"zpl"}``; None when empty."""
    if isinstance(value, Mapping):
        return _from_base64(value)
    path_text = clean_text(value, "carrier_label")
    if not path_text:
        return None
    path = Path(path_text)
    if not path.is_absolute():
        path = (base_dir or Path.cwd()) / path
    if not path.is_file():
        raise FieldError(f"carrier_label {show(path_text)}: no such file ({path})")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise FieldError(f"carrier_label {show(path_text)} is {size} bytes, at most {MAX_BYTES}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FieldError(f"carrier_label {show(path_text)} cannot be read: {exc.strerror or exc}") from None
    return check_document(data, path_text)


def _from_base64(value: Mapping[object, object]) -> CarrierLabel:
    unknown = [str(key) for key in value if key not in BASE64_KEYS]
    if unknown:
        raise FieldError(f"unknown key(s) in carrier_label: {', '.join(map(show, unknown))} (base64, format)")
    encoded, claimed = value.get("base64"), value.get("format", "")
    if not isinstance(encoded, str) or not encoded.strip():
        raise FieldError('carrier_label needs "base64": the document in base64')
    if not isinstance(claimed, str) or claimed.strip().lower() not in ("", *DocFormat):
        raise FieldError(f"carrier_label format must be pdf or zpl, got {show(claimed)}")
    if len(encoded) > MAX_BYTES * 4 // 3 + 4:
        raise FieldError(f"carrier_label is larger than {MAX_BYTES} bytes")
    try:
        data = base64.b64decode("".join(encoded.split()), validate=True)
    except (binascii.Error, ValueError):
        raise FieldError("carrier_label base64 does not decode (not base64, or cut short)") from None
    return check_document(data, "base64", claimed.strip().lower())
