"""Through the audio rig: a microphone that sends only digital silence (as one that vanished
under the sound server does) is told once on the Voicemail page, and the take is kept."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.voicemail.helpers import open_starter

pytestmark = [pytest.mark.audio]


def test_a_silent_microphone_is_told_once_on_the_voicemail_page(
    qtbot: Any, window: Any, sd: Any
) -> None:
    page, _script_id = open_starter(window)
    messages: list[str] = []
    page.session.message.connect(messages.append)
    # Nothing is fed to rig_feed: rig_mic sends exact zeros, like a vanished microphone.
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert page.session.state == "recording"
    qtbot.waitUntil(lambda: any("digital silence" in m for m in messages), timeout=8000)
    qtbot.wait(700)  # more silence: no second warning for the same take
    assert sum("digital silence" in m for m in messages) == 1
    with qtbot.waitSignal(page.take_finished, timeout=5000) as finished:
        qtbot.keyClick(window, Qt.Key.Key_R)
    take = finished.args[0]
    assert take is not None and take.duration_s >= 3.0  # kept, all of it
