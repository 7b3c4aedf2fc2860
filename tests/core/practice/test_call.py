"""The call as a state machine: turns follow the script graph; silence makes the prospect ask,
then hang up; all times in recording frames."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from app.core.practice import (
    PICKUP_KEY,
    STILL_THERE_KEY,
    Call,
    DrillChoice,
    End,
    Heard,
    Phase,
    RandomChoice,
    Say,
    ScriptNotPlayable,
    branch_key,
)
from app.core.script import Branch, Script, Step, parse
from tests.core.practice.conftest import three_turns

RATE = 1000  # frames per second, to keep the numbers readable


@dataclass
class FirstBranch:
    """Always the first answer: a chooser whose choice the test knows."""

    def choose(self, script: Script, step: Step) -> Branch:
        return step.branches[0]

    def done_after(self, key: str) -> bool:
        return False


def reply(call: Call, line_end: int, onset: int, length: int) -> Say | End | None:
    """The prospect's line ends at ``line_end``; you speak from ``onset`` for ``length``."""
    call.line_ended(line_end)
    assert call.hear(Heard(until=onset + 100, onset=onset, voice_end=None)) is None
    voice_end = onset + length
    assert call.hear(Heard(until=voice_end + 1000, onset=onset, voice_end=voice_end)) is None
    return call.hear(Heard(until=voice_end + 1200, onset=onset, voice_end=voice_end))


def test_a_call_walks_the_script_until_an_ending() -> None:
    call = Call(three_turns(), FirstBranch(), RATE)
    assert call.begin() == Say("Peter speaking.", PICKUP_KEY)
    call.line_started(0)
    said = reply(call, line_end=800, onset=1500, length=3000)
    assert said == Say("Sure, go ahead", branch_key("Opener", "Sure, go ahead"))
    assert call.turns[0].freeze_s == pytest.approx(0.7)
    assert call.turns[0].reply_s == pytest.approx(3.0)
    call.line_started(5800)
    said = reply(call, line_end=6500, onset=9300, length=2000)
    assert said == Say("Yes, that happens", branch_key("Reason", "Yes, that happens"))
    assert call.turns[1].froze  # 2.8 s
    call.line_started(12600)
    assert reply(call, line_end=13500, onset=13900, length=1500) == End("completed")
    assert [t.step for t in call.turns] == ["Opener", "Reason", "Meeting"]
    assert call.phase == Phase.OVER
    assert call.turns[2].reply_end == 15400


def test_silence_brings_are_you_still_there_after_six_seconds_then_a_hang_up() -> None:
    call = Call(three_turns(), FirstBranch(), RATE)
    call.begin()
    call.line_ended(1000)
    assert call.hear(Heard(until=6999)) is None
    # something in the microphone that may yet be a voice: the prospect waits for it
    assert call.hear(Heard(until=7000, silent_tail=False)) is None
    assert call.hear(Heard(until=7010)) == Say("Hello? Are you still there?", STILL_THERE_KEY)
    assert call.turn.still_there_at == 7010
    call.line_started(7100)
    call.line_ended(8500)
    assert call.turn.line_end == 1000  # the freeze still counts from the real line
    assert call.hear(Heard(until=14499)) is None
    assert call.hear(Heard(until=14500)) == End("prospect_hung_up")
    assert call.turn.freeze_s == pytest.approx(13.5)
    assert call.turn.froze


def test_a_reply_after_the_still_there_counts_from_the_original_line() -> None:
    call = Call(three_turns(), FirstBranch(), RATE)
    call.begin()
    call.line_ended(1000)
    assert isinstance(call.hear(Heard(until=7000)), Say)
    assert call.hear(Heard(until=7500, onset=7400)) is None
    assert call.phase == Phase.REPLYING
    assert call.turn.freeze_s == pytest.approx(6.4)


def test_the_end_key_hands_over_at_once_and_hanging_up_keeps_what_was_said() -> None:
    call = Call(three_turns(), FirstBranch(), RATE)
    call.begin()
    call.line_ended(500)
    assert call.reply_done(600) is None  # nothing said yet: nothing to hand over
    call.hear(Heard(until=1200, onset=1000))
    assert isinstance(call.reply_done(2500), Say)
    assert call.turns[0].reply_end == 2500
    call.line_ended(3500)
    call.hear(Heard(until=4200, onset=4000))
    assert call.hang_up(5000) == End("hung_up")
    assert call.turns[1].reply_end == 5000
    assert call.outcome == "hung_up"


def test_drilling_goes_the_shortest_way_and_ends_after_the_drilled_answer() -> None:
    script = three_turns()
    key = branch_key("Reason", "Not really")
    call = Call(script, DrillChoice(random.Random(1), key), RATE)
    call.begin()
    first = reply(call, 500, 1000, 1000)
    assert first == Say("Sure, go ahead", branch_key("Opener", "Sure, go ahead"))
    second = reply(call, 4000, 4500, 1000)
    assert second == Say("Not really", key)
    assert reply(call, 7000, 7500, 1000) == End("completed")  # the reply was an ending anyway

    key = branch_key("Opener", "Send me an email")
    call = Call(script, DrillChoice(random.Random(1), key), RATE)
    call.begin()
    assert reply(call, 500, 1000, 1000) == Say("Send me an email", key)
    assert reply(call, 4000, 4500, 1000) == End("drilled")


def test_an_answer_that_leaves_the_words_open_gets_a_neutral_line() -> None:
    script = three_turns()
    call = Call(script, FirstBranch(), RATE)
    call.begin()
    call.turns[-1].step = "Email"  # as if the prospect had asked for an email
    assert reply(call, 500, 1000, 1000) == Say("Mm-hm. Okay.", branch_key("Email", ""))
    text = (
        "Taal: nl\n== Voicemail ==\nDag.\n"
        "== Opening ==\nDag.\n-> Einde\n== Einde == (einde)\nDag.\n"
    )
    dutch = Call(parse(text), FirstBranch(), RATE)
    assert dutch.begin().text == "Met Peter."
    assert reply(dutch, 500, 1000, 1000) == Say("Hm-hm. Oké.", branch_key("Opening", ""))


def test_a_script_with_errors_or_without_steps_cannot_be_practised() -> None:
    with pytest.raises(ScriptNotPlayable):
        Call(parse("== Voicemail ==\nHi.\n"), RandomChoice(random.Random(0)), RATE)
    with pytest.raises(ScriptNotPlayable):
        Call(parse("== Voicemail ==\nHi.\n== Opener ==\nHi.\n> Yes -> Nowhere\n"),
             RandomChoice(random.Random(0)), RATE)  # fmt: skip
