"""Undoable edits of the takes list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app.core.i18n import _
from app.core.takes import TakeStore


class RenameTake(QUndoCommand):
    def __init__(
        self, store: TakeStore, take_id: int, new: str, changed: Callable[[], None]
    ) -> None:
        super().__init__(_("Rename take"))
        self.store, self.take_id, self.changed = store, take_id, changed
        self.old = store.get(take_id).name
        self.new = new.strip()

    def redo(self) -> None:
        self.store.rename(self.take_id, self.new)
        self.changed()

    def undo(self) -> None:
        self.store.rename(self.take_id, self.old)
        self.changed()


class DeleteTake(QUndoCommand):
    def __init__(self, store: TakeStore, take_id: int, changed: Callable[[], None]) -> None:
        super().__init__(_("Delete take"))
        self.store, self.take_id, self.changed = store, take_id, changed

    def redo(self) -> None:
        self.store.delete(self.take_id)
        self.changed()

    def undo(self) -> None:
        self.store.undelete(self.take_id)
        self.changed()


class Edit(QUndoCommand):
    """A change that can be put back: ``apply`` and ``revert`` write it, ``changed`` shows it
    (``reverted``, if given, shows the undone change instead)."""

    def __init__(
        self,
        text: str,
        apply: Callable[[], None],
        revert: Callable[[], None],
        changed: Callable[[], None] = lambda: None,
        reverted: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(text)
        self.apply, self.revert = apply, revert
        self.changed, self.reverted = changed, reverted or changed

    def redo(self) -> None:
        self.apply()
        self.changed()

    def undo(self) -> None:
        self.revert()
        self.reverted()
