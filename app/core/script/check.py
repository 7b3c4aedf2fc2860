"""Reading script files with a clear word when that fails, and `pitchback check-script`.

Scripts are UTF-8 text (``.pitch``). Notepad's other encodings are read too where the file says
which one it is (a UTF-8 or UTF-16 byte-order mark); anything else that is not UTF-8 is refused
rather than guessed, because a wrongly guessed é would end up in the salesperson's script.
"""

from __future__ import annotations

from pathlib import Path

from app.core.i18n import _
from app.core.script.model import Script, Severity
from app.core.script.parser import parse

EXTENSION = ".pitch"


class ScriptFileError(Exception):
    """A script file cannot be read; the message says why in the user's words."""


def decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ScriptFileError(
            _(
                "{name} is not a text file: it looks like binary data. "
                "A script is plain text, saved as UTF-8."
            ).format(name=name)
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ScriptFileError(
            _(
                "{name} is not saved as UTF-8: line {line} has a character Pitchback cannot "
                "read. Open it in your editor and save it again with the encoding UTF-8."
            ).format(name=name, line=line)
        ) from error


def read_text(path: Path) -> str:
    """The text of the script file at ``path``; raises ScriptFileError when it cannot."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        message = _("There is no file {path}.").format(path=path)
        raise ScriptFileError(message) from error
    except IsADirectoryError as error:
        message = _("{path} is a folder, not a script file.").format(path=path)
        raise ScriptFileError(message) from error
    except PermissionError as error:
        message = _("Pitchback is not allowed to read {path}.").format(path=path)
        raise ScriptFileError(message) from error
    except OSError as error:
        message = _("Pitchback cannot read {path}: {reason}").format(
            path=path, reason=error.strerror or error
        )
        raise ScriptFileError(message) from error
    return decode(data, path.name)


def read_script(path: Path) -> Script:
    return parse(read_text(path))


def report(name: str, script: Script) -> str:
    """The problems of ``script`` as check-script prints them, one per line."""
    lines = [name]
    for problem in script.problems:
        template = (
            _("line {line}, error: {message}")
            if problem.severity == Severity.ERROR
            else _("line {line}, warning: {message}")
        )
        lines.append("  " + template.format(line=problem.line, message=problem.message))
    if script.problems:
        summary = _("Errors: {errors}, warnings: {warnings}.")
        lines.append(summary.format(errors=len(script.errors), warnings=len(script.warnings)))
    else:
        lines.append(_("No problems found."))
    return "\n".join(lines)


def check_file(path: Path) -> tuple[str, int]:
    """What ``pitchback check-script FILE`` prints, and its exit code.

    The exit code is 1 when the script has errors or cannot be read, else 0 (warnings alone
    do not fail the check).
    """
    try:
        script = read_script(path)
    except ScriptFileError as error:
        return str(error), 1
    return report(path.name, script), 1 if script.errors else 0
