"""Results of background work, handed back to the GUI thread.

Workers never touch a widget or emit a Qt signal (PySide6 can crash on signals from foreign
threads); they return values. One timer on the GUI thread looks at the pending futures and
calls each one's handler here once it is done, and a ``tick`` while it runs (for progress).
The timer runs only while something is pending.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer

POLL_MS = 15  # a result is picked up at most this late; the report's budget is 500 ms


@dataclass
class _Watched:
    future: Future[Any]
    done: Callable[[Future[Any]], None]
    tick: Callable[[], None] | None


class FuturePoller(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._watched: list[_Watched] = []

    def watch(
        self,
        future: Future[Any],
        done: Callable[[Future[Any]], None],
        tick: Callable[[], None] | None = None,
    ) -> None:
        """Call ``done(future)`` on this thread when it is done (cancelled futures too)."""
        self._watched.append(_Watched(future, done, tick))
        if not self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> int:
        return len(self._watched)

    def poll(self) -> None:
        done = [w.future.done() for w in self._watched]  # once: a worker may finish meanwhile
        finished = [w for w, d in zip(self._watched, done, strict=True) if d]
        self._watched = [w for w, d in zip(self._watched, done, strict=True) if not d]
        if not self._watched:
            self._timer.stop()
        for watched in self._watched:
            if watched.tick is not None:
                watched.tick()
        for watched in finished:
            watched.done(watched.future)

    def stop(self) -> None:
        """Forget everything pending; no handler is called after this."""
        self._watched.clear()
        self._timer.stop()
