"""The takes: recorded attempts, their files under the data home, and the bin (undo)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, get_args

from app.core.paths import takes_dir
from app.core.store import transaction

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
        return self.state == "recording"


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
        cur = self.conn.execute(
            "INSERT INTO takes(name, created_at, samplerate, file, state) "
            "VALUES('', ?, ?, ?, 'recording')",
            (now.isoformat(), samplerate, relative),
        )
        return self.get(int(cur.lastrowid or 0))

    def finish(self, take_id: int, duration_s: float, state: str = "done") -> Take:
        self.conn.execute(
            "UPDATE takes SET duration_s = ?, state = ? WHERE id = ?",
            (duration_s, state, take_id),
        )
        take = self.get(take_id)
        self._changed()
        return take

    def discard(self, take_id: int) -> None:
        """Forget a take that never got any audio, with its file."""
        row = self.conn.execute("SELECT file FROM takes WHERE id = ?", (take_id,)).fetchone()
        if row is not None:
            (self.home / row["file"]).unlink(missing_ok=True)
            self.conn.execute("DELETE FROM takes WHERE id = ?", (take_id,))
            self._changed()

    def get(self, take_id: int) -> Take:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM takes WHERE id = ?", (take_id,)).fetchone()
        if row is None:
            raise KeyError(take_id)
        return _take(row)

    def list_takes(self) -> list[Take]:
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM takes WHERE deleted_at IS NULL "
            "AND state != 'recording' ORDER BY created_at DESC, id DESC"
        )
        return [_take(r) for r in rows]

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
        self, repair: Callable[[Path], float], in_use: Callable[[Path], bool]
    ) -> list[Take]:
        """Finish takes whose recorder died (crash, kill, power cut) with what reached disk.

        ``repair`` rewrites a file and returns its duration; a take whose file holds no
        audio at all is dropped; one whose file ``in_use`` says is still being written (by
        another Pitchback process) is left alone.
        """
        recovered = []
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM takes WHERE state = 'recording'"
        ).fetchall()
        for row in rows:
            take = _take(row)
            path = self.path_of(take)
            if path.exists() and in_use(path):
                continue
            try:
                duration = repair(path) if path.exists() else 0.0
            except Exception:
                duration = 0.0
            if duration <= 0:
                path.unlink(missing_ok=True)
                self.conn.execute("DELETE FROM takes WHERE id = ?", (take.id,))
                continue
            recovered.append(self.finish(take.id, duration, state="recovered"))
        return recovered
