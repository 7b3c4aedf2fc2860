"""A 60-second recording while a take plays: no input overflow, no output underflow."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from app.audio.devices import choose
from app.audio.files import read_audio
from app.audio.player import Player
from app.audio.recorder import Recorder
from tests.audio import rig
from tests.audio.test_recorder import speech_48k

pytestmark = [pytest.mark.audio, pytest.mark.slow]


def test_sixty_seconds_of_recording_with_playback(sd: Any, tmp_path: Path) -> None:
    speech = speech_48k()
    looped = np.tile(speech, int(62 * rig.RATE / len(speech)) + 1)
    recorder = Recorder(choose("input", "rig_mic").device)
    player = Player(choose("output", "rig_speaker").device)
    player.load(looped[: 60 * rig.RATE], rig.RATE)
    # the test's own feed must not glitch either: on a loaded machine it needs a deep buffer
    with rig.feeding(sd, looped, latency=0.25), rig.tapping(sd):
        recorder.start(tmp_path / "long.flac", limit_frames=60 * rig.RATE)
        player.play()
        while recorder.status().recording:
            time.sleep(0.05)
        result = recorder.stop()
        while player.status().state == "playing":
            time.sleep(0.05)
    data, _rate = read_audio(result.path)
    assert len(data) == 60 * rig.RATE
    assert result.overflows == 0
    assert player.status().underflows == 0, f"underflow at {player.underflow_at_s} s"
    # no block lost or repeated: the looped speech lines up over the whole minute
    _offset, corr = rig.align(looped[rig.RATE : 50 * rig.RATE], data[:, 0])
    assert corr >= 0.99
