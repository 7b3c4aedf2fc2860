"""A practice run on the real audio path: the prospect's line comes out of the speaker, the
reply goes into the microphone, and the run measures the silence in between."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import soundfile as sf

from app.audio.devices import choose
from app.audio.practice.live import LiveRecording
from app.audio.practice.session import CallOver, Event, ReplyHeard, Session, YourTurn
from app.audio.practice.voices import PlayedLines, TextOnly
from app.audio.recorder import Recorder
from app.core.library import ScriptLibrary
from app.core.practice import (
    PICKUP_KEY,
    STILL_THERE_KEY,
    Call,
    PracticeStore,
    RandomChoice,
)
from app.core.script import parse
from app.core.store import connect
from tests.audio.practice.conftest import speech
from tests.audio.practice.timed import RATE, scheduled_feed, timed_tap
from tests.core.practice.conftest import THREE_TURNS

pytestmark = pytest.mark.audio

PICKUP = "misc/the_north_wind_and_the_sun.wav"
STILL_THERE = "nl_read/vl00203.wav"
REPLY = "en_read/sense_and_sensibility_01_austen_64kb-0880.wav"


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(tmp_path / "pitchback.db")
    yield connection
    connection.close()


def practice(conn: sqlite3.Connection, home: Path) -> Session:
    """A run over the three-turn script whose prospect speaks recorded lines on rig_speaker."""
    script = ScriptLibrary(conn).create("Three turns", "en", THREE_TURNS)
    store = PracticeStore(conn, home)
    lines = {}
    for key, clip in ((PICKUP_KEY, PICKUP), (STILL_THERE_KEY, STILL_THERE)):
        path = store.new_line_path(script.id)
        sf.write(path, speech(clip), RATE, format="FLAC")
        store.set_line(script.id, key, path)
        lines[key] = path
    run = store.begin_run(RATE, script.id, voice="recorded", choice="random")
    call = Call(parse(THREE_TURNS), RandomChoice(random.Random(0)), RATE)
    live = LiveRecording(Recorder(choose("input", "rig_mic").device))
    text = TextOnly(live.stream_now)
    voice = PlayedLines(choose("output", "rig_speaker").device, lines, text)
    session = Session(call, live, voice, store, run, text)
    session.start()
    return session


def run_until(session: Session, done: Any, timeout: float) -> list[Event]:
    events: list[Event] = []
    deadline = time.monotonic() + timeout
    while not done(events) and time.monotonic() < deadline:
        events += session.tick()
        time.sleep(0.02)
    assert done(events), events
    return events


def test_a_reply_800_ms_after_the_line_is_measured_as_an_800_ms_freeze(
    sd: Any, conn: sqlite3.Connection, home: Path
) -> None:
    reply = speech(REPLY, start_at_voice=True)
    with timed_tap(sd) as tap, scheduled_feed(sd, reply) as feed:
        session = practice(conn, home)
        events = run_until(session, lambda _events: bool(tap.sounds()), 10)
        (line,) = tap.sounds()
        feed.start_at(line[1] + 0.8)  # 800 ms after the line ended, as the speaker played it
        events += run_until(session, lambda ev: any(isinstance(e, ReplyHeard) for e in ev), 5)
        session.hang_up()
    turn = next(e for e in events if isinstance(e, ReplyHeard)).turn
    assert any(isinstance(e, YourTurn) for e in events)
    heard_s = line[1] - line[0]
    played_s = len(speech(PICKUP)) / RATE
    print(f"line heard for {heard_s:.3f} s (clip {played_s:.3f} s); freeze {turn.freeze_s:.3f} s")
    assert turn.freeze_s == pytest.approx(0.8, abs=0.1)
    stored = session.store.turns(session.run.id)[0]
    assert stored.freeze_s == turn.freeze_s
    assert session.run.outcome == "hung_up"


def test_six_seconds_of_silence_bring_are_you_still_there(
    sd: Any, conn: sqlite3.Connection, home: Path
) -> None:
    with timed_tap(sd) as tap:
        session = practice(conn, home)
        run_until(session, lambda _events: len(tap.sounds()) >= 2, 15)
        events = session.hang_up()
    line, still_there = tap.sounds()[:2]
    gap = still_there[0] - line[1]
    print(f"'are you still there?' heard {gap:.3f} s after the line ended")
    assert 6.0 <= gap <= 6.6
    assert isinstance(events[-1], CallOver)
    turn = session.store.turns(session.run.id)[0]
    assert turn.still_there_at is not None and turn.onset is None
    # the still-there line is the prospect's second recording, not the first one again
    assert abs((still_there[1] - still_there[0]) - len(speech(STILL_THERE)) / RATE) < 0.4
