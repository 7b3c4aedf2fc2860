"""The first hour, as a new user meets it: from an empty data folder, getting started (name,
company, language; the natural voice skipped at first), a first voicemail take whose feedback
says plainly it is provisional, then the natural voice recorded from Help > Getting started
and a verdict measured against it. Audio through the rig."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

import app.ui.feedback.natural_voice as natural_voice
import app.ui.settings.sections as sections
from app.core.profile import load_profile
from app.core.store import get_setting
from app.ui.feedback import FeedbackPage
from app.ui.first_run import FirstRunWizard
from app.ui.voicemail import VoicemailPage
from tests.audio import rig
from tests.conftest import SPEECH
from tests.ui.conftest import choose_device
from tests.ui.feedback.test_feedback_page import speech

pytestmark = [pytest.mark.audio, pytest.mark.slow]

READ = SPEECH / "en_read" / "sense_and_sensibility_01_concat_0870-0930.wav"
TALK = SPEECH / "en_spont" / "acoustic_corpus.wav"


@pytest.fixture
def new_user(qtbot: Any, home: Path, sd: Any) -> Iterator[Any]:
    """The app as the pitchback command opens it on an empty data folder."""
    from app.__main__ import build, offer_first_run

    assert not home.exists()
    win = build(home)
    qtbot.addWidget(win)
    offer_first_run(win)
    with qtbot.waitSignal(win.audio_ready, timeout=5000):
        win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def wizard_of(qtbot: Any, window: Any) -> FirstRunWizard:
    qtbot.waitUntil(lambda: getattr(window, "first_run", None) is not None, timeout=2000)
    wizard = window.first_run
    qtbot.waitUntil(wizard.isVisible, timeout=2000)
    return wizard


def test_getting_started_then_a_provisional_take_then_the_natural_voice(
    qtbot: Any, new_user: Any, sd: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = new_user
    monkeypatch.setattr(sections, "ask_restart", lambda _parent: pytest.fail("no restart"))
    wizard = wizard_of(qtbot, window)  # offered by itself on the first start
    assert wizard.currentPage().title() == "Who you are"
    wizard.profile.name.setText("Ann Peeters")
    wizard.profile.company.setText("Acme")
    wizard.next()
    box = wizard.language.box
    box.setCurrentIndex(box.findData("en"))  # as it runs now: nothing to restart
    wizard.next()
    assert wizard.currentPage() is wizard.voice
    wizard.button(QWizard.WizardButton.FinishButton).click()  # the natural voice: later
    assert not wizard.isVisible()
    conn = window.takes_page.conn
    assert load_profile(conn).my_name == "Ann Peeters"
    assert get_setting(conn, "firstrun.done") == "1"
    assert get_setting(conn, "language") == "en"

    # A first voicemail take: its feedback says plainly that it is provisional.
    choose_device(window.takes_page.panel.input_box, "rig_mic")
    feedback = window.show_page(FeedbackPage)
    voicemail = window.show_page(VoicemailPage)
    assert "this is Ann Peeters from Acme." in voicemail.prompter.visible_text()
    voicemail.apply_settings(replace(voicemail.settings, limit_s=8.0))
    with (
        rig.feeding(sd, speech(READ, 9.0), delay_s=0.2),
        qtbot.waitSignal(voicemail.take_finished, timeout=15_000) as finished,
    ):
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        qtbot.keyClick(window, Qt.Key.Key_R)
        assert voicemail.session.state == "recording", window.notice.text()
    take = finished.args[0]
    qtbot.waitUntil(lambda: feedback.take is not None and feedback.take.id == take.id, timeout=5000)
    qtbot.waitUntil(lambda: feedback.card.has_numbers, timeout=10_000)
    assert feedback.card.is_provisional
    assert "Provisional: until you record your natural voice" in feedback.card.text()
    feedback.work.cancel_transcript()

    # Help > Getting started again, straight on to the natural voice (shortened to 10 s).
    monkeypatch.setattr(natural_voice, "BASELINE_SECONDS", 10)
    window.getting_started_action.trigger()
    wizard = wizard_of(qtbot, window)
    assert wizard.profile.name.text() == "Ann Peeters"  # what was kept
    wizard.next()
    wizard.next()
    page = wizard.voice
    with rig.feeding(sd, speech(TALK, 12.0), delay_s=0.2):
        page.start_button.click()
        assert page.recording and not page.isComplete()
        qtbot.waitUntil(lambda: "hears you" in page.check.text(), timeout=5000)
        assert page.meter.level.rms_db > -45
        qtbot.waitUntil(lambda: not page.recording, timeout=20_000)  # it stops by itself
    qtbot.waitUntil(lambda: feedback.records.baseline_take() is not None, timeout=15_000)
    assert page.isComplete() and page.check.text().startswith("Got it.")
    wizard.button(QWizard.WizardButton.FinishButton).click()

    # The same voicemail take, now measured against the natural voice.
    feedback.show_take(take.id)
    qtbot.waitUntil(lambda: feedback.card.has_numbers, timeout=10_000)
    assert not feedback.card.is_provisional
    assert "your natural voice:" in feedback.card.text()
    feedback.work.cancel_transcript()
