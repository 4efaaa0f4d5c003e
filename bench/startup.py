"""Start-up time: process spawn -> the main window's first paint with the order queue loaded.

    python bench/startup.py [--runs 10] [--dir DIR] [--importtime]

On an already migrated demo database on disk, each run spawns
``python -m packstation --db URL --station bench run`` with ``QT_QPA_PLATFORM=offscreen`` and
``PACKSTATION_QUIT_AFTER_PAINT=1`` and times from just before the spawn until the ``PAINTED``
line arrives on its stdout (the app prints it once the first paint pass of the window is over).
Interleaved with it, a bare PySide6 window (QApplication + QMainWindow) is timed the same way,
with the same first-paint hook. Targets (issue #2): app median < 0.8 s and < 5x the bare window.
Bytecode is cached in the work directory (as an installed bench would have it) unless
``--no-bytecode-cache`` is given. ``--importtime`` adds one ``python -X importtime`` run of the app and
lists the slowest imports.
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, disk_dir, emit_json, filesystem_type  # noqa: E402

# The bare window, with the same first-paint hook as packstation.gui.app.run().
BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, lambda: (print("PAINTED", flush=True), app.quit()))
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
hook = FirstPaint(window)
window.installEventFilter(hook)
window.show()
sys.exit(app.exec())
"""


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--dir", help="directory for the database (default: a new one on disk, removed after)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for PAINTED per run")
    p.add_argument("--importtime", action="store_true", help="also list the slowest imports of one app start")
    p.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE from the environment (compile sources at every start)",
    )
    return p.parse_args()


def timed(cmd: list[str], env: dict[str, str], timeout: float, stderr_path: Path) -> float:
    """Seconds from just before the spawn to the PAINTED line on the child's stdout."""
    with open(stderr_path, "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, env=env, cwd=stderr_path.parent)
        took = None
        assert proc.stdout is not None
        deadline = t0 + timeout
        for raw in proc.stdout:  # line by line, as the child flushes them
            if raw.strip() == b"PAINTED":
                took = time.perf_counter() - t0
                break
            if time.perf_counter() > deadline:
                break
        try:
            proc.stdout.read()
            proc.wait(timeout=max(1.0, deadline - time.perf_counter()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if took is None:
        tail = stderr_path.read_text(errors="replace")[-2000:]
        raise SystemExit(f"no PAINTED from {' '.join(cmd[:4])} ... (exit {proc.returncode}):\n{tail}")
    if proc.returncode != 0:
        print(f"  warning: exit code {proc.returncode} after PAINTED", flush=True)
    return took


def slowest_imports(cmd: list[str], env: dict[str, str], cwd: Path, top: int = 25) -> list[tuple[int, str]]:
    """(cumulative µs, top-level package) of one ``-X importtime`` start, slowest first."""
    result = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], env=env, cwd=cwd, capture_output=True, timeout=120)
    rows = []
    for text in result.stderr.decode(errors="replace").splitlines():
        if not text.startswith("import time:") or "cumulative" in text:
            continue
        _self_us, cumulative, name = text.split(":", 1)[1].split("|", 2)
        depth = (len(name) - len(name.lstrip()) - 1) // 2  # "import time: ... | <2 spaces per level>name"
        if depth <= 1:  # top-level imports and what they import directly
            rows.append((int(cumulative), ("  " * depth) + name.strip()))
    rows.sort(reverse=True)
    return rows[:top]


def main() -> int:
    args = parse_args()
    load_before = os.getloadavg()[0]
    work, created = disk_dir(args.dir, "packstation-startup-")
    print(f"database directory: {work} (file system {filesystem_type(work)})", flush=True)
    try:
        db_url = f"sqlite:///{work / 'startup.db'}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PACKSTATION_")}
        # The children run in the work directory: put this checkout first on their path, or an editable
        # install elsewhere (another worktree) would be the one measured.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(REPO), env.get("PYTHONPATH"))))
        env.update(QT_QPA_PLATFORM="offscreen", PACKSTATION_QUIT_AFTER_PAINT="1", PACKSTATION_HOME=str(work))
        if not args.no_bytecode_cache:
            # An installed bench (wheel or PyInstaller bundle) runs from compiled bytecode; a checkout with
            # PYTHONDONTWRITEBYTECODE=1 would compile every packstation module at each start. Cache the
            # bytecode outside the source tree; the warm-up run fills the cache.
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        # Create and migrate the demo database in a child, so this process never imports the app.
        prep = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, packstation; from packstation import bootstrap, config;"
                "from packstation.services.demo import create_demo;"
                "print('packstation from', packstation.__path__[0]);"
                "app = bootstrap.bootstrap(config.load(db_url=sys.argv[1], station='bench', print_to=sys.argv[2]));"
                "print('demo database:', create_demo(app.uow).summary()); app.dispose()",
                db_url,
                str(work / "printed"),
            ],
            env=env,
            cwd=work,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if prep.returncode != 0:
            raise SystemExit(f"demo database: {prep.stderr}")
        print(prep.stdout.strip(), flush=True)

        cached = "cached (PYTHONPYCACHEPREFIX in the work directory)"
        print(
            f"bytecode: {'compiled at every start (as in this shell)' if args.no_bytecode_cache else cached}",
            flush=True,
        )
        app_cmd = [sys.executable, "-m", "packstation", "--db", db_url, "--station", "bench", "run"]
        bare_cmd = [sys.executable, "-c", BARE]
        runs = {"app": app_cmd, "bare": bare_cmd}
        err = work / "stderr.txt"

        print("warm-up (not counted): app, bare", flush=True)
        for cmd in runs.values():
            timed(cmd, env, args.timeout, err)
        times: dict[str, list[float]] = {"app": [], "bare": []}
        for i in range(args.runs):
            order = ("app", "bare") if i % 2 == 0 else ("bare", "app")
            for name in order:
                times[name].append(timed(runs[name], env, args.timeout, err))
            print(f"run {i + 1:2d}: app {times['app'][-1]:.3f} s   bare {times['bare'][-1]:.3f} s", flush=True)

        imports = slowest_imports(app_cmd, env, work) if args.importtime else []
    finally:
        if created:
            shutil.rmtree(work, ignore_errors=True)

    app_med, bare_med = statistics.median(times["app"]), statistics.median(times["bare"])
    ratio = app_med / bare_med
    print()
    print(f"app  median {app_med:.3f} s  (min {min(times['app']):.3f}, max {max(times['app']):.3f})")
    print(f"bare median {bare_med:.3f} s  (min {min(times['bare']):.3f}, max {max(times['bare']):.3f})")
    print(f"ratio app/bare {ratio:.2f}")
    print(
        f"target app < 0.8 s: {'MET' if app_med < 0.8 else 'MISSED'};  target ratio < 5: "
        f"{'MET' if ratio < 5 else 'MISSED'}"
    )
    print(f"load average (1 min) before {load_before:.2f}, after {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    if imports:
        print("\nslowest imports of one app start (-X importtime, cumulative, top levels):")
        for us, name in imports:
            print(f"  {us / 1000:8.1f} ms  {name}")
    emit_json(
        {
            "runs": args.runs,
            "app_median_s": round(app_med, 4),
            "bare_median_s": round(bare_med, 4),
            "ratio": round(ratio, 3),
            "app_runs_s": [round(t, 4) for t in times["app"]],
            "bare_runs_s": [round(t, 4) for t in times["bare"]],
            "target_app_under_0_8s": app_med < 0.8,
            "target_ratio_under_5": ratio < 5,
            "bytecode_cached": not args.no_bytecode_cache,
            "loadavg_1min_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
