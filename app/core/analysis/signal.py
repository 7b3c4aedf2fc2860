"""Reading a take and cutting it into clean, 16 kHz chunks.

Everything downstream sees the take as a series of overlapping chunks, never as one array:
an hour-long file then costs a few megabytes of working memory, not gigabytes, and a
30-second take is simply a single chunk.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from math import gcd
from pathlib import Path
from typing import Protocol

import numpy as np
import soundfile as sf

from app.core.analysis.errors import AudioFileError
from app.core.i18n import _

RATE = 16_000  # Silero VAD runs at 16 kHz, and speech needs nothing above 8 kHz.
CORE_S = 30  # seconds of take per chunk: one chunk for a whole take
MARGIN_S = 1  # context on each side, so window-based measures agree across chunk joins
HIGHPASS_HZ = (40.0, 80.0)  # rumble, handling noise and DC lie below any voice
LOWEST_RATE = 8_000
_READ_BLOCK = 16_384


class AudioSource(Protocol):
    """Mono audio that can be read from the start more than once."""

    @property
    def samplerate(self) -> int: ...

    def blocks(self) -> Iterator[np.ndarray]:
        """Consecutive float32 mono blocks, from the first sample to the last."""
        ...


@dataclass(frozen=True)
class ArraySource:
    samples: np.ndarray  # (frames,) or (frames, channels), any numeric dtype
    samplerate: int

    def blocks(self) -> Iterator[np.ndarray]:
        step = self.samplerate * 10
        for start in range(0, len(self.samples), step):
            yield to_mono_float32(self.samples[start : start + step])


@dataclass(frozen=True)
class FileSource:
    path: Path
    samplerate: int

    @classmethod
    def open(cls, path: Path) -> FileSource:
        if not path.is_file():
            raise AudioFileError(_("There is no audio file at {path}.").format(path=path))
        try:
            info = sf.info(str(path))
        except (sf.LibsndfileError, RuntimeError, OSError) as error:
            raise AudioFileError(
                _("{path} is not an audio file that can be read.").format(path=path)
            ) from error
        return cls(path, int(info.samplerate))

    def blocks(self) -> Iterator[np.ndarray]:
        # The header's frame count is not trusted: a recorder killed mid-take leaves a FLAC
        # file whose length is unknown, so we read until the decoder has nothing more.
        with sf.SoundFile(str(self.path)) as file:
            buffer = np.empty((_READ_BLOCK, file.channels), dtype=np.float32)
            while True:
                buffer.fill(np.nan)
                try:
                    count = file.buffer_read_into(buffer, "float32")
                except sf.LibsndfileError:
                    # libsndfile reports the end of such a file (or a torn last frame) as an
                    # error and discards the count of that last read; decoded samples are
                    # never NaN, so the filled rows tell us how many it got.
                    unread = np.isnan(buffer[:, 0])
                    count = int(unread.argmax()) if unread.any() else len(buffer)
                    if count:
                        yield to_mono_float32(buffer[:count])
                    return
                if count == 0:
                    return
                yield to_mono_float32(buffer[:count])


def to_mono_float32(samples: np.ndarray) -> np.ndarray:
    """Mix the channels (see ``downmix``); integers are scaled to [-1, 1)."""
    data = np.asarray(samples)
    if data.dtype.kind in "iu":
        info = np.iinfo(data.dtype)
        scale = 2.0 / (int(info.max) - int(info.min) + 1)
        offset = (int(info.max) + int(info.min) + 1) / 2
        data = (data.astype(np.float32) - np.float32(offset)) * np.float32(scale)
    if data.ndim == 2:
        data = downmix(data)
    return np.asarray(data, dtype=np.float32).reshape(-1)


# A channel this strongly opposite to the reference would cancel it in a plain average.
OPPOSITE_CORRELATION = -0.5


def downmix(data: np.ndarray) -> np.ndarray:
    """The mean of (frames, channels) float audio, with no channel cancelling another.

    A take whose channels are opposite in phase (one cable wired backwards, or a stereo
    microphone's difference channel) averages to silence. A channel strongly opposite to the
    reference channel (the first, unless it is nearly silent: then the loudest) is turned over
    before the mix. Channels that merely differ are averaged as they are.
    """
    data = np.asarray(data, dtype=np.float32)
    if data.ndim != 2 or data.shape[1] < 2 or not len(data):
        return data.mean(axis=1, dtype=np.float32) if data.ndim == 2 else data
    # Phase is a matter of what sounds, not of a constant offset: compared without it.
    sound = data - data.mean(axis=0, dtype=np.float32)
    energy = np.einsum("ij,ij->j", sound, sound, dtype=np.float64)
    reference = 0 if energy[0] >= 0.01 * energy.max() else int(energy.argmax())
    dots = (sound.T @ sound[:, reference]).astype(np.float64)
    correlation = dots / np.maximum(np.sqrt(energy * energy[reference]), 1e-30)
    signs = np.where(correlation < OPPOSITE_CORRELATION, -1.0, 1.0).astype(np.float32)
    if (signs > 0).all():
        return data.mean(axis=1, dtype=np.float32)
    return (data @ signs) / np.float32(data.shape[1])


@dataclass
class Chunk:
    """Clean 16 kHz audio for the stretch [core_start, core_end) of the take, with context."""

    audio: np.ndarray  # float32, starting at start_s
    start_s: float
    core_start: int  # sample index (16 kHz, from the take's start) of the first core sample
    core_end: int

    @property
    def core(self) -> np.ndarray:
        first = self.core_start - round(self.start_s * RATE)
        return self.audio[first : first + self.core_end - self.core_start]


@dataclass
class InputStats:
    """What reading the take revealed about its condition, before any cleaning."""

    frames: int = 0  # at 16 kHz
    input_samples: int = 0  # at the source's own rate
    nonfinite: int = 0
    clipped: int = 0

    @property
    def duration_s(self) -> float:
        return self.frames / RATE


def iter_chunks(source: AudioSource, stats: InputStats | None = None) -> Iterator[Chunk]:
    """Clean 16 kHz chunks of the whole take, each with MARGIN_S of neighbouring audio."""
    rate = source.samplerate
    if rate < LOWEST_RATE:
        raise AudioFileError(
            _("The sample rate of this recording ({rate} Hz) is too low to analyse.").format(
                rate=rate
            )
        )
    core, margin = CORE_S * rate, MARGIN_S * rate
    # Chunks are cut at whole seconds so every one maps onto a whole number of 16 kHz samples.
    parts = [np.zeros(margin, dtype=np.float32)]  # silence before the take starts
    buffered = margin
    taken = 0  # input samples of the take consumed so far
    done = 0  # input samples of the take already emitted as chunk cores
    for block in source.blocks():
        block = _inspect(block, stats)
        parts.append(block)
        buffered += len(block)
        taken += len(block)
        while buffered >= margin + core + margin:
            pending = np.concatenate(parts)
            yield _make_chunk(pending[: margin + core + margin], done, core, rate)
            parts, buffered = [pending[core:]], len(pending) - core
            done += core
    rest = taken - done
    if rest > 0:
        unit = rate // gcd(rate, RATE)
        padded = -(-rest // unit) * unit
        tail = np.zeros(margin + padded + margin, dtype=np.float32)
        tail[:buffered] = np.concatenate(parts)
        chunk = _make_chunk(tail, done, padded, rate)
        chunk.core_end = min(chunk.core_end, taken * RATE // rate)
        yield chunk
    if stats is not None:
        stats.frames = taken * RATE // rate


def _inspect(block: np.ndarray, stats: InputStats | None) -> np.ndarray:
    finite = np.isfinite(block)
    if not finite.all():
        block = np.where(finite, block, np.float32(0.0))
    if stats is not None:
        stats.input_samples += len(block)
        stats.nonfinite += int(finite.size - np.count_nonzero(finite))
        # A converter rail sits at full scale; counting samples there finds clipping
        # whatever the gain, as long as the recording was not normalised afterwards.
        stats.clipped += int(np.count_nonzero(np.abs(block) >= 0.999))
    return block


def _make_chunk(window: np.ndarray, done: int, core: int, rate: int) -> Chunk:
    margin = (len(window) - core) // 2
    audio = clean(window, rate)
    scale = RATE / rate
    core_start = done * RATE // rate
    return Chunk(
        audio=audio,
        start_s=(done - margin) / rate,
        core_start=core_start,
        core_end=core_start + round(core * scale),
    )


def clean(window: np.ndarray, rate: int) -> np.ndarray:
    """High-pass and resample to 16 kHz in one FFT (the window length maps exactly)."""
    # Single precision throughout: ample for audio, and half the memory of a chunk.
    x = window.astype(np.float32)
    x -= x.mean()  # so the zero context at the take's edges is not a step the filter rings on
    step = gcd(rate, RATE)
    unit_in, unit_out = rate // step, RATE // step
    # Zero-padded to a length whose FFT is fast. The filter's ringing where the circular
    # transform wraps the window's end onto its start stays within the margins.
    units = _smooth_at_least(-(-len(x) // unit_in))
    n_in, n_out = units * unit_in, units * unit_out
    spectrum = np.fft.rfft(x, n_in)
    keep = n_out // 2 + 1
    if len(spectrum) < keep:  # upsampling: the missing band is silence
        spectrum = np.concatenate([spectrum, np.zeros(keep - len(spectrum), spectrum.dtype)])
    spectrum = spectrum[:keep]
    hertz_per_bin = rate / n_in
    low, high = HIGHPASS_HZ
    _taper(spectrum, np.arange(int(high / hertz_per_bin) + 1) * hertz_per_bin, low, high)
    top = min(rate, RATE) / 2
    # A short slope below the new Nyquist frequency instead of a brick wall, against ringing.
    first = int(0.95 * top / hertz_per_bin)
    freqs = np.arange(first, keep) * hertz_per_bin
    _taper(spectrum[first:], freqs, top, 0.95 * top)
    out = np.fft.irfft(spectrum, n_out) * (n_out / n_in)
    return out[: len(x) * RATE // rate]


def _taper(bins: np.ndarray, freqs: np.ndarray, zero_at: float, one_at: float) -> None:
    """Scale bins[:len(freqs)] in place by a raised cosine from 0 at zero_at to 1 at one_at."""
    ramp = np.clip((freqs - zero_at) / (one_at - zero_at), 0.0, 1.0)
    bins[: len(freqs)] *= 0.5 - 0.5 * np.cos(np.pi * ramp)


def _smooth_at_least(n: int) -> int:
    """The smallest number >= n with no prime factor above 5 (FFTs of it are fast)."""
    best = 1 << max(n - 1, 0).bit_length()
    power5 = 1
    while power5 < best:
        power35 = power5
        while power35 < best:
            candidate = power35
            while candidate < n:
                candidate *= 2
            best = min(best, candidate)
            power35 *= 3
        power5 *= 5
    return best
