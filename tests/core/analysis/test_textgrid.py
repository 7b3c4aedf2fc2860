"""The TextGrid reader, on both of Praat's text formats."""

from __future__ import annotations

import pytest

from app.core.analysis.textgrid import Interval, parse_textgrid, read_textgrid, words
from tests.core.analysis.conftest import SPEECH

SHORT = """File type = "ooTextFile"
Object class = "TextGrid"

0
2.5
<exists>
2
"IntervalTier"
"words"
0
2.5
3
0
1
""
1
2
"say ""hi"" [1]"
2
2.5
""
"TextTier"
"events"
0
2.5
1
1.5
"click"
"""


def test_the_short_format_with_quotes_and_brackets_in_labels() -> None:
    tiers = parse_textgrid(SHORT)
    assert tiers["words"] == [
        Interval(0, 1, ""),
        Interval(1, 2, 'say "hi" [1]'),
        Interval(2, 2.5, ""),
    ]
    assert tiers["events"] == [Interval(1.5, 1.5, "click")]
    assert words(tiers["words"]) == [Interval(1, 2, 'say "hi" [1]')]


def test_the_long_format_from_praat() -> None:
    tiers = read_textgrid(SPEECH / "misc" / "the_north_wind_and_the_sun.TextGrid")
    assert [w.text for w in words(tiers["syllable nuclei"])] == [
        "The",
        "North",
        "Wind",
        "and",
        "the",
        "Sun",
    ]
    assert len(tiers["phonemes"]) == 16


def test_an_mfa_alignment() -> None:
    tiers = read_textgrid(SPEECH / "en_spont" / "acoustic_corpus.TextGrid")
    spoken = words(tiers["words"])
    assert spoken[0] == Interval(1.05, 1.2, "this")
    assert spoken[-1].text == "thanks"


def test_other_files_are_refused() -> None:
    with pytest.raises(ValueError, match="not a TextGrid"):
        parse_textgrid('File type = "ooTextFile"\nObject class = "Pitch 1"\n')
