"""Aligning two word sequences with the fewest edits, and the word error rate that follows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

EditKind = Literal["same", "changed", "added", "skipped"]


def align(
    said: Sequence[str],
    script: Sequence[str],
    equal: Callable[[str, str], bool] = str.__eq__,
) -> list[tuple[EditKind, int | None, int | None]]:
    """Levenshtein alignment as (kind, said index, script index) steps, in order.

    "added" is a said word the script does not have, "skipped" a script word not said.
    Quadratic, which is a few milliseconds for a voicemail and its take.
    """
    rows, cols = len(said) + 1, len(script) + 1
    cost = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        cost[i][0] = i
    for j in range(cols):
        cost[0][j] = j
    for i in range(1, rows):
        for j in range(1, cols):
            cost[i][j] = min(
                cost[i - 1][j - 1] + (0 if equal(said[i - 1], script[j - 1]) else 1),
                cost[i - 1][j] + 1,
                cost[i][j - 1] + 1,
            )
    steps: list[tuple[EditKind, int | None, int | None]] = []
    i, j = rows - 1, cols - 1
    while i or j:
        if i and j:
            same = equal(said[i - 1], script[j - 1])
            if cost[i][j] == cost[i - 1][j - 1] + (0 if same else 1):
                steps.append(("same" if same else "changed", i - 1, j - 1))
                i, j = i - 1, j - 1
                continue
        if i and cost[i][j] == cost[i - 1][j] + 1:
            steps.append(("added", i - 1, None))
            i -= 1
        else:
            steps.append(("skipped", None, j - 1))
            j -= 1
    steps.reverse()
    return steps


def word_error_rate(said: Sequence[str], reference: Sequence[str]) -> float:
    """Substitutions, insertions and deletions per reference word (0.0 for two empty lists)."""
    if not reference:
        return float(len(said) > 0)
    errors = sum(kind != "same" for kind, _said, _ref in align(said, reference))
    return errors / len(reference)
