"""The transcriber behind the Feedback page and the Live call's replies: in its helper
process, or, in a frozen build (no Python to start a helper with), on the calling thread."""

from __future__ import annotations

import sys
import threading

import pytest
import soundfile as sf

from app.core.transcript import default_model_dir
from app.ui.feedback import jobs
from tests.conftest import SPEECH

NORTH_WIND = SPEECH / "misc" / "the_north_wind_and_the_sun.wav"


@pytest.mark.parametrize("frozen", [False, True], ids=["helper process", "this thread"])
def test_the_same_words_with_or_without_the_helper(
    frozen: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if frozen:
        monkeypatch.setattr(sys, "frozen", True, raising=False)
    samples, rate = sf.read(str(NORTH_WIND), dtype="float32")
    mono = samples if samples.ndim == 1 else samples.mean(axis=1)
    transcriber = jobs.Transcriber()
    try:
        transcript, folder = transcriber.transcribe_samples(
            mono, rate, None, "en", jobs.Progress(), threading.Event()
        )
    finally:
        transcriber.close()
    assert "north wind" in transcript.text.lower()
    assert folder == str(default_model_dir())
