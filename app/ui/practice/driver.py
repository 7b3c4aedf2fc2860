"""Moves a practice session on from a GUI timer and hands its events over as signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.audio.practice.session import CallOver, Event, Session

TICK_HZ = 40


class RunDriver(QObject):
    happened = Signal(object)  # app.audio.practice.session.Event
    over = Signal(object)  # CallOver
    ticked = Signal()  # after every tick, for clocks and meters

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._timer = QTimer(self)
        self._timer.setObjectName("practice-tick")
        self._timer.setInterval(1000 // TICK_HZ)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        """Start recording and the call; raises AudioError when recording cannot start."""
        self.session.start()
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def _tick(self) -> None:
        self._emit(self.session.tick())
        if self.running:
            self.ticked.emit()

    def reply_done(self) -> None:
        self._emit(self.session.reply_done())

    def hang_up(self) -> None:
        self._emit(self.session.hang_up())

    def _emit(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, CallOver):
                self._timer.stop()
                self.over.emit(event)
            else:
                self.happened.emit(event)
