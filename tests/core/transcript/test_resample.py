"""Takes arrive at 48 kHz, maybe in stereo or as integers; Whisper wants 16 kHz mono floats."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.transcript.resample import to_mono_16k


def tone(hz: float, rate: int, seconds: float = 1.0, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(round(rate * seconds)) / rate
    return amplitude * np.sin(2 * np.pi * hz * t)


def peak_hz(signal: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(signal * np.hanning(len(signal))))
    return float(np.fft.rfftfreq(len(signal), 1 / rate)[np.argmax(spectrum)])


@pytest.mark.parametrize("rate", [48_000, 44_100, 22_050, 8_000])
def test_a_tone_keeps_its_pitch_and_level(rate: int) -> None:
    out = to_mono_16k(tone(1000.0, rate), rate)
    assert out.dtype == np.float32
    assert len(out) == 16_000
    assert peak_hz(out, 16_000) == pytest.approx(1000.0, abs=2.0)
    assert np.sqrt(np.mean(out[1000:-1000] ** 2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.01)


def test_what_16_khz_cannot_hold_is_removed_not_folded_back() -> None:
    # A 10 kHz tone would alias to 6 kHz if it were merely decimated.
    out = to_mono_16k(tone(10_000.0, 48_000), 48_000)
    assert np.max(np.abs(out)) < 1e-3


def test_stereo_is_mixed_and_integers_are_scaled() -> None:
    left = (tone(440.0, 16_000) * 32768).astype(np.int16)
    stereo = np.stack([left, np.zeros_like(left)], axis=1)
    out = to_mono_16k(stereo, 16_000)
    assert np.max(np.abs(out)) == pytest.approx(0.25, rel=0.01)


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="samplerate"):
        to_mono_16k(np.zeros(10), 0)
    with pytest.raises(ValueError, match="shape"):
        to_mono_16k(np.zeros((2, 2, 2)), 16_000)
