"""The README's screenshots are the screen as it is: ``tools/screenshots.py`` run again must reproduce them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require_service

pytestmark = [pytest.mark.timeout(300), pytest.mark.xvfb]
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
MAX_CHANGED = 0.002  # of the pixels: font rendering may differ by a shade here and there, a screen does not


def test_screenshots_are_current(tmp_path: Path) -> None:
    from PIL import Image, ImageChops

    if shutil.which("Xvfb") is None:
        require_service("Xvfb is needed (apt-get install xvfb)")
    committed = sorted(SHOTS.glob("*.png"))
    assert len(committed) == 10, committed  # idle, accepted, wrong item, complete, shipped; en and pl
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    made = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshots.py"), "--out", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr[-3000:]
    stale = []
    for old in committed:
        with Image.open(old) as a, Image.open(tmp_path / old.name) as b:
            assert a.size == b.size == (1920, 1080), old.name
            changed = ImageChops.difference(a.convert("RGB"), b.convert("RGB")).convert("L").point(lambda v: v > 24)
            share = sum(changed.getdata()) / (a.size[0] * a.size[1])
        if share > MAX_CHANGED:
            stale.append(f"{old.name}: {share:.2%} of the pixels changed")
    assert stale == [], "run: python tools/screenshots.py (then look at them and commit)"


def test_the_readme_shows_every_screenshot() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [p.name for p in sorted(SHOTS.glob("*.png")) if f"docs/screenshots/{p.name}" not in readme] == []
