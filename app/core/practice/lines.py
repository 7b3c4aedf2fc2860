"""The prospect's recorded lines, cut to the voice: the freeze is counted from where the voice
stops, not from where the person recording it pressed stop."""

from __future__ import annotations

import numpy as np

FRAME_S = 0.01
BELOW_PEAK_DB = 35.0  # quieter than this under the loudest 10 ms is silence or room noise
KEEP_S = 0.03  # of the fade before the first and after the last voiced frame


def voiced_span(samples: np.ndarray, rate: int) -> tuple[int, int]:
    """Start and end (exclusive) sample of the voice in a mono recording; (0, 0) for silence."""
    audio = np.asarray(samples, dtype=np.float32).reshape(-1)
    size = max(1, round(rate * FRAME_S))
    frames = len(audio) // size
    if frames == 0:
        return (0, 0)
    blocks = audio[: frames * size].reshape(frames, size)
    power = np.mean(np.square(blocks, dtype=np.float64), axis=1)
    peak = float(power.max())
    if peak <= 1e-10:  # digital silence (-100 dBFS)
        return (0, 0)
    loud = np.flatnonzero(power >= peak * 10 ** (-BELOW_PEAK_DB / 10))
    keep = round(KEEP_S * rate)
    start = max(0, int(loud[0]) * size - keep)
    end = min(len(audio), (int(loud[-1]) + 1) * size + keep)
    return (start, end)


def trimmed(samples: np.ndarray, rate: int) -> np.ndarray:
    start, end = voiced_span(samples, rate)
    return np.asarray(samples, dtype=np.float32).reshape(-1)[start:end]
