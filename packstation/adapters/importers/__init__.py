"""File importers for the project's documented CSV and JSON formats (see docs/import-format.md).

Pure parsing and validation: a file becomes an :class:`~packstation.domain.records.ImportBatch`
or one :class:`~packstation.domain.errors.ImportRejected` listing every bad line. Nothing
here touches the database; cross-database checks belong to the import service.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from packstation.domain.errors import ImportRejected
from packstation.domain.records import ImportBatch

from .csv_format import parse_csv
from .decoding import check_encoding, decode_bytes, read_text
from .json_format import parse_json

__all__ = ["PARSERS", "check_encoding", "decode_bytes", "parse_csv", "parse_import_file", "parse_json", "read_text"]

# File suffix (lower case) -> parser taking (decoded text, file name for messages, folder of the file).
PARSERS: dict[str, Callable[[str, str, Path | None], ImportBatch]] = {".csv": parse_csv, ".json": parse_json}


def parse_import_file(path: Path | str, encoding: str | None = None) -> ImportBatch:
    """Read, decode and parse one import file, choosing the format by its suffix.

    ``encoding=None`` reads UTF-8 with or without a BOM; any other Python codec name
    (``"cp1250"``) is used as given. Raises ``ImportRejected`` for an unsupported suffix,
    an unreadable or undecodable file, or any invalid row; nothing is partially returned.
    """
    path = Path(path)
    parser = PARSERS.get(path.suffix.lower())
    if parser is None:
        kind = f"{path.suffix!r} files" if path.suffix else "files without a suffix"
        raise ImportRejected(f"{path.name}: cannot import {kind}: use a .csv or .json file", errors=[])
    return parser(read_text(path, encoding), path.name, path.resolve().parent)
