"""Streaming conversion of microphone audio to the 16 kHz that voice detection works at.

The analysis resamples whole takes in one FFT (app.core.analysis.signal.clean); live audio
comes in blocks of a few milliseconds, so here a windowed-sinc low-pass runs over each block
with the previous block's tail as context, and the 16 kHz samples are read off the filtered
signal (exactly, for 48 kHz; by linear interpolation for rates 16 kHz does not divide).
Output sample k stands for input time k / 16000 s: the filter is centred, so nothing lags.
"""

from __future__ import annotations

import numpy as np

OUT_RATE = 16_000
CUTOFF_HZ = 6_500.0  # voice detection needs the band up to ~8 kHz only roughly
HALF_TAPS_PER_KHZ = 0.7  # filter half-length per kHz of input rate: 33 taps a side at 48 kHz


def lowpass(rate: int, cutoff_hz: float = CUTOFF_HZ) -> np.ndarray:
    half = max(8, round(HALF_TAPS_PER_KHZ * rate / 1000))
    n = np.arange(-half, half + 1)
    taps = 2 * cutoff_hz / rate * np.sinc(2 * cutoff_hz / rate * n) * np.blackman(2 * half + 1)
    return (taps / taps.sum()).astype(np.float32)


class Downsampler:
    def __init__(self, rate: int) -> None:
        if rate < OUT_RATE:
            raise ValueError(f"cannot make 16 kHz audio from {rate} Hz")
        self.rate = rate
        self._taps = lowpass(rate) if rate != OUT_RATE else np.ones(1, np.float32)
        self._half = len(self._taps) // 2
        # Input before the first block is taken as silence.
        self._context = np.zeros(2 * self._half + 1, np.float32)
        self._taken = 0  # input samples received
        self._next = 0  # index of the next 16 kHz sample to produce

    def feed(self, block: np.ndarray) -> np.ndarray:
        """The 16 kHz samples that ``block`` completes (possibly none)."""
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        if not len(block):
            return np.zeros(0, np.float32)
        data = np.concatenate([self._context, block])
        self._taken += len(block)
        self._context = data[-(2 * self._half + 1) :]
        filtered = np.convolve(data, self._taps, mode="valid")
        # filtered[i] is the filtered input at index first + i
        first = self._taken - len(data) + self._half
        last = first + len(filtered) - 1
        # Output k reads the filtered signal at input position k * rate / OUT_RATE (and the
        # sample after it, when that position falls between two samples).
        stop = (last * OUT_RATE) // self.rate  # the last k whose position is <= last
        ks = np.arange(self._next, stop + 1)
        if not len(ks):
            return np.zeros(0, np.float32)
        self._next = int(ks[-1]) + 1
        position = ks * self.rate
        whole = position // OUT_RATE - first
        fraction = (position % OUT_RATE / OUT_RATE).astype(np.float32)
        after = np.minimum(whole + 1, len(filtered) - 1)
        return filtered[whole] * (1 - fraction) + filtered[after] * fraction
