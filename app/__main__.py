"""Pitchback's entry point: the command line, or the app with its objects wired together."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The Qt-free modules start-up needs load here, before PySide6: PySide6 reads the source of
# every module imported after it (for its __feature__ switches), which slows them down.
from app.core.i18n import _, n_, set_language, system_language
from app.core.instance import Instance, claim
from app.core.opening import open_database, stored_language
from app.core.paths import data_home, database_path
from app.core.prospecting import ProspectStore  # noqa: F401  (the Today page's, at start)
from app.core.store import get_setting
from app.core.takes import TakeStore

if TYPE_CHECKING:
    import sqlite3

    from PySide6.QtWidgets import QApplication

    from app.core.library import ScriptLibrary
    from app.ui.feedback import FeedbackPage
    from app.ui.lazy_page import LazyPage
    from app.ui.main_window import MainWindow
    from app.ui.speech import Speech
    from app.ui.today.hub import Prospecting

COMMANDS = {"devices", "record", "check-script", "analyze", "today", "prospects"}


@dataclass
class Opened:
    conn: sqlite3.Connection
    notes: list[str]
    read_only: bool = False


def open_store(home: Path, read_only_reason: str | None = None) -> Opened:
    """The user's database (app.core.opening). A damaged one is set aside (kept for rescue)
    and a new one made, which lists again the takes whose files are still there."""
    opened = open_database(database_path(home), read_only_reason)
    notes = list(opened.notes)
    if opened.set_aside is not None:
        found = TakeStore(opened.conn, home).adopt_orphans()
        if found:
            notes.append(
                n_(
                    "Your {count} recording in the takes folder is listed again.",
                    "Your {count} recordings in the takes folder are listed again.",
                    found,
                ).format(count=found)
            )
    return Opened(opened.conn, notes, opened.read_only)


def read_only_reason(instance: Instance) -> str | None:
    if instance.first or instance.other_pid is None:
        return None  # a folder that cannot be locked says why when the database opens
    return _(
        "Pitchback is already open on this data (process {pid}), so this window only shows "
        "it: saving here would overwrite what the other window saves."
    ).format(pid=instance.other_pid)


def build(home: Path, instance: Instance | None = None) -> MainWindow:
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
    from app.ui.qt_translations import install_qt_translations
    from app.ui.takes_page import TakesPage

    instance = claim(home) if instance is None else instance
    running = QApplication.instance()
    if isinstance(running, QApplication):
        apply_look(running)
    # The language first: what opening the data has to say is said in it.
    set_language(stored_language(database_path(home)) or system_language())
    opened = open_store(home, read_only_reason(instance))
    language = get_setting(opened.conn, "language") or system_language()
    set_language(language)
    install_qt_translations(QApplication.instance(), language)  # type: ignore[arg-type]
    store = TakeStore(opened.conn, home)
    undo = QUndoGroup()  # a stack per page: Undo acts on the page in view

    def stack() -> QUndoStack:
        return QUndoStack(undo)  # a stack made with the group as parent joins it

    settings = QSettings(str(home / "window.ini"), QSettings.Format.IniFormat)
    page = TakesPage(store, stack())
    window = MainWindow(page, undo, settings)
    undo.setParent(window)
    made: list[Speech] = []

    def speech() -> Speech:
        """The one speech service, made when first needed (once audio is ready, to load the
        model before the first take or reply): every page that needs words gets this one,
        and it ends after the pages when the window closes."""
        if not made:
            from app.ui.speech import Speech

            made.append(Speech(parent=window))
            window.closed.connect(made[0].close)
        return made[0]

    @cache
    def library() -> ScriptLibrary:
        from app.core.library import ScriptLibrary
        from app.core.library.starters import ensure_a_script

        opened_library = ScriptLibrary(opened.conn)
        if not opened.read_only:
            ensure_a_script(opened_library, language)
        return opened_library

    window.set_library(library)

    def scripts_page() -> QWidget:
        from app.ui.library.page import ScriptsPage

        return ScriptsPage(library(), stack(), settings)

    def voicemail_page() -> QWidget:
        from app.ui.voicemail import VoicemailPage

        return VoicemailPage(store, library(), stack(), speech=speech(), feed=page.feed)

    def feedback_page() -> QWidget:
        from app.ui.feedback import FeedbackPage

        built = FeedbackPage(store, library(), page, speech=speech())
        built.revising.connect(save_open_script)
        built.script_revised.connect(show_revised_script)
        built.transcript_shown.connect(show_own_pace)
        if voicemail.is_built:
            built.follow(voicemail.page().take_finished)  # type: ignore[attr-defined]
        return built

    def live_call_page() -> QWidget:
        from app.core.practice import PracticeStore
        from app.ui.practice import PracticePage

        practice = PracticeStore(opened.conn, home)
        return PracticePage(practice, library(), undo=stack(), speech=speech())

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
        warm_up_speech()

    def warm_up_speech() -> None:  # the model of the user's language, before it is needed
        from app.core.speech.models import model_for
        from app.ui.feedback.model_setting import model_folder

        speech().warm_up(*model_for(language, model_folder(opened.conn)))

    def show_settings() -> None:
        from app.ui.settings import build_settings

        old = getattr(window, "settings_dialog", None)
        if old is not None and old.isVisible():
            old.raise_()
            return
        from app.ui.today.block_settings import BlockSettingsSection

        block = (_("Daily block"), BlockSettingsSection(hub))
        dialog = build_settings(opened.conn, home, window, [block])
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
    hub = add_prospecting(window, opened.conn, library, voicemail, live_call, show_revised_script)
    window.audio_ready.connect(audio_ready)

    if opened.notes:  # what holds for the whole session: not replaced by the next message
        window.show_banner(" ".join(opened.notes))
    if instance.lock is not None:
        from app.ui.single_instance import InstanceServer

        server = InstanceServer(window, home, instance.lock)
        window.closed.connect(server.close)
    window.first_shown.connect(
        lambda: QTimer.singleShot(0, window, lambda: start_audio(window, store))
    )
    return window


def add_prospecting(
    window: MainWindow,
    conn: sqlite3.Connection,
    library: Callable[[], ScriptLibrary],
    voicemail: LazyPage,
    live_call: LazyPage,
    script_changed: Callable[[int], None],
) -> Prospecting:
    """The daily block: Today as the first tab, Prospects, the block on every page, the
    reminder; voicemail takes and live-call runs made during a block count toward it.
    Returns the block's owner (its settings are a section of Settings)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    from app.ui.lazy_page import LazyPage
    from app.ui.today.block_bar import BlockBar
    from app.ui.today.drill import DrillSession
    from app.ui.today.hub import Prospecting
    from app.ui.today.page import TodayPage

    hub = Prospecting(conn, parent=window)
    today = TodayPage(hub, library)

    def prospects_page() -> QWidget:
        from app.ui.today.prospects_page import ProspectsPage

        return ProspectsPage(hub, library)

    prospects = LazyPage(prospects_page)
    window.add_home_page(today, _("Today"))
    window.add_page(prospects, _("Prospects"))
    window.add_status_widget(BlockBar(hub))

    def remind() -> None:  # once start-up has settled (its tray and menu cost 80 ms)
        from app.ui.today.reminder import ReminderNotifier

        if not window.isVisible():  # closed before start-up settled: nothing to remind
            return

        reminder = ReminderNotifier(hub, window)
        reminder.banner.connect(today.show_banner)
        reminder.banner.connect(window.show_message)  # seen from every page too

        def answered() -> None:  # the block started: the reminder has done its work
            if hub.timer.active and window.notice.text() == today.banner_text.text():
                window.show_message("")

        hub.block_changed.connect(answered)
        reminder.start_requested.connect(hub.start_block)
        today.banner_snooze.clicked.connect(today.banner.hide)
        today.banner_snooze.clicked.connect(reminder.snooze)
        today.stopping.connect(reminder.stop)
        reminder.start()

    window.audio_ready.connect(lambda: QTimer.singleShot(0, window, remind))

    def practise(script_id: int, key: str) -> None:  # -1: the script in view there
        window.tabs.setCurrentWidget(live_call)
        live_call.page().practise(None if script_id < 0 else script_id, key)  # type: ignore[attr-defined]
        if key:  # after a hard call: two minutes on that objection
            drill.start(script_id)

    drill = DrillSession(lambda: hub.timer.monotonic(), window)
    today.drill = drill
    drill.message.connect(window.show_message)
    drill.over.connect(lambda script_id: practise(script_id, ""))

    def count_take(take: Any) -> None:
        if take is not None:
            hub.note("voicemail_take", take.id, take.duration_s)

    today.voicemail_requested.connect(lambda: window.tabs.setCurrentWidget(voicemail))
    today.prospects_requested.connect(lambda: window.tabs.setCurrentWidget(prospects))
    today.drill_requested.connect(practise)
    today.script_changed.connect(script_changed)
    voicemail.built.connect(lambda page: page.take_finished.connect(count_take))
    live_call.built.connect(
        lambda page: page.run_finished.connect(
            lambda run: hub.note("live_run", run.id, run.seconds)
        )
    )
    live_call.built.connect(lambda page: page.run_finished.connect(drill.run_finished))
    return hub


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
    durations: dict[Path, tuple[float, bool]]  # a crash's unfinished takes: (seconds, repaired)
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
    recovery = store.recover_unfinished(
        repair=lambda path: durations.get(path, (0.0, False)),
        in_use=lambda path: path not in durations and file_in_use(path),
    )
    notes = []
    if recovery.recovered:
        count = len(recovery.recovered)
        notes.append(
            n_(
                "{count} take was recovered after Pitchback stopped during a recording.",
                "{count} takes were recovered after Pitchback stopped during a recording.",
                count,
            ).format(count=count)
        )
    if recovery.needs_repair:
        count = len(recovery.needs_repair)
        notes.append(
            n_(
                "{count} take left by a recording that stopped could not be repaired (is the "
                "disk full or read-only?). It is kept and listed, and Pitchback tries again "
                "when it next starts.",
                "{count} takes left by recordings that stopped could not be repaired (is the "
                "disk full or read-only?). They are kept and listed, and Pitchback tries again "
                "when it next starts.",
                count,
            ).format(count=count)
        )
    if notes:
        window.takes_page.reload()
        window.show_message(" ".join(notes))
    window.takes_page.load_devices(start.inputs, start.outputs)
    window.audio_ready.emit()


def open_window(argv: Sequence[str]) -> tuple[QApplication, MainWindow | None]:
    """The application and its main window, shown: what ``pitchback`` does before its loop.

    No window (None) when another Pitchback has the data folder and brought its own forward.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("Pitchback")
    app.setOrganizationName("Pitchback")
    home = data_home()
    instance = claim(home)
    if instance.other_pid is not None:
        from app.ui.single_instance import bring_first_forward

        if bring_first_forward(home):
            return app, None
    window = build(home, instance)
    from app.ui.storage_errors import install_safety_net

    install_safety_net(window.show_message)
    window.show()
    offer_first_run(window)
    return app, window


def run_app(argv: Sequence[str]) -> int:
    app, window = open_window(argv)
    if window is None:
        print(_("Pitchback is already open; its window was brought forward."))
        return 0
    return app.exec()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--self-check"]:
        from app.self_check import run_self_check

        return run_self_check()
    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help")):
        from app.cli import build_parser, run

        return run(build_parser().parse_args(args))
    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
