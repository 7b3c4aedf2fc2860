"""History: a script's revisions, a side-by-side diff of any two, and restore.

Select one revision to compare it with the text as it is now, two to compare them with each
other (the older one on the left).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _
from app.core.library import History, Revision, side_by_side
from app.ui.library.diff_model import DiffModel

_ID = Qt.ItemDataRole.UserRole


def revision_label(revision: Revision) -> str:
    when = revision.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    kinds = {
        "created": _("created"),
        "import": _("imported"),
        "manual": _("saved by you"),
        "practice": _("before practice"),
        "autosave": _("autosaved"),
        "restore": _("restored"),
    }
    what = f"“{revision.name}”" if revision.name else kinds[revision.kind]
    return f"{when}  {what}"


class HistoryPanel(QWidget):
    save_requested = Signal()
    restore_requested = Signal(int)  # revision id

    def __init__(
        self, history: History, current_text: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.current_text = current_text
        self.script_id: int | None = None
        self.revisions = QListWidget()
        self.revisions.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.save_button = QPushButton(_("Save revision… (Ctrl+S)"))
        self.restore_button = QPushButton(_("Restore this revision"))
        self.restore_button.setEnabled(False)
        self.diff = DiffModel()
        self.table = QTableView()
        self.table.setModel(self.diff)
        self.table.verticalHeader().hide()
        # A long line wraps, so a changed voicemail sentence can be read whole.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch) * 2
        ):
            header.setSectionResizeMode(column, mode)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.restore_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.revisions, 1)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.save_button.clicked.connect(lambda: self.save_requested.emit())
        self.restore_button.clicked.connect(self._restore)
        self.revisions.itemSelectionChanged.connect(self.compare_selected)

    def show_script(self, script_id: int | None) -> None:
        """List the revisions of ``script_id``, keeping the selection where it still applies."""
        keep = set(self.selected_ids())
        self.script_id = script_id
        self.revisions.blockSignals(True)
        self.revisions.clear()
        for revision in self.history.revisions(script_id) if script_id is not None else []:
            item = QListWidgetItem(revision_label(revision))
            item.setData(_ID, revision.id)
            self.revisions.addItem(item)
            item.setSelected(revision.id in keep)
        self.revisions.blockSignals(False)
        self.save_button.setEnabled(script_id is not None)
        self.compare_selected()

    def labels(self) -> list[str]:
        return [self.revisions.item(row).text() for row in range(self.revisions.count())]

    def selected_ids(self) -> list[int]:
        """Selected revisions, newest first (the list's order)."""
        rows = sorted(self.revisions.row(item) for item in self.revisions.selectedItems())
        return [self.revisions.item(row).data(_ID) for row in rows]

    def select_rows(self, *rows: int) -> None:
        self.revisions.clearSelection()
        for row in rows:
            self.revisions.item(row).setSelected(True)

    def compare_selected(self) -> None:
        chosen = self.selected_ids()
        self.restore_button.setEnabled(len(chosen) == 1)
        if len(chosen) == 1:
            left = self.history.revision(chosen[0])
            self.diff.show_diff(
                side_by_side(self.history.revision_text(left.id), self.current_text()),
                revision_label(left),
                _("the text now"),
            )
        elif len(chosen) == 2:
            newer, older = (self.history.revision(number) for number in chosen)
            self.diff.show_diff(
                side_by_side(
                    self.history.revision_text(older.id), self.history.revision_text(newer.id)
                ),
                revision_label(older),
                revision_label(newer),
            )
        else:
            self.diff.show_diff([], "", "")
        changed = next((n for n, row in enumerate(self.diff.rows) if row.kind != "same"), None)
        if changed is not None:
            self.table.doItemsLayout()  # or the scroll bars do not know the new rows yet
            self.table.scrollTo(
                self.diff.index(changed, 1), QAbstractItemView.ScrollHint.PositionAtCenter
            )

    def _restore(self) -> None:
        chosen = self.selected_ids()
        if len(chosen) == 1:
            self.restore_requested.emit(chosen[0])
