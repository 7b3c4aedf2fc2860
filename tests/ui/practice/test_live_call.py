"""The Live call tab as a user meets it: a three-turn call through the audio rig, the review,
and the prospect's voice from the operating system."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.audio.remembered import remember
from app.core.practice import Phase, Rating
from app.ui.lazy_page import LazyPage
from app.ui.practice import PracticePage
from tests.audio import rig
from tests.audio.practice.conftest import speech
from tests.core.practice.conftest import THREE_TURNS

pytestmark = pytest.mark.audio

REPLIES = (
    "en_read/sense_and_sensibility_01_austen_64kb-0880.wav",
    "en_read/sense_and_sensibility_01_austen_64kb-0930.wav",
    "misc/the_north_wind_and_the_sun.wav",
)


def tab(window: Any, title: str) -> LazyPage:
    found = next(
        window.tabs.widget(i) for i in range(window.tabs.count()) if window.tabs.tabText(i) == title
    )
    assert isinstance(found, LazyPage)
    return found


def live_call_page(window: Any, script_text: str = THREE_TURNS) -> tuple[PracticePage, int]:
    """The Live call tab in view, on a new script, using the rig's microphone and speaker."""
    conn = window.takes_page.conn
    remember(conn, "input", "rig_mic")
    remember(conn, "output", "rig_speaker")
    script = window.library.create("Three turns", "en", script_text)
    live_call = tab(window, "Live call")
    window.tabs.setCurrentWidget(live_call)
    page = live_call.page()
    assert isinstance(page, PracticePage)
    page.reload_scripts()
    page.open_script(script.id)
    return page, script.id


def test_a_three_turn_call_without_a_speech_engine_then_the_second_reply_played(
    qtbot: Any, window: Any, sd: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.ui.practice.system_voice as system_voice

    monkeypatch.setattr(system_voice, "system_engines", lambda: [])
    page, script_id = live_call_page(window)
    assert page.settings.voice == "system"  # the default: the computer's voice...
    replies = [speech(name, start_at_voice=True) for name in REPLIES]

    qtbot.keyClick(window, Qt.Key.Key_R)
    assert page.running
    assert "No speech engine" in window.notice.text()  # ...which is not there, so text
    session = page.session
    assert session is not None
    for number, reply in enumerate(replies):
        qtbot.waitUntil(
            lambda n=number: (
                len(session.call.turns) == n + 1 and session.call.phase == Phase.WAITING
            ),
            timeout=8000,
        )
        assert page.call.prospect.text() == f"Prospect: “{session.call.turn.prospect_text}”"
        with rig.feeding(sd, reply) as feed:
            qtbot.waitUntil(feed.done.is_set, timeout=10000)
        qtbot.waitUntil(lambda n=number: session.call.turns[n].reply_end is not None, timeout=5000)
    qtbot.waitUntil(lambda: not page.running, timeout=5000)
    assert session.call.outcome == "completed"
    assert page.call.status.text().startswith("Call over: reached an ending")

    review = page.review
    assert review.turns.rowCount() == 3
    turns = review.run_turns
    assert all(t.freeze_s is not None and t.reply_s is not None for t in turns)
    for turn, reply in zip(turns, replies, strict=True):
        assert abs(turn.reply_s - len(reply) / rig.RATE) < 0.5  # type: ignore[operator]
    assert review.stats.rowCount() == 3
    review.select_turn(1)
    with rig.tapping(sd) as tap:
        qtbot.keyClick(window, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: review.playing, timeout=2000)
        qtbot.waitUntil(lambda: not review.playing, timeout=10000)
    heard = tap.audio()
    _offset, corr = rig.align(replies[1][: rig.RATE], heard)
    assert corr > 0.9, corr
    assert len(np.flatnonzero(np.abs(heard) > 0.01)) / rig.RATE < len(replies[1]) / rig.RATE + 1

    # rate the second reply, change your mind, undo back to it and to no rating
    click = Qt.MouseButton.LeftButton
    qtbot.mouseClick(review.rate_buttons[Rating.POOR], click)
    qtbot.mouseClick(review.rate_buttons[Rating.GOOD], click)

    def stored() -> Rating | None:
        return next(t.rating for t in page.store.turns_for_script(script_id) if t.id == turns[1].id)

    assert stored() == Rating.GOOD and review.turns.item(1, 4).text() == "Good"
    review.select_turn(0)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored() == Rating.POOR and review.turns.item(1, 4).text() == "Poor"
    assert review.selected_turn() is turns[1]  # the undone rating is shown on its reply
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored() is None and review.turns.item(1, 4).text() == ""
    window.redo_action.trigger()
    assert stored() == Rating.POOR


def test_escape_hangs_up_and_the_run_keeps_what_was_said(qtbot: Any, window: Any, sd: Any) -> None:
    page, _script_id = live_call_page(window)
    page.apply_settings(page.settings.__class__(voice="none"))
    qtbot.keyClick(window, Qt.Key.Key_R)
    session = page.session
    assert session is not None
    qtbot.waitUntil(lambda: session.call.phase == Phase.WAITING, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not page.running
    assert session.run.outcome == "hung_up"
    assert page.review.turns.rowCount() == 1


def test_a_person_answering_the_voicemail_call_goes_straight_into_the_live_call(
    qtbot: Any, window: Any, sd: Any
) -> None:
    page, script_id = live_call_page(window)
    page.apply_settings(page.settings.__class__(voice="none"))
    voicemail_tab = tab(window, "Voicemail")
    window.tabs.setCurrentWidget(voicemail_tab)
    voicemail = voicemail_tab.page()
    voicemail.live_answer_requested.emit(script_id)  # type: ignore[attr-defined]
    assert window.page_in_view() is page
    assert page.running
    session = page.session
    assert session is not None
    # the prospect has picked up already: your opener is the first thing said
    qtbot.waitUntil(lambda: session.call.phase == Phase.WAITING, timeout=3000)
    assert session.call.turn.line_end == 0
    assert page.call.prompter.heading.text() == "Your opener"
    qtbot.waitUntil(lambda: page.call.status.text() == "Your turn.", timeout=1000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not page.running


def test_a_line_recorded_for_the_prospect_is_what_the_prospect_says(
    qtbot: Any, window: Any, sd: Any
) -> None:
    page, _script_id = live_call_page(window)
    dialog = page.edit_lines()
    assert dialog is not None
    assert dialog.lines[0] == ("@pickup", "Peter speaking.")
    dialog.table.selectRow(0)
    line = speech("misc/the_north_wind_and_the_sun.wav", start_at_voice=True)
    with rig.feeding(sd, line, delay_s=0.2) as feed:
        dialog.record_button.click()
        qtbot.waitUntil(feed.done.is_set, timeout=5000)
    dialog.record_button.click()
    assert dialog.table.item(0, 1).text() == "✓"
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=1000)
    page.apply_settings(page.settings.__class__(voice="recorded"))
    with rig.tapping(sd) as tap:
        qtbot.keyClick(window, Qt.Key.Key_R)
        session = page.session
        assert session is not None
        qtbot.waitUntil(lambda: session.call.phase == Phase.WAITING, timeout=5000)
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    _offset, corr = rig.align(line[: rig.RATE], tap.audio())
    assert corr > 0.9, corr
    assert session.call.turns[0].line_end is not None
