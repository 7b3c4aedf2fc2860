"""Who the call is to: the prospect's first name and company, typed on a practice page.

They fill {first_name} and {company} in the prompter; with the user's profile ({my_name},
{my_company}) they make the values a page hands to ``PrompterView.set_values``.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from app.core.i18n import _
from app.core.profile import load_profile
from app.core.script.placeholders import prospect_values


def script_values(
    conn: sqlite3.Connection, first_name: str = "", company: str = ""
) -> dict[str, str]:
    """Every placeholder value known now: the profile's and the prospect's."""
    return {**load_profile(conn).values(), **prospect_values(first_name, company)}


class ProspectFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_name = QLineEdit()
        self.first_name.setPlaceholderText(_("First name"))
        self.first_name.setAccessibleName(_("The prospect's first name"))
        self.company = QLineEdit()
        self.company.setPlaceholderText(_("Company"))
        self.company.setAccessibleName(_("The prospect's company"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Prospect:")))
        layout.addWidget(self.first_name)
        layout.addWidget(self.company)
        self.first_name.textChanged.connect(self.changed)
        self.company.textChanged.connect(self.changed)

    def values(self, conn: sqlite3.Connection) -> dict[str, str]:
        return script_values(conn, self.first_name.text(), self.company.text())
