"""Reading real text files: bad bytes in UTF-8, Word's and DOS's marks, UTF-16, pipes."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from app.core.library import ScriptLibrary
from app.core.library.transfer import read_script_file
from app.core.script import check_file, parse
from app.core.script.textfile import ScriptFileError
from app.core.store import connect

SCRIPT = (
    "Title: Één gesprek\n\n== Voicemail ==\nDag {first_name}, één vraag.\n\n"
    "== Opening ==\nGoeiedag, u spreekt met Sam.\n-> Afsluiten\n\n"
    "== Afsluiten == (einde)\nBedankt en nog een fijne dag.\n"
)

# Short, as a quick test script is: one stray control character is then a large share of it.
SHORT = "== Voicemail ==\nHoi.\n== Opening ==\nDag.\n-> Afsluiten\n== Afsluiten == (einde)\nDag.\n"


def file_with(tmp_path: Path, data: bytes, name: str = "call.pitch") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- finding 11: one bad byte in a UTF-8 file


def test_a_utf8_file_with_one_bad_byte_keeps_its_accents_and_says_which_line(
    tmp_path: Path,
) -> None:
    data = SCRIPT.encode().replace(b"Sam.", b"Sam\xff.")  # line 7
    path = file_with(tmp_path, data)

    found = read_script_file(path)
    report, code = check_file(path)

    assert found.text == SCRIPT.replace("Sam.", "Sam\ufffd.")  # not "Ã‰Ã©n gesprek"
    assert parse(found.text).title == "Één gesprek"
    assert found.note_for_user is not None and "line 7" in found.note_for_user
    assert code == 0
    assert "warning: A few characters on line 7 could not be read" in report
    assert "No problems found." not in report
    assert report.endswith("Errors: 0, warnings: 1.")


def test_a_file_with_no_utf8_in_it_is_still_read_as_windows_1252(tmp_path: Path) -> None:
    found = read_script_file(file_with(tmp_path, SCRIPT.encode("cp1252")))

    assert found.text == SCRIPT
    assert found.note_for_user is None


# -- finding 12: real text files that are text


@pytest.mark.parametrize(
    "data",
    [
        SHORT.replace("\nDag.", "\x0bDag.").encode(),  # Word's soft line breaks
        SHORT.replace("\n", "\u2028").encode(),  # Unicode's line separator
        SHORT.replace("\n", "\u2029").encode(),  # and paragraph separator
        SHORT.encode() + b"\x1a",  # a DOS end-of-file mark
        SHORT.replace("\n", "\r\n").encode("cp1252") + b"\x1a",
        SHORT.encode("utf-16-le"),  # no byte-order mark
        SHORT.encode("utf-16-be"),
    ],
    ids=["word-soft-breaks", "u2028", "u2029", "dos-eof", "dos-cp1252-eof", "le", "be"],
)
def test_real_text_files_are_not_refused_as_not_text(tmp_path: Path, data: bytes) -> None:
    path = file_with(tmp_path, data)

    found = read_script_file(path)
    report, code = check_file(path)

    script = parse(found.text)
    assert [step.name for step in script.steps] == ["Opening", "Afsluiten"]
    assert (report, code) == ("call.pitch\nNo problems found.", 0)


# -- finding 14: a named pipe is refused, not waited on


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_check_script_and_import_refuse_a_named_pipe_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "call.pitch"
    os.mkfifo(fifo)
    outcomes: list[object] = []

    def check_and_import() -> None:
        outcomes.append(check_file(fifo))
        conn = connect(tmp_path / "pitchback.db")
        try:
            ScriptLibrary(conn).import_file(fifo, "en")
        except ScriptFileError as error:
            outcomes.append(str(error))
        finally:
            conn.close()

    worker = threading.Thread(target=check_and_import, name="read-fifo")
    worker.start()
    worker.join(timeout=10)
    hung = worker.is_alive()
    while worker.is_alive():  # release a reader stuck in open(), so the test can end
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=0.1)
    assert not hung, "reading a named pipe hung"
    (report, code), message = outcomes
    assert code == 1
    assert "is not an ordinary file" in str(report)
    assert "is not an ordinary file" in str(message)
