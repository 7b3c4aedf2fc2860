"""The call screen between calls: a hang-up leaves no red silence counter behind, and a new
call starts with an empty review (the previous run is not shown while you are on the phone)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.core.practice import Phase
from tests.ui.practice.test_live_call import live_call_page

pytestmark = pytest.mark.audio


def test_hang_up_clears_the_silence_and_a_new_call_clears_the_review(
    qtbot: Any, window: Any, sd: Any
) -> None:
    page, _script_id = live_call_page(window)
    page.apply_settings(page.settings.__class__(voice="none"))
    qtbot.keyClick(window, Qt.Key.Key_R)
    session = page.session
    assert session is not None
    qtbot.waitUntil(lambda: session.call.phase == Phase.WAITING, timeout=5000)
    qtbot.waitUntil(lambda: page.call.freeze.text().startswith("Silence"), timeout=3000)
    qtbot.waitUntil(lambda: "c0392b" in page.call.freeze.styleSheet(), timeout=5000)  # red
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not page.running
    assert page.call.freeze.text() == "" and page.call.freeze.styleSheet() == ""
    assert page.review.turns.rowCount() == 1  # the call just made, to review

    qtbot.keyClick(window, Qt.Key.Key_R)
    assert page.running
    assert page.review.turns.rowCount() == 0 and page.review.run is None
    assert not page.review.isEnabled()
    second = page.session
    assert second is not None
    qtbot.waitUntil(lambda: second.call.phase == Phase.WAITING, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert page.review.isEnabled() and page.review.turns.rowCount() == 1
