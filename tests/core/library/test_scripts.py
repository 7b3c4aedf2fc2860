"""The library as the user sees it: making, renaming, binning and finding scripts."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from app.core import i18n
from app.core.library import LibraryError, ScriptLibrary, ScriptNotFound
from app.core.store import connect
from tests.core.library.conftest import FakeClock

OPENER = "== Opener ==\nGoedemorgen, u spreekt met Sam.\n"


def titles(library: ScriptLibrary, search: str = "", include_deleted: bool = False) -> list[str]:
    return [s.title for s in library.list_scripts(search, include_deleted=include_deleted)]


def test_a_new_script_is_listed_and_keeps_its_text_across_reopening(db_path: Path) -> None:
    conn = connect(db_path)
    made = ScriptLibrary(conn, clock=FakeClock()).create("Dentists", "nl", OPENER)
    conn.close()

    conn = connect(db_path)
    reopened = ScriptLibrary(conn)
    [listed] = reopened.list_scripts()
    assert (listed.id, listed.title, listed.language) == (made.id, "Dentists", "nl")
    assert listed.revision_count == 1
    assert reopened.text(made.id) == OPENER
    conn.close()


def test_the_list_shows_the_most_recently_changed_first(library: ScriptLibrary) -> None:
    first = library.create("First", "en", "one")
    library.create("Second", "en", "two")
    library.save_text(first.id, "one, edited")
    assert titles(library) == ["First", "Second"]


def test_a_title_is_one_line_and_never_empty(library: ScriptLibrary) -> None:
    assert library.create("  Cold\ncall  ", "en").title == "Cold call"
    with pytest.raises(LibraryError, match="needs a title"):
        library.create(" \n ", "en")
    script = library.create("Keep", "en")
    with pytest.raises(LibraryError):
        library.rename(script.id, "")
    assert library.get(script.id).title == "Keep"


def test_the_title_message_is_in_dutch_for_a_dutch_user(library: ScriptLibrary) -> None:
    i18n.set_language("nl")
    with pytest.raises(LibraryError, match="titel"):
        library.create("", "nl")


def test_duplicate_copies_the_working_copy_under_an_unused_title(library: ScriptLibrary) -> None:
    original = library.create("Opener", "nl", OPENER)
    library.save_text(original.id, OPENER + "Extra line\n")
    library.history.make_revision(original.id, "v2")

    copy = library.duplicate(original.id)
    again = library.duplicate(original.id)

    assert (copy.title, again.title) == ("Opener (copy)", "Opener (copy 2)")
    assert copy.language == "nl"
    assert library.text(copy.id) == OPENER + "Extra line\n"
    # The history stays with the original; the copy starts its own.
    assert copy.revision_count == 1
    assert library.get(original.id).revision_count == 2


def test_rename_changes_the_title_and_what_search_finds(library: ScriptLibrary) -> None:
    script = library.create("Dentists", "en", "hello")
    library.rename(script.id, "Orthodontists")
    assert library.get(script.id).title == "Orthodontists"
    assert titles(library, "ortho") == ["Orthodontists"]
    assert titles(library, "dentists") == []
    assert titles(library, "hello") == ["Orthodontists"]


def test_a_deleted_script_waits_in_the_bin_and_comes_back_whole(library: ScriptLibrary) -> None:
    script = library.create("Dentists", "en", OPENER)
    library.history.make_revision(script.id, "v2")
    library.delete(script.id)

    assert titles(library) == []
    [binned] = library.list_scripts(include_deleted=True)
    assert binned.deleted and binned.title == "Dentists"

    library.restore(script.id)
    back = library.get(script.id)
    assert not back.deleted
    assert titles(library) == ["Dentists"]
    assert library.text(script.id) == OPENER
    assert back.revision_count == 2


def test_purge_removes_only_what_has_been_in_the_bin_long_enough(
    library: ScriptLibrary, conn: sqlite3.Connection, clock: FakeClock
) -> None:
    old = library.create("Old", "en", "old text")
    recent = library.create("Recent", "en", "recent text")
    kept = library.create("Kept", "en", "kept text")
    library.delete(old.id)
    clock.advance(timedelta(days=20))
    library.delete(recent.id)
    clock.advance(timedelta(days=15))

    assert library.purge_deleted(older_than=timedelta(days=30)) == 1
    assert titles(library, include_deleted=True) == ["Kept", "Recent"]
    with pytest.raises(ScriptNotFound):
        library.get(old.id)
    orphans = conn.execute("SELECT count(*) FROM revisions WHERE script_id = ?", (old.id,))
    assert orphans.fetchone()[0] == 0

    assert library.purge_deleted() == 1
    assert titles(library, include_deleted=True) == ["Kept"]
    assert library.text(kept.id) == "kept text"


def test_search_finds_words_in_title_or_text_ignoring_case_and_accents(
    library: ScriptLibrary,
) -> None:
    library.create("Tandartsen Utrecht", "nl", "== Opener ==\nIk heb twee IDEEËN voor u.\n")
    library.create("Café owners", "en", "== Opener ==\nQuick question about your coffee.\n")
    library.create("Bakers", "en", "== Opener ==\nDo you bake on Sundays?\n")

    assert titles(library, "ideeen") == ["Tandartsen Utrecht"]
    assert titles(library, "Ideeën") == ["Tandartsen Utrecht"]
    assert titles(library, "CAFE") == ["Café owners"]
    assert titles(library, "  utrecht   twee ") == ["Tandartsen Utrecht"]  # all words, any order
    assert titles(library, "utrecht coffee") == []  # no script has both
    assert titles(library, "") == ["Bakers", "Café owners", "Tandartsen Utrecht"]


def test_search_follows_autosaved_text(library: ScriptLibrary) -> None:
    script = library.create("Bakers", "en", "bread")
    library.save_text(script.id, "croissants")
    assert titles(library, "croissant") == ["Bakers"]
    assert titles(library, "bread") == []


def test_search_leaves_out_the_bin_unless_asked(library: ScriptLibrary) -> None:
    script = library.create("Bakers", "en", "bread")
    library.delete(script.id)
    assert titles(library, "bread") == []
    assert titles(library, "bread", include_deleted=True) == ["Bakers"]


def test_save_text_writes_only_changes(library: ScriptLibrary, clock: FakeClock) -> None:
    script = library.create("Bakers", "en", "bread")
    assert library.save_text(script.id, "bread") is False
    assert library.get(script.id).updated_at == script.updated_at

    assert library.save_text(script.id, "rolls") is True
    assert library.text(script.id) == "rolls"
    assert library.get(script.id).updated_at > script.updated_at


def test_unknown_scripts_are_reported(library: ScriptLibrary) -> None:
    for action in (library.get, library.text, library.delete, library.restore):
        with pytest.raises(ScriptNotFound):
            action(404)
    with pytest.raises(ScriptNotFound):
        library.save_text(404, "x")


def test_a_script_can_change_language(library: ScriptLibrary) -> None:
    script = library.create("Bakers", "en", "bread")
    assert library.set_language(script.id, "nl").language == "nl"
    with pytest.raises(ValueError):
        library.set_language(script.id, "de")  # type: ignore[arg-type]


def test_a_starter_becomes_a_script_with_its_own_title_and_language(
    library: ScriptLibrary, tmp_path: Path
) -> None:
    starter = tmp_path / "starter-dentists.txt"
    starter.write_text("Title: Tandartsen\nLanguage: Nederlands\n\n" + OPENER, "utf-8")
    script = library.create_from_starter(starter, "en")
    assert (script.title, script.language) == ("Tandartsen", "nl")
    assert library.text(script.id).endswith(OPENER)
    [first] = library.history.revisions(script.id)
    assert first.kind == "created"
