"""The format rules of docs/script-format.md, one by one, as a salesperson would write them."""

from __future__ import annotations

from app.core.script import Branch, Line, LineKind, parse

EXAMPLE = """\
Title: Voicemail for logistics managers
Language: en
For the spring campaign.

== Voicemail ==
(smile)
Hi {first_name}, this is Sam from Acme.
// keep it under 30 seconds
I'll call again on Thursday.

== Opener ==
Hi {first_name}, Sam from Acme. Got a minute?
> We don't need that -> Not needed
-> Goodbye

== Not needed == (end)
Fair enough.

== Goodbye == (end)
Bye.
"""


def test_each_line_kind_lands_where_the_docs_say() -> None:
    script = parse(EXAMPLE)

    assert script.title == "Voicemail for logistics managers"
    assert script.language == "en"
    assert script.about == ("For the spring campaign.",)
    assert script.voicemail is not None
    assert script.voicemail.spoken == (
        "Hi {first_name}, this is Sam from Acme.",
        "I'll call again on Thursday.",
    )
    assert script.voicemail.cues == ("smile",)
    assert script.voicemail.notes == ("keep it under 30 seconds",)
    assert [step.name for step in script.steps] == ["Opener", "Not needed", "Goodbye"]
    opener = script.steps[0]
    assert opener.branches == (
        Branch("We don't need that", "Not needed"),
        Branch("", "Goodbye"),
    )
    assert [step.is_ending for step in script.steps] == [False, True, True]
    assert script.placeholders == ("first_name",)
    assert script.problems == ()


def test_line_numbers_are_the_editors() -> None:
    script = parse(EXAMPLE)

    assert script.voicemail is not None
    assert script.voicemail.line == 5
    assert [item.line for item in script.voicemail.body] == [6, 7, 8, 9]
    assert [branch.line for branch in script.steps[0].branches] == [13, 14]
    assert script.language_line == 2


def test_the_call_starts_at_the_first_step_after_the_voicemail() -> None:
    script = parse("== Opener ==\nHi.\n-> Opener\n== Voicemail ==\nHi.\n")

    assert script.start is not None
    assert script.start.name == "Opener"
    assert script.voicemail is not None


def test_headings_forgive_spacing_and_either_place_of_the_ending_mark() -> None:
    script = parse(
        "==Voicemail==\nHi.\n  ===  Wrap up (END)  ===\nBye.\n== Einde ==   (einde)\nBye.\n"
    )

    assert [(step.name, step.is_ending) for step in script.steps] == [
        ("Wrap up", True),
        ("Einde", True),
    ]


def test_dutch_keywords_are_read_too() -> None:
    script = parse("Titel: Eerste gesprek\nTaal: Nederlands\n== Voicemail ==\nDag.\n")

    assert script.title == "Eerste gesprek"
    assert script.language == "nl"


def test_hash_headers_of_the_first_design_are_read() -> None:
    script = parse("# Title: Old style\n# Language: English\n== Voicemail ==\nHi.\n")

    assert (script.title, script.language) == ("Old style", "en")


def test_step_names_match_whatever_the_capitals_and_spaces() -> None:
    script = parse(
        "== Voicemail ==\nHi.\n== Opener ==\nHi.\n> no -> not   NEEDED\n"
        "== Not needed == (end)\nBye.\n"
    )

    assert script.problems == ()
    assert script.step_named("NOT needed") is script.steps[1]


def test_the_last_arrow_decides_the_target() -> None:
    script = parse("== Voicemail ==\nHi.\n== A ==\n> I said -> no -> B\n→ B\n== B == (end)\nBye.\n")

    assert script.steps[0].branches == (Branch("I said -> no", "B"), Branch("", "B"))


def test_blank_lines_are_paragraph_breaks_and_indentation_is_ignored() -> None:
    script = parse("== Voicemail ==\n\n\n   First.\n\n\n\n\tSecond.\n\n")

    assert script.voicemail is not None
    assert script.voicemail.body == (
        Line(LineKind.SPOKEN, "First."),
        Line(LineKind.BREAK),
        Line(LineKind.SPOKEN, "Second."),
    )


def test_windows_line_ends_and_a_byte_order_mark_change_nothing() -> None:
    unix = parse(EXAMPLE)
    windows = parse("\ufeff" + EXAMPLE.replace("\n", "\r\n"))

    assert windows == unix
    assert windows.title == "Voicemail for logistics managers"
    assert windows.problems == ()


def test_a_sentence_with_a_cue_inside_is_still_spoken() -> None:
    script = parse("== Voicemail ==\n(smile) Hi there.\n")

    assert script.voicemail is not None
    assert script.voicemail.spoken == ("(smile) Hi there.",)


def test_equality_ignores_where_lines_sit_in_the_file() -> None:
    assert parse("\n\n== Voicemail ==\nHi.\n") == parse("== Voicemail ==\nHi.\n")
    assert parse("== Voicemail ==\nHi.\n") != parse("== Voicemail ==\nHello.\n")
