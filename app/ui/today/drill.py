"""Two minutes on one objection after a hard call: each practice call goes straight to it
until two minutes (on the block's monotonic clock) have passed, then back to the usual mix."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core.i18n import _
from app.ui.today.block_bar import clock

DRILL_S = 120.0


class DrillSession(QObject):
    message = Signal(str)
    over = Signal(int)  # the script id: back to the weakest answers

    def __init__(self, monotonic: Callable[[], float], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.monotonic = monotonic
        self.script_id: int | None = None
        self.deadline = 0.0

    @property
    def active(self) -> bool:
        return self.script_id is not None

    def start(self, script_id: int) -> None:
        self.script_id = script_id
        self.deadline = self.monotonic() + DRILL_S
        self.message.emit(_("Two minutes on this objection: press R and answer it out loud."))

    def run_finished(self, _run: Any = None) -> None:
        if self.script_id is None:
            return
        left = self.deadline - self.monotonic()
        if left > 0:
            self.message.emit(
                _("Again (R): {left} of your two minutes left.").format(left=clock(left))
            )
            return
        script_id, self.script_id = self.script_id, None
        self.message.emit(_("Two minutes done. Back to your calls: the queue is on Today."))
        self.over.emit(script_id)
