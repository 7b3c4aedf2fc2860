"""Voicemail timing and the prompter views: what is spoken counts, what is not does not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.script import (
    estimate_voicemail,
    key_words,
    outline,
    parse,
    speaking_seconds,
    spoken_text,
    word_count,
)

VOICEMAIL = """\
== Voicemail ==
(smile)
// a note that is never said
Hi {first name}, this is Sam (slowly) from Acme.
I'll call you again on Thursday — talk soon!
"""


def test_only_spoken_words_count_and_a_placeholder_is_one_word() -> None:
    script = parse(VOICEMAIL)

    estimate = estimate_voicemail(script)

    # Hi {first name} this is Sam from Acme: 7; I'll call you again on Thursday talk soon: 8
    assert estimate.words == 15
    assert estimate.seconds == pytest.approx(15 * 60 / 150)


def test_spoken_text_leaves_out_cues_and_notes() -> None:
    script = parse(VOICEMAIL)

    assert spoken_text(script.voicemail) == (
        "Hi {first name}, this is Sam from Acme.\nI'll call you again on Thursday — talk soon!"
    )


def test_speaking_time_follows_the_pace() -> None:
    text = " ".join(["word"] * 60)

    assert speaking_seconds(text) == pytest.approx(24.0)
    assert speaking_seconds(text, words_per_minute=120) == pytest.approx(30.0)
    with pytest.raises(ValueError):
        speaking_seconds(text, words_per_minute=0)


def test_punctuation_alone_is_not_a_word() -> None:
    assert word_count("Well — ... you know?") == 3


def test_a_script_without_voicemail_takes_no_time() -> None:
    assert estimate_voicemail(parse("== Opener ==\nHi.\n")).words == 0


def test_key_words_keep_sentence_starts_and_placeholders() -> None:
    text = "Hi {first_name}, this is Sam from {company} in Ghent. I will call again on Thursday."

    segments = key_words(text, lead_words=2)

    assert "".join(segment.text for segment in segments) == text
    assert [segment for segment in segments if segment.is_key] == [
        ("Hi {first_name}, ", True),
        ("{company} ", True),
        ("I will ", True),
    ]


def test_a_new_line_starts_a_new_sentence_for_the_prompter() -> None:
    segments = key_words("One two three four\nFive six seven", lead_words=1)

    assert [s.text for s in segments if s.is_key] == ["One ", "Five "]


@given(st.text(), st.integers(min_value=0, max_value=5))
def test_key_words_never_lose_or_add_text(text: str, lead: int) -> None:
    assert "".join(segment.text for segment in key_words(text, lead)) == text


def test_outline_has_the_first_words_of_each_sentence_and_the_cues() -> None:
    script = parse(VOICEMAIL)
    assert script.voicemail is not None

    assert outline(script.voicemail) == [
        "(smile)",
        "Hi {first name}, this…",
        "I'll call you…",
    ]
