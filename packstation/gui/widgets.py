"""Small widgets of the bench window: the verdict banner."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy

from packstation.gui.messages import TONE_COLOURS


class Banner(QLabel):
    """The big verdict: colour for the corner of the eye, words for the reason.

    ``painted`` fires after each paint with the sequence number of the outcome shown,
    so tests and the latency benchmark can tell when a verdict is really on screen.
    """

    painted = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.seq = 0
        self.tone = "idle"
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.show_verdict("idle", "Scan an order's packing slip", "or press F6 for the next order in the queue", 0)

    def show_verdict(self, tone: str, headline: str, detail: str, seq: int) -> None:
        """Show a verdict; ``seq`` identifies it in the ``painted`` signal."""
        self.seq, self.tone = seq, tone
        background, foreground = TONE_COLOURS.get(tone, TONE_COLOURS["idle"])
        self.setStyleSheet(
            f"QLabel {{ background:{background}; color:{foreground}; border-radius: 8px; padding: 10px; }}"
        )
        self.setText(
            f"<div style='font-size:34pt; font-weight:bold'>{_escape(headline)}</div>"
            f"<div style='font-size:16pt'>{_escape(detail)}</div>"
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        self.painted.emit(self.seq)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
