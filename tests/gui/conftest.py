"""Fixtures for tests of the real bench window (offscreen), each on a fresh demo database."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def make_bench(qtbot, tmp_path):
    """Open the real MainWindow on a new SQLite demo database: ``make_bench(size=(w, h), **settings)``.

    Settings are ``Config`` fields (``language`` defaults to English so tests read English
    words whatever the machine's language). The folder printer writes to ``tmp_path/printed``.
    """
    from PySide6.QtWidgets import QApplication

    from packstation import bootstrap, config
    from packstation.gui.app import create_window
    from packstation.services.demo import create_demo

    opened = []

    def make(size: tuple[int, int] = (1366, 768), pictures: bool = False, **settings):  # type: ignore[no-untyped-def]
        cfg = config.load(
            db_url=f"sqlite:///{tmp_path}/bench-{len(opened)}.db", station="gui-1", print_to=str(tmp_path / "printed")
        )
        cfg.language = "en"
        for key, value in settings.items():
            setattr(cfg, key, value)
        app = bootstrap.bootstrap(cfg)
        create_demo(app.uow)
        if pictures:
            from packstation.gui.pictures import draw_demo_pictures
            from packstation.services.demo import demo_batch

            draw_demo_pictures((p.sku, p.name, p.image_path) for p in demo_batch().products)
        window = create_window(app)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
        opened.append((window, app))
        return window

    yield make
    for window, app in opened:
        window.close()
        window.capture.deleteLater()
        QApplication.instance().removeEventFilter(window.capture)
        app.dispose()


@pytest.fixture
def bench(make_bench):
    """The real MainWindow at 1366×768, English, the station's default settings."""
    return make_bench()
