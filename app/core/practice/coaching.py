"""The review's coaching: a judged reply in plain words, one suggestion, a score per turn and
per call. The score starts from 100 and loses what a coach would point out."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.i18n import _, n_
from app.core.practice.judge import Verdict
from app.core.practice.store import PracticeStore
from app.core.practice.turns import Turn

SHOWN_KEY_WORDS = 6
# What each shortcoming costs the turn's score (out of 100).
COST = {
    "off_purpose": 30,
    "no_question": 25,
    "no_acknowledge": 30,
    "rambled": 30,
    "froze": 15,
    "filler": 5,
}
MAX_FILLER_COST = 20
TREND_CALLS = 6


def turn_score(verdict: Verdict, turn: Turn) -> int:
    if verdict.gave_up or verdict.silent:
        return 0
    want = verdict.wanted
    lost = 0
    lost += 0 if verdict.on_purpose else COST["off_purpose"]
    lost += COST["no_question"] if want.question and not verdict.asked else 0
    lost += COST["no_acknowledge"] if want.acknowledge and not verdict.acknowledged else 0
    lost += COST["rambled"] if verdict.rambled else 0
    lost += COST["froze"] if turn.froze else 0
    lost += min(MAX_FILLER_COST, COST["filler"] * verdict.fillers)
    return max(0, 100 - lost)


def call_score(turns: Sequence[Turn]) -> int | None:
    """The mean of the judged turns' scores; None when no reply was judged."""
    scores = [turn_score(t.verdict, t) for t in turns if t.verdict is not None]
    return round(statistics.fmean(scores)) if scores else None


def wanted_text(verdict: Verdict) -> str:
    want = verdict.wanted
    parts = []
    if want.key_words:
        words = ", ".join(want.key_words[:SHOWN_KEY_WORDS])
        parts.append(_("its key words ({words})").format(words=words))
    if want.acknowledge:
        parts.append(_("acknowledge the objection first"))
    if want.question:
        parts.append(_("ask a question"))
    return "; ".join(parts) if parts else _("nothing in particular")


def judgement_text(verdict: Verdict) -> str:
    """The verdict as a coach would say it."""
    if verdict.silent:
        return _("Nothing was heard: the prospect waited in silence.")
    if verdict.gave_up:
        return _("You gave up: the prospect took the way out you offered.")
    said: list[str] = []
    said.append(_("Said what the step is for.") if verdict.on_purpose
                else _("Missed what the step is for."))  # fmt: skip
    if verdict.wanted.acknowledge:
        said.append(_("Acknowledged the objection first.") if verdict.acknowledged
                    else _("Answered without acknowledging the objection."))  # fmt: skip
    if verdict.wanted.question:
        said.append(_("Asked a question.") if verdict.asked else _("Asked no question."))
    if verdict.rambled:
        said.append(_("Went on too long: a monologue."))
    if verdict.fillers:
        count = verdict.fillers
        said.append(n_("{count} filler.", "{count} fillers.", count).format(count=count))
    return " ".join(said)


def suggestion(verdict: Verdict, script_words: str) -> str:
    """One thing to try next time, with the script's own words when they help."""
    quoted = script_words if len(script_words) <= 160 else script_words[:157].rstrip() + "…"
    if verdict.silent or verdict.gave_up:
        return _("Don't let go: the script's answer is “{words}”.").format(words=quoted)
    if verdict.wanted.acknowledge and not verdict.acknowledged:
        return _("Try acknowledging first (“That's fair…”), then ask: “{words}”").format(
            words=quoted
        )
    if verdict.rambled:
        return _("Keep it short and end on a question: “{words}”").format(words=quoted)
    if not verdict.on_purpose:
        return _("You said “{said}”; the script's answer is “{words}”.").format(
            said=verdict.said, words=quoted
        )
    if verdict.wanted.question and not verdict.asked:
        return _("End on a question, so the prospect talks: “{words}”").format(words=quoted)
    if verdict.fillers:
        return _("Good reply. Next time, pause instead of “um”.")
    return _("Good reply: keep it.")


def trend(store: PracticeStore, script_id: int, last: int = TREND_CALLS) -> Trend:
    """The scores of the script's last judged calls, oldest first."""
    scores = [call_score(store.turns(run.id)) for run in store.runs(script_id)[: 3 * last]]
    return Trend(tuple(s for s in reversed(scores) if s is not None)[-last:])


@dataclass(frozen=True)
class Trend:
    scores: tuple[int, ...]  # oldest first

    @property
    def text(self) -> str:
        if not self.scores:
            return ""
        shown = " → ".join(str(s) for s in self.scores)
        return _("Call score {score} (last calls: {scores})").format(
            score=self.scores[-1], scores=shown
        )
