"""A throwaway PostgreSQL cluster for benchmarks (the tests' own recipe: tests/conftest.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import TempPgCluster, _find_pg_bindir  # noqa: E402


@contextmanager
def throwaway_cluster() -> Iterator[TempPgCluster]:
    """Start a private cluster on a free port (as the postgres user under root); removed afterwards."""
    bindir = _find_pg_bindir()
    if bindir is None:
        raise SystemExit("PostgreSQL server binaries not found (apt-get install postgresql)")
    cluster = TempPgCluster(bindir)
    try:
        cluster.init()
        cluster.first_start()
        yield cluster
    finally:
        cluster.close()
