"""From real calls back to practice: objections you had no good answer for come first in the
live-call drill, and the day's warm-up (a practice call or a B/C call) is known.

Runs are stamped in UTC; their day is the local day of that moment."""

from __future__ import annotations

import sqlite3
from datetime import date

_LOCAL_DAY = "date(substr({col}, 1, 19), 'localtime')"


def objections_to_drill(conn: sqlite3.Connection, script_id: int) -> list[str]:
    """The script's answers heard on real calls without a good answer, newest first, that
    have not been practised on a live call since."""
    rows = conn.execute(
        "SELECT r.objection_key, MAX(r.at) AS heard FROM real_calls r "
        "WHERE r.script_id = ? AND r.no_good_answer = 1 AND r.objection_key != '' "
        "AND NOT EXISTS (SELECT 1 FROM practice_turns t JOIN practice_runs p ON p.id = t.run_id "
        "  WHERE p.script_id = r.script_id AND t.branch_key = r.objection_key "
        "  AND t.reply_end IS NOT NULL AND p.started_at > r.at) "
        "GROUP BY r.objection_key ORDER BY heard DESC",
        (script_id,),
    )
    return [row[0] for row in rows]


def warmed_up(conn: sqlite3.Connection, today: date) -> bool:
    """A practice call (a live-call run: someone answered and you replied) or a B or C call
    today. A voicemail take alone is not it: nobody talked back."""
    day = today.isoformat()
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM practice_runs WHERE state != 'recording' "
        f"  AND {_LOCAL_DAY.format(col='started_at')} = :day) "
        "OR EXISTS (SELECT 1 FROM real_calls r JOIN prospects p ON p.id = r.prospect_id "
        "  WHERE r.day = :day AND p.tier IN ('B', 'C'))",
        {"day": day},
    ).fetchone()
    return bool(row[0])
