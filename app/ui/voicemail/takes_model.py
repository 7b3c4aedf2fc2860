"""A script's voicemail takes as a table: star, number, date, length, revision, rating, blind
comparisons won, notes. Newest first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.i18n import _
from app.core.takes import Take

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TakeRow:
    take: Take
    number: int  # 1 for the script's first take
    revision: int | None  # the revision's number in the script's history, 1 for the first
    revision_is_latest: bool
    won: int = 0
    compared: int = 0

    def label(self) -> str:
        """How the take is named to the user, e.g. in a blind comparison's reveal."""
        local = self.take.created_at.astimezone()
        return _("take {number} ({date}, {length} s)").format(
            number=self.number,
            date=local.strftime("%Y-%m-%d %H:%M"),
            length=f"{self.take.duration_s:.1f}",
        )


class ScriptTakesModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TakeRow] = []
        self.headers = (
            "★",
            _("Take"),
            _("Date"),
            _("Length"),
            _("Revision"),
            _("Sounds like me"),
            _("Blind wins"),
            _("Notes"),
        )

    def set_rows(self, rows: list[TakeRow]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda r: r.number, reverse=True)
        self.endResetModel()

    def row_of(self, take_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.take.id == take_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return _("The script as it was when this take was recorded") + (
                "" if row.revision_is_latest else " " + _("(the script has changed since)")
            )
        return None

    def _text(self, row: TakeRow, column: int) -> str:
        take = row.take
        if column == 0:
            return "★" if take.starred else ""
        if column == 1:
            number = str(row.number)
            return (
                _("{number} (live answer)").format(number=number)
                if (take.kind == "live_answer")
                else number
            )
        if column == 2:
            return take.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == 3:
            return f"{take.duration_s:.2f} s"
        if column == 4:
            return "" if row.revision is None else f"{row.revision}"
        if column == 5:
            return "" if take.rating is None else "●" * take.rating + "○" * (5 - take.rating)
        if column == 6:
            return f"{row.won}/{row.compared}" if row.compared else ""
        return take.notes
