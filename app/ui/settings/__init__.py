"""Settings (Ctrl+,): every section of the dialog, put together in one place."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
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
                "The models that come with Pitchback hear English and Dutch. A Whisper model "
                "folder chosen here serves every language instead."
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


def build_settings(
    conn: sqlite3.Connection,
    home: Path,
    parent: QWidget,
    more: Sequence[tuple[str, QWidget]] = (),
) -> SettingsDialog:
    """The dialog with every section; ``more``: sections of areas built elsewhere (the daily
    block's, which needs the block's owner)."""
    dialog = SettingsDialog(parent)
    dialog.add_section(_("About you"), ProfileSection(conn))
    dialog.add_section(_("Language"), LanguageSection(conn))
    dialog.add_section(_("Microphone and speaker"), DevicesSection(conn))
    dialog.add_section(_("Speech model"), SpeechModelSection(conn))
    dialog.add_section(_("Prospect's voice"), ProspectVoiceSection(conn))
    for title, section in more:
        dialog.add_section(title, section)
    dialog.add_section(_("Your data"), DataSection(home))
    return dialog
