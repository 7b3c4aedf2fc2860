"""The takes list as a Qt table model: date, duration, name (editable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from shiboken6 import isValid

from app.core.i18n import _
from app.core.takes import Take, TakeStore

Index = QModelIndex | QPersistentModelIndex


def format_duration(seconds: float) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{int(minutes)}:{secs:04.1f}"


class TakesModel(QAbstractTableModel):
    rename_requested = Signal(int, str)  # take id, new name

    COLUMNS = ("date", "duration", "name")

    def __init__(self) -> None:
        super().__init__()
        self._takes: list[Take] = []

    def set_takes(self, takes: list[Take]) -> None:
        self.beginResetModel()
        self._takes = list(takes)
        self.endResetModel()

    def take_at(self, row: int) -> Take:
        return self._takes[row]

    def row_of(self, take_id: int) -> int:
        return next((i for i, t in enumerate(self._takes) if t.id == take_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._takes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (_("Date"), _("Length"), _("Name"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        take = self._takes[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "date":
                return take.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if column == "duration":
                return format_duration(take.duration_s)
            if role == Qt.ItemDataRole.DisplayRole and not take.name and take.recovered:
                return _("(recovered)")
            if role == Qt.ItemDataRole.DisplayRole and not take.name and take.unfinished:
                return _("(recovered, needs repair)")
            return take.name
        if role == Qt.ItemDataRole.ToolTipRole and take.recovered:
            return _("Recovered after Pitchback closed unexpectedly during this recording.")
        if role == Qt.ItemDataRole.ToolTipRole and take.unfinished:
            return _(
                "Kept after this recording stopped unexpectedly. Its file could not be repaired "
                "yet (is the disk full?); Pitchback tries again when it next starts."
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.COLUMNS[index.column()] == "name":
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        take = self._takes[index.row()]
        if str(value).strip() != take.name:
            self.rename_requested.emit(take.id, str(value))
        return True


class TakeFeed(QObject):
    """The store's changes as a Qt signal, for every take list in the window.

    The store tells its listeners on the thread that made the change; ``changed`` reaches the
    views queued, after the change (and any table editor that caused it) is done, and never
    after ``close`` (the window shut, its database closed).
    """

    changed = Signal()
    _told = Signal()

    def __init__(self, store: TakeStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._closed = False
        self._told.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._stop = store.subscribe(self._tell)

    def _tell(self) -> None:
        if isValid(self):  # the window may be gone while the store is still written to
            self._told.emit()
        else:
            self._stop()

    def _deliver(self) -> None:
        if not self._closed:
            self.changed.emit()

    def close(self) -> None:
        """No more changes: what is still queued is dropped."""
        if not self._closed:
            self._closed = True
            self._stop()
