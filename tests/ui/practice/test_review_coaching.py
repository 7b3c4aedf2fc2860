"""The review coaches: for the selected reply what you said, what the step wanted, the
judgement, the freeze and one suggestion; above, the call score and its trend; and the
difficulty chosen on the page is kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.library import ScriptLibrary
from app.core.practice import PracticeStore
from app.core.store import connect
from app.ui.practice import PracticePage
from tests.core.practice.test_coaching import judged
from tests.core.practice.test_listening_call import GIVE_UP, GOOD_REPLY, MARKED


def test_the_review_coaches_each_reply_and_scores_the_calls(qtbot: Any, home: Path) -> None:
    conn = connect(home / "pitchback.db")
    library = ScriptLibrary(conn)
    script = library.create("Marked", "en", MARKED)
    store = PracticeStore(conn, home)
    for words in (GIVE_UP, GOOD_REPLY):
        run = store.begin_run(1000, script.id, voice="none", choice="random")
        store.save_turn(run.id, judged(words, freeze_s=2.5))
        store.finish_run(run.id, 10_000, "completed")
    page = PracticePage(store, library)
    qtbot.addWidget(page)
    try:
        page.reload_scripts()
        page.open_script(script.id)
        review = page.review
        assert review.score.text() == "Call score 85 (last calls: 0 → 85)"  # froze: -15
        text = review.coaching.text()
        assert f"You said: “{GOOD_REPLY}”" in text
        wanted = "The step wanted: its key words (fair, assuming, need, anything, ask, planners)"
        assert wanted in text
        assert "acknowledge the objection first; ask a question" in text
        assert "Judgement: Said what the step is for. Acknowledged the objection first." in text
        assert "Freeze: 2.5 s" in text and "Try: Good reply: keep it." in text
        review.show_run(review.runs_box.itemData(1))  # the older call: a give-up
        assert "Judgement: You gave up" in review.coaching.text()
        assert "Try: Don't let go: the script's answer is “That's fair" in review.coaching.text()

        page.options.difficulty_box.setCurrentIndex(page.options.difficulty_box.findData("tough"))
        page.options.difficulty_box.activated.emit(2)
        assert page.settings.difficulty == "tough"
        assert PracticePage(store, library).settings.difficulty == "tough"  # kept
    finally:
        page.shutdown()
