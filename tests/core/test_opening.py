"""Opening the database at start-up: a lock or a newer schema is not damage (issue 10, #2),
and a data folder is one Pitchback's at a time (#9)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.paths import database_path
from app.core.store import _statements, connect, get_setting, migrations, schema_version

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def older_database(path: Path) -> None:
    """A database one migration behind, so that opening it must write (and take the lock)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    for version, sql in migrations()[:-1]:
        for statement in _statements(sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version:d}")
    conn.execute("INSERT INTO settings(key, value) VALUES('language', 'nl')")
    conn.close()


def hold_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process (a real one) holding the database's write lock for ``seconds``."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def set_aside_files(home: Path) -> list[Path]:
    return sorted(home.glob("*.damaged-*"))


def test_a_locked_database_is_not_declared_damaged(home: Path) -> None:
    from app.__main__ import open_store

    path = database_path(home)
    older_database(path)
    holder = hold_lock(path, 6.5)  # longer than one busy timeout (5 s), as in the finding
    try:
        opened = open_store(home)
    finally:
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    assert set_aside_files(home) == []
    assert opened.notes == [] and not opened.read_only
    assert get_setting(opened.conn, "language") == "nl"  # the same database, migrated
    assert opened.conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    opened.conn.close()


def test_a_database_locked_for_good_opens_without_changing_anything(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.core.opening as opening
    import app.core.store as store
    from app.__main__ import open_store

    monkeypatch.setattr(store, "BUSY_MS", 200)
    monkeypatch.setattr(opening, "LOCK_WAIT_S", 0.5)
    path = database_path(home)
    older_database(path)
    before = path.read_bytes()
    holder = hold_lock(path, 30)
    try:
        opened = open_store(home)
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    assert set_aside_files(home) == []
    assert opened.read_only
    assert "Another program is using Pitchback's database" in " ".join(opened.notes)
    with pytest.raises(sqlite3.OperationalError):
        opened.conn.execute("INSERT INTO settings(key, value) VALUES('x', 'y')")
    assert path.read_bytes() == before
    opened.conn.close()


def test_a_newer_schema_is_not_declared_damaged(home: Path) -> None:
    from app.__main__ import open_store

    path = database_path(home)
    conn = connect(path)
    conn.execute("INSERT INTO settings(key, value) VALUES('language', 'nl')")
    conn.execute(f"PRAGMA user_version = {schema_version() + 1:d}")  # as after a downgrade
    conn.close()
    opened = open_store(home)
    assert set_aside_files(home) == []
    assert opened.read_only
    assert "newer Pitchback" in " ".join(opened.notes)
    assert get_setting(opened.conn, "language") == "nl"  # shown, read-only
    with pytest.raises(sqlite3.OperationalError):
        opened.conn.execute("INSERT INTO settings(key, value) VALUES('x', 'y')")
    opened.conn.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == schema_version() + 1
    check.close()


CLAIM = """
import sys, time
from pathlib import Path
from app.core.instance import claim
instance = claim(Path(sys.argv[1]))
print("first" if instance.first else "second", flush=True)
time.sleep(30)
"""


def test_one_pitchback_per_data_folder_and_a_dead_ones_lock_is_taken_over(home: Path) -> None:
    from app.core.instance import claim, lock_path

    holder = subprocess.Popen(
        [sys.executable, "-c", CLAIM, str(home)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "first"
        second = claim(home)
        assert not second.first and second.other_pid == holder.pid
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    assert lock_path(home).read_text().strip() == str(holder.pid)  # the dead process's lock
    taken = claim(home)
    assert taken.first and lock_path(home).read_text().strip() != str(holder.pid)
    assert taken.lock is not None
    taken.lock.release()
