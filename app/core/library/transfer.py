"""Scripts as text files: reading whatever the user picks, writing files other tools can read.

Reading is forgiving about encodings (UTF-8, UTF-16 with a byte-order mark, Windows-1252 from
old Word exports) and strict about content: a file that is not text raises ScriptFileError and
nothing is changed. Plain text that is not in the script format becomes the voicemail.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.core.i18n import _
from app.core.script.check import EXTENSION
from app.core.script.parser import parse
from app.core.script.textfile import ScriptFileError, read_file

VOICEMAIL_HEADING = "== Voicemail =="
# Characters Windows does not allow in file names.
_UNSAFE_IN_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@dataclass(frozen=True, slots=True)
class ImportResult:
    text: str
    title: str
    language: str | None  # 'en' or 'nl' when the file says so
    note_for_user: str | None  # something the user should be told about the import


def read_script_file(path: Path) -> ImportResult:
    """The script in the file at ``path``; raises ScriptFileError when it cannot be one."""
    found = read_file(path)
    text = found.text
    if not text.strip():
        raise ScriptFileError(
            _("This file is empty, so there is no script in it. Nothing was changed.")
        )
    script = parse(text)
    if script.voicemail is not None or any(step.name for step in script.steps):
        title = script.title or _default_title(path)
        return ImportResult(text, title, script.language, found.warning)
    note = _("This file was not in the script format, so its text became the voicemail.")
    return ImportResult(
        VOICEMAIL_HEADING + "\n" + text.lstrip("\n"),
        _default_title(path),
        None,
        " ".join(filter(None, (note, found.warning))),
    )


def write_script_file(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 with '\\n' newlines, replacing ``path`` only once all is written."""
    data = _normalise_newlines(text).encode("utf-8")
    # In the same folder, so os.replace is a rename on one file system: readers see the old
    # file or the new one, never half of it.
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def suggested_file_name(title: str) -> str:
    """A file name for exporting a script with this title, valid on every desktop system."""
    stem = _UNSAFE_IN_NAME.sub("_", title).strip(" .")
    return (stem or "script") + EXTENSION


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _default_title(path: Path) -> str:
    return path.stem.strip() or _("Imported script")
