"""The real window on PostgreSQL while the server is stopped and started again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from packstation import bootstrap, config
from packstation.gui.app import create_window
from packstation.services.demo import create_demo, demo_batch
from packstation.services.orders_admin import show_order
from tests.gui.keys import scan

pytestmark = [pytest.mark.timeout(120), pytest.mark.postgres]


def _scan(qtbot, window, raw: str, timeout: int = 20000):
    before = window.outcomes_shown
    scan(raw)
    qtbot.waitUntil(lambda: window.outcomes_shown > before, timeout=timeout)
    return window.last_outcome


def test_scans_turn_red_while_the_database_is_away_and_the_bench_recovers(qtbot, pg_cluster, tmp_path):
    cfg = config.load(db_url=pg_cluster.new_database("gui"), station="gui-pg", print_to=str(tmp_path / "printed"))
    cfg.language = "en"
    app = bootstrap.bootstrap(cfg)
    create_demo(app.uow)
    order = next(o for o in demo_batch().orders if sum(ln.quantity for ln in o.lines) >= 3 and len(o.lines) == 1)
    unit = next(p.barcodes[0] for p in demo_batch().products if p.sku == order.lines[0].sku)
    window = create_window(app)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    try:
        assert _scan(qtbot, window, order.number).kind == "order_opened"
        assert _scan(qtbot, window, unit).kind == "accepted"

        pg_cluster.stop()
        try:
            away = _scan(qtbot, window, unit)
            assert away.kind == "db_unavailable" and not away.stored
            assert window.banner.tone == "bad" and "DATABASE AWAY" in window.banner.text()
            assert "DATABASE AWAY" in window.parts.station.text()
            assert "database is away" in window.parts.next_action.text()
            line = away.order.lines[0].line_id
            assert window.parts.pick.shown_counts()[line] == 1  # nothing counted that was not stored
        finally:
            pg_cluster.start()

        # The bench retries every two seconds and says when the database is back.
        qtbot.waitUntil(lambda: window.last_outcome.code == "storage.back", timeout=30000)
        assert "Station gui-pg" in window.parts.station.text()
        back = _scan(qtbot, window, unit)
        assert back.kind == "accepted" and back.params["scanned"] == 2
        stored = show_order(app.uow, order.number)
        assert stored["lines"][0]["scanned"] == 2
        assert [s["verdict"] for s in stored["scans"] if s["verdict"] == "accepted"] == ["accepted"] * 2
    finally:
        window.close()
        QApplication.instance().removeEventFilter(window.capture)
        app.dispose()
