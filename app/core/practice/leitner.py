"""Leitner boxes for the prospect's answers: the ones you handle worst come up most.

Each answer sits in a box from 1 (handled badly, or never met) to MAX_BOX. A turn moves its
answer back to box 1 when it went wrong (rated poor, a freeze, or no reply at all), one box up
when it went well (rated good, or unrated and without a freeze), and leaves it where it is when
rated okay. Boxes are replayed from the stored turns rather than kept, so rating a turn again
later simply changes history.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from app.core.practice.turns import Rating, Turn

MAX_BOX = 5
# Each box down makes an answer this many times likelier to come: box 1 against box 2 is
# four to one, so a weak answer comes up well over twice as often as a merely known one.
WEIGHT_BASE = 4.0

Outcome = Literal["fail", "stay", "pass"]


def outcome(turn: Turn) -> Outcome | None:
    """How the turn went, for the boxes; None for a turn cut short (the user hung up)."""
    if not turn.finished:
        return None
    if turn.rating == Rating.POOR or turn.froze:
        return "fail"
    if turn.rating == Rating.OKAY:
        return "stay"
    return "pass"


def boxes(turns: Iterable[Turn]) -> dict[str, int]:
    """Each answer's box after ``turns``, taken in the order given (oldest first)."""
    box: dict[str, int] = {}
    for turn in turns:
        result = outcome(turn)
        if result is None:
            continue
        current = box.get(turn.key, 1)
        if result == "fail":
            box[turn.key] = 1
        elif result == "pass":
            box[turn.key] = min(MAX_BOX, current + 1)
        else:
            box[turn.key] = current
    return box


def weight(box: int) -> float:
    return WEIGHT_BASE ** (MAX_BOX - min(MAX_BOX, max(1, box)))
