"""Files in and out of the library: the user picks a file, the library reads or writes it.

Each function returns what to tell the user, or None when they cancelled the file dialog.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.i18n import _
from app.core.library import ScriptInfo, ScriptLibrary, suggested_file_name
from app.core.library.scripts import Language
from app.core.script import EXTENSION
from app.ui.editor.call_sheet import write_call_sheet
from app.ui.editor.script_editor import ScriptEditor

EMPTY_SCRIPT = "== Voicemail ==\n\n\n== Opener ==\n\n"


def _start_folder() -> str:
    return str(Path.home())


def import_script(
    parent: QWidget, library: ScriptLibrary, language: Language
) -> tuple[ScriptInfo, str | None] | None:
    """A new script from a file the user picks; raises ScriptFileError, changing nothing."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import a script"),
        _start_folder(),
        _("Scripts and text files (*{extension} *.txt);;All files (*)").format(extension=EXTENSION),
    )
    if not name:
        return None
    return library.import_file(Path(name), language)


def export_script(parent: QWidget, library: ScriptLibrary, script_id: int) -> str | None:
    title = library.get(script_id).title
    path = _save_path(
        parent,
        _("Export the script"),
        suggested_file_name(title),
        _("Scripts (*{extension})").format(extension=EXTENSION),
        EXTENSION,
    )
    if path is None:
        return None
    try:
        library.export_file(script_id, path)
    except OSError as exc:
        return _("The script could not be saved as {path} ({detail}).").format(
            path=path, detail=exc.strerror or exc
        )
    return _("Saved “{title}” as {path}.").format(title=title, path=path)


def export_call_sheet(
    parent: QWidget, title: str, editor: ScriptEditor, values: Mapping[str, str]
) -> str | None:
    """Save the call sheet as a PDF; ``values`` fills the placeholders (the user's profile)."""
    suggested = Path(suggested_file_name(title)).with_suffix(".pdf").name
    path = _save_path(parent, _("Save the call sheet"), suggested, _("PDF (*.pdf)"), ".pdf")
    if path is None:
        return None
    try:
        write_call_sheet(
            path, title, editor.script, editor.meter.summary.text(), editor.map, values
        )
    except OSError as exc:
        return _("The call sheet could not be saved as {path} ({detail}).").format(
            path=path, detail=exc
        )
    return _("Saved the call sheet as {path}.").format(path=path)


def _save_path(
    parent: QWidget, caption: str, suggested: str, filters: str, suffix: str
) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, caption, str(Path(_start_folder()) / suggested), filters
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(suffix)
