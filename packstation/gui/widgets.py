"""Small widgets of the bench window that never reflow: the verdict banner and text that fits its box.

A long message must not push the rest of the screen about: every text here keeps the height
it was given and fits its words into it (wrapped onto at most ``max_lines`` lines, the last
one elided with "…"). Fonts are never shrunk below the size their role needs (``scale``).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from packstation.gui.messages import TONE_COLOURS


def fit_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` broken into lines no wider than ``width``: at most ``max_lines``, the last elided."""
    text = " ".join(text.split("\n"))
    if not text or width <= 0:
        return []
    metrics = QFontMetricsF(font)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = line.textStart()
        if len(lines) == max_lines - 1:  # the last line we may show holds the rest, elided
            rest = text[start:].replace("\n", " ")
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(text[start : start + line.textLength()].rstrip())
    layout.endLayout()
    return lines


class FitText(QWidget):
    """A line (or a few) of text in a fixed box: wrapped, elided, never wider or taller than it is."""

    def __init__(self, font: QFont, max_lines: int = 1, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        super().__init__()
        self._text = ""
        self._font = font
        self._lines: list[str] = []
        self._width = -1
        self.max_lines = max_lines
        self.align = align
        self.foreground = QColor("#202124")
        self.background: QColor | None = None
        self.padding = 0
        self.fit_width = False  # True: as wide as the text (set the text, then it keeps that width)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.height_for(1))  # several lines only once a text needs them

    def height_for(self, lines: int) -> int:
        return int(QFontMetricsF(self._font).lineSpacing() * max(lines, 1) + 2 * self.padding + 2)

    def set_padding(self, padding: int) -> None:
        self.padding = padding
        self.setFixedHeight(self.height_for(max(1, len(self.shown_lines()))))

    def text(self) -> str:
        """The whole text (what is shown may be elided: :meth:`shown_lines`)."""
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - the Qt name, as QLabel has it
        if text != self._text:
            self._text = text
            self._width = -1
            self.setToolTip(text)
            if self.fit_width:
                self.setFixedWidth(int(QFontMetricsF(self._font).horizontalAdvance(text) + 2 * self.padding + 4))
            self._fit_height()
            self.update()

    def shown_lines(self) -> list[str]:
        """The lines as painted: wrapped and elided to the widget's width."""
        width = self.width() - 2 * self.padding
        if width != self._width:
            self._lines = fit_lines(self._text, self._font, width, self.max_lines)
            self._width = width
        return self._lines

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """A text of several lines is as tall as its lines at this width (a new text, a new width only)."""
        if self.max_lines > 1:
            self.setFixedHeight(self.height_for(max(1, len(self.shown_lines()))))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(100, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        if self.background is not None:
            painter.fillRect(self.rect(), self.background)
        painter.setFont(self._font)
        painter.setPen(self.foreground)
        spacing = QFontMetricsF(self._font).lineSpacing()
        lines = self.shown_lines()
        top = self.padding + max(0.0, (self.height() - 2 * self.padding - spacing * len(lines)) / 2)
        for i, line in enumerate(lines):
            rect = QRectF(self.padding, top + i * spacing, self.width() - 2 * self.padding, spacing)
            painter.drawText(rect, int(self.align | Qt.AlignmentFlag.AlignVCenter), line)
        painter.end()


class Banner(QWidget):
    """The big verdict: colour for the corner of the eye, words for the reason.

    A fixed height: a headline of one line and a detail of at most two, whatever they say.
    ``painted`` fires after each paint with the sequence number of the outcome shown, so
    tests and the latency benchmark can tell when a verdict is really on screen.
    """

    painted = Signal(int)

    def __init__(self, headline_font: QFont, detail_font: QFont, padding: int) -> None:
        super().__init__()
        self.seq = 0
        self.tone = "idle"
        self.headline_font, self.detail_font, self.padding = headline_font, detail_font, padding
        self._headline = self._detail = ""
        self._fitted: tuple[int, list[str], list[str]] = (-1, [], [])
        head = QFontMetricsF(headline_font).lineSpacing()
        detail = QFontMetricsF(detail_font).lineSpacing()
        self.setFixedHeight(int(head + 2 * detail + 2 * padding + 2))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_verdict(self, tone: str, headline: str, detail: str, seq: int) -> None:
        """Show a verdict; ``seq`` identifies it in the ``painted`` signal."""
        self.seq, self.tone = seq, tone
        self._headline, self._detail = headline, detail
        self._fitted = (-1, [], [])
        self.setToolTip(f"{headline}\n{detail}")
        self.update()

    def text(self) -> str:
        """Headline and detail, whole."""
        return f"{self._headline}\n{self._detail}"

    def shown_lines(self) -> tuple[list[str], list[str]]:
        """(headline lines, detail lines) as painted at the banner's width."""
        width = self.width() - 2 * self.padding
        if self._fitted[0] != width:
            head = fit_lines(self._headline, self.headline_font, width, 1)
            detail = fit_lines(self._detail, self.detail_font, width, 2)
            self._fitted = (width, head, detail)
        return self._fitted[1], self._fitted[2]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        background, foreground = TONE_COLOURS.get(self.tone, TONE_COLOURS["idle"])
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(QRectF(self.rect()), 10, 10)
        painter.setPen(QColor(foreground))
        head_lines, detail_lines = self.shown_lines()
        width = self.width() - 2 * self.padding
        blocks = ((self.headline_font, head_lines), (self.detail_font, detail_lines))
        used = sum(QFontMetricsF(font).lineSpacing() * len(lines) for font, lines in blocks)
        y = max(float(self.padding), (self.height() - used) / 2)
        for font, lines in blocks:
            painter.setFont(font)
            spacing = QFontMetricsF(font).lineSpacing()
            for line in lines:
                painter.drawText(QRectF(self.padding, y, width, spacing), int(Qt.AlignmentFlag.AlignHCenter), line)
                y += spacing
        painter.end()
        self.painted.emit(self.seq)
