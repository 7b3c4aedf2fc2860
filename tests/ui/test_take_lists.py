"""One list of takes, fed by the store: a take made on any page shows on every page at once."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.audio import rig
from tests.ui.voicemail.helpers import open_starter
from tests.ui.voicemail.speech import speech_48k

pytestmark = pytest.mark.audio


def test_a_voicemail_take_shows_in_the_recorder_list_without_a_restart(
    qtbot: Any, window: Any, sd: Any
) -> None:
    page, _script_id = open_starter(window)
    page.apply_settings(replace(page.settings, limit_s=2.0))
    recorder = window.takes_page
    assert recorder.model.rowCount() == 0
    with (
        rig.feeding(sd, speech_48k()[: 4 * rig.RATE]),
        qtbot.waitSignal(page.take_finished, timeout=8000) as finished,
    ):
        qtbot.keyClick(window, Qt.Key.Key_R)
    take = finished.args[0]
    assert take is not None
    # No reload asked for: the Recorder page hears it from the store.
    qtbot.waitUntil(lambda: recorder.model.row_of(take.id) == 0, timeout=2000)

    # and the other way: deleted on the Recorder page, it leaves the Voicemail list
    assert page.takes.model.row_of(take.id) == 0
    window.tabs.setCurrentWidget(recorder)
    recorder.reload(select=take.id)
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.takes.model.row_of(take.id) == -1, timeout=2000)
