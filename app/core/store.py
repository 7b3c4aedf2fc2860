"""The SQLite store: one file per user, WAL, schema migrations by ``PRAGMA user_version``.

Each migration is a file ``app/core/migrations/NNNN_name.sql``; the number is the schema
version it brings the database to. An older database opens in a newer app by running the
missing ones in order, each in its own transaction.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.i18n import _

MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class StoreError(Exception):
    """The database cannot be used; the message says why in the user's words."""


def migrations() -> list[tuple[int, str]]:
    found = []
    for path in sorted(MIGRATIONS.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append((int(match.group(1)), path.read_text("utf-8")))
    versions = [v for v, _sql in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps: {versions}")
    return found


def schema_version() -> int:
    return len(migrations())


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises StoreError when the file is not a usable Pitchback database.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=5000")
        _migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            _("Pitchback's database file is damaged and cannot be opened ({detail}).").format(
                detail=exc
            )
        ) from exc
    return conn


def _migrate(conn: sqlite3.Connection) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    steps = migrations()
    if current > len(steps):
        raise StoreError(
            _(
                "This database was made by a newer Pitchback "
                "(schema {found}, this app knows {known})."
            ).format(found=current, known=len(steps))
        )
    for version, sql in steps[current:]:
        with transaction(conn):
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version:d}")


def _statements(sql: str) -> list[str]:
    parts, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            parts.append(buf.strip())
            buf = ""
    if buf.strip():
        parts.append(buf.strip())
    return [p for p in parts if p]


def set_aside(path: Path, clock: object = time) -> Path:
    """Move a damaged database (and its WAL files) out of the way, keeping it for rescue."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            shutil.move(src, Path(str(target) + suffix))
    return target


def get_setting(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def put_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """All or nothing; nests (as a savepoint) inside a transaction the caller already holds."""
    if conn.in_transaction:
        # SQLite resolves a repeated savepoint name to the innermost one, so one name nests.
        conn.execute("SAVEPOINT nested")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK TO nested")
            conn.execute("RELEASE nested")
            raise
        conn.execute("RELEASE nested")
        return
    # IMMEDIATE takes the write lock up front, so a read-then-write cannot hit a busy upgrade.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
