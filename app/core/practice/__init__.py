"""Live-call practice without Qt: the call over the script graph, who answers what, freeze
times, Leitner boxes, the store of runs and turns, and the objection library."""

from app.core.practice.call import (
    STILL_THERE_KEY,
    Call,
    End,
    Heard,
    Outcome,
    Phase,
    Say,
    ScriptNotPlayable,
    Timing,
)
from app.core.practice.choice import Chooser, DrillChoice, RandomChoice, WeightedChoice
from app.core.practice.leitner import boxes
from app.core.practice.stats import FreezeStats, freeze_stats
from app.core.practice.store import PracticeStore, Run
from app.core.practice.turns import FREEZE_S, PICKUP_KEY, Rating, Turn, branch_key

__all__ = [
    "FREEZE_S",
    "PICKUP_KEY",
    "STILL_THERE_KEY",
    "Call",
    "Chooser",
    "DrillChoice",
    "End",
    "FreezeStats",
    "Heard",
    "Outcome",
    "Phase",
    "PracticeStore",
    "RandomChoice",
    "Rating",
    "Run",
    "Say",
    "ScriptNotPlayable",
    "Timing",
    "Turn",
    "WeightedChoice",
    "boxes",
    "branch_key",
    "freeze_stats",
]
