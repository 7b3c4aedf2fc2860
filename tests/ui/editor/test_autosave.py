"""Autosave while someone types without a pause: the database never lags far behind."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from app.core.library import ScriptLibrary
from app.core.store import connect
from app.ui.library.page import ScriptsPage

KEY_MS = 120  # a steady typist: about 100 words a minute, never a pause of a second
TYPING_S = 4.5
MOST_UNSAVED_S = 2.0


def test_steady_typing_is_saved_at_most_two_seconds_behind(
    qtbot: Any, home: Path, page: ScriptsPage
) -> None:
    edit = page.editor.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    page.autosave.flush()
    typed: list[float] = []  # when each key went in (monotonic)

    def key() -> None:
        QTest.keyClick(edit, Qt.Key.Key_X)
        typed.append(time.monotonic())

    typist = QTimer()
    typist.setInterval(KEY_MS)
    typist.timeout.connect(key)
    typist.start()
    reader = connect(home / "pitchback.db")  # another connection: what is on disk
    try:
        script_id = page.current_script_id()
        assert script_id is not None
        qtbot.waitUntil(lambda: len(typed) >= TYPING_S * 1000 / KEY_MS, timeout=20_000)
        assert typist.isActive()  # still typing while the database is read
        now = time.monotonic()
        saved = ScriptLibrary(reader).text(script_id).rstrip("\n").rsplit("\n", 1)[-1]
    finally:
        typist.stop()
        reader.close()
        page.shutdown()
    due = sum(1 for moment in typed if moment <= now - MOST_UNSAVED_S)
    assert due > 0
    assert saved.count("x") >= due, f"{len(typed)} keys typed, {saved.count('x')} saved"
