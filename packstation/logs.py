"""Logging for the whole package: one rotating file per user, secrets masked, crashes recorded.

Every module logs through ``logging.getLogger(__name__)`` (so under the ``packstation`` logger)
with key=value messages, e.g. ``log.info("scan order=%s raw=%r verdict=%s", ...)``. Only the
entry points (cli.py, gui/app.py) call :func:`setup_logging` and :func:`install_excepthooks`;
a module that merely logs configures nothing.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

APP_NAME = "packstation"
LOG_FILE_NAME = "packstation.log"
MAX_BYTES = 5 * 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"

_log = logging.getLogger(__name__)
_crash_log = logging.getLogger("packstation.crash")

# --------------------------------------------------------------------------- secrets

# scheme://user:PASSWORD@host - the password runs to the last "@" before the host, because
# people do put a raw "@" in passwords; "/" and quotes end it so a path is never swallowed.
_URL_PASSWORD = re.compile(r"(?i)(\b[a-z][a-z0-9+.\-]*://[^:/@\s'\"]*:)([^\s/'\"]*)(@)")
# password=... / PGPASSWORD=... in libpq keyword strings and query strings, quoted or not.
_KEYWORD_PASSWORD = re.compile(r"(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^\s&;,'\"]+)")
# 'password': '...' as printed by a dict or JSON.
_MAPPING_PASSWORD = re.compile(r"(?i)(['\"]password['\"]\s*:\s*)('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


def mask_secrets(text: str) -> str:
    """``text`` with every database password replaced by ``***`` (URLs, libpq keywords, mappings)."""
    text = _URL_PASSWORD.sub(r"\1***\3", text)
    text = _KEYWORD_PASSWORD.sub(r"\1***", text)
    return _MAPPING_PASSWORD.sub(r"\1'***'", text)


class SecretsFilter(logging.Filter):
    """Masks passwords in a record's message, exception and stack text before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # bad %-args: let the handler report it as logging does
            return True
        # Freeze the formatted text: the args may hold a URL object whose str() shows the password.
        record.msg, record.args = mask_secrets(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        return True


class _Formatter(logging.Formatter):
    """ISO 8601 local time with milliseconds and UTC offset: benches in several time zones compare logs."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802 - override
        return datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")


# --------------------------------------------------------------------------- setup

_lock = threading.RLock()
_file_handler: logging.Handler | None = None
_stderr_handler: logging.Handler | None = None
_log_path: Path | None = None  # set by setup_logging: the file, or where it would have been
_warned_file_failure = False


def _log_folder() -> Path:
    override = os.environ.get("PACKSTATION_HOME")
    if override:
        return Path(override) / "logs"
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    """The log folder: ``$PACKSTATION_HOME/logs`` when set, else the platform's user log folder; created."""
    path = _log_folder()
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file_path() -> Path | None:
    """The file the log goes to now; ``None`` before :func:`setup_logging` or when it fell back to stderr."""
    handler = _file_handler
    return Path(handler.baseFilename) if isinstance(handler, logging.FileHandler) else None


class _FileHandler(logging.handlers.RotatingFileHandler):
    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - override
        # The file stopped taking writes (disk full, folder removed): warn once and go on on
        # stderr; the file is tried again for every later record, so it resumes when it can.
        _fall_back_to_stderr(f"cannot write the log file {self.baseFilename}: {sys.exc_info()[1]}")


def _ensure_stderr_handler(level: int) -> logging.Handler:
    global _stderr_handler
    if _stderr_handler is None:
        # A windowed bundle has no stderr at all (sys.stderr is None): then there is nowhere to go.
        handler: logging.Handler = logging.StreamHandler(sys.stderr) if sys.stderr else logging.NullHandler()
        handler.setFormatter(_Formatter(FORMAT))
        handler.addFilter(SecretsFilter())
        handler.setLevel(level)
        # Logger.callHandlers walks the live list: a handler appended while a record is being
        # emitted (a failing file) receives that record too, so it is not lost.
        logging.getLogger(APP_NAME).addHandler(handler)
        _stderr_handler = handler
    elif level < _stderr_handler.level:
        _stderr_handler.setLevel(level)
    return _stderr_handler


def _fall_back_to_stderr(reason: str) -> None:
    global _warned_file_failure
    with _lock:
        # Not verbose: warnings and errors only, so a CLI's stderr is not flooded with INFO lines.
        handler = _ensure_stderr_handler(logging.WARNING)
        if not _warned_file_failure:
            _warned_file_failure = True
            handler.handle(_log.makeRecord(_log.name, logging.WARNING, __file__, 0, "%s", (reason,), None))


def setup_logging(verbose: bool = False) -> Path:
    """Configure the ``packstation`` logger once per process; return the log file's path.

    A rotating UTF-8 file (5 MB x 5) in :func:`log_dir` at INFO, DEBUG when ``verbose``; ``verbose``
    also copies every record to stderr (a later call with ``verbose=True`` adds that). If the log
    folder cannot be written, records go to stderr after one warning: logging never stops the app.
    """
    global _file_handler, _log_path
    with _lock:
        logger = logging.getLogger(APP_NAME)
        if _log_path is None:
            # Our lines are ours: a library calling logging.basicConfig() must not print them again.
            logger.propagate = False
            logger.setLevel(logging.INFO)
            folder = _log_folder()
            _log_path = folder / LOG_FILE_NAME
            try:
                folder.mkdir(parents=True, exist_ok=True)
                handler = _FileHandler(_log_path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
            except OSError as exc:
                _fall_back_to_stderr(f"cannot open the log file {_log_path}: {exc}; logging to stderr")
            else:
                handler.setFormatter(_Formatter(FORMAT))
                handler.addFilter(SecretsFilter())
                logger.addHandler(handler)
                _file_handler = handler
        if verbose:
            logger.setLevel(logging.DEBUG)
            _ensure_stderr_handler(logging.DEBUG)
        return _log_path


# --------------------------------------------------------------------------- crashes

CrashListener = Callable[[type[BaseException], BaseException, TracebackType | None, str], Any]

_listeners: list[CrashListener] = []
_previous_hooks: tuple[Any, Any] | None = None


def add_crash_listener(listener: CrashListener) -> None:
    """Call ``listener(exc_type, exc, tb, where)`` after an unhandled exception was logged (any thread)."""
    with _lock:
        if listener not in _listeners:
            _listeners.append(listener)


def remove_crash_listener(listener: CrashListener) -> None:
    """Stop calling ``listener``; unknown listeners are ignored."""
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)


def _report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str) -> None:
    _crash_log.critical("unhandled exception where=%s type=%s", where, exc_type.__name__, exc_info=(exc_type, exc, tb))
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(exc_type, exc, tb, where)
        except Exception:  # a broken listener must not hide the crash or the other listeners
            _crash_log.exception("crash listener failed listener=%r", listener)


def report_exception(exc: BaseException, where: str) -> None:
    """Log a caught but unexpected exception (a bug) with its traceback and tell the crash listeners.

    For code that must keep running after a bug (the bench's worker): the packer still gets
    the dialog that says where the log is.
    """
    _report(type(exc), exc, exc.__traceback__, where)


def _stderr_shows_log() -> bool:
    return _stderr_handler is not None  # it passes WARNING and up, so the critical record too


def _sys_hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    previous = _previous_hooks[0] if _previous_hooks else sys.__excepthook__
    if issubclass(exc_type, KeyboardInterrupt):
        # Ctrl+C is the user's wish, not a crash: Python's own handling (and exit status) stays.
        previous(exc_type, exc, tb)
        return
    _report(exc_type, exc, tb, threading.current_thread().name)
    # Chain to a hook someone else installed; Python's default one only repeats on stderr
    # what the log already printed there.
    if previous is not sys.__excepthook__ or not _stderr_shows_log():
        previous(exc_type, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    previous = _previous_hooks[1] if _previous_hooks else threading.__excepthook__
    if args.exc_type is SystemExit:  # threading ignores it by design: a thread may end that way
        previous(args)
        return
    exc = args.exc_value if args.exc_value is not None else RuntimeError(args.exc_type.__name__)
    where = args.thread.name if args.thread is not None else "unknown thread"
    _report(args.exc_type, exc, args.exc_traceback, where)
    if previous is not threading.__excepthook__ or not _stderr_shows_log():
        previous(args)


def install_excepthooks() -> None:
    """Log unhandled exceptions (main thread, threads, Qt slots) with traceback, then tell the listeners.

    Idempotent; the hooks found in place are kept and still called afterwards (see
    :func:`uninstall_excepthooks`).
    """
    global _previous_hooks
    with _lock:
        if _previous_hooks is None:
            _previous_hooks = (sys.excepthook, threading.excepthook)
            sys.excepthook = _sys_hook
            threading.excepthook = _thread_hook


def uninstall_excepthooks() -> None:
    """Put back the hooks :func:`install_excepthooks` replaced (tests)."""
    global _previous_hooks
    with _lock:
        if _previous_hooks is not None:
            sys.excepthook, threading.excepthook = _previous_hooks
            _previous_hooks = None


def reset_logging() -> None:
    """Back to the state at import: handlers closed and removed, hooks restored, no crash listeners.

    For tests; the app never needs it (logging.shutdown() at exit flushes the file).
    """
    global _file_handler, _stderr_handler, _log_path, _warned_file_failure
    uninstall_excepthooks()
    logger = logging.getLogger(APP_NAME)
    with _lock:
        _listeners.clear()
        handlers = [h for h in (_file_handler, _stderr_handler) if h is not None]
        _file_handler = _stderr_handler = _log_path = None
        _warned_file_failure = False
    for handler in handlers:
        # Outside _lock: a thread inside a failing file write holds the handler and wants _lock.
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(logging.NOTSET)
    logger.propagate = True
