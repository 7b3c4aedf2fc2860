"""Signal processing on whole takes with numpy: the telephone band, resampling, envelopes.

Everything works on a loaded take at once (a take is at most a minute or two), in the
frequency domain, so filters can be as steep as a phone line's without a filter-design library.
"""

from __future__ import annotations

import numpy as np

# A phone line passes 300 to 3,400 Hz (ITU-T G.712); the edges fall off over a few hundred Hz.
PHONE_LOW_HZ = 300.0
PHONE_HIGH_HZ = 3400.0
LOW_EDGE_HZ = 100.0
HIGH_EDGE_HZ = 400.0
# Zero padding behind the take, so the filter's short ringing does not wrap around.
PAD_SECONDS = 0.1
# The filtered take starts and ends where the take does, in mid-ring; a short fade keeps
# those edges from clicking (a click is broadband, the very thing a phone line removes).
EDGE_FADE_SECONDS = 0.005


def _next_size(n: int) -> int:
    return 1 << max(0, n - 1).bit_length()


def _raised_cosine(x: np.ndarray) -> np.ndarray:
    """0 at x <= 0, 1 at x >= 1, smooth in between."""
    return 0.5 - 0.5 * np.cos(np.pi * np.clip(x, 0.0, 1.0))


def band_gain(freqs: np.ndarray, low: float, high: float) -> np.ndarray:
    """The phone line's gain at each frequency: 1 from ``low`` to ``high``, 0 well outside."""
    rise = _raised_cosine((freqs - (low - LOW_EDGE_HZ)) / LOW_EDGE_HZ)
    fall = 1.0 - _raised_cosine((freqs - high) / HIGH_EDGE_HZ)
    return rise * fall


def telephone_band(
    signal: np.ndarray, rate: int, low: float = PHONE_LOW_HZ, high: float = PHONE_HIGH_HZ
) -> np.ndarray:
    """``signal`` (1-D, or frames x channels) as it sounds through a phone line."""
    data = np.asarray(signal, dtype=np.float64)
    n = len(data)
    if n == 0:
        return np.asarray(signal, dtype=np.float32).copy()
    size = _next_size(n + int(PAD_SECONDS * rate))
    spectrum = np.fft.rfft(data, size, axis=0)
    gain = band_gain(np.fft.rfftfreq(size, 1.0 / rate), low, high)
    spectrum *= gain.reshape((-1,) + (1,) * (data.ndim - 1))
    out = np.fft.irfft(spectrum, size, axis=0)[:n]
    fade = min(n // 2, int(EDGE_FADE_SECONDS * rate))
    if fade:
        ramp = _raised_cosine(np.arange(fade) / fade).reshape((-1,) + (1,) * (data.ndim - 1))
        out[:fade] *= ramp
        out[n - fade :] *= ramp[::-1]
    return out.astype(np.float32)


def resample(signal: np.ndarray, rate_in: int, rate_out: int) -> np.ndarray:
    """A 1-D signal at another rate, band-limited by FFT (for short clips)."""
    data = np.asarray(signal, dtype=np.float64)
    if rate_in == rate_out or not len(data):
        return data.astype(np.float32)
    n_out = round(len(data) * rate_out / rate_in)
    out = np.fft.irfft(np.fft.rfft(data), n_out) * (n_out / len(data))
    return out.astype(np.float32)


def envelope(signal: np.ndarray, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """The lowest and highest sample in each of ``columns`` equal slices, to draw a waveform."""
    if columns <= 0 or not len(signal):
        return np.zeros(0, np.float32), np.zeros(0, np.float32)
    data = np.asarray(signal, dtype=np.float32).reshape(len(signal), -1)[:, 0]
    edges = np.linspace(0, len(data), columns + 1).astype(np.int64)
    starts = np.minimum(edges[:-1], len(data) - 1)
    return np.minimum.reduceat(data, starts), np.maximum.reduceat(data, starts)
