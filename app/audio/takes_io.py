"""Recording into the take library: the glue between the recorder and the take store."""

from __future__ import annotations

import contextlib
from pathlib import Path

from app.audio.errors import AudioError, AudioFileError, SaveError
from app.audio.files import read_audio, rewrite
from app.audio.recorder import Recorder
from app.core.locks import is_held
from app.core.store import STORAGE_ERRORS
from app.core.takes import Recovery, Take, TakeStore, lock_of


def file_in_use(path: Path) -> bool:
    """A take file whose recorder (in this or another process) is still running.

    The recorder's lock goes with its process, so a take left by a crash a moment ago is
    not mistaken for one being written.
    """
    return is_held(lock_of(path))


def repair_one(path: Path) -> tuple[float, bool]:
    """Repair an abandoned take's file: its decodable duration, and whether it was rewritten.

    A file that cannot be rewritten (a full disk, a read-only folder) or even read keeps its
    audio as it is; only a readable file with no decodable frame says (0.0, True), which
    lets it go.
    """
    try:
        with path.open("rb"):
            pass
    except OSError:
        return 0.0, False
    try:
        data, rate = read_audio(path, dtype="int16")
    except AudioFileError:
        return 0.0, True  # libsndfile finds no audio in it
    if not len(data):
        return 0.0, True
    try:
        rewrite(path, data, rate)
    except Exception:
        return len(data) / rate, False
    return len(data) / rate, True


def recover(store: TakeStore) -> Recovery:
    return store.recover_unfinished(repair_one, file_in_use)


def repair_abandoned(paths: list[Path]) -> dict[Path, tuple[float, bool]]:
    """Repair the files of abandoned takes (slow: decodes them), by path (see repair_one).

    Safe off the GUI thread: touches files only, never the database.
    """
    return {path: repair_one(path) for path in paths if path.exists() and not file_in_use(path)}


class TakeRecorder:
    """Records takes into the library: registers the take, records it, finishes it."""

    def __init__(self, store: TakeStore, recorder: Recorder) -> None:
        self.store = store
        self.recorder = recorder
        self.take: Take | None = None

    def start(self, limit_frames: int | None = None) -> Take:
        """Register and start a take; a store that cannot save raises SaveError (an
        AudioError, so every page reports it the way it reports a microphone problem)."""
        try:
            take = self.store.begin(self.recorder.preferred_rate)
        except STORAGE_ERRORS as exc:
            raise SaveError.from_storage(exc, self.store.home) from exc
        try:
            self.recorder.start(self.store.path_of(take), limit_frames)
        except Exception:
            with contextlib.suppress(*STORAGE_ERRORS):
                self.store.discard(take.id)
            raise
        self.take = take
        return take

    def stop(self) -> tuple[Take | None, AudioError | None]:
        """The finished take (None when nothing at all was recorded) and any error.

        A database that refuses to finish the take (a full disk) is reported as an error;
        the audio stays on disk and the take is listed after the next start.
        """
        take, self.take = self.take, None
        if take is None:
            return None, None
        result = self.recorder.stop()
        try:
            if result.frames == 0:
                self.store.discard(take.id)
                return None, result.error
            return self.store.finish(take.id, result.seconds), result.error
        except STORAGE_ERRORS as exc:
            return None, result.error or SaveError.from_storage(exc, self.store.home)
