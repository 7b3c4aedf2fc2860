"""Reading a script file's bytes as text: one policy for check-script, import and the editor.

Forgiving about encodings (UTF-8, UTF-16 or UTF-32 with a byte-order mark, Windows-1252 from
old Word exports) and strict about content: what is not text raises ScriptFileError, in the
user's words, and nothing is changed.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from app.core.i18n import _

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


class ScriptFileError(Exception):
    """A script file cannot be read; the message says why in the user's words."""


def read_bytes(path: Path) -> bytes:
    """The file's bytes (at most a script's worth); raises ScriptFileError when it cannot."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError as error:
        raise ScriptFileError(_("There is no file {path}.").format(path=path)) from error
    except IsADirectoryError as error:
        message = _("{path} is a folder, not a script file.").format(path=path)
        raise ScriptFileError(message) from error
    except PermissionError as error:
        message = _("Pitchback is not allowed to read {path}.").format(path=path)
        raise ScriptFileError(message) from error
    except OSError as error:
        raise ScriptFileError(
            _("This file could not be opened ({detail}). Nothing was changed.").format(
                detail=error.strerror or error
            )
        ) from error
    if len(data) > MAX_BYTES:
        raise ScriptFileError(_("This file is too large to be a script. Nothing was changed."))
    return data


def read_text(path: Path) -> str:
    """The text of the file at ``path`` with '\\n' newlines; raises ScriptFileError."""
    return decode(read_bytes(path)).replace("\r\n", "\n").replace("\r", "\n")


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


def _checked(text: str) -> str:
    if len(_CONTROL.findall(text)) > MAX_CONTROL_FRACTION * len(text):
        raise _not_text()
    return text


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
