"""Pauses: silent gaps inside the take, and where they fall against the script."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from app.core.analysis.vad import runs

MIN_PAUSE_S = 0.25  # shorter silences are stop closures and breaths within a phrase

PauseKind = Literal["punctuation", "inside"]


@dataclass(frozen=True)
class Pause:
    start_s: float
    end_s: float

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


@dataclass(frozen=True)
class TimedWord:
    text: str
    start_s: float
    end_s: float


def find_pauses(speech: np.ndarray, step_s: float, min_pause_s: float = MIN_PAUSE_S) -> list[Pause]:
    """Silent gaps of at least ``min_pause_s`` between the first and the last speech frame."""
    silent_starts, silent_ends = runs(~speech)
    if not speech.any():
        return []
    first, last = int(np.argmax(speech)), len(speech) - int(np.argmax(speech[::-1]))
    shortest = round(min_pause_s / step_s)
    return [
        Pause(round(float(start) * step_s, 3), round(float(end) * step_s, 3))
        for start, end in zip(silent_starts, silent_ends, strict=True)
        if start > first and end < last and end - start >= shortest
    ]


def speech_span(speech: np.ndarray, step_s: float) -> tuple[float, float] | None:
    """Start of the first and end of the last speech frame, or None without speech."""
    if not speech.any():
        return None
    first, last = int(np.argmax(speech)), len(speech) - int(np.argmax(speech[::-1]))
    return first * step_s, last * step_s


def phrases(span: tuple[float, float], pauses: Sequence[Pause]) -> list[float]:
    """Durations of the stretches of speech between pauses."""
    edges = [span[0]]
    for pause in pauses:
        edges += [pause.start_s, pause.end_s]
    edges.append(span[1])
    return [end - start for start, end in zip(edges[::2], edges[1::2], strict=True)]


def phrase_variation(durations: Sequence[float]) -> float | None:
    """Coefficient of variation of phrase lengths; None with fewer than three phrases.

    Reading aloud tends to chop speech at the punctuation into phrases of similar length;
    spontaneous speech runs on and then stops, so its phrases vary much more.
    """
    if len(durations) < 3:
        return None
    values = np.asarray(durations)
    return float(np.std(values) / np.mean(values))


_WORD = re.compile(r"[\w'’-]+")
_BREAK = re.compile(r"[.,;:?!…]|\n")


def script_breaks(script_text: str) -> list[tuple[str, bool]]:
    """The script's words, each with whether punctuation or a line break follows it."""
    out: list[tuple[str, bool]] = []
    matches = list(_WORD.finditer(script_text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(script_text)
        out.append((_normal(match.group()), bool(_BREAK.search(script_text, match.end(), end))))
    return out


def classify_pauses(
    pauses: Sequence[Pause], words: Sequence[TimedWord], script_text: str
) -> list[PauseKind | None]:
    """For each pause, 'punctuation' when it falls where the script has a break between the
    words on either side, 'inside' when it splits a sentence, None when it lies outside the
    words (before the first or after the last, or no words are known).

    Spoken words are matched to the script in order, tolerating words the speaker added,
    dropped or changed: the alignment is an edit-distance alignment on normalised words.
    """
    breaks = script_breaks(script_text)
    after = _break_after_spoken(words, breaks)
    kinds: list[PauseKind | None] = []
    for pause in pauses:
        middle = (pause.start_s + pause.end_s) / 2
        before = [i for i, word in enumerate(words) if word.end_s <= middle]
        if not before or before[-1] == len(words) - 1:
            kinds.append(None)
            continue
        kinds.append("punctuation" if after[before[-1]] else "inside")
    return kinds


def _break_after_spoken(words: Sequence[TimedWord], breaks: list[tuple[str, bool]]) -> list[bool]:
    """For each spoken word: does the script break after the script word it stands for?"""
    spoken = [_normal(word.text) for word in words]
    script = [word for word, _ in breaks]
    n, m = len(spoken), len(script)
    # Levenshtein alignment; cost 0 for equal words, 1 for anything else.
    cost = np.zeros((n + 1, m + 1), dtype=np.int32)
    cost[:, 0] = np.arange(n + 1)
    cost[0, :] = np.arange(m + 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            same = 0 if spoken[i - 1] == script[j - 1] else 1
            cost[i, j] = min(cost[i - 1, j - 1] + same, cost[i - 1, j] + 1, cost[i, j - 1] + 1)
    result = [False] * n
    i, j = n, m
    while i > 0 and j > 0:
        same = 0 if spoken[i - 1] == script[j - 1] else 1
        if cost[i, j] == cost[i - 1, j - 1] + same:
            result[i - 1] = breaks[j - 1][1]
            i, j = i - 1, j - 1
        elif cost[i, j] == cost[i - 1, j] + 1:
            # A word the speaker added: it inherits the break of the script word before it,
            # which is right for a filler said at a full stop ("... today. Um, so").
            result[i - 1] = breaks[j - 1][1] if j > 0 else False
            i -= 1
        else:
            j -= 1
    return result


def _normal(word: str) -> str:
    return word.lower().replace("’", "'").strip("'-")
