"""Opening the user's database at start-up without ever mistaking a healthy one for damage.

Only a file SQLite itself reports as corrupt is set aside (renamed, never deleted). A lock
held by another program is waited for; a newer app's database, a read-only folder or a full
disk open the database read-only and say why; and when even that cannot be done, the app
starts on an empty database in memory, changing nothing on disk.
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core import store
from app.core.i18n import _
from app.core.store import (
    LOCK_WAIT_S,
    NewerSchemaError,
    StoreError,
    connect,
    connect_memory,
    damaged,
    is_damage,
    kind_of,
    problem,
    schema_version,
    set_aside,
)


@dataclass
class OpenedStore:
    conn: sqlite3.Connection
    notes: list[str] = field(default_factory=list)
    read_only: bool = False  # nothing can be saved this session; ``notes`` say why
    set_aside: Path | None = None  # where a damaged database was moved


def open_database(
    path: Path,
    read_only_reason: str | None = None,
    wait_s: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> OpenedStore:
    """The database at ``path``, opened as well as it can be; ``notes`` for the user.

    ``read_only_reason`` (say, another Pitchback has this folder) opens it read-only at once.
    """
    if read_only_reason is not None:
        return _read_only(path, read_only_reason)
    deadline = clock() + (LOCK_WAIT_S if wait_s is None else wait_s)
    while True:
        try:
            return OpenedStore(connect(path))
        except NewerSchemaError as exc:
            return _read_only(path, str(exc))
        except StoreError as exc:
            return _set_aside(path, exc)
        except (sqlite3.Error, OSError) as exc:
            if kind_of(exc) == "locked" and clock() < deadline:
                continue  # each try already waited for the lock (busy timeout)
            return _read_only(path, problem(exc, path.parent) or str(exc))


def stored_language(path: Path) -> str | None:
    """The language setting, read without opening the database for good (None if it cannot
    be read): start-up's messages about the database are then in the user's language."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'language'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None


def connect_read_only(path: Path) -> sqlite3.Connection:
    """The database at ``path``, read-only, changing nothing on disk.

    SQLite reads a database's WAL through an index file beside it; where that file cannot be
    made (a full disk, a read-only folder), a copy of the database and its WAL in the
    temporary folder is read instead, so that nothing written to the WAL is missed.
    """
    try:
        return _open_read_only(f"{path.resolve().as_uri()}?mode=ro")
    except sqlite3.Error as exc:
        if is_damage(exc):
            raise damaged(exc) from exc
    try:
        return _open_read_only(_snapshot(path).as_uri())
    except (sqlite3.Error, OSError):
        pass
    try:  # the last resort: the main file alone, as it is
        return _open_read_only(f"{path.resolve().as_uri()}?mode=ro&immutable=1")
    except sqlite3.Error as exc:
        if is_damage(exc):
            raise damaged(exc) from exc
        raise


def _open_read_only(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout={store.BUSY_MS:d}")
        conn.execute("PRAGMA query_only=ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except BaseException:
        conn.close()
        raise
    if version < schema_version():
        conn.close()
        raise StoreError(_("Pitchback's database needs updating, which cannot be done read-only."))
    return conn


def _snapshot(path: Path) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="pitchback-read-only-"))
    atexit.register(shutil.rmtree, folder, True)
    for suffix in ("", "-wal"):
        source = Path(str(path) + suffix)
        if source.exists():
            shutil.copyfile(source, folder / (path.name + suffix))
    return folder / path.name


def _read_only(path: Path, reason: str) -> OpenedStore:
    note = _("{reason} Pitchback opened your data read-only: nothing can be saved now.").format(
        reason=reason
    )
    if not path.exists():
        return _in_memory([note])
    try:
        conn = connect_read_only(path)
    except StoreError as exc:
        return _in_memory([reason, str(exc)])
    except (sqlite3.Error, OSError):
        return _in_memory([reason])
    return OpenedStore(conn, [note], read_only=True)


def _in_memory(reasons: list[str]) -> OpenedStore:
    note = _(
        "Pitchback could not open your data, so it started empty and saves nothing; nothing on "
        "disk was changed. Fix the problem and start Pitchback again."
    )
    conn = connect_memory()
    return OpenedStore(conn, [*reasons, note], read_only=True)


def _set_aside(path: Path, damage: StoreError) -> OpenedStore:
    try:
        kept = set_aside(path)
    except OSError as exc:  # a read-only folder: the damaged file stays where it is
        return _in_memory([str(damage), problem(exc) or str(exc)])
    note = _("{problem} It was kept as '{kept}' and a new, empty one was started.").format(
        problem=damage, kept=kept.name
    )
    try:
        conn = connect(path)
    except (sqlite3.Error, OSError, StoreError) as exc:
        return _in_memory([note, problem(exc) or str(exc)])
    return OpenedStore(conn, [note], set_aside=kept)
