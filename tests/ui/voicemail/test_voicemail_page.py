"""The Voicemail tab without sound: the prompter's levels, the clock's colours, settings,
takes' rating, star, notes and delete with undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.core.store import get_setting
from app.core.voicemail import Level, load_settings
from tests.ui.voicemail.helpers import add_take, leave_and_return, open_starter, tone


def test_the_prompter_steps_down_and_remembers_the_level_per_script(
    qtbot: Any, window: Any
) -> None:
    page, script_id = open_starter(window)
    full = page.prompter.visible_text()
    assert "I have an idea that could save your planners a few hours a week." in full
    assert "Do not pitch" not in full  # a note for the editor, not for the prompter
    assert page.prompter.text.font().pointSizeF() > page.font().pointSizeF() * 1.5
    sizes = [len(full)]
    for level in (Level.KEY_WORDS, Level.OUTLINE, Level.NOTHING):
        qtbot.mouseClick(page.prompter.buttons.button(int(level)), Qt.MouseButton.LeftButton)
        sizes.append(len(page.prompter.visible_text()))
    assert sizes[0] > sizes[1] > sizes[2] > sizes[3] == 0
    assert "Say it from memory." in page.prompter.text.text()
    qtbot.mouseClick(page.prompter.buttons.button(int(Level.KEY_WORDS)), Qt.MouseButton.LeftButton)
    assert "{company}" in page.prompter.visible_text()
    assert "logistics" not in page.prompter.visible_text()

    other, _other_id = open_starter(window, "nl")
    assert other is page and page.prompter.level == Level.FULL
    page.open_script(script_id)
    assert page.prompter.level == Level.KEY_WORDS


def test_an_edited_script_shows_its_new_voicemail_when_the_tab_comes_back(
    qtbot: Any, window: Any
) -> None:
    page, script_id = open_starter(window)
    text = window.library.text(script_id)
    window.library.save_text(script_id, text.replace("a few hours a week", "a day a month"))
    leave_and_return(window, page)
    assert "a day a month" in page.prompter.visible_text()
    window.library.save_text(script_id, "== Opener ==\nHello.\n")
    leave_and_return(window, page)
    assert "no voicemail part" in page.prompter.text.text()


def test_the_clock_counts_down_in_colour_and_shows_the_overrun(qtbot: Any, window: Any) -> None:
    page, _script_id = open_starter(window)
    clock = page.countdown
    assert clock.clock.text() == "0:30"
    seen = []
    for seconds in (5.0, 20.0, 25.0, 31.5):
        clock.show_elapsed(seconds)
        seen.append((clock.clock.text(), clock.zone))
    assert seen == [("0:25", "calm"), ("0:10", "amber"), ("0:05", "red"), ("+0:01", "over")]
    assert clock.overrun.text() == "1 s over the limit"
    assert "#d9342b" in clock.clock.styleSheet()
    clock.show_result(31.57)
    assert clock.overrun.text() == "Take: 31.57 s, 1.57 s over the limit."
    clock.reset(30)
    assert (clock.clock.text(), clock.zone, clock.overrun.text()) == ("0:30", "calm", "")
    assert "#d9342b" not in clock.clock.styleSheet()


def test_settings_keep_the_limit_between_15_and_60_seconds(qtbot: Any, window: Any) -> None:
    page, _script_id = open_starter(window)
    spin = page.options.limit_spin
    assert (spin.minimum(), spin.maximum(), spin.value()) == (15, 60, 30)
    spin.setValue(45)
    assert load_settings(page.store.conn).limit_s == 45
    assert page.countdown.clock.text() == "0:45"
    spin.setValue(5)
    assert spin.value() == 15
    qtbot.mouseClick(page.options.call_box, Qt.MouseButton.LeftButton)
    assert page.options.pickup_box.isEnabled()
    page.options.pickup_box.setCurrentIndex(2)
    page.options.pickup_box.activated.emit(2)
    assert (page.settings.call_yourself, page.settings.pickup_one_in) == (True, 5)
    assert get_setting(page.store.conn, "voicemail.pickup_one_in") == "5"
    page.phone_box.setChecked(True)
    assert load_settings(page.store.conn).phone_line


def test_rate_star_note_and_delete_with_undo(qtbot: Any, window: Any) -> None:
    page, script_id = open_starter(window)
    first = add_take(page, script_id, tone(440, 0.5))
    second = add_take(page, script_id, tone(880, 0.7))
    page.takes.reload()
    panel = page.takes
    assert [r.take.id for r in panel.model.rows] == [second.id, first.id]  # newest first
    panel.select([first.id])
    assert page.playback.take_id == first.id
    assert abs(page.waveform.duration_s - 0.5) < 1e-3
    qtbot.mouseClick(panel.details.rating.button(4), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.details.star_button, Qt.MouseButton.LeftButton)
    panel.details.notes_edit.setText("too fast at the start")
    panel.details.notes_edit.editingFinished.emit()
    stored = page.store.get(first.id)
    assert (stored.rating, stored.starred, stored.notes) == (4, True, "too fast at the start")
    row = panel.model.row_of(first.id)
    assert panel.model.index(row, 0).data() == "★"
    assert panel.model.index(row, 5).data() == "●●●●○"
    assert panel.chart.ratings == [4, None]
    assert panel.chart.lengths == [0.5, 0.7]

    panel.select([second.id])
    qtbot.mouseClick(panel.details.star_button, Qt.MouseButton.LeftButton)
    assert not page.store.get(first.id).starred  # one best take per script

    panel.select([first.id, second.id])
    assert panel.details.compare_button.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    assert panel.model.rowCount() == 0
    assert "Ctrl+Z" in window.notice.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.rowCount() == 2
    assert page.store.get(first.id).rating == 4


def test_rating_star_and_notes_are_undone_and_redone(qtbot: Any, window: Any) -> None:
    page, script_id = open_starter(window)
    first = add_take(page, script_id, tone(440, 0.5))
    second = add_take(page, script_id, tone(880, 0.7))
    panel, click = page.takes, Qt.MouseButton.LeftButton
    panel.reload()
    panel.select([first.id])
    qtbot.mouseClick(panel.details.rating.button(2), click)
    qtbot.mouseClick(panel.details.rating.button(5), click)
    qtbot.mouseClick(panel.details.star_button, click)
    panel.details.notes_edit.setText("slow down")
    panel.details.notes_edit.editingFinished.emit()
    panel.select([second.id])
    qtbot.mouseClick(panel.details.star_button, click)  # the best take is now the second

    def state(take_id: int) -> tuple[int | None, bool, str]:
        take = page.store.get(take_id)
        return take.rating, take.starred, take.notes

    assert state(first.id) == (5, False, "slow down") and state(second.id)[1]

    def undo() -> None:
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    undo()  # the star goes back to the first take
    assert state(first.id) == (5, True, "slow down") and not state(second.id)[1]
    undo()  # the notes, shown on the take they belong to
    assert state(first.id) == (5, True, "")
    assert [r.take.id for r in panel.selected_rows()] == [first.id]
    assert panel.details.notes_edit.text() == ""
    undo()
    assert state(first.id) == (5, False, "")
    undo()
    assert state(first.id) == (2, False, "")
    assert panel.details.rating.checkedId() == 2
    undo()
    assert state(first.id) == (None, False, "")
    for _ in range(5):  # and forward again
        window.redo_action.trigger()
    assert state(first.id) == (5, False, "slow down") and state(second.id)[1]
    assert window.undo_action.text() == "Undo Mark as best take"
