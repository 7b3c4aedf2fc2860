"""Bad audio gives a clear message or a sensible report, never a crash."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from app.core.analysis import (
    Analysis,
    NoSpeechError,
    SilentTakeError,
    TooShortError,
    analyze,
)
from app.core.analysis.describe import describe
from tests.core.analysis.conftest import SPEECH, load

READ = "en_read/sense_and_sensibility_01_concat_0870-0930.wav"


def speech() -> tuple[np.ndarray, int]:
    samples, rate = load(READ)
    return samples.copy(), rate


def assert_sensible(analysis: Analysis) -> None:
    data = analysis.to_json_dict()
    json.dumps(data, allow_nan=False)  # every number finite
    assert 0 < analysis.speech_s <= analysis.duration_s
    assert analysis.syllables > 0


@pytest.mark.parametrize(
    "samples",
    [np.zeros(5 * 16_000), np.random.default_rng(1).normal(0, 1e-5, 5 * 16_000)],
    ids=["digital silence", "a dead microphone's hiss"],
)
def test_silence_is_called_silence(samples: np.ndarray) -> None:
    with pytest.raises(SilentTakeError, match="This take is silent: nothing to analyse"):
        analyze(samples.astype(np.float32), 16_000)


def test_noise_without_speech_is_called_so() -> None:
    noise = np.random.default_rng(2).normal(0, 0.05, 5 * 16_000).astype(np.float32)
    with pytest.raises(NoSpeechError, match="No speech was found in this take"):
        analyze(noise, 16_000)


@pytest.mark.parametrize("frames", [0, 160, 15_999])
def test_too_short_is_called_too_short(frames: int) -> None:
    with pytest.raises(TooShortError, match="too short to analyse"):
        analyze(np.zeros(frames, dtype=np.float32), 16_000)


def test_clipping_is_reported_and_the_rest_still_measured() -> None:
    samples, rate = speech()
    clean = analyze(samples, rate)
    clipped = analyze(np.clip(samples * 20, -1, 1), rate)
    assert clipped.clipped_fraction > 0.01
    assert clean.clipped_fraction == 0
    assert_sensible(clipped)
    assert abs(len(clipped.pauses) - len(clean.pauses)) <= 1
    assert any("clipped" in text for text in describe(clipped).suggestions)


def test_a_dc_offset_changes_nothing() -> None:
    samples, rate = speech()
    clean, shifted = analyze(samples, rate), analyze(samples + 0.4, rate)
    assert len(shifted.pauses) == len(clean.pauses)
    for a, b in zip(clean.pauses, shifted.pauses, strict=True):
        assert abs(a.start_s - b.start_s) <= 0.02 and abs(a.end_s - b.end_s) <= 0.02
    assert abs(shifted.syllables - clean.syllables) <= 1


def test_nan_and_infinite_samples_are_treated_as_dropouts() -> None:
    samples, rate = speech()
    damaged = samples.copy()
    damaged[np.random.default_rng(3).integers(0, len(damaged), 2000)] = np.nan
    damaged[5 * rate : 5 * rate + 100] = np.inf
    analysis = analyze(damaged, rate)
    assert analysis.damaged_fraction == pytest.approx(2100 / len(damaged), rel=0.05)
    assert_sensible(analysis)


def test_all_nan_is_silence() -> None:
    with pytest.raises(SilentTakeError):
        analyze(np.full(3 * 16_000, np.nan, dtype=np.float32), 16_000)


@pytest.mark.parametrize("rate", [8_000, 44_100, 48_000])
def test_other_rates_and_integer_stereo_agree_with_16_khz(rate: int) -> None:
    samples, native = speech()
    base = analyze(samples, native)
    resampled = np.interp(
        np.arange(int(len(samples) * rate / native)) * native / rate,
        np.arange(len(samples)),
        samples,
    )
    stereo = np.stack([resampled, resampled * 0.5], axis=1)
    other = analyze((stereo * 32767).astype(np.int16), rate)
    assert abs(other.duration_s - base.duration_s) < 0.01
    assert abs(len(other.pauses) - len(base.pauses)) <= 1
    assert abs(other.syllables - base.syllables) <= 0.1 * base.syllables
    assert base.pitch is not None and other.pitch is not None
    assert other.pitch.median_hz == pytest.approx(base.pitch.median_hz, rel=0.03)


HOUR_SCRIPT = textwrap.dedent(
    """
    import json, resource, sys, tracemalloc
    import numpy as np, soundfile as sf
    from app.core.analysis import analyze
    samples, rate = sf.read(sys.argv[1], dtype="float32")
    analyze(samples, rate)  # libraries and the Silero model loaded before measuring
    hour = np.resize(samples, 3600 * rate)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    result = analyze(hour, rate)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "duration_s": result.duration_s, "pauses": len(result.pauses),
        "syllables": result.syllables, "traced_peak_mb": peak / 1e6,
        "rss_growth_mb": (after - before) / 1024, "input_mb": hour.nbytes / 1e6,
    }))
    """
)


@pytest.mark.slow
def test_an_hour_is_analysed_in_bounded_memory() -> None:
    # In a fresh process, so the resident-set figure covers Praat's and onnxruntime's own
    # allocations too, which tracemalloc cannot see.
    out = subprocess.run(
        [sys.executable, "-c", HOUR_SCRIPT, str(SPEECH / READ)],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    figures = json.loads(out.stdout)
    assert math.isclose(figures["duration_s"], 3600, abs_tol=0.01)
    assert figures["pauses"] > 100 and figures["syllables"] > 10_000
    assert figures["traced_peak_mb"] < 40  # the input itself is 230 MB
    assert figures["rss_growth_mb"] < 120


def test_a_stereo_take_with_channels_opposite_in_phase_is_not_silent(tmp_path: Path) -> None:
    """One channel wired backwards: the plain average of the two is digital silence."""
    from app.core.analysis import analyze_file
    from app.core.feedback.measure import envelope
    from app.core.transcript.resample import to_mono_16k

    samples, rate = speech()
    base = analyze(samples, rate)
    path = tmp_path / "take.flac"
    sf.write(str(path), np.stack([samples, -samples], axis=1), rate, format="FLAC")

    other = analyze_file(path)  # as the app reads a take

    assert abs(other.syllables - base.syllables) <= 0.1 * base.syllables
    assert abs(other.speech_s - base.speech_s) < 0.2
    stereo, _rate = sf.read(str(path), dtype="float32")
    # The transcript and the waveform mix the channels the same way.
    assert np.abs(to_mono_16k(stereo, rate)).max() > 0.5 * np.abs(samples).max()
    assert envelope(stereo, rate).highs.max() > 0.5 * np.abs(samples).max()
