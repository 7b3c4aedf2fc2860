"""A problem is marked on its own line: a wavy underline in the text, a mark in the margin,
and its message when the pointer rests there."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCharFormat

from app.ui.library.page import ScriptsPage

SCRIPT = """Title: Marks
== Voicemail ==
Hi, Sam here. Call me back.
== Opener ==
Hi, this is Sam.
> not interested -> Goodbye
> how much -> Pricing

== Goodbye == (end)
Thanks anyway.
"""
PRICING_LINE = 7


def test_an_answer_that_leads_nowhere_is_marked_on_its_line(qtbot: Any, page: ScriptsPage) -> None:
    edit = page.editor.edit
    edit.replace_all(SCRIPT)
    page.editor.refresh()
    marks = edit.problem_marks()
    assert list(marks) == [PRICING_LINE]
    assert "no step called “Pricing”" in marks[PRICING_LINE]
    [selection] = [s for s in edit.extraSelections() if s.cursor.blockNumber() + 1 == PRICING_LINE]
    assert selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert selection.cursor.selectedText() == "> how much -> Pricing"
    top = edit.line_top(PRICING_LINE) + 2
    assert "no step called “Pricing”" in edit.gutter_tip(top)
    assert edit.gutter_tip(edit.line_top(PRICING_LINE - 1) + 2) == ""
    assert not edit.gutter.grab().isNull()

    # fixed in the text: the mark goes
    edit.replace_all(SCRIPT.replace("-> Pricing", "-> Goodbye"))
    page.editor.refresh()
    assert edit.problem_marks() == {}
    assert not any(
        s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        for s in edit.extraSelections()
    )
