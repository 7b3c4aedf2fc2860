"""The Settings dialog's sections: who you are, language, devices, the prospect's voice."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QProcess, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from app.audio.errors import AudioError
from app.audio.remembered import remember, remembered_name
from app.core.i18n import LANGUAGES, _, language, system_language
from app.core.practice.settings import (
    VOICE_SOURCES,
    load_settings,
    save_settings,
    set_system_voice,
    system_voice,
)
from app.core.profile import Profile, load_profile, save_profile
from app.core.store import get_setting, put_setting

LANGUAGE = "language"  # '' follows the system, else 'en' or 'nl'


class ProfileSection(QWidget):
    """Your name and company: they fill {my_name} and {my_company} in every script."""

    def __init__(self, conn: sqlite3.Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn = conn
        profile = load_profile(conn)
        self.name = QLineEdit(profile.my_name)
        self.name.setPlaceholderText(_("e.g. Ann Peeters"))
        self.company = QLineEdit(profile.my_company)
        self.company.setPlaceholderText(_("e.g. Acme Logistics"))
        form = QFormLayout(self)
        note = QLabel(_("Your scripts say this wherever they have {my_name} and {my_company}."))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(_("Your name"), self.name)
        form.addRow(_("Your company"), self.company)

    def save(self) -> None:
        save_profile(self.conn, Profile(self.name.text(), self.company.text()))


def ask_restart(parent: QWidget) -> bool:
    """Ask whether to restart now (a modal question; tests replace this function)."""
    answer = QMessageBox.question(
        parent,
        _("Restart Pitchback?"),
        _("The new language shows after a restart. Restart Pitchback now?"),
    )
    return answer == QMessageBox.StandardButton.Yes


def restart_app() -> None:
    """Start Pitchback again with the same command line, then close this one."""
    QProcess.startDetached(sys.executable, sys.orig_argv[1:])
    for window in QApplication.topLevelWidgets():
        window.close()  # each page finishes what it records first
    QApplication.quit()


class LanguageSection(QWidget):
    def __init__(self, conn: sqlite3.Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.box = language_box(get_setting(conn, LANGUAGE) or "")
        form = QFormLayout(self)
        form.addRow(_("Language"), self.box)

    def save(self) -> None:
        chosen = self.box.currentData()
        if chosen == (get_setting(self.conn, LANGUAGE) or ""):
            return
        put_setting(self.conn, LANGUAGE, chosen)
        if (chosen or system_language()) != language() and ask_restart(self):
            QTimer.singleShot(0, restart_app)  # once the dialog has closed


def language_box(current: str) -> QComboBox:
    """System / English / Nederlands, with ``current`` ('' for the system's) chosen."""
    box = QComboBox()
    box.setAccessibleName(_("Language"))
    box.addItem(_("Same as the system"), "")
    for code, name in LANGUAGES.items():
        box.addItem(name, code)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class DevicesSection(QWidget):
    """The microphone and speaker every page uses (remembered by name)."""

    def __init__(self, conn: sqlite3.Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.boxes = {"input": QComboBox(), "output": QComboBox()}
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_("Microphone"), self.boxes["input"])
        form.addRow(_("Speaker"), self.boxes["output"])
        form.addRow(self.problem)
        try:
            from app.audio.devices import list_devices

            for kind, box in self.boxes.items():
                wanted = remembered_name(conn, kind)  # type: ignore[arg-type]
                for device in list_devices(kind):  # type: ignore[arg-type]
                    box.addItem(device.label, device.label)
                    if wanted in (device.label, device.name) or (
                        wanted is None and device.is_default
                    ):
                        box.setCurrentIndex(box.count() - 1)
        except AudioError as exc:
            self.problem.setText(str(exc))
        self.problem.setVisible(bool(self.problem.text()))

    def save(self) -> None:
        for kind, box in self.boxes.items():
            if box.currentData():
                remember(self.conn, kind, box.currentData())  # type: ignore[arg-type]


class ProspectVoiceSection(QWidget):
    """How the prospect speaks on the live call, and which computer voice per language."""

    def __init__(self, conn: sqlite3.Connection, parent: QWidget | None = None) -> None:
        from app.ui.practice.options_bar import voice_source_names

        super().__init__(parent)
        self.conn = conn
        self.source = QComboBox()
        names = voice_source_names()
        for source in VOICE_SOURCES:
            self.source.addItem(names[source], source)
        self.source.setCurrentIndex(self.source.findData(load_settings(conn).voice))
        self.voices = {code: QComboBox() for code in LANGUAGES}
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_("The prospect speaks with"), self.source)
        for code, box in self.voices.items():
            box.addItem(system_voice(conn, code) or _("Default voice"), system_voice(conn, code))
            form.addRow(_("Computer voice ({language})").format(language=LANGUAGES[code]), box)
        form.addRow(self.note)
        self._listed = False
        self.list_voices: Callable[[str], list[str]] = self._system_voices

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._listed:  # the speech engine takes a moment to open: only when looked at
            self._listed = True
            for code, box in self.voices.items():
                chosen = box.currentData()
                for name in self.list_voices(code):
                    if name != chosen:
                        box.addItem(name, name)

    def _system_voices(self, language: str) -> list[str]:
        from app.ui.practice.system_voice import NoSpeechEngine, SystemVoice

        try:
            engine = SystemVoice(parent=self)
        except NoSpeechEngine as exc:
            self.note.setText(str(exc))
            return []
        names = [voice.name() for voice in engine.voices(language)]
        engine.deleteLater()
        return names

    def save(self) -> None:
        settings = load_settings(self.conn)
        save_settings(self.conn, replace(settings, voice=self.source.currentData()))
        for code, box in self.voices.items():
            set_system_voice(self.conn, code, box.currentData() or "")
