"""Blind comparison: random order, the right names revealed, verdicts kept with the takes."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest

from app.core.store import connect
from app.core.takes import TakeStore
from app.core.voicemail import BlindPair, Verdicts, blind_pair, person_answers
from tests.core.test_takes import Clock


def two_takes(tmp_path: Path) -> tuple[TakeStore, int, int]:
    store = TakeStore(connect(tmp_path / "p.db"), tmp_path, Clock())
    first = store.finish(store.begin(48000).id, 30.0)
    second = store.finish(store.begin(48000).id, 28.0)
    return store, first.id, second.id


def test_over_40_runs_both_orders_occur_and_the_reveal_names_the_right_takes(
    tmp_path: Path,
) -> None:
    store, a, b = two_takes(tmp_path)
    verdicts = Verdicts(store.conn)
    orders = {"a as X": 0, "b as X": 0}
    rng = random.Random()
    for run in range(40):
        pair = blind_pair(a, b, rng.random)
        assert {pair.x, pair.y} == {a, b}
        orders["a as X" if pair.x == a else "b as X"] += 1
        picked = "x" if run % 2 else "y"
        verdict = verdicts.record(pair, picked)
        assert (verdict.x_take, verdict.y_take) == (pair.x, pair.y)
        assert verdict.preferred == (pair.x if picked == "x" else pair.y)
        assert verdict.other == (pair.y if picked == "x" else pair.x)
    assert orders["a as X"] > 0 and orders["b as X"] > 0, orders
    won_a, total_a = verdicts.tally([a])[a]
    won_b, total_b = verdicts.tally([b])[b]
    assert total_a == total_b == 40
    assert won_a + won_b == 40


def test_the_order_comes_from_the_random_source_given() -> None:
    assert blind_pair(1, 2, lambda: 0.1) == BlindPair(1, 2)
    assert blind_pair(1, 2, lambda: 0.9) == BlindPair(2, 1)
    with pytest.raises(ValueError):
        blind_pair(3, 3, lambda: 0.1)


def test_verdicts_go_when_their_takes_leave_the_bin(tmp_path: Path) -> None:
    store, a, b = two_takes(tmp_path)
    verdicts = Verdicts(store.conn)
    verdicts.record(BlindPair(a, b), "x")
    store.delete(a)
    assert len(verdicts.involving([b])) == 1  # in the bin, undo brings it back with its verdict
    store.empty_bin(older_than=store.clock() + timedelta(days=1))
    assert verdicts.involving([b]) == []


def test_a_person_answers_about_once_in_n_calls() -> None:
    rng = random.Random(4)
    answered = sum(person_answers(5, rng.random) for _ in range(2000))
    assert 330 < answered < 470
    assert not any(person_answers(0, rng.random) for _ in range(100))
    assert person_answers(3, lambda: 0.33) and not person_answers(3, lambda: 0.34)
