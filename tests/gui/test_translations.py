"""Polish and Ukrainian: every screen and dialog, nothing left in English; the translation files complete.

The window walks through every screen (``screen_walk``) in each language; any visible text
that reads as one of the English source strings (its placeholders filled with anything) is
untranslated. The crash dialog is opened the same way. The ``.ts`` files must be complete,
keep every placeholder and plural form, and the committed ``.qm`` must be what
``pyside6-lrelease`` makes of them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from packstation.gui.crash import install_gui_crash_handling
from packstation.gui.i18n import Translations, choose_language
from packstation.gui.messages import TEXTS, describe, render
from tests.gui.screen_walk import SETTINGS, visible_texts, walk

pytestmark = pytest.mark.timeout(240)
ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|%1")
FORMS = {"en": 2, "pl": 3, "uk": 3}


def _messages(language: str) -> list[ET.Element]:
    return list(ET.parse(FOLDER / f"packstation_{language}.ts").getroot().iter("message"))


def _english_patterns() -> list[tuple[str, re.Pattern[str], bool]]:
    """(source, pattern matching it with any values, whether it may be searched inside a longer text)."""
    patterns = []
    for message in _messages("pl"):
        source = message.findtext("source") or ""
        letters = PLACEHOLDER.sub("", source)
        if not re.search(r"[A-Za-z]{2}", letters):
            continue  # "{name}": nothing to translate
        body = ".+?".join(re.escape(literal) for literal in PLACEHOLDER.split(source))
        inside = len(letters.split()) >= 3  # a phrase: wrong inside a longer text too
        patterns.append((source, re.compile(body, re.DOTALL), inside))
    return patterns


def _english_on_screen(texts: list[tuple[str, str]]) -> list[str]:
    patterns = _english_patterns()
    found = []
    for where, text in texts:
        for source, pattern, inside in patterns:
            if pattern.fullmatch(text) or (inside and pattern.search(text)):
                found.append(f"{where}: {text!r} is the English {source!r}")
    return found


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_no_screen_shows_english(qtbot, make_bench, language) -> None:  # type: ignore[no-untyped-def]
    window = make_bench(language=language, **SETTINGS)
    problems: list[str] = []
    states = 0
    for state in walk(qtbot, window):
        states += 1
        problems += [f"{state}: {p}" for p in _english_on_screen(visible_texts(window))]
    assert states >= 15
    assert problems == []


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_the_crash_dialog_is_translated(qtbot, make_bench, language) -> None:  # type: ignore[no-untyped-def]
    window = make_bench(language=language)
    handling = install_gui_crash_handling(window)
    try:
        reporter = handling.reporter
        for _ in range(2):  # twice: the plural line about repeats too
            try:
                raise ZeroDivisionError("a bug")
            except ZeroDivisionError as error:
                reporter.listener(type(error), error, error.__traceback__, "test")
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: reporter._count == 2, timeout=5000)
        dialog = reporter.dialog
        assert dialog is not None
        texts = visible_texts(dialog) + [("title", dialog.windowTitle())]
        assert _english_on_screen(texts) == []
        assert any("2" in text for _where, text in texts)
    finally:
        handling.uninstall()


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_every_message_code_is_translated(qapp, language) -> None:  # type: ignore[no-untyped-def]
    """Every verdict and next-action text, rendered with values, in words of the language."""
    sample = {"number": "PL-1", "quantity": 6, "scanned": 1, "required": 3, "units": 5, "missing": 2,
              "remaining": 2, "length": 300, "name": "Łyżka", "status": "on_hold", "reason": "other"}  # fmt: skip
    translations = Translations(language).install()
    try:
        rendered = [(key, line) for key, text in TEXTS.items() for line in render(text, sample) if line]
    finally:
        translations.remove()
    assert _english_on_screen(rendered) == []


def test_plural_forms() -> None:
    expected = {
        "pl": ["KOMPLET: 1 sztuka", "KOMPLET: 3 sztuki", "KOMPLET: 5 sztuk", "KOMPLET: 22 sztuki", "KOMPLET: 12 sztuk"],
        "uk": ["КОМПЛЕКТ: 1 одиниця", "КОМПЛЕКТ: 3 одиниці", "КОМПЛЕКТ: 5 одиниць", "КОМПЛЕКТ: 22 одиниці",
               "КОМПЛЕКТ: 12 одиниць"],
        "en": ["COMPLETE: 1 unit", "COMPLETE: 3 units", "COMPLETE: 5 units", "COMPLETE: 22 units",
               "COMPLETE: 12 units"],
    }  # fmt: skip
    for language, headlines in expected.items():
        translations = Translations(language).install()
        try:
            shown = [describe("scan.complete", {"units": n, "name": "x"})[0] for n in (1, 3, 5, 22, 12)]
        finally:
            translations.remove()
        assert shown == headlines


@pytest.mark.parametrize("language", ["en", "pl", "uk"])
def test_translation_files_are_complete_and_keep_placeholders(language: str) -> None:
    problems = []
    for message in _messages(language):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"untranslated: {source!r}")
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        if message.get("numerus") == "yes" and len(forms) != FORMS[language]:
            problems.append(f"{len(forms)} plural forms for {source!r}")
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms:
            if sorted(set(PLACEHOLDER.findall(form))) != wanted:
                problems.append(f"placeholders of {form!r} differ from {source!r}")
    assert problems == []
    if language != "en":  # the English file holds only plural messages
        assert len(_messages(language)) > 150


def test_committed_qm_files_are_built_from_the_ts_files(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import translations  # tools/translations.py
    finally:
        sys.path.pop(0)
    for fresh in translations.build(FOLDER, into=tmp_path):
        committed = FOLDER / fresh.name
        assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} is stale: tools/translations.py build"


def test_the_language_follows_the_system_unless_configured() -> None:
    assert choose_language("", ["pl-PL", "en-US"]) == "pl"
    assert choose_language("", ["uk_UA"]) == "uk"
    assert choose_language("", ["de-DE", "uk-UA"]) == "uk"
    assert choose_language("", ["de-DE"]) == "en"
    assert choose_language("pl", ["uk-UA"]) == "pl"
