"""The Feedback page as a user meets it, on the real audio path: stop a take and its report
opens with its numbers; the words follow; "Use what I said" rewrites the script; the report
reopens from the store; the natural-voice recording becomes the yardstick."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt

from app.core.feedback import voicemail_text
from app.core.transcript import compare_to_script, use_what_i_said
from app.ui.feedback import FeedbackPage
from app.ui.feedback.transcript_view import words_html
from tests.audio import rig
from tests.conftest import SPEECH
from tests.ui.conftest import choose_device

pytestmark = [pytest.mark.audio, pytest.mark.slow]

READ_TAKE = SPEECH / "en_read" / "sense_and_sensibility_01_concat_0870-0930.wav"  # 24.7 s
TALK = SPEECH / "en_spont" / "acoustic_corpus.wav"
SCRIPT = """Title: Opener
Language: en

== Voicemail ==
(smile)
Hi {first_name}, this is Sam from Northwind.
// short: under thirty seconds
Call me back on 555 0100.

== Opener ==
Hi, this is Sam. Did I catch you at a bad time?
"""


def speech(path: Path, seconds: float | None = None) -> np.ndarray:
    samples, rate = sf.read(str(path), dtype="float32")
    if seconds is not None:
        samples = samples[: int(seconds * rate)]
    return rig.resample(samples, rate)


def feedback_page(window: Any) -> FeedbackPage:
    return next(page for page in window.pages() if isinstance(page, FeedbackPage))


def record(qtbot: Any, window: Any, sd: Any, signal: np.ndarray) -> float:
    """Record ``signal`` as a take with R ... R; returns when the stop was pressed."""
    window.tabs.setCurrentWidget(window.takes_page)  # Today is in view at start
    with rig.feeding(sd, signal, delay_s=0.3) as feed:
        qtbot.keyClick(window, Qt.Key.Key_R)
        assert window.takes_page.recording
        qtbot.waitUntil(feed.done.is_set, timeout=60_000)
        qtbot.wait(300)
        stopped = time.monotonic()
        qtbot.keyClick(window, Qt.Key.Key_R)
    assert not window.takes_page.recording
    return stopped


def test_stop_a_take_then_the_card_then_the_words_then_use_what_i_said(
    qtbot: Any, window: Any, sd: Any, home: Path
) -> None:
    page, feedback = window.takes_page, feedback_page(window)
    choose_device(page.panel.input_box, "rig_mic")
    script = window.library.create("Opener", "en", SCRIPT)
    revision = window.library.history.latest_revision(script.id)
    from app.ui.library.page import ScriptsPage

    scripts = window.show_page(ScriptsPage)
    scripts.reload_list(select=script.id)  # open in the editor while practising
    assert "150 wpm (default)" in scripts.editor.meter.summary.text()  # no pace known yet
    window.tabs.setCurrentWidget(page)  # back to the Recorder

    stopped = record(qtbot, window, sd, speech(READ_TAKE))
    take = page.store.list_takes()[0]
    # What the voicemail practice does for its takes: say which script revision it rehearses.
    page.store.link(take.id, script.id, revision.id, "voicemail")
    assert feedback.take is not None and feedback.take.id == take.id
    qtbot.waitUntil(lambda: feedback.card.has_numbers, timeout=5000)
    seconds = time.monotonic() - stopped
    print(
        f"\nstop -> card: {1000 * seconds:.0f} ms (page's own: "
        f"{1000 * (feedback.report_seconds or 0):.0f} ms) for a {take.duration_s:.1f} s take"
    )

    card = feedback.card.text()
    assert feedback.card.verdict.text()
    assert 1 <= len(feedback.card.suggestion_texts) <= 3
    assert "syllables a second" in card and " notes" in card and "a minute" in card
    assert "waiting for the transcript" in card
    assert feedback.waveform.outline is not None
    assert abs(feedback.waveform.duration_s - take.duration_s) < 0.05
    assert len(feedback.waveform.pauses) >= 1  # the reader stops between the five clips
    assert np.isfinite(feedback.waveform.pitch_columns()).sum() > 50
    assert not feedback.transcript_panel.has_words  # the words come later

    started = time.monotonic()
    qtbot.waitUntil(lambda: feedback.transcript_panel.has_words, timeout=90_000)
    print(f"transcript: {time.monotonic() - started:.1f} s after the card")
    transcript = feedback.transcript
    assert transcript is not None
    assert "john dashwood had then leisure" in transcript.text.lower()
    card = feedback.card.text()
    assert "waiting for the transcript" not in card and "words a minute" in card
    # Now the user's pace is known: the editor times the voicemail at it, not at 150 wpm.
    assert "150 wpm (default)" not in scripts.editor.meter.summary.text()
    pace = round(feedback.records.own_pace())
    assert f"your pace: {pace} wpm" in scripts.editor.meter.summary.text()
    shown = feedback.transcript_panel.browser.toPlainText()
    assert shown.split()[:3] == transcript.text.split()[:3]
    # Jane Austen is not the voicemail: nearly every word is off the script, and marked so.
    assert "off-script" in words_html(feedback.transcript_panel.words)

    assert feedback.transcript_panel.use_button.isEnabled()
    with qtbot.waitSignal(feedback.script_revised) as revised:
        qtbot.mouseClick(feedback.transcript_panel.use_button, Qt.MouseButton.LeftButton)
    assert revised.args == [script.id]
    assert not feedback.transcript_panel.use_button.isEnabled()  # one revision per click
    made = feedback.last_revision
    assert made is not None and made.kind == "manual" and made.name.startswith("What I said")
    assert "What I said" in window.notice.text()
    new_text = window.library.history.revision_text(made.id)
    assert window.library.text(script.id) == new_text
    said = voicemail_text(new_text)
    assert said == use_what_i_said(transcript)
    assert compare_to_script(transcript, said).word_error_rate == 0
    assert "== Opener ==\nHi, this is Sam. Did I catch you at a bad time?" in new_text
    # The Scripts page, with this script open, shows the new wording, not the old.
    scripts = next(p for p in window.pages() if hasattr(p, "reload_script"))
    if scripts.current_script_id() == script.id:
        assert scripts.editor.text() == new_text

    # Reopened later, the report comes from the store: nothing is analysed or heard again.
    window.close()
    from app.__main__ import build

    again = build(home)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.audio_ready, timeout=5000):
        again.show()
    reopened = feedback_page(again)
    if reopened.take is None or reopened.take.id != take.id:
        reopened.show_take(take.id)
    qtbot.waitUntil(lambda: reopened.transcript_panel.has_words, timeout=5000)
    assert reopened.measured is not None and not reopened.measured.fresh
    assert reopened.work.transcribing is None
    assert reopened.transcript == transcript
    again.close()


def test_the_natural_voice_take_becomes_the_yardstick(
    qtbot: Any, window: Any, sd: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.ui.feedback.natural_voice as natural_voice

    monkeypatch.setattr(natural_voice, "BASELINE_SECONDS", 6)  # a minute, shortened for the test
    page, feedback = window.takes_page, feedback_page(window)
    choose_device(page.panel.input_box, "rig_mic")
    assert "published ranges" in feedback.baseline_note.text() or feedback.take is None

    with rig.feeding(sd, speech(TALK, 10.0)):
        qtbot.mouseClick(feedback.natural_voice.button, Qt.MouseButton.LeftButton)
        assert page.recording and feedback.natural_voice.box.isVisibleTo(feedback)
        # No one presses stop: the recorder stops itself at the frame limit.
        qtbot.waitUntil(lambda: not page.recording, timeout=15_000)
    take = page.store.list_takes()[0]
    assert take.name == "My natural voice"
    assert 5.9 <= take.duration_s <= 6.1
    qtbot.waitUntil(lambda: feedback.card.has_numbers, timeout=5000)
    assert feedback.records.baseline_take() == take.id
    assert feedback.card.verdict.text().startswith("This is your natural voice")
    assert "held against your natural voice" in window.notice.text()

    record(qtbot, window, sd, speech(READ_TAKE, 8.0))
    qtbot.waitUntil(lambda: feedback.take is not None and feedback.take.id != take.id, timeout=5000)
    qtbot.waitUntil(lambda: feedback.card.has_numbers, timeout=5000)
    assert "your natural voice:" in feedback.card.text()
    assert "held against your natural voice" in feedback.baseline_note.text()
    feedback.work.cancel_transcript()


def test_a_take_from_the_voicemail_practice_is_reported_too(qtbot: Any, window: Any) -> None:
    from app.ui.voicemail import VoicemailPage

    feedback = feedback_page(window)
    voicemail = window.show_page(VoicemailPage)
    store = window.takes_page.store
    take = store.begin(48_000)
    sf.write(store.path_of(take), speech(TALK, 6.0), 48_000, format="FLAC", subtype="PCM_16")
    take = store.finish(take.id, 6.0)
    with qtbot.waitSignal(feedback.report_shown, timeout=10_000):
        voicemail.take_finished.emit(take)
    assert feedback.take is not None and feedback.take.id == take.id
    voicemail.take_finished.emit(None)  # a call that was hung up before the beep
    assert feedback.take.id == take.id
    feedback.work.cancel_transcript()
