"""The library as a user meets it: new, duplicate, rename, delete and undo, search, the bin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from app.core import i18n
from app.core.library import ScriptLibrary
from app.core.script.title import with_title
from app.ui.library.page import ScriptsPage
from tests.ui.editor.conftest import scripts_page


def answer_item(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[list[str]]:
    """Make QInputDialog.getItem pick ``choice``; what it was offered is recorded."""
    offered: list[list[str]] = []

    def get_item(*args: Any) -> tuple[str, bool]:
        offered.append(list(args[3]))
        picked = next(item for item in args[3] if item.startswith(choice))
        return picked, True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    return offered


def test_first_start_opens_the_starter_in_the_users_language(
    qtbot: Any, home: Path, library: ScriptLibrary
) -> None:
    i18n.set_language("nl")
    settings = QSettings(str(home / "window.ini"), QSettings.Format.IniFormat)
    page = ScriptsPage(library, QUndoStack(), settings)
    qtbot.addWidget(page)
    scripts = library.list_scripts()
    assert [s.language for s in scripts] == ["nl"]
    assert page.panel.model.titles() == [scripts[0].title]
    assert page.current_script_id() == scripts[0].id
    assert "== Voicemail ==" in page.editor.text()
    assert page.editor.outline.item(0).text() == "Voicemail"
    assert page.new_action.text() == "Nieuw…"

    # A later start opens the script last worked on, and makes no second starter.
    other = library.create("Second", "en", "== Voicemail ==\nHi.\n")
    page.open_script(other.id)
    again = ScriptsPage(library, QUndoStack(), settings)
    qtbot.addWidget(again)
    assert again.current_script_id() == other.id
    assert len(library.list_scripts()) == 2


def test_new_duplicate_rename_delete_and_undo(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = scripts_page(window)
    library = window.library
    first = page.current_script_id()
    offered = answer_item(monkeypatch, "From the Dutch starter")
    with qtbot.waitSignal(page.script_changed) as changed:
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert offered == [["From the English starter", "From the Dutch starter", "Empty script"]]
    made = library.get(page.current_script_id())
    assert changed.args == [made.id]
    assert made.language == "nl"
    assert page.panel.model.titles()[0] == made.title
    assert page.editor.text().startswith("Titel: ")  # the Dutch starter
    assert "F2" in window.notice.text()

    page.duplicate_action.trigger()
    copy = library.get(page.current_script_id())
    assert copy.title == f"{made.title} (copy)"
    assert page.editor.text() == with_title(library.text(made.id), copy.title)
    assert len(page.panel.model.titles()) == 3

    qtbot.keyClick(window, Qt.Key.Key_F2)
    title_editor = QApplication.focusWidget()
    assert isinstance(title_editor, QLineEdit)
    title_editor.selectAll()
    qtbot.keyClicks(title_editor, "Opener, shorter")
    qtbot.keyClick(title_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: library.get(copy.id).title == "Opener, shorter", timeout=1000)
    assert "Opener, shorter" in page.panel.model.titles()

    page.panel.list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    assert "Opener, shorter" not in page.panel.model.titles()
    assert library.get(copy.id).deleted
    assert page.current_script_id() != copy.id
    assert "Ctrl+Z" in window.notice.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Opener, shorter" in page.panel.model.titles()
    assert page.current_script_id() == copy.id
    assert not library.get(copy.id).deleted
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the rename
    qtbot.waitUntil(lambda: library.get(copy.id).title == f"{made.title} (copy)", timeout=1000)

    # Delete pressed while typing deletes a character, never the script.
    text = page.editor.text()
    page.editor.edit.setFocus()
    qtbot.keyClick(page.editor.edit, Qt.Key.Key_Delete)
    assert page.editor.text() == text[1:]
    assert len(page.panel.model.titles()) == 3
    assert not any(library.get(i).deleted for i in (first, made.id, copy.id))


def test_search_and_choosing_a_script(qtbot: Any, page: ScriptsPage) -> None:
    library = page.library
    library.create("Dentists in Ghent", "nl", "== Voicemail ==\nDag tandarts, ideeën?\n")
    library.create("Logistics follow-up", "en", "== Voicemail ==\nHi again.\n")
    page.reload_list()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.panel.search.hasFocus()
    QTest.keyClicks(page.panel.search, "ideeen")  # accents do not matter
    assert page.panel.model.titles() == ["Dentists in Ghent"]
    page.panel.search.clear()
    assert len(page.panel.model.titles()) == 3

    row = page.panel.model.titles().index("Logistics follow-up")
    rect = page.panel.list.visualRect(page.panel.model.index(row, 0))
    with qtbot.waitSignal(page.script_changed) as changed:
        qtbot.mouseClick(page.panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.editor.text() == "== Voicemail ==\nHi again.\n"
    assert changed.args == [page.current_script_id()]


def test_deleted_scripts_come_back_from_the_bin(
    qtbot: Any, page: ScriptsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = page.library
    with qtbot.waitSignal(page.message) as told:
        page.bin_action.trigger()
    assert told.args == ["There are no deleted scripts."]
    gone = library.create("Old opener", "en", "== Voicemail ==\nHi.\n")
    page.reload_list(select=gone.id)
    page.delete_script()
    assert "Old opener" not in page.panel.model.titles()
    offered = answer_item(monkeypatch, "Old opener")
    page.bin_action.trigger()
    assert offered[0][0].startswith("Old opener (deleted ")
    assert "Old opener" in page.panel.model.titles()
    assert page.current_script_id() == gone.id
    assert not library.get(gone.id).deleted
