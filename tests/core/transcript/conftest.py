"""One loaded model and one transcript per clip for the whole session: the machine has two
cores, and each transcription takes a couple of seconds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from app.core.transcript import Model, Transcript, load_model, transcribe
from tests.conftest import SPEECH

TAKE_RATE = 48_000


def read_clip(name: str, rate: int | None = None) -> tuple[np.ndarray, int]:
    """A clip of shared/speech, resampled to ``rate`` (by FFT) when one is given."""
    samples, native = sf.read(SPEECH / name, dtype="float64")
    if rate is None or rate == native:
        return samples, native
    frames = round(len(samples) * rate / native)
    return np.fft.irfft(np.fft.rfft(samples), frames) * (frames / len(samples)), rate


def reference_text(name: str) -> str:
    return (SPEECH / name).with_suffix(".txt").read_text("utf-8")


@pytest.fixture(scope="session")
def model() -> Model:
    return load_model()


@pytest.fixture(scope="session")
def transcript_of(model: Model) -> Callable[[str], Transcript]:
    """The transcript of a clip, brought to 48 kHz first as the recorder saves takes."""
    done: dict[str, Transcript] = {}

    def get(name: str) -> Transcript:
        if name not in done:
            done[name] = transcribe(model, *read_clip(name, TAKE_RATE))
        return done[name]

    return get


@pytest.fixture(scope="session")
def speech() -> Path:
    return SPEECH
