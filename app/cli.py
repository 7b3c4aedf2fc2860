"""The command line: ``pitchback devices``, ``record``, ``check-script``, ``analyze``,
``today`` and ``prospects import``."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from typing import Any

from app.core.i18n import _


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pitchback",
        description=_("Rehearse cold calls until the words are your own."),
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help=_("check that every part of this installation is there, then quit"),
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("devices", help=_("list the microphones and speakers"))
    rec = sub.add_parser("record", help=_("record from a microphone (to check it works)"))
    rec.add_argument("--seconds", type=float, required=True)
    rec.add_argument(
        "--out", type=Path, help=_("a new .flac file (default: a take in the library)")
    )
    rec.add_argument("--device", help=_("the microphone's name (default: the system's)"))
    check = sub.add_parser("check-script", help=_("check a call script for problems"))
    check.add_argument("file", type=Path)
    analyze = sub.add_parser("analyze", help=_("measure how a take sounds"))
    analyze.add_argument("file", type=Path)
    analyze.add_argument("--script", type=Path)
    analyze.add_argument("--json", action="store_true")
    analyze.add_argument(
        "--no-transcript", action="store_true", help=_("skip the transcript (faster)")
    )
    _add_prospecting(sub)
    return parser


def _add_prospecting(sub: Any) -> None:
    sub.add_parser("today", help=_("today's block, this week's minutes and the call queue"))
    prospects = sub.add_parser("prospects", help=_("the people to call"))
    actions = prospects.add_subparsers(dest="action", required=True)
    load = actions.add_parser("import", help=_("import prospects from a CSV file"))
    load.add_argument("file", type=Path)


def _run_prospecting(args: argparse.Namespace) -> int:
    from datetime import date

    from app.core.paths import data_home, database_path
    from app.core.prospecting.cli import import_csv, today_text
    from app.core.store import connect

    conn = connect(database_path(data_home()))
    try:
        if args.command == "today":
            print(today_text(conn, date.today()))
            return 0
        text, code = import_csv(conn, args.file)
        print(text, file=sys.stderr if code else sys.stdout)
        return code
    finally:
        conn.close()


def run(args: argparse.Namespace) -> int:
    if args.command == "devices":
        return devices()
    if args.command == "record":
        from app.core.store import STORAGE_ERRORS, problem

        try:
            return record(args.seconds, args.out, args.device)
        except STORAGE_ERRORS as exc:  # a damaged, locked or read-only database, a full disk
            from app.core.paths import data_home

            print(problem(exc, data_home()), file=sys.stderr)
            return 1
    if args.command == "check-script":
        from app.core.script.check import check_file

        report, code = check_file(args.file)
        print(report)
        return code
    if args.command in ("today", "prospects"):
        return _run_prospecting(args)
    if args.command == "analyze":
        from app.core.analysis.cli import analyze_main

        text, code = analyze_main(args.file, args.script, args.json, not args.no_transcript)
        print(text)
        return code
    raise AssertionError(args.command)


def devices() -> int:
    from app.audio.devices import list_devices

    for kind, title in (("input", _("Microphones")), ("output", _("Speakers"))):
        print(f"{title}:")
        found = list_devices(kind)  # type: ignore[arg-type]
        if not found:
            print("  " + _("(none)"))
        for device in found:
            mark = "*" if device.is_default else " "
            print(
                f" {mark} {device.label}  [{device.channels} ch, {device.default_samplerate:g} Hz]"
            )
    return 0


def record(seconds: float, out: Path | None, device_name: str | None) -> int:
    from app.audio.devices import choose
    from app.audio.errors import AudioError
    from app.audio.recorder import Recorder

    try:
        choice = choose("input", device_name)
    except AudioError as exc:
        print(exc, file=sys.stderr)
        return 1
    if choice.note:
        print(choice.note, file=sys.stderr)
    recorder = Recorder(choice.device)
    library: Any = None
    take: Any = None
    if out is None:
        library = _open_library()
        take = library.begin(recorder.preferred_rate)
        out = library.path_of(take)
    if out.exists():
        print(
            _("'{name}' already exists; choose a new file name.").format(name=out), file=sys.stderr
        )
        return 1
    interrupted = False

    def on_signal(_sig: int, _frame: Any) -> None:
        nonlocal interrupted
        interrupted = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        recorder.start(out, limit_frames=round(seconds * recorder.preferred_rate))
    except AudioError as exc:
        print(exc, file=sys.stderr)
        if library is not None:
            library.discard(take.id)
        return 1
    print(_("Recording from {name}...").format(name=choice.device.label), file=sys.stderr)
    while not interrupted:
        status = recorder.status()
        if status.reached_limit or status.error or not status.recording:
            break
        time.sleep(0.05)
    result = recorder.stop()
    if library is not None:
        library.finish(take.id, result.seconds)  # refused on a full disk: listed at next start
    print(_("Saved {seconds:.2f} s to {path}").format(seconds=result.seconds, path=out))
    if result.error:
        print(result.error, file=sys.stderr)
        return 1
    return 0


def _open_library() -> Any:
    from app.core.paths import data_home, database_path
    from app.core.store import connect
    from app.core.takes import TakeStore

    home = data_home()
    return TakeStore(connect(database_path(home)), home)
