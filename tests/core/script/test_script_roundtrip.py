"""Parser and writer agree: nothing is lost, and text the app wrote comes back byte for byte.

Equality of scripts is the dataclasses' ``==``: title, language, free text, voicemail and steps
with every line, cue, note and answer in order. Line numbers and problems are left out of it
(``compare=False``), because rewriting a file moves lines without changing what the script says.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.script import Branch, Line, LineKind, Script, Step, parse, write

# Pieces of the format, so that generated text hits headings, arrows and marks often, mixed with
# anything at all.
HEADINGS = ["==", "== ", " ==", "=", "(end)", "(einde)", "Voicemail", "voice mail", "Opener"]
MARKS = ["->", "→", "-", ">", "//", "(", ")", "{", "}", "{first_name}"]
HEADERS = ["Title:", "Taal:", "# Language: ", "nl", "en"]
SPACES = ["\n", "\r\n", "\r", " ", "\t", "\ufeff", "\u2028", "\x85", "x"]
FRAGMENTS = st.sampled_from(HEADINGS + MARKS + HEADERS + SPACES)
PIECES = st.one_of(FRAGMENTS, st.text(max_size=4))
SCRIPT_LIKE = st.lists(PIECES, max_size=60).map("".join)
LINES = st.lists(st.lists(PIECES, max_size=6).map("".join), max_size=20).map("\n".join)
ANY_TEXT = st.one_of(st.text(), SCRIPT_LIKE, LINES)


@settings(max_examples=500)
@given(ANY_TEXT)
def test_parsing_never_fails_and_writing_loses_nothing(text: str) -> None:
    script = parse(text)

    assert parse(write(script)) == script


@settings(max_examples=500)
@given(ANY_TEXT)
def test_text_the_app_wrote_comes_back_byte_identical(text: str) -> None:
    written = write(parse(text))

    assert write(parse(written)) == written


def test_a_hand_made_script_is_written_in_the_documented_layout() -> None:
    script = Script(
        title="Demo",
        language="nl",
        voicemail=Step("Voicemail", (Line(LineKind.SPOKEN, "Dag {first_name}."),)),
        steps=(
            Step(
                "Opening",
                (
                    Line(LineKind.CUE, "glimlach"),
                    Line(LineKind.SPOKEN, "Dag."),
                    Line(LineKind.BREAK),
                    Line(LineKind.NOTE, "werkt goed"),
                    Branch("Ja", "Einde"),
                    Branch("", "Einde"),
                ),
            ),
            Step("Einde", (Line(LineKind.SPOKEN, "Tot ziens."),), is_ending=True),
        ),
    )

    text = write(script)

    assert text == (
        "Titel: Demo\nTaal: nl\n\n"
        "== Voicemail ==\nDag {first_name}.\n\n"
        "== Opening ==\n(glimlach)\nDag.\n\n// werkt goed\n> Ja -> Einde\n-> Einde\n\n"
        "== Einde == (einde)\nTot ziens.\n"
    )
    assert parse(text) == script


def test_answers_that_hold_an_arrow_keep_it() -> None:
    script = parse("== Voicemail ==\nHi.\n== A ==\n> a -> b ->\n> -> x -> A\n")

    assert script.steps[0].branches == (Branch("a -> b", ""), Branch("-> x", "A"))
    assert parse(write(script)) == script


def test_an_empty_script_writes_nothing() -> None:
    assert write(parse("")) == ""
    assert write(parse("\n \n")) == ""
