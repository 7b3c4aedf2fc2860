"""The library list as a Qt model: one row per script, its title editable in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.core.i18n import n_
from app.core.library import ScriptInfo

Index = QModelIndex | QPersistentModelIndex


class ScriptListModel(QAbstractListModel):
    rename_requested = Signal(int, str)  # script id, new title

    def __init__(self) -> None:
        super().__init__()
        self._scripts: list[ScriptInfo] = []

    def set_scripts(self, scripts: list[ScriptInfo]) -> None:
        self.beginResetModel()
        self._scripts = scripts
        self.endResetModel()

    def script_at(self, row: int) -> ScriptInfo:
        return self._scripts[row]

    def row_of(self, script_id: int) -> int:
        return next((i for i, s in enumerate(self._scripts) if s.id == script_id), -1)

    def titles(self) -> list[str]:
        return [script.title for script in self._scripts]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._scripts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        script = self._scripts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return script.title
        if role == Qt.ItemDataRole.ToolTipRole:
            changed = script.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            count = script.revision_count
            return n_(
                "{language}, changed {changed}, {count} revision",
                "{language}, changed {changed}, {count} revisions",
                count,
            ).format(language=script.language, changed=changed, count=count)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        title = " ".join(str(value).split())
        script = self._scripts[index.row()]
        if title and title != script.title:
            self.rename_requested.emit(script.id, title)
        return False  # the list changes once the library has the new title
