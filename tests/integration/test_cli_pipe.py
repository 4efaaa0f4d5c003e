"""`packstation orders … | head`: a reader that leaves early is not an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    # This checkout's package, whatever the virtualenv's editable install points at.
    return {**os.environ, "PACKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT)}


@pytest.mark.parametrize("args", [("orders", "show", "PL-10001", "--json"), ("orders", "list", "--json")])
def test_output_into_a_closed_pipe_is_quiet(tmp_path: Path, args: tuple[str, ...]) -> None:
    base = [sys.executable, "-m", "packstation", "--db", f"sqlite:///{tmp_path}/demo.db"]
    made = subprocess.run([*base, "demo", "--no-run"], env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    proc = subprocess.Popen([*base, *args], env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line is written, as `| head -0` would be
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert err == ""
