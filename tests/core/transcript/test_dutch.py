"""Dutch takes: Flemish and Dutch fillers by their position, numbers and compounds in the
script diff, and the card's pace against Dutch norms."""

from __future__ import annotations

import pytest

from app.core import i18n
from app.core.transcript import Transcript, Word, compare_to_script
from app.core.transcript.dutch import spell_number, spell_numeric
from app.core.transcript.normalize import normalize
from tests.core.transcript.spoken import spoken


def dutch(text: str, every_s: float = 0.5) -> Transcript:
    english = spoken(text, every_s)
    return Transcript(english.words, english.duration_s, "nl")


def fillers_in(text: str) -> list[str]:
    return [f.text for f in dutch(text).fillers]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Euh, ik bel, ehm, over eh de levering.", ["euh", "ehm", "eh"]),
        ("Allee, dat is handig, hé?", ["allee", "he"]),
        ("Zo, ik bel even. Het gaat zo snel.", ["zo"]),
        ("Dus, eh, we bellen. Dus we bellen morgen.", ["dus", "eh"]),
        ("Het is, eigenlijk, een tool. Eigenlijk niet.", ["eigenlijk"]),
        ("Het is handig, weet je. Weet je wat, prima.", ["weet je"]),
        ("Een soort dashboard, zeg maar. Zeg maar Jan.", ["zeg maar"]),
        ("Ja nee, dat klopt. Ja, nee, nooit. Ik zeg ja. Nee.", ["ja nee", "ja nee"]),
    ],
)
def test_what_counts_as_a_dutch_filler(text: str, expected: list[str]) -> None:
    assert fillers_in(text) == expected


def test_a_silence_sets_a_word_off_where_whisper_wrote_no_comma() -> None:
    words = (
        Word("We", 0.0, 0.2),
        Word("bellen", 0.3, 0.6),
        Word("dus", 1.2, 1.4),  # 0.6 s of silence on either side
        Word("morgen.", 2.0, 2.4),
    )
    assert [f.text for f in Transcript(words, 3.0, "nl").fillers] == ["dus"]
    close = tuple(Word(w.word, i * 0.3, i * 0.3 + 0.25) for i, w in enumerate(words))
    assert Transcript(close, 3.0, "nl").fillers == ()


def test_english_hedges_stay_english() -> None:
    assert [f.text for f in spoken("Zo, dus, you know, fine.").fillers] == ["you know"]


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (30, "dertig"),
        (22, "tweeëntwintig"),
        (125, "honderdvijfentwintig"),
        (2500, "tweeduizend vijfhonderd"),
    ],
)
def test_numbers_are_spelled_the_dutch_way(number: int, words: str) -> None:
    assert spell_number(number) == words


def test_dutch_amounts_ordinals_and_times() -> None:
    assert spell_numeric("€2.500") == "tweeduizend vijfhonderd euro"
    assert spell_numeric("3,5") == "drie komma vijf"
    assert spell_numeric("8ste") == "achtste"
    assert spell_numeric("14u30") == "veertien uur dertig"
    assert spell_numeric("0475123456").startswith("nul vier zeven vijf")


def test_compounds_and_accents_compare_whole() -> None:
    assert normalize("zee-engte", "nl") == normalize("zeeëngte", "nl") == ["zeeengte"]
    assert normalize("Eén", "nl") == ["een"]
    assert normalize("zee-engte") == ["zee", "engte"]  # English keeps splitting


def test_the_dutch_script_diff_matches_numbers_and_compounds() -> None:
    script = "Het kost dertig euro en de zee-engte is 14 km breed."
    said = dutch("Eh, het kost 30 euro en de zee -engte is veertien km breed.")
    diff = compare_to_script(said, script)
    assert [op.kind for op in diff.ops] == ["same"]
    assert [f.text for f in diff.fillers] == ["eh"]
    wrong = compare_to_script(dutch("Het kost 40 euro."), "Het kost dertig euro.")
    assert [(op.kind, op.said, op.script) for op in wrong.ops if op.kind != "same"] == [
        ("changed", ("40",), ("dertig",))
    ]


def test_the_filler_summary_reads_naturally_in_dutch() -> None:
    from app.core.transcript import describe

    i18n.set_language("nl")
    report = dutch("Euh, ik bel, allee, eigenlijk om, ehm, te vragen.", every_s=1.0).filler_report
    assert report.count == 3
    text = describe(report)
    assert text.startswith("3 stopwoorden")
    assert "per minuut" in text
