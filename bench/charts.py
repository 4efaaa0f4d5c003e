"""QtCharts (PySide6-Addons) or pyqtgraph for the report windows' charts: start-up cost and bundle size.

    python bench/charts.py [--runs 10] [--pyqtgraph DIR]

Each run is a fresh process that has a QApplication already (the bench's window is up) and
times, from before the import to the first painted frame (``QWidget.grab()`` offscreen): the
library's import, one window with three bar charts of 30 / 12 / 10 bars, and the first paint.
Baseline in the same run: the same window with three empty QWidgets instead of charts. Bundle
size: the files a PyInstaller bundle adds for each (QtCharts: its module and libQt6Charts, the
OpenGL libraries come with Essentials; pyqtgraph: the package and numpy with its libraries).
pyqtgraph is not a dependency: install it anywhere (``pip install --target DIR pyqtgraph``) and
pass ``--pyqtgraph DIR``. The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import emit_json  # noqa: E402

CHILD = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget
app = QApplication([])
window = QWidget(); window.resize(1200, 400)
layout = QHBoxLayout(window)
values = [list(range(1, 31)), list(range(12)), list(range(10))]
start = time.perf_counter()
kind = sys.argv[1]
if kind == "qtcharts":
    from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
    from PySide6.QtCore import Qt
    for data in values:
        bars = QBarSet("n"); bars.append([float(v) for v in data])
        series = QBarSeries(); series.append(bars)
        chart = QChart(); chart.addSeries(series)
        axis = QBarCategoryAxis(); axis.append([str(i) for i in range(len(data))])
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom); series.attachAxis(axis)
        value_axis = QValueAxis(); chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(value_axis)
        layout.addWidget(QChartView(chart))
elif kind == "pyqtgraph":
    import pyqtgraph as pg
    for data in values:
        plot = pg.PlotWidget(); plot.addItem(pg.BarGraphItem(x=list(range(len(data))), height=data, width=0.8))
        layout.addWidget(plot)
else:
    for _ in values:
        layout.addWidget(QWidget())
imported = time.perf_counter()
window.show()
window.grab()
painted = time.perf_counter()
print(f"{(imported - start) * 1000:.2f} {(painted - start) * 1000:.2f}")
"""


def run(kind: str, runs: int, extra_path: str) -> tuple[list[float], list[float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if extra_path:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (extra_path, env.get("PYTHONPATH", ""))))
    built, painted = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CHILD, kind], capture_output=True, text=True, env=env, timeout=120)
        if out.returncode != 0:
            raise SystemExit(f"{kind} failed: {out.stderr.strip().splitlines()[-1:]}")
        first, second = out.stdout.split()
        built.append(float(first))
        painted.append(float(second))
    return built, painted


def size_mb(paths: list[Path]) -> float:
    total = 0
    for path in paths:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        total += sum(p.stat().st_size for p in files if "__pycache__" not in p.parts)
    return total / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pyqtgraph", default="", help="a folder where pyqtgraph (and numpy) are installed")
    args = parser.parse_args()
    import PySide6

    pyside = Path(PySide6.__file__).parent
    figures: dict[str, object] = {}
    kinds = ["baseline", "qtcharts"] + (["pyqtgraph"] if args.pyqtgraph else [])
    started = time.perf_counter()
    for kind in kinds:
        built, painted = run(kind, args.runs, args.pyqtgraph if kind == "pyqtgraph" else "")
        figures[kind] = {"import_and_build_ms": round(statistics.median(built), 1),
                         "to_first_paint_ms": round(statistics.median(painted), 1)}  # fmt: skip
        print(f"{kind:<10} import + 3 charts {statistics.median(built):7.1f} ms   to first paint "
              f"{statistics.median(painted):7.1f} ms   (median of {args.runs})")  # fmt: skip
    charts = size_mb([pyside / "QtCharts.abi3.so", pyside / "Qt/lib/libQt6Charts.so.6"])
    figures["qtcharts_bundle_mb"] = round(charts, 1)
    print(f"bundle: QtCharts adds {charts:.1f} MB (QtCharts module + libQt6Charts; OpenGL libs are in Essentials)")
    if args.pyqtgraph:
        root = Path(args.pyqtgraph)
        graph = size_mb([root / "pyqtgraph", root / "numpy", root / "numpy.libs"])
        figures["pyqtgraph_bundle_mb"] = round(graph, 1)
        print(f"bundle: pyqtgraph adds {graph:.1f} MB (pyqtgraph + numpy + numpy.libs, before PyInstaller strips)")
    figures["seconds"] = round(time.perf_counter() - started, 1)
    emit_json(figures)


if __name__ == "__main__":
    main()
