"""The Qt binding itself: a bug there crashes every long recording, so it is pinned and checked.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every Qt call that returns
nothing; Python aborts ("none_dealloc") once the count reaches zero, about 35 s into a
recording with the level meter moving. Python 3.12 made None immortal, which hid it there.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_eat_references_to_none_or_true(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(1000):
        label.setText("x")
        label.setEnabled(True)
    assert sys.getrefcount(None) - none_before >= -5
    assert sys.getrefcount(True) - true_before >= -5
