"""Renders pitchback.svg into the PNG (Linux, macOS) and ICO (Windows) that the bundles use.

Run it after changing the SVG, and commit all three: .venv/bin/python packaging/icons/render.py
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent


def main() -> int:
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "pitchback.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    ok = image.save(str(HERE / "pitchback.png")) and image.save(str(HERE / "pitchback.ico"))
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
