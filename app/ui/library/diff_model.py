"""Two texts side by side as a table: line numbers and lines, changed rows coloured."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.core.library import DiffRow

Index = QModelIndex | QPersistentModelIndex

_BACKGROUND = {
    "changed": (QBrush(QColor("#fff2c2")), QBrush(QColor("#fff2c2"))),
    "removed": (QBrush(QColor("#fbd9d9")), QBrush(QColor("#f2f2f2"))),
    "added": (QBrush(QColor("#f2f2f2")), QBrush(QColor("#d8f2dc"))),
}


class DiffModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[DiffRow] = []
        self.titles = ("", "")

    def show_diff(self, rows: list[DiffRow], left_title: str, right_title: str) -> None:
        self.beginResetModel()
        self.rows, self.titles = rows, (left_title, right_title)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ("", self.titles[0], "", self.titles[1])[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return "" if row.left_lineno is None else str(row.left_lineno)
            if column == 2:
                return "" if row.right_lineno is None else str(row.right_lineno)
            return row.left_text if column == 1 else row.right_text
        if role == Qt.ItemDataRole.BackgroundRole and row.kind in _BACKGROUND:
            return _BACKGROUND[row.kind][0 if column < 2 else 1]
        if role == Qt.ItemDataRole.ForegroundRole and column in (0, 2):
            return QBrush(QColor("#8a8a8a"))
        return None

    def changed_rows(self) -> int:
        return sum(1 for row in self.rows if row.kind != "same")
