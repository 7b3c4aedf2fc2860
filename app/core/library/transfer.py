"""Scripts as text files: reading whatever the user picks, writing files other tools can read.

Reading is forgiving about encodings (UTF-8, UTF-16 with a byte-order mark, Windows-1252 from
old Word exports) and strict about content: a file that is not text raises ScriptFileError and
nothing is changed. Plain text that is not in the script format becomes the voicemail.
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.core.i18n import _

# How the script format (app/core/script/parser.py) marks a section and the header lines
# before the first one; mirrored here, in one place, so the two stay easy to align.
SECTION_HEADING = re.compile(r"^[ \t]*==[ \t]*[^=\s][^\n]*?==", re.MULTILINE)
VOICEMAIL_HEADING = "== Voicemail =="
HEADER_LINE = re.compile(
    r"^[ \t]*#?[ \t]*(title|titel|language|taal)[ \t]*:(.*)$", re.IGNORECASE | re.MULTILINE
)
LANGUAGE_NAMES = {
    "en": "en",
    "english": "en",
    "engels": "en",
    "nl": "nl",
    "dutch": "nl",
    "flemish": "nl",
    "nederlands": "nl",
    "vlaams": "nl",
}
SCRIPT_SUFFIX = ".txt"

# A script is a few pages; anything far larger is a wrongly chosen file, not worth reading.
MAX_BYTES = 1024 * 1024
# Control characters hardly ever occur in text and abound in binary data.
MAX_CONTROL_FRACTION = 0.01
# Windows-1252 is a guess: text in it is mostly ASCII, binary data mostly not.
MAX_HIGH_BYTE_FRACTION = 0.3

# Unicode's control characters (category Cc) but tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Characters Windows does not allow in file names.
_UNSAFE_IN_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


class ScriptFileError(Exception):
    """The file cannot be imported; the message says why in the user's words."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    text: str
    title: str
    language: str | None  # 'en' or 'nl' when the file says so
    note_for_user: str | None  # something the user should be told about the import


def read_script_file(path: Path) -> ImportResult:
    """The script in the file at ``path``; raises ScriptFileError when it cannot be one."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ScriptFileError(
            _("This file could not be opened ({detail}). Nothing was changed.").format(
                detail=exc.strerror or exc
            )
        ) from exc
    if len(data) > MAX_BYTES:
        raise ScriptFileError(_("This file is too large to be a script. Nothing was changed."))
    text = _normalise_newlines(decode(data))
    if not text.strip():
        raise ScriptFileError(
            _("This file is empty, so there is no script in it. Nothing was changed.")
        )
    heading = SECTION_HEADING.search(text)
    if heading:
        title, language = _header(text[: heading.start()])
        return ImportResult(text, title or _default_title(path), language, None)
    return ImportResult(
        VOICEMAIL_HEADING + "\n" + text.lstrip("\n"),
        _default_title(path),
        None,
        _("This file was not in the script format, so its text became the voicemail."),
    )


def decode(data: bytes) -> str:
    """The text in ``data``; raises ScriptFileError when it is not text."""
    # UTF-32's mark starts with UTF-16's, so it is tested first.
    for boms, codec in ((_UTF32_BOMS, "utf-32"), (_UTF16_BOMS, "utf-16")):
        if data.startswith(boms):
            try:
                return _checked(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise _unreadable() from exc
    if b"\x00" in data:
        raise _not_text()
    try:
        return _checked(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high > MAX_HIGH_BYTE_FRACTION * len(data):
        raise _not_text()
    try:
        return _checked(data.decode("cp1252"))
    except UnicodeDecodeError as exc:
        raise _unreadable() from exc


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
    return (stem or "script") + SCRIPT_SUFFIX


def _checked(text: str) -> str:
    if len(_CONTROL.findall(text)) > MAX_CONTROL_FRACTION * len(text):
        raise _not_text()
    return text


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _header(head: str) -> tuple[str, str | None]:
    """Title and language from the lines before the first heading ('' and None if absent)."""
    title, language = "", None
    for match in HEADER_LINE.finditer(head):
        key, value = match.group(1).casefold(), match.group(2).strip()
        if key in ("title", "titel") and not title:
            title = value
        elif key in ("language", "taal") and language is None:
            language = LANGUAGE_NAMES.get(value.casefold())
    return title, language


def _default_title(path: Path) -> str:
    return path.stem.strip() or _("Imported script")


def _not_text() -> ScriptFileError:
    return ScriptFileError(
        _("This file is not a text file, so it cannot be a script. Nothing was changed.")
    )


def _unreadable() -> ScriptFileError:
    return ScriptFileError(
        _(
            "The text in this file could not be read. Save it as UTF-8 text and try again. "
            "Nothing was changed."
        )
    )
