"""The README's screenshots of the bench: ``python tools/screenshots.py [--out docs/screenshots]``.

Starts Xvfb at ``--size`` (1920x1080), makes a demo station (its pictures drawn) in a temporary
folder for each language, opens the real window full-screen and drives it through the real
worker: idle, a unit accepted, a wrong item, the order complete, shipped. Each scene is saved as
``<scene>-<lang>.png``, palette-reduced so the committed files stay small. CI runs it again
(``tests/e2e/test_screenshots.py``) and compares, so the README cannot show a stale screen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCENES = ("idle", "accepted", "wrong-item", "complete", "shipped")
ORDER = "PL-10010"  # a demo order with a note and cash on delivery
COLOURS = 96  # palette size of the saved PNGs


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    p.add_argument("--size", default="1920x1080", help="screen size WIDTHxHEIGHT")
    p.add_argument("--languages", default="en,pl", help="comma-separated: en, pl, uk")
    p.add_argument("--scenes", default=",".join(SCENES))
    p.add_argument("--display", help="an X display to use instead of starting Xvfb")
    return p.parse_args()


def start_xvfb(size: str) -> tuple[subprocess.Popen[bytes], str]:
    for number in range(120, 220):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        proc = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and proc.poll() is None:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return proc, f":{number}"
            time.sleep(0.05)
        proc.kill()
        proc.wait()
    raise SystemExit("Xvfb did not start (apt-get install xvfb)")


class Driver:
    """One station, one window, driven through its worker like a scanner would."""

    def __init__(self, language: str, home: Path) -> None:
        home.mkdir(parents=True, exist_ok=True)
        os.environ["PACKSTATION_HOME"] = str(home)
        from packstation import bootstrap, config
        from packstation.gui.app import application, create_window
        from packstation.gui.pictures import draw_demo_pictures
        from packstation.services.demo import create_demo, demo_batch

        self.qapp = application()
        cfg = config.load(db_url=f"sqlite:///{home}/packstation.db", station="bench-1", print_to=str(home / "printed"))
        cfg.language, cfg.sound, cfg.finish_delay_ms = language, False, 10_000
        self.app = bootstrap.bootstrap(cfg)
        create_demo(self.app.uow)
        draw_demo_pictures((p.sku, p.name, p.image_path) for p in demo_batch().products)
        self.batch = demo_batch()
        self.window = create_window(self.app)
        self.window.setGeometry(self.qapp.primaryScreen().geometry())
        self.window.show()
        self.settle(0.8)

    def settle(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.qapp.processEvents()
            time.sleep(0.01)

    def command(self, command: object) -> None:
        before = self.window.outcomes_shown
        self.window.worker.submit(command)
        deadline = time.monotonic() + 20
        while self.window.outcomes_shown == before:
            if time.monotonic() > deadline:
                raise SystemExit(f"no outcome for {command}")
            self.qapp.processEvents()
            time.sleep(0.005)
        self.window.pictures.wait()
        self.settle(1.2)  # pictures in, the flash over, the queue re-read

    def scan(self, raw: str) -> None:
        from packstation.services.bench.commands import Scan

        self.command(Scan(raw))

    def shoot(self, path: Path) -> None:
        self.window.repaint()
        image = self.window.grab().toImage()
        image.save(str(path))
        _optimise(path)

    def close(self) -> None:
        self.window.close()
        self.qapp.removeEventFilter(self.window.capture)
        self.app.dispose()


def _optimise(path: Path) -> None:
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def scenes(driver: Driver, wanted: list[str], out: Path, language: str) -> list[Path]:
    from packstation.services.bench.commands import Login

    order = next(o for o in driver.batch.orders if o.number == ORDER)
    barcode = {p.sku: p.barcodes[0] for p in driver.batch.products}
    pack = {p.sku: p.packs[0].barcode for p in driver.batch.products if p.packs}
    units: list[str] = []
    for line in order.lines:
        if line.sku in pack and line.quantity == 6:
            units.append(pack[line.sku])
        else:
            units += [barcode[line.sku]] * line.quantity
    wrong = next(p.barcodes[0] for p in driver.batch.products if p.sku not in {ln.sku for ln in order.lines})
    shots: list[Path] = []

    def shoot(scene: str) -> None:
        if scene in wanted:
            path = out / f"{scene}-{language}.png"
            driver.shoot(path)
            shots.append(path)

    shoot("idle")
    driver.command(Login("PKR-0001"))
    driver.scan(f"ORD-{ORDER}")
    driver.scan(units[0])
    shoot("accepted")
    driver.scan(wrong)
    shoot("wrong-item")
    driver.scan("CMD-REMOVED")
    for unit in units[1:]:
        driver.scan(unit)
    shoot("complete")
    driver.scan("CMD-FINISH")
    shoot("shipped")
    return shots


def main() -> int:
    args = parse_args()
    xvfb = None
    display = args.display
    if not display:
        xvfb, display = start_xvfb(args.size)
    os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", TZ="UTC", LANG="C.UTF-8")
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = args.scenes.split(",")
    work = Path(tempfile.mkdtemp(prefix="packstation-shots-"))
    try:
        for language in args.languages.split(","):
            driver = Driver(language, work / language)
            try:
                for path in scenes(driver, wanted, args.out, language):
                    print(
                        f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size} bytes"
                    )
            finally:
                driver.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
