"""Pitch: Praat's autocorrelation tracker with a speaker-adapted range, and its statistics.

The range comes from the two-pass method of De Looze & Hirst (2008, "Detecting changes in
key and range for the automatic modelling and coding of intonation", Speech Prosody): a
first pass over a wide range, then floor = 0.75 x q25 and ceiling = 2.5 x q75 of the first
pass's F0. Hirst (2011, "The analysis by synthesis of speech melody", JoSS 1) gives 1.5 x q75
for read speech and 2.5 x q75 for more expressive speech; we take the wider ceiling because
liveliness is exactly what Pitchback is measuring, and a ceiling cut to a reader's range
would flatten an animated take. (The variant 0.83 x q15 / 1.92 x q65 is not used.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FIRST_PASS = (60.0, 700.0)
FIRST_PASS_STEP_S = 0.04  # only its quartiles are used, and they settle at this step
FLOOR_FACTOR, CEILING_FACTOR = 0.75, 2.5
LOWEST_FLOOR, HIGHEST_CEILING = 40.0, 900.0
MIN_FIRST_PASS_FRAMES = 10  # 0.4 s of voicing at the first pass's step
MIN_VOICED_FRAMES = 20  # 0.2 s of voicing in 10 ms frames: below that statistics mean little
RANGE_PERCENTILES = (5.0, 95.0)  # the range ignores the odd octave error at either end


def pitch_range(first_pass_f0: np.ndarray) -> tuple[float, float]:
    """Floor and ceiling (Hz) for the second pass, from the voiced F0 of the first."""
    voiced = first_pass_f0[np.isfinite(first_pass_f0) & (first_pass_f0 > 0)]
    if len(voiced) < MIN_FIRST_PASS_FRAMES:
        return FIRST_PASS
    q25, q75 = np.percentile(voiced, [25, 75])
    floor = max(LOWEST_FLOOR, FLOOR_FACTOR * float(q25))
    ceiling = min(HIGHEST_CEILING, CEILING_FACTOR * float(q75))
    return floor, max(ceiling, 2.0 * floor)


@dataclass(frozen=True)
class PitchStats:
    median_hz: float
    range_st: float  # from the 5th to the 95th percentile, in semitones
    sd_st: float  # standard deviation in semitones around the median

    def to_json_dict(self) -> dict[str, float]:
        return {
            "median_hz": round(self.median_hz, 1),
            "range_st": round(self.range_st, 2),
            "sd_st": round(self.sd_st, 2),
        }


def pitch_stats(f0_hz: np.ndarray) -> PitchStats | None:
    """Statistics of the voiced frames given, or None with too little voicing to judge."""
    voiced = f0_hz[np.isfinite(f0_hz) & (f0_hz > 0)].astype(np.float64)
    if len(voiced) < MIN_VOICED_FRAMES:
        return None
    median = float(np.median(voiced))
    semitones = 12.0 * np.log2(voiced / median)
    low, high = np.percentile(semitones, RANGE_PERCENTILES)
    return PitchStats(median_hz=median, range_st=float(high - low), sd_st=float(np.std(semitones)))
