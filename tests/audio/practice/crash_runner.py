"""A practice run in a process of its own, to be killed mid-call by test_crash.

Usage: python -m tests.audio.practice.crash_runner HOME. Prints one line per event.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from app.audio.devices import choose
from app.audio.practice.live import LiveRecording
from app.audio.practice.session import Session
from app.audio.practice.voices import TextOnly
from app.audio.recorder import Recorder
from app.core.library import ScriptLibrary
from app.core.paths import database_path
from app.core.practice import Call, PracticeStore, RandomChoice
from app.core.script import parse
from app.core.store import connect
from tests.core.practice.conftest import THREE_TURNS


def main(home: Path) -> None:
    conn = connect(database_path(home))
    script = ScriptLibrary(conn).create("Three turns", "en", THREE_TURNS)
    store = PracticeStore(conn, home)
    run = store.begin_run(48000, script.id, voice="none", choice="random")
    live = LiveRecording(Recorder(choose("input", "rig_mic").device))
    text = TextOnly(live.stream_now)
    call = Call(parse(THREE_TURNS), RandomChoice(random.Random(0)), 48000)
    session = Session(call, live, text, store, run, text)
    session.start()
    while True:
        for event in session.tick():
            print(type(event).__name__, len(call.turns), flush=True)
        time.sleep(0.02)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
