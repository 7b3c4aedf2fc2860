"""Which answer comes: the weakest answer comes up most, drawn from a fixed random source."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from app.core.practice import (
    DrillChoice,
    RandomChoice,
    Rating,
    Turn,
    WeightedChoice,
    boxes,
    branch_key,
)
from tests.core.practice.conftest import five_answers, three_turns


def rated(key: str, rating: Rating, number: int = 0) -> Turn:
    return Turn(number, 1000, key, "", "End", 0, 100, onset=600, reply_end=2000, rating=rating)


def draws(chooser: WeightedChoice | RandomChoice, n: int = 200) -> Counter[str]:
    script = five_answers()
    opener = script.steps[0]
    return Counter(chooser.choose(script, opener).words for _ in range(n))


@pytest.mark.parametrize("seed", range(5))
def test_a_branch_rated_poorly_comes_at_least_twice_as_often_as_any_other(seed: int) -> None:
    opener = five_answers().steps[0]
    weak = opener.branches[3].words
    turns = [
        rated(branch_key("Opener", b.words), Rating.POOR if b.words == weak else Rating.GOOD)
        for b in opener.branches
    ]
    counts = draws(WeightedChoice(random.Random(seed), boxes(turns)))
    others = max(n for words, n in counts.items() if words != weak)
    print(f"seed {seed}: {dict(counts)}")
    assert counts[weak] >= 2 * others


def test_without_ratings_every_answer_is_as_likely() -> None:
    counts = draws(WeightedChoice(random.Random(7)), n=2000)
    assert len(counts) == 5
    assert max(counts.values()) < 1.25 * min(counts.values())
    counts = draws(RandomChoice(random.Random(7)), n=2000)
    assert max(counts.values()) < 1.25 * min(counts.values())


def test_the_same_seed_gives_the_same_calls() -> None:
    assert draws(RandomChoice(random.Random(3))) == draws(RandomChoice(random.Random(3)))


def test_drill_picks_the_answer_where_it_can_and_heads_for_it_elsewhere() -> None:
    script = three_turns()
    opener, reason = script.steps[0], script.steps[1]
    drill = DrillChoice(random.Random(0), branch_key("Reason", "Not really"))
    assert all(drill.choose(script, opener).target == "Reason" for _ in range(20))
    assert all(drill.choose(script, reason).words == "Not really" for _ in range(20))
    assert drill.done_after(branch_key("Reason", "Not really"))
    assert not drill.done_after(branch_key("Opener", "Sure, go ahead"))
