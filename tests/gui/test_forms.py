"""Generated Designer forms must match their .ui sources (regenerate with pyside6-uic)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    found = str(exe) if exe.exists() else shutil.which("pyside6-uic")
    if not found:
        pytest.fail("pyside6-uic not found next to the Python interpreter or on PATH")
    return found


@pytest.mark.parametrize("ui", sorted((ROOT / "ui").glob("*.ui")), ids=lambda p: p.name)
def test_generated_form_is_current(ui: Path, tmp_path: Path) -> None:
    generated = ROOT / "packstation" / "gui" / "forms" / f"ui_{ui.stem}.py"
    fresh = tmp_path / generated.name
    subprocess.run([_uic(), str(ui), "-o", str(fresh)], check=True)
    assert generated.exists(), f"{generated} missing: run pyside6-uic {ui} -o {generated}"
    assert fresh.read_text() == generated.read_text(), (
        f"{generated.name} is stale: run pyside6-uic {ui.relative_to(ROOT)} -o {generated.relative_to(ROOT)}"
    )
