"""Where things live: bundled resources (source tree or PyInstaller bundle) and user data."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

APP_NAME = "packstation"


def resource_dir() -> Path:
    """The ``resources/`` folder, from the source tree or from inside the bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(relative: str) -> Path:
    """A file under ``resources/``; raises ``FileNotFoundError`` with the full path if missing."""
    path = resource_dir() / relative
    if not path.exists():
        raise FileNotFoundError(f"resource missing: {path}")
    return path


def data_dir() -> Path:
    """The per-user data folder (database, rendered documents); ``PACKSTATION_HOME`` overrides it."""
    override = os.environ.get("PACKSTATION_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'packstation.db'}"


_UNSAFE_IN_NAMES = re.compile(r"[^\w.-]+")


def safe_file_name(part: str, fallback: str = "document") -> str:
    """``part`` made legal as a file name on every file system (order numbers may hold '/').

    Readable characters stay; runs of anything else become ``_``; leading dots go (no
    hidden files); long names are cut to 60 characters; an empty result is ``fallback``.
    """
    cleaned = _UNSAFE_IN_NAMES.sub("_", part).strip("._")[:60]
    return cleaned or fallback
