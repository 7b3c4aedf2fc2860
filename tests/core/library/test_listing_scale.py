"""A library of 1,000 scripts with 20 revisions each lists as cheaply as an empty one.

The timing is printed, not asserted (scripts/bench_library.py judges speed); what is asserted
is the reason it stays fast: listing reads one covering index and never the revisions.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path

import pytest

from app.core.library import ScriptLibrary
from app.core.library.sample import populate
from app.core.store import connect


def listing_statements(conn: sqlite3.Connection, search: str = "") -> list[str]:
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        ScriptLibrary(conn).list_scripts(search)
    finally:
        conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith("SELECT")]


def plan(conn: sqlite3.Connection, sql: str) -> str:
    return " | ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql))


def open_and_list(path: Path) -> tuple[float, int]:
    """Seconds to open the database as the app does and list the library; scripts listed."""
    start = time.perf_counter()
    conn = connect(path)
    listed = ScriptLibrary(conn).list_scripts()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed, len(listed)


def median_time(path: Path, expected: int, runs: int = 15) -> float:
    open_and_list(path)  # warm the file cache, as a second start of the app would
    times = []
    for _ in range(runs):
        elapsed, listed = open_and_list(path)
        assert listed == expected  # what is timed is the real listing
        times.append(elapsed)
    return statistics.median(times)


@pytest.fixture(scope="module")
def big_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "pitchback.db"
    conn = connect(path)
    populate(conn, scripts=1000, revisions=20)
    conn.close()
    return path


def test_the_big_library_lists_every_script_with_its_revision_count(big_library: Path) -> None:
    conn = connect(big_library)
    listed = ScriptLibrary(conn).list_scripts()
    assert len(listed) == 1000
    assert {s.revision_count for s in listed} == {20}
    assert listed[0].updated_at >= listed[-1].updated_at
    assert len(ScriptLibrary(conn).list_scripts("cold call 1000")) == 1
    conn.close()


def test_listing_reads_only_the_covering_index(big_library: Path) -> None:
    conn = connect(big_library)
    [sql] = listing_statements(conn)
    query_plan = plan(conn, sql)
    conn.close()
    assert "COVERING INDEX scripts_listing" in query_plan
    assert "revisions" not in query_plan
    assert "TEMP B-TREE" not in query_plan  # the index is already in display order


def test_listing_time_against_an_empty_library(
    big_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.db"
    connect(empty).close()
    empty_s, big_s = median_time(empty, 0), median_time(big_library, 1000)

    conn = connect(big_library)
    library = ScriptLibrary(conn)
    start = time.perf_counter()
    for _ in range(10):
        found = library.list_scripts("quoting friday")
    search_s = (time.perf_counter() - start) / 10
    conn.close()
    assert len(found) == 1000

    with capsys.disabled():
        print(
            f"\nopen + list: empty {empty_s * 1e3:.2f} ms, 1,000 scripts x 20 revisions "
            f"{big_s * 1e3:.2f} ms (ratio {big_s / empty_s:.2f}); search over all texts "
            f"{search_s * 1e3:.2f} ms"
        )
