"""In the real window: a practice call made during a block counts toward it, and the drill
after a hard call lasts two minutes on the block's clock."""

from __future__ import annotations

from typing import Any

from app.ui.practice import PracticePage
from tests.ui.voicemail.helpers import STARTERS


def test_a_live_call_run_during_a_block_counts_toward_it(qtbot: Any, window: Any) -> None:
    today = window.tabs.widget(0)
    hub = today.hub
    live = window.show_page(PracticePage)
    store = live.store
    run = store.begin_run(16000, None, None, "none", "weighted")
    run = store.finish_run(run.id, 16000 * 90, "completed")
    live.run_finished.emit(run)  # before the block: not counted
    hub.start_block()
    live.run_finished.emit(run)  # as the page does when a practice call ends
    assert hub.blocks.activity(hub.block_id) == {"live_run": 1}
    assert "1 practice call" in today.status.text()
    hub.end_block()


def test_a_two_minute_drill_of_one_objection_then_back_to_the_mix(qtbot: Any, window: Any) -> None:
    today = window.tabs.widget(0)
    hub = today.hub
    now = [500.0]
    hub.timer.monotonic = lambda: now[0]  # the block's monotonic clock, moved by the test
    script = window.library.create_from_starter(STARTERS["en"], "en")
    key = "opener > send me an email"
    today.drill_requested.emit(script.id, key)
    live = window.page_in_view()
    assert isinstance(live, PracticePage)
    assert (live.settings.choice, live.settings.drill_key) == ("drill", key)
    assert "Two minutes on this objection" in window.notice.text()
    store = live.store
    run = store.finish_run(store.begin_run(16000, script.id).id, 16000, "drilled")
    now[0] += 50
    live.run_finished.emit(run)
    assert window.notice.text() == "Again (R): 1:10 of your two minutes left."
    assert live.settings.choice == "drill"
    now[0] += 80
    live.run_finished.emit(run)
    assert window.notice.text().startswith("Two minutes done.")
    assert live.settings.choice == "weighted"
