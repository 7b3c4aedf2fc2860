"""Autosave and history: no save button, named revisions, a side-by-side diff, restore."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog

from app.ui.library.page import ScriptsPage
from tests.ui.editor.conftest import scripts_page, type_lines


def test_autosave_within_two_seconds_of_the_last_keystroke(qtbot: Any, page: ScriptsPage) -> None:
    script_id = page.current_script_id()
    assert script_id is not None
    edit = page.editor.edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QTest.keyClicks(edit, "Talk soon.")
    assert page.library.text(script_id) != edit.toPlainText()  # not on every key
    qtbot.waitUntil(lambda: page.library.text(script_id) == edit.toPlainText(), timeout=2000)
    assert page.library.text(script_id).endswith("Talk soon.")


def test_switching_scripts_saves_at_once(qtbot: Any, page: ScriptsPage) -> None:
    first = page.current_script_id()
    assert first is not None
    other = page.library.create("Other", "en", "== Voicemail ==\nHi.\n")
    edit = page.editor.edit
    edit.setFocus()
    QTest.keyClicks(edit, "Hello. ")
    typed = edit.toPlainText()
    page.reload_list(select=other.id)
    assert page.library.text(first) == typed
    assert page.editor.text() == "== Voicemail ==\nHi.\n"
    assert not edit.document().isUndoAvailable()  # undo never reaches into another script


def test_named_revisions_diff_and_restore(
    qtbot: Any, page: ScriptsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    script_id = page.current_script_id()
    assert script_id is not None
    history = page.history
    asked: list[str] = []

    def name(*args: Any) -> tuple[str, bool]:
        asked.append(args[2])
        return f"v{len(asked) + 1}", True

    monkeypatch.setattr(QInputDialog, "getText", name)
    page.editor.load("== Voicemail ==\nHi, this is Sam.\nI will call again.\n")
    page.editor.edit.setFocus()
    page.editor.edit.selectAll()
    type_lines(page.editor.edit, ["== Voicemail ==", "Hi, this is Sam.", "I will call again."])
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked and "v3, shorter opener" in asked[0]
    assert history.labels()[0].endswith("“v2”")
    assert history.labels()[-1].endswith("created")

    edit = page.editor.edit
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    edit.moveCursor(edit.textCursor().MoveOperation.Down)
    edit.moveCursor(edit.textCursor().MoveOperation.EndOfLine)
    QTest.keyClicks(edit, " From Acme.")
    history.save_button.click()
    assert history.labels()[0].endswith("“v3”")

    history.select_rows(0, 1)  # v3 and v2: v2 on the left
    rows = history.diff.rows
    changed = [row for row in rows if row.kind != "same"]
    assert [(row.left_text, row.right_text) for row in changed] == [
        ("Hi, this is Sam.", "Hi, this is Sam. From Acme.")
    ]
    assert changed[0].left_lineno == changed[0].right_lineno == 2
    assert history.diff.headerData(1, Qt.Orientation.Horizontal, 0).endswith("“v2”")
    assert history.diff.headerData(3, Qt.Orientation.Horizontal, 0).endswith("“v3”")
    assert not history.restore_button.isEnabled()  # restore one revision, not two

    history.select_rows(1)  # v2 against the text now
    assert history.diff.changed_rows() == 1
    assert history.restore_button.isEnabled()
    history.restore_button.click()
    assert page.editor.text() == "== Voicemail ==\nHi, this is Sam.\nI will call again.\n"
    assert page.library.text(script_id) == page.editor.text()
    assert history.labels()[0].endswith("restored")
    assert page.editor.meter.summary.text().startswith("Voicemail: 8 words")

    # Restoring is one edit: Ctrl+Z in the editor brings the text from before it back.
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "From Acme." in page.editor.text()
    qtbot.waitUntil(lambda: "From Acme." in page.library.text(script_id), timeout=2000)


def test_closing_the_window_saves_at_once(window: Any) -> None:
    page = scripts_page(window)
    script_id = page.current_script_id()
    assert script_id is not None
    edit = page.editor.edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QTest.keyClicks(edit, "Bye for now.")
    window.close()  # sooner than autosave's second
    assert page.library.text(script_id).endswith("Bye for now.")


def test_leaving_the_page_saves_at_once(qtbot: Any, window: Any) -> None:
    page = scripts_page(window)
    script_id = page.current_script_id()
    assert script_id is not None
    edit = page.editor.edit
    edit.setFocus()
    QTest.keyClicks(edit, "Hi. ")
    window.tabs.setCurrentIndex(0)  # practice, on another page, reads the saved script
    assert page.library.text(script_id).startswith("Hi. ")
