"""`pitchback check-script`: a script file's problems, with line numbers.

Scripts are UTF-8 text (``.pitch``); files are read the way import reads them (textfile.py).
"""

from __future__ import annotations

from pathlib import Path

from app.core.i18n import _
from app.core.script.model import Script, Severity
from app.core.script.parser import parse
from app.core.script.textfile import ScriptFileError, read_file, read_text

EXTENSION = ".pitch"


def read_script(path: Path) -> Script:
    return parse(read_text(path))


def report(name: str, script: Script, reading: str | None = None) -> str:
    """The problems of ``script`` as check-script prints them, one per line; ``reading`` is
    what the reader had to say about the file's bytes (TextFile.warning)."""
    lines = [name]
    if reading:
        lines.append("  " + _("warning: {message}").format(message=reading))
    for problem in script.problems:
        template = (
            _("line {line}, error: {message}")
            if problem.severity == Severity.ERROR
            else _("line {line}, warning: {message}")
        )
        lines.append("  " + template.format(line=problem.line, message=problem.message))
    if script.problems or reading:
        summary = _("Errors: {errors}, warnings: {warnings}.")
        warnings = len(script.warnings) + (1 if reading else 0)
        lines.append(summary.format(errors=len(script.errors), warnings=warnings))
    else:
        lines.append(_("No problems found."))
    return "\n".join(lines)


def check_file(path: Path) -> tuple[str, int]:
    """What ``pitchback check-script FILE`` prints, and its exit code.

    The exit code is 1 when the script has errors or cannot be read, else 0 (warnings alone
    do not fail the check).
    """
    try:
        found = read_file(path)
    except ScriptFileError as error:
        return str(error), 1
    script = parse(found.text)
    return report(path.name, script, found.warning), 1 if script.errors else 0
