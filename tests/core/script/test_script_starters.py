"""The shipped starter scripts, the examples in the format's documentation, and the Dutch text."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from app.core.paths import RESOURCES
from app.core.script import check_file, estimate_voicemail, parse, read_script, write

ROOT = RESOURCES.parent
STARTERS = sorted((RESOURCES / "starters").glob("*/*.pitch"))
OBJECTIONS = {
    "en": [
        "We don't need that",
        "We handle that internally",
        "We're happy with our current supplier",
        "Send me an email",
        "Who is this?",
        "This is not a good time",
    ],
    "nl": [
        "Daar hebben we geen behoefte aan",
        "Dat doen we intern",
        "We zijn tevreden met onze huidige leverancier",
        "Stuur maar een mail",
        "Met wie spreek ik?",
        "Het past nu niet",
    ],
}


def test_there_is_a_starter_in_each_language() -> None:
    assert sorted(path.parent.name for path in STARTERS) == ["en", "nl"]


@pytest.mark.parametrize("path", STARTERS, ids=lambda path: path.parent.name)
def test_a_starter_passes_check_script_without_errors_or_warnings(path: Path) -> None:
    report, code = check_file(path)

    assert code == 0, report
    assert read_script(path).problems == ()


@pytest.mark.parametrize("path", STARTERS, ids=lambda path: path.parent.name)
def test_a_starter_voicemail_takes_about_25_seconds(path: Path) -> None:
    estimate = estimate_voicemail(read_script(path))

    assert 20 <= estimate.seconds <= 30
    assert 55 <= estimate.words <= 70


@pytest.mark.parametrize("path", STARTERS, ids=lambda path: path.parent.name)
def test_a_starter_prepares_each_common_objection(path: Path) -> None:
    script = read_script(path)
    assert script.language == path.parent.name
    answers = {branch.words for step in script.steps for branch in step.branches}

    assert set(OBJECTIONS[path.parent.name]) <= answers


@pytest.mark.parametrize("path", STARTERS, ids=lambda path: path.parent.name)
def test_a_starter_is_in_the_layout_the_app_writes(path: Path) -> None:
    text = path.read_text("utf-8")

    assert write(parse(text)) == text


def doc_examples() -> list[str]:
    doc = (ROOT / "docs" / "script-format.md").read_text("utf-8")
    return re.findall(r"```pitch\n(.*?)```", doc, re.DOTALL)


def test_the_whole_scripts_in_the_docs_are_correct_and_canonical() -> None:
    examples = doc_examples()

    assert len(examples) == 2  # the English and the Dutch example
    for example in examples:
        assert parse(example).problems == ()
        assert write(parse(example)) == example


def messages_in_code() -> list[str]:
    found = []
    for path in sorted((ROOT / "app" / "core" / "script").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_":
                argument = node.args[0]
                assert isinstance(argument, ast.Constant), f"{path.name}:{node.lineno}"
                found.append(argument.value)
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
