"""Scripts to and from text files: encodings, plain text, files that are not text at all."""

from __future__ import annotations

import codecs
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import i18n
from app.core.library import ScriptFileError, ScriptLibrary
from app.core.library.transfer import (
    read_script_file,
    suggested_file_name,
    write_script_file,
)
from app.core.script.textfile import MAX_BYTES

DUTCH = "Title: Tandartsen\nLanguage: nl\n\n== Opener ==\nIk heb twee ideeën — “kort” — voor u.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def file_with(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        DUTCH.encode("utf-8"),
        codecs.BOM_UTF8 + DUTCH.encode("utf-8"),
        DUTCH.encode("utf-16"),  # with the byte-order mark, as Notepad writes it
        codecs.BOM_UTF16_BE + DUTCH.encode("utf-16-be"),
        DUTCH.encode("utf-32"),
        DUTCH.replace("\n", "\r\n").encode("utf-8"),
        DUTCH.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32", "crlf", "cp1252"],
)
def test_a_script_reads_the_same_in_every_encoding_people_save_in(
    tmp_path: Path, data: bytes
) -> None:
    found = read_script_file(file_with(tmp_path, "dentists.txt", data))
    assert found.text == DUTCH
    assert (found.title, found.language, found.note_for_user) == ("Tandartsen", "nl", None)


def test_without_a_title_line_the_file_name_is_the_title(tmp_path: Path) -> None:
    found = read_script_file(file_with(tmp_path, "Bakers v2.txt", b"== Opener ==\nHello\n"))
    assert (found.title, found.language) == ("Bakers v2", None)


def test_plain_text_becomes_the_voicemail_and_the_user_is_told(tmp_path: Path) -> None:
    plain = "Hi Alex, Sam here.\nCall me back on 020 555 0147.\n"
    found = read_script_file(file_with(tmp_path, "voicemail.txt", plain.encode("utf-8")))
    assert found.text == "== Voicemail ==\n" + plain
    assert found.note_for_user is not None and "voicemail" in found.note_for_user
    assert found.title == "voicemail"


def test_a_plain_text_note_is_in_dutch_for_a_dutch_user(tmp_path: Path) -> None:
    i18n.set_language("nl")
    found = read_script_file(file_with(tmp_path, "notes.txt", b"Just some notes\n"))
    assert found.note_for_user is not None and "voicemail geworden" in found.note_for_user


def test_underlines_are_not_mistaken_for_headings(tmp_path: Path) -> None:
    found = read_script_file(file_with(tmp_path, "notes.txt", b"Notes\n=====\nCall Alex\n"))
    assert found.note_for_user is not None


@pytest.mark.parametrize(
    "data",
    [
        PNG,
        bytes(range(0x80, 0x100)) * 8,  # high bytes, no NULs: would pass as Windows-1252
        b"GIF89a" + bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 10,  # control characters, no NULs
    ],
    ids=["png", "high-bytes", "controls"],
)
def test_a_binary_file_is_refused_with_a_clear_message(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ScriptFileError, match=r"not a text file.*Nothing was changed"):
        read_script_file(file_with(tmp_path, "photo.png", data))


def test_broken_utf16_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScriptFileError, match="could not be read"):
        read_script_file(file_with(tmp_path, "odd.txt", codecs.BOM_UTF16_LE + b"a\x00b"))


@pytest.mark.parametrize(
    "data", [b"", codecs.BOM_UTF8, b"\n \n\t\n"], ids=["0 bytes", "bom", "blank"]
)
def test_an_empty_file_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ScriptFileError, match="empty"):
        read_script_file(file_with(tmp_path, "empty.txt", data))


def test_missing_and_huge_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ScriptFileError, match="There is no file"):
        read_script_file(tmp_path / "gone.txt")
    with pytest.raises(ScriptFileError, match="too large"):
        read_script_file(file_with(tmp_path, "huge.txt", b"== A ==\n" + b"x" * MAX_BYTES))


def test_importing_a_binary_file_changes_nothing(
    library: ScriptLibrary, conn: sqlite3.Connection, tmp_path: Path
) -> None:
    library.create("Existing", "en", "== Opener ==\nHi\n")
    before = conn.execute("SELECT count(*) FROM scripts").fetchone()[0]
    with pytest.raises(ScriptFileError):
        library.import_file(file_with(tmp_path, "photo.png", PNG), "en")
    assert conn.execute("SELECT count(*) FROM scripts").fetchone()[0] == before
    assert [s.title for s in library.list_scripts()] == ["Existing"]


def test_importing_makes_a_script_with_an_import_revision(
    library: ScriptLibrary, tmp_path: Path
) -> None:
    script, note = library.import_file(file_with(tmp_path, "x.txt", b"Leave a message\n"), "en")
    assert note is not None
    assert library.text(script.id) == "== Voicemail ==\nLeave a message\n"
    [revision] = library.history.revisions(script.id)
    assert revision.kind == "import"


def test_export_then_import_gives_back_the_same_bytes(
    library: ScriptLibrary, tmp_path: Path
) -> None:
    script = library.create("Tandartsen", "nl", DUTCH)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    library.export_file(script.id, first)
    again, _note = library.import_file(first, "en")
    library.export_file(again.id, second)

    assert first.read_bytes() == second.read_bytes() == DUTCH.encode("utf-8")
    assert (again.title, again.language) == ("Tandartsen", "nl")


SCRIPT_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\r")
    | st.just("\n"),
    max_size=200,
).map(lambda body: "== Opener ==\n" + body)


# The data-home fixture is the same for every example; each example writes its own files.
@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=SCRIPT_TEXT)
def test_any_script_survives_a_round_trip_through_a_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "round.txt"
    write_script_file(path, text)
    assert read_script_file(path).text == text
    assert path.read_bytes() == text.encode("utf-8")


def test_export_replaces_a_file_whole_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "script.txt"
    path.write_text("old contents that are longer than the new ones", "utf-8")
    write_script_file(path, "== Opener ==\r\nnew\r\n")
    assert path.read_bytes() == b"== Opener ==\nnew\n"
    assert os.listdir(tmp_path) == ["script.txt"]


def test_a_failed_export_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "script.txt"
    path.write_text("old", "utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_script_file(path, "lone surrogate \ud800")
    assert path.read_text("utf-8") == "old"
    assert os.listdir(tmp_path) == ["script.txt"]


def test_a_write_that_cannot_finish_leaves_nothing_behind(tmp_path: Path) -> None:
    taken = tmp_path / "taken.txt"
    taken.mkdir()  # the rename onto it fails after the data was written
    (taken / "inside").write_text("x", "utf-8")
    with pytest.raises(OSError):
        write_script_file(taken, "== Opener ==\nHi\n")
    assert os.listdir(tmp_path) == ["taken.txt"]


def test_suggested_file_names_are_safe_everywhere() -> None:
    assert suggested_file_name("Tandartsen: v2 / kort?") == "Tandartsen_ v2 _ kort_.pitch"
    assert suggested_file_name("...") == "script.pitch"
