"""The first slice as a user meets it: record, find the take, play, rename, delete, undo."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.core.store import connect, get_setting
from app.core.takes import TakeStore
from tests.audio import rig
from tests.audio.test_recorder import speech_48k
from tests.ui.conftest import choose_device
from tests.ui.feedback.test_page import add_take
from tests.ui.voicemail.helpers import open_starter

pytestmark = pytest.mark.audio


def test_record_play_rename_delete_undo(qtbot: Any, window: Any, sd: Any) -> None:
    page = window.takes_page
    window.tabs.setCurrentWidget(page)  # Today is in view at start
    choose_device(page.panel.input_box, "rig_mic")
    choose_device(page.panel.output_box, "rig_speaker")
    assert get_setting(page.conn, "audio.input_device") == "rig_mic (ALSA)"

    with rig.feeding(sd, speech_48k()):
        qtbot.keyClick(window, Qt.Key.Key_R)
        assert page.recording
        qtbot.waitUntil(lambda: page.panel.meter.level.rms_db > -40, timeout=3000)
        qtbot.waitUntil(lambda: page.panel.elapsed.text() >= "0:01.5", timeout=5000)
        qtbot.keyClick(window, Qt.Key.Key_R)
    assert not page.recording
    assert page.model.rowCount() == 1
    take = page.model.take_at(0)
    assert 1.4 <= take.duration_s < 4
    assert page.selected_take_id() == take.id

    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.playback.position_ms > 300, timeout=3000)
    first = page.playback.position_ms
    qtbot.waitUntil(lambda: page.playback.position_ms > first + 200, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # pause
    qtbot.waitUntil(lambda: page.player.status().state == "paused", timeout=1000)

    qtbot.keyClick(window, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Opener, calmer")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.store.get(take.id).name == "Opener, calmer", timeout=1000)
    assert page.model.data(page.model.index(0, 2)) == "Opener, calmer"

    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 0
    assert "Ctrl+Z" in window.notice.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 1
    assert page.model.take_at(0).name == "Opener, calmer"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.take_at(0).name == ""


def test_the_app_starts_and_says_so_without_any_audio_device(
    qtbot: Any, home: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The one fake here: PortAudio is made to report no devices, as on a machine with none.
    import app.audio.devices as devices

    monkeypatch.setattr(devices, "list_devices", lambda kind: [])
    from app.__main__ import build

    win = build(home)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.audio_ready):
        win.show()
    page = win.takes_page
    win.tabs.setCurrentWidget(page)  # Today is in view at start
    assert not page.panel.record_button.isEnabled()
    assert page.panel.input_box.currentText() == "(no microphone found)"
    assert "No microphone" in win.notice.text() or "No speaker" in win.notice.text()
    qtbot.keyClick(win, Qt.Key.Key_R)
    assert not page.recording
    win.close()


def test_without_portaudio_the_app_starts_says_what_to_install_and_keeps_the_takes(
    qtbot: Any, home: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The audio layer cannot be imported, as on a Linux machine without libportaudio2: the
    # modules that load sounddevice are taken out and it is made unimportable.
    import sys

    for name in [m for m in sys.modules if m == "sounddevice" or m.startswith("app.audio.")]:
        if name not in ("app.audio.errors", "app.audio.remembered", "app.audio.levels"):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "sounddevice", None)
    conn = connect(home / "pitchback.db")
    earlier = add_take(TakeStore(conn, home), np.zeros(48_000, np.float32), 48_000)
    unfinished = TakeStore(conn, home).begin(48_000)  # left behind by a crash
    conn.close()
    from app.__main__ import build

    win = build(home)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.audio_ready):
        win.show()
    page = win.takes_page
    win.tabs.setCurrentWidget(page)  # Today is in view at start
    assert "Install PortAudio (on Debian or Ubuntu: libportaudio2)" in win.notice.text()
    assert not page.panel.record_button.isEnabled()
    win.notice.clear()
    qtbot.keyClick(win, Qt.Key.Key_R)
    assert not page.recording and "PortAudio" in win.notice.text()
    page.table.selectRow(page.model.row_of(earlier.id))
    for key in (Qt.Key.Key_Space, Qt.Key.Key_F5):  # play, look for devices: the same answer
        win.notice.clear()
        qtbot.keyClick(win, key)
        assert "libportaudio2" in win.notice.text()
    assert page.store.get(unfinished.id).unfinished  # repaired at a start that can
    voicemail, _script_id = open_starter(win)  # a page that loads the audio layer on R
    win.notice.clear()
    qtbot.keyClick(win, Qt.Key.Key_R)
    assert voicemail.session.state == "idle" and "libportaudio2" in win.notice.text()
    live_call = win.tabs.widget(5)
    win.tabs.setCurrentWidget(live_call)  # a page that needs the audio layer to be built
    assert live_call.failure is not None and "could not be opened" in live_call.failure.text()
    win.tabs.setCurrentIndex(0)
    win.close()


def test_a_device_that_stops_mid_recording_keeps_the_take_and_says_so(
    qtbot: Any, window: Any, sd: Any
) -> None:
    page = window.takes_page
    window.tabs.setCurrentWidget(page)  # Today is in view at start
    choose_device(page.panel.input_box, "rig_mic")
    with rig.feeding(sd, speech_48k()):
        qtbot.keyClick(window, Qt.Key.Key_R)
        qtbot.waitUntil(lambda: page.panel.elapsed.text() >= "0:01.0", timeout=5000)
        with rig.frozen_sound_server():
            qtbot.waitUntil(lambda: not page.recording, timeout=5000)
            assert "stopped sending sound" in window.notice.text()
            assert "kept" in window.notice.text()
    assert page.model.rowCount() == 1
    assert page.model.take_at(0).duration_s >= 0.9
