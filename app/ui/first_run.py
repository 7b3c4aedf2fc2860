"""Getting started: three screens on a first start (and from Help at any time).

Who you are (it fills {my_name} and {my_company}), your language, and one minute of talking
freely about your work: the natural voice that feedback measures every later take against,
with a microphone check on the way. Every screen can be skipped.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.core.i18n import _
from app.core.store import get_setting, put_setting
from app.ui.level_meter import LevelMeter
from app.ui.settings.sections import LanguageSection, ProfileSection

if TYPE_CHECKING:
    from app.audio.recorder import RecorderStatus
    from app.ui.feedback.natural_voice import NaturalVoicePanel

DONE = "firstrun.done"  # '1' once the user finished or skipped getting started
HEARD_DB = -45.0  # RMS above this: the microphone hears the user
SILENT_SECONDS = 3.0  # this long below it: say so, before a minute of silence is recorded


def first_run_done(conn: sqlite3.Connection) -> bool:
    return get_setting(conn, DONE) == "1"


def _page(title: str, subtitle: str, body: QWidget) -> QWizardPage:
    page = QWizardPage()
    page.setTitle(title)
    page.setSubTitle(subtitle)
    layout = QVBoxLayout(page)
    layout.addWidget(body)
    layout.addStretch(1)
    return page


class VoicePage(QWizardPage):
    """A minute of talking freely, recorded as the natural voice, level meter and all."""

    def __init__(self, natural: NaturalVoicePanel) -> None:
        super().__init__()
        self.natural = natural
        self.setTitle(_("Your natural voice"))
        self.setSubTitle(
            _(
                "Feedback tells reading from talking by comparing each take with how you "
                "sound when you just talk. Record that once: about a minute."
            )
        )
        self.prompt = QLabel(natural.prompt.text())
        self.prompt.setWordWrap(True)
        self.meter = LevelMeter()
        self.check = QLabel(_("Start, and watch the bar move as you speak."))
        self.check.setWordWrap(True)
        self.elapsed = QLabel()
        self.start_button = QPushButton(_("Start recording"))
        self.stop_button = QPushButton(_("Stop"))
        self.stop_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        row.addWidget(self.elapsed, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        layout.addWidget(self.meter)
        layout.addWidget(self.check)
        layout.addStretch(1)
        self.heard = False
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(natural.stop)
        natural.elapsed_changed.connect(self.elapsed.setText)
        natural.recorded.connect(self._on_recorded)
        recorder = natural.recorder
        if recorder is not None:
            recorder.poller.recorder_status.connect(self._on_status)
            recorder.recording_changed.connect(self._on_recording_changed)

    @property
    def recording(self) -> bool:
        return self.natural.pending is not None

    def start(self) -> None:
        self.heard = False
        self.natural.start()
        if self.recording:
            self.check.setText(_("Listening…"))

    def _on_status(self, status: RecorderStatus) -> None:
        if not self.recording:
            return
        self.meter.set_level(status.level)
        if status.level.rms_db > HEARD_DB:
            self.heard = True
            self.check.setText(_("The microphone hears you. Keep talking."))
        elif not self.heard and status.seconds > SILENT_SECONDS:
            self.check.setText(
                _(
                    "The microphone hears nothing. Is it muted, or is another one chosen? "
                    "Stop, and pick it under Settings > Microphone and speaker."
                )
            )

    def _on_recording_changed(self, recording: bool) -> None:
        self.start_button.setEnabled(not recording)
        self.stop_button.setEnabled(recording)
        if not recording:
            self.meter.reset()
        self.completeChanged.emit()

    def _on_recorded(self, _take: object) -> None:
        self.check.setText(
            _("Got it. From now on, feedback measures your takes against your natural voice.")
        )

    def isComplete(self) -> bool:
        return not self.recording  # Done waits for the minute (or Stop)


class FirstRunWizard(QWizard):
    def __init__(
        self, conn: sqlite3.Connection, natural: NaturalVoicePanel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.conn = conn
        self.setWindowTitle(_("Getting started"))
        self.setObjectName("first-run")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.profile = ProfileSection(conn)
        self.language = LanguageSection(conn)
        self.voice = VoicePage(natural)
        self.addPage(
            _page(
                _("Who you are"),
                _("So that your scripts can say who is calling."),
                self.profile,
            )
        )
        self.addPage(
            _page(_("Your language"), _("Pitchback speaks English and Dutch."), self.language)
        )
        self.addPage(self.voice)
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Skip"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Done"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("Back"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(680, 520)

    def accept(self) -> None:
        self.profile.save()
        put_setting(self.conn, DONE, "1")
        super().accept()
        self.language.save()  # last: it may offer to restart

    def reject(self) -> None:
        """Skip: nothing typed is kept; Help > Getting started brings it back."""
        if self.voice.recording:
            self.voice.natural.stop()
        put_setting(self.conn, DONE, "1")
        super().reject()
