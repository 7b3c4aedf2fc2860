"""The Feedback page on takes already on disk (no audio device needed): the report, the words
after it, takes that cannot be analysed or transcribed, and the speech model setting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from app.core.library import ScriptLibrary
from app.core.store import connect, put_setting
from app.core.takes import Take, TakeStore
from app.core.transcript import default_model_dir
from app.ui.feedback import FeedbackPage, model_setting
from tests.audio import rig
from tests.conftest import SPEECH

TALK = SPEECH / "en_spont" / "mfa_um.flac"  # 8.9 s with um and uh
DUTCH = SPEECH / "nl_read" / "vl04108.wav"


@pytest.fixture
def page(qtbot: Any, home: Path) -> Iterator[FeedbackPage]:
    conn = connect(home / "pitchback.db")
    shown = FeedbackPage(TakeStore(conn, home), ScriptLibrary(conn))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.shutdown()


def add_take(store: TakeStore, samples: np.ndarray, rate: int) -> Take:
    """A finished take whose file holds ``samples``, as the recorder would leave it."""
    take = store.begin(48_000)
    audio = rig.resample(samples, rate) if rate != 48_000 else samples
    sf.write(store.path_of(take), audio, 48_000, format="FLAC", subtype="PCM_16")
    return store.finish(take.id, len(audio) / 48_000)


def clip(path: Path) -> tuple[np.ndarray, int]:
    samples, rate = sf.read(str(path), dtype="float32")
    return samples, rate


def test_the_card_first_then_the_words_and_both_are_kept(qtbot: Any, page: FeedbackPage) -> None:
    take = add_take(page.store, *clip(TALK))
    with qtbot.waitSignal(page.report_shown, timeout=10_000):
        page.show_take(take.id)
    assert page.card.has_numbers and "syllables a second" in page.card.text()
    assert page.measured is not None and page.measured.fresh
    assert page.work.transcribing == take.id
    assert "published ranges" in page.baseline_note.text()
    assert page.card.is_provisional and "Provisional" in page.card.text()
    assert page.card.record_baseline.isVisibleTo(page)
    stored = page.records.analysis(take.id)
    fresh = page.measured.stored.analysis
    assert stored is not None and stored.analysis is not None and fresh is not None
    assert stored.analysis.to_json_dict() == fresh.to_json_dict()

    with qtbot.waitSignal(page.transcript_shown, timeout=60_000):
        pass
    transcript = page.records.transcript(take.id)
    assert transcript is not None and transcript == page.transcript
    assert transcript.fillers  # "um" and "uh" are heard and marked
    assert [w.mark for w in page.transcript_panel.words].count("filler") == len(transcript.fillers)
    assert "waiting for the transcript" not in page.card.text()
    assert not page.transcript_panel.use_button.isEnabled()  # no script to rewrite
    row = page.store.conn.execute("SELECT model FROM take_transcripts").fetchone()
    assert row["model"] == str(default_model_dir())


def test_a_silent_take_says_so_and_nothing_is_transcribed(qtbot: Any, page: FeedbackPage) -> None:
    take = add_take(page.store, np.zeros(3 * 48_000, dtype=np.float32), 48_000)
    page.show_take(take.id)
    qtbot.waitUntil(lambda: page.measured is not None, timeout=10_000)
    assert page.card.verdict.text() == "This take is silent: nothing to analyse."
    assert not page.card.has_numbers
    assert page.work.transcribing is None and not page.transcript_panel.has_words
    stored = page.records.analysis(take.id)
    assert stored is not None and stored.error == page.card.verdict.text()


def test_a_dutch_take_needs_a_multilingual_model(qtbot: Any, page: FeedbackPage) -> None:
    # The built-in models hear Dutch (tests/ui/feedback/test_dutch_take.py); a folder the user
    # chose serves every language, and tiny.en cannot.
    put_setting(page.store.conn, model_setting.SETTING, str(default_model_dir()))
    script = page.library.create("Openingszin", "nl", "== Voicemail ==\nHallo.\n")
    take = add_take(page.store, *clip(DUTCH))
    page.store.link(take.id, script.id, None, "voicemail")
    page.show_take(take.id)
    qtbot.waitUntil(lambda: page.transcript_panel.status.text().startswith("The speech model"),
                    timeout=60_000)  # fmt: skip
    assert "only English" in page.transcript_panel.status.text()
    assert page.card.has_numbers  # the rest of the report does not depend on the words
