"""The script being edited is the one in use on every page, and its Title: line is its name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.ui.practice import PracticePage
from app.ui.voicemail import VoicemailPage
from tests.ui.editor.conftest import scripts_page


def picked(box: Any) -> tuple[str, Any]:
    return box.currentText(), box.currentData()


def test_a_duplicate_is_named_apart_and_every_page_follows_it(qtbot: Any, window: Any) -> None:
    page = scripts_page(window)
    original = window.library.get(page.current_script_id())
    voicemail = window.show_page(VoicemailPage)
    assert voicemail.script_id == original.id
    window.show_page(type(page))
    page.duplicate_action.trigger()
    copy = window.library.get(page.current_script_id())
    assert copy.title == f"{original.title} (copy)"
    titles = page.panel.model.titles()
    assert len(titles) == len(set(titles))  # no two entries alike in the list
    voicemail = window.show_page(VoicemailPage)
    assert picked(voicemail.script_box) == (copy.title, copy.id)
    assert voicemail.script_id == copy.id
    live = window.show_page(PracticePage)
    assert picked(live.script_box) == (copy.title, copy.id)

    # Chosen on the Live call page, it is the one in use on the Voicemail page too.
    index = live.script_box.findData(original.id)
    live.script_box.setCurrentIndex(index)
    live.script_box.activated.emit(index)
    voicemail = window.show_page(VoicemailPage)
    assert voicemail.script_id == original.id


def test_editing_the_title_line_renames_the_script_everywhere(qtbot: Any, window: Any) -> None:
    page = scripts_page(window)
    script_id = page.current_script_id()
    edit = page.editor.edit
    assert page.editor.text().startswith("Title: ")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfLine, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.setFocus()
    qtbot.keyClicks(edit, "Title: Dentists in Ghent")
    page.save_now()
    assert window.library.get(script_id).title == "Dentists in Ghent"
    qtbot.waitUntil(lambda: "Dentists in Ghent" in page.panel.model.titles(), timeout=2000)
    voicemail = window.show_page(VoicemailPage)
    assert voicemail.script_box.currentText() == "Dentists in Ghent"

    # and renamed in the list (F2), the Title: line says the new name
    window.show_page(type(page))
    page.rename_script(script_id, "Dentists")
    qtbot.waitUntil(lambda: page.editor.text().startswith("Title: Dentists\n"), timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: page.editor.text().startswith("Title: Dentists in Ghent\n"), timeout=2000
    )
