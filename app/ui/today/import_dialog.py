"""Importing prospects from a CSV file: read off the GUI thread, then a mapping step (each
field's column, guessed from the CRM's names), then everything in one transaction."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _, n_
from app.core.prospecting import ProspectStore
from app.core.prospecting.csv_import import (
    FIELDS,
    Field,
    ImportProblem,
    Plan,
    Table,
    guess_mapping,
    plan_import,
    read_table,
)


def field_names() -> dict[Field, str]:
    return {
        "name": _("Name"),
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "company": _("Company"),
        "phone": _("Phone"),
        "tier": _("Tier (A, B, C)"),
        "notes": _("Notes"),
    }


class ImportDialog(QDialog):
    imported = Signal(int)  # how many prospects were added
    failed = Signal(str)  # why the file could not be read, in the user's words

    def __init__(self, path: Path, store: ProspectStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.table: Table | None = None
        self.setWindowTitle(_("Import prospects from {name}").format(name=path.name))
        self.status = QLabel(_("Reading the file…"))
        self.status.setWordWrap(True)
        self.boxes: dict[Field, QComboBox] = {}
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(_("Import"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Which column holds what? Pitchback guessed; correct it.")))
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="csv-import")
        self._future: Future[Table] = self._pool.submit(read_table, path)
        self._pool.shutdown(wait=False)
        self._poll = QTimer(self)
        self._poll.setInterval(20)
        self._poll.timeout.connect(self._check)
        self._poll.start()

    @property
    def reading(self) -> bool:
        return self._poll.isActive()

    def _check(self) -> None:
        if not self._future.done():
            return
        self._poll.stop()
        try:
            self.table = self._future.result()
        except ImportProblem as exc:
            self.status.setText(str(exc))
            self.failed.emit(str(exc))
            return
        self._show_mapping(self.table)

    def _show_mapping(self, table: Table) -> None:
        guessed = guess_mapping(table.headers)
        for name in FIELDS:
            box = QComboBox()
            box.addItem(_("(none)"), None)
            for index, header in enumerate(table.headers):
                box.addItem(header or _("column {number}").format(number=index + 1), index)
            if name in guessed:
                box.setCurrentIndex(guessed[name] + 1)
            box.currentIndexChanged.connect(self._preview)
            self.boxes[name] = box
            self.form.addRow(field_names()[name], box)
        self._preview()

    def mapping(self) -> dict[Field, int]:
        return {
            name: box.currentData()
            for name, box in self.boxes.items()
            if box.currentData() is not None
        }

    def plan(self) -> Plan:
        assert self.table is not None
        phones, names = self.store.known_keys()
        return plan_import(self.table, self.mapping(), phones, names)

    def _preview(self) -> None:
        try:
            plan = self.plan()
        except ImportProblem as exc:
            self.status.setText(str(exc))
            self.import_button.setEnabled(False)
            return
        parts = [n_("{count} new prospect", "{count} new prospects", len(plan.new))]
        counts = [len(plan.new)]
        if plan.duplicates:
            parts.append(
                n_(
                    "{count} already in your list (left out)",
                    "{count} already in your list (left out)",
                    len(plan.duplicates),
                )
            )
            counts.append(len(plan.duplicates))
        if plan.without_name:
            parts.append(
                n_(
                    "{count} row without a name (left out)",
                    "{count} rows without a name (left out)",
                    len(plan.without_name),
                )
            )
            counts.append(len(plan.without_name))
        self.status.setText(
            "; ".join(p.format(count=c) for p, c in zip(parts, counts, strict=True)) + "."
        )
        self.import_button.setEnabled(bool(plan.new))

    def do_import(self) -> int:
        try:
            plan = self.plan()
        except ImportProblem as exc:
            self.status.setText(str(exc))
            return 0
        count = self.store.add_all(plan.new)
        self.imported.emit(count)
        self.accept()
        return count
