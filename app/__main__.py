"""Pitchback's entry point: the command line, or the app with its objects wired together."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The Qt-free modules start-up needs load here, before PySide6: PySide6 reads the source of
# every module imported after it (for its __feature__ switches), which slows them down.
from app.core.i18n import _, set_language, system_language
from app.core.paths import data_home, database_path
from app.core.store import StoreError, connect, get_setting, set_aside
from app.core.takes import TakeStore

if TYPE_CHECKING:
    import sqlite3

    from PySide6.QtWidgets import QApplication

    from app.core.library import ScriptLibrary
    from app.ui.feedback import FeedbackPage
    from app.ui.main_window import MainWindow

COMMANDS = {"devices", "record", "check-script", "analyze"}


@dataclass
class Opened:
    conn: sqlite3.Connection
    notes: list[str]


def open_store(home: Path) -> Opened:
    """The user's database; a damaged one is set aside (kept for rescue) and a new one made."""
    path = database_path(home)
    try:
        return Opened(connect(path), [])
    except StoreError as exc:
        kept = set_aside(path)
        note = _("{problem} It was kept as '{kept}' and a new, empty one was started.").format(
            problem=exc, kept=kept.name
        )
        return Opened(connect(path), [note])


def build(home: Path) -> MainWindow:
    """Make the main window and everything behind it (a QApplication must exist).

    Only the Recorder page is built before the window shows. The other pages are LazyPages,
    built on first view (Feedback also once audio is ready, before any take can finish), and
    the script library is opened when a page first needs it: importing all of that first
    would double the time to a window.
    """
    from functools import cache

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QUndoGroup, QUndoStack
    from PySide6.QtWidgets import QApplication, QWidget

    from app.ui.lazy_page import LazyPage
    from app.ui.look import apply_look
    from app.ui.main_window import MainWindow
    from app.ui.takes_page import TakesPage

    running = QApplication.instance()
    if isinstance(running, QApplication):
        apply_look(running)
    opened = open_store(home)
    language = get_setting(opened.conn, "language") or system_language()
    set_language(language)
    store = TakeStore(opened.conn, home)
    undo = QUndoGroup()  # a stack per page: Undo acts on the page in view

    def stack() -> QUndoStack:
        return QUndoStack(undo)  # a stack made with the group as parent joins it

    settings = QSettings(str(home / "window.ini"), QSettings.Format.IniFormat)
    page = TakesPage(store, stack())
    window = MainWindow(page, undo, settings)
    undo.setParent(window)

    @cache
    def library() -> ScriptLibrary:
        from app.core.library import ScriptLibrary
        from app.core.library.starters import ensure_a_script

        opened_library = ScriptLibrary(opened.conn)
        ensure_a_script(opened_library, language)
        return opened_library

    window.set_library(library)

    def scripts_page() -> QWidget:
        from app.ui.library.page import ScriptsPage

        return ScriptsPage(library(), stack(), settings)

    def voicemail_page() -> QWidget:
        from app.ui.voicemail import VoicemailPage

        return VoicemailPage(store, library(), stack(), feed=page.feed)

    def feedback_page() -> QWidget:
        from app.ui.feedback import FeedbackPage

        built = FeedbackPage(store, library(), page)
        built.revising.connect(save_open_script)
        built.script_revised.connect(show_revised_script)
        built.transcript_shown.connect(show_own_pace)
        if voicemail.is_built:
            built.follow(voicemail.page().take_finished)  # type: ignore[attr-defined]
        return built

    def live_call_page() -> QWidget:
        from app.core.practice import PracticeStore
        from app.ui.practice import PracticePage

        return PracticePage(PracticeStore(opened.conn, home), library(), undo=stack())

    scripts, voicemail, feedback, live_call = (
        LazyPage(scripts_page),
        LazyPage(voicemail_page),
        LazyPage(feedback_page),
        LazyPage(live_call_page),
    )
    window.add_page(scripts, _("Scripts"))
    window.add_page(voicemail, _("Voicemail"))
    window.add_page(feedback, _("Feedback"))
    window.add_page(live_call, _("Live call"))

    def the_feedback() -> FeedbackPage:
        return feedback.page()  # type: ignore[return-value]

    def save_open_script(_script_id: int) -> None:  # before feedback rewrites the script
        if scripts.is_built:
            scripts.page().save_now()  # type: ignore[attr-defined]

    def show_revised_script(script_id: int) -> None:
        if scripts.is_built:
            scripts.page().reload_script(script_id)  # type: ignore[attr-defined]

    def live_answer(script_id: int) -> None:  # a person picked up the voicemail call
        window.tabs.setCurrentWidget(live_call)
        live_call.page().start_live(script_id)  # type: ignore[attr-defined]

    def show_own_pace(*_args: object) -> None:  # the voicemail timed at the user's own pace
        if scripts.is_built:
            pace = the_feedback().records.own_pace()
            scripts.page().set_words_per_minute(pace)  # type: ignore[attr-defined]

    def voicemail_built(built: QWidget) -> None:
        if feedback.is_built:  # else the Feedback page follows it when it is built
            the_feedback().follow(built.take_finished)  # type: ignore[attr-defined]
        built.live_answer_requested.connect(live_answer)  # type: ignore[attr-defined]

    def audio_ready() -> None:  # no take can finish before this: Feedback is there for it
        the_feedback().warm_up()

    def show_settings() -> None:
        from app.ui.settings import build_settings

        old = getattr(window, "settings_dialog", None)
        if old is not None and old.isVisible():
            old.raise_()
            return
        dialog = build_settings(opened.conn, home, window)
        dialog.accepted.connect(settings_kept)
        window.settings_dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    def settings_kept() -> None:  # pages show what the user chose, at once
        if window.takes_page.panel.input_box.count():  # PortAudio is there: list again
            window.takes_page.load_devices()
        for built in window.pages():
            fill = getattr(built, "fill_placeholders", None)
            if callable(fill):
                fill()

    def show_getting_started() -> None:
        from app.ui.first_run import FirstRunWizard

        old = getattr(window, "first_run", None)
        if old is not None and old.isVisible():
            old.raise_()
            return
        wizard = FirstRunWizard(opened.conn, the_feedback().natural_voice, window)
        wizard.finished.connect(settings_kept)
        window.first_run = wizard  # type: ignore[attr-defined]
        wizard.open()

    window.settings_requested.connect(show_settings)
    window.getting_started_requested.connect(show_getting_started)
    voicemail.built.connect(voicemail_built)
    scripts.built.connect(show_own_pace)
    window.audio_ready.connect(audio_ready)

    if opened.notes:
        window.show_message(" ".join(opened.notes))
    window.first_shown.connect(
        lambda: QTimer.singleShot(0, window, lambda: start_audio(window, store))
    )
    return window


def offer_first_run(window: MainWindow) -> None:
    """Getting started, the first time the app opens (until it is finished or skipped).

    It opens once audio is ready: its last screen records, and the window shows first.
    """
    if get_setting(window.takes_page.conn, "firstrun.done") == "1":
        return

    def offer() -> None:
        window.audio_ready.disconnect(offer)
        window.getting_started_requested.emit()

    window.audio_ready.connect(offer)


def start_audio(window: MainWindow, store: TakeStore) -> None:
    """The second half of start-up, once the window is on screen.

    Loading PortAudio, listing devices and repairing takes left behind by a crash run on a
    worker thread; the GUI thread polls for the result and does every database write.
    """
    from PySide6.QtCore import QTimer

    paths = [store.path_of(take) for take in store.unfinished()]
    pool = ThreadPoolExecutor(1, thread_name_prefix="start-audio")
    future = pool.submit(prepare_audio, paths)
    pool.shutdown(wait=False)
    timer = QTimer(window)
    timer.setInterval(15)

    def check() -> None:
        if not future.done():
            return
        timer.stop()
        timer.deleteLater()
        finish_audio(window, store, future.result())

    timer.timeout.connect(check)
    timer.start()


@dataclass
class AudioStart:
    durations: dict[Path, float]  # of the takes a crash left unfinished, as repaired
    inputs: list[Any]
    outputs: list[Any]
    problem: str | None = None  # why PortAudio could not be loaded, for the user


def prepare_audio(paths: list[Path]) -> AudioStart:
    """Worker-thread part of start-up: no Qt, no database."""
    from app.audio.errors import AudioError

    try:
        from app.audio.devices import list_devices
        from app.audio.takes_io import repair_abandoned
    except AudioError as exc:  # PortAudio is not installed (app.audio.portaudio)
        return AudioStart({}, [], [], str(exc))
    return AudioStart(repair_abandoned(paths), list_devices("input"), list_devices("output"))


def finish_audio(window: MainWindow, store: TakeStore, start: AudioStart) -> None:
    if start.problem is not None:  # unfinished takes wait for a start that can repair them
        window.takes_page.audio_unavailable()
        window.show_message(start.problem)
        window.audio_ready.emit()
        return
    from app.audio.takes_io import file_in_use

    durations = start.durations
    recovered = store.recover_unfinished(
        repair=lambda path: durations.get(path, 0.0),
        in_use=lambda path: path not in durations and file_in_use(path),
    )
    if recovered:
        window.takes_page.reload()
        window.show_message(
            _("{count} take(s) were recovered after Pitchback closed during a recording.").format(
                count=len(recovered)
            )
        )
    window.takes_page.load_devices(start.inputs, start.outputs)
    window.audio_ready.emit()


def open_window(argv: Sequence[str]) -> tuple[QApplication, MainWindow]:
    """The application and its main window, shown: what ``pitchback`` does before its loop."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("Pitchback")
    app.setOrganizationName("Pitchback")
    window = build(data_home())
    window.show()
    offer_first_run(window)
    return app, window


def run_app(argv: Sequence[str]) -> int:
    app, _window = open_window(argv)
    return app.exec()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help")):
        from app.cli import build_parser, run

        return run(build_parser().parse_args(args))
    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
