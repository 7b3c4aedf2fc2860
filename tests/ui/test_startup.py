"""Start-up: only the Today and Recorder pages are built before the window shows; the
Feedback page is built once audio is ready (before any take can finish) and picks up the
chosen take; the script library is opened, with a starter for a new user, when it is first
needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import soundfile as sf

from app.core.store import connect
from app.core.takes import TakeStore
from app.ui.feedback import FeedbackPage
from app.ui.takes_page import TakesPage
from app.ui.today.page import TodayPage
from tests.conftest import SPEECH
from tests.ui.feedback.test_page import add_take


def test_pages_are_built_when_needed_and_miss_nothing(qtbot: Any, home: Path) -> None:
    conn = connect(home / "pitchback.db")
    samples, rate = sf.read(str(SPEECH / "en_spont" / "mfa_um.flac"), dtype="float32")
    earlier = add_take(TakeStore(conn, home), samples, rate)
    conn.close()
    from app.__main__ import build

    win = build(home)
    qtbot.addWidget(win)
    assert [type(page) for page in win.pages()] == [TodayPage, TakesPage]
    win.takes_page.table.selectRow(0)  # chosen before the Feedback page exists
    with qtbot.waitSignal(win.audio_ready, timeout=5000):
        win.show()
    assert [type(page) for page in win.pages()] == [TodayPage, TakesPage, FeedbackPage]
    assert win.page_in_view() is win.pages()[0]  # Today, the first tab, is in view
    feedback = win.pages()[2]
    assert feedback.take is not None and feedback.take.id == earlier.id
    with qtbot.waitSignal(feedback.report_shown, timeout=10_000):
        pass
    assert feedback.card.has_numbers
    assert [info.title for info in win.library.list_scripts()]  # a starter for a new user
    win.close()
