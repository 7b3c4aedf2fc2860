"""Playing a take on the voicemail page, as recorded or through a phone line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.audio.errors import AudioError
from app.ui.poller import AudioPoller

# numpy and PortAudio load once audio is used, not when the window opens (see TakesPage).
if TYPE_CHECKING:
    from app.audio.devices import Choice, Kind
    from app.audio.player import Player, PlayerStatus


class TakePlayback(QObject):
    status = Signal(object)  # PlayerStatus
    message = Signal(str)

    def __init__(self, choose: Callable[[Kind], Choice], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choose = choose
        self.poller = AudioPoller(self)
        self.poller.player_status.connect(self._on_status)
        self.player: Player | None = None
        self.take_id: int | None = None
        self.rate = 48000
        self.phone_line = False
        self._original: Any = None  # mono float32 numpy array
        self._phone: Any = None

    def load(self, take_id: int, path: Path) -> Any:
        """Load a take (replacing the one loaded); returns its samples, for the waveform."""
        from app.audio.files import read_audio

        self.drop()
        data, rate = read_audio(path)
        self._original, self._phone, self.rate = data[:, 0].copy(), None, rate
        self.take_id = take_id
        return self._original

    def samples(self) -> Any:
        """What the player plays: the take, or the take through the phone band."""
        if not self.phone_line:
            return self._original
        if self._phone is None and self._original is not None:
            from app.audio.dsp import telephone_band

            self._phone = telephone_band(self._original, self.rate)
        return self._phone

    def set_phone_line(self, on: bool) -> None:
        """Switch the phone line on or off, even while playing, without losing the place."""
        if on == self.phone_line:
            return
        self.phone_line = on
        player = self.player
        if player is None:
            return
        status = player.status()
        player.load(self.samples(), self.rate)
        player.seek(status.position_s)
        if status.state == "playing":
            self._run(player.play)

    def _ensure_player(self) -> Player | None:
        if self.player is None and self._original is not None:
            try:
                from app.audio.player import Player  # PortAudioMissing is an AudioError

                choice = self._choose("output")
            except AudioError as exc:
                self.message.emit(str(exc))
                return None
            self.player = Player(choice.device)
            self.player.load(self.samples(), self.rate)
        return self.player

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except AudioError as exc:
            self.message.emit(str(exc))
            return
        self.poller.watch_player(self.player)

    def toggle(self) -> None:
        player = self._ensure_player()
        if player is not None:
            self._run(player.toggle)

    def play(self) -> None:
        player = self._ensure_player()
        if player is not None:
            self._run(player.play)

    def seek(self, seconds: float) -> None:
        player = self._ensure_player()
        if player is not None:
            player.seek(seconds)
            self.status.emit(player.status())

    def state(self) -> str:
        return self.player.status().state if self.player is not None else "stopped"

    def stop(self) -> None:
        """Stop playing and rewind; the take stays loaded."""
        if self.player is not None:
            self.player.stop()
            self.status.emit(self.player.status())
        self.poller.watch_player(None)

    def drop(self) -> None:
        """Stop and forget the loaded take."""
        if self.player is not None:
            self.player.stop()
        self.poller.watch_player(None)
        self.player, self.take_id, self._original, self._phone = None, None, None, None

    def _on_status(self, status: PlayerStatus) -> None:
        self.status.emit(status)
        if status.error:
            self.message.emit(str(status.error))
        if status.state != "playing":
            self.poller.watch_player(None)
