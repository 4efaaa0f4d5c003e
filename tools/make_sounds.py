"""Make the bench's tones: ``python tools/make_sounds.py`` writes ``resources/sounds/<name>.wav``.

Short 16-bit mono 44.1 kHz WAVs, one per row of ``TONES``. Each is a few notes with soft
edges (no clicks). The kinds a packer must tell apart with their eyes on the box differ in
pitch *and* rhythm: a good unit is one high blip, a complete order a rising three-note
chime, a wrong item three low buzzes, an over-scan a falling pair, an unknown barcode a
fast warble. The lowest note of each refusal is distinct (``tests/gui/test_sound.py``
finds it in what PulseAudio played). A new verdict kind: a row here, a row in
``packstation/gui/sound.py`` SOUNDS, then run this script.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 44100
EDGE_MS = 6  # fade in and out of every note
LEVEL = 0.55  # of full scale: loud, with room for the harmonics of a buzz
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"

# name -> notes: (frequency Hz, milliseconds, timbre); frequency 0 is a pause.
# timbre: "pure" (a sine), "buzz" (odd harmonics: harsh, for refusals).
TONES: dict[str, list[tuple[float, int, str]]] = {
    "accepted": [(1568.0, 70, "pure")],
    "complete": [(1046.5, 90, "pure"), (1318.5, 90, "pure"), (1568.0, 220, "pure")],
    "shipped": [(784.0, 140, "pure"), (0, 40, "pure"), (1046.5, 300, "pure")],
    "wrong_item": [(220.0, 130, "buzz"), (0, 70, "buzz"), (220.0, 130, "buzz"), (0, 70, "buzz"), (220.0, 130, "buzz")],
    "over_scan": [(880.0, 160, "buzz"), (0, 40, "buzz"), (587.3, 260, "buzz")],
    "unknown_barcode": [(330.0, 70, "buzz"), (415.3, 70, "buzz")] * 3,
    "refused": [(494.0, 300, "buzz")],
    "info": [(1174.7, 60, "pure")],
    "alert": [(659.3, 200, "buzz"), (880.0, 200, "buzz")] * 3,
}


def _sample(frequency: float, t: float, timbre: str) -> float:
    phase = 2 * math.pi * frequency * t
    if timbre == "buzz":  # a square wave's first odd harmonics, softened
        return (math.sin(phase) + math.sin(3 * phase) / 3 + math.sin(5 * phase) / 5) / 1.2
    return math.sin(phase)


def render(notes: list[tuple[float, int, str]]) -> bytes:
    """The tone as 16-bit little-endian PCM."""
    frames = bytearray()
    for frequency, millis, timbre in notes:
        count = RATE * millis // 1000
        edge = min(RATE * EDGE_MS // 1000, count // 2)
        for i in range(count):
            envelope = min(1.0, i / edge if edge else 1.0, (count - 1 - i) / edge if edge else 1.0)
            value = _sample(frequency, i / RATE, timbre) * envelope * LEVEL if frequency else 0.0
            frames += struct.pack("<h", round(value * 32767))
    return bytes(frames)


def write(name: str, folder: Path = OUT) -> Path:
    path = folder / f"{name}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(render(TONES[name]))
    return path


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name in TONES:
        path = write(name)
        print(f"{path.relative_to(OUT.parent.parent)}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
