"""The main window: pages in tabs, the toolbar and menus, messages, saved geometry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.core.i18n import _, p_
from app.ui.lazy_page import LazyPage
from app.ui.look import icon
from app.ui.takes_page import TakesPage

PageT = TypeVar("PageT", bound=QWidget)


class MainWindow(QMainWindow):
    audio_ready = Signal()  # devices listed and interrupted takes recovered
    first_shown = Signal()
    closed = Signal()  # every page has shut down: shared services may end now
    settings_requested = Signal()  # Edit > Settings... (Ctrl+,)
    getting_started_requested = Signal()  # Help > Getting started

    def __init__(self, takes_page: TakesPage, undo: QUndoGroup, settings: QSettings) -> None:
        """``undo`` holds each page's undo stack; Undo and Redo act on the page in view."""
        super().__init__()
        self.setWindowTitle("Pitchback")
        self._shown_once = False
        self._library: Callable[[], Any] | None = None
        self.settings = settings
        self.undo = undo
        self.takes_page = takes_page
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # A banner over every page for what holds for the whole session (read-only data).
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("#banner { background: #fff3cd; color: #5c4400; padding: 6px; }")
        self.banner.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.add_page(takes_page, p_("tab", "Recorder"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.statusBar().addWidget(self.notice, 1)
        self._build_actions()
        self.tabs.currentChanged.connect(self._follow_undo)
        self._follow_undo()
        takes_page.message.connect(self.show_message)
        takes_page.recording_changed.connect(self._on_recording_changed)
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1024, 700)  # every page fits, in English and Dutch, without widening

    def set_library(self, opener: Callable[[], Any]) -> None:
        """How to get the ScriptLibrary; it is opened when first asked for."""
        self._library = opener

    @property
    def library(self) -> Any:
        if self._library is None:
            raise LookupError("no script library")
        return self._library()

    def add_page(self, page: QWidget, title: str) -> None:
        """Add a feature's page as a tab; a page's ``message`` signal, if any, shows here.

        A LazyPage is connected once it is built.
        """
        self.tabs.addTab(page, title)
        if isinstance(page, LazyPage):
            page.built.connect(self._connect_page)
        elif page is not self.takes_page:
            self._connect_page(page)

    def _connect_page(self, page: QWidget) -> None:
        message = getattr(page, "message", None)
        if message is not None:
            message.connect(self.show_message)
        self._follow_undo()  # a page built as it comes into view brings its undo stack

    def _follow_undo(self, *_args: object) -> None:
        widget = self.tabs.currentWidget()  # a LazyPage is built by being shown, not here
        page = widget.built_page if isinstance(widget, LazyPage) else widget
        stack = getattr(page, "undo", None)
        active = stack if isinstance(stack, QUndoStack) else None  # None: nothing to undo here
        self.undo.setActiveStack(active)  # type: ignore[arg-type]

    def add_home_page(self, page: QWidget, title: str) -> None:
        """The page the window opens on: the first tab, in view at start."""
        self.tabs.insertTab(0, page, title)
        self.tabs.setCurrentIndex(0)
        self._connect_page(page)

    def add_status_widget(self, widget: QWidget) -> None:
        """Something to keep in sight on every page (the running block), in the status bar."""
        self.statusBar().addPermanentWidget(widget)

    def page_in_view(self) -> QWidget:
        widget = self.tabs.currentWidget()
        return widget.page() if isinstance(widget, LazyPage) else widget

    def show_page(self, kind: type[PageT]) -> PageT:
        """Bring the page of type ``kind`` into view, as a click on its tab does."""
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            page = widget.page() if isinstance(widget, LazyPage) else widget
            if isinstance(page, kind):
                self.tabs.setCurrentIndex(index)
                return page
        raise LookupError(kind.__name__)

    def pages(self) -> list[QWidget]:
        """The pages built so far, in tab order."""
        found = []
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if isinstance(widget, LazyPage):
                if widget.is_built:
                    found.append(widget.page())
            elif widget is not None:
                found.append(widget)
        return found

    def _action(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: object,
        menu: object = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        if menu is not None:
            menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _on_page(self, method: str) -> Callable[[], None]:
        """An action that asks the page in view to do ``method``, if that page can."""

        def run() -> None:
            handler = getattr(self.page_in_view(), method, None)
            if callable(handler):
                handler()

        return run

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        take_menu = self.menuBar().addMenu(_("&Take"))
        self.help_menu = self.menuBar().addMenu(_("&Help"))
        self.file_menu, self.edit_menu = file_menu, edit_menu
        # Pages offer toggle_recording, toggle_playback, rename_selected, delete_selected.
        self.record_action = self._action(
            _("Record"),
            "R",
            self._on_page("toggle_recording"),
            take_menu,
            _("Start or stop recording (R)"),
        )
        self.play_action = self._action(
            _("Play/Pause"),
            "Space",
            self._on_page("toggle_playback"),
            take_menu,
            _("Play or pause the selected take (Space)"),
        )
        self.rename_action = self._action(
            _("Rename"), "F2", self._on_page("rename_selected"), take_menu
        )
        self.delete_action = self._action(
            _("Delete"),
            QKeySequence.StandardKey.Delete,
            self._on_page("delete_selected"),
            take_menu,
        )
        undo = self.undo.createUndoAction(self, _("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo.createRedoAction(self, _("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self.settings_action = self._action(
            _("Settings…"), "Ctrl+,", self.settings_requested.emit, edit_menu
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.undo_action, self.redo_action = undo, redo
        self.refresh_action = self._action(
            _("Refresh devices"),
            "F5",
            self.takes_page.refresh_devices,
            file_menu,
            _("Look again for plugged-in microphones and speakers (F5)"),
        )
        file_menu.addSeparator()
        self._action(_("Quit"), QKeySequence.StandardKey.Quit, self.close, file_menu)
        self.getting_started_action = self._action(
            _("Getting started…"), None, self.getting_started_requested.emit, self.help_menu
        )
        self._action(_("About Pitchback"), None, self._about, self.help_menu)
        toolbar = QToolBar(_("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.record_action.setIcon(icon("record", self))
        self.play_action.setIcon(icon("play", self))
        self.settings_action.setIcon(icon("settings", self))
        self.getting_started_action.setIcon(icon("help", self))
        for action in (self.record_action, self.play_action, undo, redo):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _on_recording_changed(self, recording: bool) -> None:
        self.record_action.setText(_("Stop") if recording else _("Record"))
        self.record_action.setIcon(icon("stop" if recording else "record", self))

    def show_message(self, text: str) -> None:
        self.notice.setText(text)

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # its enums cost start-up time

        QMessageBox.about(
            self,
            _("About Pitchback"),
            _(
                "Pitchback {version}: rehearse cold calls until the words are your own.\n"
                "Everything stays on this computer.\nLicense: GPL-3.0-or-later."
            ).format(version=__version__),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages():
            shutdown = getattr(page, "shutdown", None)
            if callable(shutdown):
                shutdown()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.closed.emit()
        super().closeEvent(event)
