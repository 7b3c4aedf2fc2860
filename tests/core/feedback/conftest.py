"""Helpers for the feedback tests: a store on a fresh database, and small made-up takes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.analysis import Analysis, Pause, PitchStats
from app.core.feedback import FeedbackRecords
from app.core.library import ScriptLibrary
from app.core.store import connect
from app.core.takes import TakeStore
from app.core.transcript import Transcript, Word


class Clock:
    """One second later at every call, from a fixed morning."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


class World:
    def __init__(self, folder: Path) -> None:
        self.clock = Clock()
        self.conn = connect(folder / "p.db")
        self.takes = TakeStore(self.conn, folder, self.clock)
        self.library = ScriptLibrary(self.conn, self.clock)
        self.records = FeedbackRecords(self.conn, self.clock)

    def take(self, seconds: float = 30.0) -> int:
        return self.takes.finish(self.takes.begin(48000).id, seconds).id


def an_analysis(
    range_st: float = 8.0, pauses: tuple[tuple[float, float], ...] = ((4.0, 4.6),), **changes: float
) -> Analysis:
    values: dict = dict(
        duration_s=30.0,
        speech_start_s=0.2,
        speech_end_s=29.5,
        speech_s=27.0,
        pauses=tuple(Pause(a, b) for a, b in pauses),
        syllables=120,
        pitch=PitchStats(median_hz=120.0, range_st=range_st, sd_st=2.5),
        loudness_sd_db=4.0,
        phrase_variation=0.5,
        phrase_count=5,
    )
    values.update(changes)
    return Analysis(**values)


def words(*spoken: tuple[str, float, float], duration_s: float = 10.0) -> Transcript:
    return Transcript(tuple(Word(text, start, end) for text, start, end in spoken), duration_s)


def said(text: str, start: float = 0.0, step: float = 0.4, duration_s: float = 10.0) -> Transcript:
    """A transcript of ``text``, one word every ``step`` seconds."""
    times = [
        (w, round(start + i * step, 3), round(start + i * step + step * 0.8, 3))
        for i, w in enumerate(text.split())
    ]
    return words(*times, duration_s=duration_s)
