"""Prospects and real calls in the store, and the order the block's queue puts them in."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date

from app.core.prospecting.models import (
    CLOSING,
    CallLog,
    Clock,
    Prospect,
    ProspectDraft,
    name_key,
    phone_key,
    stamp,
    utc_now,
)
from app.core.store import transaction

_COLUMNS = "id, name, company, phone, tier, notes, script_id, call_on, closed"
# Warm up on the least important first: C, then B, then the A list.
_TIER_ORDER = "CASE tier WHEN 'C' THEN 0 WHEN 'B' THEN 1 ELSE 2 END"


def _prospect(row: sqlite3.Row | tuple) -> Prospect:
    return Prospect(
        id=row[0],
        name=row[1],
        company=row[2],
        phone=row[3],
        tier=row[4],
        notes=row[5],
        script_id=row[6],
        call_on=None if row[7] is None else date.fromisoformat(row[7]),
        closed=bool(row[8]),
    )


class ProspectStore:
    def __init__(self, conn: sqlite3.Connection, clock: Clock = utc_now) -> None:
        self.conn = conn
        self.clock = clock

    # -- prospects ---------------------------------------------------------------------------
    def add(self, draft: ProspectDraft) -> Prospect:
        cur = self.conn.execute(
            "INSERT INTO prospects(name, company, phone, phone_key, tier, notes, script_id, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                draft.name.strip(), draft.company.strip(), draft.phone.strip(),
                phone_key(draft.phone), draft.tier, draft.notes, draft.script_id,
                stamp(self.clock()),
            ),
        )  # fmt: skip
        return self.get(int(cur.lastrowid or 0))

    def add_all(self, drafts: Iterable[ProspectDraft]) -> int:
        """Add every draft or none (one transaction): an import never stops half-way."""
        count = 0
        with transaction(self.conn):
            for draft in drafts:
                self.add(draft)
                count += 1
        return count

    def update(self, prospect_id: int, draft: ProspectDraft) -> Prospect:
        self.conn.execute(
            "UPDATE prospects SET name = ?, company = ?, phone = ?, phone_key = ?, tier = ?, "
            "notes = ?, script_id = ? WHERE id = ?",
            (
                draft.name.strip(), draft.company.strip(), draft.phone.strip(),
                phone_key(draft.phone), draft.tier, draft.notes, draft.script_id, prospect_id,
            ),
        )  # fmt: skip
        return self.get(prospect_id)

    def delete(self, prospect_id: int) -> None:
        self.conn.execute("DELETE FROM prospects WHERE id = ?", (prospect_id,))

    def get(self, prospect_id: int) -> Prospect:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM prospects WHERE id = ?", (prospect_id,)
        ).fetchone()
        if row is None:
            raise KeyError(prospect_id)
        return _prospect(row)

    def all(self) -> list[Prospect]:
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM prospects ORDER BY name COLLATE NOCASE, id"
        )
        return [_prospect(row) for row in rows]

    def known_keys(self) -> tuple[set[str], set[str]]:
        """The phone keys and name+company keys already in the store, to find duplicates."""
        phones, names = set(), set()
        for row in self.conn.execute("SELECT name, company, phone_key FROM prospects"):
            if row[2]:
                phones.add(row[2])
            names.add(name_key(row[0], row[1]))
        return phones, names

    # -- the queue ---------------------------------------------------------------------------
    def queue(self, today: date) -> list[Prospect]:
        """Who to call today: C and B before A; within a tier, call-backs due first, then the
        ones never called, then the longest since a call. Closed prospects, ones called today
        and ones whose call-back day is still to come are left out."""
        day = today.isoformat()
        rows = self.conn.execute(
            f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))}, "
            "(SELECT MAX(at) FROM real_calls r WHERE r.prospect_id = p.id) AS last_call "
            "FROM prospects p WHERE p.closed = 0 AND (p.call_on IS NULL OR p.call_on <= ?) "
            "AND NOT EXISTS (SELECT 1 FROM real_calls r WHERE r.prospect_id = p.id "
            "AND r.day = ?) "
            f"ORDER BY {_TIER_ORDER.replace('tier', 'p.tier')}, p.call_on IS NULL, "
            "last_call IS NOT NULL, last_call, p.id",
            (day, day),
        )
        return [_prospect(row) for row in rows]

    # -- real calls --------------------------------------------------------------------------
    def log_call(
        self,
        prospect_id: int | None,
        log: CallLog,
        today: date,
        block_id: int | None = None,
        script_id: int | None = None,
    ) -> int:
        """Keep what happened; a call-back day puts the prospect back in the queue that day."""
        with transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO real_calls(prospect_id, block_id, script_id, day, at, outcome, "
                "objection, objection_key, step, no_good_answer, differently, call_back_on) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    prospect_id, block_id, script_id, today.isoformat(), stamp(self.clock()),
                    log.outcome, log.objection.strip(), log.objection_key, log.step,
                    int(log.no_good_answer), log.differently.strip(),
                    None if log.call_back_on is None else log.call_back_on.isoformat(),
                ),
            )  # fmt: skip
            call_id = int(cur.lastrowid or 0)
            if prospect_id is not None:
                self.conn.execute(
                    "UPDATE prospects SET call_on = ?, closed = ? WHERE id = ?",
                    (
                        None if log.call_back_on is None else log.call_back_on.isoformat(),
                        int(log.outcome in CLOSING),
                        prospect_id,
                    ),
                )
            if block_id is not None:
                self.conn.execute(
                    "INSERT INTO block_activity(block_id, kind, ref_id) VALUES (?, 'real_call', ?)",
                    (block_id, call_id),
                )
        return call_id

    def set_objection_key(self, call_id: int, key: str, step: str) -> None:
        """The objection became an answer of the script (added from the call's log)."""
        self.conn.execute(
            "UPDATE real_calls SET objection_key = ?, step = ? WHERE id = ?", (key, step, call_id)
        )

    def calls_on(self, day: date) -> Iterator[sqlite3.Row]:
        return self.conn.execute(
            "SELECT r.id, r.outcome, r.objection, p.name, p.tier FROM real_calls r "
            "LEFT JOIN prospects p ON p.id = r.prospect_id WHERE r.day = ? ORDER BY r.at",
            (day.isoformat(),),
        )
