"""Playing a take: position, pause, seek and stop, counting output underflows.

The callback copies the next slice of a preloaded array into PortAudio's buffer and moves
the position on; everything else (pausing, seeking, noticing the end) happens in the caller.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from app.audio import streams
from app.audio.devices import Device, current
from app.audio.errors import AudioError, DeviceLostError
from app.audio.portaudio import sd
from app.audio.stream_errors import is_format_problem, translate

State = Literal["stopped", "playing", "paused"]
STALL_SECONDS = 2.0
TAIL_SECONDS = 0.2
# Playing back a take needs no quick reaction, but must never stutter: a deep buffer rides
# out a busy machine (35 ms, PortAudio's 'high', gave an underflow a minute under load).
LATENCY_SECONDS = 0.15


@dataclass(frozen=True)
class PlayerStatus:
    state: State
    position_s: float
    duration_s: float
    underflows: int
    error: AudioError | None


class Player:
    def __init__(self, device: Device | None, clock: Callable[[], float] = time.monotonic) -> None:
        self.device = device
        self._clock = clock
        self._data = np.zeros((0, 1), dtype=np.float32)
        self._rate = 48000
        self._pos = 0
        self._stream: Any = None
        self._state: State = "stopped"
        self._underflows = 0
        self._underflow_at: int | None = None
        self._tail = 0
        self._error: AudioError | None = None
        self._last_move = (0, 0.0)
        self._start_dac: float | None = None
        self._end_dac: float | None = None

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        pos = self._pos
        if status.output_underflow and pos < len(self._data):
            self._underflows += 1
            self._underflow_at = pos
        chunk = self._data[pos : pos + frames]
        n = len(chunk)
        outdata[:n] = chunk
        self._pos = pos + n
        if n and (pos == 0 or pos + n == len(self._data)):
            dac = time_info.outputBufferDacTime or time_info.currentTime
            if pos == 0:
                self._start_dac = dac
            if pos + n == len(self._data):
                self._end_dac = dac + n / self._rate
        if n < frames:
            outdata[n:] = 0
            # A little silence after the end, so the device drains on silence, not on the take.
            self._tail += frames - n
            if self._tail >= self._rate * TAIL_SECONDS:
                raise sd.CallbackStop

    def load(self, data: np.ndarray, samplerate: int) -> None:
        """Replace what is loaded (a (frames, channels) or 1-D float array) and rewind."""
        self.stop()
        array = np.asarray(data, dtype=np.float32)
        self._data = array.reshape(-1, 1) if array.ndim == 1 else array[:, :1].copy()
        self._rate = samplerate
        self._pos = 0
        self._start_dac = self._end_dac = None

    @property
    def samplerate(self) -> int:
        return self._rate

    @property
    def start_dac_time(self) -> float | None:
        """When the first sample reached (or will reach) the converter, on PortAudio's stream
        clock; None until it has been handed to the device."""
        return self._start_dac

    @property
    def end_dac_time(self) -> float | None:
        """When the sound after the last sample reaches the converter: the end as heard."""
        return self._end_dac

    def play(self) -> None:
        if self._state == "playing":
            return
        if self._pos >= len(self._data):
            self._pos = 0
        if self._pos == 0:
            self._start_dac = self._end_dac = None
        self._error = None
        self._tail = 0
        if self._stream is None:
            self._stream = self._open_stream()
        try:
            self._stream.start()
        except sd.PortAudioError as exc:
            self._close()
            raise translate(exc, self._device_name(), "output") from exc
        self._state = "playing"
        self._last_move = (self._pos, self._clock())

    def _open_stream(self) -> Any:
        self.device = current(self.device, "output")
        index = self.device.index if self.device else None
        last: Exception | None = None
        for channels in (1, 2):
            try:
                stream = sd.OutputStream(
                    device=index,
                    samplerate=self._rate,
                    channels=channels,
                    dtype="float32",
                    callback=self._callback,
                    latency=LATENCY_SECONDS,
                )
            except sd.PortAudioError as exc:
                last = exc
                if not is_format_problem(exc):
                    break
            else:
                streams.opened(self)
                return stream
        assert last is not None
        raise translate(last, self._device_name(), "output") from last

    def _device_name(self) -> str:
        return self.device.name if self.device else "default"

    def pause(self) -> None:
        if self._state != "playing":
            return
        try:
            self._stream.stop()
        except sd.PortAudioError:
            self._close()
        self._state = "paused"

    def toggle(self) -> None:
        if self._state == "playing":
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        self._close()
        self._state = "stopped"
        self._pos = 0

    def seek(self, seconds: float) -> None:
        self._pos = int(np.clip(seconds * self._rate, 0, len(self._data)))
        self._start_dac = self._end_dac = None
        self._last_move = (self._pos, self._clock())

    def _close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except sd.PortAudioError:
                pass
            streams.closed(self)

    def release_stream(self) -> bool:
        """Let go of the stream unless playing (a paused take keeps its place)."""
        if self.status().state == "playing":
            return False
        self._close()
        return True

    @property
    def underflow_at_s(self) -> float | None:
        """Where in the take the last underflow happened (for diagnostics)."""
        return None if self._underflow_at is None else self._underflow_at / self._rate

    def status(self) -> PlayerStatus:
        """Where playback is; also notices the end and a device that stopped taking sound."""
        if self._state == "playing" and self._stream is not None:
            if not self._stream.active or self._tail >= self._rate * TAIL_SECONDS:
                self._close()
                self._state = "stopped"
                self._pos = len(self._data)
            else:
                now = self._clock()
                if self._pos != self._last_move[0] or self._tail:
                    self._last_move = (self._pos, now)
                elif now - self._last_move[1] > STALL_SECONDS:
                    self._close()
                    self._state = "paused"
                    self._error = DeviceLostError.for_device(self._device_name(), "output")
        return PlayerStatus(
            self._state,
            self._pos / self._rate,
            len(self._data) / self._rate,
            self._underflows,
            self._error,
        )
