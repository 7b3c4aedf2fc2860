"""The big countdown: whole seconds left, amber then red near the limit, the overrun after it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core.i18n import _
from app.core.voicemail import Countdown, Zone, format_clock

COLORS: dict[Zone, str] = {
    "calm": "palette(text)",
    "amber": "#e69500",
    "red": "#d9342b",
    "over": "#d9342b",
}


class CountdownView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown: Countdown | None = Countdown(30)
        self.zone: Zone = "calm"
        self.clock = QLabel()
        self.clock.setObjectName("countdown")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.clock.font())
        font.setPointSizeF(font.pointSizeF() * 4.5)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.clock.setFont(font)
        self.overrun = QLabel()
        self.overrun.setObjectName("overrun")
        self.overrun.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Fixed sizes: text that changes 40 times a second must not relayout the page each time.
        metrics = QFontMetrics(font)
        self.clock.setFixedSize(metrics.horizontalAdvance("+00:00") + 16, metrics.height() + 8)
        self.overrun.setFixedHeight(self.overrun.fontMetrics().height() * 2 + 4)
        self.setFixedWidth(max(self.clock.width(), 240) + 16)
        layout = QVBoxLayout(self)
        layout.addWidget(self.clock)
        layout.addWidget(self.overrun)
        self.reset(30)

    def reset(self, limit_s: float | None) -> None:
        """Ready for a take with this limit (None: no limit, the clock counts up)."""
        self.countdown = None if limit_s is None else Countdown(limit_s)
        self.overrun.clear()
        self.show_elapsed(0.0)

    def show_elapsed(self, seconds: float) -> None:
        # Called 40 times a second: widgets are only touched when what they show changes.
        zone: Zone = "calm"
        if self.countdown is None:
            _set_text(self.clock, format_clock(seconds))
        else:
            zone = self.countdown.zone(seconds)
            _set_text(self.clock, self.countdown.display(seconds))
            over = self.countdown.overrun(seconds)
            if over > 0:
                _set_text(self.overrun, _("{seconds} s over the limit").format(seconds=int(over)))
        if zone != self.zone or not self.clock.styleSheet():
            self.zone = zone
            self.clock.setStyleSheet(f"color: {COLORS[zone]};")

    def show_result(self, seconds: float) -> None:
        """The finished take's length, and by how much it ran over."""
        over = self.countdown.overrun(seconds) if self.countdown else 0.0
        if over > 0:
            text = _("Take: {length} s, {over} s over the limit.")
        else:
            text = _("Take: {length} s.")
        self.overrun.setText(text.format(length=f"{seconds:.2f}", over=f"{over:.2f}"))


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)
