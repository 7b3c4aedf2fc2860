"""Measuring a take for its report: the analysis, the pitch track it was made from, and the
waveform's outline. Runs on a worker thread (about 0.35 s for a 30 s take on two cores)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.core.analysis import Analysis, analyze
from app.core.analysis.analyze import MIN_DURATION_S, MIN_SPEECH_S, SILENT_DB, measure
from app.core.analysis.features import compute_tracks
from app.core.analysis.pauses import speech_span
from app.core.analysis.signal import ArraySource, downmix
from app.core.analysis.vad import speech_frames

ENVELOPE_BINS = 4000  # more than any screen is wide, few enough to redraw in a millisecond


@dataclass(frozen=True)
class PitchTrack:
    """F0 in Hz per frame of ``step_s`` (frame k centred at (k + 0.5) * step_s), NaN where
    there is no voiced speech."""

    f0_hz: np.ndarray
    step_s: float


@dataclass(frozen=True)
class Envelope:
    """The waveform's outline: the lowest and highest sample in each of equal bins."""

    lows: np.ndarray
    highs: np.ndarray
    duration_s: float


def envelope(samples: np.ndarray, samplerate: int, bins: int = ENVELOPE_BINS) -> Envelope:
    """The min/max outline of ``samples`` ((frames,) or (frames, channels)) in ``bins`` bins."""
    data = np.asarray(samples, dtype=np.float32)
    mono = downmix(data) if data.ndim == 2 else data
    count = len(mono)
    duration = count / samplerate if samplerate > 0 else 0.0
    if count == 0:
        empty = np.zeros(0, dtype=np.float32)
        return Envelope(empty, empty, duration)
    starts = np.linspace(0, count, min(bins, count) + 1).astype(np.int64)[:-1]
    return Envelope(np.minimum.reduceat(mono, starts), np.maximum.reduceat(mono, starts), duration)


def analyze_with_pitch(samples: np.ndarray, samplerate: int) -> tuple[Analysis, PitchTrack | None]:
    """``analyze(samples, samplerate)``, and the pitch track the analysis measured.

    The analysis package keeps its frame tracks to itself, and tracking the pitch a second
    time for the drawing would cost a quarter more. So this takes the package's own steps,
    with its own pieces and thresholds; a take its checks would refuse goes to ``analyze``
    itself, which raises its own error in its own words.
    """
    data = np.asarray(samples)
    if data.ndim not in (1, 2) or data.size == 0 or len(data) < MIN_DURATION_S * samplerate:
        return analyze(data, samplerate), None
    tracks = compute_tracks(ArraySource(data, samplerate))
    speech = speech_frames(tracks.level, tracks.speech_prob)
    sure = np.count_nonzero(speech & (tracks.speech_prob >= 0.5)) * tracks.step_s
    span = speech_span(speech, tracks.step_s)
    if (
        tracks.stats.duration_s < MIN_DURATION_S
        or tracks.frames == 0
        or float(np.max(tracks.energy_db)) < SILENT_DB
        or span is None
        or sure < MIN_SPEECH_S
    ):
        return analyze(data, samplerate), None
    f0 = np.where(speech, tracks.f0_hz, np.nan).astype(np.float32)
    return measure(tracks, speech, span), PitchTrack(f0, tracks.step_s)
