"""packstation.logs: where the log goes, what it never contains, and what happens on a crash.

Every test reads the log file back: what counts is what a supervisor would find on the disk.
The autouse ``_restored_logging`` fixture (tests/conftest.py) undoes the setup after each test.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from pathlib import Path

import pytest

from packstation import logs

LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d (?P<level>[A-Z]+) \[(?P<thread>[^\]]+)\] "
    r"(?P<logger>[\w.]+): (?P<message>.*)$"
)

log = logging.getLogger("packstation.tests")


def _read(path: Path) -> str:
    for handler in logging.getLogger("packstation").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


@pytest.fixture
def previous_hooks(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Stand-ins for the hooks found in place (pytest's own would report the test's crashes as warnings)."""
    calls: dict[str, list] = {"sys": [], "thread": []}
    monkeypatch.setattr(sys, "excepthook", lambda *exc: calls["sys"].append(exc))
    monkeypatch.setattr(threading, "excepthook", lambda args: calls["thread"].append(args))
    return calls


@pytest.fixture
def crashes(previous_hooks: dict[str, list]) -> list[tuple]:
    """Excepthooks installed over the stand-ins; the list receives every crash listener call."""
    seen: list[tuple] = []
    logs.install_excepthooks()
    logs.add_crash_listener(lambda *report: seen.append(report))
    return seen


# --------------------------------------------------------------------------- the file


def test_the_log_goes_to_packstation_home(_isolated_user_data: Path) -> None:
    path = logs.setup_logging()

    assert path == _isolated_user_data / "logs" / "packstation.log" == logs.log_file_path()
    log.info("scan order=%s raw=%r verdict=%s", "1001", "5901234123457", "accepted")
    log.debug("not at INFO")
    lines = _read(path).splitlines()
    assert len(lines) == 1, lines
    fields = LINE.match(lines[0])
    assert fields, lines[0]
    assert fields["level"] == "INFO" and fields["thread"] == "MainThread"
    assert fields["logger"] == "packstation.tests"
    assert fields["message"] == "scan order=1001 raw='5901234123457' verdict=accepted"


def test_log_dir_is_created_under_packstation_home(_isolated_user_data: Path) -> None:
    assert not (_isolated_user_data / "logs").exists()
    assert logs.log_dir() == _isolated_user_data / "logs"
    assert (_isolated_user_data / "logs").is_dir()


def test_setup_twice_writes_each_line_once(capsys: pytest.CaptureFixture[str]) -> None:
    path = logs.setup_logging()
    handlers = list(logging.getLogger("packstation").handlers)
    assert logs.setup_logging() == path

    log.warning("once")
    assert logging.getLogger("packstation").handlers == handlers
    assert _read(path).count("once") == 1
    assert capsys.readouterr().err == ""  # not verbose: nothing on stderr


def test_verbose_adds_stderr_and_debug(capsys: pytest.CaptureFixture[str]) -> None:
    path = logs.setup_logging()
    log.debug("quiet")
    assert logs.setup_logging(verbose=True) == path
    logs.setup_logging(verbose=True)  # still one stderr handler
    log.debug("loud detail=%d", 7)

    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and LINE.match(err[0])
    assert err[0].endswith("DEBUG [MainThread] packstation.tests: loud detail=7")
    text = _read(path)
    assert "loud detail=7" in text and "quiet" not in text


# --------------------------------------------------------------------------- secrets


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://packer:s3cr3t@db.local/pack", "postgresql://packer:***@db.local/pack"),
        ("postgresql+psycopg://packer:s3cr3t@db:5432/pack", "postgresql+psycopg://packer:***@db:5432/pack"),
        ("url='postgresql://u:p@ss:w0rd@h/db' next", "url='postgresql://u:***@h/db' next"),
        ("host=db port=5432 password=s3cr3t dbname=pack", "host=db port=5432 password=*** dbname=pack"),
        ("host=db password='with space\\'s' user=u", "host=db password=*** user=u"),
        ("PGPASSWORD=s3cr3t psql", "PGPASSWORD=*** psql"),
        (
            "postgresql://h/db?user=u&password=s3cr3t&sslmode=require",
            "postgresql://h/db?user=u&password=***&sslmode=require",
        ),
        ("{'user': 'u', 'password': 's3cr3t'}", "{'user': 'u', 'password': '***'}"),
        ("sqlite:////home/packer/packstation.db", "sqlite:////home/packer/packstation.db"),
        ("postgresql://packer@db/pack", "postgresql://packer@db/pack"),
    ],
)
def test_mask_secrets(text: str, shown: str) -> None:
    assert logs.mask_secrets(text) == shown


def test_no_password_reaches_the_file() -> None:
    path = logs.setup_logging()
    url = "postgresql+psycopg://packer:hunter2@db.local:5432/pack"
    log.info("database url=%s", url)
    log.info("libpq conninfo=%r", "host=db.local password=hunter2 dbname=pack")
    try:
        raise ConnectionError(f"cannot connect to {url}")
    except ConnectionError:
        log.exception("database unreachable")

    text = _read(path)
    assert "hunter2" not in text
    assert "postgresql+psycopg://packer:***@db.local:5432/pack" in text
    assert "Traceback" in text and "ConnectionError: cannot connect to postgresql+psycopg://packer:***@" in text


# --------------------------------------------------------------------------- no log folder, full disk


def test_unwritable_log_folder_falls_back_to_stderr(_isolated_user_data: Path, capsys: pytest.CaptureFixture) -> None:
    (_isolated_user_data / "logs").write_text("a file where the folder should be")  # works even as root

    logs.setup_logging()
    logs.setup_logging()
    log.info("routine")
    log.error("still seen")

    assert logs.log_file_path() is None
    err = capsys.readouterr().err
    assert err.count("cannot open the log file") == 1, err
    assert "still seen" in err and "routine" not in err  # not verbose: no INFO flood on stderr


class _FullDisk:
    def write(self, *_args: object) -> None:
        raise OSError(28, "No space left on device")

    seek = tell = write

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_full_disk_warns_once_and_keeps_records_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    logs.setup_logging()
    handler = next(h for h in logging.getLogger("packstation").handlers if isinstance(h, logging.FileHandler))
    handler.stream = _FullDisk()

    log.error("first order=1")
    log.error("second order=2")

    err = capsys.readouterr().err
    assert err.count("No space left on device") == 1, err
    assert "first order=1" in err and "second order=2" in err
    assert "Logging error" not in err  # logging's own traceback dump is replaced by the warning


# --------------------------------------------------------------------------- crashes


def test_thread_crash_is_logged_and_reported(crashes: list[tuple], previous_hooks: dict[str, list]) -> None:
    path = logs.setup_logging()

    def fail() -> None:
        raise RuntimeError("printer job lost")

    worker = threading.Thread(target=fail, name="printer-7")
    worker.start()
    worker.join()

    (exc_type, exc, tb, where), *more = crashes
    assert not more and exc_type is RuntimeError and str(exc) == "printer job lost" and tb is not None
    assert where == "printer-7"
    text = _read(path)
    assert "CRITICAL [printer-7] packstation.crash: unhandled exception where=printer-7 type=RuntimeError" in text
    assert "Traceback (most recent call last)" in text and "in fail" in text
    assert len(previous_hooks["thread"]) == 1  # the hook found in place still hears about it


def test_sys_excepthook_is_logged_and_reported(crashes: list[tuple], previous_hooks: dict[str, list]) -> None:
    path = logs.setup_logging()
    try:
        {}["missing"]
    except KeyError:
        sys.excepthook(*sys.exc_info())

    assert [(c[0], c[3]) for c in crashes] == [(KeyError, "MainThread")]
    text = _read(path)
    assert "unhandled exception where=MainThread type=KeyError" in text
    assert "Traceback (most recent call last)" in text and "KeyError: 'missing'" in text
    assert len(previous_hooks["sys"]) == 1


def test_ctrl_c_and_thread_exit_are_not_crashes(crashes: list[tuple], previous_hooks: dict[str, list]) -> None:
    path = logs.setup_logging()
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    worker = threading.Thread(target=sys.exit)
    worker.start()
    worker.join()

    assert crashes == []
    assert len(previous_hooks["sys"]) == 1  # Python's own Ctrl+C handling is kept
    assert "CRITICAL" not in _read(path)


def test_a_failing_listener_does_not_hide_the_crash(crashes: list[tuple]) -> None:
    path = logs.setup_logging()
    later: list[str] = []

    def broken(*_report: object) -> None:
        raise ValueError("listener bug")

    logs.add_crash_listener(broken)
    logs.add_crash_listener(lambda *report: later.append(report[3]))
    sys.excepthook(ZeroDivisionError, ZeroDivisionError("x"), None)

    assert len(crashes) == 1 and later == ["MainThread"]
    assert "crash listener failed" in _read(path)
    logs.remove_crash_listener(broken)


def test_install_is_idempotent_and_uninstall_restores(previous_hooks: dict[str, list]) -> None:
    found = (sys.excepthook, threading.excepthook)
    logs.install_excepthooks()
    logs.install_excepthooks()
    assert sys.excepthook is not found[0] and threading.excepthook is not found[1]

    logs.uninstall_excepthooks()
    assert (sys.excepthook, threading.excepthook) == found


def test_without_packstation_home_the_platform_log_folder_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import platformdirs

    asked: list[tuple] = []

    def user_log_path(appname: str, appauthor: bool) -> Path:
        asked.append((appname, appauthor))
        return tmp_path / "platform-logs"

    monkeypatch.delenv("PACKSTATION_HOME")
    monkeypatch.setattr(platformdirs, "user_log_path", user_log_path)

    assert logs.setup_logging() == tmp_path / "platform-logs" / "packstation.log"
    assert asked == [("packstation", False)] and (tmp_path / "platform-logs").is_dir()
