"""The parts of the bench window that the Designer form leaves as placeholders, built to the screen's scale.

``build(window, scale)`` swaps each placeholder of ``ui/main_window.ui`` for its real widget
(fonts sized by :mod:`packstation.gui.scale`, colours that never carry meaning alone) and
returns them. Everything here is static set-up; what they show is the window's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from packstation.gui.forms.ui_main_window import Ui_MainWindow
from packstation.gui.pick_list import PickList
from packstation.gui.scale import Role, Scale
from packstation.gui.widgets import Banner, FitText
from packstation.services.bench.commands import HOLD_REASONS

BUTTONS = ("queueButton", "nextButton", "releaseButton", "holdButton", "removedButton", "undoButton", "finishButton")
NEXT_BACKGROUND = QColor("#e8f0fe")
COD_COLOURS = ("#6a1b9a", "#ffffff")
NOTE_COLOURS = ("#ffeb3b", "#202124")
STOP_COLOURS = ("#c62828", "#ffffff")
BUTTON_STYLE = "QPushButton {{ background: {bg}; color: {fg}; border: 2px solid {border}; border-radius: 8px; }}"
BUTTON_LOOKS = {
    "plain": {"bg": "#f1f3f4", "fg": "#202124", "border": "#bdc1c6"},
    "go": {"bg": "#1b7f3b", "fg": "#ffffff", "border": "#0d5c28"},
    "act": {"bg": "#c62828", "fg": "#ffffff", "border": "#8e0000"},
}


@dataclass
class Parts:
    """The window's own widgets (the form's placeholders replaced)."""

    header: FitText
    station: FitText
    queue_title: FitText
    banner: Banner
    next_action: FitText
    packer: FitText
    cod: FitText
    note: FitText
    pick: PickList
    stop_title: FitText
    stop_text: FitText
    stop_hint: FitText
    hold_title: FitText
    hold_hint: FitText
    hold_buttons: dict[str, QPushButton]


def _swap(ui: Ui_MainWindow, name: str, widget: QWidget) -> None:
    placeholder: QWidget = getattr(ui, name)
    parent = placeholder.parentWidget()
    layout = parent.layout() if parent is not None else None
    assert layout is not None, f"{name} is not in a layout"
    layout.replaceWidget(placeholder, widget)
    placeholder.deleteLater()
    widget.setObjectName(name)
    setattr(ui, name, widget)


def _block(scale: Scale, role: Role, colours: tuple[str, str], max_lines: int = 1, bold: bool = True) -> FitText:
    text = FitText(scale.font(role, bold=bold), max_lines=max_lines)
    text.background, text.foreground = QColor(colours[0]), QColor(colours[1])
    text.set_padding(scale.mm(1.5))
    return text


def build(ui: Ui_MainWindow, scale: Scale, side: QWidget) -> Parts:
    """Swap every placeholder of the form for its widget; style the buttons; return the parts."""
    secondary, secondary_bold = scale.font(Role.SECONDARY), scale.font(Role.SECONDARY, bold=True)
    parts = Parts(
        header=FitText(secondary_bold),
        station=FitText(secondary),
        queue_title=FitText(secondary_bold),
        banner=Banner(scale.font(Role.HEADLINE, bold=True), secondary, scale.mm(2)),
        next_action=_block(scale, Role.PRIMARY, (NEXT_BACKGROUND.name(), "#0b2a5b")),
        packer=_block(scale, Role.SECONDARY, ("#e6f4ea", "#0d3b1e")),
        cod=_block(scale, Role.PRIMARY, COD_COLOURS),
        note=_block(scale, Role.PRIMARY, NOTE_COLOURS, max_lines=2),
        pick=PickList(scale),
        stop_title=_block(scale, Role.HEADLINE, STOP_COLOURS),
        stop_text=_block(scale, Role.PRIMARY, STOP_COLOURS, max_lines=4, bold=False),
        stop_hint=_block(scale, Role.PRIMARY, STOP_COLOURS),
        hold_title=FitText(scale.font(Role.PRIMARY, bold=True)),
        hold_hint=FitText(secondary),
        hold_buttons={},
    )
    parts.cod.fit_width = True  # as wide as its amount needs: the note beside it takes the rest
    for name, widget in (
        ("orderHeader", parts.header),
        ("stationLabel", parts.station),
        ("queueTitle", parts.queue_title),
        ("banner", parts.banner),
        ("nextAction", parts.next_action),
        ("packerLabel", parts.packer),
        ("codBlock", parts.cod),
        ("noteBlock", parts.note),
        ("pickTable", parts.pick),
        ("sideColumn", side),
        ("stopTitle", parts.stop_title),
        ("stopText", parts.stop_text),
        ("stopHint", parts.stop_hint),
        ("holdTitle", parts.hold_title),
        ("holdHint", parts.hold_hint),
    ):
        _swap(ui, name, widget)
    ui.topBar.setStretch(0, 2)
    ui.topBar.setStretch(1, 1)
    ui.warningsRow.setStretch(1, 1)
    ui.pickLayout.setStretch(0, 2)
    ui.pickLayout.setStretch(1, 1)
    ui.stopPage.setStyleSheet(f"#stopPage {{ background: {STOP_COLOURS[0]}; }}")
    ui.stopPage.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    _buttons(ui, scale)
    _hold_buttons(ui, scale, parts)
    return parts


def _buttons(ui: Ui_MainWindow, scale: Scale) -> None:
    for name in BUTTONS:
        button: QPushButton = getattr(ui, name)
        button.setFont(scale.font(Role.SECONDARY, bold=name == "finishButton"))
        lines = max(1, button.text().count("\n") + 1)
        needed = QFontMetricsF(button.font()).lineSpacing() * lines + scale.mm(3)
        button.setMinimumHeight(max(scale.button_height, int(needed)))
        # Buttons never take focus: a scanner's Enter can then never press one.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        style_button(button, "plain")


def style_button(button: QPushButton, look: str) -> None:
    """``plain``, ``go`` (green: do this now) or ``act`` (red: this needs doing)."""
    if button.property("look") != look:
        button.setProperty("look", look)
        button.setStyleSheet(BUTTON_STYLE.format(**BUTTON_LOOKS[look]))


def _hold_buttons(ui: Ui_MainWindow, scale: Scale, parts: Parts) -> None:
    ui.holdPage.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    for i, reason in enumerate(HOLD_REASONS):
        button = QPushButton()
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # the page's width, not the text's
        button.setFont(scale.font(Role.PRIMARY, bold=True))
        button.setMinimumHeight(max(scale.button_height, int(QFontMetricsF(button.font()).lineSpacing() * 1.4)))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        style_button(button, "plain")
        ui.holdReasons.addWidget(button, i // 2, i % 2)
        parts.hold_buttons[reason] = button
