"""A database from before the library opens in this app with its takes intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core.library import ScriptLibrary
from app.core.store import MIGRATIONS, connect, schema_version

TAKES = [
    ("monday", "2025-02-03T09:00:00+00:00", 21.5, 48000, "takes/a.flac", "done"),
    ("crashed", "2025-02-04T10:30:00+00:00", 3.0, 44100, "takes/b.flac", "recovered"),
]


def make_version_1(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((MIGRATIONS / "0001_takes.sql").read_text("utf-8"))
    conn.execute("PRAGMA user_version = 1")
    conn.executemany(
        "INSERT INTO takes(name, created_at, duration_s, samplerate, file, state) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        TAKES,
    )
    conn.commit()
    conn.close()


def test_takes_survive_the_migration_unlinked(db_path: Path) -> None:
    make_version_1(db_path)
    conn = connect(db_path)

    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    rows = conn.execute(
        "SELECT name, created_at, duration_s, samplerate, file, state, script_id, revision_id "
        "FROM takes ORDER BY id"
    ).fetchall()
    assert [tuple(r) for r in rows] == [(*take, None, None) for take in TAKES]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_a_migrated_database_holds_scripts_and_links_new_takes(db_path: Path) -> None:
    make_version_1(db_path)
    conn = connect(db_path)
    library = ScriptLibrary(conn)
    script = library.create("Dentists", "en", "== Opener ==\nHello\n")
    revision = library.history.revision_for_practice(script.id)
    conn.execute(
        "UPDATE takes SET script_id = ?, revision_id = ? WHERE name = 'monday'",
        (script.id, revision.id),
    )
    conn.close()

    reopened = connect(db_path)
    row = reopened.execute("SELECT revision_id FROM takes WHERE name = 'monday'").fetchone()
    assert ScriptLibrary(reopened).history.revision_text(row[0]) == "== Opener ==\nHello\n"
    reopened.close()
