"""Recording the user's natural voice: a minute of talking freely, on the Recorder page's
recorder, with the prompt and the time left shown here. The take it makes is named for what
it is; the Feedback page adopts it as the yardstick once it has been analysed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.i18n import _

if TYPE_CHECKING:
    from app.audio.recorder import RecorderStatus
    from app.core.takes import Take
    from app.ui.takes_page import TakesPage

BASELINE_SECONDS = 60


class NaturalVoicePanel(QFrame):
    """The button, and while recording, the prompt with the time left and a Stop button."""

    recorded = Signal(object)  # the finished natural-voice Take
    elapsed_changed = Signal(str)  # "Recording your natural voice: 40 s to go."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recorder: TakesPage | None = None
        self.pending: int | None = None  # the take being recorded
        self.button = QPushButton(_("Record my natural voice (1 min)"))
        self.prompt = QLabel(
            _(
                "Tell me what you sell, as you would to a friend: no script. Just talk for a "
                "minute; the recording stops by itself."
            )
        )
        self.prompt.setWordWrap(True)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.prompt.setFont(font)
        self.elapsed = QLabel()
        self.stop_button = QPushButton(_("Stop"))
        self.box = QFrame()
        self.box.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout()
        row.addWidget(self.elapsed, 1)
        row.addWidget(self.stop_button)
        inner = QVBoxLayout(self.box)
        inner.addWidget(self.prompt)
        inner.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.box.hide()
        self.button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)

    def attach(self, recorder: TakesPage) -> None:
        self.recorder = recorder
        recorder.recording_changed.connect(self._on_recording_changed)
        recorder.poller.recorder_status.connect(self._on_status)

    def start(self) -> None:
        recorder = self.recorder
        if recorder is None or recorder.recording:
            return
        take = recorder.start_recording()
        running = recorder.take_recorder
        if take is None or running is None:
            return  # the recorder has said why
        # Counted in frames by the recorder, like every take's limit; its rate is known now.
        running.recorder.set_limit(BASELINE_SECONDS * running.recorder.samplerate)
        self.pending = take.id
        self._show_seconds(0.0)
        self.box.show()
        self.button.setEnabled(False)

    def stop(self) -> None:
        if self.recorder is not None:
            self.recorder.stop_recording()

    def claim(self, take: Take) -> bool:
        """True (and the take named) when ``take`` is the natural-voice recording."""
        if take.id != self.pending or self.recorder is None:
            return False
        self.pending = None
        self.recorder.store.rename(take.id, _("My natural voice"))
        self.recorder.reload(select=take.id)
        self.recorded.emit(take)
        return True

    def _on_status(self, status: RecorderStatus) -> None:
        if self.pending is not None:
            self._show_seconds(status.seconds)

    def _on_recording_changed(self, recording: bool) -> None:
        if not recording:
            self.box.hide()
            self.button.setEnabled(True)

    def _show_seconds(self, seconds: float) -> None:
        left = max(0, BASELINE_SECONDS - int(seconds))
        self.elapsed.setText(_("Recording your natural voice: {left} s to go.").format(left=left))
        self.elapsed_changed.emit(self.elapsed.text())
