"""The call in progress, laid out like a phone call: who you are calling, the call's timer
and state (ringing, the prospect speaking, waiting for you), what the prospect says, the
freeze clock, and the script, large, at the level the user has stepped down to."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.i18n import _
from app.core.practice.turns import FREEZE_S
from app.core.script import Step
from app.core.voicemail import Level
from app.ui.level_meter import LevelMeter
from app.ui.look import SPACE, danger, icon, key_hint, primary
from app.ui.voicemail.prompter_view import PrompterView


class CallView(QWidget):
    start_clicked = Signal()
    done_clicked = Signal()
    hang_up_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.who = QLabel()
        self.who.setObjectName("call-who")
        self.who.setProperty("role", "title")
        self.state = QLabel()
        self.state.setObjectName("call-state")
        self.timer = QLabel()
        self.timer.setObjectName("call-timer")
        self.prospect = QLabel()
        self.prospect.setObjectName("prospect-line")
        self.prospect.setWordWrap(True)
        font = QFont(self.prospect.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.prospect.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("call-status")
        self.status.setWordWrap(True)
        self.freeze = QLabel()
        self.freeze.setObjectName("freeze")
        self.meter = LevelMeter()
        self.prompter = PrompterView()
        big = QFont(self.prompter.text.font())
        big.setPointSizeF(big.pointSizeF() * 1.2)  # read at arm's length, mid-call
        self.prompter.text.setFont(big)
        self.start_button = QPushButton(_("Start call"))
        self.start_button.setToolTip(_("The prospect picks up; you open (R)"))
        self.done_button = QPushButton(_("I'm done"))
        self.done_button.setToolTip(_("Hand over to the prospect now (Space)"))
        self.hang_up_button = QPushButton(_("Hang up"))
        self.hang_up_button.setToolTip(_("End the call here; the turns so far are kept (Esc)"))
        primary(self.start_button, "call", icon("call", self))
        danger(self.hang_up_button, icon("hang_up", self))
        buttons = QHBoxLayout()
        for button, key in (
            (self.start_button, "R"),
            (self.done_button, _("Space")),
            (self.hang_up_button, "Esc"),
        ):
            buttons.addWidget(button)
            buttons.addWidget(key_hint(key))
            buttons.addSpacing(SPACE)
        buttons.addStretch(1)
        buttons.addWidget(self.freeze)
        header = QHBoxLayout()
        header.addWidget(self.who)
        header.addSpacing(2 * SPACE)
        header.addWidget(self.state)
        header.addStretch(1)
        header.addWidget(self.timer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.prospect)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.meter)
        layout.addWidget(self.prompter, 1)
        self.start_button.clicked.connect(self.start_clicked)
        self.done_button.clicked.connect(self.done_clicked)
        self.hang_up_button.clicked.connect(self.hang_up_clicked)
        self.set_running(False)

    def set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.done_button.setEnabled(running)
        self.hang_up_button.setEnabled(running)
        if not running:
            self.meter.reset()
            self.clear_freeze()  # a silence still counting when the call ended is no freeze

    def set_prospect_name(self, name: str) -> None:
        self.who.setText(name)

    def show_state(self, text: str) -> None:
        """The phone's state in a word or two: ringing, speaking, waiting for you."""
        self.state.setText(text)

    def show_timer(self, seconds: float) -> None:
        whole = int(seconds)
        text = f"{whole // 60}:{whole % 60:02d}"
        if self.timer.text() != text:
            self.timer.setText(text)

    def show_prospect(self, text: str) -> None:
        self.prospect.setText(_("Prospect: “{line}”").format(line=text))

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_waiting(self, seconds: float) -> None:
        self.show_freeze(seconds, final=False)

    def show_freeze(self, seconds: float, final: bool = True) -> None:
        frozen = seconds > FREEZE_S
        if final:
            text = _("Freeze: {seconds:.1f} s") if frozen else _("Answered after {seconds:.1f} s")
        else:
            text = _("Silence: {seconds:.1f} s")
        text = text.format(seconds=seconds)
        style = "color: #c0392b; font-weight: bold;" if frozen else ""
        if self.freeze.text() != text:  # 40 times a second while you are silent
            self.freeze.setText(text)
        if self.freeze.styleSheet() != style:
            self.freeze.setStyleSheet(style)

    def show_step(self, step: Step | None, level: Level, heading: str) -> None:
        self.prompter.setVisible(step is not None)
        if step is not None:
            self.prompter.show_step(step, level, heading)

    def clear_freeze(self) -> None:
        self.freeze.clear()
        self.freeze.setStyleSheet("")

    def clear(self) -> None:
        self.state.clear()
        self.timer.clear()
        self.prospect.clear()
        self.status.clear()
        self.clear_freeze()
