"""Timestamps as the library stores them: ISO 8601 strings in UTC, from an injected clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    """The stored form; one fixed width so that text order is time order in SQL."""
    if moment.tzinfo is None:
        # A naive time from a clock is a bug; guessing its zone would corrupt the ordering.
        raise ValueError(f"the clock must return aware datetimes, got {moment!r}")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)
