"""What was said against the script, and the script rewritten in the words said."""

from __future__ import annotations

from collections.abc import Callable

from app.core.transcript import Transcript, compare_to_script, use_what_i_said
from app.core.transcript.align import word_error_rate
from app.core.transcript.normalize import canonical_filler, normalize
from tests.core.transcript.conftest import reference_text
from tests.core.transcript.spoken import spoken

VOICEMAIL = """(smile, and say your name slowly)
Hi {first_name}, this is Sam from Acme.
// keep it short
I'm calling because we save logistics teams 20% of their time.
I'll call again on Thursday."""


def kinds(text: str, script: str = VOICEMAIL) -> list[tuple[str, str, str]]:
    diff = compare_to_script(spoken(text), script)
    return [(op.kind, " ".join(op.said), " ".join(op.script)) for op in diff.ops]


def test_saying_the_script_is_all_the_same_whatever_the_punctuation_and_numbers() -> None:
    said = (
        "Hi Jo. This is Sam from ACME, I'm calling because we save logistics teams "
        "twenty percent of their time. I'll call again on Thursday!"
    )
    diff = compare_to_script(spoken(said), VOICEMAIL)
    assert [op.kind for op in diff.ops] == ["same"]
    assert diff.word_error_rate == 0.0
    assert diff.off_script_words == 0


def test_fillers_stay_out_of_the_diff_but_are_reported() -> None:
    said = (
        "Hi Jo, um, this is Sam from Acme. Uh, I'm calling because we, you know, save "
        "logistics teams 20% of their time. I'll call again on Thursday."
    )
    diff = compare_to_script(spoken(said), VOICEMAIL)
    assert [op.kind for op in diff.ops] == ["same"]
    assert [f.text for f in diff.fillers] == ["um", "uh", "you know"]


def test_changed_added_and_skipped_words_are_marked() -> None:
    ops = kinds(
        "Hi Jo, this is Sam from Acme. I'm calling because we really help logistics teams "
        "20% of their time. I'll call on Thursday."
    )
    assert [op for op in ops if op[0] != "same"] == [
        ("changed", "really help", "save"),
        ("skipped", "", "again"),
    ]
    ops = kinds(
        "Hi Jo, this is Sam from Acme, honestly.", "Hi {first_name}, this is Sam from Acme."
    )
    assert ops == [
        ("same", "Hi Jo, this is Sam from Acme,", "Hi {first_name}, this is Sam from Acme."),
        ("added", "honestly.", ""),
    ]


def test_off_script_words_carry_their_time() -> None:
    transcript = spoken("Hi Jo, this is really Sam.", every_s=1.0)
    diff = compare_to_script(transcript, "Hi {first_name}, this is Sam.")
    (added,) = [op for op in diff.ops if op.off_script]
    assert (added.said, added.start_s, added.end_s) == (("really",), 4.0, 4.8)
    assert diff.off_script_words == 1
    assert diff.word_error_rate == 1 / 5


def test_use_what_i_said_drops_fillers_and_tidies_sentences() -> None:
    transcript = spoken(
        "Um, hi Jo, this is Sam from, uh, Acme. I'm, like, calling because, um, we, you know, "
        "help teams save time, uh. so I'll call you on Thursday, um"
    )
    assert use_what_i_said(transcript) == (
        "Hi Jo, this is Sam from Acme.\n"
        "I'm calling because we help teams save time.\n"
        "So I'll call you on Thursday."
    )


def test_use_what_i_said_keeps_lines_the_script_reads_as_speech() -> None:
    transcript = spoken("[Music] -> == hello there (laughs) friend")
    assert use_what_i_said(transcript) == "Hello there friend."
    assert use_what_i_said(spoken("Um, uh.")) == ""


def test_use_what_i_said_on_a_real_take(transcript_of: Callable[[str], Transcript]) -> None:
    clip = "en_spont/acoustic_corpus.wav"
    transcript = transcript_of(clip)
    text = use_what_i_said(transcript)
    lines = text.splitlines()
    assert len(lines) >= 5
    assert all(line[0].isupper() and line.endswith((".", "?", "!")) for line in lines)
    words = normalize(text)
    assert not [w for w in words if canonical_filler(w)]
    # What is left is what was said: the reference without its fillers, near enough.
    reference = [w for w in normalize(reference_text(clip)) if not canonical_filler(w)]
    assert word_error_rate(words, reference) <= 0.25
    # And said back against itself, the new voicemail has nothing off-script.
    assert compare_to_script(transcript, text).word_error_rate == 0.0
