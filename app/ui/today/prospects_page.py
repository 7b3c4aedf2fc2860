"""The Prospects tab: the people to call, added by hand or imported from a CRM, exported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _, n_
from app.core.prospecting import Prospect, ProspectDraft
from app.ui.today.hub import Prospecting


class ProspectsPage(QWidget):
    message = Signal(str)

    def __init__(
        self, hub: Prospecting, library: Callable[[], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.hub, self.library = hub, library
        self.dialog: Any = None
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_("Name"), _("Company"), _("Phone"), _("Tier"), _("Notes")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add…"))
        self.edit_button = QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Delete"))
        self.import_button = QPushButton(_("Import CSV…"))
        self.export_button = QPushButton(_("Export CSV…"))
        for button in (
            self.add_button, self.edit_button, self.delete_button,
            self.import_button, self.export_button,
        ):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected()))
        self.table.doubleClicked.connect(lambda _index: self.edit(self.selected()))
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        hub.prospects_changed.connect(self.reload)
        self.prospects: list[Prospect] = []

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        self.prospects = self.hub.prospects.all()
        self.table.setRowCount(len(self.prospects))
        for row, p in enumerate(self.prospects):
            for column, value in enumerate((p.name, p.company, p.phone, p.tier, p.notes)):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def selected(self) -> Prospect | None:
        row = self.table.currentRow()
        return self.prospects[row] if 0 <= row < len(self.prospects) else None

    def edit(self, prospect: Prospect | None) -> Any:
        from app.ui.today.prospect_form import ProspectForm

        scripts = [(info.id, info.title) for info in self.library().list_scripts()]
        draft = prospect.draft() if prospect is not None else ProspectDraft("")
        self.dialog = ProspectForm(draft, scripts, self)
        self.dialog.accepted.connect(lambda: self._save(prospect, self.dialog.draft()))
        self.dialog.open()
        return self.dialog

    def _save(self, prospect: Prospect | None, draft: ProspectDraft) -> None:
        if prospect is None:
            self.hub.prospects.add(draft)
        else:
            self.hub.prospects.update(prospect.id, draft)
        self.hub.prospects_changed.emit()

    def delete_selected(self) -> None:
        prospect = self.selected()
        if prospect is not None:
            self.hub.prospects.delete(prospect.id)
            self.hub.prospects_changed.emit()
            self.message.emit(_("{name} was deleted.").format(name=prospect.name))

    def choose_import(self) -> Any:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import prospects"), "", _("CSV files (*.csv *.txt);;All files (*)")
        )
        return self.import_file(Path(path)) if path else None

    def import_file(self, path: Path) -> Any:
        from app.ui.today.import_dialog import ImportDialog

        self.dialog = ImportDialog(path, self.hub.prospects, self)
        self.dialog.imported.connect(self._imported)
        self.dialog.failed.connect(self.message.emit)
        self.dialog.open()
        return self.dialog

    def _imported(self, count: int) -> None:
        self.hub.prospects_changed.emit()
        self.message.emit(
            n_("{count} prospect imported.", "{count} prospects imported.", count).format(
                count=count
            )
        )

    def choose_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export prospects"), "prospects.csv", _("CSV files (*.csv)")
        )
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        from app.core.prospecting.csv_export import export_csv

        try:
            export_csv(self.hub.prospects.all(), path)
        except OSError as exc:
            self.message.emit(_("The file could not be saved ({detail}).").format(detail=exc))
            return
        self.message.emit(_("Prospects saved to {name}.").format(name=path.name))
