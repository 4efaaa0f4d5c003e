"""Reports and lists read off the GUI thread: the result comes back as a signal, on the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from packstation.domain.errors import DomainError

log = logging.getLogger(__name__)


class Background(QObject):
    """Runs one call at a time in a thread; ``done(token, result)`` or ``failed(token, message)`` follow.

    The object lives on the GUI thread, so its signals, emitted from the thread, are delivered there.
    """

    done = Signal(object, object)
    failed = Signal(object, str)

    def run(self, token: object, call: Callable[[], object]) -> None:
        def work() -> None:
            try:
                result = call()
            except DomainError as error:  # the database away, an order gone: said in the window
                log.warning("background call failed token=%s code=%s", token, error.code)
                self.failed.emit(token, str(error))
                return
            self.done.emit(token, result)

        threading.Thread(target=work, name=f"gui-{token}", daemon=True).start()
