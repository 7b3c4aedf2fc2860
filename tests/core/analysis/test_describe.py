"""Feedback in plain words, against the user's own voice and against published norms."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import i18n
from app.core.analysis import Analysis, Pause, PitchStats, analyze_file
from app.core.analysis.describe import MAX_SUGGESTIONS, describe
from app.core.i18n import _
from tests.conftest import SPEECH


def take(**changes: object) -> Analysis:
    """A natural-sounding take: 24 s of talk at 4.2 syllables a second, lively pitch."""
    base = Analysis(
        duration_s=26.0,
        speech_start_s=1.0,
        speech_end_s=25.0,
        speech_s=20.0,
        pauses=(Pause(5.0, 5.8), Pause(9.0, 10.5), Pause(16.0, 16.6), Pause(20.0, 21.0)),
        syllables=84,
        pitch=PitchStats(median_hz=110.0, range_st=10.0, sd_st=3.2),
        loudness_sd_db=4.5,
        phrase_variation=0.6,
        phrase_count=5,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_a_take_like_the_baseline_sounds_natural() -> None:
    feedback = describe(take(), baseline=take())
    assert feedback.verdict == "This take sounds like you talking, not reading."
    assert feedback.suggestions == ()


def test_a_narrow_pitch_range_is_put_against_the_natural_one() -> None:
    flat = take(pitch=PitchStats(median_hz=115.0, range_st=5.5, sd_st=1.6))
    feedback = describe(flat, baseline=take())
    assert "Your pitch range was 55% of your natural range" in feedback.suggestions[0]
    assert feedback.signs_of_reading == 1


def test_pace_is_put_against_the_natural_pace() -> None:
    fast = describe(take(syllables=99), baseline=take())  # 4.95 against 4.2 per second
    assert any("18% faster than when you just talk" in s for s in fast.suggestions)
    slow = describe(take(syllables=66), baseline=take())
    assert any("21% slower than when you just talk" in s for s in slow.suggestions)


def test_many_signs_say_read_aloud_and_the_worst_comes_first() -> None:
    reading = take(
        pitch=PitchStats(median_hz=115.0, range_st=4.0, sd_st=1.2),
        syllables=100,
        phrase_variation=0.15,
        loudness_sd_db=3.5,
    )
    feedback = describe(reading, baseline=take())
    assert feedback.verdict == "This take still sounds read aloud."
    assert len(feedback.suggestions) == MAX_SUGGESTIONS
    assert "phrases were all about the same length" in feedback.suggestions[0]  # 0.15 vs 0.36


def test_without_a_baseline_published_norms_apply() -> None:
    rushed = describe(take(syllables=130))  # 130 syllables over 24 s: about 217 words a minute
    assert any("words per minute is fast" in s for s in rushed.suggestions)
    assert any("just talk" in s for s in rushed.suggestions)
    slow = describe(take(), words_per_minute=95)
    assert any("About 95 words per minute is slow" in s for s in slow.suggestions)
    comfortable = describe(take(), words_per_minute=150)
    assert not any("words per minute" in s for s in comfortable.suggestions)


def test_a_hoarse_voice_is_not_told_it_is_slow() -> None:
    hoarse = take(syllables=40, voiced_fraction=0.3)  # half the syllables go unheard
    assert not any("words per minute" in s for s in describe(hoarse).suggestions)
    assert not any("slower" in s for s in describe(hoarse, baseline=take()).suggestions)
    assert any("words per minute" in s for s in describe(hoarse, words_per_minute=90).suggestions)


def test_earlier_takes_give_the_direction() -> None:
    flat = take(pitch=PitchStats(median_hz=115.0, range_st=5.0, sd_st=1.5))
    better = describe(take(), baseline=take(), earlier=[flat, flat])
    assert better.verdict.endswith("That is better than your earlier takes.")
    worse = describe(flat, baseline=take(), earlier=[take()])
    assert worse.verdict.endswith("Your earlier takes sounded more natural.")


def test_pausing_only_at_punctuation_sounds_like_reading() -> None:
    feedback = describe(take(), baseline=take(), pause_kinds=["punctuation"] * 4)
    assert any("only at the script's punctuation" in s for s in feedback.suggestions)
    mixed = describe(take(), baseline=take(), pause_kinds=["punctuation", "inside", None, "inside"])
    assert mixed.suggestions == ()


def test_the_feedback_speaks_dutch_when_asked() -> None:
    i18n.set_language("nl")
    flat = take(pitch=PitchStats(median_hz=115.0, range_st=5.5, sd_st=1.6))
    feedback = describe(flat, baseline=take())
    assert feedback.verdict == _(
        "This take mostly sounds like you, with one sign of reading aloud."
    )
    assert feedback.verdict != "This take mostly sounds like you, with one sign of reading aloud."
    assert "55%" in feedback.suggestions[0]


optional = st.one_of(st.none(), st.floats(0.0, 30.0))


@settings(max_examples=200, deadline=None)
@given(
    syllables=st.integers(0, 400),
    range_st=st.floats(0.0, 40.0),
    phrase_variation=optional,
    loudness=optional,
    clipped=st.floats(0.0, 0.5),
    with_baseline=st.booleans(),
    wpm=st.one_of(st.none(), st.floats(1.0, 400.0)),
    language=st.sampled_from(["en", "nl"]),
)
def test_any_take_gets_a_verdict_and_at_most_three_suggestions(
    syllables: int,
    range_st: float,
    phrase_variation: float | None,
    loudness: float | None,
    clipped: float,
    with_baseline: bool,
    wpm: float | None,
    language: str,
) -> None:
    i18n.set_language(language)
    this = take(
        syllables=syllables,
        pitch=PitchStats(110.0, range_st, range_st / 3),
        phrase_variation=phrase_variation,
        loudness_sd_db=loudness,
        clipped_fraction=clipped,
    )
    feedback = describe(this, baseline=take() if with_baseline else None, words_per_minute=wpm)
    assert feedback.verdict
    assert len(feedback.suggestions) <= MAX_SUGGESTIONS
    assert all(text and "{" not in text for text in feedback.suggestions)


def test_long_stretches_without_a_pause_sound_read() -> None:
    runs_on = take(pauses=(Pause(12.0, 12.6),))  # one pause in 24 s: 2.5 a minute
    feedback = describe(runs_on)
    assert "You spoke 10 seconds at a stretch before each pause" in feedback.suggestions[0]
    assert feedback.signs_of_reading == 1
    assert describe(runs_on, baseline=take()).signs_of_reading == 1  # 2.5 against 10 a minute
    sparse = take(pauses=take().pauses[:3])  # 7.5 a minute: fine against a baseline of 10...
    assert describe(sparse, baseline=take()).suggestions == ()
    chatty = take(pauses=take().pauses * 3)  # ...but not against one who pauses 30 times
    assert describe(sparse, baseline=chatty).signs_of_reading == 1
    short = take(speech_end_s=12.0, speech_s=10.0, pauses=())  # a sentence or two: no verdict
    assert not any("at a stretch" in s for s in describe(short).suggestions)


def test_without_a_baseline_the_verdict_claims_no_more_than_the_norms_tell() -> None:
    assert describe(take()).verdict == (
        "Nothing in this take sounds read aloud by the usual measures."
    )


def test_real_reading_runs_on_and_real_talk_pauses() -> None:
    read = analyze_file(SPEECH / "en_read" / "sense_and_sensibility_01_concat_0870-0930.wav")
    assert any("at a stretch" in s for s in describe(read).suggestions)
    for name in ("acoustic_corpus.wav", "cold_corpus.wav", "cold_corpus3.wav"):
        talk = analyze_file(SPEECH / "en_spont" / name)
        assert not any("at a stretch" in s for s in describe(talk).suggestions), name
