"""The voicemail's length: words, seconds at the user's pace, and a bar up to 30 seconds."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from app.core.i18n import _
from app.core.script import SpeechEstimate

LIMIT_SECONDS = 30.0
GOOD_SECONDS = 25.0
_STEPS_PER_SECOND = 10
_COLOURS = {"good": "#2e7d32", "close": "#d08a00", "over": "#c62828"}


def verdict(seconds: float) -> str:
    """'good' up to 25 s, 'close' up to 30 s, 'over' beyond."""
    if seconds <= GOOD_SECONDS:
        return "good"
    return "close" if seconds <= LIMIT_SECONDS else "over"


class VoicemailMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # a long Dutch line must not widen the window
        self.bar = QProgressBar()
        self.bar.setRange(0, int(LIMIT_SECONDS * _STEPS_PER_SECOND))
        self.bar.setTextVisible(True)
        self.bar.setMaximumWidth(220)
        self.bar.setAccessibleName(_("Voicemail length against 30 seconds"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.bar)
        self.state = ""

    def show_estimate(self, estimate: SpeechEstimate, words_per_minute: float, own: bool) -> None:
        pace = (
            _("your pace: {wpm} wpm").format(wpm=round(words_per_minute))
            if own
            else _("{wpm} wpm (default)").format(wpm=round(words_per_minute))
        )
        seconds = f"{estimate.seconds:.0f}"
        self.summary.setText(
            _("Voicemail: {words} words, about {seconds} s at {pace}").format(
                words=estimate.words, seconds=seconds, pace=pace
            )
        )
        steps = round(min(estimate.seconds, LIMIT_SECONDS) * _STEPS_PER_SECOND)
        self.bar.setValue(steps)
        self.bar.setFormat(_("{seconds} s of 30").format(seconds=seconds))
        state = verdict(estimate.seconds)
        if state != self.state:
            self.state = state
            colour = _COLOURS[state]
            self.bar.setStyleSheet(f"QProgressBar::chunk {{ background-color: {colour}; }}")
