"""Pitchback's entry point: the command line, or the app with its objects wired together."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.i18n import _, set_language, system_language
from app.core.paths import data_home, database_path
from app.core.store import StoreError, connect, get_setting, set_aside

if TYPE_CHECKING:
    import sqlite3

    from app.core.takes import TakeStore
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
    """Make the main window and everything behind it (a QApplication must exist)."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QUndoStack

    from app.core.library import ScriptLibrary
    from app.core.takes import TakeStore
    from app.ui.main_window import MainWindow
    from app.ui.takes_page import TakesPage

    opened = open_store(home)
    set_language(get_setting(opened.conn, "language") or system_language())
    store = TakeStore(opened.conn, home)
    undo = QUndoStack()
    settings = QSettings(str(home / "window.ini"), QSettings.Format.IniFormat)
    library = ScriptLibrary(opened.conn)
    page = TakesPage(store, undo)
    window = MainWindow(page, undo, settings)
    undo.setParent(window)
    window.library = library
    # Each feature adds its page here, in tab order.

    if opened.notes:
        window.show_message(" ".join(opened.notes))
    window.first_shown.connect(
        lambda: QTimer.singleShot(0, window, lambda: start_audio(window, store))
    )
    return window


def start_audio(window: MainWindow, store: TakeStore) -> None:
    """The second half of start-up, once the window is on screen.

    Loading PortAudio, listing devices and repairing takes left behind by a crash run on a
    worker thread; the GUI thread polls for the result and does every database write.
    """
    from concurrent.futures import ThreadPoolExecutor

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
        finish_audio(window, store, *future.result())

    timer.timeout.connect(check)
    timer.start()


def prepare_audio(paths: list[Path]) -> tuple[dict[Path, float], list[Any], list[Any]]:
    """Worker-thread part of start-up: no Qt, no database."""
    from app.audio.devices import list_devices
    from app.audio.takes_io import repair_abandoned

    return repair_abandoned(paths), list_devices("input"), list_devices("output")


def finish_audio(
    window: MainWindow,
    store: TakeStore,
    durations: dict[Path, float],
    inputs: list[Any],
    outputs: list[Any],
) -> None:
    from app.audio.takes_io import file_in_use

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
    window.takes_page.load_devices(inputs, outputs)
    window.audio_ready.emit()


def run_app(argv: Sequence[str]) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName("Pitchback")
    app.setOrganizationName("Pitchback")
    window = build(data_home())
    window.show()
    return app.exec()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help")):
        from app.cli import build_parser, run

        return run(build_parser().parse_args(args))
    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
