"""Leitner boxes from the turns: a bad turn sends an answer back to box 1, a good one up."""

from __future__ import annotations

from app.core.practice import Rating, Turn, boxes
from app.core.practice.leitner import MAX_BOX, weight

RATE = 1000


def turn(key: str, freeze: int | None, rating: Rating | None = None) -> Turn:
    t = Turn(0, RATE, key, "", "Step", 0, 1000, rating=rating)
    if freeze is None:
        t.gave_up_at = 13000
    else:
        t.onset, t.reply_end = 1000 + freeze, 4000 + freeze
    return t


def test_good_turns_climb_and_one_freeze_sends_an_answer_back_to_box_one() -> None:
    turns = [turn("a", 500) for _ in range(3)]
    assert boxes(turns) == {"a": 4}
    assert boxes([*turns, turn("a", 2500)]) == {"a": 1}
    assert boxes([*turns, turn("a", None)]) == {"a": 1}  # no reply at all
    assert boxes([turn("a", 500) for _ in range(9)]) == {"a": MAX_BOX}


def test_the_rating_outweighs_a_quick_reply_and_okay_keeps_the_box() -> None:
    assert boxes([turn("a", 300), turn("a", 300, Rating.POOR)]) == {"a": 1}
    assert boxes([turn("a", 300), turn("a", 300, Rating.OKAY)]) == {"a": 2}
    assert boxes([turn("a", 300, Rating.GOOD)]) == {"a": 2}


def test_a_turn_cut_short_counts_for_nothing() -> None:
    cut = Turn(0, RATE, "a", "", "Step", 0, 1000)
    assert boxes([cut]) == {}


def test_lower_boxes_weigh_more() -> None:
    assert [weight(b) for b in range(1, MAX_BOX + 1)] == [256, 64, 16, 4, 1]
