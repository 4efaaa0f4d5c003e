"""The bench's language: Qt's translation system, English, Polish and Ukrainian.

The words live in ``resources/translations/packstation_<lang>.ts`` (Qt Linguist sources,
committed) and are compiled to ``.qm`` by ``python tools/translations.py build`` (which runs
``pyside6-lrelease``; the bundle build does the same). The language follows the operating
system unless the station's ``language`` setting names one. Qt's own words (dialog buttons)
come from the ``qtbase_<lang>.qm`` PySide6 ships.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from packstation import paths
from packstation.config import LANGUAGES

log = logging.getLogger(__name__)
DEFAULT = "en"


def choose_language(configured: str, ui_languages: Sequence[str] | None = None) -> str:
    """The configured language, else the first of the system's UI languages we have, else English."""
    if configured in LANGUAGES:
        return configured
    wanted = QLocale.system().uiLanguages() if ui_languages is None else ui_languages
    for name in wanted:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT


def translations_dir() -> Path:
    return paths.resource_dir() / "translations"


class Translations:
    """The translators installed for one language; :meth:`remove` takes them out again."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = QLocale(language)
        self._translators: list[QTranslator] = []

    def install(self) -> Translations:
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication must exist first"
        ours = QTranslator()
        qm = translations_dir() / f"packstation_{self.language}.qm"
        if ours.load(str(qm)):
            self._translators.append(ours)
        else:
            log.warning("translation missing language=%s file=%s", self.language, qm)
        qt_own = QTranslator()
        if qt_own.load(f"qtbase_{self.language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._translators.append(qt_own)
        for translator in self._translators:
            app.installTranslator(translator)
        QLocale.setDefault(self.locale)
        log.info("language=%s translators=%d", self.language, len(self._translators))
        return self

    def remove(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators.clear()


def install(configured: str) -> Translations:
    """Install the translators of the language this station shows (see :func:`choose_language`)."""
    return Translations(choose_language(configured)).install()
