"""The SQLite store: migrations, a damaged file, settings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.__main__ import open_store
from app.core.store import (
    StoreError,
    connect,
    get_setting,
    migrations,
    put_setting,
    schema_version,
)


def test_a_new_database_has_the_whole_schema_in_wal_mode(tmp_path: Path) -> None:
    conn = connect(tmp_path / "p.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    put_setting(conn, "language", "nl")
    put_setting(conn, "language", "en")
    assert get_setting(conn, "language") == "en"


def test_an_older_database_opens_and_keeps_its_takes(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    old = sqlite3.connect(path)
    old.executescript(migrations()[0][1])
    old.execute(
        "INSERT INTO takes(name, created_at, samplerate, file, state) "
        "VALUES('first', '2026-01-01T10:00:00+00:00', 48000, 'takes/a.flac', 'done')"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    assert conn.execute("SELECT name FROM takes").fetchone()[0] == "first"


def test_a_database_from_a_newer_app_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    conn = connect(path)
    conn.execute(f"PRAGMA user_version = {schema_version() + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer Pitchback"):
        connect(path)


def test_a_damaged_database_is_set_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "pitchback.db"
    path.write_bytes(b"this is not SQLite at all" * 100)
    opened = open_store(tmp_path)
    assert len(opened.notes) == 1 and "damaged" in opened.notes[0]
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not SQLite")
    assert opened.conn.execute("SELECT count(*) FROM takes").fetchone()[0] == 0
