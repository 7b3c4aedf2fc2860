from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.library import ScriptLibrary
from app.core.store import connect
from app.ui.today.hub import Prospecting


class LocalClock:
    """The wall clock the reminder and the days read, moved by the test."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment.astimezone()

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def hub(qtbot: Any, home: Path) -> Iterator[Prospecting]:
    conn = connect(home / "pitchback.db")
    clock = LocalClock(datetime(2026, 3, 2, 8, 59))  # a Monday
    made = Prospecting(conn, now=clock)
    made.clock = clock  # type: ignore[attr-defined]
    yield made
    made.shutdown()
    conn.close()


@pytest.fixture
def library(hub: Prospecting) -> ScriptLibrary:
    return ScriptLibrary(hub.conn)
