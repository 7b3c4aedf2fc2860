"""A script's history: revisions of its working copy, made by the user or automatically.

A revision is always a copy of the working copy at one moment. Automatic revisions are not made
when the text equals the latest revision, so practising ten times in a row adds one revision.
Restoring never loses anything: an unrevised working copy is kept as an 'autosave' revision
first, and the restored text becomes a new 'restore' revision at the top of the history.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from app.core.library.errors import RevisionNotFound, ScriptNotFound
from app.core.library.folding import search_key
from app.core.library.timestamps import Clock, from_iso, to_iso, utc_now
from app.core.store import transaction

RevisionKind = Literal["created", "import", "manual", "practice", "autosave", "restore"]
REVISION_KINDS: tuple[RevisionKind, ...] = get_args(RevisionKind)

_COLUMNS = "id, script_id, created_at, name, kind, restored_from"


@dataclass(frozen=True, slots=True)
class Revision:
    id: int
    script_id: int
    created_at: datetime
    name: str  # '' for automatic revisions
    kind: RevisionKind
    restored_from: int | None  # for 'restore': the revision whose text came back


def _revision(row: sqlite3.Row | tuple) -> Revision:
    return Revision(row[0], row[1], from_iso(row[2]), row[3], row[4], row[5])


def insert_revision(
    conn: sqlite3.Connection,
    script_id: int,
    text: str,
    *,
    kind: RevisionKind,
    created_at: datetime,
    name: str = "",
    restored_from: int | None = None,
) -> Revision:
    """Store a revision as given: no de-duplication, no change to the working copy."""
    if kind not in REVISION_KINDS:
        raise ValueError(f"unknown revision kind {kind!r}")
    stamp = to_iso(created_at)
    cursor = conn.execute(
        "INSERT INTO revisions(script_id, created_at, name, kind, restored_from, text) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (script_id, stamp, name, kind, restored_from, text),
    )
    assert cursor.lastrowid is not None
    return Revision(cursor.lastrowid, script_id, from_iso(stamp), name, kind, restored_from)


def latest_with_text(conn: sqlite3.Connection, script_id: int) -> tuple[Revision, str] | None:
    row = conn.execute(
        f"SELECT {_COLUMNS}, text FROM revisions WHERE script_id = ? ORDER BY id DESC LIMIT 1",
        (script_id,),
    ).fetchone()
    return None if row is None else (_revision(row), row[6])


class History:
    """Revisions of the scripts in one database."""

    def __init__(self, conn: sqlite3.Connection, clock: Clock = utc_now) -> None:
        self._conn = conn
        self._clock = clock

    def make_revision(
        self, script_id: int, name: str = "", kind: RevisionKind = "manual"
    ) -> Revision:
        """Keep the working copy as a revision and return it.

        An automatic revision (any kind but 'manual') whose text equals the latest revision is
        not made; the latest revision is returned instead. A manual one is always made, because
        the user asked for that name on that text.
        """
        with transaction(self._conn):
            text = self._working_text(script_id)
            if kind != "manual":
                latest = latest_with_text(self._conn, script_id)
                if latest is not None and latest[1] == text:
                    return latest[0]
            revision = insert_revision(
                self._conn, script_id, text, kind=kind, name=name.strip(), created_at=self._clock()
            )
            self._mark_revised(script_id)
            return revision

    def revision_for_practice(self, script_id: int) -> Revision:
        """The revision a take recorded now refers to, made first if the text has changed."""
        return self.make_revision(script_id, kind="practice")

    def revisions(self, script_id: int) -> list[Revision]:
        """The script's revisions, newest first, without their texts."""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM revisions WHERE script_id = ? ORDER BY id DESC",
            (script_id,),
        ).fetchall()
        return [_revision(row) for row in rows]

    def latest_revision(self, script_id: int) -> Revision | None:
        latest = latest_with_text(self._conn, script_id)
        return None if latest is None else latest[0]

    def revision(self, revision_id: int) -> Revision:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM revisions WHERE id = ?", (revision_id,)
        ).fetchone()
        if row is None:
            raise RevisionNotFound(revision_id)
        return _revision(row)

    def revision_text(self, revision_id: int) -> str:
        row = self._conn.execute(
            "SELECT text FROM revisions WHERE id = ?", (revision_id,)
        ).fetchone()
        if row is None:
            raise RevisionNotFound(revision_id)
        return str(row[0])

    def restore_revision(self, revision_id: int) -> Revision:
        """Make that revision's text the working copy again; return the revision now on top."""
        with transaction(self._conn):
            row = self._conn.execute(
                "SELECT script_id, text FROM revisions WHERE id = ?", (revision_id,)
            ).fetchone()
            if row is None:
                raise RevisionNotFound(revision_id)
            script_id, wanted = row[0], row[1]
            now = self._clock()
            working = self._working_text(script_id)
            latest = latest_with_text(self._conn, script_id)
            if latest is None or latest[1] != working:
                # Typing since the last revision would otherwise vanish with the restore.
                saved = insert_revision(
                    self._conn, script_id, working, kind="autosave", created_at=now
                )
                latest = (saved, working)
            if latest[1] == wanted:
                self._mark_revised(script_id)
                return latest[0]
            title = self._conn.execute(
                "SELECT title FROM scripts WHERE id = ?", (script_id,)
            ).fetchone()[0]
            self._conn.execute(
                "UPDATE scripts SET text = ?, search_key = ?, updated_at = ?, dirty_since = NULL "
                "WHERE id = ?",
                (wanted, search_key(title, wanted), to_iso(now), script_id),
            )
            return insert_revision(
                self._conn,
                script_id,
                wanted,
                kind="restore",
                created_at=now,
                restored_from=revision_id,
            )

    def _working_text(self, script_id: int) -> str:
        row = self._conn.execute("SELECT text FROM scripts WHERE id = ?", (script_id,)).fetchone()
        if row is None:
            raise ScriptNotFound(script_id)
        return str(row[0])

    def _mark_revised(self, script_id: int) -> None:
        self._conn.execute("UPDATE scripts SET dirty_since = NULL WHERE id = ?", (script_id,))
