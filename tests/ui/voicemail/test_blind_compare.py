"""Blind compare on the Voicemail tab: over 40 runs both orders occur, and the reveal always
names the takes that were really heard as X and Y."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.core.voicemail import Verdicts
from tests.ui.voicemail.helpers import add_take, open_starter, tone

pytestmark = pytest.mark.audio


def pitch(samples: np.ndarray, rate: int = 48000) -> float:
    return float(np.argmax(np.abs(np.fft.rfft(samples))) * rate / len(samples))


def test_forty_blind_comparisons(qtbot: Any, window: Any, sd: Any) -> None:
    page, script_id = open_starter(window)
    low = add_take(page, script_id, tone(440, 0.6))  # take 1
    high = add_take(page, script_id, tone(880, 0.6))  # take 2
    number = {low.id: 1, high.id: 2}
    panel = page.takes
    panel.reload()
    orders: Counter[str] = Counter()
    click = Qt.MouseButton.LeftButton
    for run in range(40):
        panel.select([low.id, high.id])
        qtbot.mouseClick(panel.details.compare_button, click)
        assert panel.compare.isVisible()
        assert not page.waveform.isVisible() and not page.time.isVisible()  # nothing gives it away
        heard = {}
        for side, button in (("X", panel.compare.play_x), ("Y", panel.compare.play_y)):
            qtbot.mouseClick(button, click)
            heard[side] = low.id if abs(pitch(page.playback.samples()) - 440) < 5 else high.id
        assert set(heard.values()) == {low.id, high.id}
        orders["low first" if heard["X"] == low.id else "high first"] += 1
        picked = "X" if run % 3 else "Y"
        qtbot.mouseClick(panel.compare.pick_x if picked == "X" else panel.compare.pick_y, click)
        reveal = panel.compare.reveal.text()
        assert reveal.startswith(f"X was take {number[heard['X']]} (")
        assert f". Y was take {number[heard['Y']]} (" in reveal
        assert f"You found take {number[heard[picked]]} (" in reveal
        assert not panel.compare.pick_x.isEnabled()
        qtbot.mouseClick(panel.compare.close_button, click)
        assert not panel.compare.isVisible() and page.waveform.isVisible()
    print(f"\nblind compare orders over 40 runs: {dict(orders)}")
    assert orders["low first"] > 0 and orders["high first"] > 0
    verdicts = Verdicts(page.store.conn).involving([low.id])
    assert len(verdicts) == 40
    won = sum(v.preferred == low.id for v in verdicts)
    row = panel.model.row_of(low.id)
    assert panel.model.index(row, 6).data() == f"{won}/40"
