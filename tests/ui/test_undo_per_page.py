"""Undo and Redo act on the page in view: each page keeps its own history, so Ctrl+Z on the
Voicemail page never brings back a take deleted on the Recorder page."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt

from app.ui.feedback import FeedbackPage
from app.ui.voicemail import VoicemailPage
from tests.ui.feedback.test_page import add_take


def test_each_page_undoes_its_own_edits(qtbot: Any, window: Any) -> None:
    recorder = window.takes_page
    window.tabs.setCurrentWidget(recorder)  # Today is in view at start
    take = add_take(recorder.store, np.zeros(48_000, np.float32), 48_000)
    recorder.reload()
    recorder.table.selectRow(0)
    recorder.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    assert recorder.model.rowCount() == 0
    assert window.undo_action.isEnabled() and window.undo_action.text() == "Undo Delete take"

    window.show_page(VoicemailPage)
    assert not window.undo_action.isEnabled()  # nothing done here yet
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.show_page(FeedbackPage)  # a page with nothing to undo
    assert not window.undo_action.isEnabled()
    window.tabs.setCurrentWidget(recorder)
    assert recorder.model.rowCount() == 0  # Ctrl+Z elsewhere left it deleted

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert recorder.model.rowCount() == 1 and recorder.model.take_at(0).id == take.id
    assert window.redo_action.text() == "Redo Delete take"
