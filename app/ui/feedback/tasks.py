"""Results of background work, handed back to the GUI thread.

Workers never touch a widget or emit a Qt signal (PySide6 can crash on signals from foreign
threads); they return values. One timer on the GUI thread looks at the pending futures and
calls each one's handler here once it is done, and a ``tick`` while it runs (for progress).
The timer runs only while something is pending.
"""

from __future__ import annotations

import gc
import sys
import threading
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


# Python's cycle collector holds the GIL while it runs: a collection over the objects of a
# big script (a thousand steps are some hundred thousand objects) stalls the GUI thread for a
# tenth of a second or more, whichever thread set it off. So while work runs on a worker,
# collections wait; and when it is done, what it made is left out of later collections
# (gc.freeze) instead of being looked through at once. A script and its map hold no
# reference cycles: they are freed by their reference counts, like any other object, when
# they are replaced.
# And while it runs, the GUI thread waits less for its turn: it asks for the GIL each time Qt
# calls into Python (a paint, a timer), and the worker gives it up after this long.
WORKING_SWITCH_S = 0.001
_SWITCH_S = sys.getswitchinterval()
_lock = threading.Lock()
_working = 0


def in_thread(work: Callable[..., Any], *args: Any, name: str = "pitchback-work") -> Future[Any]:
    """Run ``work(*args)`` on a thread of its own, which ends with it; its Future says when.

    For work that comes now and then (reading and laying out a big script): no pool keeps a
    thread waiting between two pieces of work. Cycle collections wait until it is done.
    """
    future: Future[Any] = Future()
    future.set_running_or_notify_cancel()

    def run() -> None:
        global _working
        with _lock:
            _working += 1
            if _working == 1:
                gc.disable()
                sys.setswitchinterval(WORKING_SWITCH_S)
        try:
            future.set_result(work(*args))
        except BaseException as error:  # handed to the GUI thread, which raises it there
            future.set_exception(error)
        finally:
            with _lock:
                _working -= 1
                if not _working:
                    sys.setswitchinterval(_SWITCH_S)
                    gc.freeze()
                    gc.enable()

    threading.Thread(target=run, name=name, daemon=True).start()
    return future
