"""Dutch pace norms: the words-a-minute range comes from the cited syllable rates and the
syllables a Dutch word has, measured on the Dutch text that ships with Pitchback."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from app.core.analysis.describe import PACE_NORMS
from app.core.transcript.dutch import syllables
from tests.conftest import ROOT

FLEMISH, NETHERLANDS = 4.00, 4.23  # syllables a second, Verhoeven et al. (2004)


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def dutch_words() -> list[str]:
    starter = ROOT / "resources" / "starters" / "nl" / "koude-acquisitie-starter.pitch"
    lines = [
        line
        for line in starter.read_text("utf-8").splitlines()
        if line and not line.startswith(("//", "==", "(", ">", "Titel", "Taal"))
    ]
    said = [re.sub(r"\{[^}]*\}", "naam", line) for line in lines]
    objections = json.loads((ROOT / "resources" / "objections" / "nl.json").read_text("utf-8"))
    return [
        word
        for text in [*said, *_strings(objections)]
        for word in text.split()
        if any(c.isalnum() for c in word)
    ]


def test_a_dutch_word_has_the_syllables_the_norm_assumes() -> None:
    words = dutch_words()
    assert len(words) > 1000
    per_word = sum(map(syllables, words)) / len(words)
    assert abs(per_word - PACE_NORMS["nl"].syllables_per_word) < 0.02


def test_the_dutch_range_is_the_cited_rate_in_words() -> None:
    norm = PACE_NORMS["nl"]
    low, high = (round(rate * 60 / norm.syllables_per_word) for rate in (FLEMISH, NETHERLANDS))
    assert norm.comfortable == (low, high)
    middle, english = sum(norm.comfortable) / 2, PACE_NORMS["en"]
    margins = [bound / (sum(english.comfortable) / 2) for bound in english.flagged]
    assert norm.flagged == tuple(round(middle * margin) for margin in margins)


def test_dutch_syllables_follow_the_spelling() -> None:
    counts = {
        w: syllables(w)
        for w in ("zeeën", "geïnteresseerd", "uiteinde", "eeuw", "dialoog", "koeien", "30")
    }
    assert counts == {
        "zeeën": 2,
        "geïnteresseerd": 5,
        "uiteinde": 3,
        "eeuw": 1,
        "dialoog": 3,
        "koeien": 2,
        "30": 2,
    }
