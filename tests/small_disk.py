"""A small, real file system for storage-fault tests: a tmpfs mounted as root (skipped where
that cannot be done), which can be filled up or made read-only."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(folder: Path, size: str = "3m") -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small disk needs root (Linux)")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def make_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk holding ``folder`` until ``leave`` bytes are free (about: whole blocks)."""
    filler = folder / f"filler-{len(list(folder.glob('filler-*')))}"
    free = shutil.disk_usage(folder).free - leave
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    try:
        chunk = b"\1" * 65536
        while free > 0:
            try:
                free -= os.write(fd, chunk[: min(len(chunk), free)])
            except OSError:
                break
    finally:
        os.close(fd)
    return filler
