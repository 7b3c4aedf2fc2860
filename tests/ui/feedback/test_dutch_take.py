"""A Flemish salesperson's take, on the real audio path: recorded through the virtual
microphone against a Dutch script, it gets a Dutch transcript from the built-in multilingual
model, with its fillers marked, and a Dutch feedback card.

No public recording of spontaneous Dutch with filled pauses exists (../shared/speech/
SOURCES.md), so the take is made of real speech: the five Flemish clips of nl_read, with four
real filled pauses ("um", "uh", cut at their word alignments from the MFA recordings) between
them, where a speaker would search for the next sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf
from pytestqt.exceptions import TimeoutError

from app.core.i18n import _
from app.core.store import connect, put_setting
from app.ui.feedback.transcript_view import words_html
from tests.audio import rig
from tests.conftest import SPEECH
from tests.ui.conftest import choose_device
from tests.ui.feedback.test_feedback_page import feedback_page, record

pytestmark = [pytest.mark.audio, pytest.mark.slow]

FLEMISH = ("vl00203", "vl04108", "vl09647", "vl12745", "vl14994")
# (recording, start s, end s) of a filled pause, from the recording's TextGrid
FILLED_PAUSES = (
    ("acoustic_corpus", 8.02, 8.57),
    ("cold_corpus", 1.24, 1.67),
    ("acoustic_corpus", 22.9, 23.53),
    ("cold_corpus", 17.78, 18.32),
)
GAP_S = 0.25


def _clip(path: Path, start_s: float = 0.0, end_s: float | None = None) -> np.ndarray:
    samples, rate = sf.read(str(path), dtype="float32")
    piece = samples[int(start_s * rate) : None if end_s is None else int(end_s * rate)]
    return rig.resample(piece / max(1e-6, float(np.sqrt(np.mean(piece**2)))) * 0.08, rate)


def dutch_take() -> tuple[np.ndarray, str]:
    """The take at the rig's rate, and the voicemail it says."""
    gap = np.zeros(int(GAP_S * rig.RATE), np.float32)
    parts: list[np.ndarray] = []
    for i, name in enumerate(FLEMISH):
        parts.append(_clip(SPEECH / "nl_read" / f"{name}.wav"))
        if i < len(FILLED_PAUSES):
            source, start, end = FILLED_PAUSES[i]
            parts += [gap, _clip(SPEECH / "en_spont" / f"{source}.wav", start, end), gap]
    said = " ".join((SPEECH / "nl_read" / f"{n}.txt").read_text("utf-8").strip() for n in FLEMISH)
    return np.clip(np.concatenate(parts), -0.95, 0.95), said


@pytest.fixture
def dutch_window(qtbot: Any, home: Path) -> Any:
    """The real main window of a user who chose Dutch."""
    conn = connect(home / "pitchback.db")
    put_setting(conn, "language", "nl")
    conn.close()
    from app.__main__ import build

    win = build(home)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.audio_ready, timeout=5000):
        win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.close()


def test_a_dutch_voicemail_take_gets_a_dutch_transcript_and_card(
    qtbot: Any, dutch_window: Any, sd: Any
) -> None:
    window = dutch_window
    page, feedback = window.takes_page, feedback_page(window)
    choose_device(page.panel.input_box, "rig_mic")
    signal, said = dutch_take()
    script = window.library.create(
        "Voicemail", "nl", f"Titel: Voicemail\nTaal: nl\n\n== Voicemail ==\n{said}\n"
    )
    revision = window.library.history.latest_revision(script.id)
    record(qtbot, window, sd, signal)
    take = page.store.list_takes()[0]
    page.store.link(take.id, script.id, revision.id, "voicemail")
    qtbot.waitUntil(lambda: feedback.card.has_numbers, timeout=10_000)
    assert "wacht op de transcriptie" in feedback.card.text()

    try:  # the multilingual model is joined into the cache, loaded, then run
        qtbot.waitUntil(lambda: feedback.transcript_panel.has_words, timeout=240_000)
    except TimeoutError:
        pytest.fail(f"no transcript; the panel says: {feedback.transcript_panel.status.text()}")
    transcript = feedback.transcript
    assert transcript is not None and transcript.language == "nl"
    text = transcript.text.lower()
    assert "aardappel" in text and "betrekkelijk weinig geld" in text
    fillers = [f.text for f in transcript.fillers]
    print(f"\n{transcript.text}\nfillers: {fillers}")
    assert len(fillers) >= 2  # of the four filled pauses (three, in the measurements)
    html = words_html(feedback.transcript_panel.words)
    assert html.count("class='filler'") == len(fillers)
    summary = feedback.transcript_panel.status.text()
    print(summary)
    assert summary.startswith(f"{len(fillers)} stopwoorden")
    assert "staan niet in het script" in summary  # the diff against the Dutch script

    card = feedback.card.text()
    assert "woorden per minuut" in card and "Stopwoorden" in card
    assert "words" not in card and "minute" not in card  # no English left on the card
    verdicts = (
        "This take sounds like you talking, not reading.",
        "Nothing in this take sounds read aloud by the usual measures.",
        "This take mostly sounds like you, with one sign of reading aloud.",
        "This take still sounds read aloud.",
    )
    dutch = [_(verdict) for verdict in verdicts]
    assert set(dutch).isdisjoint(verdicts)
    assert any(feedback.card.verdict.text().startswith(verdict) for verdict in dutch)
