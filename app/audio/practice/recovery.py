"""Runs a crash cut short: their recordings repaired, their turns so far kept."""

from __future__ import annotations

from app.audio.errors import AudioError
from app.audio.files import repair
from app.audio.takes_io import file_in_use
from app.core.practice.store import PracticeStore, Run


def recover_runs(store: PracticeStore) -> list[Run]:
    """Finish every run left 'recording' by a process that died; the recovered runs.

    A run whose file is still being written (another Pitchback recording right now) is left
    alone; one that never got any audio or turn is dropped. Decodes the files: a fraction of
    a second per minute recorded.
    """
    recovered = []
    for run in store.unfinished():
        path = store.path_of(run)
        if path.exists() and file_in_use(path):
            continue
        try:
            seconds = repair(path) if path.exists() else 0.0
        except AudioError:
            seconds = 0.0
        if seconds <= 0 and not store.turns(run.id):
            store.delete_run(run.id)
            continue
        frames = round(seconds * run.samplerate)
        recovered.append(store.finish_run(run.id, frames, run.outcome, state="recovered"))
    return recovered
