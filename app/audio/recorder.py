"""Recording from a microphone into a FLAC file, without blocking anybody.

Three activities, none waiting on another: PortAudio's callback only counts and copies each
block into a queue; a writer thread streams the blocks to disk (flushing often, so a crash
loses at most the last fraction of a second) and measures the level; the caller polls.
The limit is counted in frames inside the callback, so a 30 s take is 30 s to the frame.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

from app.audio import streams
from app.audio.devices import Device, current
from app.audio.errors import AudioError, DeviceLostError, DiskFullError, is_disk_full
from app.audio.levels import Level, to_db
from app.audio.portaudio import sd
from app.audio.stream_errors import is_format_problem, translate

FLUSH_SECONDS = 0.25
STALL_SECONDS = 2.0
# A microphone that vanished under the sound server (PulseAudio moves the stream to a monitor
# or a null source) sends exact digital silence: no real microphone is this quiet and still.
DEAD_SILENCE_DB = -90.0
DEAD_SILENCE_SECONDS = 3.0
_DEAD_PEAK = 10 ** (DEAD_SILENCE_DB / 20)


def is_dead_silence(block: np.ndarray) -> bool:
    """Digital silence: every sample the same, at or below -90 dBFS."""
    return bool(block.size) and abs(float(block[0])) <= _DEAD_PEAK and not np.any(block - block[0])


def measure(block: np.ndarray) -> Level:
    if not block.size:
        return Level()
    peak = float(np.max(np.abs(block)))
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
    return Level(to_db(peak), to_db(rms))


@dataclass(frozen=True)
class RecorderStatus:
    frames: int
    samplerate: int
    level: Level
    overflows: int
    recording: bool
    reached_limit: bool
    error: AudioError | None
    device_silent: bool = False  # only digital silence for DEAD_SILENCE_SECONDS (see above)

    @property
    def seconds(self) -> float:
        return self.frames / self.samplerate if self.samplerate else 0.0


@dataclass(frozen=True)
class Recording:
    path: Path
    frames: int
    samplerate: int
    overflows: int
    error: AudioError | None

    @property
    def seconds(self) -> float:
        return self.frames / self.samplerate


class Recorder:
    def __init__(
        self,
        device: Device | None,
        samplerate: int = 48000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.device = device
        self.preferred_rate = samplerate
        self._clock = clock
        self._stream: Any = None
        self._writer: threading.Thread | None = None
        self._queue: queue.SimpleQueue[np.ndarray | None] = queue.SimpleQueue()
        self._path: Path | None = None
        # Set before start() to get every block written, mono, as it reaches the disk (from
        # the writer thread, never the callback): for listening while recording.
        self.monitor: queue.SimpleQueue[np.ndarray] | None = None
        self._reset()

    def _reset(self) -> None:
        self._frames = 0
        self._written = 0
        self._overflows = 0
        self._limit: int | None = None
        self._abort = False
        self._stopping = False
        self._dead_frames = 0
        self._reached_limit = False
        self._error: AudioError | None = None
        self._level = Level()
        self._first_write_at: float | None = None
        self._first_adc: float | None = None
        self._first_callback: float | None = None
        self.samplerate = self.preferred_rate
        self.channels = 1

    # -- the PortAudio thread: count and copy, nothing else -------------------------------
    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if self._first_adc is None:
            self._first_adc = time_info.inputBufferAdcTime
            self._first_callback = time_info.currentTime
        if status.input_overflow:
            self._overflows += 1
        if self._abort:
            raise sd.CallbackAbort
        limit = self._limit
        if limit is not None and self._frames + frames >= limit:
            keep = max(0, limit - self._frames)
            self._queue.put_nowait(indata[:keep].copy())
            self._frames += keep
            self._reached_limit = True
            raise sd.CallbackStop
        self._queue.put_nowait(indata.copy())
        self._frames += frames

    def _finished(self) -> None:
        # The stream ends by itself (stop(), the limit, an abort) or because PortAudio or the
        # sound server ended it (an error, a server gone): the latter is a lost device.
        if not (self._stopping or self._reached_limit or self._abort):
            self._fail(DeviceLostError.for_device(self._device_name()))
        self._queue.put_nowait(None)

    # -- the writer thread -----------------------------------------------------------------
    def _write_loop(self, file: sf.SoundFile) -> None:
        unflushed = 0
        last_block = self._clock()
        try:
            while True:
                try:
                    block = self._queue.get(timeout=0.2)
                except queue.Empty:
                    if self._clock() - last_block > STALL_SECONDS and self._stream is not None:
                        self._fail(DeviceLostError.for_device(self._device_name()))
                        return
                    continue
                if block is None:
                    return
                last_block = self._clock()
                if self._error is not None or not len(block):
                    continue
                mono = block[:, 0] if self.channels == 1 else block.mean(axis=1)
                file.write(mono)
                if self.monitor is not None:
                    self.monitor.put_nowait(mono)
                self._written += len(mono)
                unflushed += len(mono)
                self._level = measure(mono)
                self._dead_frames = self._dead_frames + len(mono) if is_dead_silence(mono) else 0
                if self._first_write_at is None or unflushed >= self.samplerate * FLUSH_SECONDS:
                    file.flush()
                    unflushed = 0
                    if self._first_write_at is None:
                        self._first_write_at = self._clock()
        except Exception as exc:
            if is_disk_full(exc):
                self._fail(DiskFullError.create())
            else:
                self._fail(AudioError(str(exc)))
        finally:
            try:
                file.close()
            except Exception as exc:
                if self._error is None and is_disk_full(exc):
                    self._error = DiskFullError.create()

    def _fail(self, error: AudioError) -> None:
        if self._error is None:
            self._error = error
        self._abort = True

    def _device_name(self) -> str:
        return self.device.name if self.device else "default"

    # -- the caller's side -----------------------------------------------------------------
    @property
    def recording(self) -> bool:
        return self._writer is not None and self._writer.is_alive()

    def start(self, path: Path, limit_frames: int | None = None) -> None:
        """Start recording into a new file at ``path`` (which must not exist yet)."""
        if self._stream is not None:
            raise RuntimeError("already recording")
        self._reset()
        self._limit = limit_frames
        self._queue = queue.SimpleQueue()
        stream = self._open_stream()
        streams.opened(self)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            file = sf.SoundFile(
                path,
                mode="x",
                samplerate=self.samplerate,
                channels=1,
                format="FLAC",
                subtype="PCM_16",
            )
        except Exception as exc:
            self._close(stream, abort=True)
            if is_disk_full(exc):
                raise DiskFullError.create() from exc
            raise AudioError(str(exc)) from exc
        self._path = path
        self._stream = stream
        self._writer = threading.Thread(
            target=self._write_loop, args=(file,), name="take-writer", daemon=True
        )
        self._writer.start()
        try:
            stream.start()
        except sd.PortAudioError as exc:
            self.stop()
            raise translate(exc, self._device_name(), "input") from exc

    def _open_stream(self) -> Any:
        self.device = current(self.device, "input")
        index = self.device.index if self.device else None
        rates = [self.preferred_rate]
        if self.device and int(self.device.default_samplerate) not in rates:
            rates.append(int(self.device.default_samplerate))
        attempts = [(rate, ch) for rate in rates for ch in (1, 2)]
        last: Exception | None = None
        for rate, channels in attempts:
            try:
                stream = sd.InputStream(
                    device=index,
                    samplerate=rate,
                    channels=channels,
                    dtype="float32",
                    callback=self._callback,
                    finished_callback=self._finished,
                )
            except sd.PortAudioError as exc:
                last = exc
                if is_format_problem(exc):
                    continue
                break
            self.samplerate, self.channels = rate, channels
            return stream
        assert last is not None
        raise translate(last, self._device_name(), "input") from last

    def _close(self, stream: Any, abort: bool) -> None:
        with contextlib.suppress(sd.PortAudioError):
            if abort:
                stream.abort()
            else:
                stream.stop()
        with contextlib.suppress(sd.PortAudioError):
            stream.close()
        streams.closed(self)

    def release_stream(self) -> bool:
        """A recorder's stream is open from start() until stop() has closed it: never let go."""
        return False

    def set_limit(self, frames: int | None) -> None:
        """Change the frame limit while recording ("let me finish" lifts it with None)."""
        self._limit = frames

    def status(self) -> RecorderStatus:
        return RecorderStatus(
            frames=self._written,
            samplerate=self.samplerate,
            level=self._level,
            overflows=self._overflows,
            recording=self.recording and not self._reached_limit and self._error is None,
            reached_limit=self._reached_limit,
            error=self._error,
            device_silent=self._dead_frames >= DEAD_SILENCE_SECONDS * self.samplerate,
        )

    @property
    def first_write_at(self) -> float | None:
        """When the first block reached the disk, on this recorder's clock."""
        return self._first_write_at

    @property
    def first_adc_time(self) -> float | None:
        """When the recording's first frame entered the converter, on PortAudio's stream clock
        (the clock of every stream of the same host API, so a player's DAC times compare).

        Falls back to the first callback's time where the host API gives no ADC time.
        """
        return self._first_adc or self._first_callback

    def stream_time(self) -> float | None:
        """PortAudio's stream clock now (None when not recording)."""
        stream = self._stream
        if stream is None:
            return None
        try:
            return float(stream.time)
        except sd.PortAudioError:
            return None

    def stop(self) -> Recording:
        """Stop, finish the file, and say what was recorded (and any error on the way)."""
        stream, writer, path = self._stream, self._writer, self._path
        if stream is None or writer is None or path is None:
            raise RuntimeError("not recording")
        self._stream = None
        self._stopping = True
        if self._abort:
            # A lost device can block abort() for as long as its driver or sound server hangs;
            # what was recorded is already on disk, so the GUI does not wait for it.
            threading.Thread(target=self._close, args=(stream, True), daemon=True).start()
        else:
            self._close(stream, abort=False)
        self._queue.put_nowait(None)
        writer.join(timeout=10)
        self._writer = None
        return Recording(path, self._written, self.samplerate, self._overflows, self._error)
