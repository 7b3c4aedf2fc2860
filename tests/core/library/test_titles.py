"""The Title: line is the script's listed name, and no two scripts start with the same one."""

from __future__ import annotations

from app.core.library import ScriptLibrary
from app.core.library.starters import starter_path
from app.core.script import parse

TEXT = "Title: Dentists\nLanguage: en\n\n== Opener ==\nHello.\n"


def test_a_script_from_the_starter_gets_a_name_of_its_own(library: ScriptLibrary) -> None:
    first = library.create_from_starter(starter_path("en"), "en")
    second = library.create_from_starter(starter_path("en"), "en")
    assert second.title == f"{first.title} (copy)"
    assert parse(library.text(second.id)).title == second.title  # the text says so too


def test_a_duplicate_s_title_line_names_the_copy(library: ScriptLibrary) -> None:
    original = library.create("Dentists", "en", TEXT)
    copy = library.duplicate(original.id)
    assert copy.title == "Dentists (copy)"
    assert library.text(copy.id).startswith("Title: Dentists (copy)\n")
    assert library.text(original.id) == TEXT


def test_editing_the_title_line_renames_the_script(library: ScriptLibrary) -> None:
    script = library.create("Dentists", "en", TEXT)
    library.save_text(script.id, TEXT.replace("Title: Dentists", "Title: Dental practices"))
    assert library.get(script.id).title == "Dental practices"
    library.save_text(script.id, TEXT.replace("Title: Dentists", "Title:   "))  # half typed
    assert library.get(script.id).title == "Dental practices"


def test_renaming_in_the_list_rewrites_the_title_line(library: ScriptLibrary) -> None:
    script = library.create("Dentists", "en", TEXT)
    library.rename(script.id, "Orthodontists")
    assert library.text(script.id).startswith("Title: Orthodontists\n")
    plain = library.create("No title line", "en", "== Opener ==\nHi.\n")
    library.rename(plain.id, "Still none")
    assert library.text(plain.id) == "== Opener ==\nHi.\n"
