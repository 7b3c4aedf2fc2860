"""Reading a script file's bytes as text: one policy for check-script, import and the editor.

Forgiving about encodings and line ends, strict about content. UTF-8 is the rule: a UTF-8 file
with a few bad bytes keeps every good character, the bad bytes become '�' and the reader says
on which lines. Windows-1252 (old Word exports) is only for files with no UTF-8 in them at all.
UTF-16 and UTF-32 are read with a byte-order mark, and UTF-16 without one is told by its zero
bytes. Word's soft line breaks, Unicode's line and paragraph separators and a DOS end-of-file
mark are what they look like. What is not text, or not a regular file (a pipe, a device),
raises ScriptFileError in the user's words, and nothing is changed.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from app.core.i18n import _, n_

# A script is a few pages; anything far larger is a wrongly chosen file, not worth reading.
MAX_BYTES = 1024 * 1024
# Control characters hardly ever occur in text and abound in binary data.
MAX_CONTROL_FRACTION = 0.01
# Windows-1252 is a guess: text in it is mostly ASCII, binary data mostly not.
MAX_HIGH_BYTE_FRACTION = 0.3
# UTF-16 without a mark: in Latin text every other byte is zero, on the same side.
UTF16_ZERO_SHARE = 0.4
LINES_NAMED = 5  # in the warning about bad bytes; more are counted, not listed

# Unicode's control characters (category Cc) but tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Line ends of every kind people's editors write: Windows, old Mac, Word's soft line break
# (vertical tab), Unicode's line and paragraph separators.
_LINE_END = re.compile("\r\n|[\r\x0b\u2028\u2029]")
# What surrogateescape makes of bytes that are not UTF-8.
_ESCAPED = re.compile("[\udc80-\udcff]+")
_NON_ASCII = re.compile("[\x80-\udc7f\udd00-\U0010ffff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
DOS_END = "\x1a"


class ScriptFileError(Exception):
    """A script file cannot be read; the message says why in the user's words."""


@dataclass(frozen=True, slots=True)
class TextFile:
    """A file's text with '\\n' line ends, and the lines where bytes could not be read."""

    text: str
    bad_lines: tuple[int, ...] = ()

    @property
    def warning(self) -> str | None:
        """What to tell the user about bad bytes, or None when there were none."""
        if not self.bad_lines:
            return None
        named = ", ".join(str(line) for line in self.bad_lines[:LINES_NAMED])
        if len(self.bad_lines) > LINES_NAMED:
            named += ", …"
        return n_(
            "A few characters on line {lines} could not be read and are shown as �. "
            "Check that line.",
            "A few characters on lines {lines} could not be read and are shown as �. "
            "Check those lines.",
            len(self.bad_lines),
        ).format(lines=named)


def normalise_line_ends(text: str) -> str:
    """``text`` with every kind of line end as '\\n'."""
    return _LINE_END.sub("\n", text) if _LINE_END.search(text) else text


def read_bytes(path: Path) -> bytes:
    """The file's bytes (at most a script's worth); raises ScriptFileError when it cannot."""
    try:
        # Looked at before opening: opening a named pipe waits for a writer, forever.
        _check_kind(path, os.stat(path).st_mode)
        # Non-blocking all the same, in case a pipe took the file's place since.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _BINARY)
        with os.fdopen(handle, "rb") as file:
            _check_kind(path, os.fstat(file.fileno()).st_mode)
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError as error:
        raise ScriptFileError(_("There is no file {path}.").format(path=path)) from error
    except IsADirectoryError as error:
        raise _folder(path) from error
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


_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise _folder(path)
    if not stat.S_ISREG(mode):
        raise ScriptFileError(
            _(
                "{path} is not an ordinary file (it is a pipe or a device), "
                "so it cannot be a script. Nothing was changed."
            ).format(path=path)
        )


def _folder(path: Path) -> ScriptFileError:
    return ScriptFileError(_("{path} is a folder, not a script file.").format(path=path))


def read_file(path: Path) -> TextFile:
    """The text of the file at ``path``; raises ScriptFileError."""
    return decode_file(read_bytes(path))


def read_text(path: Path) -> str:
    """The text of the file at ``path`` with '\\n' newlines; raises ScriptFileError."""
    return read_file(path).text


def decode(data: bytes) -> str:
    """The text in ``data``, with '\\n' line ends; raises ScriptFileError when it is not text."""
    return decode_file(data).text


def decode_file(data: bytes) -> TextFile:
    """The text in ``data`` and its unreadable lines; raises ScriptFileError when not text."""
    # UTF-32's mark starts with UTF-16's, so it is tested first.
    for boms, codec in ((_UTF32_BOMS, "utf-32"), (_UTF16_BOMS, "utf-16")):
        if data.startswith(boms):
            return TextFile(_checked(_strict(data, codec)))
    utf16 = _utf16_without_mark(data)
    if utf16:
        return TextFile(_checked(_strict(data, utf16)))
    if b"\x00" in data:
        raise _not_text()
    try:
        return TextFile(_checked(data.decode("utf-8-sig")))
    except UnicodeDecodeError:
        pass
    # Bad bytes become lone surrogates, one each, and everything else is read as UTF-8.
    escaped = data.decode("utf-8-sig", errors="surrogateescape")
    runs = len(_ESCAPED.findall(escaped))
    good = len(_NON_ASCII.findall(escaped))
    if good >= runs:  # mostly UTF-8, with a few bad bytes: keep what is good, and say where
        return _with_bad_bytes(escaped)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high > MAX_HIGH_BYTE_FRACTION * len(data):
        raise _not_text()
    return TextFile(_checked(_strict(data, "cp1252")))


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _unreadable() from exc


def _utf16_without_mark(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when the zero bytes say so (Latin text, no mark), else None."""
    pairs = len(data) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= UTF16_ZERO_SHARE * pairs and even == 0:
        return "utf-16-le"
    if even >= UTF16_ZERO_SHARE * pairs and odd == 0:
        return "utf-16-be"
    return None


def _with_bad_bytes(escaped: str) -> TextFile:
    text = normalise_line_ends(escaped)
    lines: list[int] = []
    line, counted = 1, 0
    for match in _ESCAPED.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    return TextFile(_checked(_ESCAPED.sub("\ufffd", text)), tuple(lines))


def _checked(text: str) -> str:
    text = normalise_line_ends(text)
    head, mark, tail = text.rpartition(DOS_END)
    if mark and not tail.strip():
        text = head  # a DOS end-of-file mark, and nothing after it
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
