"""The reply judge: each rule on plain examples in English and Dutch, then its agreement with
the labels of 53 real transcribed replies (tests/core/practice/data/replies.json)."""

from __future__ import annotations

import pytest

from app.core.practice.judge import goes_on, judge, wanted
from app.core.script import parse
from tests.core.practice.reply_set import agreement, replies, table_text

SCRIPT = parse("""\
Title: Two steps
Language: en

== Voicemail ==
Hi.

== Not needed ==
That's fair, and I'm not assuming you need anything.
Can I ask: how do your planners find out today that a delivery is running late?
> (good) Okay -> Geen behoefte

== Geen behoefte ==
Dat is eerlijk, en ik ga er niet van uit dat u iets nodig hebt.
Mag ik vragen: hoe merken uw planners vandaag dat een levering te laat is?
> (zwak) Nee -> Not needed
""")
EN, NL = SCRIPT.steps


def test_what_a_step_wants_is_read_from_its_own_text() -> None:
    want = wanted(EN)
    assert want.question and want.acknowledge
    assert {"planners", "delivery", "late"} <= set(want.key_words)
    assert "that's" not in want.key_words and "the" not in want.key_words
    assert wanted(NL).acknowledge and "leveringen" not in wanted(NL).key_words


@pytest.mark.parametrize(
    ("step", "said", "good", "gave_up"),
    [
        (EN, "That's fair. How do your planners find out a delivery is late?", True, False),
        (EN, "Our software shows every late delivery on one screen.", False, False),
        (EN, "Oh, okay. Thanks for your time.", False, True),
        (EN, "Sorry to bother you. Have a nice day.", False, True),
        (EN, "", False, True),
        (NL, "Dat begrijp ik. Hoe merken uw planners dat een levering te laat is?", True, False),
        (NL, "Oké, bedankt.", False, True),
        (NL, "Oké, benankt voor uw tijd.", False, True),  # misheard, still a way out
        (NL, "Oké, dan wil ik u niet langer storen.", False, True),  # inversion, no question
        (NL, "Maar onze software is echt heel goed.", False, False),
    ],
)
def test_each_reply_is_judged(step: object, said: str, good: bool, gave_up: bool) -> None:
    verdict = judge(said, step, 5.0)  # type: ignore[arg-type]
    assert (verdict.good, verdict.gave_up) == (good, gave_up)


def test_thanks_that_still_asks_for_the_next_step_is_not_giving_up() -> None:
    assert not judge("Thanks for your time. Can I call you Thursday?", EN, 4.0).gave_up


def test_a_monologue_and_fillers() -> None:
    verdict = judge("Um, so, uh, we, eh, sell software, ehm.", NL, 31.0)
    assert verdict.rambled and verdict.fillers == 4 and not verdict.good


@pytest.mark.parametrize(
    ("text", "more"),
    [("That's fair, and", True), ("So...", True), ("Dat begrijp ik, dus", True),
     ("Ik bel omdat, eh", True), ("Can I ask you something?", False), ("Klopt.", False)],
)  # fmt: skip
def test_a_reply_that_stops_mid_sentence_goes_on(text: str, more: bool) -> None:
    assert goes_on(text) is more


def test_the_labelled_set_has_40_replies_in_both_languages() -> None:
    found = replies()
    assert len(found) >= 40
    assert {r["language"] for r in found} == {"en", "nl"}
    assert any(not r["synthetic"] for r in found) and any(r["synthetic"] for r in found)


# Measured agreement, a little below what the rules reach today so that a change that loses
# replies fails. Dutch is lower: Whisper base mishears espeak-ng's Dutch (see the report).
FLOOR = {"en": 0.85, "nl": 0.65}


def test_agreement_with_the_labels_per_rule() -> None:
    print("\n" + table_text())
    low = [a for a in agreement() if a.language in FLOOR and a.share < FLOOR[a.language]]
    assert low == []
