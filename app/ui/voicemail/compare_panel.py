"""Blind comparison: play X, play Y, pick the more natural one; then the names are revealed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.i18n import _


class ComparePanel(QFrame):
    play_requested = Signal(str)  # "x" or "y"
    picked = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.question = QLabel(_("Blind compare: listen to X and Y. Which sounds more natural?"))
        self.play_x = QPushButton(_("Play X"))
        self.play_y = QPushButton(_("Play Y"))
        self.pick_x = QPushButton(_("X sounds more natural"))
        self.pick_y = QPushButton(_("Y sounds more natural"))
        self.reveal = QLabel()
        self.reveal.setObjectName("reveal")
        self.reveal.setWordWrap(True)
        self.close_button = QPushButton(_("Close"))
        row = QHBoxLayout()
        for button in (self.play_x, self.play_y, self.pick_x, self.pick_y):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.reveal)
        self.play_x.clicked.connect(lambda: self.play_requested.emit("x"))
        self.play_y.clicked.connect(lambda: self.play_requested.emit("y"))
        self.pick_x.clicked.connect(lambda: self.picked.emit("x"))
        self.pick_y.clicked.connect(lambda: self.picked.emit("y"))
        self.close_button.clicked.connect(self.closed)
        self.hide()

    def begin(self) -> None:
        self.reveal.clear()
        self._set_open(True)
        self.show()

    def show_reveal(self, text: str) -> None:
        self.reveal.setText(text)
        self._set_open(False)

    def _set_open(self, deciding: bool) -> None:
        # X and Y stay playable after the reveal, to listen again knowing which is which.
        self.pick_x.setEnabled(deciding)
        self.pick_y.setEnabled(deciding)
