"""Where things live: bundled resources (source tree or PyInstaller bundle) and user data."""

from __future__ import annotations

import os
import re
import sys
import uuid
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


def bench_id() -> str:
    """This installation's bench id: made once (a UUID in the data folder), the same at every start."""
    path = data_dir() / "bench-id"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    made = str(uuid.uuid4())
    tmp = path.with_name(f".bench-id-{os.getpid()}")
    tmp.write_text(made, encoding="ascii")
    try:
        # Atomic and first-wins: two processes starting at once agree on one id.
        os.link(tmp, path)
    except FileExistsError:
        made = path.read_text(encoding="ascii").strip()
    finally:
        tmp.unlink(missing_ok=True)
    return made


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
