"""The report card: the verdict, at most three suggestions, and key numbers, each held
against the user's natural voice or, without one, the published ranges."""

from __future__ import annotations

from app.core.analysis import describe
from app.core.feedback import build_report
from app.core.i18n import set_language
from tests.core.feedback.conftest import an_analysis, said, words


def figures(report: object) -> dict[str, tuple[str, str]]:
    return {f.name: (f.value, f.yardstick) for f in report.figures}  # type: ignore[attr-defined]


def test_without_a_natural_voice_the_numbers_are_held_against_published_ranges() -> None:
    take = an_analysis(range_st=3.0)
    report = build_report(take)
    shown = figures(report)
    assert shown["Rise and fall"] == ("3.0 notes", "natural talk: 5 notes or more")
    assert "140 to 160 words a minute" in shown["Pace"][1]
    assert shown["Pace"][0] == "4.4 syllables a second"  # 120 syllables in 27 s of speaking
    assert shown["Fillers"][0] == "waiting for the transcript"
    feedback = describe(take)
    assert report.verdict == feedback.verdict
    assert report.suggestions == feedback.suggestions
    assert 1 <= len(report.suggestions) <= 3


def test_with_a_natural_voice_each_number_says_what_yours_is() -> None:
    baseline = an_analysis(range_st=10.0, syllables=100, pauses=((1, 2), (5, 6), (9, 10)))
    report = build_report(an_analysis(range_st=5.0), baseline)
    shown = figures(report)
    assert shown["Rise and fall"] == ("5.0 notes", "your natural voice: 10.0 notes")
    assert shown["Pace"][1] == "your natural voice: 3.7 syllables a second"
    assert shown["Pauses"][1] == "your natural voice: 6 a minute"
    # Half the natural range is flat, which the verdict and a suggestion say.
    assert report.verdict == describe(an_analysis(range_st=5.0), baseline).verdict
    assert any("50% of your natural range" in s for s in report.suggestions)


def test_the_transcript_adds_fillers_and_words_a_minute() -> None:
    transcript = said("um so we help uh teams like yours sell more " * 3, duration_s=30.0)
    report = build_report(an_analysis(), transcript=transcript)
    value, yardstick = figures(report)["Fillers"]
    assert value == "12.0 a minute"  # six in 30 s
    assert yardstick == "up to 5 a minute go unnoticed"
    assert report.fillers_per_minute == 12.0
    assert report.words_per_minute is not None
    assert figures(report)["Pace"][0].startswith(f"{round(report.words_per_minute)} words a minute")


def test_pauses_only_at_the_scripts_punctuation_are_called_out_once_the_words_are_in() -> None:
    script = "Hi there. I am Sam. We sell tea. Call me back."
    transcript = words(
        ("Hi", 0.0, 0.2), ("there.", 0.2, 0.5),
        ("I", 1.0, 1.1), ("am", 1.1, 1.3), ("Sam.", 1.3, 1.8),
        ("We", 2.3, 2.4), ("sell", 2.4, 2.6), ("tea.", 2.6, 3.0),
        ("Call", 3.5, 3.6), ("me", 3.6, 3.8), ("back.", 3.8, 4.0),
        duration_s=4.2,
    )  # fmt: skip
    take = an_analysis(
        duration_s=4.2, speech_start_s=0.0, speech_end_s=4.0, speech_s=2.5, syllables=12,
        pauses=((0.5, 1.0), (1.8, 2.3), (3.0, 3.5)), phrase_variation=None,
    )  # fmt: skip
    reader = "You paused only at the script's punctuation"
    assert not any(reader in s for s in build_report(take, transcript=transcript).suggestions)
    with_script = build_report(take, transcript=transcript, script_text=script)
    assert any(reader in s for s in with_script.suggestions)


def test_the_card_speaks_dutch_when_the_app_does() -> None:
    set_language("nl")
    shown = figures(build_report(an_analysis(range_st=3.0)))
    assert shown["Stijgen en dalen"] == ("3,0 noten", "natuurlijk praten: 5 noten of meer")
    assert shown["Stopwoorden"][0] == "wacht op de transcriptie"


def test_a_dutch_take_is_held_against_dutch_pace_norms() -> None:
    take = an_analysis()
    english = figures(build_report(take, language="en"))["Pace"][1]
    dutch = figures(build_report(take, language="nl"))["Pace"][1]
    assert english.startswith("comfortable: 140 to 160 words a minute")
    assert dutch.startswith("comfortable: 161 to 170 words a minute")


def test_every_figure_says_what_it_means() -> None:
    report = build_report(an_analysis(range_st=5.0))
    tips = {f.name: f.tip for f in report.figures}
    assert "as on a piano" in tips["Rise and fall"]
    assert "syllables" in tips["Pace"] and "words a minute" in tips["Pace"]
    assert all(tips.values())
