"""Helpers shared by the benchmark scripts: where to put the database, statistics, output."""

from __future__ import annotations

import json
import os
import statistics
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def filesystem_type(path: Path) -> str:
    """The type of the file system holding ``path`` (longest mount point in /proc/mounts)."""
    path = path.resolve()
    best, kind = "", "unknown"
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return kind
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (str(path) == point or str(path).startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, kind = point, parts[2]
    return kind


def disk_dir(requested: str | None, prefix: str) -> tuple[Path, bool]:
    """A fresh directory on a real disk (never tmpfs); True if we created it (and should remove it)."""
    if requested:
        path = Path(requested)
        path.mkdir(parents=True, exist_ok=True)
        return path, False
    for parent in (Path("/var/tmp"), REPO.parent):
        if parent.is_dir() and os.access(parent, os.W_OK) and filesystem_type(parent) not in ("tmpfs", "ramfs"):
            return Path(tempfile.mkdtemp(prefix=prefix, dir=parent)), True
    raise SystemExit("no writable directory on a disk file system: pass --dir")


def ms(ns_values: list[int]) -> list[float]:
    return [v / 1e6 for v in ns_values]


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[rank - 1]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "median": statistics.median(values),
        "p99": percentile(values, 99),
        "mean": statistics.fmean(values),
        "min": min(values),
        "max": max(values),
    }


def line(label: str, s: dict[str, float], unit: str = "ms") -> str:
    return (
        f"{label:<44} n={s['n']:<5} median {s['median']:8.3f} {unit}   p99 {s['p99']:8.3f} {unit}   "
        f"mean {s['mean']:8.3f}   min {s['min']:8.3f}   max {s['max']:8.3f}"
    )


def emit_json(figures: dict) -> None:
    """The last line of every benchmark: one JSON object with all figures."""
    print(json.dumps(figures, sort_keys=False), flush=True)
