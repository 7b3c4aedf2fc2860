"""One turn of a practice call: the prospect's line and the salesperson's reply, in frames.

Every time is a frame index into the run's one continuous recording, so a turn can be played,
measured and stored without any clock: the freeze is the distance from the end of the
prospect's line to the first voiced sound of the reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from app.core.script.model import name_key

if TYPE_CHECKING:
    from app.core.practice.judge import Verdict

PICKUP_KEY = "@pickup"  # the turn that opens every call: "Peter speaking." - the opener
FREEZE_S = 2.0  # a reply that starts later than this after the line is a freeze


class Rating(IntEnum):
    POOR = 1
    OKAY = 2
    GOOD = 3


def branch_key(step_name: str, words: str) -> str:
    """Names one answer of the prospect across runs (and across edits elsewhere in the script)."""
    return f"{name_key(step_name)} > {name_key(words)}"


@dataclass
class Turn:
    number: int  # 0 is the pickup
    rate: int  # of the run's recording: frames per second
    key: str  # PICKUP_KEY or a branch_key
    prospect_text: str
    step: str  # the step the salesperson answers with
    line_start: int | None = None
    line_end: int | None = None
    still_there_at: int | None = None  # when the prospect asked "are you still there?"
    onset: int | None = None  # the reply's first voiced frame
    reply_end: int | None = None
    gave_up_at: int | None = None  # the prospect hung up, having heard nothing
    rating: Rating | None = None
    id: int | None = None  # the database row, once stored
    said: str | None = None  # the reply's words, when the call listened
    verdict: Verdict | None = None  # the reply judged against its step (not stored)
    interrupted: bool = False  # the prospect cut the reply short

    @property
    def freeze_frames(self) -> int | None:
        """Silence between line and reply; for no reply at all, the whole wait (a lower bound)."""
        if self.line_end is None:
            return None
        if self.onset is not None:
            return max(0, self.onset - self.line_end)
        if self.gave_up_at is not None:
            return max(0, self.gave_up_at - self.line_end)
        return None

    @property
    def freeze_s(self) -> float | None:
        frames = self.freeze_frames
        return None if frames is None else frames / self.rate

    @property
    def reply_s(self) -> float | None:
        if self.onset is None or self.reply_end is None:
            return None
        return max(0, self.reply_end - self.onset) / self.rate

    @property
    def froze(self) -> bool:
        """No reply at all, or one that came more than FREEZE_S after the line."""
        freeze = self.freeze_s
        return freeze is not None and (freeze > FREEZE_S or self.gave_up_at is not None)

    @property
    def answered(self) -> bool:
        return self.onset is not None

    @property
    def finished(self) -> bool:
        """The turn got as far as it could: a whole reply, or a prospect who gave up."""
        return (self.onset is not None and self.reply_end is not None) or (
            self.gave_up_at is not None
        )
