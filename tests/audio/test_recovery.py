"""Recovery never deletes audio (issue 10, #1, #15): a take whose file cannot be repaired is
kept and listed; a take a crash left a moment ago is not mistaken for one being recorded."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from app.core.paths import database_path, takes_dir
from app.core.store import connect
from app.core.takes import TakeStore
from tests.audio import rig
from tests.audio.test_recorder import speech_48k
from tests.small_disk import fill, small_disk

RATE = 48000


def abandoned_take(conn: sqlite3.Connection, home: Path, seconds: float) -> Path:
    """A take as a recorder that died leaves it: its row says 'recording', its file has audio."""
    folder = takes_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "20261203-101500-000000.flac"
    noise = np.random.default_rng(7).uniform(-0.5, 0.5, round(seconds * RATE)).astype(np.float32)
    sf.write(path, noise, RATE, format="FLAC", subtype="PCM_16")
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    conn.execute(
        "INSERT INTO takes(name, created_at, samplerate, file, state) "
        "VALUES('', '2026-12-03T10:15:00+00:00', ?, ?, 'recording')",
        (RATE, f"{folder.name}/{path.name}"),
    )
    return path


def test_a_failed_repair_keeps_the_take_and_its_audio(home: Path) -> None:
    from app.audio.takes_io import recover

    with small_disk(home, "2m"):
        store = TakeStore(connect(database_path(home)), home)
        path = abandoned_take(store.conn, home, 6.0)
        size = path.stat().st_size
        fill(home, leave=64 * 1024)  # no room for the repaired copy: the repair must fail
        recover(store)
        assert path.exists() and path.stat().st_size == size  # not deleted, not truncated
        (listed,) = store.list_takes()
        assert listed.unfinished and listed.duration_s == 6.0
        assert not list(takes_dir(home).glob("*.repair"))  # its half-written copy is gone
        store.conn.close()


def written(home: Path) -> int:
    return sum(f.stat().st_size for f in takes_dir(home).glob("*.flac"))


@pytest.mark.audio
def test_restarting_right_after_a_crash_lists_the_take(sd: Any, home: Path, qtbot: Any) -> None:
    from app.__main__ import build

    env = {**os.environ, "PITCHBACK_HOME": str(home)}
    with rig.feeding(sd, speech_48k()):
        recording = subprocess.Popen(
            [sys.executable, "-m", "app", "record", "--seconds", "30", "--device", "rig_mic"],
            env=env,
            stderr=subprocess.PIPE,
        )
        try:
            assert recording.stderr is not None
            assert b"Recording" in recording.stderr.readline()
            qtbot.waitUntil(lambda: written(home) > 120_000, timeout=10000)
        finally:
            recording.kill()  # a crash; the app starts again at once
            recording.wait()
            assert recording.stderr is not None
            recording.stderr.close()

    window = build(home)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.audio_ready, timeout=10000):
        window.show()
    page = window.takes_page
    assert page.model.rowCount() == 1
    take = page.model.take_at(0)
    assert take.recovered and take.duration_s >= 1.0
    assert "recovered" in window.notice.text()
    window.close()
