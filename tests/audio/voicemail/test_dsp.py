"""The phone line, resampling and waveform envelopes, on signals whose truth is known."""

from __future__ import annotations

import numpy as np
import soundfile as sf

from app.audio.dsp import envelope, resample, telephone_band
from tests.conftest import SPEECH

RATE = 48000


def band_energy(signal: np.ndarray, low: float, high: float, rate: int = RATE) -> float:
    spectrum = np.abs(np.fft.rfft(signal)) ** 2
    freqs = np.fft.rfftfreq(len(signal), 1 / rate)
    return float(spectrum[(freqs >= low) & (freqs < high)].sum())


def tone(hz: float, seconds: float = 1.0) -> np.ndarray:
    return (0.5 * np.sin(2 * np.pi * hz * np.arange(int(seconds * RATE)) / RATE)).astype(np.float32)


def test_white_noise_loses_at_least_30_db_above_4_khz() -> None:
    noise = (0.2 * np.random.default_rng(1).standard_normal(RATE * 2)).astype(np.float32)
    phone = telephone_band(noise, RATE)
    drop = 10 * np.log10(band_energy(noise, 4000, RATE / 2) / band_energy(phone, 4000, RATE / 2))
    assert drop >= 30, f"{drop:.1f} dB"
    kept = 10 * np.log10(band_energy(noise, 400, 3300) / band_energy(phone, 400, 3300))
    assert abs(kept) < 0.1


def test_the_voice_band_passes_and_its_edges_are_cut() -> None:
    def gain_db(hz: float) -> float:
        x = tone(hz)
        y = telephone_band(x, RATE)
        middle = slice(RATE // 4, 3 * RATE // 4)  # away from the ends
        return 20 * np.log10(np.std(y[middle]) / np.std(x[middle]))

    assert abs(gain_db(1000)) < 0.1
    assert abs(gain_db(3000)) < 0.1
    assert abs(gain_db(400)) < 0.1
    assert gain_db(4500) < -60
    assert gain_db(100) < -60


def test_speech_through_the_phone_line_keeps_its_shape_in_the_band() -> None:
    speech, rate = sf.read(SPEECH / "en_read" / "sense_and_sensibility_01_austen_64kb-0870.wav")
    phone = telephone_band(speech.astype(np.float32), rate)
    assert len(phone) == len(speech)
    above = band_energy(phone, 4000, rate / 2, rate) / band_energy(speech, 4000, rate / 2, rate)
    assert 10 * np.log10(above) < -30
    inside = band_energy(phone, 400, 3300, rate) / band_energy(speech, 400, 3300, rate)
    assert abs(10 * np.log10(inside)) < 0.1


def test_stereo_and_empty_signals() -> None:
    stereo = np.stack([tone(5000), tone(1000)], axis=1)
    out = telephone_band(stereo, RATE)
    assert out.shape == stereo.shape
    assert np.max(np.abs(out[:, 0])) < 0.01 < np.std(out[:, 1])  # no click at either end
    assert telephone_band(np.zeros(0, np.float32), RATE).shape == (0,)


def test_resampling_keeps_the_pitch() -> None:
    x = tone(440)[: RATE // 2]
    y = resample(x, RATE, 22050)
    assert len(y) == 22050 // 2
    peak = np.argmax(np.abs(np.fft.rfft(y))) * 22050 / len(y)
    assert abs(peak - 440) < 2.5


def test_envelope_gives_the_range_of_each_slice() -> None:
    x = np.array([0, 1, -1, 0.5, 0, 0, -0.25, 0.75], np.float32)
    lows, highs = envelope(x, 4)
    assert lows.tolist() == [0, -1, 0, -0.25]
    assert highs.tolist() == [1, 0.5, 0, 0.75]
    assert len(envelope(x, 100)[0]) == 100
    assert len(envelope(np.zeros(0, np.float32), 10)[0]) == 0
