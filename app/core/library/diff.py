"""Differences between two texts: line by line for the history panel, word by word for feedback.

difflib's automatic junk heuristic is turned off: in a script, blank lines and "== ... =="
headings are frequent, and treating them as junk makes diffs of longer scripts jump around.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

RowKind = Literal["same", "changed", "added", "removed"]
WordTag = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True, slots=True)
class DiffRow:
    """One row of a side-by-side view; a missing side has no line number and empty text."""

    left_lineno: int | None  # 1-based
    left_text: str
    right_lineno: int | None
    right_text: str
    kind: RowKind


@dataclass(frozen=True, slots=True)
class WordOp:
    """``a[a_start:a_end]`` becomes ``b[b_start:b_end]``, as difflib's opcodes say."""

    tag: WordTag
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def lines(text: str) -> list[str]:
    """The lines of ``text``; a final newline ends the last line rather than starting one."""
    if not text:
        return []
    parts = text.split("\n")
    return parts[:-1] if text.endswith("\n") else parts


def side_by_side(old_text: str, new_text: str) -> list[DiffRow]:
    """Rows pairing the lines of ``old_text`` (left) with those of ``new_text`` (right)."""
    old, new = lines(old_text), lines(new_text)
    rows: list[DiffRow] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(
                DiffRow(i + 1, old[i], j + 1, new[j], "same")
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        # A replaced block is shown as changed pairs, then the longer side's remainder.
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        rows.extend(
            DiffRow(i1 + k + 1, old[i1 + k], j1 + k + 1, new[j1 + k], "changed")
            for k in range(paired)
        )
        rows.extend(DiffRow(i + 1, old[i], None, "", "removed") for i in range(i1 + paired, i2))
        rows.extend(DiffRow(None, "", j + 1, new[j], "added") for j in range(j1 + paired, j2))
    return rows


def word_diff(
    a_words: Sequence[str],
    b_words: Sequence[str],
    key: Callable[[str], Hashable] | None = None,
) -> list[WordOp]:
    """How ``a_words`` becomes ``b_words``, as runs of equal, inserted, deleted and replaced words.

    ``key`` decides which words count as equal (for instance ignoring case and punctuation when
    comparing what was said with the script); the indices always refer to the words as given.
    """
    a = list(a_words) if key is None else [key(w) for w in a_words]
    b = list(b_words) if key is None else [key(w) for w in b_words]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [WordOp(tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
