"""The Xvfb fixture gives a working X display that xdotool can drive."""

from __future__ import annotations

import os
import subprocess

import pytest


@pytest.mark.xvfb
def test_xdotool_reaches_display(xvfb_display: str) -> None:
    env = {**os.environ, "DISPLAY": xvfb_display}
    result = subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True, text=True, timeout=10)
    assert result.returncode == 0, result.stderr
    assert "x:" in result.stdout and "screen:" in result.stdout
