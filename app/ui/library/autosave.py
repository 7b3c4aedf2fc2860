"""Autosave: the working copy is written AUTOSAVE_MS after the last change, no button needed.

The text is read when the save happens, not when the change is made, so a burst of typing
costs one write. Someone who types on without a pause would never get that pause: the text
is also written MAX_WAIT_MS after the first change that is not saved yet, so steady typing
is saved every MAX_WAIT_MS and a crash loses at most that much of it.

``flush`` saves at once; the page calls it before anything that reads the script from the
library (switching scripts, export, revisions, practice) and on shutdown.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.i18n import _
from app.core.library import ScriptLibrary, ScriptNotFound

AUTOSAVE_MS = 1000
MAX_WAIT_MS = 1500  # under two seconds, with room for a busy event loop
RETRY_MS = 5000


class Autosave(QObject):
    failed = Signal(str)  # what to tell the user
    saved = Signal(int)  # script id: its text changed in the library

    def __init__(
        self, library: ScriptLibrary, delay_ms: int = AUTOSAVE_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.delay_ms = delay_ms
        self._pending: tuple[int, Callable[[], str]] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.flush)
        # Not restarted by later changes, unlike ``timer``: it bounds how long they wait.
        self.max_wait = QTimer(self)
        self.max_wait.setSingleShot(True)
        self.max_wait.setInterval(MAX_WAIT_MS)
        self.max_wait.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def changed(self, script_id: int, text: Callable[[], str]) -> None:
        """The text of ``script_id`` changed; ``text`` gives it when the time comes to save."""
        if self._pending is not None and self._pending[0] != script_id:
            self.flush()
        self._pending = (script_id, text)
        self.timer.start(self.delay_ms)
        if not self.max_wait.isActive():
            self.max_wait.start()

    def flush(self) -> bool:
        """Save now whatever is waiting; False when that failed (it is tried again later)."""
        self.timer.stop()
        self.max_wait.stop()
        if self._pending is None:
            return True
        script_id, text = self._pending
        try:
            changed = self.library.save_text(script_id, text())
        except ScriptNotFound:
            changed = False  # deleted for good meanwhile: nothing left to save it into
        except sqlite3.Error as exc:
            self.failed.emit(
                _("Your changes could not be saved yet ({detail}). Pitchback keeps trying.").format(
                    detail=exc
                )
            )
            self.timer.start(RETRY_MS)
            return False
        self._pending = None
        if changed:
            self.saved.emit(script_id)
        return True

    def cancel(self) -> None:
        self.timer.stop()
        self.max_wait.stop()
        self._pending = None
