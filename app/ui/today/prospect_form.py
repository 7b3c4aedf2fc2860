"""Add or edit one prospect by hand."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.core.i18n import _
from app.core.prospecting import TIERS, ProspectDraft


def tier_names() -> dict[str, str]:
    return {
        "A": _("A: most important"),
        "B": _("B: worth a call"),
        "C": _("C: warm-up"),
    }


class ProspectForm(QDialog):
    def __init__(
        self,
        draft: ProspectDraft,
        scripts: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Prospect"))
        self.name = QLineEdit(draft.name)
        self.company = QLineEdit(draft.company)
        self.phone = QLineEdit(draft.phone)
        self.tier = QComboBox()
        for tier in TIERS:
            self.tier.addItem(tier_names()[tier], tier)
        self.tier.setCurrentIndex(TIERS.index(draft.tier))
        self.script = QComboBox()
        self.script.addItem(_("(the first script)"), None)
        for script_id, title in scripts:
            self.script.addItem(title, script_id)
        if draft.script_id is not None:
            self.script.setCurrentIndex(max(0, self.script.findData(draft.script_id)))
        self.notes = QPlainTextEdit(draft.notes)
        self.notes.setMaximumHeight(90)
        self.problem = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Company"), self.company)
        form.addRow(_("Phone"), self.phone)
        form.addRow(_("Tier"), self.tier)
        form.addRow(_("Script"), self.script)
        form.addRow(_("Notes"), self.notes)
        form.addRow("", self.problem)
        form.addRow(buttons)

    def draft(self) -> ProspectDraft:
        return ProspectDraft(
            self.name.text().strip(),
            self.company.text().strip(),
            self.phone.text().strip(),
            self.tier.currentData(),
            self.notes.toPlainText(),
            self.script.currentData(),
        )

    def _save(self) -> None:
        if not self.name.text().strip():
            self.problem.setText(_("A prospect needs a name."))
            return
        self.accept()
