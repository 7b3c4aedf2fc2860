from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.store import connect

DATA = Path(__file__).with_name("data")


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(tmp_path / "pitchback.db")
    yield connection
    connection.close()


class FixedClock:
    def __init__(self, moment: datetime | None = None) -> None:
        self.now = moment or datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now
