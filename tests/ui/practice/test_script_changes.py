"""Changing the script from the Live call tab: an objection from the library with one click,
a reply that worked (transcribed from the run), and runs a crash cut short."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from app.core.library import ScriptLibrary
from app.core.practice import PracticeStore, Turn
from app.core.script import parse
from app.core.store import connect, put_setting
from app.ui.feedback.model_setting import SETTING
from app.ui.practice import PracticePage
from tests.audio.practice.conftest import speech
from tests.core.practice.conftest import THREE_TURNS

RATE = 48000


@pytest.fixture
def page(qtbot: Any, home: Path) -> Iterator[PracticePage]:
    conn = connect(home / "pitchback.db")
    library = ScriptLibrary(conn)
    library.create("Three turns", "en", THREE_TURNS)
    widget = PracticePage(PracticeStore(conn, home), library)
    qtbot.addWidget(widget)
    widget.reload_scripts()
    yield widget
    widget.shutdown()  # as the window does when it closes: the speech helper ends with it


def test_an_objection_goes_into_the_script_with_one_click(page: PracticePage) -> None:
    dialog = page.open_objections()
    assert dialog is not None
    dialog.list.setCurrentRow(next(i for i, o in enumerate(dialog.library) if o.id == "no-budget"))
    dialog.step_box.setCurrentText("Reason")
    dialog.insert_button.click()
    assert page.script_id is not None
    script = parse(page.library.text(page.script_id))
    reason = script.step_named("Reason")
    assert reason is not None
    assert reason.branches[-1].words == "We don't have the budget for this."
    assert script.step_named("No budget") is not None
    assert page.library.history.revisions(page.script_id)[0].name.startswith("Objection added")
    drillable = [page.options.drill_box.itemText(i) for i in range(page.options.drill_box.count())]
    assert "Reason: We don't have the budget for this." in drillable
    dialog.close()


def recorded_run(page: PracticePage, reply: np.ndarray) -> tuple[int, Turn]:
    """A run as the Live call tab leaves it: a recording, and a turn whose reply is ``reply``."""
    assert page.script_id is not None
    run = page.store.begin_run(RATE, page.script_id)
    audio = np.concatenate([np.zeros(RATE, np.float32), reply, np.zeros(RATE, np.float32)])
    sf.write(page.store.path_of(run), audio, RATE, format="FLAC")
    turn = Turn(0, RATE, "@pickup", "Peter speaking.", "Opener", 0, RATE // 2)
    turn.onset, turn.reply_end = RATE, RATE + len(reply)
    page.store.save_turn(run.id, turn)
    page.store.finish_run(run.id, len(audio), "hung_up")
    return run.id, turn


def test_a_reply_is_written_down_and_becomes_the_words_of_its_step(
    qtbot: Any, page: PracticePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_id, _turn = recorded_run(page, speech("misc/the_north_wind_and_the_sun.wav"))
    page.review.show_script(page.script_id, select=run_id)
    asked: list[str] = []

    def answer(*args: Any) -> tuple[str, bool]:
        asked.append(args[3])
        return "The north wind and the sun.\nShall we talk on Tuesday?", True

    monkeypatch.setattr("app.ui.practice.page.QInputDialog.getMultiLineText", answer)
    page.review.add_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    assert "north wind" in asked[0].lower()  # the transcript, offered to be checked
    assert page.script_id is not None
    opener = parse(page.library.text(page.script_id)).steps[0]
    assert opener.spoken == ("The north wind and the sun.", "Shall we talk on Tuesday?")
    assert [b.target for b in opener.branches] == ["Reason", "Email"]
    assert "Reply from practice" in page.library.history.revisions(page.script_id)[0].name


def test_a_run_cut_short_by_a_crash_is_listed_with_its_turns(qtbot: Any, home: Path) -> None:
    conn = connect(home / "pitchback.db")
    library = ScriptLibrary(conn)
    script = library.create("Three turns", "en", THREE_TURNS)
    store = PracticeStore(conn, home)
    run = store.begin_run(RATE, script.id)
    path = store.path_of(run)
    with sf.SoundFile(path, "w", RATE, 1, format="FLAC") as file:  # closed, unlike a crash,
        file.write(np.zeros(3 * RATE, np.float32))  # but repair must cope with either
    old = time.time() - 60
    os.utime(path, (old, old))
    store.save_turn(run.id, Turn(0, RATE, "@pickup", "Peter speaking.", "Opener", 0, RATE))
    assert store.runs(script.id) == []

    page = PracticePage(store, library)
    qtbot.addWidget(page)
    page.reload_scripts()
    (recovered,) = store.runs(script.id)
    assert recovered.state == "recovered" and recovered.frames == 3 * RATE
    assert page.review.turns.rowCount() == 1


def test_a_dutch_reply_is_written_down_by_the_dutch_model_or_the_one_chosen(
    qtbot: Any, page: PracticePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _run_id, turn = recorded_run(page, speech("misc/the_north_wind_and_the_sun.wav"))
    asked: list[str] = []

    def cancel(*args: Any) -> tuple[str, bool]:
        asked.append(args[3])
        return "", False

    monkeypatch.setattr("app.ui.practice.page.QInputDialog.getMultiLineText", cancel)
    dutch = (speech("nl_read/vl00203.wav"), RATE)  # "De plant van de aardappel is giftig."
    with qtbot.waitSignal(page.transcriber.done, timeout=60000) as done:
        page.transcriber.start(turn, dutch, "nl")  # the Dutch model that comes with Pitchback
    assert "aardappel" in done.args[1].lower() and asked == [done.args[1]]
    put_setting(page.store.conn, SETTING, str(tmp_path / "not-a-model"))
    said: list[str] = []
    page.transcriber.message.connect(said.append)
    with qtbot.waitSignal(page.transcriber.done, timeout=30000) as done:
        page.transcriber.start(turn, dutch, "nl")  # the model chosen in Settings is tried
    assert done.args[1] == "" and asked[-1] == ""  # nothing heard: you type the words
    assert said[-1].endswith("not-a-model does not exist.")
