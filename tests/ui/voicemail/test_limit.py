"""Through the audio rig: the take stops itself at the limit, to the frame; with "let me
finish" it runs on past it and the overrun shows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from app.audio.files import read_audio
from tests.audio import rig
from tests.ui.voicemail.helpers import open_starter
from tests.ui.voicemail.speech import find, speech_48k

pytestmark = [pytest.mark.audio, pytest.mark.slow]


def test_forty_seconds_of_speech_make_a_30_s_take_or_with_let_me_finish_all_40(
    qtbot: Any, window: Any, sd: Any
) -> None:
    page, _script_id = open_starter(window)
    speech = speech_48k()
    assert len(speech) == 40 * rig.RATE
    zones: list[tuple[float, str]] = []
    page.session.progress.connect(lambda s: zones.append((s.seconds, page.countdown.zone)))

    with (
        rig.feeding(sd, speech, delay_s=0.2),
        qtbot.waitSignal(page.take_finished, timeout=40_000) as finished,
    ):
        qtbot.keyClick(window, Qt.Key.Key_R)
        assert page.session.state == "recording"
    take = finished.args[0]
    data, rate = read_audio(page.store.path_of(take))
    assert abs(len(data) / rate - 30.0) <= 0.010, len(data) / rate
    assert abs(take.duration_s - 30.0) <= 0.010
    print(f"\ntake with the 30 s limit: {len(data)} frames = {len(data) / rate:.4f} s")
    assert page.session.state == "idle"
    first_amber = next(s for s, zone in zones if zone == "amber")
    first_red = next(s for s, zone in zones if zone == "red")
    assert 19.9 <= first_amber <= 20.1 and 24.9 <= first_red <= 25.1
    assert page.countdown.overrun.text() == "Take: 30.00 s."
    _offset, corr = find(speech[rate * 10 : rate * 13], data[:, 0])
    assert corr > 0.95  # it is the speech that was recorded

    box = page.finish_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert box.isChecked()
    with rig.feeding(sd, speech, delay_s=0.2) as feed:
        qtbot.keyClick(window, Qt.Key.Key_R)
        qtbot.waitUntil(feed.done.is_set, timeout=45_000)
        qtbot.waitUntil(lambda: page.countdown.overrun.text() != "", timeout=1000)
        # the last word is said: a moment later the user stops
        qtbot.waitUntil(lambda: zones[-1][0] > 40.6, timeout=5000)
        assert page.countdown.zone == "over"
        assert page.countdown.clock.text() == "+0:10"
        live = page.countdown.overrun.text()
        with qtbot.waitSignal(page.take_finished, timeout=5000) as finished:
            qtbot.keyClick(window, Qt.Key.Key_R)
    take = finished.args[0]
    data, rate = read_audio(page.store.path_of(take))
    seconds = len(data) / rate
    print(
        f"take with let me finish: {seconds:.3f} s; shown while recording: {live!r}; "
        f"after: {page.countdown.overrun.text()!r}"
    )
    assert 40.6 <= seconds < 43
    assert live.endswith("s over the limit") and int(live.split()[0]) >= 10
    over = seconds - 30
    assert page.countdown.overrun.text() == f"Take: {seconds:.2f} s, {over:.2f} s over the limit."
    head, corr_head = find(speech[: rate * 3], data[:, 0])
    tail, corr_tail = find(speech[-rate * 3 :], data[:, 0])
    assert corr_head > 0.95 and corr_tail > 0.95, (corr_head, corr_tail)
    # all 40 s are in the take (an xrun in the feed would add a gap, never take anything away)
    assert tail - head >= len(speech) - rate * 3
    assert page.takes.chart.lengths == [pytest.approx(30.0, abs=0.01), seconds]
