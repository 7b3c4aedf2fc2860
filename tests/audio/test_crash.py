"""A recording killed with SIGKILL keeps all but its last second, and the app recovers it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from app.audio.files import read_audio
from app.core.paths import database_path
from app.core.store import connect
from app.core.takes import TakeStore
from tests.audio import rig
from tests.audio.test_recorder import speech_48k

pytestmark = pytest.mark.audio


def test_killed_recording_leaves_audio_and_is_listed_as_recovered(
    sd: Any, home: Path, tmp_path: Path, qtbot: Any
) -> None:
    out = tmp_path / "checked.flac"
    env = {**os.environ, "PITCHBACK_HOME": str(home)}
    with rig.feeding(sd, speech_48k()):
        library = subprocess.Popen(
            [sys.executable, "-m", "app", "record", "--seconds", "30", "--device", "rig_mic"],
            env=env,
            stderr=subprocess.PIPE,
        )
        plain = subprocess.Popen(
            [sys.executable, "-m", "app", "record", "--seconds", "30", "--out", str(out)],
            env=env,
            stderr=subprocess.PIPE,
        )
        for proc in (library, plain):  # wait until each says it is recording
            assert proc.stderr is not None
            assert b"Recording" in proc.stderr.readline()
        time.sleep(5)
        library.send_signal(signal.SIGKILL)
        plain.send_signal(signal.SIGKILL)
        for proc in (library, plain):
            proc.wait()
            assert proc.stderr is not None
            proc.stderr.close()

    data, rate = read_audio(out)
    assert len(data) / rate >= 4.0

    store = TakeStore(connect(database_path(home)), home)
    (listed,) = store.list_takes()  # in sight (as unfinished) even before the app repairs it
    assert listed.unfinished

    from app.__main__ import build

    window = build(home)  # the next start of the app
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.audio_ready, timeout=10000):
        window.show()
    page = window.takes_page
    assert page.model.rowCount() == 1
    take = page.model.take_at(0)
    assert take.recovered and take.duration_s >= 4.0
    assert page.model.data(page.model.index(0, 2)) == "(recovered)"
    assert "recovered" in window.notice.text()
    audio, rate = read_audio(store.path_of(take))
    assert len(audio) / rate == pytest.approx(take.duration_s)
    window.close()
