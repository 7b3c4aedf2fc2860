"""``pitchback today`` and ``pitchback prospects import FILE.csv``: the block from a terminal."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from app.core.i18n import _, n_
from app.core.prospecting.csv_import import ImportProblem, guess_mapping, plan_import, read_table
from app.core.prospecting.prospects import ProspectStore
from app.core.prospecting.settings import load_block_settings
from app.core.prospecting.week import habit_view


def today_text(conn: sqlite3.Connection, today: date) -> str:
    settings = load_block_settings(conn)
    view = habit_view(conn, today, settings)
    done = view.minutes.get(today, 0.0)
    lines = [
        _("Today ({day}): {done} of {length} minutes prospected.").format(
            day=today.isoformat(), done=round(done), length=settings.length_min
        )
        if settings.is_workday(today)
        else _("Today ({day}) is a day off.").format(day=today.isoformat()),
        _("This week: {week} of {goal} minutes. Strength: {strength}%.").format(
            week=round(view.week_min),
            goal=view.goal_week_min,
            strength=round(view.strength * 100),
        ),
        "",
    ]
    queue = ProspectStore(conn).queue(today)
    if not queue:
        lines.append(_("Nobody to call today: add prospects or import a CSV file."))
    else:
        lines.append(_("Call queue (B and C before A):"))
        for p in queue:
            where = f" ({p.company})" if p.company else ""
            lines.append(f"  {p.tier}  {p.name}{where}  {p.phone}".rstrip())
    return "\n".join(lines)


def import_csv(conn: sqlite3.Connection, path: Path) -> tuple[str, int]:
    """Import with the column names guessed (no mapping step here); the text and exit code."""
    store = ProspectStore(conn)
    try:
        table = read_table(path)
        phones, names = store.known_keys()
        plan = plan_import(table, guess_mapping(table.headers), phones, names)
    except ImportProblem as exc:
        return str(exc), 1
    added = store.add_all(plan.new)
    lines = [
        n_("{count} prospect imported.", "{count} prospects imported.", added).format(count=added)
    ]
    if plan.duplicates:
        lines.append(
            n_(
                "{count} already in your list (left out): row {rows}.",
                "{count} already in your list (left out): rows {rows}.",
                len(plan.duplicates),
            ).format(count=len(plan.duplicates), rows=", ".join(map(str, plan.duplicates)))
        )
    if plan.without_name:
        lines.append(
            n_(
                "{count} row without a name (left out): row {rows}.",
                "{count} rows without a name (left out): rows {rows}.",
                len(plan.without_name),
            ).format(count=len(plan.without_name), rows=", ".join(map(str, plan.without_name)))
        )
    return "\n".join(lines), 0
