"""Turning a take (48 kHz, maybe stereo) into the 16 kHz mono float32 that Whisper takes."""

from __future__ import annotations

import numpy as np

from app.core.analysis.signal import downmix

WHISPER_RATE = 16_000


def to_mono_16k(samples: np.ndarray, samplerate: int) -> np.ndarray:
    """``samples`` as (frames,) or soundfile's (frames, channels), in floats or integers,
    as mono float32 at 16 kHz.

    Resampling goes through one FFT of the whole take: band-limited exactly at the new
    Nyquist frequency for any pair of rates, in a few lines of numpy. It holds the take in
    memory, which is fine for takes of minutes, not for hours.
    """
    if samplerate <= 0:
        raise ValueError(f"samplerate must be positive, not {samplerate}")
    audio = np.asarray(samples)
    if audio.ndim not in (1, 2):
        raise ValueError(f"expected (frames,) or (frames, channels), not shape {audio.shape}")
    if np.issubdtype(audio.dtype, np.integer):
        audio = audio / float(np.iinfo(audio.dtype).max + 1)
    if audio.ndim == 2:
        audio = downmix(audio)
    if samplerate == WHISPER_RATE or len(audio) == 0:
        return np.ascontiguousarray(audio, dtype=np.float32)
    frames_out = round(len(audio) * WHISPER_RATE / samplerate)
    # irfft crops (downsampling) or zero-pads (upsampling) the spectrum to frames_out.
    spectrum = np.fft.rfft(audio.astype(np.float64))
    resampled = np.fft.irfft(spectrum, frames_out) * (frames_out / len(audio))
    return resampled.astype(np.float32)
