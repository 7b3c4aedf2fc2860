"""Measuring a take for its report: the same analysis as the analysis package's, the pitch
track it came from, and the outline of the waveform."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from app.core.analysis import SilentTakeError, TooShortError, analyze
from app.core.feedback import analyze_with_pitch, envelope
from tests.conftest import SPEECH


@pytest.mark.parametrize(
    "clip",
    ["en_spont/acoustic_corpus.wav", "en_read/sense_and_sensibility_01_concat_0870-0930.wav"],
)
def test_the_analysis_is_the_analysis_packages_own(clip: str) -> None:
    samples, rate = sf.read(str(SPEECH / clip), dtype="float32")
    analysis, pitch = analyze_with_pitch(samples, rate)
    assert analysis == analyze(samples, rate)
    assert pitch is not None and pitch.step_s == 0.01
    assert len(pitch.f0_hz) == pytest.approx(analysis.duration_s / 0.01, abs=1)
    # The drawn contour is exactly what the statistics were taken from.
    voiced = pitch.f0_hz[np.isfinite(pitch.f0_hz)]
    assert analysis.pitch is not None
    assert float(np.median(voiced)) == pytest.approx(analysis.pitch.median_hz, rel=1e-6)
    # Nothing is drawn where the analysis heard no speech: before the first word.
    assert not np.isfinite(pitch.f0_hz[: int(analysis.speech_start_s / 0.01)]).any()


def test_takes_the_analysis_refuses_fail_in_its_own_words() -> None:
    rate = 16_000
    with pytest.raises(SilentTakeError) as silent:
        analyze_with_pitch(np.zeros(3 * rate, dtype=np.float32), rate)
    with pytest.raises(SilentTakeError) as own:
        analyze(np.zeros(3 * rate, dtype=np.float32), rate)
    assert str(silent.value) == str(own.value)
    with pytest.raises(TooShortError):
        analyze_with_pitch(np.zeros(rate // 2, dtype=np.float32), rate)


def test_the_outline_holds_each_bins_lowest_and_highest_sample() -> None:
    ramp = np.linspace(-1.0, 1.0, 1000, dtype=np.float32)
    outline = envelope(ramp, 1000, bins=10)
    np.testing.assert_array_equal(outline.lows, ramp[::100])
    np.testing.assert_array_equal(outline.highs, ramp[99::100])
    assert outline.duration_s == 1.0


def test_the_outline_of_a_stereo_short_or_empty_take() -> None:
    stereo = np.stack([np.full(6, 0.5), np.full(6, -0.1)], axis=1).astype(np.float32)
    outline = envelope(stereo, 48_000, bins=100)
    assert len(outline.lows) == 6  # never more bins than samples
    np.testing.assert_allclose(outline.highs, 0.2)
    empty = envelope(np.zeros((0, 1), dtype=np.float32), 48_000)
    assert len(empty.lows) == 0 and empty.duration_s == 0.0
