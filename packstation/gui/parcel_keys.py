"""Hotkeys for parcels: F10 closes the parcel (CMD-NEXT-PARCEL), Ctrl+1 … Ctrl+9 pick the catalogue's boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from packstation.domain.parcels import Carton
from packstation.gui.scan_worker import ScanWorker
from packstation.services.bench.commands import ChooseBox, Command, NextParcel

NEXT_PARCEL_KEY = "F10"


def parcel_hotkeys(cartons: tuple[Carton, ...]) -> list[tuple[str, Command, str]]:
    """(key, command, words) for every parcel hotkey: the first nine cartons by name, then F10."""
    keys: list[tuple[str, Command, str]] = [
        (f"Ctrl+{i}", ChooseBox(c.name), f"Box {c.name}") for i, c in enumerate(cartons[:9], start=1)
    ]
    keys.append((NEXT_PARCEL_KEY, NextParcel(), "Next parcel"))
    return keys


def install_parcel_hotkeys(window: QMainWindow, worker: ScanWorker, cartons: tuple[Carton, ...]) -> list[QAction]:
    """Application-wide actions on ``window`` that submit the parcel commands to the worker."""
    actions = []
    for key, command, words in parcel_hotkeys(cartons):
        action = QAction(words, window, shortcut=QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(lambda _=False, c=command: worker.submit(c))
        window.addAction(action)
        actions.append(action)
    return actions
