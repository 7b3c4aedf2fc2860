"""Play/pause, a position slider that seeks, and the time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

if TYPE_CHECKING:
    from app.audio.player import PlayerStatus
from app.core.i18n import _
from app.ui.look import icon
from app.ui.takes_model import format_duration


class PlaybackBar(QWidget):
    play_clicked = Signal()
    seek_requested = Signal(float)  # seconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.play_button = QPushButton(_("Play"))
        self.play_button.setToolTip(_("Play or pause the selected take (Space)"))
        self.play_button.setIcon(icon("play", self))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(_("Position"))
        self.slider.setRange(0, 0)
        self.time = QLabel(f"{format_duration(0)} / {format_duration(0)}")
        layout = QHBoxLayout(self)
        layout.addWidget(self.play_button)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.time)
        self.play_button.clicked.connect(self.play_clicked)
        self.slider.sliderMoved.connect(lambda ms: self.seek_requested.emit(ms / 1000))
        self.slider.actionTriggered.connect(self._on_action)

    def _on_action(self, action: int) -> None:
        if action != QSlider.SliderAction.SliderMove.value:
            self.seek_requested.emit(self.slider.sliderPosition() / 1000)

    @property
    def position_ms(self) -> int:
        return self.slider.value()

    def show_status(self, status: PlayerStatus) -> None:
        self.play_button.setText(_("Pause") if status.state == "playing" else _("Play"))
        self.slider.setMaximum(int(status.duration_s * 1000))
        if not self.slider.isSliderDown():
            self.slider.setValue(int(status.position_s * 1000))
        self.time.setText(
            f"{format_duration(status.position_s)} / {format_duration(status.duration_s)}"
        )
