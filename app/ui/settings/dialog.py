"""The Settings dialog (Ctrl+,): one page per section; OK keeps what every section shows.

A section is any QWidget with ``save()``; ``add_section`` puts one in, so a new area of the
app (the daily block, say) plugs in with one line where the dialog is made. A section whose
``save()`` returns False could not keep what it shows (it says why on its page): the dialog
then stays open on that page.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _


class Section(Protocol):
    def save(self) -> bool | None: ...


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.setObjectName("settings-dialog")
        self.titles = QListWidget()
        self.titles.setObjectName("settings-sections")
        self.pages = QStackedWidget()
        self.sections: list[QWidget] = []
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons = buttons
        row = QHBoxLayout()
        row.addWidget(self.titles)
        row.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.titles.currentRowChanged.connect(self.pages.setCurrentIndex)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(760, 480)

    def add_section(self, title: str, section: QWidget) -> None:
        """Add a page; ``section.save()`` is called when the user presses OK."""
        self.sections.append(section)
        self.titles.addItem(title)
        # As wide as the longest title in this language: no title cut, no scroll bar.
        width = self.titles.sizeHintForColumn(0) + 2 * self.titles.frameWidth() + 16
        self.titles.setFixedWidth(max(160, width))
        self.pages.addWidget(section)
        if self.titles.currentRow() < 0:
            self.titles.setCurrentRow(0)

    def show_section(self, section: QWidget) -> None:
        self.titles.setCurrentRow(self.sections.index(section))

    def accept(self) -> None:
        for section in self.sections:
            if section.save() is False:  # type: ignore[attr-defined]
                self.show_section(section)
                return
        super().accept()
