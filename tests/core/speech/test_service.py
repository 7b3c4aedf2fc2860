"""The app's one speech service: the same words in its helper process as on its own thread
(a frozen build), a live-call reply before the takes queued ahead of it, cancel per caller,
and at most two models kept in the helper."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import CancelledError, wait
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from app.core.speech import Priority, SpeechService
from app.core.speech.helper import MODELS_KEPT, _loaded
from app.core.transcript import default_model_dir
from tests.conftest import SPEECH

NORTH_WIND = SPEECH / "misc" / "the_north_wind_and_the_sun.wav"


def mono(path: Path) -> tuple[np.ndarray, int]:
    samples, rate = sf.read(str(path), dtype="float32")
    return (samples if samples.ndim == 1 else samples.mean(axis=1)), rate


@pytest.fixture
def service() -> Iterator[SpeechService]:
    running = SpeechService()
    yield running
    running.close()


@pytest.mark.parametrize("in_process", [False, True], ids=["helper process", "its own thread"])
def test_the_same_words_with_or_without_the_helper(in_process: bool) -> None:
    service = SpeechService(in_process=in_process)
    try:
        request = service.submit("test", *mono(NORTH_WIND), None, "en")
        transcript, folder = request.future.result(timeout=60)
    finally:
        service.close()
    assert "north wind" in transcript.text.lower()
    assert folder == str(default_model_dir())
    assert request.progress == 1.0


def test_a_live_reply_goes_before_the_takes_queued_ahead_of_it(service: SpeechService) -> None:
    service.warm_up(None, "en").future.result(timeout=60)  # the model loaded: only order counts
    samples, rate = mono(NORTH_WIND)
    finished: list[str] = []
    takes = [service.submit("feedback", samples, rate, None, "en") for _ in range(3)]
    live = service.submit("live-call", *mono(NORTH_WIND), None, "en", Priority.LIVE)
    for name, request in [("take 1", takes[0]), ("take 2", takes[1]), ("take 3", takes[2]),
                          ("live", live)]:  # fmt: skip
        request.future.add_done_callback(lambda _f, name=name: finished.append(name))
    wait([r.future for r in [*takes, live]], timeout=60)
    # The first take may have started before the reply came; no other take goes before it.
    assert finished.index("live") <= 1, finished
    assert "north wind" in live.future.result()[0].text.lower()


def test_cancel_drops_only_that_callers_requests(service: SpeechService) -> None:
    samples, rate = mono(NORTH_WIND)
    first = service.submit("feedback", samples, rate, None, "en")
    queued = [service.submit("feedback", samples, rate, None, "en") for _ in range(2)]
    reply = service.submit("live-call", *mono(NORTH_WIND), None, "en", Priority.LIVE)
    service.cancel("feedback")
    for request in [first, *queued]:
        with pytest.raises((CancelledError, Exception)) as stopped:
            request.future.result(timeout=60)
        assert type(stopped.value).__name__ in ("CancelledError", "TranscriptionCancelled")
    assert "north wind" in reply.future.result(timeout=60)[0].text.lower()
    assert service.pending == 0


def test_a_closed_service_refuses_politely() -> None:
    service = SpeechService()
    service.close()
    request = service.submit("test", *mono(NORTH_WIND), None, "en")
    assert type(request.future.exception()).__name__ == "TranscriptionCancelled"


def test_the_helper_keeps_two_models_and_frees_the_oldest() -> None:
    loads: list[str] = []

    def load(folder: Path | None) -> Any:
        loads.append(str(folder))
        return object()

    models: dict[str, Any] = {}
    english = _loaded(models, "en-model", load)
    _loaded(models, "nl-model", load)
    assert _loaded(models, "en-model", load) is english  # kept: no second load
    _loaded(models, "other", load)  # a third pushes out the least recently used (Dutch)
    assert len(models) == MODELS_KEPT and "nl-model" not in models
    assert loads == ["en-model", "nl-model", "other"]
