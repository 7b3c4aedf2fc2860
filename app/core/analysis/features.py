"""Frame tracks of a take (10 ms grid): band energy, Silero speech probability, Praat's
intensity and pitch. Computed chunk by chunk; everything later works on these small arrays."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import chain, islice

import numpy as np
import parselmouth

from app.core.analysis.pitch import FIRST_PASS, FIRST_PASS_STEP_S, pitch_range
from app.core.analysis.signal import RATE, AudioSource, Chunk, InputStats, iter_chunks
from app.core.analysis.silero_worker import WORKER, window_probs
from app.core.analysis.vad import (
    STEP,
    STEP_S,
    SileroStream,
    band_energy_db,
    energy_levels,
    frame_count,
    per_frame,
    silero,
)

INTENSITY_MIN_PITCH = 50.0  # de Jong & Wempe (2009): a 64 ms window smooths within a syllable
# Takes of up to this many chunks are held whole: cheap (a few MB), and Silero can then run in
# parallel. Longer ones are streamed twice instead (pitch needs its first pass over all).
_SHORT_CHUNKS = 3


@dataclass
class Tracks:
    """Per-frame measures; frame k is centred at (k + 0.5) * step_s seconds."""

    energy_db: np.ndarray  # 200 Hz to 8 kHz, dB re full scale
    level: np.ndarray  # energy on the take's scale: 0 at the noise floor, 1 at speech level
    speech_prob: np.ndarray  # Silero's
    intensity_db: np.ndarray
    f0_hz: np.ndarray  # NaN where Praat hears no voicing
    pitch_floor: float
    pitch_ceiling: float
    stats: InputStats
    step_s: float = STEP_S

    @property
    def frames(self) -> int:
        return len(self.energy_db)


def compute_tracks(source: AudioSource) -> Tracks:
    stats = InputStats()
    chunks = iter_chunks(source, stats)
    head = list(islice(chunks, _SHORT_CHUNKS + 1))
    if len(head) <= _SHORT_CHUNKS:
        return _short_take(head, stats)
    return _long_take(source, chain(_handed_over(head), chunks), stats)


def _handed_over(items: list[Chunk]) -> Iterator[Chunk]:
    """The items, each dropped from the list as it is taken (chunks are megabytes each)."""
    items.reverse()
    while items:
        yield items.pop()


def _short_take(chunks: list[Chunk], stats: InputStats) -> Tracks:
    """A take of a few chunks: Silero runs in the helper process while Praat works here."""
    audio = np.concatenate([chunk.core for chunk in chunks]) if chunks else np.empty(0)
    pending = WORKER.begin(audio)
    try:
        first = _first_passes((chunk, _sound(chunk)) for chunk in chunks)
        pitch = _second_pass(first, first.kept, stats)
    finally:
        probs = None
        if pending is not None:
            with suppress(OSError, EOFError):
                probs = pending()
    if probs is None:
        with silero() as model:
            probs = window_probs(model, audio)
    return _tracks(first, pitch, probs, stats)


def _long_take(source: AudioSource, chunks: Iterator[Chunk], stats: InputStats) -> Tracks:
    """A long take: chunk by chunk, all here, so that memory stays bounded."""
    with silero() as model:
        stream = SileroStream(model)

        def fed() -> Iterator[tuple[Chunk, parselmouth.Sound]]:
            for chunk in chunks:
                stream.feed(chunk.core)
                yield chunk, _sound(chunk)

        first = _first_passes(fed(), keep=False)
        probs = stream.finish()
    rebuilt = ((chunk, _sound(chunk)) for chunk in iter_chunks(source))
    return _tracks(first, _second_pass(first, rebuilt, stats), probs, stats)


@dataclass
class _FirstPass:
    energy: list[np.ndarray] = field(default_factory=list)
    intensity: list[np.ndarray] = field(default_factory=list)
    f0: list[np.ndarray] = field(default_factory=list)
    kept: list[tuple[Chunk, parselmouth.Sound]] = field(default_factory=list)


@dataclass
class _Pitch:
    f0: np.ndarray
    floor: float
    ceiling: float


def _first_passes(
    pairs: Iterable[tuple[Chunk, parselmouth.Sound]], keep: bool = True
) -> _FirstPass:
    """Energy, intensity and the first, wide pitch pass, chunk by chunk."""
    out = _FirstPass()
    for chunk, sound in pairs:
        first, count = _frames_of(chunk)
        times = _centres(first, count)
        out.energy.append(band_energy_db(chunk.audio, _index(chunk, first), count))
        level = sound.to_intensity(minimum_pitch=INTENSITY_MIN_PITCH, time_step=STEP_S)
        out.intensity.append(np.interp(times, level.xs(), level.values[0]).astype(np.float32))
        out.f0.append(_first_pass(sound, times))
        if keep:
            out.kept.append((chunk, sound))
    return out


def _second_pass(
    first: _FirstPass, pairs: Iterable[tuple[Chunk, parselmouth.Sound]], stats: InputStats
) -> _Pitch:
    floor, ceiling = pitch_range(np.concatenate(first.f0) if first.f0 else np.empty(0))
    f0 = np.full(frame_count(stats.frames), np.nan, dtype=np.float32)
    for chunk, sound in pairs:
        start, count = _frames_of(chunk)
        # Praat's own time step (0.75 / floor): the second pass is exactly the method's.
        pitch = sound.to_pitch_ac(pitch_floor=floor, pitch_ceiling=ceiling)
        f0[start : start + count] = _at(pitch, _centres(start, count))
    return _Pitch(f0, floor, ceiling)


def _tracks(first: _FirstPass, pitch: _Pitch, probs: np.ndarray, stats: InputStats) -> Tracks:
    frames = frame_count(stats.frames)
    energy_db = _joined(first.energy, frames)
    return Tracks(
        energy_db=energy_db,
        level=energy_levels(energy_db),
        speech_prob=per_frame(probs, frames),
        intensity_db=_joined(first.intensity, frames),
        f0_hz=pitch.f0,
        pitch_floor=pitch.floor,
        pitch_ceiling=pitch.ceiling,
        stats=stats,
    )


def _sound(chunk: Chunk) -> parselmouth.Sound:
    return parselmouth.Sound(chunk.audio, RATE, chunk.start_s)


def _first_pass(sound: parselmouth.Sound, times: np.ndarray) -> np.ndarray:
    """Voiced F0 of the wide first pitch pass, within the given span of times."""
    if len(times) == 0:
        return np.empty(0, dtype=np.float32)
    floor, ceiling = FIRST_PASS
    rough = sound.to_pitch_ac(time_step=FIRST_PASS_STEP_S, pitch_floor=floor, pitch_ceiling=ceiling)
    xs = rough.xs()
    values = rough.selected_array["frequency"][(xs >= times[0]) & (xs <= times[-1])]
    return values[values > 0].astype(np.float32)


def _index(chunk: Chunk, frame: int) -> int:
    """Where the centre of a grid frame lies in the chunk's audio."""
    return frame * STEP + STEP // 2 - round(chunk.start_s * RATE)


def _frames_of(chunk: Chunk) -> tuple[int, int]:
    """The grid frames whose centres lie in the chunk's core."""
    first = frame_count(chunk.core_start)
    return first, frame_count(chunk.core_end) - first


def _centres(first: int, count: int) -> np.ndarray:
    return (np.arange(first, first + count) + 0.5) * STEP_S


def _at(pitch: parselmouth.Pitch, times: np.ndarray) -> np.ndarray:
    """F0 of the nearest Praat frame at each time, NaN where that frame is unvoiced."""
    xs = pitch.xs()
    values = pitch.selected_array["frequency"].astype(np.float32)
    values[values <= 0] = np.nan
    index = np.clip(np.round((times - xs[0]) / pitch.time_step).astype(int), 0, len(xs) - 1)
    return values[index]


def _joined(parts: list[np.ndarray], frames: int) -> np.ndarray:
    joined = np.concatenate(parts) if parts else np.empty(0, dtype=np.float32)
    return joined[:frames]
