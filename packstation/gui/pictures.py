"""Product pictures: loaded off the GUI thread and cached; and the demo's own pictures, drawn with Qt.

A product's ``image_path`` is a file path, absolute or relative to the data folder. Files are
read and scaled by a thread pool (``QImageReader`` is safe off the GUI thread), the result
comes back as a queued signal and is kept per path and size; a scan never waits for a disk.
The demo draws one distinct picture per product when it is created, offline.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from packstation import paths

log = logging.getLogger(__name__)
DEMO_FOLDER = "images"  # under the data folder
DEMO_SIZE = 480
SHAPES = 5


def resolve(image_path: str) -> Path:
    """Where a stored ``image_path`` points: as given if absolute, else under the data folder."""
    path = Path(image_path)
    return path if path.is_absolute() else paths.data_dir() / path


class _Signals(QObject):
    loaded = Signal(str, int, QImage)  # path, size, image (null if unreadable)


class _Load(QRunnable):
    def __init__(self, path: str, size: int, signals: _Signals) -> None:
        super().__init__()
        self.path, self.size, self.signals = path, size, signals

    def run(self) -> None:
        reader = QImageReader(str(resolve(self.path)))
        reader.setAutoTransform(True)
        original = reader.size()
        if original.isValid():
            reader.setScaledSize(original.scaled(QSize(self.size, self.size), Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            log.info("picture not readable path=%s reason=%s", self.path, reader.errorString())
        self.signals.loaded.emit(self.path, self.size, image)


class PictureCache(QObject):
    """Pictures by stored path and size. :meth:`get` answers at once; ``ready`` says when a load is done."""

    ready = Signal(str)  # the stored path now in the cache (possibly as "no picture")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: dict[tuple[str, int], QPixmap | None] = {}
        self._done: set[tuple[str, int]] = set()
        self._signals = _Signals()
        self._signals.loaded.connect(self._loaded, Qt.ConnectionType.QueuedConnection)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)

    def get(self, path: str, size: int) -> QPixmap | None:
        """The picture if loaded (``None`` while loading or if there is none); starts loading it if new."""
        key = (path, size)
        if key not in self._pixmaps:
            self._pixmaps[key] = None
            self._pool.start(_Load(path, size, self._signals))
        return self._pixmaps[key]

    def known(self, path: str, size: int) -> bool:
        """True once a load of ``path`` has finished (whether or not there was a picture)."""
        return (path, size) in self._done

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for the loads under way (tests, screenshots); the results still arrive as events."""
        return self._pool.waitForDone(msecs)

    def _loaded(self, path: str, size: int, image: QImage) -> None:
        self._pixmaps[(path, size)] = None if image.isNull() else QPixmap.fromImage(image)
        self._done.add((path, size))
        self.ready.emit(path)


# -- the demo's pictures -----------------------------------------------------------------------
def draw_picture(name: str, sku: str, size: int = DEMO_SIZE) -> QImage:
    """A picture of a demo product: its own colours and shape, and its initials (needs a QGuiApplication)."""
    digest = hashlib.sha256(sku.encode()).digest()
    hue, shape = digest[0] * 360 // 256, int.from_bytes(digest[1:3], "big") % SHAPES
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor.fromHsv(hue, 40, 250))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor.fromHsv(hue, 200, 90), size / 40))
    painter.setBrush(QColor.fromHsv((hue + 30) % 360, 150, 220))
    painter.drawPath(_shape(shape, QRectF(size * 0.12, size * 0.12, size * 0.76, size * 0.76)))
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(int(size * 0.28))
    painter.setFont(font)
    painter.setPen(QColor.fromHsv(hue, 220, 60))
    initials = "".join(word[0] for word in name.replace("„", "").split()[:2] if word[0].isalnum()).upper()
    painter.drawText(QRectF(0, 0, size, size), int(Qt.AlignmentFlag.AlignCenter), initials or "?")
    font.setPixelSize(int(size * 0.07))
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(QRectF(0, size * 0.86, size, size * 0.12), int(Qt.AlignmentFlag.AlignCenter), sku)
    painter.end()
    return image


def _shape(kind: int, box: QRectF) -> QPainterPath:
    path = QPainterPath()
    if kind == 0:
        path.addEllipse(box)
    elif kind == 1:
        path.addRoundedRect(box, box.width() / 8, box.width() / 8)
    else:  # a triangle, a hexagon or a diamond
        corners = {2: 3, 3: 6, 4: 4}[kind]
        centre, radius = box.center(), box.width() / 2
        points = [
            QPointF(
                centre.x() + radius * math.sin(2 * math.pi * i / corners),
                centre.y() - radius * math.cos(2 * math.pi * i / corners),
            )
            for i in range(corners)
        ]
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    return path


def draw_demo_pictures(products: Iterable[tuple[str, str, str]]) -> int:
    """Draw the picture of each demo product ``(sku, name, image_path)``; how many were written."""
    written = 0
    for sku, name, image_path in products:
        if not image_path:
            continue
        target = resolve(image_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if draw_picture(name, sku).save(str(target)):  # PNG, from the suffix
            written += 1
        else:
            log.warning("demo picture not written path=%s", target)
    log.info("demo pictures drawn count=%d", written)
    return written
