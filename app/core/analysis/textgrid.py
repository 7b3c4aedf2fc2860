"""A small reader for Praat TextGrid files (long and short text formats).

Used by tests and benchmarks to compare the analysis with word alignments; the app itself
never needs it. Both formats are read by one tokenizer, because the short format is the long
one with its labels left out: what matters is the sequence of strings and numbers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

# Order matters: a quoted string may contain brackets or digits, so it must be taken whole
# before the bracketed indices ("intervals [3]:") that the long format adds and we skip.
_TOKEN = re.compile(
    r'"((?:[^"]|"")*)"|\[[^\]\n]*\]|(<exists>|<absent>)|(-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)'
)


class Interval(NamedTuple):
    start: float
    end: float
    text: str


def _tokens(text: str) -> list[str | float]:
    out: list[str | float] = []
    for match in _TOKEN.finditer(text):
        string, flag, number = match.groups()
        if string is not None:
            out.append(string.replace('""', '"'))
        elif flag is not None:
            out.append(flag)
        elif number is not None:
            out.append(float(number))
    return out


def parse_textgrid(text: str) -> dict[str, list[Interval]]:
    """Tier name -> its intervals. Point tiers become zero-length intervals."""
    tokens = _tokens(text)
    if tokens[:2] != ["ooTextFile", "TextGrid"]:
        raise ValueError("not a TextGrid in Praat's text format")
    pos = 2 + 2  # file xmin and xmax
    if tokens[pos] != "<exists>":
        return {}
    n_tiers = int(_number(tokens[pos + 1]))
    pos += 2
    tiers: dict[str, list[Interval]] = {}
    for _tier in range(n_tiers):
        kind, name = str(tokens[pos]), str(tokens[pos + 1])
        count = int(_number(tokens[pos + 4]))
        pos += 5
        items: list[Interval] = []
        for _item in range(count):
            if kind == "IntervalTier":
                start, end = _number(tokens[pos]), _number(tokens[pos + 1])
                items.append(Interval(start, end, str(tokens[pos + 2])))
                pos += 3
            else:
                time = _number(tokens[pos])
                items.append(Interval(time, time, str(tokens[pos + 1])))
                pos += 2
        tiers[name] = items
    return tiers


def read_textgrid(path: Path) -> dict[str, list[Interval]]:
    raw = path.read_bytes()
    # Praat writes UTF-16 when a label needs it, and marks it with a byte-order mark.
    text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8")
    return parse_textgrid(text)


def words(intervals: list[Interval]) -> list[Interval]:
    """The labelled intervals of a word tier, in time order (blank ones are silence)."""
    return [iv for iv in intervals if iv.text.strip()]


def _number(token: str | float) -> float:
    if isinstance(token, str):
        raise ValueError(f"expected a number in the TextGrid, found {token!r}")
    return token
