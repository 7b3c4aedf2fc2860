"""The outline: the voicemail, then the steps of the call, numbered; a click jumps to one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.core.i18n import _
from app.core.script.model import Script
from app.core.script.problems import shown


class Outline(QListWidget):
    line_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self._entries: list[tuple[str, bool]] = []
        self._lines: list[int] = []
        self._has_voicemail = False
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)

    def show_script(self, script: Script) -> None:
        voicemail = script.voicemail
        entries = [(step.name, step.is_ending) for step in script.steps]
        self._lines = [step.line for step in script.steps]
        if voicemail is not None:
            self._lines.insert(0, voicemail.line)
        if entries == self._entries and (voicemail is not None) == self._has_voicemail:
            return  # only lines moved, and _chosen reads them from _lines
        offset = 1 if voicemail is not None else 0
        if len(entries) == len(self._entries) and (voicemail is not None) == self._has_voicemail:
            # A renamed step: change its row only, not the whole list.
            for number, (entry, was) in enumerate(zip(entries, self._entries, strict=True)):
                if entry != was:
                    self._style(self.item(number + offset), number + 1, *entry)
        else:
            current = self.currentRow()
            self.clear()
            if voicemail is not None:
                item = QListWidgetItem(_("Voicemail"))
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                self.addItem(item)
            for number, entry in enumerate(entries, start=1):
                item = QListWidgetItem()
                self._style(item, number, *entry)
                self.addItem(item)
            if 0 <= current < self.count():
                self.setCurrentRow(current)
        self._entries, self._has_voicemail = entries, voicemail is not None

    @staticmethod
    def _style(item: QListWidgetItem, number: int, name: str, ending: bool) -> None:
        item.setText(f"{number}. {shown(name)}")
        item.setData(Qt.ItemDataRole.ForegroundRole, QColor("#2e7d32") if ending else None)
        item.setToolTip(_("The call ends here.") if ending else "")

    def step_names(self) -> list[str]:
        """The steps of the call as listed (the voicemail is not a step)."""
        return [name for name, _ending in self._entries]

    def set_current_line(self, line: int) -> None:
        """Mark the entry whose section holds ``line``, without jumping anywhere."""
        # The voicemail may come after the steps, so the entries are not in line order.
        row, best = -1, 0
        for index, start in enumerate(self._lines):
            if best < start <= line:
                row, best = index, start
        if row != self.currentRow():
            self.blockSignals(True)
            self.setCurrentRow(row)
            self.blockSignals(False)

    def _chosen(self, item: QListWidgetItem) -> None:
        row = self.row(item)
        if 0 <= row < len(self._lines):
            self.line_chosen.emit(self._lines[row])
