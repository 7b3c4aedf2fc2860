"""A large library made up quickly, for benchmarks and tests of how the library scales."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from app.core.library.folding import search_key
from app.core.library.timestamps import to_iso
from app.core.store import transaction

_START = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)

_BODY = """== Opener ==
Good morning {name}, this is Sam from Brightline. Did I catch you at a bad time?
== Reason for calling ==
We help teams like yours at {company} cut the time spent on quotes by about a third.
Most of the sales managers I talk to say quoting eats their Friday afternoons.
== Question ==
How do you put a quote together today, from the first call to the signed offer?
== Objection: no time ==
I understand. Could we take fifteen minutes on Thursday, so you can judge for yourself?
== Close ==
Shall I send the invitation to this address, {name}?
== Voicemail ==
Hi {name}, Sam from Brightline. I'll try you again on Thursday morning; or call me back on
020 555 0147. Again, that is 020 555 0147. Speak soon.
"""


def sample_text(script: int, revision: int) -> str:
    """A realistic script of about a thousand characters, different for every revision."""
    text = _BODY.format(name=f"Alex {script}", company=f"Company {script}")
    return text + f"(revision {revision}: {'shorter ' * (revision % 5)}opener)\n"


def populate(conn: sqlite3.Connection, scripts: int = 1000, revisions: int = 20) -> None:
    """Add ``scripts`` scripts with ``revisions`` revisions each, in one transaction."""
    with transaction(conn):
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM scripts").fetchone()[0]
        script_rows: list[tuple[object, ...]] = []
        revision_rows: list[tuple[object, ...]] = []
        for n in range(scripts):
            script_id = first + n
            title = f"Cold call {script_id}"
            created = _START + timedelta(hours=script_id)
            text = sample_text(script_id, revisions)
            script_rows.append(
                (
                    script_id,
                    title,
                    "nl" if script_id % 3 == 0 else "en",
                    to_iso(created),
                    to_iso(created + timedelta(minutes=revisions)),
                    text,
                    search_key(title, text),
                )
            )
            revision_rows.extend(
                (
                    script_id,
                    to_iso(created + timedelta(minutes=r)),
                    f"v{r}" if r % 4 == 0 else "",
                    "manual" if r % 4 == 0 else "practice",
                    sample_text(script_id, r),
                )
                for r in range(1, revisions + 1)
            )
        conn.executemany(
            "INSERT INTO scripts(id, title, language, created_at, updated_at, text, search_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            script_rows,
        )
        conn.executemany(
            "INSERT INTO revisions(script_id, created_at, name, kind, text) VALUES (?, ?, ?, ?, ?)",
            revision_rows,
        )
