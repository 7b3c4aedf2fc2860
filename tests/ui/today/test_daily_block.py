"""The daily block as a salesperson goes through it, in the real window: start the block, a
warm-up voicemail take through the audio rig, asked once before an A prospect, a real call
logged with an objection, that objection first in the next drill, the minutes in the week."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app.core.practice import DrillChoice
from app.core.prospecting import ProspectDraft
from app.ui.feedback import FeedbackPage
from app.ui.practice import PracticePage
from app.ui.today.page import TodayPage
from app.ui.voicemail import VoicemailPage
from tests.audio import rig
from tests.ui.voicemail.helpers import STARTERS
from tests.ui.voicemail.speech import speech_48k

pytestmark = pytest.mark.audio

KEY = "reason for the call > we handle that internally"


def spend(hub: Any, clock: Any, minutes: int) -> None:
    """Let ``minutes`` pass on the block's clock, ticking as the window's timer does."""
    for _ in range(minutes * 2):
        clock.now += 30
        hub.tick()


class Monotonic:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_block_from_warm_up_to_the_week_view(
    qtbot: Any, window: Any, sd: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = window.page_in_view()
    assert isinstance(today, TodayPage) and window.tabs.currentIndex() == 0
    hub = today.hub
    clock = Monotonic()
    hub.timer.monotonic = clock  # the block's monotonic clock, moved by the test

    # start the block: the timer shows on every page
    qtbot.mouseClick(today.start_button, Qt.MouseButton.LeftButton)
    bar = window.findChild(type(window.statusBar()))  # the status bar holds the block
    assert hub.timer.active and "30:00 left" in hub_bar(window).label.text()
    assert bar is not None

    # warm-up: one voicemail take, through the rig; it counts toward the block
    qtbot.mouseClick(today.voicemail_button, Qt.MouseButton.LeftButton)
    page, script_id = starter_without_feedback(window)
    assert hub_bar(window).isVisible()  # the block, on the Voicemail page too
    page.apply_settings(replace(page.settings, limit_s=3.0))
    with (
        rig.feeding(sd, speech_48k()[: 5 * rig.RATE]),
        qtbot.waitSignal(page.take_finished, timeout=8000),
    ):
        qtbot.keyClick(window, Qt.Key.Key_R)
    assert hub.blocks.activity(hub.block_id) == {"voicemail_take": 1}
    spend(hub, clock, 6)

    # the queue: B and C before A; an A first, before any practice call, asks once
    for name, tier in (("Ann Peeters", "A"), ("Bert Claes", "B")):
        hub.prospects.add(ProspectDraft(name, "Acme", "+32 475 12 34 56", tier, "", script_id))  # type: ignore[arg-type]
    hub.prospects_changed.emit()
    window.tabs.setCurrentWidget(today)
    assert [today.queue.item(i).text() for i in range(today.queue.count())] == [
        "B · Bert Claes · Acme", "A · Ann Peeters · Acme",
    ]  # fmt: skip
    asked: list[str] = []
    opened: list[QUrl] = []

    def question(_parent: Any, title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    today.queue.setCurrentRow(1)
    assert not today.call_selected()
    assert len(asked) == 1 and "Ann Peeters" in asked[0] and "A list" in asked[0]
    assert opened == []
    today.queue.setCurrentRow(1)
    assert today.call_selected()  # asked once: not again
    assert len(asked) == 1
    assert [url.toString() for url in opened] == ["tel:+32475123456"]
    dialog = today.call_dialog
    assert dialog.isVisible()  # a plan for both: the opener and the voicemail, side by side
    opener, voicemail = (label.text() for label in dialog.plan_texts)
    assert "I know I'm calling out of the blue." in opener
    assert "I'll send you a short email today" in voicemail

    # log it: spoke, an objection from the script, no good answer
    dialog.choose_outcome("spoke")
    dialog.objection.setCurrentIndex(
        next(
            i for i in range(dialog.objection.count())
            if getattr(dialog.objection.itemData(i), "key", "") == KEY
        )
    )  # fmt: skip
    assert dialog.no_good_answer.isChecked()
    dialog.differently.setText("Ask how much time that costs them")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert today.coach.isVisible()
    assert "Everyone freezes sometimes" in today.coach.text.text()
    assert "Ask how much time that costs them" in today.coach.text.text()
    assert [today.queue.item(i).text() for i in range(today.queue.count())] == [
        "B · Bert Claes · Acme"
    ]
    assert hub.blocks.activity(hub.block_id) == {"voicemail_take": 1, "real_call": 1}

    # the next drill starts with that objection (weighted choice, as set)
    live = window.show_page(PracticePage)
    live.practise(script_id)  # the weakest answers, as "Drill the answers..." does
    assert live.settings.choice == "weighted"
    chooser = live._chooser()
    assert isinstance(chooser, DrillChoice) and chooser.key == KEY
    step = live.script.step_named("Reason for the call")
    assert chooser.choose(live.script, step).words == "We handle that internally"

    # the coach's drill: the Live call page in drill mode on that answer
    window.tabs.setCurrentWidget(today)
    qtbot.mouseClick(today.coach.drill_button, Qt.MouseButton.LeftButton)
    assert window.page_in_view() is live
    assert (live.settings.choice, live.settings.drill_key) == ("drill", KEY)

    # the block ends; its minutes are in the week view
    spend(hub, clock, 6)
    window.tabs.setCurrentWidget(today)
    qtbot.mouseClick(today.start_button, Qt.MouseButton.LeftButton)  # End today's block
    assert not hub.timer.active and not hub_bar(window).isVisible()
    view = today.week.view
    assert view.minutes[hub.today()] == pytest.approx(12.0)
    assert "This week: 12 of 150 minutes" in today.week.summary()


def starter_without_feedback(window: Any) -> tuple[VoicemailPage, int]:
    """The starter script on the Voicemail page, whose takes the block hears of; the Feedback
    page does not (it would analyse the take on a thread that outlives the test)."""
    info = window.library.create_from_starter(STARTERS["en"], "en")
    page = window.show_page(VoicemailPage)
    feedback = next(p for p in window.pages() if isinstance(p, FeedbackPage))
    page.take_finished.disconnect(feedback._on_take_finished)
    page.reload_scripts()
    index = page.script_box.findData(info.id)
    page.script_box.setCurrentIndex(index)
    page.script_box.activated.emit(index)
    assert page.script_id == info.id
    return page, info.id


def hub_bar(window: Any) -> Any:
    from app.ui.today.block_bar import BlockBar

    return window.statusBar().findChild(BlockBar)
