"""Calling your own voicemail: whether, this time, a person picks up instead."""

from __future__ import annotations

from collections.abc import Callable


def person_answers(one_in: int, draw: Callable[[], float]) -> bool:
    """True about once in ``one_in`` calls (never when it is 0); ``draw`` is in [0, 1)."""
    return one_in > 0 and draw() < 1.0 / one_in
