from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.audio import rig


@pytest.fixture(scope="session")
def sd() -> Any:
    return rig.start()


@pytest.fixture
def window(qtbot: Any, home: Path) -> Iterator[Any]:
    """The real main window, built the way the app builds it, on a fresh data home."""
    from app.__main__ import build

    win = build(home)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.audio_ready, timeout=5000):
        win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.close()


def choose_device(box: Any, name: str) -> None:
    index = next(i for i in range(box.count()) if box.itemText(i).startswith(name + " ("))
    box.setCurrentIndex(index)
    box.activated.emit(index)


@pytest.fixture(autouse=True)
def no_running_timers(qapp: Any) -> Iterator[None]:
    """Fail a test whose closed windows still have a QTimer running (napari's rule)."""
    from PySide6.QtCore import QTimer

    yield
    running = [
        f"{type(widget).__name__}.{timer.objectName() or 'QTimer'}"
        for widget in qapp.topLevelWidgets()
        if not widget.isVisible()
        for timer in widget.findChildren(QTimer)
        if timer.isActive() and timer.interval() > 0
    ]
    assert not running, f"timers left running: {running}"
