"""History: named and automatic revisions, restoring, and the takes that refer to them."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.library import RevisionNotFound, ScriptLibrary
from tests.core.library.conftest import FakeClock


def texts(library: ScriptLibrary, script_id: int) -> list[str]:
    """Every text the history holds, newest first."""
    history = library.history
    return [history.revision_text(r.id) for r in history.revisions(script_id)]


def add_take(conn: sqlite3.Connection, name: str, script_id: int, revision_id: int) -> int:
    cursor = conn.execute(
        "INSERT INTO takes(name, created_at, duration_s, samplerate, file, state, "
        "script_id, revision_id) VALUES (?, '2025-03-01T09:00:00+00:00', 12.5, 48000, ?, "
        "'done', ?, ?)",
        (name, f"takes/{name}.flac", script_id, revision_id),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def test_a_named_revision_keeps_the_text_of_that_moment(library: ScriptLibrary) -> None:
    script = library.create("Dentists", "en", "v1 text")
    library.save_text(script.id, "v2 text")
    v2 = library.history.make_revision(script.id, "  v2, shorter opener ")
    library.save_text(script.id, "v3 text")

    assert (v2.name, v2.kind) == ("v2, shorter opener", "manual")
    assert library.history.revision_text(v2.id) == "v2 text"
    assert [r.kind for r in library.history.revisions(script.id)] == ["manual", "created"]
    assert library.get(script.id).revision_count == 2
    assert library.text(script.id) == "v3 text"


def test_the_user_can_name_an_unchanged_text_but_automatic_revisions_are_not_repeated(
    library: ScriptLibrary,
) -> None:
    script = library.create("Dentists", "en", "same")
    named = library.history.make_revision(script.id, "v1")
    assert named.name == "v1"
    assert library.history.make_revision(script.id, kind="autosave") == named
    assert library.get(script.id).revision_count == 2


def test_practising_an_unchanged_script_reuses_its_revision(library: ScriptLibrary) -> None:
    script = library.create("Dentists", "en", "first")
    created = library.history.latest_revision(script.id)
    assert created is not None

    assert library.history.revision_for_practice(script.id) == created
    library.save_text(script.id, "second")
    practice = library.history.revision_for_practice(script.id)
    assert (practice.kind, practice.name) == ("practice", "")
    assert library.history.revision_text(practice.id) == "second"
    assert library.history.revision_for_practice(script.id) == practice
    assert library.history.latest_revision(script.id) == practice
    assert library.get(script.id).revision_count == 2


def test_restore_brings_an_old_text_back_and_loses_nothing(library: ScriptLibrary) -> None:
    script = library.create("Dentists", "en", "one")
    library.save_text(script.id, "two")
    two = library.history.make_revision(script.id, "two")
    library.save_text(script.id, "three, never kept in a revision")

    first = library.history.revisions(script.id)[-1]
    restored = library.history.restore_revision(first.id)

    assert library.text(script.id) == "one"
    assert (restored.kind, restored.restored_from) == ("restore", first.id)
    assert texts(library, script.id) == ["one", "three, never kept in a revision", "two", "one"]
    # Going back to the version before the restore is one more restore away.
    library.history.restore_revision(two.id)
    assert library.text(script.id) == "two"


def test_restoring_the_text_already_there_adds_nothing(library: ScriptLibrary) -> None:
    script = library.create("Dentists", "en", "one")
    latest = library.history.latest_revision(script.id)
    assert latest is not None
    assert library.history.restore_revision(latest.id) == latest
    assert library.get(script.id).revision_count == 1


def test_unknown_revisions_are_reported(library: ScriptLibrary) -> None:
    with pytest.raises(RevisionNotFound):
        library.history.revision_text(404)
    with pytest.raises(RevisionNotFound):
        library.history.restore_revision(404)


def test_autosave_keeps_a_checkpoint_after_ten_minutes_of_unrevised_edits(
    library: ScriptLibrary, clock: FakeClock
) -> None:
    script = library.create("Dentists", "en", "start")
    for n in range(1, 6):  # keystrokes within ten minutes: no history yet
        library.save_text(script.id, f"draft {n}")
        clock.advance(timedelta(minutes=1))
    assert library.get(script.id).revision_count == 1

    clock.advance(timedelta(minutes=6))
    library.save_text(script.id, "draft 6")
    [checkpoint, _created] = library.history.revisions(script.id)
    assert checkpoint.kind == "autosave"
    assert library.history.revision_text(checkpoint.id) == "draft 5"
    assert library.text(script.id) == "draft 6"

    library.save_text(script.id, "draft 7")  # the next interval starts at the checkpoint
    assert library.get(script.id).revision_count == 2


def test_returning_after_a_break_keeps_how_the_script_was_left(
    library: ScriptLibrary, clock: FakeClock
) -> None:
    script = library.create("Dentists", "en", "start")
    library.save_text(script.id, "end of monday")
    clock.advance(timedelta(days=1))
    library.save_text(script.id, "tuesday's first keystroke")
    assert texts(library, script.id) == ["end of monday", "start"]


def test_a_revision_clears_the_checkpoint_clock(library: ScriptLibrary, clock: FakeClock) -> None:
    script = library.create("Dentists", "en", "start")
    library.save_text(script.id, "edited")
    library.history.make_revision(script.id, "v2")
    clock.advance(timedelta(hours=1))
    library.save_text(script.id, "edited again")  # "edited" is already v2: nothing to keep
    assert library.get(script.id).revision_count == 2


def test_a_take_refers_to_the_revision_it_was_recorded_against(
    library: ScriptLibrary, conn: sqlite3.Connection
) -> None:
    script = library.create("Dentists", "en", "recorded text")
    revision = library.history.revision_for_practice(script.id)
    take = add_take(conn, "first", script.id, revision.id)
    library.save_text(script.id, "edited after the take")

    row = conn.execute("SELECT revision_id FROM takes WHERE id = ?", (take,)).fetchone()
    assert library.history.revision_text(row[0]) == "recorded text"


def test_a_take_cannot_refer_to_a_revision_that_does_not_exist(
    conn: sqlite3.Connection, library: ScriptLibrary
) -> None:
    script = library.create("Dentists", "en", "x")
    with pytest.raises(sqlite3.IntegrityError):
        add_take(conn, "ghost", script.id, 999)


def test_purging_a_script_keeps_its_takes_without_the_link(
    library: ScriptLibrary, conn: sqlite3.Connection
) -> None:
    script = library.create("Dentists", "en", "x")
    revision = library.history.revision_for_practice(script.id)
    take = add_take(conn, "kept", script.id, revision.id)
    library.delete(script.id)
    library.purge_deleted()

    row = conn.execute("SELECT name, script_id, revision_id FROM takes WHERE id = ?", (take,))
    assert tuple(row.fetchone()) == ("kept", None, None)


EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("type"), st.sampled_from(["a", "b", "c", "a b", ""])),
        st.tuples(st.just("wait"), st.integers(min_value=0, max_value=30)),
        st.tuples(st.just("name"), st.just("")),
        st.tuples(st.just("practice"), st.just("")),
        st.tuples(st.just("restore"), st.integers(min_value=0, max_value=50)),
    ),
    max_size=25,
)


# The autouse data-home fixture is the same for every example; the database is made per example.
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS)
def test_no_text_that_history_saw_is_ever_lost(
    conn: sqlite3.Connection, edits: list[tuple[str, object]]
) -> None:
    clock = FakeClock()
    library = ScriptLibrary(conn, clock=clock)
    script = library.create("Property", "en", "start")
    history = library.history
    must_keep = {"start"}
    for action, value in edits:
        if action == "type":
            library.save_text(script.id, str(value))
        elif action == "wait":
            clock.advance(timedelta(minutes=int(str(value))))
        else:
            # A history action sees the working copy; from then on it must never be lost.
            must_keep.add(library.text(script.id))
            if action == "name":
                history.make_revision(script.id, "named")
            elif action == "practice":
                history.revision_for_practice(script.id)
            else:
                revisions = history.revisions(script.id)
                history.restore_revision(revisions[int(str(value)) % len(revisions)].id)
    kept = set(texts(library, script.id))
    assert must_keep <= kept
    assert library.get(script.id).revision_count == len(history.revisions(script.id))
