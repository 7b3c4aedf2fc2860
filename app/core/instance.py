"""One Pitchback per data folder: the first start holds ``pitchback.lock``, with its PID.

A second start finds the lock held and, rather than write over the first one's scripts and
takes, brings the first window forward or opens read-only. A lock left by a crash is taken
over at once (the operating system released it when the process died).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from app.core.locks import FileLock, holder


def lock_path(home: Path) -> Path:
    return home / "pitchback.lock"


def server_name(home: Path) -> str:
    """A name for the first instance's local socket, the same for every start on ``home``."""
    digest = hashlib.sha1(str(home.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"pitchback-{digest}"


@dataclass
class Instance:
    lock: FileLock | None  # None: another Pitchback holds this folder, or it cannot be locked
    other_pid: int | None = None  # the process that holds it
    problem: OSError | None = None  # why no lock file could be made (a read-only folder)

    @property
    def first(self) -> bool:
        return self.lock is not None


def claim(home: Path) -> Instance:
    """Take the data folder for this process, if no other Pitchback has it."""
    path = lock_path(home)
    try:
        home.mkdir(parents=True, exist_ok=True)
        lock = FileLock(path)
        if lock.acquire():
            return Instance(lock)
    except OSError as exc:
        return Instance(None, problem=exc)
    return Instance(None, other_pid=holder(path))
