"""Forty seconds of real read and spontaneous speech at 48 kHz, to feed the virtual microphone."""

from __future__ import annotations

from functools import cache

import numpy as np
import soundfile as sf

from tests.audio import rig
from tests.conftest import SPEECH

PARTS = (  # (file, from second): read speech, then conversation (its loud first second left out)
    ("en_read/sense_and_sensibility_01_concat_0870-0930.wav", 0.0),
    ("en_spont/acoustic_corpus.wav", 1.0),
)
RMS = 0.08


@cache
def speech_48k(seconds: float = 40.0) -> np.ndarray:
    """``seconds`` of speech (16 kHz sources, resampled), each part at the same loudness."""
    clips = []
    for name, start in PARTS:
        clip, rate = sf.read(SPEECH / name, dtype="float32")
        assert rate == 16000
        clip = clip[int(start * rate) :]
        clips.append(clip * (RMS / np.sqrt(np.mean(clip**2))))
    joined = np.clip(np.concatenate(clips)[: int(seconds * 16000)], -0.95, 0.95)
    assert len(joined) == int(seconds * 16000), "not enough speech for the feed"
    return rig.resample(joined, 16000)


def find(piece: np.ndarray, recording: np.ndarray) -> tuple[int, float]:
    """Where ``piece`` sits in ``recording`` and how well it matches, over three one-second
    parts of it, keeping the best: a rare xrun of a loaded machine may spoil one of them."""
    second = rig.RATE
    best = (0, -1.0)
    for part in range(3):
        offset, corr = rig.align(piece[part * second : (part + 1) * second], recording)
        if corr > best[1]:
            best = (offset - part * second, corr)
    return best
