"""Library changes are all or nothing, also when one is made inside another."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.store import connect, transaction


def keys(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT key FROM settings ORDER BY key")]


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(tmp_path / "p.db")
    yield connection
    connection.close()


def test_a_failure_undoes_the_whole_change(conn: sqlite3.Connection) -> None:
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("INSERT INTO settings VALUES ('a', '1')")
        raise RuntimeError
    assert keys(conn) == []
    assert not conn.in_transaction


def test_a_failed_inner_change_leaves_the_outer_one(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        conn.execute("INSERT INTO settings VALUES ('outer', '1')")
        with pytest.raises(RuntimeError), transaction(conn):
            conn.execute("INSERT INTO settings VALUES ('inner', '1')")
            with transaction(conn):
                conn.execute("INSERT INTO settings VALUES ('innermost', '1')")
            raise RuntimeError
    assert keys(conn) == ["outer"]
    assert not conn.in_transaction
