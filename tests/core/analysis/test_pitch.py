"""Pitch: the two-pass range, and statistics on signals whose pitch is known."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.analysis.features import compute_tracks
from app.core.analysis.pitch import FIRST_PASS, pitch_range, pitch_stats
from app.core.analysis.signal import ArraySource


def glide(start_hz: float, end_hz: float, seconds: float = 3.0, rate: int = 16_000) -> np.ndarray:
    """A harmonic complex whose pitch rises exponentially (evenly in semitones)."""
    t = np.arange(int(seconds * rate)) / rate
    f0 = start_hz * (end_hz / start_hz) ** (t / seconds)
    phase = 2 * np.pi * np.cumsum(f0) / rate
    tone = sum(np.sin(k * phase) / k for k in range(1, 15))
    return (0.2 * tone).astype(np.float32)


def test_a_glide_over_an_octave_measures_its_range_and_spread() -> None:
    track = compute_tracks(ArraySource(glide(100.0, 200.0), 16_000))
    stats = pitch_stats(track.f0_hz)
    assert stats is not None
    # Even in semitones over 12: the 5th-95th percentile range is 0.9 * 12, and the spread
    # of a uniform distribution is 12 / sqrt(12).
    assert stats.median_hz == pytest.approx(100 * 2**0.5, rel=0.03)
    assert stats.range_st == pytest.approx(10.8, abs=0.5)
    assert stats.sd_st == pytest.approx(12 / 12**0.5, abs=0.3)


def test_a_steady_tone_has_no_range() -> None:
    track = compute_tracks(ArraySource(glide(150.0, 150.0, 2.0), 16_000))
    stats = pitch_stats(track.f0_hz)
    assert stats is not None
    assert stats.median_hz == pytest.approx(150, rel=0.01)
    assert stats.range_st < 0.3


def test_the_second_pass_range_follows_de_looze_and_hirst() -> None:
    f0 = np.linspace(100, 200, 101)
    floor, ceiling = pitch_range(f0)
    assert floor == pytest.approx(0.75 * 125)
    assert ceiling == pytest.approx(2.5 * 175)
    assert pitch_range(np.array([0.0, np.nan, 120.0])) == FIRST_PASS  # too little to go on


def test_too_little_voicing_gives_no_statistics() -> None:
    assert pitch_stats(np.full(100, np.nan)) is None
    assert pitch_stats(np.array([120.0] * 5 + [np.nan] * 95)) is None
