"""The take's words against the script: what is marked, and "use what I said"."""

from __future__ import annotations

from pathlib import Path

from app.core.feedback import marked_words, revise_in_my_words, voicemail_text, with_voicemail
from app.core.script import parse
from app.core.transcript import compare_to_script, use_what_i_said
from tests.core.feedback.conftest import World, said

SCRIPT = """Title: Opener
Language: en

For the Northwind list.

== Opener ==
Hi, this is Sam.

== Voicemail ==
(smile)
Hi {first_name}, this is Sam from Northwind.
// keep it short

Call me back on 555 0100.

== Pitch == (end)
We help teams sell more.
"""


def test_the_voicemail_is_replaced_and_every_other_line_kept() -> None:
    text = with_voicemail(SCRIPT, "Hello Jo, it's Sam.\nRing me back.")
    lines, old = text.split("\n"), SCRIPT.split("\n")
    assert lines[:9] == old[:9]  # up to and including the voicemail heading
    assert lines[9:11] == ["Hello Jo, it's Sam.", "Ring me back."]
    assert lines[11:] == old[14:]  # the blank line, the next step, the final newline
    script = parse(text)
    assert script.voicemail is not None
    assert script.voicemail.spoken == ("Hello Jo, it's Sam.", "Ring me back.")
    assert script.steps == parse(SCRIPT).steps


def test_a_voicemail_at_the_end_or_missing() -> None:
    last = "== Opener ==\nHi.\n\n== Voicemail ==\nOld words.\n"
    assert (
        with_voicemail(last, "New words.") == "== Opener ==\nHi.\n\n== Voicemail ==\nNew words.\n"
    )
    assert with_voicemail("== Opener ==\nHi.\n\n", "New words.") == last.replace("Old", "New")
    assert voicemail_text(with_voicemail("", "Just this.")) == "Just this."


def test_fillers_and_words_off_the_script_are_marked() -> None:
    transcript = said("Um, hi Jo, this is Sam from the the Acme team. Call me.")
    diff = compare_to_script(transcript, "Hi {first_name}, this is Sam from the Northwind team.")
    marks = [(w.text, w.mark) for w in marked_words(transcript, diff)]
    assert marks == [
        ("Um,", "filler"),
        ("hi", "said"),
        ("Jo,", "said"),  # the placeholder takes any one word
        ("this", "said"),
        ("is", "said"),
        ("Sam", "said"),
        ("from", "said"),
        ("the", "off_script"),  # said twice: one of the two is not in the script
        ("the", "said"),
        ("Acme", "off_script"),
        ("team.", "said"),
        ("Call", "off_script"),
        ("me.", "off_script"),
    ]
    assert [w.mark for w in marked_words(transcript, None)].count("off_script") == 0


def test_use_what_i_said_makes_a_named_revision_and_keeps_unsaved_typing(tmp_path: Path) -> None:
    world = World(tmp_path)
    library, history = world.library, world.library.history
    script = library.create("Opener", "en", SCRIPT)
    typed = SCRIPT.replace("We help teams sell more.", "We help teams sell much more.")
    library.save_text(script.id, typed)  # not kept as a revision yet
    transcript = said("Uh, hi Jo, it's Sam, um, from Northwind. Give me a ring back.")

    revision = revise_in_my_words(library, history, script.id, transcript, "What I said, today")

    assert revision.kind == "manual" and revision.name == "What I said, today"
    text = history.revision_text(revision.id)
    assert library.text(script.id) == text
    assert voicemail_text(text).split("\n") == use_what_i_said(transcript).split("\n")
    assert compare_to_script(transcript, voicemail_text(text)).word_error_rate == 0
    assert "We help teams sell much more." in text  # the rest of the working copy stays
    kinds = [r.kind for r in history.revisions(script.id)]
    assert kinds == ["manual", "autosave", "created"]
    assert history.revision_text(history.revisions(script.id)[1].id) == typed


def test_a_number_half_off_the_script_is_marked_and_the_words_after_it_are_not() -> None:
    transcript = said("It costs 25 dollars a month.")
    diff = compare_to_script(transcript, "It costs twenty six dollars a month.")
    assert [op.kind for op in diff.ops] == ["same", "changed", "same"]  # "25" is in two runs
    marks = [(w.text, w.mark) for w in marked_words(transcript, diff)]
    assert marks == [
        ("It", "said"),
        ("costs", "said"),
        ("25", "off_script"),
        ("dollars", "said"),
        ("a", "said"),
        ("month.", "said"),
    ]
