"""Import and export: scripts as text files, plain text as a voicemail, a PDF call sheet."""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.ui.library.page import ScriptsPage


def choose_file(monkeypatch: pytest.MonkeyPatch, dialog: str, path: Path) -> list[str]:
    """Make the file dialog ``dialog`` answer ``path``; the names it suggested are recorded."""
    suggested: list[str] = []

    def answer(*args: Any) -> tuple[str, str]:
        suggested.append(args[2])
        return str(path), ""

    monkeypatch.setattr(QFileDialog, dialog, answer)
    return suggested


def test_export_then_import_gives_the_same_script(
    qtbot: Any, page: ScriptsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit = page.editor.edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, "// exported")
    suggested = choose_file(monkeypatch, "getSaveFileName", tmp_path / "cold call")
    with qtbot.waitSignal(page.message) as told:
        qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    exported = tmp_path / "cold call.pitch"  # the extension is added when left out
    assert suggested[0].endswith("Cold call starter_ logistics managers.pitch")
    assert exported.read_text("utf-8") == page.editor.text()  # typing so far included
    assert str(exported) in told.args[0]

    choose_file(monkeypatch, "getOpenFileName", exported)
    page.import_action.trigger()
    assert len(page.panel.model.titles()) == 2
    assert page.editor.text() == exported.read_text("utf-8")
    assert page.library.get(page.current_script_id()).title == (
        "Cold call starter: logistics managers"
    )


def test_plain_text_becomes_the_voicemail_and_the_app_says_so(
    qtbot: Any, page: ScriptsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = tmp_path / "my voicemail.txt"
    note.write_text("Hi, this is Sam from Acme.\nI will call you on Thursday.\n", "utf-8")
    choose_file(monkeypatch, "getOpenFileName", note)
    with qtbot.waitSignal(page.message) as told:
        page.import_action.trigger()
    assert told.args == [
        "This file was not in the script format, so its text became the voicemail."
    ]
    assert page.panel.model.titles()[0] == "my voicemail"
    assert page.editor.outline.item(0).text() == "Voicemail"
    assert page.editor.meter.summary.text().startswith("Voicemail: 12 words")


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,  # a picture
        b"\xff\xfe\x00\xd8" + b"\x00\xdc" * 50,  # UTF-16 that does not decode
    ],
    ids=["binary", "undecodable"],
)
def test_a_file_that_is_not_text_changes_nothing(
    qtbot: Any,
    page: ScriptsPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
) -> None:
    before = page.library.list_scripts(include_deleted=True)
    text = page.editor.text()
    wrong = tmp_path / "photo.pitch"
    wrong.write_bytes(content)
    choose_file(monkeypatch, "getOpenFileName", wrong)
    with qtbot.waitSignal(page.message) as told:
        qtbot.keyClick(page, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert "Nothing was changed." in told.args[0]
    assert page.library.list_scripts(include_deleted=True) == before
    assert page.editor.text() == text


def pdf_outline(data: bytes) -> tuple[list[bytes], int]:
    """The page sizes of a PDF Qt wrote, and how many rectangles its pages draw."""
    sizes = re.findall(rb"/MediaBox \[0 0 (\S+ \S+)\]", data)
    rectangles = 0
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            content = zlib.decompress(stream.group(1))
        except zlib.error:
            continue
        rectangles += content.count(b" re\n")
    return sizes, rectangles


def test_call_sheet_is_a_pdf_with_the_voicemail_and_map(
    qtbot: Any, page: ScriptsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = tmp_path / "sheet.pdf"
    suggested = choose_file(monkeypatch, "getSaveFileName", sheet)
    with qtbot.waitSignal(page.message) as told:
        page.sheet_action.trigger()
    assert suggested[0].endswith(".pdf")
    assert told.args == [f"Saved the call sheet as {sheet}."]
    data = sheet.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 10_000
    sizes, rectangles = pdf_outline(data)
    # The voicemail on an A4 page; the wide map across a landscape page of its own.
    assert sizes == [b"595.000000 842.000000", b"842.000000 595.000000"]
    assert rectangles == page.editor.map.box_count() == 11

    page.editor.load("== Voicemail ==\nHi, this is Sam.\n")  # no steps: no map
    page.sheet_action.trigger()
    assert pdf_outline(sheet.read_bytes()) == ([b"595.000000 842.000000"], 0)
