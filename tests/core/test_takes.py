"""The take store: registering, finishing, the bin, recovering after a crash."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.store import connect
from app.core.takes import TakeStore


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def store(tmp_path: Path) -> TakeStore:
    return TakeStore(connect(tmp_path / "p.db"), tmp_path, Clock())


def test_a_take_is_listed_only_once_finished_newest_first(tmp_path: Path) -> None:
    takes = store(tmp_path)
    first = takes.begin(48000)
    assert takes.list_takes() == []
    takes.finish(first.id, 12.5)
    second = takes.finish(takes.begin(48000).id, 3.0)
    assert [t.id for t in takes.list_takes()] == [second.id, first.id]
    assert takes.path_of(first).parent == tmp_path / "takes"


def test_the_bin_keeps_files_until_emptied(tmp_path: Path) -> None:
    takes = store(tmp_path)
    take = takes.finish(takes.begin(48000).id, 1.0)
    takes.path_of(take).write_bytes(b"audio")
    takes.delete(take.id)
    assert takes.list_takes() == []
    assert takes.path_of(take).exists()
    takes.undelete(take.id)
    assert takes.list_takes()[0].id == take.id
    takes.delete(take.id)
    assert takes.empty_bin(older_than=takes.clock() + timedelta(days=1)) == 1
    assert not takes.path_of(take).exists()


def test_recovery_finishes_abandoned_takes_and_drops_empty_ones(tmp_path: Path) -> None:
    takes = store(tmp_path)
    with_audio, empty, busy = takes.begin(48000), takes.begin(48000), takes.begin(48000)
    for take in (with_audio, busy):
        takes.path_of(take).write_bytes(b"x")
    recovered = takes.recover_unfinished(
        repair=lambda path: (4.2, True), in_use=lambda path: path == takes.path_of(busy)
    )
    assert [t.id for t in recovered.recovered] == [with_audio.id]
    assert takes.get(with_audio.id).state == "recovered"
    assert takes.get(with_audio.id).duration_s == 4.2
    assert takes.get(busy.id).state == "recording"
    assert empty.id not in [t.id for t in takes.list_takes()]


def test_every_change_to_the_listed_takes_is_told_to_each_listener(tmp_path: Path) -> None:
    takes = store(tmp_path)
    heard: list[str] = []
    stop_listening = takes.subscribe(lambda: heard.append("a"))
    takes.subscribe(lambda: heard.append("b"))
    take = takes.begin(48000)
    assert heard == []  # a take being recorded is not listed yet
    takes.finish(take.id, 1.0)
    assert heard == ["a", "b"]
    for change in (
        lambda: takes.rename(take.id, "x"),
        lambda: takes.link(take.id, None, None, "voicemail"),
        lambda: takes.set_rating(take.id, 3),
        lambda: takes.set_notes(take.id, "n"),
        lambda: takes.set_starred(take.id, True),
        lambda: takes.delete(take.id),
        lambda: takes.undelete(take.id),
    ):
        heard.clear()
        change()
        assert heard == ["a", "b"]
    stop_listening()
    heard.clear()
    takes.discard(takes.begin(48000).id)
    assert heard == ["b"]
