"""The README's promises that code can check: the status table and the two first commands."""

from __future__ import annotations

import re
from pathlib import Path

from packstation.domain.status import transition_table_markdown

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_status_table_matches_the_domain():
    table = README.split("<!-- status-table:start -->")[1].split("<!-- status-table:end -->")[0].strip()
    assert table == transition_table_markdown()


def test_ci_runs_the_readme_test_command():
    commands = re.findall(r"```sh\n(.+?)\n```", README)
    assert len(commands) >= 2 and "packstation demo" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == commands[1]
