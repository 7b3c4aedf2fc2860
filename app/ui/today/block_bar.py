"""The running block, on every page: time left, pause or resume, end."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.i18n import _
from app.ui.today.hub import Prospecting


def clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class BlockBar(QWidget):
    def __init__(self, hub: Prospecting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.label = QLabel()
        self.label.setObjectName("block-clock")
        self.pause_button = QPushButton()
        self.end_button = QPushButton(_("End block"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.pause_button)
        layout.addWidget(self.end_button)
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.end_button.clicked.connect(hub.end_block)
        hub.block_changed.connect(self.refresh)
        self.refresh()

    def _pause_or_resume(self) -> None:
        if self.hub.timer.state == "paused":
            self.hub.resume_block()
        else:
            self.hub.pause_block()

    def refresh(self) -> None:
        timer = self.hub.timer
        self.setVisible(timer.active)
        if not timer.active:
            return
        paused = timer.state == "paused"
        text = _("Prospecting block: {left} left").format(left=clock(timer.remaining_s))
        self.label.setText(text + (" " + _("(paused)") if paused else ""))
        self.pause_button.setText(_("Resume") if paused else _("Pause"))
