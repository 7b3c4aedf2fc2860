"""Silero in the helper process gives the same numbers as in this one, and the analysis goes on
when the helper is unavailable or dies."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.analysis import analyze
from app.core.analysis.silero_worker import WORKER, SileroWorker, window_probs
from app.core.analysis.vad import SileroStream, silero
from tests.core.analysis.conftest import load

CLIP = "en_spont/mfa_erpause.flac"


def in_process(audio: np.ndarray) -> np.ndarray:
    with silero() as model:
        return window_probs(model, audio)


def test_the_helper_computes_what_this_process_computes() -> None:
    audio = load(CLIP)[0]
    helper = SileroWorker()
    try:
        pending = helper.begin(audio)
        assert pending is not None
        assert np.array_equal(pending(), in_process(audio))
    finally:
        helper.stop()


def test_streaming_in_pieces_computes_the_same() -> None:
    audio = load(CLIP)[0]
    with silero() as model:
        stream = SileroStream(model)
        for start in range(0, len(audio), 10_000):  # pieces that do not fit the windows
            stream.feed(audio[start : start + 10_000])
        streamed = stream.finish()
    assert np.array_equal(streamed, in_process(audio))


def test_a_busy_helper_is_not_waited_for() -> None:
    audio = load(CLIP)[0]
    helper = SileroWorker()
    try:
        first = helper.begin(audio)
        assert first is not None
        assert helper.begin(audio) is None  # the caller computes it itself
        first()
        again = helper.begin(audio)
        assert again is not None
        again()
    finally:
        helper.stop()


def test_the_analysis_survives_a_helper_that_died(monkeypatch: pytest.MonkeyPatch) -> None:
    samples, rate = load(CLIP)
    expected = analyze(samples, rate)
    WORKER.warm_up()
    assert WORKER._process is not None
    WORKER._process.kill()
    WORKER._process.wait()
    assert analyze(samples, rate) == expected  # by a fresh helper
    monkeypatch.setattr(WORKER, "available", lambda: False)  # e.g. a frozen build
    assert analyze(samples, rate) == expected
