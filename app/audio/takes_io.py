"""Recording into the take library: the glue between the recorder and the take store."""

from __future__ import annotations

import time
from pathlib import Path

from app.audio.errors import AudioError
from app.audio.files import repair
from app.audio.recorder import Recorder
from app.core.takes import Take, TakeStore

BUSY_SECONDS = 3.0


def file_in_use(path: Path) -> bool:
    """A take file written to in the last few seconds belongs to a recorder still running."""
    return time.time() - path.stat().st_mtime < BUSY_SECONDS


def recover(store: TakeStore) -> list[Take]:
    return store.recover_unfinished(repair, file_in_use)


def repair_abandoned(paths: list[Path]) -> dict[Path, float]:
    """Repair the files of abandoned takes (slow: decodes them); their durations by path.

    Safe off the GUI thread: touches files only, never the database.
    """
    durations = {}
    for path in paths:
        if not path.exists() or file_in_use(path):
            continue
        try:
            durations[path] = repair(path)
        except Exception:
            durations[path] = 0.0
    return durations


class TakeRecorder:
    """Records takes into the library: registers the take, records it, finishes it."""

    def __init__(self, store: TakeStore, recorder: Recorder) -> None:
        self.store = store
        self.recorder = recorder
        self.take: Take | None = None

    def start(self, limit_frames: int | None = None) -> Take:
        take = self.store.begin(self.recorder.preferred_rate)
        try:
            self.recorder.start(self.store.path_of(take), limit_frames)
        except Exception:
            self.store.discard(take.id)
            raise
        self.take = take
        return take

    def stop(self) -> tuple[Take | None, AudioError | None]:
        """The finished take (None when nothing at all was recorded) and any error."""
        take, self.take = self.take, None
        if take is None:
            return None, None
        result = self.recorder.stop()
        if result.frames == 0:
            self.store.discard(take.id)
            return None, result.error
        return self.store.finish(take.id, result.seconds), result.error
