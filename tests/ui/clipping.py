"""Finding text cut off on screen: a reusable check for any window, in any language.

Each visible QLabel and QAbstractButton is compared with the room it got once laid out: a
label or button narrower than its size hint cuts its text; a word-wrapped label lower than
the height its text needs at its width cuts lines. Issue 12 runs the same check with a
pseudo-translation (longer words), so it takes any widget tree.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView, QLabel, QWidget

SLACK = 2  # pixels of rounding forgiven
CELL_MARGIN = 8  # what a view's style keeps around a cell's text, both sides together
ROWS_CHECKED = 30  # of a long list, the first rows tell


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return ""


def clipped(widget: QWidget) -> str | None:
    """Why ``widget`` cuts its text, or None when all of it shows."""
    text = _text(widget)
    if not text.strip() or not widget.isVisible():
        return None
    width, height = widget.width(), widget.height()
    if isinstance(widget, QLabel) and widget.wordWrap():
        needed = widget.heightForWidth(width)
        if needed > height + SLACK:
            return f"needs {needed} px high at {width} px wide, has {height}"
        return None
    if isinstance(widget, QLabel) and widget.pixmap() is not None and not widget.pixmap().isNull():
        return None
    hint = widget.sizeHint()
    if hint.width() > width + SLACK:
        return f"needs {hint.width()} px wide, has {width}"
    return None


def clipped_headers(header: QHeaderView) -> list[str]:
    """Column titles wider than their column (a table's header cuts them with '...')."""
    found = []
    model = header.model()
    if model is None or not header.isVisible():
        return found
    metrics = header.fontMetrics()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        needed = metrics.horizontalAdvance(text) + CELL_MARGIN
        if text and header.sectionSize(section) + SLACK < needed:
            found.append(f"column “{text}”: needs {needed} px, has {header.sectionSize(section)}")
    return found


def clipped_items(view: QAbstractItemView) -> list[str]:
    """Cells whose text is cut off: wider than the cell, in a view that does not wrap."""
    model = view.model()
    if model is None or not view.isVisible() or getattr(view, "wordWrap", lambda: False)():
        return []
    found = []
    metrics = view.fontMetrics()
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model keeps columnCount private in PySide6: one column
        columns = 1
    for row in range(min(model.rowCount(root), ROWS_CHECKED)):
        for column in range(columns):
            index = model.index(row, column)
            rect = view.visualRect(index)
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            if not text or rect.width() <= 0:
                continue
            needed = metrics.horizontalAdvance(text) + CELL_MARGIN
            if needed > rect.width() + SLACK:
                found.append(f"item “{text}”: needs {needed} px, has {rect.width()}")
    return found


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible label, button, column title and list item under ``root`` (itself
    included) that cuts its text."""
    found = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            found += clipped_headers(widget)
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            found += clipped_items(widget)
        if not isinstance(widget, QLabel | QAbstractButton):
            continue
        why = clipped(widget)
        if why is not None:
            name = widget.objectName() or type(widget).__name__
            found.append(f"{name} “{_text(widget)}”: {why}")
    return found
