"""Calling your own voicemail through the audio rig: ring, greeting, beep, then recording; or,
now and then, a person who answers."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QMetaMethod, Qt

from app.audio import sounds
from tests.audio import rig
from tests.ui.voicemail.helpers import open_starter

pytestmark = pytest.mark.audio


class Always:
    """A random source that always draws the same number."""

    def __init__(self, value: float) -> None:
        self.value = value

    def random(self) -> float:
        return self.value


def level_at(signal: np.ndarray, hz: float) -> float:
    """The level of ``hz`` in ``signal``, relative to its loudest frequency (dB)."""
    spectrum = np.abs(np.fft.rfft(signal * np.hanning(len(signal))))
    freqs = np.fft.rfftfreq(len(signal), 1 / rig.RATE)
    near = spectrum[np.abs(freqs - hz) < 5].max()
    return float(20 * np.log10(near / spectrum.max()))


def test_ring_greeting_beep_then_recording_and_hanging_up(qtbot: Any, window: Any, sd: Any) -> None:
    page, script_id = open_starter(window)
    page.apply_settings(replace(page.settings, call_yourself=True, rings=1))
    page.rng = Always(0.0)  # a person would answer, were it allowed: it is not (never)
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert page.session.state == "calling" and page.record_button.text() == "Hang up"
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert page.session.state == "idle" and page.takes.model.rowCount() == 0

    shown: list[str] = []  # what the screen said, phase by phase
    page.session.phase_changed.connect(lambda _phase: shown.append(page.phase.text()))
    with rig.tapping(sd) as tap:
        qtbot.keyClick(window, Qt.Key.Key_R)
        assert page.phase.text() == "Ringing…" and page.phase.isVisibleTo(page)
        qtbot.waitUntil(lambda: page.session.state == "recording", timeout=12_000)
        heard = tap.audio()
    assert shown[:3] == [
        "Ringing…", "The voicemail greeting is playing…", "Beep! Speak after the tone."
    ]  # fmt: skip
    assert not page.phase.isVisibleTo(page)  # recording: the clock says the rest
    expected = len(sounds.call_audio("en", answered=False, rings=1))
    assert len(heard) >= expected
    start = int(np.argmax(np.abs(heard) > 0.05))
    ring = heard[start : start + rig.RATE]
    beep = heard[start + expected - rig.RATE // 4 : start + expected]
    greeting = heard[start + 3 * rig.RATE : start + expected - rig.RATE]
    assert level_at(ring, 440) > -3 and level_at(ring, 480) > -3
    assert level_at(beep, 1000) == 0
    assert np.sqrt(np.mean(greeting**2)) > 0.02  # someone speaks between ring and beep
    with qtbot.waitSignal(page.take_finished, timeout=3000) as finished:
        qtbot.keyClick(window, Qt.Key.Key_R)
    take = finished.args[0]
    assert (take.kind, take.script_id) == ("voicemail", script_id)


def test_a_person_answers_and_the_reply_is_kept_or_handed_to_live_practice(
    qtbot: Any, window: Any, sd: Any
) -> None:
    page, script_id = open_starter(window, "nl")
    page.apply_settings(replace(page.settings, call_yourself=True, pickup_one_in=5, rings=1))
    page.rng = Always(0.1)  # below 1/5: this call is answered
    if page.isSignalConnected(QMetaMethod.fromSignal(page.live_answer_requested)):
        page.live_answer_requested.disconnect()  # as before the live-practice mode existed

    with rig.tapping(sd) as tap:
        qtbot.keyClick(window, Qt.Key.Key_R)
        qtbot.waitUntil(lambda: page.session.state == "recording", timeout=8000)
        heard = tap.audio()
    assert page.prompter.heading.text() == "Someone answered! Start the call from your opener."
    assert "Ik weet dat ik u onverwacht bel." in page.prompter.visible_text()
    assert page.countdown.clock.text() == "0:00"  # no limit: the clock counts up
    voice = sounds.clip("pickup", "nl")
    _offset, corr = rig.align(voice, heard)
    assert corr > 0.9  # "Met Peter." was said, and no beep
    assert level_at(heard[-rig.RATE // 2 :], 1000) < -20
    with qtbot.waitSignal(page.take_finished, timeout=3000) as finished:
        qtbot.keyClick(window, Qt.Key.Key_R)
    take = finished.args[0]
    assert (take.kind, take.script_id) == ("live_answer", script_id)
    row = page.takes.model.row_of(take.id)
    assert page.takes.model.index(row, 1).data() == "1 (live answer)"
    assert "Ik weet dat" not in page.prompter.visible_text()  # back to the voicemail

    handed: list[int] = []
    page.live_answer_requested.connect(handed.append)
    qtbot.keyClick(window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: handed == [script_id], timeout=8000)
    assert page.session.state == "idle"
    assert page.takes.model.rowCount() == 1  # live practice took over: nothing recorded here
