"""The built wheel, installed into a fresh virtual environment outside the checkout, works,
and puts nothing into site-packages but the ``app`` package and its metadata.

The wheel is built (``pip wheel --no-deps``) from a copy of the files it is made of, so the
checkout gets no build folder. So as not to download the dependencies again (about 1 GB), the
fresh environment sees the project venv's site-packages (found from the running test's
interpreter) through a .pth file holding its path: a plain path line, so the project venv's
own .pth files, among them its editable install of this checkout, are not read. The wheel
itself is installed with ``--no-deps`` and is the only ``app`` the fresh environment has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
SOURCES = ("pyproject.toml", "setup.py", "README.md", "app", "resources")


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_the_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    source = tmp_path / "source"
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(path, source / name)
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, source, cwd=tmp_path)
    (wheel,) = wheels.glob("pitchback-*.whl")

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                    cwd=tmp_path).strip())  # fmt: skip
    (site / "project-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel,
        cwd=tmp_path)  # fmt: skip

    installed = {path.name for path in site.iterdir()} - {"project-venv.pth", "__pycache__"}
    assert installed == {"app", wheel.name.split("-py3")[0] + ".dist-info"}
    where = run(python, "-c", "from app.core import paths; print(paths.RESOURCES)", cwd=tmp_path)
    assert Path(where.strip()) == site / "app" / "resources"

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PITCHBACK_HOME": str(tmp_path / "home")}
    starter = site / "app" / "resources" / "starters" / "en" / "cold-call-starter.pitch"
    checked = run(venv / "bin" / "pitchback", "check-script", starter, cwd=tmp_path, env=env)
    assert checked.splitlines() == ["cold-call-starter.pitch", "No problems found."]
    report = run(venv / "bin" / "pitchback", "--self-check", cwd=tmp_path, env=env)
    assert report.splitlines()[-1] == "Self-check passed.", report
    assert "ok starter scripts: cold-call-starter.pitch, koude-acquisitie-starter.pitch" in report
