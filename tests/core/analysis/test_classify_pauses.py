"""Where pauses fall against the script: at its punctuation (as a reader pauses) or inside a
sentence. Word timings come from the TextGrid alignments here; in the app, from the
transcript."""

from __future__ import annotations

import pytest

from app.core.analysis import Pause, TimedWord, analyze, classify_pauses
from app.core.analysis.pauses import script_breaks
from app.core.analysis.textgrid import read_textgrid, words
from tests.core.analysis.conftest import SPEECH, load, reference
from tests.core.analysis.scoring import reference_gaps

CLIP = SPEECH / "en_spont" / "acoustic_corpus"


def timed(*spoken: tuple[str, float, float]) -> list[TimedWord]:
    return [TimedWord(*word) for word in spoken]


def aligned_words() -> list[TimedWord]:
    grid = read_textgrid(CLIP.with_suffix(".TextGrid"))
    return [TimedWord(w.text, w.start, w.end) for w in words(grid["words"])]


def test_punctuation_and_line_breaks_are_breaks() -> None:
    assert script_breaks("Hello there. How are\nyou, today") == [
        ("hello", False),
        ("there", True),
        ("how", False),
        ("are", True),
        ("you", True),
        ("today", False),
    ]


def test_a_pause_at_a_full_stop_and_one_inside_a_sentence() -> None:
    spoken = timed(
        ("hello", 0.0, 0.4),
        ("there", 0.4, 0.8),
        ("how", 1.4, 1.6),
        ("are", 1.6, 1.8),
        ("you", 2.3, 2.5),
    )
    pauses = [Pause(0.8, 1.4), Pause(1.8, 2.3)]
    assert classify_pauses(pauses, spoken, "Hello there. How are you?") == ["punctuation", "inside"]


def test_added_dropped_and_changed_words_do_not_shift_the_script() -> None:
    # Said: "hello um there. so how is you" for the script "Hello there. How are you?"
    spoken = timed(
        ("hello", 0.0, 0.3),
        ("um", 0.3, 0.5),
        ("there", 0.5, 0.8),
        ("so", 1.5, 1.7),
        ("how", 1.7, 1.9),
        ("is", 2.5, 2.6),
        ("you", 2.6, 2.8),
    )
    pauses = [Pause(0.8, 1.5), Pause(1.9, 2.5)]
    assert classify_pauses(pauses, spoken, "Hello there. How are you?") == ["punctuation", "inside"]


def test_a_filler_after_a_full_stop_still_marks_the_break() -> None:
    spoken = timed(("done", 0.0, 0.4), ("um", 0.5, 0.8), ("next", 1.5, 1.8), ("one", 1.8, 2.0))
    assert classify_pauses([Pause(0.8, 1.5)], spoken, "Done. Next one.") == ["punctuation"]


def test_pauses_outside_the_words_or_without_words_are_not_classified() -> None:
    spoken = timed(("hello", 1.0, 1.4), ("there", 1.4, 1.8))
    assert classify_pauses([Pause(0.2, 0.9), Pause(2.0, 2.5)], spoken, "Hello there.") == [
        None,
        None,
    ]
    assert classify_pauses([Pause(1.0, 2.0)], [], "Hello there.") == [None]


def test_the_aligned_pauses_of_a_real_take_against_a_punctuated_script() -> None:
    script = reference()["acoustic_corpus_script"]
    gaps = [Pause(a, b) for a, b in reference_gaps(CLIP.with_suffix(".TextGrid"), 0.25)]
    kinds = classify_pauses(gaps, aligned_words(), script)
    assert kinds == reference()["acoustic_corpus_pause_kinds"]


def test_the_detected_pauses_of_a_real_take_land_like_the_aligned_gaps() -> None:
    script = reference()["acoustic_corpus_script"]
    spoken = aligned_words()
    gaps = [Pause(a, b) for a, b in reference_gaps(CLIP.with_suffix(".TextGrid"), 0.15)]
    gap_kinds = dict(zip(gaps, classify_pauses(gaps, spoken, script), strict=True))
    detected = analyze(*load("en_spont/acoustic_corpus.wav")).pauses
    assert len(detected) >= 6
    for pause, kind in zip(detected, classify_pauses(detected, spoken, script), strict=True):
        (gap,) = [g for g in gaps if g.start_s < pause.end_s and g.end_s > pause.start_s]
        assert kind == gap_kinds[gap], pause


@pytest.mark.parametrize("text", ["", "...", "\n\n"])
def test_a_script_without_words_classifies_every_pause_inside(text: str) -> None:
    spoken = timed(("a", 0.0, 0.2), ("b", 0.6, 0.8))
    assert classify_pauses([Pause(0.2, 0.6)], spoken, text) == ["inside"]
