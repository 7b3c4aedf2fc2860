"""Freeze statistics per answer: median and 90th percentile over every run."""

from __future__ import annotations

import pytest

from app.core.practice import Turn, freeze_stats

RATE = 48000


def answered(key: str, freeze_s: float) -> Turn:
    onset = 48000 + round(freeze_s * RATE)
    return Turn(0, RATE, key, f"said {key}", "S", 0, 48000, onset=onset, reply_end=onset + RATE)


def test_median_and_90th_percentile_per_answer_worst_first() -> None:
    turns = [answered("a", s) for s in (0.5, 0.7, 0.9, 1.1, 4.0)]
    turns += [answered("b", s) for s in (0.2, 0.3)]
    turns.append(Turn(0, RATE, "c", "", "S", 0, 48000))  # cut short: no freeze to count
    rows = freeze_stats(turns)
    assert [r.key for r in rows] == ["a", "b"]
    a, b = rows
    assert a.median_s == pytest.approx(0.9, abs=1e-4)
    assert a.p90_s == pytest.approx(2.84, abs=1e-4)  # numpy's linear interpolation
    assert (a.count, a.freezes) == (5, 1)
    assert b.median_s == pytest.approx(0.25, abs=1e-4)
    assert a.prospect_text == "said a"


def test_no_reply_counts_as_a_freeze_of_the_whole_wait() -> None:
    turn = Turn(0, RATE, "a", "", "S", 0, 48000, gave_up_at=48000 * 13)
    (row,) = freeze_stats([turn])
    assert row.median_s == pytest.approx(12.0)
    assert row.freezes == 1
