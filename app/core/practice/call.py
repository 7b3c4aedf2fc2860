"""A practice call as a state machine over the script graph, timed in recording frames.

The prospect picks up ("Peter speaking."); you say the opener; the prospect answers with one
of the opener's branches; you reply with the step that branch leads to; and so on, until you
have said an ending, or hang up. The call never looks at a clock: the caller reports when the
prospect's lines start and end and what the microphone has heard so far (``Heard``), all in
frames of the one recording, and gets back what the prospect says next (``Say``) or that the
call is over (``End``).

A call given ``ears`` (the reply's words, transcribed while you speak) listens: your turn ends
after a short pause once the words are in and do not stop mid-sentence ("... and"), the reply
is judged against its step (app.core.practice.judge), and the judgement picks the answer the
script marks as the reaction to a good or a weak reply. Giving up ends the call; a monologue
is cut short. Without ears, or at a step with no marked answers, the call goes as it always
did: a fixed pause ends the reply and the chooser picks the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal, Protocol

from app.core.practice import phrases
from app.core.practice.choice import Chooser, RandomSource
from app.core.practice.judge import Verdict, goes_on, judge
from app.core.practice.patience import PATIENCE, Patience
from app.core.practice.turns import PICKUP_KEY, Turn, branch_key
from app.core.script.model import Reaction, Script, Step

STILL_THERE_KEY = "@still-there"
GOODBYE_WORDS = "@goodbye"  # the prospect's answer to a rep who gave up

Outcome = Literal["completed", "drilled", "hung_up", "prospect_hung_up"]


@dataclass(frozen=True)
class Timing:
    still_there_s: float = 6.0  # silence after a line before "Hello? Are you still there?"
    hang_up_s: float = 6.0  # further silence after that before the prospect hangs up
    reply_over_s: float = 1.2  # a pause this long ends your reply and the prospect answers
    # With the words: a pause this long ends the reply when they do not stop mid-sentence ...
    quick_pause_s: float = 0.45
    goes_on_pause_s: float = 1.8  # ... and this long when they do ("... and", "... dus")
    words_wait_s: float = 4.0  # after reply_over_s, how long to wait for late words


class Ears(Protocol):
    """The reply's words as they are transcribed, for a call that listens."""

    def text_until(self, frame: int) -> str | None:
        """Everything said up to recording frame ``frame``; None while part of it is still
        being transcribed."""
        ...

    def text_so_far(self) -> str:
        """The words transcribed so far, whatever is still pending."""
        ...


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


def reacts(step: Step) -> bool:
    """The step marks answers as reactions to a good or weak reply: the prospect listens
    there. A step without marks plays as it always did."""
    return any(b.reaction != Reaction.ANY for b in step.branches)


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
        ears: Ears | None = None,
        patience: Patience = PATIENCE["normal"],
        rng: RandomSource | None = None,
        fills: Mapping[str, str] | None = None,
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
        self.ears = ears
        self.patience = patience
        self.rng = rng
        self.fills = fills or {}
        self._hangs_up_after_line = False  # the prospect's goodbye to a rep who gave up

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
        if self._hangs_up_after_line and self.saying is None:
            return self._end("prospect_hung_up")
        turn = self.turn
        if self.phase == Phase.WAITING and turn.line_end is not None:
            if heard.onset is not None:
                turn.onset = heard.onset
                self.phase = Phase.REPLYING
            else:
                return self._still_waiting(heard, turn.line_end)
        if self.phase != Phase.REPLYING:
            return None
        voice_end = heard.voice_end
        if self.ears is None:
            pause = self._frames(self.timing.reply_over_s)
            if voice_end is not None and heard.until - voice_end >= pause:
                return self._reply_over(voice_end)
            return None
        if voice_end is None:
            onset = turn.onset if turn.onset is not None else heard.until
            long = heard.until - onset >= self._frames(self.patience.interrupt_s)
            if long and reacts(self.step(turn.step)):
                return self._reply_over(heard.until, self.ears.text_so_far(), interrupted=True)
            return None
        return self._end_of_turn(heard.until - voice_end, voice_end)

    def _end_of_turn(self, pause: int, voice_end: int) -> Say | End | None:
        """The voice stopped ``pause`` frames ago: is the turn over? Asked of the words."""
        timing, ears = self.timing, self.ears
        assert ears is not None
        if pause < self._frames(timing.quick_pause_s):
            return None
        text = ears.text_until(voice_end)
        if text is None:  # the last piece is still being transcribed
            # A step without marks needs no words to answer: no longer than it always took.
            wait_s = timing.words_wait_s if reacts(self.step(self.turn.step)) else 0.0
            late = pause >= self._frames(timing.reply_over_s + wait_s)
            return self._reply_over(voice_end) if late else None
        if goes_on(text) and pause < self._frames(timing.goes_on_pause_s):
            return None
        return self._reply_over(voice_end, text)

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
    def _reply_over(
        self, frame: int, said: str | None = None, interrupted: bool = False
    ) -> Say | End:
        turn = self.turn
        turn.reply_end = frame
        step = self.step(turn.step)
        verdict = None
        if said is not None:
            reply_s = max(0, frame - (turn.onset or frame)) / self.rate
            verdict = judge(said, step, reply_s, self.fills)
            turn.said, turn.verdict, turn.interrupted = said, verdict, interrupted
        if step.is_ending or not step.branches:
            return self._end("completed")
        if self.chooser.done_after(turn.key):
            return self._end("drilled")
        if verdict is not None and verdict.gave_up and reacts(step):
            self._hangs_up_after_line = True
            key = branch_key(step.name, GOODBYE_WORDS)
            return self._new_turn(key, phrases.goodbye(self.language), step.name)
        branch = self.chooser.choose(self.script, self._answers(step, verdict, interrupted))
        text = phrases.prospect_says(branch.words, self.language)
        if interrupted:
            text = f"{phrases.interrupt(self.language)} {text}"
        return self._new_turn(branch_key(step.name, branch.words), text, branch.target)

    def _answers(self, step: Step, verdict: Verdict | None, interrupted: bool) -> Step:
        """The step with only the answers that may follow this reply: those marked for it
        and the unmarked ones (all, in a step without marks)."""
        branches = step.branches
        if verdict is None or not reacts(step):
            return step
        good = verdict.good and not interrupted
        weak = [b for b in branches if b.reaction == Reaction.WEAK]
        rng = self.rng
        if good and weak and rng is not None and rng.random() < self.patience.object_twice:
            good = False  # they object once more, however well you answered
        wanted = Reaction.GOOD if good else Reaction.WEAK
        # An unmarked answer may follow either kind of reply.
        fitting = [b for b in branches if b.reaction in (wanted, Reaction.ANY)] or list(branches)
        return replace(step, body=tuple(fitting))

    def _end(self, outcome: Outcome) -> End:
        self.phase = Phase.OVER
        self.outcome = outcome
        self.saying = None
        return End(outcome)

    def _frames(self, seconds: float) -> int:
        return round(seconds * self.rate)
