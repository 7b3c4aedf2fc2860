"""The SQLite store: one file per user, WAL, schema migrations by ``PRAGMA user_version``.

Each migration is a file ``app/core/migrations/NNNN_name.sql``; the number is the schema
version it brings the database to. An older database opens in a newer app by running the
missing ones in order, each in its own transaction.
"""

from __future__ import annotations

import errno
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


class NewerSchemaError(StoreError):
    """The database was made by a newer Pitchback: healthy, but not this app's to change."""


class LockedError(StoreError):
    """Another program holds the database's lock for longer than we waited."""


# How long each statement waits for another program's lock, and how long opening keeps trying.
BUSY_MS = 5000
LOCK_WAIT_S = 12.0


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

    Raises StoreError only when the file itself is damaged; NewerSchemaError for a database
    of a newer app. A lock, a full disk or a read-only file raise sqlite3.OperationalError
    (or OSError): the file is fine, and ``problem()`` says what is wrong in the user's words.
    (``app.core.opening`` opens a database read-only.)
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout={BUSY_MS:d}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        _migrate(conn)
    except BaseException as exc:
        conn.close()
        if is_damage(exc):
            raise damaged(exc) from exc
        raise
    return conn


def damaged(exc: BaseException) -> StoreError:
    return StoreError(
        _("Pitchback's database file is damaged and cannot be opened ({detail}).").format(
            detail=exc
        )
    )


_DAMAGE = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_LOCKED = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def _sqlite_kind(exc: sqlite3.Error) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.split("_", 2)[:2] == ["SQLITE", "CORRUPT"] or name in _DAMAGE:
        return "damaged"
    if name in _LOCKED or name.startswith("SQLITE_BUSY") or "locked" in text:
        return "locked"
    if name == "SQLITE_FULL" or "disk is full" in text:
        return "full"
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN", "SQLITE_AUTH")):
        return "read_only"
    if "readonly" in text or "unable to open" in text:
        return "read_only"
    if name.startswith("SQLITE_IOERR") or "i/o error" in text:
        return "io"
    if not isinstance(exc, sqlite3.OperationalError) and isinstance(exc, sqlite3.DatabaseError):
        return "damaged" if "malformed" in text or "not a database" in text else "other"
    return "other"


def kind_of(exc: BaseException, where: Path | None = None) -> str | None:
    """What kind of storage problem ``exc`` is: 'full', 'read_only', 'locked', 'damaged',
    'io', 'newer', 'other'; None when it is not a storage problem at all.

    SQLite reports a full disk under its shared-memory file only as an I/O error: ``where``
    (the data folder) lets the disk itself say whether it is full.
    """
    kind = _kind_of(exc)
    if kind == "io" and where is not None and _nearly_full(where):
        return "full"
    return kind


def _nearly_full(where: Path) -> bool:
    try:
        return shutil.disk_usage(where).free < FULL_BELOW
    except OSError:
        return False


FULL_BELOW = 256 * 1024  # bytes free: less than SQLite needs for its WAL and index


def _kind_of(exc: BaseException) -> str | None:
    if isinstance(exc, NewerSchemaError):
        return "newer"
    if isinstance(exc, LockedError):
        return "locked"
    if isinstance(exc, StoreError):
        return "damaged"
    if isinstance(exc, sqlite3.Error):
        return _sqlite_kind(exc)
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return "full"
        if exc.errno in _DENIED_ERRNOS:
            return "read_only"
        return "io"
    return None


def is_damage(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error) and _sqlite_kind(exc) == "damaged"


def problem(exc: BaseException, where: Path | None = None) -> str | None:
    """A storage error in the user's words (None when ``exc`` is not one): the one wording
    every page and the command line use when something could not be saved. ``where``: the
    data folder, if known (see ``kind_of``)."""
    kind = kind_of(exc, where)
    if kind is None:
        return None
    if kind in ("newer", "damaged") and isinstance(exc, StoreError):
        return str(exc)
    if kind == "full":
        return _(
            "The disk is full, so Pitchback could not save. What you have is kept; free some "
            "space and try again."
        )
    if kind == "read_only":
        return _(
            "Pitchback cannot save: its data folder or database is read-only or not yours to "
            "change. What you have is kept; check the folder's permissions."
        )
    if kind == "locked":
        return _(
            "Another program is using Pitchback's database, so Pitchback could not save. Close "
            "it (or the other Pitchback) and try again."
        )
    if kind == "damaged":
        return _(
            "Pitchback's database is damaged, so this could not be saved. Restart Pitchback: "
            "it sets the damaged file aside and keeps your recordings."
        )
    return _("Pitchback could not save ({detail}). What you have is kept.").format(detail=exc)


STORAGE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, OSError, StoreError)


def connect_memory() -> sqlite3.Connection:
    """An empty, migrated database in memory that refuses writes, like a read-only file."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    _migrate(conn)
    conn.execute("PRAGMA query_only=ON")
    return conn


def _migrate(conn: sqlite3.Connection) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    steps = migrations()
    if current > len(steps):
        raise NewerSchemaError(
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


def remember_setting(conn: sqlite3.Connection, key: str, value: str) -> bool:
    """Save a preference (which script was open, which device) if the store can: one that
    cannot be saved (read-only data, a full disk) loses no work. False when it was not saved."""
    try:
        put_setting(conn, key, value)
    except (sqlite3.Error, OSError):
        return False
    return True


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
