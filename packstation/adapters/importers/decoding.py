"""Turning an import file's bytes into text, with errors a warehouse admin can act on.

Without an explicit encoding a file must be UTF-8, with or without a byte-order mark
(Excel's "CSV UTF-8" writes one). Excel's plain "CSV" on Polish Windows writes cp1250
instead; such a file fails as UTF-8 and the error suggests ``--encoding cp1250``.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from packstation.domain.errors import ImportRejected

from .validation import rejection

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; ``ImportRejected`` for a name Python does not know."""
    try:
        info = codecs.lookup(encoding)
        if not getattr(info, "_is_text_encoding", True):  # base64, zlib, rot13 ...
            raise LookupError(encoding)
    except LookupError:
        raise ImportRejected(
            f"unknown text encoding {encoding!r}: use a name such as utf-8 or cp1250", errors=[]
        ) from None
    return info.name


def decode_bytes(data: bytes, file_name: str, encoding: str | None = None) -> str:
    """Decode ``data``: UTF-8 (BOM optional) when ``encoding`` is ``None``, else exactly ``encoding``.

    A byte the encoding cannot decode raises ``ImportRejected`` naming the line it is on.
    A leading BOM is dropped; line endings are left to the format parsers.
    """
    if encoding is None:
        if data.startswith(_UTF32_BOMS) or data.startswith(_UTF16_BOMS):
            kind = "UTF-32" if data.startswith(_UTF32_BOMS) else "UTF-16"
            reason = f"the file is {kind}: save it as UTF-8, or pass --encoding {kind.lower()}"
            raise rejection(file_name, [(1, reason)])
        codec = "utf-8-sig"
    else:
        codec = check_encoding(encoding)
        if codec == "utf-8":
            codec = "utf-8-sig"
        elif data.startswith(codecs.BOM_UTF8) and not codec.startswith("utf"):
            reason = f"the file starts with a UTF-8 byte-order mark, so it is UTF-8, not {encoding}: drop --encoding"
            raise rejection(file_name, [(1, reason)])
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(codec, errors="replace").count("\n") + 1
        bad = data[exc.start : exc.start + 1].hex()
        if codec == "utf-8-sig":
            reason = f"byte 0x{bad} is not valid UTF-8; if Excel on Windows saved this file, try --encoding cp1250"
        else:
            reason = f"byte 0x{bad} cannot be decoded as {encoding}"
        raise rejection(file_name, [(line, reason)]) from None
    return text.removeprefix("\ufeff")


def read_text(path: Path, encoding: str | None = None) -> str:
    """Read and decode an import file; an unreadable file is an ``ImportRejected`` too."""
    if encoding is not None:
        check_encoding(encoding)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected(f"{path.name}: cannot read the file: {exc.strerror or exc}", errors=[]) from None
    return decode_bytes(data, path.name, encoding)
