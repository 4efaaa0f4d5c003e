"""Sound: a short tone for every verdict, so a packer looking at the box hears what happened.

The WAVs in ``resources/sounds`` are made by ``tools/make_sounds.py`` (one row each in its
table). Each outcome kind plays its own (``SOUNDS``); a kind without a row sounds as its tone
does. QtMultimedia's ``QSoundEffect`` plays them (PySide6-Addons); with sound muted, no audio
output or no QtMultimedia at all, the bench stays silent and works the same.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QUrl

from packstation import paths
from packstation.services.bench.outcome import OutcomeKind, Tone, tone_of

log = logging.getLogger(__name__)

# Outcome kind -> the WAV it plays. Every refusal of a unit sounds different: the packer is
# looking at the box. A new verdict kind gets its sound by a row here and one in make_sounds.
SOUNDS: dict[str, str] = {
    OutcomeKind.ACCEPTED: "accepted",
    OutcomeKind.SHIPPED: "shipped",
    OutcomeKind.WRONG_ITEM: "wrong_item",
    OutcomeKind.OVER_SCAN: "over_scan",
    OutcomeKind.UNKNOWN_BARCODE: "unknown_barcode",
    OutcomeKind.ORDER_CANCELLED: "alert",
    OutcomeKind.ORDER_CHANGED: "alert",
    OutcomeKind.DB_UNAVAILABLE: "alert",
}
# Message codes that sound different from their kind: the unit that completes the order.
CODE_SOUNDS: dict[str, str] = {"scan.complete": "complete"}
TONE_SOUNDS: dict[Tone, str] = {Tone.GOOD: "accepted", Tone.BAD: "refused", Tone.INFO: "info"}


def sound_for(kind: str, code: str = "") -> str:
    """The name of the WAV an outcome of ``kind`` (and message ``code``) plays."""
    if code in CODE_SOUNDS:
        return CODE_SOUNDS[code]
    if kind in SOUNDS:
        return SOUNDS[kind]
    try:
        return TONE_SOUNDS[tone_of(OutcomeKind(kind))]
    except ValueError:
        return TONE_SOUNDS[Tone.INFO]


class Sounds(QObject):
    """Plays outcome tones. Call :meth:`load` once the window is up (it is not needed for the first paint)."""

    def __init__(self, enabled: bool = True, volume_percent: int = 80, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.volume = max(0, min(volume_percent, 100)) / 100
        self._effects: dict[str, Any] = {}
        self.played: list[str] = []  # the names asked for, newest last (kept short)
        self.why_silent = "not loaded yet"

    def load(self) -> bool:
        """Prepare every WAV; False (and silent for good) if muted or there is nothing to play on."""
        if not self.enabled:
            self.why_silent = "muted"
            return False
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as error:  # PySide6-Essentials alone has no QtMultimedia
            self.why_silent = f"no QtMultimedia ({error})"
            log.warning("sound off reason=%s", self.why_silent)
            return False
        if not QMediaDevices.audioOutputs():
            self.why_silent = "no audio output"
            log.info("sound off reason=%s", self.why_silent)
            return False
        folder = paths.resource_dir() / "sounds"
        for wav in sorted(folder.glob("*.wav")):
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(wav)))
            effect.setVolume(self.volume)
            self._effects[wav.stem] = effect
        self.why_silent = "" if self._effects else f"no sounds in {folder}"
        log.info("sound on effects=%d volume=%.2f", len(self._effects), self.volume)
        return bool(self._effects)

    def play_outcome(self, kind: str, code: str = "") -> None:
        self.play(sound_for(kind, code))

    def play(self, name: str) -> None:
        """Play one tone at once (a new tone cuts off the one still sounding)."""
        self.played = [*self.played[-15:], name]
        effect = self._effects.get(name)
        if effect is None:
            return
        for other in self._effects.values():
            if other is not effect and other.isPlaying():
                other.stop()
        effect.play()
