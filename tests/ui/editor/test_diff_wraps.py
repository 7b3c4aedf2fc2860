"""A long changed line in the history's diff wraps, so it can be read whole: no '...'."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.ui.library.page import ScriptsPage

LONG = (
    "Hi, this is Sam from Northwind: I'm calling because teams like yours at your company "
    "lose hours every week chasing late deliveries, and we have a way to cut that in half."
)


def test_a_long_changed_line_wraps_in_the_diff(qtbot: Any, page: ScriptsPage) -> None:
    script_id = page.current_script_id()
    assert script_id is not None
    library = page.library
    library.save_text(script_id, f"== Voicemail ==\n{LONG}\n")
    library.history.make_revision(script_id, "first")
    page.editor.load(f"== Voicemail ==\n{LONG.replace('in half', 'by half')}\n")
    page.save_now()
    history = page.history
    history.show_script(script_id)
    history.select_rows(0)
    table = history.table
    row = next(i for i, r in enumerate(history.diff.rows) if r.kind == "changed")
    qtbot.waitUntil(lambda: table.rowHeight(row) > 0, timeout=1000)
    assert table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone
    width = table.columnWidth(1)
    needed = (
        table.fontMetrics()
        .boundingRect(0, 0, width - 8, 10_000, Qt.TextFlag.TextWordWrap, LONG)
        .height()
    )
    assert needed > 2 * table.fontMetrics().height()  # it does not fit on one line
    assert table.rowHeight(row) >= needed
