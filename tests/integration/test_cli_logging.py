"""What `packstation` writes to its log file, run in-process on a real SQLite database.

The autouse ``_restored_logging`` fixture (tests/conftest.py) undoes main()'s logging setup
and excepthooks after each test.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from packstation import cli


def _log_text(home: Path) -> str:
    for handler in logging.getLogger("packstation").handlers:
        handler.flush()
    return (home / "logs" / "packstation.log").read_text(encoding="utf-8")


def test_a_command_logs_its_start_and_exit_code(sqlite_url: str, _isolated_user_data: Path, capsys) -> None:
    assert cli.main(["--db", sqlite_url, "--station", "log-1", "orders", "list"]) == 0

    text = _log_text(_isolated_user_data)
    assert "INFO [MainThread] packstation.cli: command started command=orders list version=" in text
    assert "command finished command=orders list exit=0" in text
    assert capsys.readouterr().err == ""  # not verbose: the log stays off the terminal


def test_a_failing_command_keeps_one_line_on_stderr(sqlite_url: str, _isolated_user_data: Path, capsys) -> None:
    assert cli.main(["--db", sqlite_url, "orders", "show", "NOPE"]) == 1

    assert capsys.readouterr().err == "packstation: no order NOPE\n"
    text = _log_text(_isolated_user_data)
    assert "ERROR [MainThread] packstation.cli: command failed error=no order NOPE" in text
    assert "command finished command=orders show exit=1" in text


def test_verbose_copies_the_log_to_stderr(sqlite_url: str, _isolated_user_data: Path, capsys) -> None:
    assert cli.main(["-v", "--db", sqlite_url, "orders", "list"]) == 0

    err = capsys.readouterr().err
    assert "packstation.cli: command started command=orders list" in err
    assert "command finished command=orders list exit=0" in err


def test_usage_errors_still_exit_2(sqlite_url: str) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--db", sqlite_url, "orders", "frobnicate"])
    assert exited.value.code == 2


def test_the_database_password_reaches_neither_log_nor_stderr(_isolated_user_data: Path, capsys) -> None:
    # Port 1 refuses at once: the command fails the way an unreachable server does.
    url = "postgresql+psycopg://packer:hunter2@127.0.0.1:1/pack"
    assert cli.main(["--db", url, "orders", "list"]) == 1

    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "hunter2" not in err
    text = _log_text(_isolated_user_data)
    assert "hunter2" not in text
    assert "postgresql+psycopg://packer:***@127.0.0.1:1/pack" in text


def test_a_badge_is_not_logged(sqlite_url: str, _isolated_user_data: Path) -> None:
    assert cli.main(["--db", sqlite_url, "packers", "add", "Ala", "BADGE-0042"]) == 0

    text = _log_text(_isolated_user_data)
    assert "command started command=packers add" in text and "'Ala', '***'" in text
    assert "BADGE-0042" not in text


def test_an_unexpected_error_is_one_line_and_a_traceback_in_the_log(
    monkeypatch: pytest.MonkeyPatch, sqlite_url: str, _isolated_user_data: Path, capsys
) -> None:
    def broken(_args: object) -> int:
        raise KeyError("bug")

    monkeypatch.setattr(cli, "_dispatch", broken)
    assert cli.main(["--db", sqlite_url, "orders", "list"]) == 1

    log_file = _isolated_user_data / "logs" / "packstation.log"
    assert capsys.readouterr().err == f"packstation: unexpected error: KeyError: 'bug' (details in {log_file})\n"
    text = _log_text(_isolated_user_data)
    assert "CRITICAL [MainThread] packstation.cli: command crashed error=KeyError('bug')" in text
    assert "Traceback (most recent call last)" in text and "in broken" in text
    assert "command finished command=orders list exit=1" in text
