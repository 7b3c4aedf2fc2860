"""The script library: many scripts, each with a working copy that autosave keeps current.

Listing reads only the covering index ``scripts_listing`` (see 0002_scripts.sql), never a
script's text or its revisions, so a library of thousands opens as fast as an empty one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal, get_args

from app.core.i18n import _
from app.core.library.errors import LibraryError, ScriptNotFound
from app.core.library.folding import query_words, search_key
from app.core.library.revisions import History, RevisionKind, insert_revision, latest_with_text
from app.core.library.timestamps import Clock, from_iso, to_iso, utc_now
from app.core.library.transfer import read_script_file, write_script_file
from app.core.script.title import title_of, with_title
from app.core.store import transaction

Language = Literal["en", "nl"]
SCRIPT_LANGUAGES: tuple[Language, ...] = get_args(Language)

# How long the working copy may differ from every revision before autosave keeps the text as
# it stood in an 'autosave' revision: often enough to undo an afternoon's mistake, rarely
# enough that the history stays readable.
CHECKPOINT_EVERY = timedelta(minutes=10)

_INFO = "id, title, language, created_at, updated_at, deleted_at, revision_count"


@dataclass(frozen=True, slots=True)
class ScriptInfo:
    """What the library shows of a script; its text is fetched separately, when opened."""

    id: int
    title: str
    language: Language
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None  # set while the script sits in the bin
    revision_count: int

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


def _info(row: sqlite3.Row | tuple) -> ScriptInfo:
    return ScriptInfo(
        id=row[0],
        title=row[1],
        language=row[2],
        created_at=from_iso(row[3]),
        updated_at=from_iso(row[4]),
        deleted_at=None if row[5] is None else from_iso(row[5]),
        revision_count=row[6],
    )


class ScriptLibrary:
    """The scripts in one database; ``history`` holds their revisions."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        clock: Clock = utc_now,
        checkpoint_every: timedelta | None = CHECKPOINT_EVERY,
    ) -> None:
        self._conn = conn
        self._clock = clock
        self._checkpoint_every = checkpoint_every
        self.history = History(conn, clock)

    @property
    def conn(self) -> sqlite3.Connection:
        """The database the scripts are in (settings such as the profile live there too)."""
        return self._conn

    # -- making scripts

    def create(
        self, title: str, language: Language, text: str = "", *, kind: RevisionKind = "created"
    ) -> ScriptInfo:
        """A new script whose first revision (of ``kind``) is ``text``."""
        title = _clean_title(title)
        if language not in SCRIPT_LANGUAGES:
            raise ValueError(f"unknown script language {language!r}")
        now = self._clock()
        stamp = to_iso(now)
        with transaction(self._conn):
            cursor = self._conn.execute(
                "INSERT INTO scripts(title, language, created_at, updated_at, text, search_key) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (title, language, stamp, stamp, text, search_key(title, text)),
            )
            assert cursor.lastrowid is not None
            insert_revision(self._conn, cursor.lastrowid, text, kind=kind, created_at=now)
            return self.get(cursor.lastrowid)

    def create_from_starter(self, path: Path, language: Language) -> ScriptInfo:
        """A new script from a bundled starter file, in ``language`` unless the file says.

        Raises ScriptFileError when the file cannot be read as a script.
        """
        found = read_script_file(path)
        return self._create_distinct(found.title, _language(found.language, language), found.text)

    def import_file(self, path: Path, language: Language) -> tuple[ScriptInfo, str | None]:
        """A new script from a file the user chose, and a note to show them, if any.

        The script is in ``language`` unless the file says otherwise. Raises ScriptFileError,
        with nothing changed, when the file cannot be a script.
        """
        found = read_script_file(path)
        info = self.create(  # byte for byte as the file has it, title included
            found.title, _language(found.language, language), found.text, kind="import"
        )
        return info, found.note_for_user

    def export_file(self, script_id: int, path: Path) -> None:
        write_script_file(path, self.text(script_id))

    def duplicate(self, script_id: int) -> ScriptInfo:
        """A copy of the working copy under a new title; the history stays with the original."""
        with transaction(self._conn):
            original = self.get(script_id)
            title = self._unused_title(original.title)
            return self.create(title, original.language, with_title(self.text(script_id), title))

    def _create_distinct(self, title: str, language: Language, text: str) -> ScriptInfo:
        """A new script under ``title``, or "title (copy)" when a script is listed so already;
        its Title: line says the same."""
        with transaction(self._conn):
            title = _clean_title(title)
            if self._title_taken(title):
                title = self._unused_title(title)
            return self.create(title, language, with_title(text, title))

    # -- changing scripts

    def rename(self, script_id: int, title: str) -> ScriptInfo:
        """Rename the script; its Title: line, if it has one, says the new name too."""
        title = _clean_title(title)
        with transaction(self._conn):
            text = with_title(self.text(script_id), title)
            self._conn.execute(
                "UPDATE scripts SET title = ?, text = ?, search_key = ?, updated_at = ? "
                "WHERE id = ?",
                (title, text, search_key(title, text), to_iso(self._clock()), script_id),
            )
            return self.get(script_id)

    def set_language(self, script_id: int, language: Language) -> ScriptInfo:
        if language not in SCRIPT_LANGUAGES:
            raise ValueError(f"unknown script language {language!r}")
        with transaction(self._conn):
            self._require(script_id)
            self._conn.execute(
                "UPDATE scripts SET language = ?, updated_at = ? WHERE id = ?",
                (language, to_iso(self._clock()), script_id),
            )
            return self.get(script_id)

    def save_text(self, script_id: int, text: str) -> bool:
        """The autosave path: make ``text`` the working copy; False when it already was.

        Once the working copy has differed from every revision for ``checkpoint_every``, the
        text as it stood before this change is kept as an 'autosave' revision first.
        """
        with transaction(self._conn):
            row = self._conn.execute(
                "SELECT title, text, dirty_since FROM scripts WHERE id = ?", (script_id,)
            ).fetchone()
            if row is None:
                raise ScriptNotFound(script_id)
            title, old_text, dirty_since = row
            if old_text == text:
                return False
            title = title_of(text) or title  # the Title: line is the listed name
            now = self._clock()
            if dirty_since is None:
                dirty_since = to_iso(now)
            elif self._checkpoint_due(from_iso(dirty_since), now):
                latest = latest_with_text(self._conn, script_id)
                if latest is None or latest[1] != old_text:
                    insert_revision(
                        self._conn, script_id, old_text, kind="autosave", created_at=now
                    )
                dirty_since = to_iso(now)
            self._conn.execute(
                "UPDATE scripts SET title = ?, text = ?, search_key = ?, updated_at = ?, "
                "dirty_since = ? WHERE id = ?",
                (title, text, search_key(title, text), to_iso(now), dirty_since, script_id),
            )
            return True

    # -- the bin

    def delete(self, script_id: int) -> None:
        """Move the script to the bin, from where ``restore`` brings it back."""
        with transaction(self._conn):
            self._require(script_id)
            self._conn.execute(
                "UPDATE scripts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                (to_iso(self._clock()), script_id),
            )

    def restore(self, script_id: int) -> None:
        """Bring the script back from the bin, as it was."""
        with transaction(self._conn):
            self._require(script_id)
            self._conn.execute("UPDATE scripts SET deleted_at = NULL WHERE id = ?", (script_id,))

    def purge_deleted(self, older_than: timedelta = timedelta(0)) -> int:
        """Remove for good the scripts in the bin for at least ``older_than``; how many.

        Their revisions go with them; takes recorded against them stay, no longer linked.
        """
        cutoff = to_iso(self._clock() - older_than)
        with transaction(self._conn):
            cursor = self._conn.execute(
                "DELETE FROM scripts WHERE deleted_at IS NOT NULL AND deleted_at <= ?", (cutoff,)
            )
            return cursor.rowcount

    # -- reading

    def list_scripts(self, search: str = "", include_deleted: bool = False) -> list[ScriptInfo]:
        """Most recently changed first; ``search`` words must all occur in title or text,
        ignoring case and accents."""
        where, params = [], []
        if not include_deleted:
            where.append("deleted_at IS NULL")
        for word in query_words(search):
            where.append("instr(search_key, ?) > 0")
            params.append(word)
        sql = f"SELECT {_INFO} FROM scripts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY updated_at DESC, id DESC"
        return [_info(row) for row in self._conn.execute(sql, params)]

    def get(self, script_id: int) -> ScriptInfo:
        row = self._conn.execute(
            f"SELECT {_INFO} FROM scripts WHERE id = ?", (script_id,)
        ).fetchone()
        if row is None:
            raise ScriptNotFound(script_id)
        return _info(row)

    def text(self, script_id: int) -> str:
        """The working copy."""
        row = self._conn.execute("SELECT text FROM scripts WHERE id = ?", (script_id,)).fetchone()
        if row is None:
            raise ScriptNotFound(script_id)
        return str(row[0])

    # -- helpers

    def _require(self, script_id: int) -> None:
        if (
            self._conn.execute("SELECT 1 FROM scripts WHERE id = ?", (script_id,)).fetchone()
            is None
        ):
            raise ScriptNotFound(script_id)

    def _checkpoint_due(self, dirty_since: datetime, now: datetime) -> bool:
        return self._checkpoint_every is not None and now - dirty_since >= self._checkpoint_every

    def _title_taken(self, title: str) -> bool:
        return title in self._titles()

    def _titles(self) -> set[str]:
        rows = self._conn.execute("SELECT title FROM scripts WHERE deleted_at IS NULL")
        return {row[0] for row in rows}

    def _unused_title(self, title: str) -> str:
        taken = self._titles()
        candidate = _("{title} (copy)").format(title=title)
        number = 2
        while candidate in taken:
            candidate = _("{title} (copy {number})").format(title=title, number=number)
            number += 1
        return candidate


def _language(found: str | None, fallback: Language) -> Language:
    for language in SCRIPT_LANGUAGES:
        if found == language:
            return language
    return fallback


def _clean_title(title: str) -> str:
    # A title is one line in the library list; pasted newlines would break the row.
    cleaned = " ".join(title.split())
    if not cleaned:
        raise LibraryError(_("A script needs a title."))
    return cleaned
