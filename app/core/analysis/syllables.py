"""Syllable nuclei after de Jong & Wempe (2009, "Praat script to detect syllable nuclei and
measure speech rate automatically", Behavior Research Methods 41(2), 385-390).

A nucleus is a peak of the intensity contour that is loud enough (above the take's 99th
percentile minus 25 dB), stands out from the next peak by a dip of more than 2 dB, and is
voiced. Their script never counts the last peak of a file; here the last peak counts when
the intensity falls far enough after it. The voicing comes from our two-pass pitch track
rather than their separate lenient one, with a small tolerance in time (see below); on the
hoarse recordings of ../shared/speech that undercounts by half, since Praat finds voicing in
only a fifth of their frames.
"""

from __future__ import annotations

import numpy as np

SILENCE_DB = -25.0
MIN_DIP_DB = 2.0
# A peak counts as voiced when voicing is found within this many 10 ms frames: the 64 ms
# intensity window can put the peak of a short vowel into the fricative after it ("this").
VOICING_TOLERANCE = 4


def syllable_nuclei(
    intensity_db: np.ndarray, f0_hz: np.ndarray, speech: np.ndarray, step_s: float
) -> np.ndarray:
    """Times (s) of the syllable nuclei, from 10 ms intensity, F0 (NaN unvoiced) and speech
    frames, all on the same grid."""
    level = np.nan_to_num(intensity_db.astype(np.float64), nan=-np.inf)
    if len(level) < 3 or not np.isfinite(level).any():
        return np.empty(0)
    finite = level[np.isfinite(level)]
    threshold = max(float(np.percentile(finite, 99)) + SILENCE_DB, float(finite.min()))
    middle = level[1:-1]
    peaks = np.flatnonzero((middle > level[:-2]) & (middle >= level[2:])) + 1
    peaks = peaks[level[peaks] > threshold]
    if len(peaks) == 0:
        return np.empty(0)
    dips = np.minimum.reduceat(level, peaks)  # the lowest point from each peak to the next
    peaks = peaks[level[peaks] - dips > MIN_DIP_DB]
    voiced = _near(np.isfinite(f0_hz), VOICING_TOLERANCE)
    peaks = peaks[voiced[peaks] & speech[peaks]]
    return (peaks + 0.5) * step_s


def _near(mask: np.ndarray, frames: int) -> np.ndarray:
    """True wherever ``mask`` is True within ``frames`` frames either side."""
    padded = np.concatenate([np.zeros(frames, bool), mask, np.zeros(frames, bool)])
    out = np.zeros(len(mask), dtype=bool)
    for shift in range(2 * frames + 1):
        out |= padded[shift : shift + len(mask)]
    return out
