"""A call that listens: end of turn from the pause and the words together, the judgement
choosing the marked answer, giving up ends the call, a monologue is cut short, difficulty;
and a script without marks plays exactly as before."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest

from app.core.practice import Call, End, Heard, Phase, RandomChoice, Say
from app.core.practice.call import GOODBYE_WORDS, Timing
from app.core.practice.patience import PATIENCE
from app.core.practice.phrases import goodbye, interrupt
from app.core.script import parse
from tests.core.practice.conftest import THREE_TURNS

RATE = 1000  # frames per second

MARKED = """\
Title: Marked
Language: en

== Voicemail ==
Hi.

== Opener ==
Hi, this is Sam from Acme. Can I take thirty seconds to tell you why I'm calling?
> We don't need that -> Not needed

== Not needed ==
That's fair, and I'm not assuming you need anything.
Can I ask: how do your planners find out today that a delivery is running late?
> (good) Okay, let's talk -> Meeting
> (weak) Really not interested -> Goodbye

== Meeting == (end)
Great. Does Tuesday at ten work?

== Goodbye == (end)
Thank you for your time.
"""

GOOD_REPLY = "That's fair. Can I ask how your planners find out that a delivery is late?"
GIVE_UP = "Oh, okay. Thanks for your time."


@dataclass
class Ears:
    """The words of the reply as the call's ears would hand them over; ``pending`` holds
    them back, as while the last piece is still being transcribed."""

    text: str = ""
    pending: bool = False
    asked: list[int] = field(default_factory=list)

    def text_until(self, frame: int) -> str | None:
        self.asked.append(frame)
        return None if self.pending else self.text

    def text_so_far(self) -> str:
        return self.text


def to_not_needed(call: Call, ears: Ears) -> None:
    """Opener said, the prospect objects: now at the step 'Not needed'."""
    call.begin()
    call.line_ended(500)
    ears.text = "Hi, this is Sam from Acme, can I take thirty seconds?"
    said = hear_reply(call, onset=1000, voice_end=4000, pause_s=0.5)
    assert isinstance(said, Say) and said.text == "We don't need that"
    call.line_ended(6000)


def hear_reply(call: Call, onset: int, voice_end: int, pause_s: float) -> Say | End | None:
    call.hear(Heard(until=onset + 100, onset=onset))
    return call.hear(Heard(until=voice_end + round(pause_s * RATE), onset=onset,
                           voice_end=voice_end))  # fmt: skip


def marked_call(ears: Ears, seed: int = 0, difficulty: str = "normal") -> Call:
    patience = PATIENCE[difficulty]  # type: ignore[index]
    rng = random.Random(seed)
    return Call(parse(MARKED), RandomChoice(rng), RATE, ears=ears, patience=patience, rng=rng)


def test_a_good_reply_and_a_give_up_get_different_answers_at_the_same_step() -> None:
    answers = {}
    for name, words in (("good", GOOD_REPLY), ("give up", GIVE_UP)):
        ears = Ears()
        call = marked_call(ears, difficulty="easy")  # easy: never objects twice
        to_not_needed(call, ears)
        ears.text = words
        answers[name] = hear_reply(call, onset=6500, voice_end=9500, pause_s=0.5)
        verdict = call.turns[-2].verdict  # of the reply, in the turn before the answer
        assert verdict is not None and verdict.said == words
    assert answers["good"] == Say("Okay, let's talk", "not needed > okay, let's talk")
    assert answers["give up"] == Say(goodbye("en"), f"not needed > {GOODBYE_WORDS}")


def test_giving_up_ends_the_call_once_the_prospect_said_goodbye() -> None:
    ears = Ears()
    call = marked_call(ears)
    to_not_needed(call, ears)
    ears.text = GIVE_UP
    hear_reply(call, onset=6500, voice_end=8000, pause_s=0.5)
    assert call.phase == Phase.PROSPECT  # saying goodbye
    call.line_ended(9500)
    assert call.hear(Heard(until=9600)) == End("prospect_hung_up")


def test_a_trailing_and_is_not_the_end_of_the_turn() -> None:
    ears = Ears()
    call = marked_call(ears)
    to_not_needed(call, ears)
    ears.text = "That's fair, and"
    assert hear_reply(call, onset=6500, voice_end=8000, pause_s=0.6) is None
    assert hear_reply(call, onset=6500, voice_end=8000, pause_s=1.2) is None
    # a pause long enough ends it all the same
    assert hear_reply(call, onset=6500, voice_end=8000, pause_s=Timing().goes_on_pause_s)


def test_dutch_dus_is_not_an_end_either_and_the_turn_ends_sooner_than_1_2_s() -> None:
    ears = Ears()
    call = marked_call(ears)
    to_not_needed(call, ears)
    ears.text = "Dat begrijp ik, dus"
    assert hear_reply(call, onset=6500, voice_end=8000, pause_s=0.5) is None
    ears.text = "Dat begrijp ik. Mag ik vragen hoe uw planners dat merken?"
    said = hear_reply(call, onset=6500, voice_end=8000, pause_s=0.5)  # well before 1.2 s
    assert isinstance(said, Say)


def test_the_turn_waits_for_the_last_piece_then_goes_on_without_it() -> None:
    ears = Ears(pending=True)
    call = marked_call(ears)
    call.begin()
    call.line_ended(500)
    assert hear_reply(call, onset=1000, voice_end=3000, pause_s=1.0) is None
    assert ears.asked and ears.asked[-1] == 3000  # asked for the words up to the voice's end
    timing = Timing()
    late = timing.reply_over_s + timing.words_wait_s
    said = hear_reply(call, onset=1000, voice_end=3000, pause_s=late)
    assert isinstance(said, Say) and call.turns[0].verdict is None  # answered, unjudged


def test_a_monologue_is_interrupted_sooner_when_the_prospect_is_tough() -> None:
    for difficulty, cut_s in (("tough", 20.0), ("normal", 30.0), ("easy", 45.0)):
        ears = Ears()
        call = marked_call(ears, difficulty=difficulty)
        to_not_needed(call, ears)
        ears.text = "So basically we have a platform and it connects to all your carriers"
        onset = 6500
        assert call.hear(Heard(until=onset + round((cut_s - 0.1) * RATE), onset=onset)) is None
        said = call.hear(Heard(until=onset + round(cut_s * RATE), onset=onset))
        assert isinstance(said, Say), difficulty
        assert said.text == f"{interrupt('en')} Really not interested"
        assert call.turns[-2].interrupted


def test_tough_prospects_object_twice_more_often() -> None:
    weak = {}
    for difficulty in ("easy", "normal", "tough"):
        count = 0
        for seed in range(60):
            ears = Ears()
            call = marked_call(ears, seed=seed, difficulty=difficulty)
            to_not_needed(call, ears)
            ears.text = GOOD_REPLY
            said = hear_reply(call, onset=6500, voice_end=9500, pause_s=0.5)
            count += isinstance(said, Say) and said.text == "Really not interested"
        weak[difficulty] = count
    assert weak["easy"] == 0 < weak["normal"] < weak["tough"]


def test_an_old_script_without_marks_plays_exactly_as_before() -> None:
    """The same answers, in the same order, from the same random numbers, whatever is said:
    a give-up, a good reply or nothing understood."""

    def answers(ears: Ears | None) -> list[str]:
        call = Call(parse(THREE_TURNS), RandomChoice(random.Random(7)), RATE, ears=ears,
                    rng=random.Random(7))  # fmt: skip
        said: list[str] = []
        line = call.begin()
        frame = 0
        while isinstance(line, Say):
            said.append(line.text)
            call.line_ended(frame + 500)
            line = hear_reply(call, frame + 1000, frame + 3000, 2.0)  # type: ignore[assignment]
            frame += 5000
        assert line == End("completed")
        return said

    before = answers(None)
    for words in (GIVE_UP, GOOD_REPLY, "", "So basically, and"):
        assert answers(Ears(words)) == before, words


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_prospects_own_lines_are_in_the_scripts_language(language: str) -> None:
    assert goodbye(language) != goodbye("nl" if language == "en" else "en")
    assert interrupt(language).startswith("Sorry")
