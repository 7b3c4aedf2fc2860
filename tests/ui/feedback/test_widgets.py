"""The Feedback page's parts on their own: results handed back on the GUI thread, the waveform
with pauses and pitch, the chart of takes, the marked transcript."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from app.core.feedback import Envelope, MarkedWord, PitchTrack, TakePoint
from app.ui.feedback.chart import TakesChart
from app.ui.feedback.tasks import FuturePoller
from app.ui.feedback.transcript_view import TranscriptPanel
from app.ui.feedback.waveform import FeedbackWaveform
from tests.core.feedback.conftest import an_analysis


def test_a_result_is_handed_over_on_the_gui_thread_and_the_timer_then_stops(qtbot: Any) -> None:
    poller = FuturePoller()
    seen: list[tuple[int, str]] = []
    release = threading.Event()
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(lambda: release.wait(5) and 42)
        ticks: list[int] = []
        poller.watch(
            future,
            lambda done: seen.append((done.result(), threading.current_thread().name)),
            lambda: ticks.append(1),
        )
        qtbot.waitUntil(lambda: len(ticks) >= 2, timeout=2000)  # ticks while it runs
        assert seen == []
        release.set()
        qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert seen == [(42, threading.main_thread().name)]
    assert poller.pending == 0 and not poller._timer.isActive()


def test_a_stopped_poller_calls_nothing(qtbot: Any) -> None:
    poller = FuturePoller()
    future: Future[int] = Future()
    called: list[Any] = []
    poller.watch(future, called.append)
    poller.stop()
    future.set_result(1)
    qtbot.wait(50)
    assert called == []


def glide(seconds: float = 4.0) -> PitchTrack:
    """Voiced from 1 s to 3 s, rising an octave; unvoiced elsewhere."""
    frames = int(seconds / 0.01)
    f0 = np.full(frames, np.nan, dtype=np.float32)
    f0[100:300] = 110.0 * 2.0 ** np.linspace(0.0, 1.0, 200)
    return PitchTrack(f0, 0.01)


def test_the_waveform_shades_pauses_and_draws_the_pitch_where_there_is_voice(qtbot: Any) -> None:
    view = FeedbackWaveform()
    qtbot.addWidget(view)
    view.resize(400, 120)
    loud = np.full(4000, 0.8, dtype=np.float32)
    view.show_take(Envelope(-loud, loud, 4.0), [(3.2, 3.8)], glide())
    columns = view.pitch_columns()
    voiced = np.flatnonzero(np.isfinite(columns))
    assert voiced[0] == 100 and voiced[-1] == 299  # 1 s to 3 s of 4 s, 400 px wide
    assert (np.diff(columns[voiced]) > 0).all()  # a rising voice draws a rising line

    image = view.grab().toImage()
    base = view.palette().base().color()
    in_pause, outside = image.pixelColor(350, 2), image.pixelColor(300, 2)
    assert outside == base and in_pause != base
    pitch_colour = QColor("#d9480f")
    rows = [image.pixelColor(200, y) for y in range(120)]
    assert pitch_colour in rows  # the contour crosses the middle of the take
    assert pitch_colour not in [image.pixelColor(50, y) for y in range(120)]  # not before 1 s


def test_the_chart_has_a_strip_per_measure_over_the_takes(qtbot: Any) -> None:
    chart = TakesChart()
    qtbot.addWidget(chart)
    chart.resize(500, chart.sizeHint().height())
    when = datetime(2026, 11, 2, tzinfo=UTC)
    points = [
        TakePoint(1, when, an_analysis(range_st=4.0), None, None),
        TakePoint(2, when, an_analysis(range_st=6.0), 3.0, 4),
    ]
    chart.show_points(points, current=2)
    names = [strip.name for strip in chart.strips]
    assert names == [
        "Pace (syllables a second)",
        "Rise and fall (notes)",
        "Pauses a minute",
        "Fillers a minute",
        "Sounds like me (1-5)",
    ]
    assert chart.strips[1].values == (4.0, 6.0)
    assert chart.strips[3].values == (None, 3.0)
    assert chart.strips[4].values == (None, 4.0)
    assert not chart.grab().isNull()
    # what each strip means, where the pointer is; the axis says which way time runs
    assert "as on a piano" in chart.tip_at(QPoint(20, int(chart.row_top(1)) + 10))
    assert chart.tip_at(QPoint(20, int(chart.row_top(4)) + 10)).startswith("Your own mark")
    assert chart.axis_title() == "Your takes, oldest on the left, newest on the right"


def test_the_transcript_marks_fillers_and_off_script_words(qtbot: Any) -> None:
    panel = TranscriptPanel()
    qtbot.addWidget(panel)
    panel.show_progress(0.4)
    assert panel.progress.isVisibleTo(panel) and panel.progress.value() == 40
    words = [
        MarkedWord("Um,", "filler", 0.0),
        MarkedWord("hi", "said", 0.5),
        MarkedWord("Acme", "off_script", 0.9),
    ]
    panel.show_words(words, "One filler.", with_script=True)
    assert not panel.progress.isVisibleTo(panel)
    html = panel.browser.toHtml()
    assert panel.browser.toPlainText().split() == ["Um,", "hi", "Acme"]
    assert "#ffe066" in html and "#a5d8ff" in html
    assert panel.has_words and not panel.use_button.isEnabled()


def test_the_chart_labels_fit_in_both_languages(qtbot: Any) -> None:
    from app.core.i18n import set_language
    from app.ui.feedback.chart import strips

    chart = TakesChart()
    qtbot.addWidget(chart)
    for language in ("en", "nl"):
        set_language(language)
        for strip in strips([]):
            shown = f"{strip.name}: 99.9"
            assert chart.fontMetrics().horizontalAdvance(shown) <= chart.label_width() - 8, shown
    set_language("en")
