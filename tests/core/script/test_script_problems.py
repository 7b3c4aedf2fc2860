"""Each problem the issue names, found at the line where the salesperson has to fix it."""

from __future__ import annotations

from app.core import i18n
from app.core.script import Severity, parse

GOOD = """\
== Voicemail ==
Hi {first_name}, this is Sam.
== Opener ==
Hi.
> Yes -> Meeting
> No -> Goodbye
== Meeting == (end)
Tuesday?
== Goodbye == (end)
Bye.
"""


def found(text: str) -> list[tuple[int, Severity]]:
    return [(problem.line, problem.severity) for problem in parse(text).problems]


def test_a_good_script_has_no_problems() -> None:
    assert found(GOOD) == []


def test_a_branch_to_a_step_that_does_not_exist() -> None:
    text = GOOD.replace("> No -> Goodbye", "> No -> Goodby")

    script = parse(text)

    assert (6, Severity.ERROR) in found(text)
    assert any("Goodby”" in p.message for p in script.problems if p.line == 6)


def test_a_branch_without_a_target() -> None:
    assert (5, Severity.ERROR) in found(GOOD.replace("> Yes -> Meeting", "> Yes"))


def test_a_step_no_branch_reaches() -> None:
    text = GOOD + "== Orphan == (end)\nHello?\n"

    assert found(text) == [(11, Severity.WARNING)]


def test_the_first_live_step_needs_no_branch_to_it() -> None:
    assert all(line != 3 for line, _severity in found(GOOD))


def test_steps_only_reached_from_unreachable_steps_are_reported_too() -> None:
    text = GOOD + "== Island ==\nHi.\n-> Island too\n== Island too ==\nHi.\n-> Island\n"

    assert found(text) == [(11, Severity.WARNING), (14, Severity.WARNING)]


def test_a_step_with_no_way_on_that_is_not_an_ending() -> None:
    text = GOOD.replace("== Goodbye == (end)", "== Goodbye ==")

    assert found(text) == [(9, Severity.ERROR)]


def test_two_steps_with_one_name_whatever_the_capitals() -> None:
    text = GOOD + "== goodbye == (end)\nSee you.\n"

    script = parse(text)

    assert found(text) == [(11, Severity.ERROR)]
    assert "(line 9)" in script.problems[0].message


def test_an_empty_voicemail() -> None:
    text = GOOD.replace("Hi {first_name}, this is Sam.\n", "(smile)\n// nothing yet\n")

    assert found(text) == [(1, Severity.ERROR)]


def test_a_missing_voicemail_is_reported_at_line_one() -> None:
    text = GOOD.split("== Opener ==")[1]

    assert found("== Opener ==" + text) == [(1, Severity.ERROR)]


def test_a_step_without_a_name() -> None:
    assert (3, Severity.ERROR) in found(GOOD.replace("== Opener ==", "==  =="))


def test_a_second_voicemail() -> None:
    text = GOOD + "== Voice mail ==\nHello again.\n"

    assert (11, Severity.ERROR) in found(text)


def test_an_answer_under_the_voicemail_is_a_warning() -> None:
    text = GOOD.replace("this is Sam.\n", "this is Sam.\n> Hello? -> Opener\n")

    assert found(text) == [(3, Severity.WARNING)]


def test_a_stray_brace_is_a_warning_and_a_placeholder_is_not() -> None:
    text = GOOD.replace("Tuesday?", "Tuesday, {first_name}? {company")

    assert found(text) == [(8, Severity.WARNING)]


def test_an_unknown_language_is_a_warning_at_its_line() -> None:
    assert found("Title: x\nLanguage: Klingon\n" + GOOD) == [(2, Severity.WARNING)]


def test_problems_are_in_line_order() -> None:
    text = GOOD.replace("> No -> Goodbye", "> No -> Nowhere").replace("Tuesday?", "{")

    lines = [line for line, _severity in found(text)]

    assert lines == sorted(lines)


def test_problems_speak_dutch_when_the_user_does() -> None:
    i18n.set_language("nl")

    script = parse(GOOD.replace("> No -> Goodbye", "> No -> Nergens"))

    assert script.problems[0].message.startswith("Er is geen stap die “Nergens” heet")


def test_step_names_that_look_the_same_match() -> None:
    text = (
        "== Voicemail ==\nHi.\n== Opener ==\nHi.\n> Yes -> Ide\u0301e\n> No -> Bye\u200b\n"
        "== Idée == (end)\nGreat.\n== Bye == (end)\nBye.\n"
    )
    assert parse(text).problems == ()


def test_a_heading_with_an_arrow_that_no_answer_can_reach_is_warned_about() -> None:
    text = "== Voicemail ==\nHi.\n== Opener ==\nHi.\n> Yes -> A -> B\n== A -> B == (end)\nGreat.\n"
    script = parse(text)

    arrow = [p for p in script.warnings if p.line == 6 and "arrow" in p.message]
    assert arrow, script.problems
