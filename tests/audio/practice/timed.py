"""Test-side streams that know *when*: a tap that stamps what the speaker played with its ADC
time, and a feed that starts a signal at a chosen DAC time, both on PortAudio's stream clock
(the app's recorder and player use the same one)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from tests.audio import rig

RATE = rig.RATE


class TimedTap:
    """Everything played to rig_speaker, with the stream time of its first sample."""

    def __init__(self, sd: Any) -> None:
        self.blocks: list[tuple[float, np.ndarray]] = []
        self._lock = threading.Lock()
        self.stream = sd.InputStream(
            device="rig_tap", samplerate=RATE, channels=1, dtype="float32", callback=self._callback
        )

    def _callback(self, data: np.ndarray, _frames: int, time: Any, _status: Any) -> None:
        with self._lock:
            self.blocks.append((time.inputBufferAdcTime, data[:, 0].copy()))

    def audio(self) -> tuple[float, np.ndarray]:
        """The stream time of the first sample, and all samples since."""
        with self._lock:
            blocks = list(self.blocks)
        if not blocks:
            return 0.0, np.zeros(0, np.float32)
        return blocks[0][0], np.concatenate([b for _t, b in blocks])

    def sounds(self, floor: float = 1e-4, gap_s: float = 0.3) -> list[tuple[float, float]]:
        """(start, end) stream times of the sounds heard so far, apart by at least ``gap_s``;
        the last one only once ``gap_s`` of silence has followed it."""
        first, audio = self.audio()
        loud = np.flatnonzero(np.abs(audio) > floor)
        if not len(loud):
            return []
        breaks = np.flatnonzero(np.diff(loud) > gap_s * RATE)
        starts = np.concatenate([[loud[0]], loud[breaks + 1]])
        ends = np.concatenate([loud[breaks], [loud[-1]]]) + 1
        found = [(first + s / RATE, first + e / RATE) for s, e in zip(starts, ends, strict=True)]
        if len(audio) - ends[-1] < gap_s * RATE:
            found.pop()
        return found


class ScheduledFeed:
    """Plays ``signal`` into rig_mic starting at a stream time set later with ``start_at``."""

    def __init__(self, sd: Any, signal: np.ndarray) -> None:
        self.signal = signal
        self.at: float | None = None
        self.pos = 0
        self.stream = sd.OutputStream(
            device="rig_feed", samplerate=RATE, channels=1, dtype="float32", callback=self._callback
        )

    def start_at(self, stream_time: float) -> None:
        self.at = stream_time

    def _callback(self, out: np.ndarray, frames: int, time: Any, _status: Any) -> None:
        out[:] = 0
        at = self.at
        if at is None or self.pos >= len(self.signal):
            return
        skip = 0 if self.pos else max(0, round((at - time.outputBufferDacTime) * RATE))
        if skip >= frames:
            return
        chunk = self.signal[self.pos : self.pos + frames - skip]
        out[skip : skip + len(chunk), 0] = chunk
        self.pos += len(chunk)


@contextmanager
def timed_tap(sd: Any) -> Iterator[TimedTap]:
    tap = TimedTap(sd)
    with tap.stream:
        yield tap


@contextmanager
def scheduled_feed(sd: Any, signal: np.ndarray) -> Iterator[ScheduledFeed]:
    feed = ScheduledFeed(sd, signal)
    with feed.stream:
        yield feed
