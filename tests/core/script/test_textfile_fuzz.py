"""The text reader against any bytes and any text (hypothesis): it never fails but with a
clear refusal, and it never reads valid UTF-8 as anything else."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.script.textfile import ScriptFileError, decode_file, normalise_line_ends


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_text_or_a_clear_refusal(data: bytes) -> None:
    try:
        found = decode_file(data)
    except ScriptFileError as error:
        assert str(error)
        return
    assert isinstance(found.text, str)
    assert "\r" not in found.text
    if b"\x00" not in data:
        try:
            strict = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return
        # Valid UTF-8 is never read as anything else (a DOS end-of-file mark is dropped).
        head, mark, tail = _as_read(strict).rpartition("\x1a")
        assert found.text == (head if mark and not tail.strip() else _as_read(strict))
        assert found.bad_lines == ()


# Text as people write it: no control characters but tab and line ends, no byte-order mark.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff", min_codepoint=1)
    | st.sampled_from("\t\n\r"),
    max_size=200,
)


def _as_read(text: str) -> str:
    return normalise_line_ends(text)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_text_reads_back_the_same_in_unicode_encodings(text: str, encoding: str) -> None:
    assert decode_file(text.encode(encoding)).text == _as_read(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("abc XYZ,.\n-=>éèëïöüàçÉ"), max_size=200))
def test_windows_1252_text_reads_back_the_same_or_is_refused(text: str) -> None:
    try:
        found = decode_file(text.encode("cp1252"))
    except ScriptFileError:
        return
    assert found.text == text


@settings(max_examples=300, deadline=None)
# 0xFE and 0xFF are left out: at the start they would be a UTF-16 byte-order mark.
@given(TEXT, TEXT, st.lists(st.integers(0xF8, 0xFD), min_size=1, max_size=3).map(bytes))
def test_bad_bytes_in_utf8_keep_every_good_character(before: str, after: str, bad: bytes) -> None:
    good = before + "é" + after  # at least one character that only UTF-8 spells this way
    data = before.encode() + bad + ("é" + after).encode()

    found = decode_file(data)

    assert found.text == _as_read(before + "\ufffd" + "é" + after)
    assert found.text.replace("\ufffd", "", 1) == _as_read(good)
    line = _as_read(before).count("\n") + 1
    assert found.bad_lines == (line,)


def test_utf16_without_a_mark_is_told_by_its_zero_bytes() -> None:
    assert decode_file("Hé\nthere".encode("utf-16-le")).text == "Hé\nthere"
    assert decode_file(codecs.BOM_UTF8 + b"caf\xc3\xa9").text == "café"
