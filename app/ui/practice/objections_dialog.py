"""The objection library: pick an objection, pick the step where the prospect raises it, and
it goes into the script with its prepared answer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _
from app.core.practice.objections import CannotInsert, Objection, insert_objection, objections
from app.core.script import parse


class ObjectionsDialog(QDialog):
    inserted = Signal(str, str)  # the script's new text, and the objection's words

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Objection library"))
        self.text = text
        script = parse(text)
        self.library = objections(script.language)
        self.list = QListWidget()
        for objection in self.library:
            item = QListWidgetItem(objection.says)
            item.setToolTip("\n".join(objection.answer))
            self.list.addItem(item)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.step_box = QComboBox()
        self.step_box.setAccessibleName(_("Step"))
        for step in script.steps:
            if not step.is_ending:
                self.step_box.addItem(step.name)
        buttons = QDialogButtonBox()
        self.insert_button = buttons.addButton(
            _("Add to the script"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("The prospect says it after")))
        row.addWidget(self.step_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(_("Each answer acknowledges the objection, asks a question, and redirects."))
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(self.answer)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.insert_button.clicked.connect(self.insert_current)
        buttons.rejected.connect(self.reject)
        self.list.setCurrentRow(0)

    def current(self) -> Objection | None:
        row = self.list.currentRow()
        return self.library[row] if 0 <= row < len(self.library) else None

    def _show(self, _row: int) -> None:
        objection = self.current()
        self.answer.setText("\n".join(objection.answer) if objection else "")

    def insert_current(self) -> bool:
        objection = self.current()
        if objection is None or not self.step_box.currentText():
            return False
        try:
            self.text = insert_objection(self.text, objection, self.step_box.currentText())
        except CannotInsert:
            self.answer.setText(
                _("“{step}” already has this answer.").format(step=self.step_box.currentText())
            )
            return False
        self.inserted.emit(self.text, objection.says)
        return True
