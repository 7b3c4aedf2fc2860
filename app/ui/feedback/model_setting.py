"""The setting for the Whisper model's folder: the built-in models (tiny.en for English,
the multilingual base for Dutch), or any CTranslate2 Whisper model the user has, which then
serves every language. A folder is checked for the model's files before it is kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.core.i18n import _
from app.core.store import get_setting, put_setting

SETTING = "transcript.model_folder"  # '' or missing: the built-in models


def model_folder(conn: sqlite3.Connection) -> Path | None:
    """The chosen Whisper model's folder; None for the built-in model."""
    value = get_setting(conn, SETTING)
    return Path(value) if value else None


def choose_folder(parent: QWidget, start: str) -> str:
    """Ask for a folder (a modal dialog; tests replace this function)."""
    return QFileDialog.getExistingDirectory(parent, _("Choose a Whisper model folder"), start)


class ModelFolderSetting(QWidget):
    message = Signal(str)  # what was kept, or why a folder was not

    def __init__(self, conn: sqlite3.Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.field = QLineEdit()
        self.field.setReadOnly(True)
        self.field.setAccessibleName(_("Speech model folder"))
        self.choose_button = QPushButton(_("Choose…"))
        self.builtin_button = QPushButton(_("Use the built-in models"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Speech model:")))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.builtin_button)
        self.choose_button.clicked.connect(self._choose)
        self.builtin_button.clicked.connect(lambda: self._keep(""))
        self._show()

    @property
    def folder(self) -> Path | None:
        return model_folder(self.conn)

    def save(self) -> None:
        """As a Settings section: nothing left to keep, a folder is kept once checked."""

    def _show(self) -> None:
        folder = self.folder
        builtin = _("Built-in: Whisper tiny.en for English, base for Dutch")
        self.field.setText(str(folder) if folder else builtin)
        self.builtin_button.setEnabled(folder is not None)

    def _choose(self) -> None:
        chosen = choose_folder(self, str(self.folder or Path.home()))
        if chosen:
            self._keep(chosen)

    def _keep(self, folder: str) -> None:
        from app.core.transcript import TranscriptError
        from app.core.transcript.model import check_model_dir

        if folder:
            try:
                check_model_dir(Path(folder))
            except TranscriptError as error:
                self.message.emit(error.message)
                return
        put_setting(self.conn, SETTING, folder)
        self._show()
        self.message.emit(
            _("New transcripts will use the speech model in {folder}.").format(folder=folder)
            if folder
            else _("New transcripts will use the built-in speech models.")
        )
