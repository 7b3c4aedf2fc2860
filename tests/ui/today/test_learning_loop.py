"""An objection heard on a real call that the script has no answer for: the app offers to add
it at the step where it was heard, and then it comes first in the next drill."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.core.library import ScriptLibrary
from app.core.practice.turns import branch_key
from app.core.prospecting import ProspectDraft
from app.core.prospecting.learning import objections_to_drill
from app.core.script import parse
from app.ui.today.hub import Prospecting
from app.ui.today.page import TodayPage
from tests.ui.voicemail.helpers import STARTERS


def test_a_typed_objection_becomes_an_answer_and_comes_first(
    qtbot: Any, hub: Prospecting, library: ScriptLibrary, monkeypatch: Any
) -> None:
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    script = library.create_from_starter(STARTERS["en"], "en")
    page = TodayPage(hub, lambda: library)
    qtbot.addWidget(page)
    page.show()
    hub.prospects.add(ProspectDraft("Cas", "Acme", "011 22 33 44", "C", "", script.id))
    page.refresh()
    dialog = page.call(page.selected())
    dialog.choose_outcome("not_interested")
    dialog.objection.setEditText("We just signed with someone else")
    assert dialog.no_good_answer.isChecked()
    dialog.differently.setText("Ask when that contract ends")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    coach = page.coach
    assert coach.isVisible() and coach.add_button.isVisible()
    assert not coach.drill_button.isEnabled()  # not in the script yet: nothing to drill
    assert "Ask when that contract ends" in coach.text.text()
    with qtbot.waitSignal(page.script_changed):
        qtbot.mouseClick(coach.add_button, Qt.MouseButton.LeftButton)
    changed = parse(library.text(script.id))
    opener = changed.start
    assert opener is not None
    assert "We just signed with someone else" in [b.words for b in opener.branches]
    answer = changed.step_named("Answer: We just signed with someone else")
    assert answer is not None and answer.spoken == ("Ask when that contract ends",)
    key = branch_key(opener.name, "We just signed with someone else")
    assert objections_to_drill(hub.conn, script.id) == [key]
    assert coach.drill_button.isEnabled() and not coach.add_button.isVisible()
    with qtbot.waitSignal(page.drill_requested) as drill:
        qtbot.mouseClick(coach.drill_button, Qt.MouseButton.LeftButton)
    assert drill.args == [script.id, key]
    revisions = library.history.revisions(script.id)
    assert any("Objection from a real call" in r.name for r in revisions)
