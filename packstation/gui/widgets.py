"""Small widgets of the bench window that never reflow: the verdict banner and text that fits its box.

A long message must not push the rest of the screen about: every text here keeps the height
it was given and fits its words into it (wrapped onto at most ``max_lines`` lines, the last
one elided with "…"). Fonts are never shrunk below the size their role needs (``scale``).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPaintEvent,
    QRawFont,
    QResizeEvent,
    QStaticText,
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


class LargeText:
    """Draws text too large for Qt's own glyph cache (Qt renders glyphs over 64 px as paths, every time).

    Each glyph of a font and colour is filled once into an image; a headline is then a row of
    image copies at the positions Qt's text layout gives (kerning included). A verdict's
    headline is 70-80 px high: this keeps painting it as fast as small text.
    """

    def __init__(self) -> None:
        self._glyphs: dict[tuple[str, int, str], tuple[QImage, QPointF]] = {}

    def width(self, font: QFont, text: str) -> float:
        return QFontMetricsF(font).horizontalAdvance(text)

    def draw(self, painter: QPainter, font: QFont, text: str, origin: QPointF, colour: QColor) -> None:
        """Draw ``text`` in a line whose top left corner is ``origin`` (as ``drawText`` into a rectangle)."""
        font_key = font.key()
        layout = QTextLayout(text, font)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e6)
        layout.endLayout()
        for run in layout.glyphRuns():
            raw = run.rawFont()
            for index, position in zip(run.glyphIndexes(), run.positions(), strict=True):
                image, offset = self._glyph(font_key, raw, index, colour)
                if not image.isNull():
                    painter.drawImage(origin + position + offset, image)

    def _glyph(self, font_key: str, raw: QRawFont, index: int, colour: QColor) -> tuple[QImage, QPointF]:
        key = (font_key, index, colour.name())
        found = self._glyphs.get(key)
        if found is None:
            path = raw.pathForGlyph(index)
            bounds = path.boundingRect().toAlignedRect().adjusted(-1, -1, 1, 1)
            image = QImage(max(bounds.width(), 1), max(bounds.height(), 1), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            glyph = QPainter(image)
            glyph.setRenderHint(QPainter.RenderHint.Antialiasing)
            glyph.translate(-bounds.left(), -bounds.top())
            glyph.fillPath(path, colour)
            glyph.end()
            found = self._glyphs[key] = (image, QPointF(bounds.topLeft()))
        return found


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
        self.repeat = 1
        self.headline_font, self.detail_font, self.padding = headline_font, detail_font, padding
        self._headline = self._detail = ""
        self._fitted: tuple[int, list[str], list[str]] = (-1, [], [])
        self._static: list[QStaticText] = []  # the detail lines, laid out once per verdict
        self._large = LargeText()
        head = QFontMetricsF(headline_font).lineSpacing()
        detail = QFontMetricsF(detail_font).lineSpacing()
        self.setFixedHeight(int(head + 2 * detail + 2 * padding + 2))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # It paints every pixel of itself (corners included): nothing behind it is painted first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def show_verdict(self, tone: str, headline: str, detail: str, seq: int, repeat: int = 1) -> None:
        """Show a verdict; ``seq`` identifies it in the ``painted`` signal; ``repeat``: the same one how many times."""
        self.seq, self.tone, self.repeat = seq, tone, repeat
        if (headline, detail) != (self._headline, self._detail):
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
            self._static = []
            for line in detail:
                static = QStaticText(line)
                static.setTextFormat(Qt.TextFormat.PlainText)
                static.prepare(font=self.detail_font)
                self._static.append(static)
        return self._fitted[1], self._fitted[2]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        background, foreground = TONE_COLOURS.get(self.tone, TONE_COLOURS["idle"])
        painter = QPainter(self)
        parent = self.parentWidget()
        painter.fillRect(self.rect(), parent.palette().window() if parent is not None else QColor("white"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(QRectF(self.rect()), 10, 10)
        painter.setPen(QColor(foreground))
        head, _detail = self.shown_lines()
        head_metrics, detail_metrics = QFontMetricsF(self.headline_font), QFontMetricsF(self.detail_font)
        used = head_metrics.lineSpacing() * len(head) + detail_metrics.lineSpacing() * len(self._static)
        y = max(float(self.padding), (self.height() - used) / 2)
        for line in head:
            x = (self.width() - head_metrics.horizontalAdvance(line)) / 2
            self._large.draw(painter, self.headline_font, line, QPointF(x, y), QColor(foreground))
            y += head_metrics.lineSpacing()
        painter.setFont(self.detail_font)
        for static in self._static:
            painter.drawStaticText(QPointF((self.width() - static.size().width()) / 2, y), static)
            y += detail_metrics.lineSpacing()
        if self.repeat > 1:  # "×2" in the corner: the same verdict again, so the key did register
            corner = QRectF(self.padding, self.padding, self.width() - 2 * self.padding, detail_metrics.lineSpacing())
            painter.drawText(corner, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), f"×{self.repeat}")
        painter.end()
        self.painted.emit(self.seq)
