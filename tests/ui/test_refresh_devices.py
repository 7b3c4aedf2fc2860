"""File > Refresh devices from the real window while another page uses the sound devices: it
waits for a voicemail being recorded or played (and says so), and a paused take plays on
from its place afterwards, on the restarted PortAudio."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.audio import streams
from tests.audio import rig
from tests.ui.voicemail.helpers import add_take, open_starter
from tests.ui.voicemail.speech import speech_48k

pytestmark = pytest.mark.audio


def test_refresh_waits_for_a_voicemail_and_a_paused_one_plays_on(
    qtbot: Any, window: Any, sd: Any
) -> None:
    page, script_id = open_starter(window)
    page.apply_settings(replace(page.settings, limit_s=2.0))
    refresh = window.refresh_action
    assert refresh in window.file_menu.actions()

    # recording: refused, and the take is whole
    with (
        rig.feeding(sd, speech_48k()[: 3 * rig.RATE]),
        qtbot.waitSignal(page.take_finished, timeout=8000) as finished,
    ):
        qtbot.keyClick(window, Qt.Key.Key_R)
        qtbot.wait(500)
        refresh.trigger()
        assert "A recording or playback is still running" in window.notice.text()
    recorded = finished.args[0]
    assert recorded is not None and abs(recorded.duration_s - 2.0) < 0.01

    # playing: refused and it plays on; paused: the rescan happens and the take keeps its place
    speech = speech_48k()[: 4 * rig.RATE]
    take = add_take(page, script_id, speech)
    page.takes.reload()
    page.takes.select([take.id])
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.waveform.position_s > 0.3, timeout=3000)
    refresh.trigger()
    assert "still running" in window.notice.text()
    assert page.playback.state() == "playing"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.playback.state() == "paused", timeout=1000)
    player = page.playback.player
    assert player is not None
    paused_at = player.status().position_s
    before = streams.generation()

    qtbot.keyClick(window, Qt.Key.Key_F5)

    assert streams.generation() == before + 1
    assert "microphones" in window.notice.text()  # after the rescan: how many it found
    box = window.takes_page.panel.input_box
    labels = [box.itemText(i) for i in range(box.count())]
    assert any(label.startswith("rig_mic (") for label in labels)
    assert page.playback.state() == "paused" and player.status().position_s == paused_at
    with rig.tapping(sd) as tap:
        qtbot.wait(100)
        qtbot.keyClick(window, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: page.playback.state() == "stopped", timeout=8000)
        qtbot.wait(200)
    rest = speech[round((paused_at + 0.05) * rig.RATE) :]
    _offset, corr = rig.align(rest, tap.audio())
    assert corr >= 0.99
