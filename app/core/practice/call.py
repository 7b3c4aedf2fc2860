"""A practice call as a state machine over the script graph, timed in recording frames.

The prospect picks up ("Peter speaking."); you say the opener; the prospect answers with one
of the opener's branches; you reply with the step that branch leads to; and so on, until you
have said an ending, or hang up. The call never looks at a clock: the caller reports when the
prospect's lines start and end and what the microphone has heard so far (``Heard``), all in
frames of the one recording, and gets back what the prospect says next (``Say``) or that the
call is over (``End``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from app.core.practice import phrases
from app.core.practice.choice import Chooser
from app.core.practice.turns import PICKUP_KEY, Turn, branch_key
from app.core.script.model import Script, Step

STILL_THERE_KEY = "@still-there"

Outcome = Literal["completed", "drilled", "hung_up", "prospect_hung_up"]


@dataclass(frozen=True)
class Timing:
    still_there_s: float = 6.0  # silence after a line before "Hello? Are you still there?"
    hang_up_s: float = 6.0  # further silence after that before the prospect hangs up
    reply_over_s: float = 1.2  # a pause this long ends your reply and the prospect answers


class Phase(StrEnum):
    PROSPECT = "prospect"  # the prospect is saying a line
    WAITING = "waiting"  # the line is over; nothing heard from you yet
    REPLYING = "replying"
    OVER = "over"


@dataclass(frozen=True)
class Say:
    text: str
    key: str  # which recorded line fits: PICKUP_KEY, STILL_THERE_KEY or a branch_key


@dataclass(frozen=True)
class End:
    outcome: Outcome


@dataclass(frozen=True)
class Heard:
    """What the microphone told us so far about the current reply, in recording frames."""

    until: int  # the verdict below covers the recording up to here
    onset: int | None = None  # the first voiced sound after the prospect's line
    voice_end: int | None = None  # where the voice last stopped (None: still speaking)
    silent_tail: bool = True  # nothing after ``until`` yet that may turn out to be a voice


class ScriptNotPlayable(ValueError):
    pass


class Call:
    def __init__(
        self,
        script: Script,
        chooser: Chooser,
        rate: int,
        timing: Timing = Timing(),
        prospect_name: str = phrases.PROSPECT_NAME,
    ) -> None:
        if script.start is None or script.errors:
            raise ScriptNotPlayable
        self.script = script
        self.chooser = chooser
        self.rate = rate
        self.timing = timing
        self.prospect_name = prospect_name
        self.turns: list[Turn] = []
        self.phase = Phase.PROSPECT
        self.outcome: Outcome | None = None
        self.saying: Say | None = None  # the line the prospect is saying, if any
        self._still_there_end: int | None = None

    @property
    def turn(self) -> Turn:
        return self.turns[-1]

    @property
    def language(self) -> str | None:
        return self.script.language

    def step(self, name: str) -> Step:
        step = self.script.step_named(name)
        assert step is not None, name  # a playable script has no dangling branch
        return step

    def begin(self) -> Say:
        start = self.script.start
        assert start is not None
        text = phrases.pickup(self.language, self.prospect_name)
        return self._new_turn(PICKUP_KEY, text, start.name)

    def _new_turn(self, key: str, text: str, step: str) -> Say:
        self.turns.append(Turn(len(self.turns), self.rate, key, text, step))
        self.phase = Phase.PROSPECT
        self._still_there_end = None
        self.saying = Say(text, key)
        return self.saying

    # -- what the caller reports -----------------------------------------------------------
    def line_started(self, frame: int) -> None:
        if self.saying is not None and self.saying.key != STILL_THERE_KEY:
            self.turn.line_start = frame

    def line_ended(self, frame: int) -> None:
        saying, self.saying = self.saying, None
        if saying is None or self.phase == Phase.OVER:
            return
        if saying.key == STILL_THERE_KEY:
            self._still_there_end = frame
        else:
            self.turn.line_end = frame
            self.phase = Phase.WAITING

    @property
    def listening_since(self) -> int | None:
        """Where the microphone's verdict is wanted from: the end of the prospect's line."""
        if self.phase in (Phase.WAITING, Phase.REPLYING):
            return self.turn.line_end
        return None

    def hear(self, heard: Heard) -> Say | End | None:
        """Move on with what the microphone heard; what the prospect does now, if anything."""
        turn = self.turn
        if self.phase == Phase.WAITING and turn.line_end is not None:
            if heard.onset is not None:
                turn.onset = heard.onset
                self.phase = Phase.REPLYING
            else:
                return self._still_waiting(heard, turn.line_end)
        voice_end = heard.voice_end
        pause = self._frames(self.timing.reply_over_s)
        if self.phase == Phase.REPLYING and voice_end is not None:
            return self._reply_over(voice_end) if heard.until - voice_end >= pause else None
        return None

    def _still_waiting(self, heard: Heard, line_end: int) -> Say | End | None:
        if not heard.silent_tail:
            return None
        turn = self.turn
        if turn.still_there_at is None:
            if heard.until - line_end >= self._frames(self.timing.still_there_s):
                turn.still_there_at = heard.until
                self.saying = Say(phrases.still_there(self.language), STILL_THERE_KEY)
                return self.saying
            return None
        asked_end = self._still_there_end
        if asked_end is not None and heard.until - asked_end >= self._frames(self.timing.hang_up_s):
            turn.gave_up_at = heard.until
            return self._end("prospect_hung_up")
        return None

    def reply_done(self, frame: int) -> Say | End | None:
        """You signal the end of your reply (a key) instead of waiting for the pause."""
        if self.phase != Phase.REPLYING:
            return None
        return self._reply_over(max(frame, self.turn.onset or frame))

    def hang_up(self, frame: int) -> End:
        if self.phase == Phase.REPLYING and self.turn.reply_end is None:
            self.turn.reply_end = frame  # what you said so far stays a reply
        return self._end("hung_up")

    # -- moving on -------------------------------------------------------------------------
    def _reply_over(self, frame: int) -> Say | End:
        turn = self.turn
        turn.reply_end = frame
        step = self.step(turn.step)
        if step.is_ending or not step.branches:
            return self._end("completed")
        if self.chooser.done_after(turn.key):
            return self._end("drilled")
        branch = self.chooser.choose(self.script, step)
        text = phrases.prospect_says(branch.words, self.language)
        return self._new_turn(branch_key(step.name, branch.words), text, branch.target)

    def _end(self, outcome: Outcome) -> End:
        self.phase = Phase.OVER
        self.outcome = outcome
        self.saying = None
        return End(outcome)

    def _frames(self, seconds: float) -> int:
        return round(seconds * self.rate)
