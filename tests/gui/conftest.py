"""Fixtures for tests of the real bench window (offscreen), each on a fresh demo database."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def bench(qtbot, tmp_path):
    """The real MainWindow on a new SQLite demo database, with a folder printer in ``tmp_path/printed``."""
    from packstation import bootstrap, config
    from packstation.gui.app import create_window
    from packstation.services.demo import create_demo

    app = bootstrap.bootstrap(
        config.load(db_url=f"sqlite:///{tmp_path}/bench.db", station="gui-1", print_to=str(tmp_path / "printed"))
    )
    create_demo(app.uow)
    window = create_window(app)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.capture.deleteLater()
    from PySide6.QtWidgets import QApplication

    QApplication.instance().removeEventFilter(window.capture)
    app.dispose()
