"""The review's coaching: a judged reply stored with its turn, in plain words, with one
suggestion, a score per turn and per call, and the trend over calls."""

from __future__ import annotations

from pathlib import Path

from app.core.library import ScriptLibrary
from app.core.practice import PracticeStore, Turn
from app.core.practice.coaching import call_score, judgement_text, suggestion, trend, turn_score
from app.core.practice.judge import judge
from app.core.script import parse
from app.core.store import connect
from tests.core.practice.test_listening_call import GIVE_UP, GOOD_REPLY, MARKED

STEP = parse(MARKED).step_named("Not needed")
assert STEP is not None
SCRIPT_WORDS = " ".join(STEP.spoken)


def judged(words: str, freeze_s: float = 0.5, reply_s: float = 4.0) -> Turn:
    turn = Turn(1, 1000, "opener > we don't need that", "We don't need that", "Not needed",
                line_start=0, line_end=1000)  # fmt: skip
    turn.onset = 1000 + round(freeze_s * 1000)
    turn.reply_end = turn.onset + round(reply_s * 1000)
    turn.said, turn.verdict = words, judge(words, STEP, reply_s)
    return turn


def test_a_good_reply_scores_high_and_is_told_to_keep_it() -> None:
    turn = judged(GOOD_REPLY)
    assert turn.verdict is not None and turn.verdict.good
    assert turn_score(turn.verdict, turn) == 100
    assert suggestion(turn.verdict, SCRIPT_WORDS) == "Good reply: keep it."


def test_a_pitch_without_acknowledging_is_told_to_acknowledge_first() -> None:
    turn = judged("But our software shows every late delivery on one screen.", freeze_s=3.0)
    verdict = turn.verdict
    assert verdict is not None and not verdict.good
    assert "without acknowledging" in judgement_text(verdict)
    assert suggestion(verdict, SCRIPT_WORDS).startswith("Try acknowledging first")
    assert turn_score(verdict, turn) < 50  # no acknowledgement, no question, a freeze


def test_giving_up_scores_nothing_and_quotes_the_script() -> None:
    turn = judged(GIVE_UP)
    assert turn.verdict is not None and turn.verdict.gave_up
    assert turn_score(turn.verdict, turn) == 0
    assert "That's fair, and I'm not assuming" in suggestion(turn.verdict, SCRIPT_WORDS)


def test_the_judgement_is_kept_with_the_turn_and_the_trend_follows_the_calls(
    tmp_path: Path,
) -> None:
    conn = connect(tmp_path / "pitchback.db")
    script = ScriptLibrary(conn).create("Marked", "en", MARKED)
    store = PracticeStore(conn, tmp_path / "home")
    for words in (GIVE_UP, "But our software shows every late delivery.", GOOD_REPLY):
        run = store.begin_run(1000, script.id, voice="none", choice="random")
        store.save_turn(run.id, judged(words))
        store.finish_run(run.id, 10_000, "completed")
    stored = store.turns(run.id)[0]
    assert stored.said == GOOD_REPLY and stored.verdict == judged(GOOD_REPLY).verdict
    assert call_score([stored]) == 100
    shown = trend(store, script.id)
    assert shown.scores[0] == 0 and shown.scores[-1] == 100 and len(shown.scores) == 3
    assert shown.text.startswith("Call score 100 (last calls: 0 → ")
    conn.close()
