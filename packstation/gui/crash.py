"""What the packer sees when something breaks, and Qt's own messages in the log.

:func:`install_gui_crash_handling` routes qDebug/qWarning/... into the ``packstation.qt`` logger
and registers a crash listener (see :mod:`packstation.logs`) that shows one plain-words dialog
on the GUI thread, whichever thread crashed. Unhandled exceptions in slots reach
``sys.excepthook`` in PySide6 and the event loop goes on, so the bench keeps running behind
the dialog; the dialog is never modal, so scans keep flowing while it is up.
"""

from __future__ import annotations

import logging
import math
import traceback
from collections.abc import Callable
from types import TracebackType

import shiboken6
from PySide6.QtCore import QMessageLogContext, QObject, Qt, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QMessageBox, QWidget

from packstation import logs

qt_log = logging.getLogger("packstation.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

WindowProvider = Callable[[], QWidget | None]
MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], object]


class _Repeats:
    """Counts a Qt message said again and again (Qt can loop on one warning, e.g. an audio stream's socket)."""

    last = ""
    count = 0

    @classmethod
    def worth_logging(cls, message: str) -> bool:
        """True for the first three times in a row, then at 10, 100, 1000… (with the count)."""
        if message != cls.last:
            cls.last, cls.count = message, 0
        cls.count += 1
        return cls.count <= 3 or math.log10(cls.count).is_integer()


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(mode, logging.WARNING)
    if mode != QtMsgType.QtFatalMsg and not _Repeats.worth_logging(message):
        return  # the log must not fill the disk with one line
    # Release builds of Qt leave file/line empty; the category alone still says who spoke.
    where = f" at={context.file}:{context.line}" if context.file else ""
    repeated = f" repeated={_Repeats.count}" if _Repeats.count > 3 else ""
    qt_log.log(level, "category=%s%s message=%s%s", context.category or "default", where, message, repeated)
    if mode == QtMsgType.QtFatalMsg:
        # Qt aborts the process when this returns: get the line onto the disk first.
        for handler in logging.getLogger(logs.APP_NAME).handlers:
            handler.flush()


class CrashReporter(QObject):
    """Lives on the GUI thread; turns crash reports from any thread into at most one open dialog."""

    _crashed = Signal(str)  # the exception's one-line summary

    def __init__(self, window_provider: WindowProvider) -> None:
        super().__init__()
        self._window_provider = window_provider
        self._dialog: QMessageBox | None = None
        self._count = 0
        self._summaries: list[str] = []
        # Queued even from the GUI thread: the dialog is built from the event loop, not from
        # inside sys.excepthook in the middle of whatever slot just failed.
        self._crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @property
    def dialog(self) -> QMessageBox | None:
        """The crash dialog on screen now, if any."""
        return self._dialog

    def listener(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str) -> None:
        """The crash listener: callable from any thread, it only queues the report to the GUI thread."""
        line = traceback.format_exception_only(exc_type, exc)[-1].strip()
        summary = logs.mask_secrets(f"{line} [{where}]")
        if shiboken6.isValid(self):  # after the app is gone there is no one left to tell
            self._crashed.emit(summary)

    def _show(self, summary: str) -> None:
        try:
            if self._dialog is not None and not shiboken6.isValid(self._dialog):
                self._closed()  # deleted along with its window, without a "finished"
            self._count += 1
            self._summaries.append(summary)
            if self._dialog is None:
                self._dialog = self._new_dialog()
                self._dialog.finished.connect(self._closed)
            self._dialog.setInformativeText(self._details())
            self._dialog.show()
            self._dialog.raise_()
        except Exception:
            # Raising here would go to sys.excepthook, back to this reporter, and loop for ever.
            qt_log.exception("crash dialog failed summary=%s", summary)

    def _new_dialog(self) -> QMessageBox:
        parent = self._window_provider()
        if parent is not None and not shiboken6.isValid(parent):
            parent = None
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Packstation: something went wrong"))
        box.setText(self.tr("Something went wrong inside Packstation."))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        close = box.button(QMessageBox.StandardButton.Ok)
        if close is not None:  # the bench's own word for it, in the bench's language
            close.setText(self.tr("Close"))
        # Never modal: the packer may finish the box while the dialog waits to be read.
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return box

    def _details(self) -> str:
        path = logs.log_file_path()
        where = (
            self.tr("The details are in the log file:\n%1").replace("%1", str(path))
            if path is not None
            else self.tr("The log file could not be written; the details went to the error output.")
        )
        parts = [
            self.tr(
                "The open order and every scan already confirmed are safe. "
                "If the bench stops answering, close Packstation and start it again: "
                "the order opens where it stopped."
            ),
            where,
            self.tr("What happened: %1").replace("%1", self._summaries[0]),
        ]
        if self._count > 1:
            parts.append(self.tr("It happened %n time(s) since this message appeared.", "", self._count))
        return "\n\n".join(parts)

    def _closed(self) -> None:
        self._dialog = None
        self._count = 0
        self._summaries.clear()


class CrashHandling:
    """What :func:`install_gui_crash_handling` installed; :meth:`uninstall` takes it all back."""

    def __init__(self, reporter: CrashReporter, previous_handler: MessageHandler | None) -> None:
        self.reporter = reporter
        self._previous_handler = previous_handler

    def uninstall(self) -> None:
        """Remove the crash listener, put Qt's previous message handler back, close an open dialog."""
        logs.remove_crash_listener(self.reporter.listener)
        qInstallMessageHandler(self._previous_handler)
        dialog = self.reporter.dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.close()


def install_gui_crash_handling(window_provider: WindowProvider | QWidget | None = None) -> CrashHandling:
    """Log Qt's messages under ``packstation.qt`` and show the crash dialog over ``window_provider()``.

    ``window_provider`` returns the window the dialog belongs to (or ``None``); a widget may be
    passed directly. Call on the GUI thread, with a QApplication or before creating it.
    """
    provider: WindowProvider
    if isinstance(window_provider, QWidget):
        window = window_provider
        provider = lambda: window  # noqa: E731 - a one-line adapter
    else:
        provider = window_provider or (lambda: None)
    previous = qInstallMessageHandler(_qt_message)
    reporter = CrashReporter(provider)
    logs.add_crash_listener(reporter.listener)
    return CrashHandling(reporter, previous)
