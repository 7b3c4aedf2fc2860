"""Changing the script from practice: a reply that worked, an objection from the library."""

from __future__ import annotations

import pytest

from app.core.paths import RESOURCES
from app.core.practice.editing import use_reply
from app.core.practice.objections import CannotInsert, insert_objection, objections
from app.core.script import parse, read_text
from tests.core.practice.conftest import THREE_TURNS

STARTERS = {
    "en": RESOURCES / "starters" / "en" / "cold-call-starter.pitch",
    "nl": RESOURCES / "starters" / "nl" / "koude-acquisitie-starter.pitch",
}


def test_a_reply_becomes_the_words_of_its_step_and_keeps_its_answers() -> None:
    text = use_reply(THREE_TURNS, "reason", "We show late deliveries.\n\n> Do you see that?\n")
    script = parse(text)
    reason = script.step_named("Reason")
    assert reason is not None
    assert reason.spoken == ("We show late deliveries.", "Do you see that?")
    assert [b.words for b in reason.branches] == ["Yes, that happens", "Not really"]
    assert script.errors == ()
    assert parse(THREE_TURNS).steps[0] == script.steps[0]  # nothing else changed
    with pytest.raises(KeyError):
        use_reply(THREE_TURNS, "Nowhere", "Hi.")
    with pytest.raises(ValueError):
        use_reply(THREE_TURNS, "Reason", "  \n")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_objection_goes_into_the_starter_with_one_click(language: str) -> None:
    text = read_text(STARTERS[language])
    start = parse(text).steps[0].name
    library = objections(language)
    assert len(library) >= 8
    for objection in library:
        assert any(line.startswith("(") for line in objection.answer)
        text = insert_objection(text, objection, start)
        script = parse(text)
        assert script.errors == (), script.errors
        branch = script.steps[0].branches[-1]
        assert branch.words == objection.says
        answer = script.step_named(branch.target)
        assert answer is not None and answer.spoken


def test_an_inserted_objection_leads_on_the_way_the_first_answer_does() -> None:
    objection = next(o for o in objections("en") if o.id == "no-budget")
    script = parse(insert_objection(THREE_TURNS, objection, "Opener"))
    answer = script.step_named("No budget")
    assert answer is not None
    assert [(b.words, b.target) for b in answer.branches] == [("", "Reason")]
    assert answer.cues == ("acknowledge", "ask", "redirect")
    once = insert_objection(THREE_TURNS, objection, "Opener")
    with pytest.raises(CannotInsert):
        insert_objection(once, objection, "Opener")  # it is there already
    with pytest.raises(CannotInsert):
        insert_objection(THREE_TURNS, objection, "Meeting")  # an ending takes no answers
