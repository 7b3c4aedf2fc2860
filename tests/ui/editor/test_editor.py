"""The editor as a user meets it: typing a script, and what the page shows of it meanwhile."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtTest import QTest

from app.core.script.estimate import word_count
from app.ui.library.page import ScriptsPage
from tests.ui.editor.conftest import clear_editor, scripts_page, type_lines

EIGHT_STEPS = [
    "Title: Eight steps",
    "Language: en",
    "",
    "== Voicemail ==",
    "Hi {first_name}, this is Sam from Acme. I will call you again on Thursday.",
    "",
    "== Opener ==",
    "Hi {first_name}, this is Sam from Acme. Do you have a minute?",
    "> Sure -> Reason",
    "> Who is this? -> Who is this",
    "> Not now -> Later",
    "> What does it cost? -> Pricing",
    "",
    "== Who is this ==",
    "Sam, from Acme. We help logistics teams.",
    "> Okay -> Reason",
    "",
    "== Reason ==",
    "We help planners see late deliveries at a glance.",
    "> Tell me more -> Meeting",
    "> Not interested -> Objection",
    "> Send an email -> Email",
    "",
    "== Objection ==",
    "// agree first, then ask",
    "Fair enough. How do you track late deliveries today?",
    "> By phone -> Meeting",
    "> Really not interested -> Goodbye",
    "",
    "== Email ==",
    "Happy to. What should it show?",
    "-> Goodbye",
    "",
    "== Later ==",
    "When is a better moment?",
    "> Tomorrow -> Goodbye",
    "",
    "== Meeting == (end)",
    "(smile) Does Tuesday at ten work?",
    "",
    "== Goodbye == (end)",
    "Thanks for your time.",
]
PRICING_LINE = EIGHT_STEPS.index("> What does it cost? -> Pricing") + 1


def test_typed_script_shows_its_steps_branches_and_the_missing_step(
    qtbot: Any, window: Any
) -> None:
    page = scripts_page(window)
    clear_editor(page)
    type_lines(page.editor.edit, EIGHT_STEPS)
    editor = page.editor

    qtbot.waitUntil(lambda: editor.map.box_count() == 8, timeout=2000)
    assert editor.outline.step_names() == [
        "Opener",
        "Who is this",
        "Reason",
        "Objection",
        "Email",
        "Later",
        "Meeting",
        "Goodbye",
    ]
    assert editor.outline.count() == 9  # the voicemail, then the eight steps
    assert editor.map.arrow_count() == 12
    assert sorted(editor.map.box_names()) == sorted(editor.outline.step_names())
    assert "Not interested" in editor.map.arrow_labels()
    assert "? Pricing" in editor.map.arrow_labels()  # the arrow that leads nowhere
    missing = [text for text in editor.problems.problem_texts() if "Pricing" in text]
    assert missing == [
        f"Line {PRICING_LINE}: There is no step called “Pricing”. Check the spelling, "
        "or add that step with a line == Pricing ==."
    ]
    assert editor.side.tabText(editor.side.indexOf(editor.problems)).startswith("Problems (")

    # The map follows the text: the step the arrow wanted now exists.
    type_lines(editor.edit, ["", "== Pricing ==", "It depends on your team.", "-> Meeting"])
    qtbot.waitUntil(lambda: editor.map.box_count() == 9, timeout=2000)
    assert editor.map.arrow_count() == 13
    assert not [label for label in editor.map.arrow_labels() if label.startswith("?")]
    assert not [text for text in editor.problems.problem_texts() if "Pricing" in text]


def _heading_line(page: ScriptsPage, name: str) -> int:
    step = page.editor.script.step_named(name)
    assert step is not None
    return step.line


def test_outline_map_and_problems_jump_to_their_line(qtbot: Any, page: ScriptsPage) -> None:
    editor = page.editor
    clear_editor(page)
    type_lines(editor.edit, EIGHT_STEPS)
    editor.refresh()
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.Start)

    row = editor.outline.step_names().index("Objection") + 1  # after the voicemail
    item = editor.outline.item(row)
    rect = editor.outline.visualItemRect(item)
    qtbot.mouseClick(editor.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.edit.current_line() == _heading_line(page, "Objection")

    editor.side.setCurrentWidget(editor.map)
    index = [box.name for box in editor.map.layout_shown.boxes].index("Later")
    box = editor.map.item.box_rect(index)
    editor.map.ensureVisible(box)
    point = editor.map.mapFromScene(box.center())
    qtbot.mouseClick(editor.map.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert editor.edit.current_line() == _heading_line(page, "Later")
    assert editor.outline.currentItem().text() == "6. Later"  # the outline follows the cursor

    editor.side.setCurrentWidget(editor.problems)
    row = next(n for n, text in enumerate(editor.problems.problem_texts()) if "Pricing" in text)
    rect = editor.problems.visualItemRect(editor.problems.item(row))
    qtbot.mouseClick(editor.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.edit.current_line() == PRICING_LINE


def test_undo_and_redo_in_the_editor(qtbot: Any, window: Any) -> None:
    page = scripts_page(window)
    edit = page.editor.edit
    before = edit.toPlainText()
    scripts_before = page.panel.model.titles()
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QTest.keyClicks(edit, " Speak soon.")
    assert edit.toPlainText() == before + " Speak soon."

    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == before
    qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == before + " Speak soon."
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(edit, Qt.Key.Key_Z, modifiers)
    assert edit.toPlainText() == before + " Speak soon."
    assert page.panel.model.titles() == scripts_before  # the window's undo was left alone


def test_voicemail_length_at_default_and_own_pace(qtbot: Any, page: ScriptsPage) -> None:
    editor = page.editor
    meter = editor.meter
    words = word_count("\n".join(editor.script.voicemail.spoken))  # type: ignore[union-attr]
    assert words == 62  # the English starter's voicemail
    assert meter.summary.text() == ("Voicemail: 62 words, about 25 s at 150 wpm (default)")
    assert meter.state == "good"
    assert meter.bar.value() == 248  # 24.8 s in tenths

    page.set_words_per_minute(120)  # the user's own pace, known from their takes
    assert meter.summary.text() == "Voicemail: 62 words, about 31 s at your pace: 120 wpm"
    assert meter.state == "over"
    assert meter.bar.value() == meter.bar.maximum()

    page.set_words_per_minute(None)
    clear_editor(page)
    type_lines(editor.edit, ["== Voicemail ==", " ".join(["word"] * 70)])
    qtbot.waitUntil(lambda: "70 words" in meter.summary.text(), timeout=2000)
    assert meter.state == "close"  # 28 s: under the bar, but only just
    assert "28 s" in meter.summary.text()


def test_highlighting_tells_the_kinds_of_line_apart(page: ScriptsPage) -> None:
    editor = page.editor
    editor.load(
        "Title: T\n== Voicemail ==\nHi {first_name} (smile) there.\n// a note\n"
        "== Opener ==\n> Sure -> Reason\n"
    )
    document = editor.edit.document()

    def format_at(line: int, column: int) -> Any:
        block = document.findBlockByNumber(line - 1)
        spans = block.layout().formats()
        for span in spans:
            if span.start <= column < span.start + span.length:
                return QTextCharFormat(span.format)
        return None

    assert format_at(1, 0).fontWeight() == QFont.Weight.Bold  # Title:
    assert format_at(2, 3).fontWeight() == QFont.Weight.Bold  # the heading
    assert format_at(3, 0) is None  # spoken text stays plain
    placeholder = format_at(3, 4)
    assert placeholder.background().color().name() == "#fff3d6"
    assert format_at(3, 17).fontItalic()  # (smile), a cue inside the sentence
    assert format_at(4, 3).fontItalic()  # the note
    answer, arrow = format_at(6, 2), format_at(6, 12)
    assert answer.foreground().color() != arrow.foreground().color()


def test_pasted_line_separators_are_line_breaks(qtbot: Any, page: ScriptsPage) -> None:
    """Word and web pages put U+2028, U+2029 or a vertical tab where a line ends; the editor
    shows each as a new line, so the parser must see one too."""
    from PySide6.QtWidgets import QApplication

    clear_editor(page)
    pasted = "== Voicemail ==\u2028Hi.\u2029== Opener ==\x0bHello.\u2028-> Opener"
    QApplication.clipboard().setText(pasted)
    page.editor.edit.paste()
    page.editor.refresh()

    assert page.editor.text().splitlines() == [
        "== Voicemail ==",
        "Hi.",
        "== Opener ==",
        "Hello.",
        "-> Opener",
    ]
    assert page.editor.outline.step_names() == ["Opener"]
