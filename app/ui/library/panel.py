"""The library panel: search, the list of scripts, and buttons for what can be done to them."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLineEdit,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _
from app.core.library import ScriptInfo
from app.ui.library.model import ScriptListModel


class LibraryPanel(QWidget):
    chosen = Signal(int)  # the user picked this script in the list

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search scripts (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.model = ScriptListModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.list.setAccessibleName(_("Scripts"))
        buttons = QGridLayout()
        buttons.setSpacing(4)
        for number, action in enumerate(actions):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button, number // 2, number % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.selectionModel().currentChanged.connect(self._on_current)

    def show_scripts(self, scripts: list[ScriptInfo], current: int | None) -> None:
        """List ``scripts`` and mark ``current`` if it is among them; emits nothing."""
        self.list.selectionModel().blockSignals(True)
        try:
            self.model.set_scripts(scripts)
            self.mark(current)
        finally:
            self.list.selectionModel().blockSignals(False)
        self.list.viewport().update()

    def mark(self, script_id: int | None) -> None:
        row = -1 if script_id is None else self.model.row_of(script_id)
        selection = self.list.selectionModel()
        if row < 0:
            selection.clear()
            return
        index = self.model.index(row, 0)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)

    def edit_title(self, script_id: int) -> None:
        row = self.model.row_of(script_id)
        if row >= 0:
            self.list.setFocus()
            self.list.edit(self.model.index(row, 0))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.chosen.emit(self.model.script_at(current.row()).id)
