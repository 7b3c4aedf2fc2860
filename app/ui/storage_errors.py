"""Storage errors (a full disk, a read-only folder, a locked database) reaching the GUI
become a message in the user's words (``app.core.store.problem``), never a traceback."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, TypeVar

from app.core.store import STORAGE_ERRORS, problem

P = ParamSpec("P")
R = TypeVar("R")


def reports_storage_errors(
    method: Callable[Concatenate[Any, P], R],
) -> Callable[Concatenate[Any, P], R | None]:
    """For a page's action that writes: a storage error is shown with the page's ``message``
    signal, and the action does nothing more (what the user has stays on screen)."""

    @functools.wraps(method)
    def run(self: Any, *args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return method(self, *args, **kwargs)
        except STORAGE_ERRORS as exc:
            self.message.emit(problem(exc))
            return None

    return run


def install_safety_net(show: Callable[[str], None]) -> None:
    """Any storage error no page caught is shown with ``show`` as well as logged."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        text = problem(exc)
        if text is not None:
            show(text)
        previous(kind, exc, tb)

    sys.excepthook = hook
