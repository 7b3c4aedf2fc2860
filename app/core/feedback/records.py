"""The feedback kept per take (analysis, pitch track, transcript) and the natural-voice takes.

Written on the GUI thread only (the workers hand their results back); reading a report back
is a few small rows, so a take's report reopens without analysing anything again.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
from dataclasses import dataclass
from datetime import datetime

from app.core.analysis import Analysis
from app.core.feedback.codec import (
    ANALYSIS_FORMAT,
    analysis_from_json,
    contour_from_blob,
    contour_to_blob,
    transcript_from_json,
)
from app.core.feedback.measure import PitchTrack
from app.core.library.timestamps import Clock, to_iso, utc_now
from app.core.transcript import Transcript

SERIES_LENGTH = 50  # takes on the chart: the latest ones
PACE_TAKES = 10  # the user's pace: the median over this many latest transcribed takes


@dataclass(frozen=True)
class StoredAnalysis:
    """A take's analysis, or why there is none (``error``), and its pitch track if known."""

    analysis: Analysis | None
    error: str | None
    pitch: PitchTrack | None = None


@dataclass(frozen=True)
class TakePoint:
    """One take on the chart of takes over time."""

    take_id: int
    created_at: datetime
    analysis: Analysis
    fillers_per_minute: float | None
    rating: int | None


class FeedbackRecords:
    def __init__(self, conn: sqlite3.Connection, clock: Clock = utc_now) -> None:
        self.conn = conn
        self.clock = clock

    # -- analyses --------------------------------------------------------------------------
    def analysis(self, take_id: int) -> StoredAnalysis | None:
        row = self.conn.execute(
            "SELECT format, data, error, contour, contour_step_s FROM take_analyses "
            "WHERE take_id = ?",
            (take_id,),
        ).fetchone()
        if row is None or row["format"] != ANALYSIS_FORMAT:
            return None
        if row["data"] is None:
            return StoredAnalysis(None, row["error"])
        pitch = None
        if row["contour"] is not None:
            pitch = PitchTrack(contour_from_blob(row["contour"]), row["contour_step_s"])
        return StoredAnalysis(analysis_from_json(json.loads(row["data"])), None, pitch)

    def save_analysis(self, take_id: int, stored: StoredAnalysis) -> None:
        data = None
        if stored.analysis is not None:
            data = json.dumps(stored.analysis.to_json_dict(), ensure_ascii=False)
        pitch = stored.pitch
        self.conn.execute(
            "INSERT OR REPLACE INTO take_analyses"
            "(take_id, created_at, format, data, error, contour, contour_step_s) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                take_id,
                to_iso(self.clock()),
                ANALYSIS_FORMAT,
                data,
                None if data is not None else (stored.error or ""),
                contour_to_blob(pitch.f0_hz) if pitch is not None else None,
                pitch.step_s if pitch is not None else None,
            ),
        )

    # -- transcripts -----------------------------------------------------------------------
    def transcript(self, take_id: int) -> Transcript | None:
        row = self.conn.execute(
            "SELECT language, duration_s, data FROM take_transcripts WHERE take_id = ?",
            (take_id,),
        ).fetchone()
        if row is None:
            return None
        return transcript_from_json(json.loads(row["data"]), row["duration_s"], row["language"])

    def save_transcript(self, take_id: int, transcript: Transcript, model: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO take_transcripts"
            "(take_id, created_at, model, language, duration_s, data) VALUES (?, ?, ?, ?, ?, ?)",
            (
                take_id,
                to_iso(self.clock()),
                model,
                transcript.language,
                transcript.duration_s,
                json.dumps(transcript.to_json_dict(), ensure_ascii=False),
            ),
        )

    # -- the natural voice -----------------------------------------------------------------
    def set_baseline(self, take_id: int) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO baselines(take_id, created_at) VALUES (?, ?)",
            (take_id, to_iso(self.clock())),
        )

    def baseline_take(self) -> int | None:
        """The newest natural-voice take that is not in the bin and could be analysed."""
        row = self.conn.execute(
            "SELECT b.take_id FROM baselines b JOIN takes t ON t.id = b.take_id "
            "JOIN take_analyses a ON a.take_id = b.take_id "
            "WHERE t.deleted_at IS NULL AND a.data IS NOT NULL AND a.format = ? "
            "ORDER BY b.created_at DESC, b.take_id DESC LIMIT 1",
            (ANALYSIS_FORMAT,),
        ).fetchone()
        return None if row is None else int(row[0])

    def baseline(self) -> Analysis | None:
        take_id = self.baseline_take()
        stored = self.analysis(take_id) if take_id is not None else None
        return stored.analysis if stored is not None else None

    def is_baseline(self, take_id: int) -> bool:
        row = self.conn.execute("SELECT 1 FROM baselines WHERE take_id = ?", (take_id,))
        return row.fetchone() is not None

    # -- the user's own pace ---------------------------------------------------------------
    def own_pace(self, takes: int = PACE_TAKES) -> float | None:
        """Words a minute the user speaks, the median over their latest transcribed takes
        (None until there is one): what a script's speaking time is estimated at."""
        rows = self.conn.execute(
            "SELECT a.data, tr.data AS words FROM takes t "
            "JOIN take_analyses a ON a.take_id = t.id "
            "JOIN take_transcripts tr ON tr.take_id = t.id "
            "WHERE t.deleted_at IS NULL AND a.data IS NOT NULL AND a.format = ? "
            "ORDER BY t.created_at DESC, t.id DESC LIMIT ?",
            (ANALYSIS_FORMAT, takes),
        ).fetchall()
        paces = [
            pace
            for row in rows
            if (
                pace := analysis_from_json(json.loads(row["data"])).words_per_minute(
                    json.loads(row["words"])
                )
            )
        ]
        return statistics.median(paces) if paces else None

    # -- takes over time -------------------------------------------------------------------
    def series(self, script_id: int | None) -> list[TakePoint]:
        """The analysed takes of one script (or of no script), oldest first, natural-voice
        takes left out: the latest ``SERIES_LENGTH`` of them."""
        rows = self.conn.execute(
            "SELECT t.id, t.created_at, t.rating, a.data, tr.data AS words, tr.duration_s "
            "FROM takes t JOIN take_analyses a ON a.take_id = t.id "
            "LEFT JOIN take_transcripts tr ON tr.take_id = t.id "
            "WHERE t.script_id IS ? AND t.deleted_at IS NULL AND t.state != 'recording' "
            "AND a.data IS NOT NULL AND a.format = ? "
            "AND t.id NOT IN (SELECT take_id FROM baselines) "
            "ORDER BY t.created_at DESC, t.id DESC LIMIT ?",
            (script_id, ANALYSIS_FORMAT, SERIES_LENGTH),
        ).fetchall()
        points = [
            TakePoint(
                row["id"],
                datetime.fromisoformat(row["created_at"]),
                analysis_from_json(json.loads(row["data"])),
                _fillers_per_minute(row["words"], row["duration_s"]),
                row["rating"],
            )
            for row in rows
        ]
        points.reverse()
        return points


def _fillers_per_minute(words: str | None, duration_s: float | None) -> float | None:
    if words is None or not duration_s:
        return None
    return 60.0 * len(json.loads(words).get("fillers", [])) / duration_s
