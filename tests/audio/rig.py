"""Test-side access to the virtual devices of ../shared/audio-rig (see its README).

The test plays into ``rig_feed`` (it comes out of the app's microphone ``rig_mic``) and
records from ``rig_tap`` (what the app played to ``rig_speaker``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest

RIG = Path(__file__).resolve().parents[3] / "shared" / "audio-rig" / "audio-rig.sh"
RATE = 48000


def rig_available() -> bool:
    return RIG.exists() and os.geteuid() == 0 and shutil.which("pactl") is not None


def start() -> Any:
    """Start the rig (idempotent) and return sounddevice, rescanned."""
    if not rig_available():
        pytest.skip("no audio rig on this machine (needs ../shared/audio-rig, Linux, root)")
    subprocess.run([str(RIG), "start"], check=True, capture_output=True)
    import sounddevice as sd

    names = [d["name"] for d in sd.query_devices()]
    if "rig_feed" not in names:
        sd._terminate()
        sd._initialize()
    return sd


class Feed:
    """Plays a signal once into the virtual microphone, then silence; can go on forever."""

    def __init__(
        self, sd: Any, signal: np.ndarray, delay_s: float = 0.0, latency: Any = "high"
    ) -> None:
        self.signal = np.concatenate([np.zeros(int(delay_s * RATE), np.float32), signal])
        self.pos = 0
        self.done = threading.Event()
        self.stream = sd.OutputStream(
            device="rig_feed",
            samplerate=RATE,
            channels=1,
            dtype="float32",
            callback=self._callback,
            latency=latency,
        )

    def _callback(self, out: np.ndarray, frames: int, _t: Any, _status: Any) -> None:
        chunk = self.signal[self.pos : self.pos + frames]
        out[: len(chunk), 0] = chunk
        out[len(chunk) :, 0] = 0
        self.pos += len(chunk)
        if self.pos >= len(self.signal):
            self.done.set()


@contextmanager
def feeding(
    sd: Any, signal: np.ndarray, delay_s: float = 0.0, latency: Any = "high"
) -> Iterator[Feed]:
    """Feed ``signal`` to the microphone; a deep ``latency`` (seconds) rides out a busy CPU."""
    feed = Feed(sd, signal, delay_s, latency)
    with feed.stream:
        yield feed


class Tap:
    """Records everything played to the virtual speaker while open."""

    def __init__(self, sd: Any) -> None:
        self.blocks: list[np.ndarray] = []
        self.stream = sd.InputStream(
            device="rig_tap",
            samplerate=RATE,
            channels=1,
            dtype="float32",
            callback=lambda data, *_: self.blocks.append(data[:, 0].copy()),
        )

    def audio(self) -> np.ndarray:
        return np.concatenate(self.blocks) if self.blocks else np.zeros(0, np.float32)


@contextmanager
def tapping(sd: Any) -> Iterator[Tap]:
    tap = Tap(sd)
    with tap.stream:
        yield tap


def resample(signal: np.ndarray, rate_in: int, rate_out: int = RATE) -> np.ndarray:
    """Band-limited resampling by FFT (fine for the short clips tests feed)."""
    n_out = round(len(signal) * rate_out / rate_in)
    spectrum = np.fft.rfft(signal)
    out = np.fft.irfft(spectrum, n_out) * (n_out / len(signal))
    return out.astype(np.float32)


def align(reference: np.ndarray, recorded: np.ndarray) -> tuple[int, float]:
    """Offset of ``reference`` inside ``recorded`` and their correlation there."""
    n = len(reference) + len(recorded)
    size = 1 << (n - 1).bit_length()
    xc = np.fft.irfft(np.fft.rfft(recorded, size) * np.conj(np.fft.rfft(reference, size)), size)
    offset = int(np.argmax(xc[: len(recorded) - len(reference) + 1]))
    segment = recorded[offset : offset + len(reference)]
    corr = float(np.corrcoef(reference, segment)[0, 1])
    return offset, corr


@contextmanager
def frozen_sound_server() -> Iterator[None]:
    """Freeze the rig's sound server (SIGSTOP): every device stops moving, as when one is lost."""
    import signal

    state = Path(os.environ.get("AUDIO_RIG_DIR", "/tmp/audio-rig-run"))
    pids = [
        int(line.split()[0])
        for line in (state / "pids").read_text().splitlines()
        if line.split()[1:] in (["pulseaudio"], ["pipewire"])
    ]
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)
