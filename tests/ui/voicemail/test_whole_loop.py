"""The whole loop, as a salesperson goes through it: open a script, record (it stops itself),
play back, rate, edit the script, record again against the new text, compare the two blind."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from app.core.voicemail import Verdicts
from tests.audio import rig
from tests.ui.voicemail.helpers import leave_and_return, open_starter
from tests.ui.voicemail.speech import speech_48k

pytestmark = pytest.mark.audio

LIMIT_S = 3.0  # the settings offer 15 to 60 s; the core takes a shorter limit for tests


def record(qtbot: Any, window: Any, page: Any, sd: Any, start_s: float) -> Any:
    speech = speech_48k()[int(start_s * rig.RATE) : int((start_s + 5) * rig.RATE)]
    with (
        rig.feeding(sd, speech),
        qtbot.waitSignal(page.take_finished, timeout=8000) as finished,
    ):
        qtbot.keyClick(window, Qt.Key.Key_R)
        assert page.record_button.text() == "Stop"
    take = finished.args[0]
    assert take is not None and abs(take.duration_s - LIMIT_S) < 0.01
    assert page.record_button.text() == "Record"
    return take


def test_record_play_rate_edit_record_again_and_compare(qtbot: Any, window: Any, sd: Any) -> None:
    page, script_id = open_starter(window)
    library, click = window.library, Qt.MouseButton.LeftButton
    page.apply_settings(replace(page.settings, limit_s=LIMIT_S))
    assert page.countdown.clock.text() == "0:03"

    first = record(qtbot, window, page, sd, 0)
    assert (first.kind, first.script_id) == ("voicemail", script_id)
    assert first.revision_id == library.history.latest_revision(script_id).id
    assert [r.take.id for r in page.takes.selected_rows()] == [first.id]
    assert abs(page.waveform.duration_s - LIMIT_S) < 0.01

    # play back: Space plays and pauses, a click on the waveform seeks, it plays to the end
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.waveform.position_s > 0.3, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.play_button.text() == "Play", timeout=1000)
    assert page.playback.state() == "paused"
    paused_at = page.waveform.position_s
    wave = page.waveform
    qtbot.mouseClick(wave, click, pos=QPoint(wave.width() * 2 // 3, wave.height() // 2))
    qtbot.waitUntil(lambda: abs(page.waveform.position_s - 2.0) < 0.05, timeout=1000)
    assert page.waveform.position_s != paused_at
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.playback.state() == "stopped", timeout=4000)
    assert page.waveform.position_s == pytest.approx(LIMIT_S, abs=0.01)

    # rate it
    qtbot.mouseClick(page.takes.details.rating.button(3), click)
    assert page.store.get(first.id).rating == 3

    # edit the script (as the Scripts page would save it); the tab shows the new words
    text = library.text(script_id)
    library.save_text(script_id, text.replace("a few hours a week", "a full day every month"))
    leave_and_return(window, page)
    assert "a full day every month" in page.prompter.visible_text()

    second = record(qtbot, window, page, sd, 10)
    new_revision = library.history.latest_revision(script_id)
    assert second.revision_id == new_revision.id != first.revision_id
    assert "a full day every month" in library.history.revision_text(second.revision_id)
    assert "a few hours a week" in library.history.revision_text(first.revision_id)
    model = page.takes.model
    assert model.index(model.row_of(second.id), 4).data() == "2"
    assert model.index(model.row_of(first.id), 4).data() == "1"
    assert page.takes.chart.ratings == [3, None]

    # compare the two, blind
    page.takes.select([first.id, second.id])
    qtbot.mouseClick(page.takes.details.compare_button, click)
    compare = page.takes.compare
    pair = page.takes.pair
    assert pair is not None and {pair.x, pair.y} == {first.id, second.id}
    qtbot.mouseClick(compare.play_x, click)
    qtbot.waitUntil(lambda: page.playback.state() == "playing", timeout=2000)
    assert page.playback.take_id == pair.x
    qtbot.mouseClick(compare.play_y, click)
    qtbot.waitUntil(lambda: page.playback.state() == "playing", timeout=2000)
    assert page.playback.take_id == pair.y
    qtbot.mouseClick(compare.pick_y, click)
    names = {first.id: "take 1 (", second.id: "take 2 ("}
    assert compare.reveal.text().startswith(f"X was {names[pair.x]}")
    assert f"You found {names[pair.y]}" in compare.reveal.text()
    [verdict] = Verdicts(page.store.conn).involving([first.id])
    assert (verdict.x_take, verdict.y_take, verdict.preferred) == (pair.x, pair.y, pair.y)
    qtbot.mouseClick(compare.close_button, click)
    assert page.playback.state() == "stopped"
