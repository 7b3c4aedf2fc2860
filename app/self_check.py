"""``pitchback --self-check``: does this installation have every part it needs?

Each part is checked by doing what the app does with it: the main window is built and shown
(offscreen unless a platform is chosen), every language is loaded with Qt's own
translations, the audio devices are listed (no stream is opened), the speech model and the
voice-activity model hear a bundled recording, and the starter scripts are read. It runs in a
temporary data folder, so the user's own is never touched. Every part is tried; each failure
names its part, and the exit code is 1 when any failed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from app.core.i18n import LANGUAGES, _, language, n_, set_language, system_language

WINDOW_TIMEOUT_MS = 60_000  # audio ready after the window shows: slow only on a cold disk
Check = Callable[[], str]


def run_self_check(out: Callable[[str], None] | None = None) -> int:
    """Check every part, printing one line per part; 0 when all are there, else 1."""
    say = out or _print
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    was = language()
    set_language(system_language())  # a new user's, as the window will have it
    failed = 0
    with tempfile.TemporaryDirectory(prefix="pitchback-self-check-") as tmp:
        for part, check in _checks(Path(tmp)):
            try:
                detail = check()
            except Exception as error:  # whatever broke, the report names the part
                failed += 1
                say(_("FAILED {part}: {problem}").format(part=part, problem=_reason(error)))
            else:
                say(_("ok {part}: {detail}").format(part=part, detail=detail))
    if failed:
        summary = n_(
            "Self-check failed: {count} part is missing or broken.",
            "Self-check failed: {count} parts are missing or broken.",
            failed,
        )
        say(summary.format(count=failed))
    else:
        say(_("Self-check passed."))
    set_language(was)
    return 1 if failed else 0


def _print(line: str) -> None:
    print(line, flush=True)  # line by line: scripts/bench_bundle.py times the window's line


def _reason(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _checks(home: Path) -> Iterator[tuple[str, Check]]:
    # The window first: scripts/bench_bundle.py times a start-up to the first line.
    yield _("main window"), lambda: main_window(home)
    yield _("languages"), languages
    yield _("audio devices"), audio_devices
    from app.core.library.scripts import SCRIPT_LANGUAGES

    for code in SCRIPT_LANGUAGES:
        yield (
            _("speech model ({language})").format(language=code),
            partial(speech_model, code, home / "cache"),
        )
    yield _("voice-activity model"), voice_activity_model
    yield _("starter scripts"), starter_scripts


def main_window(home: Path) -> str:
    """Built and shown as ``pitchback`` does, in ``home``, until audio is ready."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.__main__ import build

    app = QApplication.instance() or QApplication([sys.argv[0]])
    was = language()
    window = build(home)
    loop = QEventLoop()
    ready: list[bool] = []

    def audio_ready() -> None:
        ready.append(True)
        loop.quit()

    window.audio_ready.connect(audio_ready)
    window.show()
    try:
        if not QTest.qWaitForWindowExposed(window):
            raise RuntimeError(_("the window was never shown"))
        window.repaint()
        QTimer.singleShot(WINDOW_TIMEOUT_MS, loop.quit)
        if not ready:
            loop.exec()
        if not ready:
            raise RuntimeError(_("the audio devices were never listed"))
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        return _("shown on '{platform}' with the pages {pages}").format(
            platform=QGuiApplication.platformName(), pages=", ".join(tabs)
        )
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        set_language(was)


def languages() -> str:
    """Every language's catalogue, and Qt's own translations for it."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = []
    for code, name in LANGUAGES.items():
        if code == "en":
            found.append(name)
            continue
        if not _translates(code):
            raise RuntimeError(_("no translations for {language}").format(language=name))
        if not QTranslator().load(f"qtbase_{code}", qt_folder):
            raise RuntimeError(
                _("Qt's own translations for {language} are not in {folder}").format(
                    language=name, folder=qt_folder
                )
            )
        found.append(_("{language} (with Qt's qtbase_{code})").format(language=name, code=code))
    return ", ".join(found)


def _translates(code: str) -> bool:
    """Whether the main window's first tab has a name in language ``code``."""
    was = language()
    set_language(code)
    try:
        return _("Recorder") != "Recorder"
    finally:
        set_language(was)


def audio_devices() -> str:
    """PortAudio loaded and the devices listed; no stream is opened."""
    from app.audio.devices import list_devices
    from app.audio.portaudio import library_path

    inputs, outputs = len(list_devices("input")), len(list_devices("output"))
    found = (
        n_("{count} microphone", "{count} microphones", inputs).format(count=inputs),
        n_("{count} speaker", "{count} speakers", outputs).format(count=outputs),
    )
    return _("{devices}; PortAudio from {library}").format(
        devices=", ".join(found), library=library_path()
    )


def speech_model(code: str, cache: Path) -> str:
    """The model that comes with Pitchback for scripts in ``code`` (the Dutch one joined from
    its parts into ``cache``), checked and loaded, hears a bundled recording in that language."""
    from app.audio.sounds import clip
    from app.core.transcript import load_model, transcribe
    from app.core.transcript.model import resolve_model

    folder, spoken = resolve_model(code, None, cache)
    model = load_model(folder)
    heard = transcribe(model, clip("greeting", code), 48_000, spoken)
    words = " ".join(word.word for word in heard.words)
    if words:
        return _("{folder} heard '{words}'").format(folder=model.folder, words=words)
    if code == "en":  # tiny.en writes the bundled robot voice reliably
        raise RuntimeError(_("the model heard nothing in a bundled recording"))
    # The base model hears espeak-ng's Dutch below the confidence the transcript keeps (it
    # writes real Flemish speech: scripts/bench_transcript.py), so here it must load and run.
    return _("{folder} loaded and ran on a bundled recording").format(folder=model.folder)


def voice_activity_model() -> str:
    """Silero VAD finds the speech in a bundled recording."""
    from app.audio.sounds import clip
    from app.core.analysis.signal import RATE
    from app.core.analysis.silero_worker import window_probs
    from app.core.analysis.vad import silero

    with silero() as model:
        probability = float(window_probs(model, clip("pickup", "en", RATE)).max())
    if probability < 0.5:
        raise RuntimeError(
            _("it hears no speech in a bundled recording ({probability:.2f})").format(
                probability=probability
            )
        )
    return _("Silero VAD hears speech (probability {probability:.2f})").format(
        probability=probability
    )


def starter_scripts() -> str:
    """The starter script of every script language, read and free of errors."""
    from app.core.library.scripts import SCRIPT_LANGUAGES
    from app.core.library.starters import STARTERS, starter_path
    from app.core.script.check import read_script

    names = []
    for code in SCRIPT_LANGUAGES:
        path = starter_path(code)
        if path is None:
            raise RuntimeError(
                _("no starter script for '{language}' in {folder}").format(
                    language=code, folder=STARTERS
                )
            )
        script = read_script(path)
        if script.errors:
            count = len(script.errors)
            problem = n_("{name} has {count} error", "{name} has {count} errors", count)
            raise RuntimeError(problem.format(name=path.name, count=count))
        names.append(path.name)
    return ", ".join(names)
