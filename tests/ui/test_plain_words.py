"""Words a salesperson uses: plain names for every figure, units, what each figure means in
its tooltip, counted things in the right plural, and distinct Dutch words for distinct things."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.practice import PracticeStore
from app.core.store import connect, put_setting
from app.ui.practice.review import ReviewPanel, comes_back
from app.ui.voicemail.progress_chart import ProgressChart


def headers(table: Any) -> list[str]:
    return [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]


def test_the_freeze_table_speaks_plainly_and_explains_itself(qtbot: Any, home: Path) -> None:
    panel = ReviewPanel(PracticeStore(connect(home / "p.db"), home))
    qtbot.addWidget(panel)
    shown = headers(panel.stats)
    assert shown == ["Prospect's answer", "Times met", "Usual freeze", "Slowest freezes",
                     "Comes back"]  # fmt: skip
    assert not {"Box", "Median freeze", "90th percentile"} & set(shown)
    tips = [panel.stats.horizontalHeaderItem(i).toolTip() for i in range(5)]
    assert all(tips[1:])
    assert "9 in 10" in tips[3]
    assert [comes_back(box) for box in (1, 2, 3, 4, 5)] == [
        "often", "often", "sometimes", "sometimes", "rarely"
    ]  # fmt: skip


def test_one_take_is_one_take(qtbot: Any) -> None:
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.set_series([12.0], [None], 30.0)
    assert chart.toolTip().startswith("1 take;")
    chart.set_series([12.0, 14.0], [None, 4], 30.0)
    assert chart.toolTip().startswith("2 takes;")


def test_in_dutch_the_recorder_tab_and_the_record_button_differ(qtbot: Any, window: Any) -> None:
    from app.__main__ import build

    put_setting(window.takes_page.conn, "language", "nl")
    dutch = build(window.takes_page.store.home)
    qtbot.addWidget(dutch)
    tab = dutch.tabs.tabText(dutch.tabs.indexOf(dutch.takes_page))
    assert tab != dutch.record_action.text()
    assert tab == "Opnames" and dutch.record_action.text() == "Opnemen"
    assert dutch.takes_page.panel.record_button.text() != tab
    dutch.close()
