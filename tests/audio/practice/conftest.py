from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import soundfile as sf

from tests.audio import rig
from tests.conftest import SPEECH


@pytest.fixture(scope="session")
def sd() -> Any:
    return rig.start()


def speech(relative: str, start_at_voice: bool = False) -> np.ndarray:
    """A clip of real speech at the rig's rate, peak 0.8; optionally cut to its first sound."""
    clip, rate = sf.read(SPEECH / relative, dtype="float32")
    if clip.ndim == 2:
        clip = clip.mean(axis=1)
    audio = 0.8 * rig.resample(clip, rate) / np.max(np.abs(clip))
    if start_at_voice:
        audio = audio[int(np.flatnonzero(np.abs(audio) > 0.05)[0]) :]
        audio[:240] *= np.linspace(0, 1, 240, dtype=np.float32)  # 5 ms, no click
    return audio.astype(np.float32)
