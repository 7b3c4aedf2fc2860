"""Undoable changes to the library: renaming and deleting scripts (the bin keeps them)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app.core.i18n import _
from app.core.library import ScriptLibrary


class RenameScript(QUndoCommand):
    def __init__(
        self, library: ScriptLibrary, script_id: int, title: str, changed: Callable[[int], None]
    ) -> None:
        super().__init__(_("Rename script"))
        self.library, self.script_id, self.changed = library, script_id, changed
        self.old = library.get(script_id).title
        self.new = title

    def redo(self) -> None:
        self.library.rename(self.script_id, self.new)
        self.changed(self.script_id)

    def undo(self) -> None:
        self.library.rename(self.script_id, self.old)
        self.changed(self.script_id)


class DeleteScript(QUndoCommand):
    """Moves a script to the bin; undo brings it back as it was."""

    def __init__(
        self,
        library: ScriptLibrary,
        script_id: int,
        deleted: Callable[[int], None],
        restored: Callable[[int], None],
    ) -> None:
        super().__init__(_("Delete script"))
        self.library, self.script_id = library, script_id
        self.deleted, self.restored = deleted, restored

    def redo(self) -> None:
        self.library.delete(self.script_id)
        self.deleted(self.script_id)

    def undo(self) -> None:
        self.library.restore(self.script_id)
        self.restored(self.script_id)
