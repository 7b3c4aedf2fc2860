"""Render every page of Pitchback, in English and Dutch, at 1280x800, into docs/screenshots/.

A fresh data folder per language, with a profile, the starter script and one voicemail take
(a read-aloud clip from ../shared/speech, so the Feedback page has a report to show); then
each tab, the Settings dialog and Getting started are grabbed as they draw. Runs offscreen
unless a display is given (QT_QPA_PLATFORM=xcb with DISPLAY set).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--languages en nl]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SPEECH = ROOT.parent / "shared" / "speech"
CLIPS = {
    "en": SPEECH / "en_read" / "sense_and_sensibility_01_concat_0870-0930.wav",
    "nl": SPEECH / "nl_read" / "vl04108.wav",
}
SIZE = (1280, 800)


def wait(condition: object, seconds: float) -> bool:
    """Run the event loop until ``condition()`` holds or ``seconds`` pass (monotonic)."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents()
        time.sleep(0.01)
    return True


def prepare(home: Path, language: str) -> None:
    from app.core.paths import database_path
    from app.core.profile import Profile, save_profile
    from app.core.store import connect, put_setting

    conn = connect(database_path(home))
    put_setting(conn, "language", language)
    put_setting(conn, "firstrun.done", "1")
    save_profile(conn, Profile("Ann Peeters", "Acme Logistics"))
    conn.close()


def add_take(window: object, language: str) -> int | None:
    """A voicemail take of the starter script, from a clip of read speech."""
    import soundfile as sf

    clip = CLIPS[language]
    if not clip.exists():
        return None
    from app.audio.dsp import resample

    samples, rate = sf.read(str(clip), dtype="float32")
    samples = resample(samples, rate, 48_000)
    library = window.library  # type: ignore[attr-defined]
    store = window.takes_page.store  # type: ignore[attr-defined]
    script = library.list_scripts()[0]
    take = store.begin(48_000)
    sf.write(store.path_of(take), samples, 48_000, format="FLAC", subtype="PCM_16")
    revision = library.history.revision_for_practice(script.id)
    store.link(take.id, script.id, revision.id, "voicemail")
    store.finish(take.id, len(samples) / 48_000)
    return int(take.id)


def save(widget: object, path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = widget.grab().toImage()  # type: ignore[attr-defined]
    # 256 colours are plenty for a UI and keep the PNGs small.
    flags = Qt.ImageConversionFlag.AvoidDither | Qt.ImageConversionFlag.ThresholdDither
    image.convertToFormat(QImage.Format.Format_Indexed8, flags).save(str(path), "PNG")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def shoot(language: str, out: Path) -> None:
    from app.__main__ import build
    from app.ui.feedback import FeedbackPage

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        prepare(home, language)
        window = build(home)
        window.resize(*SIZE)
        ready: list[bool] = []
        window.audio_ready.connect(lambda: ready.append(True))
        window.show()
        wait(lambda: ready, 10)
        take_id = add_take(window, language)
        names = ["today", "recorder", "scripts", "voicemail", "feedback", "live-call", "prospects"]
        for index, name in enumerate(names):
            window.tabs.setCurrentIndex(index)
            page = window.page_in_view()
            if isinstance(page, FeedbackPage) and take_id is not None:
                page.show_take(take_id)
                wait(lambda p=page: p.card.has_numbers, 30)
                wait(lambda p=page: p.transcript_panel.has_words, 60)
            wait(lambda: False, 0.3)  # let the page lay out and paint
            save(window, out / f"{index + 1}-{name}.png")
        window.settings_action.trigger()
        dialog = window.settings_dialog  # type: ignore[attr-defined]
        wait(lambda: False, 0.2)
        save(dialog, out / f"{len(names) + 1}-settings.png")
        dialog.reject()
        window.getting_started_action.trigger()
        wizard = window.first_run  # type: ignore[attr-defined]
        wait(lambda: False, 0.2)
        save(wizard, out / f"{len(names) + 2}-getting-started.png")
        wizard.reject()
        window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", nargs="+", default=["en", "nl"])
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setApplicationName("Pitchback")
    for language in args.languages:
        shoot(language, args.out / language)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
