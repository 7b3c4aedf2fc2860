"""The Scripts page: the library on the left, the editor in the middle, history beside it.

The page owns which script is open. Its text is the library's working copy: every change is
saved by Autosave within a second of the last keystroke, and flushed before anything else reads
the script (switching scripts, revisions, export, leaving the page, closing the app).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import QInputDialog, QSplitter, QVBoxLayout, QWidget

from app.core import i18n
from app.core.i18n import _
from app.core.library import Language, LibraryError, ScriptFileError, ScriptLibrary
from app.core.library.starters import ensure_a_script, script_language, starter_path
from app.core.profile import load_profile
from app.ui.editor.script_editor import ScriptEditor
from app.ui.library import transfer
from app.ui.library.autosave import Autosave
from app.ui.library.commands import DeleteScript, RenameScript
from app.ui.library.history_panel import HistoryPanel
from app.ui.library.panel import LibraryPanel
from app.ui.script_picker import use_script
from app.ui.storage_errors import reports_storage_errors

LAST_SCRIPT = "library/last_script"


class ScriptsPage(QWidget):
    message = Signal(str)  # shown in the window's status line
    script_changed = Signal(int)  # the script now open; 0 when none is

    def __init__(
        self,
        library: ScriptLibrary,
        undo: QUndoStack,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.undo = undo
        self.settings = settings
        self._script_id: int | None = None
        self.autosave = Autosave(library, parent=self)
        self.editor = ScriptEditor()
        self.history = HistoryPanel(library.history, self.editor.text)
        self.editor.side.addTab(self.history, _("History"))
        self.new_action = self._action(_("New…"), "Ctrl+N", self.new_script)
        self.duplicate_action = self._action(_("Duplicate"), None, self.duplicate_script)
        self.rename_action = self._action(_("Rename"), None, self.rename_selected)
        self.delete_action = self._action(_("Delete"), None, self.delete_script)
        self.import_action = self._action(_("Import…"), "Ctrl+O", self.import_script)
        self.export_action = self._action(_("Export…"), "Ctrl+E", self.export_script)
        self.sheet_action = self._action(_("Call sheet (PDF)…"), None, self.export_call_sheet)
        self.bin_action = self._action(_("Deleted scripts…"), None, self.restore_deleted)
        self.revision_action = self._action(_("Save revision…"), "Ctrl+S", self.save_revision)
        self.search_action = self._action(_("Search"), "Ctrl+F", self.focus_search)
        self.panel = LibraryPanel(
            [
                self.new_action,
                self.duplicate_action,
                self.rename_action,
                self.delete_action,
                self.import_action,
                self.export_action,
                self.sheet_action,
                self.bin_action,
            ]
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.editor.edited.connect(self._on_edited)
        self.autosave.failed.connect(self.message)
        self.autosave.saved.connect(self._saved)
        self.panel.chosen.connect(self.open_script)
        self.panel.search.textChanged.connect(lambda _text: self.reload_list())
        # queued: the list reloads after a rename, which must wait until the editor has closed
        self.panel.model.rename_requested.connect(
            self.rename_script, Qt.ConnectionType.QueuedConnection
        )
        self.history.save_requested.connect(self.save_revision)
        self.history.restore_requested.connect(self.restore_revision)
        self._start()

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({shortcut})")
        # Window-wide, but only while this page is the one in view (Qt skips hidden widgets).
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    @reports_storage_errors
    def _start(self) -> None:
        ensure_a_script(self.library, i18n.language())
        scripts = self.library.list_scripts()
        wanted = _int(self.settings.value(LAST_SCRIPT))
        ids = {script.id for script in scripts}
        first = wanted if wanted in ids else (scripts[0].id if scripts else None)
        self.panel.show_scripts(scripts, first)
        self._open(first)

    # -- for other features

    def current_script_id(self) -> int | None:
        return self._script_id

    def save_now(self) -> None:
        """Write the open script's text to the library now (before practice reads it)."""
        self.autosave.flush()

    def set_words_per_minute(self, words_per_minute: float | None) -> None:
        """Time the voicemail at the user's own pace, as measured from their takes."""
        self.editor.set_words_per_minute(words_per_minute)

    # -- which script is open

    def open_script(self, script_id: int) -> None:
        if script_id != self._script_id:
            self._open(script_id)

    def reload_script(self, script_id: int) -> None:
        """Show the library's text again after another feature changed the script."""
        if script_id == self._script_id:
            self._open(script_id)
        self.history.show_script(self._script_id)

    def _open(self, script_id: int | None) -> None:
        self.autosave.flush()
        self._script_id = script_id
        self.editor.load(None if script_id is None else self.library.text(script_id))
        self.history.show_script(script_id)
        self.panel.mark(script_id)
        if script_id is not None:
            self.settings.setValue(LAST_SCRIPT, script_id)
            use_script(self.library.conn, script_id)  # the Voicemail and Live call pages follow
        self.script_changed.emit(script_id or 0)

    def reload_list(self, select: int | None = None) -> None:
        """List the scripts that match the search; open ``select`` if given."""
        scripts = self.library.list_scripts(self.panel.search.text())
        self.panel.show_scripts(scripts, select if select is not None else self._script_id)
        if select is not None:
            self.open_script(select)

    def _on_edited(self) -> None:
        if self._script_id is not None:
            self.autosave.changed(self._script_id, self.editor.text)

    def focus_search(self) -> None:
        self.panel.search.setFocus()
        self.panel.search.selectAll()

    # -- making, renaming, deleting

    @reports_storage_errors
    def new_script(self) -> None:
        starters: list[Language] = ["en", "nl"]
        choices = [_("From the English starter"), _("From the Dutch starter"), _("Empty script")]
        current = 1 if i18n.language() == "nl" else 0
        choice, ok = QInputDialog.getItem(
            self, _("New script"), _("Start the new script:"), choices, current, False
        )
        if not ok or choice not in choices:
            return
        index = choices.index(choice)
        path = starter_path(starters[index]) if index < len(starters) else None
        if path is not None:
            info = self.library.create_from_starter(path, starters[index])
        else:
            language = script_language(i18n.language())
            info = self.library.create(_("New script"), language, transfer.EMPTY_SCRIPT)
        self.panel.search.clear()
        self.reload_list(select=info.id)
        self.message.emit(
            _("Made “{title}”. Press F2 to give it your own name.").format(title=info.title)
        )

    @reports_storage_errors
    def duplicate_script(self) -> None:
        if self._script_id is None:
            return
        self.autosave.flush()
        info = self.library.duplicate(self._script_id)
        self.panel.search.clear()
        self.reload_list(select=info.id)
        self.message.emit(_("Made a copy: “{title}”.").format(title=info.title))

    def rename_selected(self) -> None:
        """Edit the open script's title in the list (F2)."""
        if self._script_id is not None:
            self.panel.edit_title(self._script_id)

    @reports_storage_errors
    def rename_script(self, script_id: int, title: str) -> None:
        self.autosave.flush()  # the rename rewrites the Title: line of the text as saved
        try:
            self.undo.push(RenameScript(self.library, script_id, title, self._renamed))
        except LibraryError as exc:
            self.message.emit(str(exc))

    def _renamed(self, script_id: int) -> None:
        if script_id == self._script_id:  # its Title: line says the new name
            self.editor.load(self.library.text(script_id))
        self.reload_list()

    def _saved(self, script_id: int) -> None:
        """A Title: line typed in the editor renames the script: the list says so."""
        if self.library.get(script_id).title not in self.panel.model.titles():
            self.reload_list()

    def delete_selected(self) -> None:
        """The Delete key: only from the list, so that it never deletes while editing."""
        if self.panel.list.hasFocus():
            self.delete_script()

    @reports_storage_errors
    def delete_script(self) -> None:
        if self._script_id is None:
            return
        self.autosave.flush()
        title = self.library.get(self._script_id).title
        self.undo.push(DeleteScript(self.library, self._script_id, self._deleted, self._restored))
        self.panel.list.setFocus()
        self.message.emit(
            _("“{title}” was deleted. Press Ctrl+Z to bring it back.").format(title=title)
        )

    def _deleted(self, script_id: int) -> None:
        row = max(0, self.panel.model.row_of(script_id))
        scripts = self.library.list_scripts(self.panel.search.text())
        if script_id == self._script_id:
            self.autosave.cancel()
            following = scripts[min(row, len(scripts) - 1)].id if scripts else None
            self.panel.show_scripts(scripts, following)
            self._open(following)
        else:
            self.panel.show_scripts(scripts, self._script_id)

    def _restored(self, script_id: int) -> None:
        self.reload_list(select=script_id)

    @reports_storage_errors
    def restore_deleted(self) -> None:
        binned = [s for s in self.library.list_scripts(include_deleted=True) if s.deleted]
        if not binned:
            self.message.emit(_("There are no deleted scripts."))
            return
        labels = [
            _("{title} (deleted {when})").format(
                title=s.title,
                when=s.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M") if s.deleted_at else "",
            )
            for s in binned
        ]
        choice, ok = QInputDialog.getItem(
            self, _("Deleted scripts"), _("Bring back:"), labels, 0, False
        )
        if ok and choice in labels:
            script = binned[labels.index(choice)]
            self.library.restore(script.id)
            self.panel.search.clear()
            self.reload_list(select=script.id)
            self.message.emit(_("“{title}” is back.").format(title=script.title))

    # -- revisions

    @reports_storage_errors
    def save_revision(self) -> None:
        if self._script_id is None:
            return
        self.autosave.flush()
        name, ok = QInputDialog.getText(
            self, _("Save revision"), _("A name for this version, such as “v3, shorter opener”:")
        )
        if not ok:
            return
        revision = self.library.history.make_revision(self._script_id, name)
        self.history.show_script(self._script_id)
        label = revision.name or _("without a name")
        self.message.emit(_("Saved the revision “{name}”.").format(name=label))

    @reports_storage_errors
    def restore_revision(self, revision_id: int) -> None:
        if self._script_id is None:
            return
        self.autosave.flush()
        self.library.history.restore_revision(revision_id)
        # As one edit, so that Ctrl+Z in the editor takes the restore back.
        self.editor.edit.replace_all(self.library.text(self._script_id))
        self.autosave.cancel()  # the library already holds this text
        self.editor.refresh()
        self.history.show_script(self._script_id)
        self.message.emit(_("The revision is back. The text before it is kept in the history."))

    # -- files

    def import_script(self) -> None:
        language = script_language(i18n.language())
        try:
            imported = transfer.import_script(self, self.library, language)
        except ScriptFileError as exc:
            self.message.emit(str(exc))
            return
        if imported is None:
            return
        info, note = imported
        self.panel.search.clear()
        self.reload_list(select=info.id)
        self.message.emit(note or _("Imported “{title}”.").format(title=info.title))

    def export_script(self) -> None:
        if self._script_id is None:
            return
        self.autosave.flush()
        self._report(transfer.export_script(self, self.library, self._script_id))

    def export_call_sheet(self) -> None:
        if self._script_id is None:
            return
        self.autosave.flush()
        self.editor.refresh()
        title = self.library.get(self._script_id).title
        values = load_profile(self.library.conn).values()
        self._report(transfer.export_call_sheet(self, title, self.editor, values))

    def _report(self, outcome: str | None) -> None:
        if outcome:
            self.message.emit(outcome)

    # -- the page's life

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Practice may have added revisions while another page was in view.
        self.history.show_script(self._script_id)

    def hideEvent(self, event: QHideEvent) -> None:
        self.autosave.flush()
        super().hideEvent(event)

    def shutdown(self) -> None:
        self.autosave.flush()
        self.editor.shutdown()


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None
