"""Looking again for devices (PortAudio restarts) never pulls a stream from under a page: it
waits for a running recording or playback, and a paused take plays on from its place."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import Any

import pytest

from app.audio import streams
from app.audio.devices import DevicesInUseError, choose, current, rescan
from app.audio.errors import DeviceLostError
from app.audio.files import read_audio
from app.audio.player import Player
from app.audio.recorder import Recorder
from tests.audio import rig
from tests.audio.test_player import play_through
from tests.audio.test_recorder import speech_48k

pytestmark = pytest.mark.audio


def test_a_paused_take_plays_on_from_its_place_after_a_rescan(sd: Any) -> None:
    speech = speech_48k()[: rig.RATE * 4]
    player = Player(choose("output", "rig_speaker").device)
    player.load(speech, rig.RATE)
    player.play()
    time.sleep(0.5)
    with pytest.raises(DevicesInUseError, match="Stop it"):
        rescan()
    assert player.status().state == "playing"  # nothing was cut
    player.pause()
    paused_at = player.status().position_s
    before = streams.generation()

    rescan()

    assert streams.generation() == before + 1 and streams.in_use() == 0
    assert player.status().state == "paused"
    assert player.status().position_s == paused_at
    captured = play_through(sd, player)  # opens a new stream on the restarted PortAudio
    rest = speech[round((paused_at + 0.05) * rig.RATE) :]  # wholly inside what was heard
    _offset, corr = rig.align(rest, captured)
    assert corr >= 0.99
    assert player.device is not None and player.device.generation == streams.generation()


def test_a_recording_is_never_cut_by_a_rescan(sd: Any, tmp_path: Path) -> None:
    speech = speech_48k()[: rig.RATE * 3]
    recorder = Recorder(choose("input", "rig_mic").device)
    with rig.feeding(sd, speech, delay_s=0.3) as feed:
        recorder.start(tmp_path / "take.flac")
        time.sleep(1.0)
        with pytest.raises(DevicesInUseError):
            rescan()
        assert recorder.status().recording
        feed.done.wait(10)
        time.sleep(0.3)
        result = recorder.stop()
    assert result.error is None and result.overflows == 0
    data, _rate = read_audio(result.path)
    _offset, corr = rig.align(speech, data[:, 0])
    assert corr >= 0.99
    assert streams.in_use() == 0
    rescan()  # stopped: the recorder holds nothing now


def test_device_numbers_are_looked_up_again_after_a_rescan(sd: Any) -> None:
    speaker = choose("output", "rig_speaker").device
    assert current(speaker, "output") is speaker  # same generation: as it was
    renumbered = dataclasses.replace(speaker, index=9999)  # as PortAudio numbered it before
    rescan()
    assert current(renumbered, "output") == speaker
    gone = dataclasses.replace(speaker, name="USB headset")
    with pytest.raises(DeviceLostError, match="USB headset"):
        current(gone, "output")
