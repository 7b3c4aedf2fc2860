"""One timer on the GUI thread that reads the audio state and re-emits it as signals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from app.audio.player import Player, PlayerStatus
    from app.audio.recorder import Recorder, RecorderStatus

POLL_HZ = 40


class AudioPoller(QObject):
    recorder_status = Signal(object)  # RecorderStatus
    player_status = Signal(object)  # PlayerStatus

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(1000 // POLL_HZ)
        self._timer.timeout.connect(self._poll)
        self.recorder: Recorder | None = None
        self.player: Player | None = None

    def watch_recorder(self, recorder: Recorder | None) -> None:
        self.recorder = recorder
        self._update_timer()

    def watch_player(self, player: Player | None) -> None:
        self.player = player
        self._update_timer()

    def _update_timer(self) -> None:
        if self.recorder or self.player:
            self._timer.start()
        else:
            self._timer.stop()

    def stop(self) -> None:
        self.recorder = self.player = None
        self._timer.stop()

    def _poll(self) -> None:
        if self.recorder is not None:
            rec: RecorderStatus = self.recorder.status()
            self.recorder_status.emit(rec)
        if self.player is not None:
            play: PlayerStatus = self.player.status()
            self.player_status.emit(play)
