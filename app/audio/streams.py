"""The PortAudio streams Pitchback has open, so that looking again for devices never pulls
one away from under a page.

PortAudio only finds newly plugged-in devices by shutting down and starting again, which
closes every stream of the process. Recorders and players say here when they open and close
one. Before a rescan each is asked to let go of its stream: a paused or stopped player can
(it opens a new one when it plays again), a running recording or playback cannot, and then
the rescan does not happen.
"""

from __future__ import annotations

import threading
import weakref
from typing import Protocol


class StreamUser(Protocol):
    def release_stream(self) -> bool:
        """Close the stream now if nothing is lost by it; False while it is needed."""
        ...


_lock = threading.Lock()
_users: weakref.WeakSet[StreamUser] = weakref.WeakSet()
_generation = 0


def opened(user: StreamUser) -> None:
    with _lock:
        _users.add(user)


def closed(user: StreamUser) -> None:
    with _lock:
        _users.discard(user)


def in_use() -> int:
    """How many users still hold a stream."""
    with _lock:
        return len(_users)


def release_all() -> bool:
    """Ask every user to let go of its stream; True when none is left open."""
    with _lock:
        users = list(_users)
    for user in users:
        user.release_stream()
    return in_use() == 0


def generation() -> int:
    """How many times PortAudio has been restarted: device numbers from an earlier
    generation may point at another device now."""
    return _generation


def restarted() -> None:
    global _generation
    _generation += 1
