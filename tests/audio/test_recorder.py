"""The recorder on the real PortAudio path, through the virtual microphone."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from app.audio.devices import choose
from app.audio.files import read_audio
from app.audio.recorder import Recorder
from tests.audio import rig
from tests.conftest import SPEECH

pytestmark = pytest.mark.audio


def speech_48k() -> np.ndarray:
    clip, rate = sf.read(SPEECH / "en_read" / "sense_and_sensibility_01_austen_64kb-0870.wav")
    return 0.8 * rig.resample(clip.astype(np.float32), rate) / np.max(np.abs(clip))


def record(sd: Any, path: Path, signal: np.ndarray, seconds: float) -> Any:
    recorder = Recorder(choose("input", "rig_mic").device)
    with rig.feeding(sd, signal, delay_s=0.3):
        recorder.start(path, limit_frames=round(seconds * rig.RATE))
        while recorder.status().recording:
            time.sleep(0.02)
        return recorder.stop()


def test_speech_fed_to_the_microphone_comes_back_in_the_take(sd: Any, tmp_path: Path) -> None:
    speech = speech_48k()
    seconds = len(speech) / rig.RATE + 1.0
    result = record(sd, tmp_path / "take.flac", speech, seconds)
    assert result.error is None
    data, rate = read_audio(result.path)
    assert rate == rig.RATE
    assert abs(len(data) / rate - seconds) < 0.05
    offset, corr = rig.align(speech, data[:, 0])
    assert corr >= 0.99, f"correlation {corr:.4f} at offset {offset}"
    assert result.overflows == 0


def test_recording_stops_at_its_frame_limit(sd: Any, tmp_path: Path) -> None:
    result = record(sd, tmp_path / "take.flac", speech_48k(), 1.234)
    data, _rate = read_audio(result.path)
    assert len(data) == round(1.234 * rig.RATE) == result.frames


def test_first_audio_reaches_disk_promptly(sd: Any, tmp_path: Path) -> None:
    recorder = Recorder(choose("input", "rig_mic").device)
    started = time.monotonic()
    recorder.start(tmp_path / "take.flac")
    while recorder.first_write_at is None and time.monotonic() - started < 2:
        time.sleep(0.002)
    recorder.stop()
    assert recorder.first_write_at is not None
    assert recorder.first_write_at - started < 0.5


def test_an_existing_file_is_never_overwritten(sd: Any, tmp_path: Path) -> None:
    path = tmp_path / "take.flac"
    path.write_bytes(b"precious")
    recorder = Recorder(choose("input", "rig_mic").device)
    with pytest.raises(Exception, match="exists"):
        recorder.start(path)
    assert path.read_bytes() == b"precious"
