"""Which words are fillers, how often they come, and where they bunch up."""

from __future__ import annotations

import pytest

from app.core import i18n
from app.core.transcript import Transcript, Word, describe
from app.core.transcript.fillers import filler_report, find_clusters, find_fillers
from tests.core.transcript.spoken import spoken


def fillers_in(text: str) -> list[str]:
    return [f.text for f in spoken(text).fillers]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Um, so, uh, I think, hmm, yes. Erm, er, mm.", ["um", "uh", "hmm", "erm", "er", "mm"]),
        ("Umm... and uhh, the ummm thing.", ["um", "uh", "um"]),
        ("We're just, you know, there.", ["you know"]),
        ("You know, Montreal forced aligner.", ["you know"]),
        ("Do you know him? You know what, fine.", []),
        ("I was, like, thinking. Like, really.", ["like", "like"]),
        ("I'd like to call. It's like a tool.", []),
        ("Hi, uh-huh, sure.", []),
    ],
)
def test_what_counts_as_a_filler(text: str, expected: list[str]) -> None:
    assert fillers_in(text) == expected


def test_a_filler_knows_its_words_and_time() -> None:
    transcript = spoken("So, you know, it works.", every_s=1.0)
    (filler,) = transcript.fillers
    assert (filler.first_word, filler.word_count) == (1, 2)
    assert (filler.start_s, filler.end_s) == (1.0, 2.8)


def test_one_word_y_know_is_a_filler() -> None:
    words = (Word("Well,", 0, 0.3), Word("y'know,", 0.4, 0.8), Word("fine.", 1, 1.2))
    assert [(f.text, f.word_count) for f in find_fillers(words)] == [("you know", 1)]


def test_per_minute_counts_against_the_take_length() -> None:
    report = Transcript(spoken("Um, hello, uh, there.").words, duration_s=30.0).filler_report
    assert (report.count, report.per_minute) == (2, 4.0)
    assert report.harmless


def test_three_within_ten_seconds_make_a_cluster_and_overlaps_merge() -> None:
    at = [0.0, 4.0, 9.0, 12.0, 40.0, 41.0, 60.0, 61.0, 62.0]
    fillers = find_fillers([Word("um,", t, t + 0.3) for t in at])
    clusters = find_clusters(fillers)
    assert [(c.start_s, c.end_s, c.count) for c in clusters] == [(0.0, 12.3, 4), (60.0, 62.3, 3)]


def test_two_close_fillers_are_no_cluster() -> None:
    fillers = find_fillers([Word("um,", 0, 0.2), Word("uh,", 1, 1.2), Word("um,", 11.5, 12)])
    assert find_clusters(fillers) == ()


def test_a_cluster_is_not_harmless_even_when_the_rate_is_low() -> None:
    words = [Word("um,", t, t + 0.2) for t in (10.0, 12.0, 14.0)]
    report = filler_report(find_fillers(words), duration_s=60.0)
    assert report.per_minute == 3.0
    assert not report.harmless


def test_the_summary_speaks_plainly_in_english_and_dutch() -> None:
    calm = filler_report(find_fillers([Word("um,", 5, 5.2)]), duration_s=30.0)
    assert (
        describe(calm)
        == "One filler (2 a minute). That is natural: up to five a minute go unnoticed."
    )
    busy = filler_report(find_fillers([Word("uh,", t, t + 0.2) for t in (3, 5, 8, 9)]), 30.0)
    english = describe(busy)
    assert english.startswith("4 fillers (8 a minute). That is more than five a minute")
    assert "between 0:03 and 0:09" in english
    assert describe(filler_report((), 30.0)).startswith("No fillers")
    i18n.set_language("nl")
    dutch = describe(busy)
    assert dutch.startswith("4 stopwoorden (8 per minuut).")
    assert "Tussen 0:03 en 0:09" in dutch
