"""Where you freeze: per answer of the prospect, the median and 90th percentile of the freeze."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from app.core.practice.turns import Turn


@dataclass(frozen=True)
class FreezeStats:
    key: str
    prospect_text: str  # as the prospect last said it
    count: int  # turns with a measured freeze
    median_s: float
    p90_s: float
    freezes: int  # of them, how many were freezes (or no reply at all)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile, interpolated between the nearest ranks (numpy's default)."""
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))


def freeze_stats(turns: Iterable[Turn]) -> list[FreezeStats]:
    """One row per answer that has a measured freeze, worst 90th percentile first."""
    freezes: dict[str, list[float]] = {}
    froze: dict[str, int] = {}
    texts: dict[str, str] = {}
    for turn in turns:
        freeze = turn.freeze_s
        if freeze is None or (turn.onset is None and turn.gave_up_at is None):
            continue
        freezes.setdefault(turn.key, []).append(freeze)
        froze[turn.key] = froze.get(turn.key, 0) + turn.froze
        texts[turn.key] = turn.prospect_text
    rows = [
        FreezeStats(key, texts[key], len(v), percentile(v, 50), percentile(v, 90), froze[key])
        for key, v in freezes.items()
    ]
    return sorted(rows, key=lambda row: (-row.p90_s, row.key))
