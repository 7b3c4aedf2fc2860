"""Exclusive locks on small files, released by the operating system when their process dies.

A lock left by a crash is therefore never in the way: the next process takes it over. The
file holds the holder's process id, for a message; the lock itself is what counts, never
the file's presence or age.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

# Windows locks are mandatory for the bytes they cover: lock one far past the process id,
# so that another process can still read who holds it.
_WINDOWS_OFFSET = 1 << 20


def _try_lock(file: Any) -> bool:
    if sys.platform == "win32":
        import msvcrt

        file.seek(_WINDOWS_OFFSET)
        try:
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class FileLock:
    """Hold ``path`` locked while this object is open (see ``acquire``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: Any = None

    def acquire(self) -> bool:
        """Take the lock now if nobody holds it; raises OSError when the file cannot be made."""
        file = open(self.path, "a+b", buffering=0)  # noqa: SIM115 (held while locked)
        try:
            locked = _try_lock(file)
        except BaseException:
            file.close()
            raise
        if not locked:
            file.close()
            return False
        self._file = file
        with contextlib.suppress(OSError):  # a full disk: the lock holds without the note
            file.seek(0)
            file.truncate()
            file.write(str(os.getpid()).encode())
        return True

    def __del__(self) -> None:  # a lock forgotten by its owner ends with it, quietly
        self.release(remove=False)

    @property
    def held(self) -> bool:
        return self._file is not None

    def release(self, remove: bool = True) -> None:
        file, self._file = self._file, None
        if file is None:
            return
        if remove:
            with contextlib.suppress(OSError):
                self.path.unlink()
        file.close()


def is_held(path: Path) -> bool:
    """True while a live process (this one included) holds the lock on ``path``."""
    try:
        file = open(path, "r+b")  # noqa: SIM115
    except OSError:
        return False  # no lock file (or none this process may open): nobody holds it
    try:
        if not _try_lock(file):
            return True
    finally:
        file.close()  # closing lets go of a lock taken just to look
    return False


def holder(path: Path) -> int | None:
    """The process id written in a lock file, if any."""
    try:
        text = path.read_text("ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
