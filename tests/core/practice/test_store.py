"""Runs and turns in the database: written as they happen, so a crash keeps the turns so far."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core.library import ScriptLibrary
from app.core.practice import PracticeStore, Rating, Turn
from app.core.store import connect
from tests.core.practice.conftest import THREE_TURNS


def test_turns_are_stored_as_they_happen_and_survive_a_crash(tmp_path: Path) -> None:
    home = tmp_path / "home"
    conn = connect(tmp_path / "pitchback.db")
    script = ScriptLibrary(conn).create("Three turns", "en", THREE_TURNS)
    store = PracticeStore(conn, home)
    run = store.begin_run(48000, script.id, voice="none", choice="random")
    assert store.path_of(run).parent == home / "practice"
    first = Turn(0, 48000, "@pickup", "Peter speaking.", "Opener", line_start=0)
    store.save_turn(run.id, first)
    first.line_end, first.onset, first.reply_end = 48000, 96000, 200000
    store.save_turn(run.id, first)
    second = Turn(1, 48000, "opener > sure", "Sure", "Reason", line_start=260000)
    store.save_turn(run.id, second)
    conn.close()  # the app dies here, mid-run

    conn = connect(tmp_path / "pitchback.db")
    store = PracticeStore(conn, home)
    assert [r.id for r in store.unfinished()] == [run.id]
    assert store.runs() == []  # not listed until recovered
    turns = store.turns(run.id)
    assert [t.number for t in turns] == [0, 1]
    assert turns[0].freeze_s == 1.0
    assert turns[1].line_start == 260000 and turns[1].line_end is None
    recovered = store.finish_run(run.id, 300000, "", state="recovered")
    assert store.runs(script.id) == [recovered]
    assert recovered.seconds == 6.25


def test_ratings_and_the_turns_of_a_script_oldest_first(conn: sqlite3.Connection) -> None:
    store = PracticeStore(conn, Path("/nowhere"))
    script = ScriptLibrary(conn).create("Three turns", "en", THREE_TURNS)
    keys = []
    for n in range(2):
        run = store.begin_run(16000, script.id)
        turn = Turn(0, 16000, f"key {n}", "", "Opener", 0, 100, onset=200, reply_end=900)
        store.save_turn(run.id, turn)
        store.finish_run(run.id, 1000, "completed")
        keys.append(turn.key)
        assert turn.id is not None
        store.rate_turn(turn.id, Rating.POOR)
    turns = store.turns_for_script(script.id)
    assert [t.key for t in turns] == keys
    assert all(t.rating == Rating.POOR and t.rate == 16000 for t in turns)
    assert [r.outcome for r in store.runs(script.id)] == ["completed", "completed"]


def test_a_recorded_line_replaces_the_one_before(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store = PracticeStore(conn, tmp_path)
    script = ScriptLibrary(conn).create("Three turns", "en", THREE_TURNS)
    first = store.new_line_path(script.id)
    first.write_bytes(b"one")
    store.set_line(script.id, "@pickup", first)
    second = store.new_line_path(script.id)
    second.write_bytes(b"two")
    store.set_line(script.id, "@pickup", second)
    assert store.recorded_lines(script.id) == {"@pickup": second}
    assert not first.exists()
    store.remove_line(script.id, "@pickup")
    assert store.line_path(script.id, "@pickup") is None and not second.exists()
