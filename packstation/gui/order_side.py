"""Beside the picking list: the picture of the product to scan next, the box's total, the last scans.

The picture takes the room the screen has to spare (up to 70 mm); the last scans show as many
whole lines as fit, never a line cut in half.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from packstation.gui.messages import TONE_COLOURS, short_label, verdict_tone
from packstation.gui.next_action import next_line
from packstation.gui.pictures import PictureCache
from packstation.gui.scale import Role, Scale
from packstation.gui.widgets import FitText
from packstation.services.bench.outcome import OrderSnapshot, ScanLine

PICTURE_MM = 90.0  # the picture's side, at most (less where the screen is short)


class PictureLabel(QLabel):
    """A picture scaled to fit the space the column leaves it (it gives way first on a short screen)."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        pixmap = self.pixmap()
        if pixmap.isNull():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left, top = (self.width() - size.width()) // 2, (self.height() - size.height()) // 2
        painter.drawPixmap(QRect(left, top, size.width(), size.height()), pixmap)
        painter.end()


class RecentScans(QWidget):
    """The last scans, newest first, in their tone's colour: as many whole lines as fit."""

    def __init__(self, font: QFont) -> None:
        super().__init__()
        self._font = font
        self.lines: list[tuple[str, str]] = []  # (text, colour)
        self.setFont(font)
        self.setMinimumHeight(0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)

    def show_scans(self, scans: tuple[ScanLine, ...]) -> None:
        self.lines = []
        for scan in scans:
            plus = f" +{scan.quantity}" if scan.quantity > 1 else ""
            text = f"{short_label(scan.message_code, scan.verdict)}{plus}  {scan.name or scan.raw}"
            self.lines.append((text, TONE_COLOURS[verdict_tone(scan.verdict)][0]))
        self.update()

    def shown_lines(self) -> list[str]:
        """The lines painted at this size: whole lines only, each elided to the width."""
        metrics = QFontMetricsF(self._font)
        room = int(self.height() // metrics.lineSpacing())
        return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.width()) for text, _ in self.lines[:room]]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setFont(self._font)
        spacing = QFontMetricsF(self._font).lineSpacing()
        for i, (line, (_text, colour)) in enumerate(zip(self.shown_lines(), self.lines, strict=False)):
            painter.setPen(QColor(colour))
            painter.drawText(QRectF(0, i * spacing, self.width(), spacing), int(Qt.AlignmentFlag.AlignLeft), line)
        painter.end()


class OrderSide(QWidget):
    """The column beside the picking list. :meth:`show_order` redraws it from a snapshot."""

    def __init__(self, scale: Scale, pictures: PictureCache) -> None:
        super().__init__()
        self.pictures = pictures
        self.picture_px = scale.mm(PICTURE_MM)
        self._shown_path = ""
        self._shown: tuple[str, bool] | None = None
        secondary = scale.font(Role.SECONDARY)
        self.setFont(secondary)
        self.tick_font = scale.font(Role.HEADLINE, bold=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(scale.mm(1.5))
        self.picture = PictureLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMaximumHeight(self.picture_px)
        self.picture.setMinimumHeight(0)
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.picture.setStyleSheet("QLabel { background: #f1f3f4; color: #1b7f3b; border-radius: 8px; }")
        self.total = FitText(scale.font(Role.PRIMARY, bold=True))
        self.recent_title = FitText(scale.font(Role.SECONDARY, bold=True))
        self.recent = RecentScans(secondary)
        layout.addWidget(self.picture, 3)
        layout.addWidget(self.total)
        layout.addWidget(self.recent_title)
        layout.addWidget(self.recent, 2)
        pictures.ready.connect(self._picture_ready)
        self.show_order(None)

    def show_order(self, view: OrderSnapshot | None) -> None:
        self.recent_title.setText(self.tr("Last scans"))
        if view is None:
            self.total.setText("")
            self._picture(None)
            self.recent.show_scans(())
            return
        state = view.state
        total = self.tr("In the box: {scanned} / {required}")
        self.total.setText(total.format(scanned=state.units_scanned, required=state.units_required))
        line = next_line(view)
        self._picture(view.image_of(line.sku) if line else None, done=line is None)
        self.recent.show_scans(view.recent)

    def _picture(self, path: str | None, done: bool = False) -> None:
        state = (path or "", done)
        if state == self._shown and (done or not path or not self.picture.pixmap().isNull()):
            return  # the same picture as the last scan's: nothing to redraw
        self._shown = state
        self._shown_path = path or ""
        self.picture.setPixmap(QPixmap())
        if done:  # the whole order is in: a big tick where the picture was
            self.picture.setFont(self.tick_font)
            self.picture.setText("✓")
            return
        self.picture.setFont(self.font())
        self.picture.setText("")
        if path:
            self._set_pixmap(self.pictures.get(path, self.picture_px), path)

    def _set_pixmap(self, pixmap: QPixmap | None, path: str) -> None:
        if pixmap is not None:
            self.picture.setPixmap(pixmap)
        elif self.pictures.known(path, self.picture_px):  # loaded, and there is none
            self.picture.setText(self.tr("No picture"))

    def _picture_ready(self, path: str) -> None:
        if path == self._shown_path:
            self._set_pixmap(self.pictures.get(path, self.picture_px), path)
