"""One practice run's recording: written to disk as it is made, listened to at the same time,
with PortAudio's clock mapped onto its frames.

The recorder's writer thread hands every block it writes to a queue; the caller drains it
into a Listener whenever it likes (a GUI timer), so how late that happens changes when the
app *knows* about a voice, never *where* in the recording the voice is found. The first
block's ADC time ties the recording to PortAudio's stream clock, which a player's DAC times
share (same host API): a prospect's line that ends at DAC time t ended at frame
(t - first ADC time) * rate of the recording.
"""

from __future__ import annotations

import contextlib
import queue
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from app.audio.recorder import Recorder, Recording
from app.core.analysis import vad
from app.core.practice.call import Heard
from app.core.practice.listening import Listener


class LiveRecording:
    def __init__(self, recorder: Recorder, clock: Callable[[], float] = time.monotonic) -> None:
        self.recorder = recorder
        self._clock = clock
        self._blocks: queue.SimpleQueue[np.ndarray] = queue.SimpleQueue()
        self._stack = contextlib.ExitStack()
        self.listener: Listener | None = None

    @property
    def rate(self) -> int:
        return self.recorder.samplerate

    def start(self, path: Path) -> None:
        """Start recording into ``path`` (new); raises AudioError like Recorder.start."""
        model = self._stack.enter_context(vad.silero())
        self.recorder.monitor = self._blocks
        try:
            self.recorder.start(path)
        except BaseException:
            self._stack.close()
            raise
        self.listener = Listener(self.recorder.samplerate, model)

    @property
    def anchored(self) -> bool:
        """The first block has arrived, so stream times can be turned into frames."""
        return self.recorder.first_adc_time is not None

    def pump(self) -> None:
        """Hand what the writer has written since the last call to the listener."""
        listener = self.listener
        if listener is None:
            return
        while True:
            try:
                block = self._blocks.get_nowait()
            except queue.Empty:
                return
            listener.feed(block)

    def heard(self, since: int) -> Heard:
        assert self.listener is not None
        return self.listener.heard(since)

    @property
    def frames(self) -> int:
        """Frames on disk so far."""
        return self.recorder.status().frames

    def stream_now(self) -> float | None:
        return self.recorder.stream_time()

    def from_monotonic(self, moment: float) -> float | None:
        """A moment on the monotonic clock as PortAudio stream time (for things, such as the
        system's speech engine, that only say *when* they did something)."""
        now = self.recorder.stream_time()
        return None if now is None else moment + (now - self._clock())

    def frame_at(self, stream_time: float) -> int | None:
        first = self.recorder.first_adc_time
        return None if first is None else round((stream_time - first) * self.rate)

    def stop(self) -> Recording:
        try:
            result = self.recorder.stop()
            self.pump()
        finally:
            self.recorder.monitor = None
            self._stack.close()
        return result
