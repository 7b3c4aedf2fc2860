"""No text is cut off on any page, in English or Dutch, at 1280x800; opening a page never
widens the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.paths import database_path
from app.core.profile import Profile, save_profile
from app.core.store import connect, put_setting
from tests.ui.clipping import clipped_texts

SIZE = (1280, 800)


@pytest.fixture(params=["en", "nl"])
def window_in(request: Any, qtbot: Any, home: Path) -> Iterator[Any]:
    from app.__main__ import build

    conn = connect(database_path(home))
    put_setting(conn, "language", request.param)
    put_setting(conn, "firstrun.done", "1")
    save_profile(conn, Profile("Ann Peeters", "Acme Logistics"))
    conn.close()
    window = build(home)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    with qtbot.waitSignal(window.audio_ready, timeout=5000):
        window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_every_page_shows_all_its_text(qtbot: Any, window_in: Any) -> None:
    window = window_in
    problems = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)  # laid out
        assert (window.width(), window.height()) == SIZE, window.tabs.tabText(index)
        problems += [f"{window.tabs.tabText(index)}: {p}" for p in clipped_texts(window)]
    window.settings_action.trigger()
    dialog = window.settings_dialog
    for row in range(dialog.titles.count()):
        dialog.titles.setCurrentRow(row)
        qtbot.wait(20)
        problems += [f"Settings: {p}" for p in clipped_texts(dialog)]
    dialog.reject()
    window.getting_started_action.trigger()
    wizard = window.first_run
    for _page in range(3):
        qtbot.wait(20)
        problems += [f"Getting started: {p}" for p in clipped_texts(wizard)]
        wizard.next()
    wizard.reject()
    assert problems == [], "\n".join(problems)


def test_the_check_finds_text_that_is_cut_off(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    narrow = QLabel("Toonhoogtebereik (halve tonen): 10")
    narrow.setFixedWidth(40)
    wrapped = QLabel("A sentence long enough to need three lines at this width, or more.")
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(80, 20)
    fine = QPushButton("OK")
    layout = QVBoxLayout(root)
    for widget in (narrow, wrapped, fine):
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    found = clipped_texts(root)
    assert len(found) == 2
    assert found[0].startswith("QLabel “Toonhoogtebereik") and "wide" in found[0]
    assert "high" in found[1]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_page_widens_the_window_at_its_first_size(qtbot: Any, home: Path, language: str) -> None:
    from app.__main__ import build

    conn = connect(database_path(home))
    put_setting(conn, "language", language)
    put_setting(conn, "firstrun.done", "1")
    conn.close()
    window = build(home)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    size = (window.width(), window.height())
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(30)
        assert (window.width(), window.height()) == size, window.tabs.tabText(index)
    window.close()
