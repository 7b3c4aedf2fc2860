"""The Scripts page, on its own (fast) or in the real window, and typing as a user types."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from app.core.library import ScriptLibrary
from app.core.store import connect
from app.ui.library.page import ScriptsPage


@pytest.fixture
def library(home: Path) -> Iterator[ScriptLibrary]:
    conn = connect(home / "pitchback.db")
    yield ScriptLibrary(conn)
    conn.close()


@pytest.fixture
def page(qtbot: Any, home: Path, library: ScriptLibrary) -> ScriptsPage:
    """The page by itself, with an undo stack and settings of its own, on screen."""
    undo = QUndoStack()
    settings = QSettings(str(home / "window.ini"), QSettings.Format.IniFormat)
    widget = ScriptsPage(library, undo, settings)
    undo.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def scripts_page(window: Any) -> ScriptsPage:
    """The window's Scripts tab, brought into view."""
    page: ScriptsPage = window.show_page(ScriptsPage)
    return page


def type_lines(widget: QWidget, lines: list[str]) -> None:
    """Type ``lines`` key by key, Return after each (QTest types ASCII only)."""
    for line in lines:
        QTest.keyClicks(widget, line)
        QTest.keyClick(widget, Qt.Key.Key_Return)


def clear_editor(page: ScriptsPage) -> None:
    edit = page.editor.edit
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_Delete)
