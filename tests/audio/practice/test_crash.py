"""A practice run killed mid-call keeps its recording and every turn up to then."""

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
from app.core.library import ScriptLibrary
from app.core.paths import database_path
from app.core.practice import PracticeStore
from app.core.store import connect
from app.ui.practice import PracticePage
from tests.audio import rig
from tests.audio.practice.conftest import speech

pytestmark = pytest.mark.audio


def test_a_run_killed_mid_call_keeps_the_turns_so_far(sd: Any, home: Path, qtbot: Any) -> None:
    reply = speech("en_read/sense_and_sensibility_01_austen_64kb-0880.wav", start_at_voice=True)
    runner = subprocess.Popen(
        [sys.executable, "-m", "tests.audio.practice.crash_runner", str(home)],
        env={**os.environ, "PITCHBACK_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert runner.stdout is not None and runner.stderr is not None

    def expect(event: str) -> None:
        assert runner.stdout is not None and runner.stderr is not None
        for line in iter(runner.stdout.readline, ""):
            if line.startswith(event):
                return
        raise AssertionError(f"the run ended before {event}: {runner.stderr.read()}")

    try:
        expect("YourTurn 1")
        with rig.feeding(sd, reply) as feed:
            expect("ReplyHeard 1")
            expect("LineSaid 2")
            assert feed.done.is_set()
        runner.send_signal(signal.SIGKILL)  # the app dies while the prospect speaks
    finally:
        runner.kill()
        runner.wait()
        runner.stdout.close()
        runner.stderr.close()

    conn = connect(database_path(home))
    store = PracticeStore(conn, home)
    (run,) = store.unfinished()
    path = store.path_of(run)
    old = time.time() - 60  # as the next start of the app finds it: abandoned
    os.utime(path, (old, old))
    page = PracticePage(store, ScriptLibrary(conn))  # the Live call tab, opened again
    qtbot.addWidget(page)
    page.reload_scripts()
    (recovered,) = store.runs()
    assert recovered.state == "recovered"
    first, second = store.turns(run.id)
    assert first.onset is not None and first.reply_end is not None
    assert abs(first.reply_s - len(reply) / rig.RATE) < 0.3  # type: ignore[operator]
    assert second.number == 1 and second.onset is None  # the prospect was answering
    audio, rate = read_audio(path)
    assert len(audio) == recovered.frames
    said = audio[first.onset : first.reply_end, 0]
    _offset, corr = rig.align(reply[: rate // 2], said)
    assert corr > 0.95
    assert page.review.turns.rowCount() == 2
    conn.close()
