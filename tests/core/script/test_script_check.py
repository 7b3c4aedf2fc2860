"""`pitchback check-script FILE`: the report a salesperson reads and the exit code CI reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import i18n
from app.core.script import check_file, read_script

GOOD = "== Voicemail ==\nHi.\n== Opener ==\nHi.\n-> Bye\n== Bye == (end)\nBye.\n"


def write_bytes(folder: Path, data: bytes, name: str = "call.pitch") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_good_script_passes(tmp_path: Path) -> None:
    report, code = check_file(write_bytes(tmp_path, GOOD.encode()))

    assert code == 0
    assert report == "call.pitch\nNo problems found."


def test_errors_are_listed_with_line_numbers_and_fail(tmp_path: Path) -> None:
    text = GOOD.replace("-> Bye", "-> By")

    report, code = check_file(write_bytes(tmp_path, text.encode()))

    assert code == 1
    assert "line 5, error: There is no step called “By”" in report
    assert "line 6, warning: No answer leads to the step “Bye”" in report
    assert report.endswith("Errors: 1, warnings: 1.")


def test_warnings_alone_do_not_fail(tmp_path: Path) -> None:
    text = GOOD + "== Spare == (end)\nHi.\n"

    report, code = check_file(write_bytes(tmp_path, text.encode()))

    assert code == 0
    assert "line 8, warning:" in report


def test_a_missing_file(tmp_path: Path) -> None:
    report, code = check_file(tmp_path / "nope.pitch")

    assert code == 1
    assert report == f"There is no file {tmp_path / 'nope.pitch'}."


def test_a_folder(tmp_path: Path) -> None:
    report, code = check_file(tmp_path)

    assert code == 1
    assert "is a folder, not a script file" in report


def test_a_binary_file(tmp_path: Path) -> None:
    report, code = check_file(write_bytes(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))

    assert code == 1
    assert "not a text file" in report


def test_a_windows_1252_file_is_read_like_import_reads_it(tmp_path: Path) -> None:
    data = GOOD.replace("Hi.", "Café.").encode("cp1252")

    report, code = check_file(write_bytes(tmp_path, data))

    assert code == 0, report


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_notepad_encodings_with_a_byte_order_mark_are_read(tmp_path: Path, encoding: str) -> None:
    path = write_bytes(tmp_path, GOOD.replace("Hi.", "Café.").encode(encoding))

    assert check_file(path)[1] == 0
    voicemail = read_script(path).voicemail
    assert voicemail is not None
    assert voicemail.spoken == ("Café.",)


def test_the_report_speaks_dutch(tmp_path: Path) -> None:
    i18n.set_language("nl")

    report, code = check_file(write_bytes(tmp_path, GOOD.replace("-> Bye", "-> By").encode()))

    assert code == 1
    assert "regel 5, fout: Er is geen stap die “By” heet" in report
    assert report.endswith("Fouten: 1, waarschuwingen: 1.")
