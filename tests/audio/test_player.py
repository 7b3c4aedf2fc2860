"""Playback on the real path: what the app plays reaches the virtual speaker unchanged."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pytest

from app.audio.devices import choose
from app.audio.player import Player
from tests.audio import rig
from tests.audio.test_recorder import speech_48k

pytestmark = pytest.mark.audio


def play_through(sd: Any, player: Player, timeout: float = 30) -> np.ndarray:
    with rig.tapping(sd) as tap:
        time.sleep(0.1)
        player.play()
        deadline = time.monotonic() + timeout
        while player.status().state == "playing" and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)
    return tap.audio()


def test_a_take_played_to_the_speaker_is_captured_unchanged(sd: Any) -> None:
    speech = speech_48k()
    player = Player(choose("output", "rig_speaker").device)
    player.load(speech, rig.RATE)
    captured = play_through(sd, player)
    _offset, corr = rig.align(speech, captured)
    assert corr >= 0.99
    assert player.status().underflows == 0


def test_pause_seek_and_position(sd: Any) -> None:
    player = Player(choose("output", "rig_speaker").device)
    player.load(np.zeros(rig.RATE * 3, np.float32), rig.RATE)
    player.play()
    time.sleep(0.5)
    player.pause()
    paused_at = player.status().position_s
    assert 0.2 < paused_at < 1.2
    time.sleep(0.3)
    assert player.status().position_s == paused_at
    player.seek(2.5)
    player.play()
    deadline = time.monotonic() + 3
    while player.status().state == "playing" and time.monotonic() < deadline:
        time.sleep(0.02)
    status = player.status()
    assert status.state == "stopped"
    assert status.position_s == pytest.approx(3.0)
