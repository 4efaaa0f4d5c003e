"""The screen at 1366×768 and 1920×1080, in every language and state: nothing clipped, nothing too small.

Sizes are checked as a packer at 75 cm sees them: the capital height of each text's font in
pixels, over the screen's pixels per millimetre, as minutes of arc (``scale.arcmin_of``).
The verdict headline must fill 60′, the next action, the counters and the line to scan next
30′, every other text 20′. "Clipped" means a text cut by its box without an ellipsis: every
painted line must fit its widget's width and all lines its height; headlines never need an
ellipsis at all.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableWidget, QWidget

from packstation.gui.i18n import Translations
from packstation.gui.messages import TEXTS, render
from packstation.gui.order_side import RecentScans
from packstation.gui.pick_list import COUNT
from packstation.gui.scale import Role, Scale, arcmin_of
from packstation.gui.widgets import Banner, FitText
from tests.gui.screen_walk import SETTINGS, walk

pytestmark = pytest.mark.timeout(240)
SIZES = [(1366, 768), (1920, 1080)]
LANGUAGES = ["en", "pl", "uk"]
SLACK = 0.5  # px: text layout rounds to fractions of a pixel
# Sample values long enough to be honest: the longest order numbers and counts a bench sees.
SAMPLE = {
    "number": "PL-10010", "quantity": 6, "scanned": 12, "required": 12, "units": 24, "missing": 12,
    "remaining": 3, "length": 257, "name": "Kubek", "status": "on_hold", "station": "bench-12",
    "reason": "damaged_unit", "next": "PL-10011", "tracking": "059012340000000109",
}  # fmt: skip


def _arcmin(font: QFont, scale: Scale) -> float:
    return arcmin_of(QFontMetricsF(font).capHeight(), scale.px_per_mm)


class Problems(list[str]):
    def small(self, where: str, font: QFont, role: Role, scale: Scale) -> None:
        angle = _arcmin(font, scale)
        if angle < role.value:
            self.append(f"{where}: {angle:.1f}′ < {role.value}′ ({font.pixelSize()} px)")


def _check_fit_text(widget: FitText, where: str, problems: Problems) -> None:
    metrics = QFontMetricsF(widget.font())
    lines = widget.shown_lines()
    room = widget.width() - 2 * widget.padding + SLACK
    for line in lines:
        if metrics.horizontalAdvance(line) > room:
            problems.append(f"{where}: {line!r} wider than {room:.0f} px")
    if len(lines) * metrics.lineSpacing() > widget.height() - 2 * widget.padding + 2:
        problems.append(f"{where}: {len(lines)} lines taller than {widget.height()} px")


def _check_banner(banner: Banner, where: str, problems: Problems, scale: Scale) -> None:
    head, detail = banner.shown_lines()
    width = banner.width() - 2 * banner.padding + SLACK
    whole = banner.text().split("\n", 1)[0]
    if head and head[0] != whole:
        problems.append(f"{where}: headline {whole!r} does not fit ({head[0]!r})")
    for font, lines in ((banner.headline_font, head), (banner.detail_font, detail)):
        for line in lines:
            if QFontMetricsF(font).horizontalAdvance(line) > width:
                problems.append(f"{where}: {line!r} wider than the banner")
    problems.small(f"{where} headline", banner.headline_font, Role.HEADLINE, scale)
    problems.small(f"{where} detail", banner.detail_font, Role.SECONDARY, scale)


def _check_button(button: QAbstractButton, where: str, problems: Problems, scale: Scale) -> None:
    metrics = QFontMetricsF(button.font())
    lines = button.text().split("\n")
    if max(metrics.horizontalAdvance(line) for line in lines) > button.width() - 8:
        problems.append(f"{where}: {button.text()!r} wider than {button.width()} px")
    if len(lines) * metrics.lineSpacing() > button.height() - 4:
        problems.append(f"{where}: {button.text()!r} taller than {button.height()} px")
    if button.height() < scale.button_height:
        problems.append(f"{where}: {button.height()} px high, under 15 mm ({scale.button_height} px)")
    problems.small(where, button.font(), Role.SECONDARY, scale)


def _check_table(table: QTableWidget, where: str, problems: Problems, scale: Scale) -> None:
    header = table.horizontalHeader()
    if header.height() < QFontMetricsF(header.font()).height():
        problems.append(f"{where}: header {header.height()} px for its font")
    problems.small(f"{where} header", header.font(), Role.SECONDARY, scale)
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None or not item.text():
                continue
            font = item.font() if item.font().pixelSize() > 0 else table.font()
            if table.rowHeight(row) < QFontMetricsF(font).height():
                problems.append(f"{where}: row {row} is {table.rowHeight(row)} px for {item.text()!r}")
            problems.small(f"{where} {item.text()!r}", font, Role.SECONDARY, scale)


def check(window, state: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Every problem of what ``window`` shows now."""
    scale: Scale = window.scale
    problems = Problems()
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{state}: {type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, Banner):
            _check_banner(widget, where, problems, scale)
        elif isinstance(widget, FitText):
            _check_fit_text(widget, where, problems)
            problems.small(where, widget.font(), Role.SECONDARY, scale)
        elif isinstance(widget, QAbstractButton):
            _check_button(widget, where, problems, scale)
        elif isinstance(widget, QTableWidget):
            _check_table(widget, where, problems, scale)
        elif isinstance(widget, RecentScans):
            if len(widget.shown_lines()) * QFontMetricsF(widget.font()).lineSpacing() > widget.height() + 1:
                problems.append(f"{where}: last scans cut")
            problems.small(where, widget.font(), Role.SECONDARY, scale)
        elif isinstance(widget, (QLineEdit, QComboBox)):
            if widget.height() < QFontMetricsF(widget.font()).height():
                problems.append(f"{where}: {widget.height()} px for its font")
            problems.small(where, widget.font(), Role.SECONDARY, scale)
    _check_roles(window, state, problems, scale)
    return problems


def _check_roles(window, state: str, problems: Problems, scale: Scale) -> None:  # type: ignore[no-untyped-def]
    """The texts that must be larger than 20′: the next action, counters, the line to scan next."""
    problems.small(f"{state}: next action", window.parts.next_action.font(), Role.PRIMARY, scale)
    problems.small(f"{state}: total", window.side.total.font(), Role.PRIMARY, scale)
    pick = window.parts.pick
    for row, shown in enumerate(pick.rows):
        counter = pick.item(row, COUNT)
        problems.small(f"{state}: counter of row {row}", counter.font(), Role.PRIMARY, scale)
        if shown.kind == "next":
            problems.small(f"{state}: the next line's product", pick.item(row, 1).font(), Role.PRIMARY, scale)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_fits_and_is_big_enough(qtbot, make_bench, size, language) -> None:  # type: ignore[no-untyped-def]
    window = make_bench(size=size, language=language, **SETTINGS)
    problems: list[str] = []
    states = 0
    for state in walk(qtbot, window):
        states += 1
        assert (window.width(), window.height()) == size, f"{state}: the window grew to {window.size()}"
        problems += check(window, state)
    assert states >= 15
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_headline_fits_the_banner_on_the_narrow_screen(qapp, language) -> None:  # type: ignore[no-untyped-def]
    """Each verdict's headline, with long sample values, fits 1366 px at 60′ without an ellipsis."""
    scale = Scale.for_screen()
    banner = Banner(scale.font(Role.HEADLINE, bold=True), scale.font(Role.SECONDARY), scale.mm(2))
    room = 1366 - 2 * 9 - 2 * banner.padding  # the window's margins, then the banner's own
    metrics = QFontMetricsF(banner.headline_font)
    translations = Translations(language).install()
    try:
        too_wide = {
            key: headline
            for key, text in TEXTS.items()
            if not key.startswith("next.")
            for headline in [render(text, SAMPLE)[0]]
            if metrics.horizontalAdvance(headline) > room
        }
    finally:
        translations.remove()
    assert too_wide == {}
