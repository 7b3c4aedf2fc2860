import sqlite3
import zipfile
from pathlib import Path

import pytest

from app.core.export import export_everything
from app.core.paths import database_path
from app.core.store import connect, get_setting, put_setting
from app.core.takes import TakeStore


def test_the_zip_holds_the_database_and_every_recording(tmp_path: Path) -> None:
    home = tmp_path / "home"
    conn = connect(database_path(home))
    put_setting(conn, "profile.my_name", "Ann")
    store = TakeStore(conn, home)
    take = store.begin(48000)
    store.path_of(take).write_bytes(b"fLaC" + bytes(5000))
    store.finish(take.id, 1.0)
    steps: list[tuple[int, int]] = []
    target = tmp_path / "out" / "pitchback.zip"
    target.parent.mkdir()

    assert export_everything(home, target, lambda done, total: steps.append((done, total))) == 2

    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["pitchback.db", take.file]
        assert archive.read(take.file) == store.path_of(take).read_bytes()
        archive.extract("pitchback.db", tmp_path / "x")
    copy = sqlite3.connect(tmp_path / "x" / "pitchback.db")
    assert get_setting(copy, "profile.my_name") == "Ann"  # committed data is in the copy
    assert steps[-1][0] == steps[-1][1] and [d for d, _ in steps] == sorted(d for d, _ in steps)
    assert not list(target.parent.glob("*.part"))


def test_a_failed_export_leaves_nothing_under_the_name_asked(tmp_path: Path) -> None:
    home = tmp_path / "home"
    connect(database_path(home))
    target = tmp_path / "missing-folder" / "out.zip"
    with pytest.raises(OSError):
        export_everything(home, target)
    assert not target.exists()
