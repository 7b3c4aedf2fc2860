"""The selected take's rating ("sounds like me", 1 to 5), star, notes; delete; blind compare."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.core.i18n import _
from app.core.takes import Take


class TakeDetails(QWidget):
    rating_chosen = Signal(int)
    star_toggled = Signal(bool)
    notes_edited = Signal(str)
    delete_clicked = Signal()
    compare_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.take: Take | None = None
        self.rating = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Sounds like me:")))
        for value in range(1, 6):
            button = QToolButton()
            button.setText(str(value))
            button.setCheckable(True)
            button.setAccessibleName(_("Sounds like me: {value} of 5").format(value=value))
            self.rating.addButton(button, value)
            layout.addWidget(button)
        self.star_button = QToolButton()
        self.star_button.setText(_("★ Best"))
        self.star_button.setCheckable(True)
        self.star_button.setToolTip(_("Mark this take as the best of this script"))
        self.notes_edit = QLineEdit()
        self.notes_edit.setPlaceholderText(_("Notes on this take"))
        self.notes_edit.setAccessibleName(_("Notes"))
        self.delete_button = QPushButton(_("Delete"))
        self.compare_button = QPushButton(_("Blind compare"))
        self.compare_button.setToolTip(
            _("Select two takes, hear them as X and Y, and pick the more natural one")
        )
        layout.addWidget(self.star_button)
        layout.addWidget(self.notes_edit, 1)
        layout.addWidget(self.delete_button)
        layout.addWidget(self.compare_button)
        self.rating.idClicked.connect(self.rating_chosen)
        self.star_button.clicked.connect(self.star_toggled)
        self.notes_edit.editingFinished.connect(self._on_notes)
        self.delete_button.clicked.connect(self.delete_clicked)
        self.compare_button.clicked.connect(self.compare_clicked)
        self.show_take(None, 0)

    def show_take(self, take: Take | None, selected: int) -> None:
        """Show one take's details (None: none or several are selected)."""
        self.take = take
        self.rating.setExclusive(False)
        for button in self.rating.buttons():
            button.setChecked(take is not None and self.rating.id(button) == take.rating)
            button.setEnabled(take is not None)
        self.rating.setExclusive(True)
        self.star_button.setChecked(bool(take and take.starred))
        self.star_button.setEnabled(take is not None)
        self.notes_edit.setText(take.notes if take else "")
        self.notes_edit.setEnabled(take is not None)
        self.delete_button.setEnabled(selected > 0)
        self.compare_button.setEnabled(selected == 2)

    def _on_notes(self) -> None:
        if self.take is not None and self.notes_edit.text().strip() != self.take.notes:
            self.notes_edited.emit(self.notes_edit.text())
