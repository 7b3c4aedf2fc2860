"""How the practice call goes: the prospect's voice, which answers come, what is drilled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from app.core.i18n import _
from app.core.practice.patience import DIFFICULTIES, Difficulty
from app.core.practice.settings import (
    CHOICE_KINDS,
    VOICE_SOURCES,
    ChoiceKind,
    PracticeSettings,
    VoiceSource,
)


def voice_source_names() -> dict[str, str]:
    """How each source of the prospect's voice is named to the user."""
    return {
        "system": _("The computer's voice"),
        "recorded": _("Recorded lines"),
        "none": _("No voice (text only)"),
    }


class VoiceBox(QComboBox):
    """Lists the system's voices only when opened: opening the speech engine takes a second."""

    def __init__(self) -> None:
        super().__init__()
        self.loader: Callable[[], list[str]] | None = None

    def showPopup(self) -> None:
        loader, self.loader = self.loader, None
        if loader is not None:
            chosen = self.currentText()
            names = loader()
            self.clear()
            self.addItems(names or [_("(no speech engine)")])
            self.setCurrentIndex(max(0, self.findText(chosen)))
        super().showPopup()


class OptionsBar(QWidget):
    changed = Signal(object)  # PracticeSettings
    system_voice_chosen = Signal(str)  # a voice name, for the script's language

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = PracticeSettings()
        self.voice_box = QComboBox()
        self.voice_box.setAccessibleName(_("Prospect's voice"))
        names = voice_source_names()
        for source in VOICE_SOURCES:
            self.voice_box.addItem(names[source], source)
        self.system_box = VoiceBox()
        self.system_box.setAccessibleName(_("Computer voice"))
        self.choice_box = QComboBox()
        self.choice_box.setAccessibleName(_("Which answer comes"))
        choices = {
            "random": _("At random"),
            "weighted": _("Weakest answers first"),
            "drill": _("Drill one answer"),
        }
        for kind in CHOICE_KINDS:
            self.choice_box.addItem(choices[kind], kind)
        self.drill_box = QComboBox()
        self.drill_box.setAccessibleName(_("Answer to drill"))
        self.difficulty_box = QComboBox()
        self.difficulty_box.setAccessibleName(_("How patient the prospect is"))
        self.difficulty_box.setToolTip(
            _(
                "Easy: the prospect lets you talk and accepts a good answer. Tough: they cut "
                "you off sooner and often object a second time."
            )
        )
        levels = {"easy": _("Easy"), "normal": _("Normal"), "tough": _("Tough")}
        for level in DIFFICULTIES:
            self.difficulty_box.addItem(levels[level], level)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("The prospect's name"))
        self.name_edit.setMaximumWidth(120)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(_("Voice")), 0, 0)
        grid.addWidget(self.voice_box, 0, 1)
        grid.addWidget(self.system_box, 0, 2)
        grid.addWidget(QLabel(_("Prospect")), 0, 3)
        grid.addWidget(self.name_edit, 0, 4)
        grid.addWidget(QLabel(_("Answers")), 1, 0)
        grid.addWidget(self.choice_box, 1, 1)
        grid.addWidget(self.drill_box, 1, 2)
        grid.addWidget(QLabel(_("Prospect's patience")), 1, 3)
        grid.addWidget(self.difficulty_box, 1, 4)
        grid.setColumnStretch(2, 1)
        self.voice_box.activated.connect(self._emit)
        self.choice_box.activated.connect(self._emit)
        self.drill_box.activated.connect(self._emit)
        self.difficulty_box.activated.connect(self._emit)
        self.name_edit.editingFinished.connect(self._emit)
        self.system_box.activated.connect(
            lambda _i: self.system_voice_chosen.emit(self.system_box.currentText())
        )

    def set_settings(self, settings: PracticeSettings) -> None:
        self.settings = settings
        self.voice_box.setCurrentIndex(max(0, self.voice_box.findData(settings.voice)))
        self.choice_box.setCurrentIndex(max(0, self.choice_box.findData(settings.choice)))
        self.drill_box.setCurrentIndex(max(0, self.drill_box.findData(settings.drill_key)))
        self.name_edit.setText(settings.prospect_name)
        level = self.difficulty_box.findData(settings.difficulty)
        self.difficulty_box.setCurrentIndex(max(0, level))
        self._enable()

    def set_answers(self, answers: list[tuple[str, str]]) -> None:
        """The answers that can be drilled: (key, label)."""
        self.drill_box.clear()
        for key, label in answers:
            self.drill_box.addItem(label, key)
        self.drill_box.setCurrentIndex(max(0, self.drill_box.findData(self.settings.drill_key)))
        self._enable()

    def set_system_voices(self, chosen: str, names: Callable[[], list[str]]) -> None:
        """Show the chosen voice; ``names`` lists them all, once the list is opened."""
        self.system_box.clear()
        self.system_box.addItem(chosen or _("Default voice"))
        self.system_box.loader = names
        self._enable()

    def _enable(self) -> None:
        self.system_box.setEnabled(self.settings.voice != "none")
        self.drill_box.setEnabled(self.settings.choice == "drill" and self.drill_box.count() > 0)

    def _emit(self) -> None:
        voice: VoiceSource = self.voice_box.currentData()
        choice: ChoiceKind = self.choice_box.currentData()
        difficulty: Difficulty = self.difficulty_box.currentData()
        self.settings = replace(
            self.settings,
            voice=voice,
            choice=choice,
            drill_key=self.drill_box.currentData() or "",
            prospect_name=self.name_edit.text().strip() or self.settings.prospect_name,
            difficulty=difficulty,
        )
        self._enable()
        self.changed.emit(self.settings)
