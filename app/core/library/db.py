"""Transactions over the store's autocommit connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """All or nothing; nests (as a savepoint) inside a transaction the caller already holds."""
    if conn.in_transaction:
        # SQLite resolves a repeated savepoint name to the innermost one, so one name nests.
        conn.execute("SAVEPOINT library")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK TO library")
            conn.execute("RELEASE library")
            raise
        conn.execute("RELEASE library")
        return
    # IMMEDIATE takes the write lock up front, so a read-then-write cannot hit a busy upgrade.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
