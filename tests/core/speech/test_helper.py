"""Whisper in a helper process: the same words as in this process, stopped at once when
cancelled or closed, started again afterwards, and its errors in the user's language."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from app.core.i18n import set_language
from app.core.speech.helper import WhisperHelper
from app.core.transcript import (
    TranscriptError,
    TranscriptionCancelled,
    default_model_dir,
    load_model,
    transcribe,
)
from tests.conftest import SPEECH

pytestmark = pytest.mark.slow

READ = SPEECH / "en_read" / "sense_and_sensibility_01_concat_0870-0930.wav"  # 24.7 s, one step


@pytest.fixture
def helper() -> Iterator[WhisperHelper]:
    running = WhisperHelper()
    yield running
    running.close()
    assert running._process is None


def clip(path: Path) -> tuple[np.ndarray, int]:
    samples, rate = sf.read(str(path), dtype="float32")
    return samples, rate


def test_the_helper_hears_what_this_process_hears(
    helper: WhisperHelper, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tqdm import tqdm

    monkeypatch.setattr(tqdm, "monitor_interval", 0)  # its thread would outlive the test
    samples, rate = clip(SPEECH / "en_spont" / "mfa_um.flac")
    seen: list[float] = []
    words, folder = helper.transcribe(samples, rate, None, "en", seen.append, threading.Event())
    assert words == transcribe(load_model(), samples, rate)
    assert folder == str(default_model_dir())
    assert seen[-1] == 1.0
    again, _folder = helper.transcribe(samples, rate, None, "en", seen.append, threading.Event())
    assert again == words  # the same helper, its model kept


def test_cancelling_stops_the_helper_at_once_and_the_next_transcript_starts_another(
    helper: WhisperHelper,
) -> None:
    samples, rate = clip(READ)
    cancel = threading.Event()
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(helper.transcribe(samples, rate, None, "en", lambda _f: None, cancel))
        except TranscriptionCancelled as error:
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 5
    while not helper._busy and time.monotonic() < deadline:
        time.sleep(0.01)
    first = helper._process
    cancel.set()
    helper.cancel()
    # Loading the model and decoding these 25 s in one step take seconds; a kill does not.
    worker.join(timeout=1.0)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], TranscriptionCancelled)
    assert first is not None and first.returncode is not None  # killed and reaped

    short, short_rate = clip(SPEECH / "en_spont" / "mfa_youknow.flac")
    words, _folder = helper.transcribe(
        short, short_rate, None, "en", lambda _f: None, threading.Event()
    )
    assert "know" in words.text.lower()
    assert helper._process is not None and helper._process is not first


def test_closing_kills_a_running_transcript(helper: WhisperHelper) -> None:
    samples, rate = clip(READ)
    outcome: list[Any] = []

    def run() -> None:
        try:
            helper.transcribe(samples, rate, None, "en", lambda _f: None, threading.Event())
        except TranscriptionCancelled as error:
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    while not helper._busy:
        time.sleep(0.01)
    helper.close()
    worker.join(timeout=1.0)
    assert not worker.is_alive() and len(outcome) == 1
    with pytest.raises(TranscriptionCancelled):  # closed for good
        helper.transcribe(samples, rate, None, "en", lambda _f: None, threading.Event())


def test_a_folder_without_a_model_is_refused_in_the_users_language(
    helper: WhisperHelper, tmp_path: Path
) -> None:
    set_language("nl")
    samples, rate = clip(SPEECH / "en_spont" / "mfa_youknow.flac")
    with pytest.raises(TranscriptError) as refused:
        helper.transcribe(samples, rate, tmp_path, "en", lambda _f: None, threading.Event())
    assert refused.value.message.startswith(f"De map {tmp_path} is geen Whisper-model")
