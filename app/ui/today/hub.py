"""The one owner of the prospecting block in the window: its stores, the running block and
the signals every view of them follows (the Today page, the Prospects tab, the status bar)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.prospecting import (
    BlockSettings,
    BlockStore,
    BlockTimer,
    ProspectStore,
    load_block_settings,
    save_block_settings,
)
from app.core.prospecting.blocks import ActivityKind, Monotonic

TICK_MS = 1000


def local_now() -> datetime:
    return datetime.now().astimezone()


class Prospecting(QObject):
    prospects_changed = Signal()  # added, edited, imported, deleted, or called
    block_changed = Signal()  # started, ticked, paused, resumed, ended
    block_over = Signal(int)  # a block id, ended by the user, its length, or a sleep
    settings_changed = Signal()

    def __init__(
        self,
        conn: sqlite3.Connection,
        monotonic: Monotonic = time.monotonic,
        now: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.conn = conn
        self.now = now  # the local time, for days and the reminder; never for block time
        self.prospects = ProspectStore(conn)
        self.blocks = BlockStore(conn)
        self.cut_at_start = self.blocks.cut_unfinished()  # a crash's block, to its heartbeat
        self.timer = BlockTimer(self.blocks, monotonic)
        self.settings = load_block_settings(conn)
        self._ticker = QTimer(self)
        self._ticker.setObjectName("block-tick")
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)

    def today(self) -> date:
        return self.now().date()

    # -- the block ---------------------------------------------------------------------------
    def start_block(self) -> None:
        if self.timer.active:
            return
        self.timer.start(self.today(), self.settings.length_min * 60)
        self._ticker.start()
        self.block_changed.emit()

    def tick(self) -> None:
        before = self.timer.state
        state = self.timer.tick()
        self.block_changed.emit()
        if before == "running" and state in ("done", "cut"):
            self._over()

    def pause_block(self) -> None:
        self.timer.pause()
        self.block_changed.emit()

    def resume_block(self) -> None:
        self.timer.resume()
        self.block_changed.emit()

    def end_block(self) -> None:
        if self.timer.active:
            self.timer.end()
            self._over()

    def _over(self) -> None:
        self._ticker.stop()
        self.block_changed.emit()
        if self.timer.block_id is not None:
            self.block_over.emit(self.timer.block_id)

    @property
    def block_id(self) -> int | None:
        """The block running (or paused) now, that what is done in Pitchback counts toward."""
        return self.timer.block_id if self.timer.active else None

    def note(self, kind: ActivityKind, ref_id: int | None, seconds: float) -> None:
        if self.block_id is not None:
            self.blocks.note(self.block_id, kind, ref_id, seconds)
            self.block_changed.emit()

    def block_today(self) -> bool:
        return self.timer.active or self.blocks.seconds_on(self.today()) > 0

    # -- settings ----------------------------------------------------------------------------
    def save_settings(self, settings: BlockSettings) -> None:
        save_block_settings(self.conn, settings)
        self.settings = settings
        self.settings_changed.emit()

    def shutdown(self) -> None:
        """Closing the window ends the block with the time counted so far."""
        self.end_block()
