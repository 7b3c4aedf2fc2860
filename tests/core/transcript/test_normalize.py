"""Script and transcript words brought to one form, so that only real differences count."""

from __future__ import annotations

import pytest

from app.core.transcript.normalize import normalize, spell_number


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (15, "fifteen"),
        (42, "forty two"),
        (100, "one hundred"),
        (305, "three hundred five"),
        (2024, "two thousand twenty four"),
        (1_250_000, "one million two hundred fifty thousand"),
    ],
)
def test_numbers_are_spelled_out(n: int, words: str) -> None:
    assert spell_number(n) == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi, Sam!  How ARE you?", "hi sam how are you"),
        ("Mr. Dashwood's ill-disposed.", "mister dashwood's ill disposed"),
        ("It's $20, or 15%.", "it's twenty dollars or fifteen percent"),
        ("$3.50 a day", "three dollars fifty cents a day"),
        ("the 21st, at 10:30 or 9:05", "the twenty first at ten thirty or nine oh five"),
        ("Call 555-0123", "call five hundred fifty five zero one two three"),
        ("1,000 or 10k", "one thousand or ten thousand"),
        ("pi is 3.14", "pi is three point one four"),
        ("gonna, alright, OK?", "going to all right okay"),
        ("y'know, ummm... Hm.", "you know um hmm"),
        ("“Quoted” — dashes – and/or", "quoted dashes and or"),
        ("...", ""),
    ],
)
def test_text_is_normalized(text: str, expected: str) -> None:
    assert normalize(text) == expected.split()


def test_script_digits_and_spoken_words_meet() -> None:
    assert normalize("See you on the 3rd at 2 pm.") == normalize("see you on the third at two PM")
