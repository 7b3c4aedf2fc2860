"""Loudness spread: how much the voice's level moves while speaking."""

from __future__ import annotations

import numpy as np

MIN_FRAMES = 20


def loudness_sd_db(intensity_db: np.ndarray, voiced_speech: np.ndarray) -> float | None:
    """Standard deviation of Praat's intensity (dB) over the voiced frames of speech.

    Voiced frames only, so the figure follows emphasis and phrasing rather than the dips of
    every consonant and stop. None when there are too few such frames to judge.
    """
    values = intensity_db[voiced_speech & np.isfinite(intensity_db)]
    if len(values) < MIN_FRAMES:
        return None
    return float(np.std(values))
