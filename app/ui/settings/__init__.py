"""Settings (Ctrl+,): every section of the dialog, put together in one place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core.i18n import _
from app.ui.feedback.model_setting import ModelFolderSetting
from app.ui.settings.data_section import DataSection
from app.ui.settings.dialog import SettingsDialog
from app.ui.settings.sections import (
    DevicesSection,
    LanguageSection,
    ProfileSection,
    ProspectVoiceSection,
)

__all__ = ["SettingsDialog", "build_settings"]


class SpeechModelSection(QWidget):
    """The speech model that writes the transcripts (a folder, checked before it is kept)."""

    def __init__(self, conn: sqlite3.Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setting = ModelFolderSetting(conn)
        self.note = QLabel(
            _(
                "The built-in model understands English only. For Dutch, choose the folder of "
                "a multilingual Whisper model."
            )
        )
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.setting)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setting.message.connect(self.note.setText)

    def save(self) -> None:
        self.setting.save()


def build_settings(conn: sqlite3.Connection, home: Path, parent: QWidget) -> SettingsDialog:
    dialog = SettingsDialog(parent)
    dialog.add_section(_("About you"), ProfileSection(conn))
    dialog.add_section(_("Language"), LanguageSection(conn))
    dialog.add_section(_("Microphone and speaker"), DevicesSection(conn))
    dialog.add_section(_("Speech model"), SpeechModelSection(conn))
    dialog.add_section(_("Prospect's voice"), ProspectVoiceSection(conn))
    dialog.add_section(_("Your data"), DataSection(home))
    return dialog
