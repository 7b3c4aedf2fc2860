"""Takes of a script: which revision, what kind, rating, notes, and one star per script."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.library import ScriptLibrary
from app.core.store import connect
from app.core.takes import TakeStore
from tests.core.test_takes import Clock


def setup(tmp_path: Path) -> tuple[TakeStore, ScriptLibrary]:
    conn = connect(tmp_path / "p.db")
    return TakeStore(conn, tmp_path, Clock()), ScriptLibrary(conn)


def test_takes_know_their_script_revision_and_kind(tmp_path: Path) -> None:
    store, library = setup(tmp_path)
    script = library.create("Cold call", "en", "== Voicemail ==\nHi.\n")
    other = library.create("Other", "en", "")
    first_rev = library.history.revision_for_practice(script.id)
    plain = store.finish(store.begin(48000).id, 1.0)
    assert (plain.kind, plain.script_id, plain.rating, plain.starred) == ("take", None, None, False)
    one = store.link(store.begin(48000).id, script.id, first_rev.id, "voicemail")
    store.finish(one.id, 30.0)
    library.save_text(script.id, "== Voicemail ==\nHello there.\n")
    second_rev = library.history.revision_for_practice(script.id)
    two = store.link(store.begin(48000).id, script.id, second_rev.id, "live_answer")
    store.finish(two.id, 12.0)
    store.finish(store.link(store.begin(48000).id, other.id, None, "voicemail").id, 2.0)
    takes = store.takes_for_script(script.id)
    assert [t.id for t in takes] == [one.id, two.id]
    assert [t.revision_id for t in takes] == [first_rev.id, second_rev.id]
    assert first_rev.id != second_rev.id
    assert [t.id for t in store.takes_for_script(script.id, ("voicemail",))] == [one.id]
    with pytest.raises(ValueError):
        store.link(one.id, script.id, None, "podcast")  # type: ignore[arg-type]


def test_rating_notes_and_a_single_star_per_script(tmp_path: Path) -> None:
    store, library = setup(tmp_path)
    script = library.create("Cold call", "en", "")
    other = library.create("Other", "en", "")
    a, b, c = (
        store.finish(store.link(store.begin(48000).id, sid, None, "voicemail").id, 3.0)
        for sid in (script.id, script.id, other.id)
    )
    store.set_rating(a.id, 4)
    store.set_notes(a.id, "  calmer, slower  ")
    assert (store.get(a.id).rating, store.get(a.id).notes) == (4, "calmer, slower")
    with pytest.raises(ValueError):
        store.set_rating(a.id, 6)
    store.set_rating(a.id, None)
    assert store.get(a.id).rating is None
    store.set_starred(a.id, True)
    store.set_starred(c.id, True)
    store.set_starred(b.id, True)
    assert [store.get(t.id).starred for t in (a, b, c)] == [False, True, True]
    store.set_starred(b.id, False)
    assert not store.get(b.id).starred
