"""The takes: recorded attempts, their files under the data home, and the bin (undo)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, get_args

from app.core.locks import FileLock, is_held
from app.core.paths import takes_dir
from app.core.store import STORAGE_ERRORS, transaction

Clock = Callable[[], datetime]
# 'take': recorded on the Recorder page; 'voicemail': a voicemail rehearsal; 'live_answer': the
# reply recorded when a person picked up instead of the voicemail.
TakeKind = Literal["take", "voicemail", "live_answer"]
TAKE_KINDS: tuple[TakeKind, ...] = get_args(TakeKind)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Take:
    id: int
    name: str
    created_at: datetime
    duration_s: float
    samplerate: int
    file: str
    state: str
    script_id: int | None = None
    revision_id: int | None = None  # the script's text as it was when this take was recorded
    kind: TakeKind = "take"
    rating: int | None = None  # "sounds like me", 1 to 5
    notes: str = ""
    starred: bool = False  # the best take of its script

    @property
    def recovered(self) -> bool:
        return self.state == "recovered"

    @property
    def unfinished(self) -> bool:
        """Still 'recording': being recorded, or left by a crash and not yet repaired."""
        return self.state == "recording"


def lock_of(path: Path) -> Path:
    """The lock file a take's recorder holds while it writes ``path``."""
    return path.with_name(path.name + ".lock")


@dataclass(frozen=True)
class Recovery:
    """What start-up made of the takes a crash (or a full disk) left unfinished."""

    recovered: list[Take]  # repaired and listed
    needs_repair: list[Take]  # listed with their audio, but the file could not be rewritten
    unsaved: bool = False  # the database could not record the outcome (tried again next start)


def _take(row: sqlite3.Row) -> Take:
    return Take(
        id=row["id"],
        name=row["name"],
        created_at=datetime.fromisoformat(row["created_at"]),
        duration_s=row["duration_s"],
        samplerate=row["samplerate"],
        file=row["file"],
        state=row["state"],
        script_id=row["script_id"],
        revision_id=row["revision_id"],
        kind=row["kind"],
        rating=row["rating"],
        notes=row["notes"],
        starred=bool(row["starred"]),
    )


_COLUMNS = (
    "id, name, created_at, duration_s, samplerate, file, state, "
    "script_id, revision_id, kind, rating, notes, starred"
)


class TakeStore:
    def __init__(self, conn: sqlite3.Connection, home: Path, clock: Clock = utc_now) -> None:
        self.conn = conn
        self.home = home
        self.clock = clock
        self._locks: dict[int, FileLock] = {}
        # Takes recovered this session whose new state the database could not take (a full
        # disk, a read-only file): shown as recovered all the same, and saved next start.
        self._unsaved: dict[int, Take] = {}
        # Told after every change to what the take lists show (plain callables, no Qt): a take
        # made or edited on one page then shows on every page at once.
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener`` after each change to the takes; returns how to stop."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    def path_of(self, take: Take) -> Path:
        return self.home / take.file

    def begin(self, samplerate: int) -> Take:
        """Register a take about to be recorded; its row says 'recording' until finished."""
        now = self.clock()
        stamp = now.strftime("%Y%m%d-%H%M%S-%f")
        folder = takes_dir(self.home)
        folder.mkdir(parents=True, exist_ok=True)
        relative = f"{folder.name}/{stamp}.flac"
        # Held from before the row exists until the take is finished: while it is held, no
        # start-up (of any Pitchback on this folder) takes the file for abandoned.
        lock = FileLock(lock_of(self.home / relative))
        lock.acquire()
        try:
            cur = self.conn.execute(
                "INSERT INTO takes(name, created_at, samplerate, file, state) "
                "VALUES('', ?, ?, ?, 'recording')",
                (now.isoformat(), samplerate, relative),
            )
        except BaseException:
            lock.release()
            raise
        take_id = int(cur.lastrowid or 0)
        self._locks[take_id] = lock
        return self.get(take_id)

    def finish(self, take_id: int, duration_s: float, state: str = "done") -> Take:
        """Mark a take recorded. Its lock is let go even when the database refuses the
        update (a full disk): the take then stays unfinished, and the next start lists it."""
        try:
            self.conn.execute(
                "UPDATE takes SET duration_s = ?, state = ? WHERE id = ?",
                (duration_s, state, take_id),
            )
        finally:
            self._release(take_id)
        take = self.get(take_id)
        self._changed()
        return take

    def _release(self, take_id: int) -> None:
        lock = self._locks.pop(take_id, None)
        if lock is not None:
            lock.release()

    def discard(self, take_id: int) -> None:
        """Forget a take that never got any audio, with its file."""
        try:
            row = self.conn.execute("SELECT file FROM takes WHERE id = ?", (take_id,)).fetchone()
            if row is not None:
                (self.home / row["file"]).unlink(missing_ok=True)
                self.conn.execute("DELETE FROM takes WHERE id = ?", (take_id,))
                self._changed()
        finally:
            self._release(take_id)

    def get(self, take_id: int) -> Take:
        if take_id in self._unsaved:
            return self._unsaved[take_id]
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM takes WHERE id = ?", (take_id,)).fetchone()
        if row is None:
            raise KeyError(take_id)
        return _take(row)

    def recording_now(self, take: Take) -> bool:
        """True while a live recorder (of this or another process) writes the take."""
        return take.unfinished and is_held(lock_of(self.path_of(take)))

    def list_takes(self) -> list[Take]:
        """Every take outside the bin except those being recorded right now: a take a crash
        or a full disk left unfinished is listed too, so its audio is never out of sight."""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM takes WHERE deleted_at IS NULL "
            "ORDER BY created_at DESC, id DESC"
        )
        takes = [self._unsaved.get(r["id"], _take(r)) for r in rows]
        return [t for t in takes if not self.recording_now(t)]

    def takes_for_script(
        self, script_id: int, kinds: tuple[TakeKind, ...] = TAKE_KINDS
    ) -> list[Take]:
        """The script's finished takes of those kinds, outside the bin, oldest first."""
        marks = ", ".join("?" * len(kinds))
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM takes WHERE script_id = ? AND kind IN ({marks}) "
            "AND deleted_at IS NULL AND state != 'recording' ORDER BY created_at, id",
            (script_id, *kinds),
        )
        return [_take(r) for r in rows]

    def link(
        self, take_id: int, script_id: int | None, revision_id: int | None, kind: TakeKind
    ) -> Take:
        """Say which script, at which revision, a take rehearses, and what kind of take it is."""
        if kind not in TAKE_KINDS:
            raise ValueError(f"unknown take kind {kind!r}")
        self.conn.execute(
            "UPDATE takes SET script_id = ?, revision_id = ?, kind = ? WHERE id = ?",
            (script_id, revision_id, kind, take_id),
        )
        take = self.get(take_id)
        self._changed()
        return take

    def rename(self, take_id: int, name: str) -> None:
        self.conn.execute("UPDATE takes SET name = ? WHERE id = ?", (name.strip(), take_id))
        self._changed()

    def set_rating(self, take_id: int, rating: int | None) -> None:
        if rating is not None and not 1 <= rating <= 5:
            raise ValueError(f"a rating is 1 to 5, not {rating}")
        self.conn.execute("UPDATE takes SET rating = ? WHERE id = ?", (rating, take_id))
        self._changed()

    def set_notes(self, take_id: int, notes: str) -> None:
        self.conn.execute("UPDATE takes SET notes = ? WHERE id = ?", (notes.strip(), take_id))
        self._changed()

    def set_starred(self, take_id: int, starred: bool) -> None:
        """Star a take as its script's best (unstarring the one before) or unstar it."""
        with transaction(self.conn):
            if starred:
                self.conn.execute(
                    "UPDATE takes SET starred = 0 WHERE starred = 1 AND id != ? "
                    "AND script_id = (SELECT script_id FROM takes WHERE id = ?)",
                    (take_id, take_id),
                )
            self.conn.execute("UPDATE takes SET starred = ? WHERE id = ?", (int(starred), take_id))
        self._changed()

    def delete(self, take_id: int) -> None:
        """Move to the bin: the file stays until the bin is emptied, so undo loses nothing."""
        self.conn.execute(
            "UPDATE takes SET deleted_at = ? WHERE id = ?", (self.clock().isoformat(), take_id)
        )
        self._changed()

    def undelete(self, take_id: int) -> None:
        self.conn.execute("UPDATE takes SET deleted_at = NULL WHERE id = ?", (take_id,))
        self._changed()

    def empty_bin(self, older_than: datetime) -> int:
        """Remove takes binned before ``older_than``, with their files."""
        rows = self.conn.execute(
            "SELECT id, file FROM takes WHERE deleted_at IS NOT NULL AND deleted_at < ?",
            (older_than.isoformat(),),
        ).fetchall()
        for row in rows:
            (self.home / row["file"]).unlink(missing_ok=True)
            self.conn.execute("DELETE FROM takes WHERE id = ?", (row["id"],))
        return len(rows)

    def unfinished(self) -> list[Take]:
        rows = self.conn.execute(f"SELECT {_COLUMNS} FROM takes WHERE state = 'recording'")
        return [_take(r) for r in rows]

    def recover_unfinished(
        self, repair: Callable[[Path], tuple[float, bool]], in_use: Callable[[Path], bool]
    ) -> Recovery:
        """Finish takes whose recorder died (crash, kill, power cut, full disk) with what
        reached disk. Never deletes audio.

        ``repair`` rewrites a file and returns its duration and whether the rewrite worked
        (the duration is what could be decoded either way). A take whose file holds no
        decodable frame is dropped; one whose rewrite failed stays unfinished and is listed
        as needing repair (tried again next start); one ``in_use`` (a live recorder writes
        it) is left alone.
        """
        recovered: list[Take] = []
        needs_repair: list[Take] = []
        unsaved = False
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM takes WHERE state = 'recording'"
        ).fetchall()
        for row in rows:
            take = _take(row)
            path = self.path_of(take)
            if path.exists() and in_use(path):
                continue
            duration, repaired = repair(path) if path.exists() else (0.0, True)
            state = "recovered" if repaired else "recording"
            if repaired and duration <= 0:
                target = None  # nothing decodable: neither a file nor a row worth keeping
            else:
                target = replace(take, duration_s=duration, state=state)
            try:
                if target is None:
                    path.unlink(missing_ok=True)
                    self.conn.execute("DELETE FROM takes WHERE id = ?", (take.id,))
                else:
                    self.conn.execute(
                        "UPDATE takes SET duration_s = ?, state = ? WHERE id = ?",
                        (duration, state, take.id),
                    )
            except STORAGE_ERRORS:
                unsaved = True
                if target is not None:
                    self._unsaved[take.id] = target
            if target is not None:
                (recovered if repaired else needs_repair).append(target)
            self._release(take.id)
            with contextlib.suppress(OSError):  # a crashed recorder's lock, no longer held
                lock_of(path).unlink(missing_ok=True)
        if recovered or needs_repair:
            self._changed()
        return Recovery(recovered, needs_repair, unsaved)

    def adopt_orphans(self) -> int:
        """List again the take files in the takes folder that no row knows (their database
        was set aside as damaged): each becomes an unfinished take, which start-up's
        recovery repairs and lists like any take a crash left. Returns how many."""
        folder = takes_dir(self.home)
        known = {row["file"] for row in self.conn.execute("SELECT file FROM takes")}
        adopted = 0
        for path in sorted(folder.glob("*.flac")) if folder.is_dir() else []:
            relative = f"{folder.name}/{path.name}"
            if relative in known or is_held(lock_of(path)):
                continue
            created = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            self.conn.execute(  # the rate is the recorder's usual one; playback reads the file's
                "INSERT INTO takes(name, created_at, samplerate, file, state) "
                "VALUES('', ?, 48000, ?, 'recording')",
                (created.isoformat(), relative),
            )
            adopted += 1
        return adopted
