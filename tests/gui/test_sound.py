"""The bench's tones, for real: the app plays the wrong-item tone into PulseAudio, ``parec`` records it.

A private PulseAudio daemon with a null sink (its own runtime folder, nothing of the machine's)
receives what ``QSoundEffect`` plays; its monitor is recorded while the real window, in its own
process, is sent a wrong item. The recording's strongest frequency must be the wrong-item
tone's. The WAVs themselves are checked too: one per outcome that needs one, each refusal
with its own pitch, and exactly what ``tools/make_sounds.py`` makes.
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import struct
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.gui.sound import SOUNDS, sound_for
from packstation.services.bench.outcome import OutcomeKind
from tests.conftest import require_service

pytestmark = pytest.mark.timeout(180)
ROOT = Path(__file__).resolve().parents[2]
SOUNDS_DIR = ROOT / "resources" / "sounds"
RATE = 44100
SINK = "packstation_test"

_APP = r"""
import os, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from packstation import bootstrap, config
from packstation.gui.app import create_window
from packstation.services.bench.commands import Scan
from packstation.services.demo import create_demo
home = os.environ["PACKSTATION_HOME"]
cfg = config.load(db_url=f"sqlite:///{home}/sound.db", station="sound-1", print_to=f"{home}/printed")
cfg.language, cfg.sound, cfg.volume_percent = "en", True, 100
bench = bootstrap.bootstrap(cfg)
create_demo(bench.uow)
window = create_window(bench)
window.show()

def wait(until, seconds):
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    return until()

loaded = lambda: bool(window.sounds._effects) and all(e.isLoaded() for e in window.sounds._effects.values())
if not wait(loaded, 20):
    print("SILENT", window.sounds.why_silent, flush=True)
    sys.exit(3)
window.worker.submit(Scan("PL-10013"))
wait(lambda: window.last_outcome is not None and window.last_outcome.kind == "order_opened", 20)
time.sleep(0.4)  # the order-opened tone is over before the one we listen for
wait(lambda: False, 0.4)
window.worker.submit(Scan(sys.argv[1]))
wait(lambda: window.last_outcome.kind == "wrong_item", 20)
print("PLAYED", window.sounds.played[-1], flush=True)
wait(lambda: False, 1.5)  # let it sound to the end
window.close()
"""


# --------------------------------------------------------------------------- the signal


def goertzel(samples: list[float], frequency: float) -> float:
    """The strength of ``frequency`` in ``samples`` (one bin of a DFT, in plain Python)."""
    k = 2 * math.cos(2 * math.pi * frequency / RATE)
    a = b = 0.0
    for x in samples:
        a, b = x + k * a - b, a
    return math.sqrt(max(a * a + b * b - k * a * b, 0.0))


def strongest(samples: list[float], low: int = 100, high: int = 2000, step: int = 5) -> float:
    """The frequency (Hz) with the most energy in ``samples``, to ``step`` Hz."""
    return max(range(low, high, step), key=lambda f: goertzel(samples, f))


def loudest_stretch(samples: list[float], seconds: float = 0.1) -> list[float]:
    """The ``seconds`` of ``samples`` with the most energy (where the tone is)."""
    width = int(RATE * seconds)
    if len(samples) <= width:
        return samples
    energy = [x * x for x in samples]
    window = sum(energy[:width])
    best, best_start = window, 0
    for start in range(width, len(samples), width // 4):
        window = sum(energy[start - width // 2 : start + width // 2])
        if window > best:
            best, best_start = window, start - width // 2
    return samples[best_start : best_start + width]


def wav_samples(path: Path) -> list[float]:
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
        raw = wav.readframes(wav.getnframes())
    return [v / 32768 for v in struct.unpack(f"<{len(raw) // 2}h", raw)]


# --------------------------------------------------------------------------- the WAVs


def test_every_refusal_has_its_own_pitch() -> None:
    lowest = {}
    for name in ("wrong_item", "over_scan", "unknown_barcode", "refused", "accepted", "complete", "shipped"):
        lowest[name] = strongest(loudest_stretch(wav_samples(SOUNDS_DIR / f"{name}.wav"), 0.06))
    refusals = [lowest[n] for n in ("wrong_item", "over_scan", "unknown_barcode", "refused")]
    assert len({round(f / 20) for f in refusals}) == len(refusals), lowest
    assert abs(lowest["wrong_item"] - 220) <= 5


def test_every_outcome_plays_a_tone_that_exists() -> None:
    for kind in OutcomeKind:
        assert (SOUNDS_DIR / f"{sound_for(kind)}.wav").is_file(), kind
    units = (OutcomeKind.WRONG_ITEM, OutcomeKind.OVER_SCAN, OutcomeKind.UNKNOWN_BARCODE, OutcomeKind.ACCEPTED)
    assert len({SOUNDS[kind] for kind in units}) == len(units)


def test_committed_wavs_are_what_the_script_makes(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_sounds
    finally:
        sys.path.pop(0)
    for name in make_sounds.TONES:
        fresh = make_sounds.write(name, tmp_path)
        assert fresh.read_bytes() == (SOUNDS_DIR / fresh.name).read_bytes(), f"run tools/make_sounds.py ({name})"
    assert {p.stem for p in SOUNDS_DIR.glob("*.wav")} == set(make_sounds.TONES)


def test_muted_or_without_an_audio_device_the_bench_is_silent_and_works(qapp) -> None:  # type: ignore[no-untyped-def]
    from packstation.gui.sound import Sounds

    muted = Sounds(enabled=False)
    assert muted.load() is False and muted.why_silent == "muted"
    muted.play_outcome(OutcomeKind.WRONG_ITEM)  # harmless
    assert muted.played == ["wrong_item"]


# --------------------------------------------------------------------------- PulseAudio, for real


@pytest.fixture
def pulse(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private PulseAudio daemon with a null sink; the environment its clients need."""
    if not (shutil.which("pulseaudio") and shutil.which("parec")):
        require_service("pulseaudio and parec are needed (apt-get install pulseaudio pulseaudio-utils)")
    runtime = tmp_path / "pulse"
    runtime.mkdir()
    env = {**os.environ, "PULSE_RUNTIME_PATH": str(runtime), "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("PULSE_SERVER", None)
    started = subprocess.run(
        ["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n", "--use-pid-file=yes",
         f"--load=module-null-sink sink_name={SINK}", "--load=module-native-protocol-unix"],
        env=env, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    if started.returncode != 0:
        require_service(f"pulseaudio did not start: {started.stderr.strip()}")
    deadline = time.monotonic() + 10
    while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
        if time.monotonic() > deadline:
            require_service("pulseaudio started but does not answer")
        time.sleep(0.1)
    try:
        yield env
    finally:
        subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, timeout=30)


def test_the_app_plays_the_wrong_item_tone_into_pulseaudio(pulse: dict[str, str], tmp_path: Path) -> None:
    from packstation.services.demo import demo_batch

    order = next(o for o in demo_batch().orders if o.number == "PL-10013")
    wrong = next(p.barcodes[0] for p in demo_batch().products if p.sku not in {ln.sku for ln in order.lines})
    recording = tmp_path / "monitor.raw"
    home = tmp_path / "home"
    home.mkdir()
    with open(recording, "wb") as out:
        parec = subprocess.Popen(
            ["parec", "-d", f"{SINK}.monitor", "--format=s16le", f"--rate={RATE}", "--channels=1", "--latency-msec=20"],
            env=pulse, stdout=out, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            env = {**pulse, "QT_QPA_PLATFORM": "offscreen", "PACKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT)}
            app = subprocess.run(
                [sys.executable, "-c", _APP, wrong], env=env, capture_output=True, text=True, timeout=120
            )
        finally:
            parec.send_signal(signal.SIGINT)  # parec writes out what it holds on SIGINT
            parec.wait(timeout=30)
    assert app.returncode == 0 and "PLAYED wrong_item" in app.stdout, app.stdout + app.stderr[-2000:]
    raw = recording.read_bytes()
    samples = [v / 32768 for v in struct.unpack(f"<{len(raw) // 2}h", raw[: len(raw) // 2 * 2])]
    assert len(samples) > RATE, "less than a second recorded"
    assert max(abs(v) for v in samples) > 0.05, "the monitor heard nothing"
    heard = strongest(loudest_stretch(samples))
    assert abs(heard - 220) <= 5, f"the strongest frequency is {heard} Hz, not the wrong-item tone's 220 Hz"
