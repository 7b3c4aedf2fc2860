"""House rules that keep the code in shape."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

QT = re.compile(r"^(PySide6|shiboken6|PyQt\d|PySide2)(\.|$)")


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_and_audio_do_not_import_qt() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("app/core", "app/audio")
        for path in (ROOT / folder).rglob("*.py")
        if any(QT.match(name) for name in imports(path))
    ]
    assert offenders == []


def test_core_and_audio_load_without_loading_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for folder in ("app/core", "app/audio")
        for p in (ROOT / folder).rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
