"""Shared fixtures: every test gets its own data home; Qt tests run offscreen."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SPEECH = ROOT.parent / "shared" / "speech"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh data home (PITCHBACK_HOME) and standard directories redirected to tmp."""
    folder = tmp_path / "home"
    monkeypatch.setenv("PITCHBACK_HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from app.core import i18n

    i18n.set_language("en")
    yield folder
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def no_leftover_threads() -> Iterator[None]:
    """Fail a test that leaves a thread of its own running (napari's rule, for Python threads).

    Threads are given a moment to finish, since stopping one is often asynchronous.
    """
    import threading
    import time

    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 3.0
    while True:
        left = [
            t
            for t in threading.enumerate()
            if t not in before and t.is_alive() and not t.name.startswith("asyncio")
        ]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    assert not left, f"threads left running: {[t.name for t in left]}"


def _children() -> set[int]:
    """This process's child processes (Linux; elsewhere none are seen)."""
    found: set[int] = set()
    for task in Path("/proc/self/task").glob("*"):
        with contextlib.suppress(OSError):
            found.update(int(pid) for pid in (task / "children").read_text().split())
    return found


@pytest.fixture(autouse=True)
def no_leftover_processes() -> Iterator[None]:
    """Fail a test that leaves a child process running, such as a speech helper nobody closed
    (its Popen would be collected later, failing another test with a ResourceWarning)."""
    import time

    def left_running() -> set[int]:
        # The analysis's Silero helper is started once and kept for the life of the app.
        silero = sys.modules.get("app.core.analysis.silero_worker")
        process = getattr(getattr(silero, "WORKER", None), "_process", None)
        return _children() - before - ({process.pid} if process is not None else set())

    before = _children()
    yield
    deadline = time.monotonic() + 3.0
    while (left := left_running()) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not left, f"child processes left running: {sorted(left)}"
