"""Export everything: one zip with the database (a consistent copy) and every recording.

The database is copied with SQLite's backup API from a connection of its own, so the export
can run on a worker thread while the app keeps writing. The zip is written under a temporary
name and renamed once complete: a failed export never leaves half a file under the name asked.
"""

from __future__ import annotations

import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from app.core.paths import database_path, takes_dir

Progress = Callable[[int, int], None]  # bytes done, bytes in all


def _files(home: Path) -> list[Path]:
    folder = takes_dir(home)
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def export_everything(home: Path, target: Path, progress: Progress | None = None) -> int:
    """Write ``target`` (a .zip) with ``pitchback.db`` and ``takes/``; the number of files.

    Raises OSError (disk full, no permission) or sqlite3.Error; ``target`` is then untouched.
    """
    recordings = _files(home)
    partial = target.with_name(target.name + ".part")
    try:
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "pitchback.db"
            source = sqlite3.connect(f"file:{database_path(home)}?mode=ro", uri=True)
            try:
                with sqlite3.connect(copy) as destination:
                    source.backup(destination)
                destination.close()
            finally:
                source.close()
            done = copy.stat().st_size
            total = done + sum(p.stat().st_size for p in recordings)
            with zipfile.ZipFile(partial, "w") as archive:
                archive.write(copy, "pitchback.db", zipfile.ZIP_DEFLATED)
                if progress:
                    progress(done, total)
                for path in recordings:  # FLAC is compressed already: stored as it is
                    archive.write(path, path.relative_to(home).as_posix(), zipfile.ZIP_STORED)
                    done += path.stat().st_size
                    if progress:
                        progress(done, total)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return 1 + len(recordings)
