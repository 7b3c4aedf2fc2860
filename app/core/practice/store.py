"""Practice runs in the store: each run's recording, its turns as they happen, recorded lines.

A run's row and each turn's row are written the moment something happens (autocommit), and the
recording is flushed to disk as it is made, so a crash keeps every turn recorded up to then.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core.library.timestamps import Clock, from_iso, to_iso, utc_now
from app.core.practice.judge import verdict_from_json, verdict_to_json
from app.core.practice.turns import Rating, Turn

FOLDER = "practice"
LINES_FOLDER = "lines"

_RUN = (
    "id, script_id, revision_id, started_at, file, samplerate, frames, state, outcome, voice, "
    "choice"
)
_TURN = (
    "id, number, branch_key, prospect_text, step, line_start, line_end, still_there_at, onset, "
    "reply_end, gave_up_at, rating, said, judgement, interrupted"
)
_TURN_TIMES = ("line_start", "line_end", "still_there_at", "onset", "reply_end", "gave_up_at")


@dataclass(frozen=True)
class Run:
    id: int
    script_id: int | None
    revision_id: int | None
    started_at: datetime
    file: str
    samplerate: int
    frames: int
    state: str  # recording, done, recovered
    outcome: str
    voice: str
    choice: str

    @property
    def seconds(self) -> float:
        return self.frames / self.samplerate


def _run(row: sqlite3.Row | tuple) -> Run:
    return Run(
        row[0], row[1], row[2], from_iso(row[3]), row[4], row[5], row[6], row[7], row[8],
        row[9], row[10],
    )  # fmt: skip


def _turn(row: sqlite3.Row | tuple, rate: int) -> Turn:
    return Turn(
        number=row[1],
        rate=rate,
        key=row[2],
        prospect_text=row[3],
        step=row[4],
        line_start=row[5],
        line_end=row[6],
        still_there_at=row[7],
        onset=row[8],
        reply_end=row[9],
        gave_up_at=row[10],
        rating=None if row[11] is None else Rating(row[11]),
        id=row[0],
        said=row[12],
        verdict=None if row[13] is None else verdict_from_json(row[13]),
        interrupted=bool(row[14]),
    )


class PracticeStore:
    def __init__(self, conn: sqlite3.Connection, home: Path, clock: Clock = utc_now) -> None:
        self.conn = conn
        self.home = home
        self.clock = clock

    def path_of(self, run: Run) -> Path:
        return self.home / run.file

    # -- runs ------------------------------------------------------------------------------
    def begin_run(
        self,
        samplerate: int,
        script_id: int | None = None,
        revision_id: int | None = None,
        voice: str = "",
        choice: str = "",
    ) -> Run:
        """Register a run about to be recorded; its row says 'recording' until finished."""
        now = self.clock()
        (self.home / FOLDER).mkdir(parents=True, exist_ok=True)
        relative = f"{FOLDER}/{now.strftime('%Y%m%d-%H%M%S-%f')}.flac"
        cur = self.conn.execute(
            "INSERT INTO practice_runs(script_id, revision_id, started_at, file, samplerate, "
            "voice, choice) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (script_id, revision_id, to_iso(now), relative, samplerate, voice, choice),
        )
        return self.run(int(cur.lastrowid or 0))

    def set_samplerate(self, run_id: int, samplerate: int) -> None:
        """The rate the device actually gave, when it is not the one asked for."""
        self.conn.execute(
            "UPDATE practice_runs SET samplerate = ? WHERE id = ?", (samplerate, run_id)
        )

    def finish_run(self, run_id: int, frames: int, outcome: str, state: str = "done") -> Run:
        self.conn.execute(
            "UPDATE practice_runs SET frames = ?, outcome = ?, state = ? WHERE id = ?",
            (frames, outcome, state, run_id),
        )
        return self.run(run_id)

    def run(self, run_id: int) -> Run:
        row = self.conn.execute(
            f"SELECT {_RUN} FROM practice_runs WHERE id = ?", (run_id,)
        ).fetchone()
        if row is None:
            raise KeyError(run_id)
        return _run(row)

    def runs(self, script_id: int | None = None) -> list[Run]:
        """Newest first; unfinished runs (still recording, or abandoned) are left out."""
        where = "state != 'recording'" + (" AND script_id = ?" if script_id is not None else "")
        params = (script_id,) if script_id is not None else ()
        rows = self.conn.execute(
            f"SELECT {_RUN} FROM practice_runs WHERE {where} ORDER BY id DESC", params
        )
        return [_run(row) for row in rows]

    def unfinished(self) -> list[Run]:
        rows = self.conn.execute(f"SELECT {_RUN} FROM practice_runs WHERE state = 'recording'")
        return [_run(row) for row in rows]

    def delete_run(self, run_id: int) -> None:
        run = self.run(run_id)
        self.path_of(run).unlink(missing_ok=True)
        self.conn.execute("DELETE FROM practice_runs WHERE id = ?", (run_id,))

    # -- turns -----------------------------------------------------------------------------
    def save_turn(self, run_id: int, turn: Turn) -> None:
        """Insert or bring up to date; a turn is saved again each time something happens."""
        times = tuple(getattr(turn, name) for name in _TURN_TIMES)
        rating = None if turn.rating is None else int(turn.rating)
        judged = None if turn.verdict is None else verdict_to_json(turn.verdict)
        words = (turn.said, judged, int(turn.interrupted))
        if turn.id is None:
            cur = self.conn.execute(
                "INSERT INTO practice_turns(run_id, number, branch_key, prospect_text, step, "
                f"{', '.join(_TURN_TIMES)}, rating, said, judgement, interrupted) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, turn.number, turn.key, turn.prospect_text, turn.step, *times, rating,
                 *words),
            )  # fmt: skip
            turn.id = int(cur.lastrowid or 0)
        else:
            assignments = ", ".join(f"{name} = ?" for name in _TURN_TIMES)
            self.conn.execute(
                f"UPDATE practice_turns SET {assignments}, rating = ?, said = ?, judgement = ?, "
                "interrupted = ? WHERE id = ?",
                (*times, rating, *words, turn.id),
            )

    def turns(self, run_id: int) -> list[Turn]:
        rate = self.run(run_id).samplerate
        rows = self.conn.execute(
            f"SELECT {_TURN} FROM practice_turns WHERE run_id = ? ORDER BY number", (run_id,)
        )
        return [_turn(row, rate) for row in rows]

    def turns_for_script(self, script_id: int) -> list[Turn]:
        """Every turn practised on the script, oldest first (the order Leitner boxes need)."""
        columns = ", ".join(f"t.{c.strip()}" for c in _TURN.split(","))
        rows = self.conn.execute(
            f"SELECT {columns}, r.samplerate FROM practice_turns t "
            "JOIN practice_runs r ON r.id = t.run_id WHERE r.script_id = ? "
            "ORDER BY t.run_id, t.number",
            (script_id,),
        )
        return [_turn(row, row[-1]) for row in rows]

    def rate_turn(self, turn_id: int, rating: Rating | None) -> None:
        self.conn.execute(
            "UPDATE practice_turns SET rating = ? WHERE id = ?",
            (None if rating is None else int(rating), turn_id),
        )

    # -- the prospect's recorded lines -----------------------------------------------------
    def new_line_path(self, script_id: int) -> Path:
        """Where to record a new line for ``script_id`` (the file does not exist yet)."""
        folder = self.home / FOLDER / LINES_FOLDER / str(script_id)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = self.clock().strftime("%Y%m%d-%H%M%S-%f")
        path, number = folder / f"{stamp}.flac", 1
        while path.exists():
            number += 1
            path = folder / f"{stamp}-{number}.flac"
        return path

    def set_line(self, script_id: int, key: str, path: Path) -> None:
        """Make the recording at ``path`` the prospect's line ``key``; the old one goes."""
        old = self.line_path(script_id, key)
        relative = path.relative_to(self.home).as_posix()
        self.conn.execute(
            "INSERT INTO practice_lines(script_id, line_key, file) VALUES (?, ?, ?) "
            "ON CONFLICT(script_id, line_key) DO UPDATE SET file = excluded.file",
            (script_id, key, relative),
        )
        if old is not None and old != path:
            old.unlink(missing_ok=True)

    def remove_line(self, script_id: int, key: str) -> None:
        old = self.line_path(script_id, key)
        self.conn.execute(
            "DELETE FROM practice_lines WHERE script_id = ? AND line_key = ?", (script_id, key)
        )
        if old is not None:
            old.unlink(missing_ok=True)

    def line_path(self, script_id: int, key: str) -> Path | None:
        row = self.conn.execute(
            "SELECT file FROM practice_lines WHERE script_id = ? AND line_key = ?",
            (script_id, key),
        ).fetchone()
        return None if row is None else self.home / row[0]

    def recorded_lines(self, script_id: int) -> dict[str, Path]:
        rows = self.conn.execute(
            "SELECT line_key, file FROM practice_lines WHERE script_id = ?", (script_id,)
        )
        return {row[0]: self.home / row[1] for row in rows}
