"""Reading and cleaning audio: resampling, channels, sample formats, damaged FLAC files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from app.core.analysis import AudioFileError
from app.core.analysis.signal import (
    CORE_S,
    RATE,
    ArraySource,
    FileSource,
    InputStats,
    iter_chunks,
    to_mono_float32,
)
from tests.core.analysis.conftest import load


def cleaned(source: ArraySource | FileSource) -> tuple[np.ndarray, InputStats]:
    stats = InputStats()
    audio = np.concatenate([chunk.core for chunk in iter_chunks(source, stats)])
    return audio, stats


@pytest.mark.parametrize("rate", [8_000, 16_000, 22_050, 44_100, 48_000])
def test_any_rate_becomes_16_khz_without_distorting_speech_frequencies(rate: int) -> None:
    seconds = 2 * CORE_S + 5  # three chunks, so the joins are tested too
    t = np.arange(seconds * rate) / rate
    tone = 0.5 * np.sin(2 * np.pi * 440 * t) + 0.2 * np.sin(2 * np.pi * 3000 * t)
    audio, stats = cleaned(ArraySource(tone.astype(np.float32) + 0.3, rate))  # with a DC offset
    assert len(audio) == stats.frames == seconds * RATE
    u = np.arange(len(audio)) / RATE
    expected = 0.5 * np.sin(2 * np.pi * 440 * u) + 0.2 * np.sin(2 * np.pi * 3000 * u)
    inside = slice(RATE // 2, -RATE // 2)  # the take's own edges start and stop abruptly
    assert np.abs(audio - expected)[inside].max() < 1e-3


def test_rumble_below_the_voice_is_removed() -> None:
    t = np.arange(5 * RATE) / RATE
    audio, _ = cleaned(ArraySource((0.5 * np.sin(2 * np.pi * 20 * t)).astype(np.float32), RATE))
    assert np.abs(audio[RATE:-RATE]).max() < 1e-3


def test_integer_samples_and_channels_are_scaled_and_mixed() -> None:
    stereo = np.array([[32767, -32768], [16384, 16384], [-32768, -32768]], dtype=np.int16)
    assert to_mono_float32(stereo) == pytest.approx([-0.5 / 32768, 0.5, -1.0])
    assert to_mono_float32(np.array([0, 128, 255], dtype=np.uint8)) == pytest.approx(
        [-1.0, 0.0, 127 / 128]
    )


def _flac_with_unknown_length(path: Path, samples: np.ndarray, rate: int) -> bytes:
    """A FLAC file whose header says 'length unknown', as a recorder killed mid-take leaves."""
    sf.write(str(path), samples, rate, format="FLAC")
    data = bytearray(path.read_bytes())
    assert data[:4] == b"fLaC"
    info = 8  # STREAMINFO follows the marker and a 4-byte block header
    packed = int.from_bytes(data[info + 10 : info + 18], "big")
    packed &= ~((1 << 36) - 1)  # total samples: 0 means unknown
    data[info + 10 : info + 18] = packed.to_bytes(8, "big")
    data[info + 18 : info + 34] = bytes(16)  # no MD5 either
    return bytes(data)


def test_a_flac_of_unknown_length_is_read_to_its_end(tmp_path: Path) -> None:
    samples, rate = load("en_spont/acoustic_corpus.wav")
    path = tmp_path / "killed.flac"
    path.write_bytes(_flac_with_unknown_length(tmp_path / "whole.flac", samples, rate))
    assert sf.info(str(path)).frames != len(samples)  # the header really does not know
    audio, stats = cleaned(FileSource.open(path))
    assert stats.frames == len(samples)
    reference, _ = cleaned(ArraySource(samples, rate))
    assert np.abs(audio - reference).max() < 1e-4


def test_a_torn_flac_gives_what_was_written(tmp_path: Path) -> None:
    samples, rate = load("en_spont/acoustic_corpus.wav")
    whole = _flac_with_unknown_length(tmp_path / "whole.flac", samples, rate)
    path = tmp_path / "torn.flac"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    _, stats = cleaned(FileSource.open(path))
    assert 0.5 * len(samples) < stats.frames < 0.8 * len(samples)


def test_missing_and_undecodable_files_are_explained(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError, match="There is no audio file at"):
        FileSource.open(tmp_path / "nothing.wav")
    with pytest.raises(AudioFileError, match="There is no audio file at"):
        FileSource.open(tmp_path)
    text = tmp_path / "notes.wav"
    text.write_text("not audio")
    with pytest.raises(AudioFileError, match="is not an audio file that can be read"):
        FileSource.open(text)
