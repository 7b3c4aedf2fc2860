"""A pseudo-translation makes every message about 40% longer, as Dutch (and German) often
are: no label or button on any page may then be cut off at 1280x800.

Self-contained: the pseudo-catalogue replaces the gettext translations for the test, so a
layout that only fits the English text fails here before a translator finds it.
"""

from __future__ import annotations

import gettext
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from app.core import i18n
from app.ui.lazy_page import LazyPage

GROWTH = 0.4
_KEEP = re.compile(r"(\{[^{}]*\}|%\w%?|<[^>]*>|&\w?)")  # placeholders, markup, accelerators
_ACCENTED = str.maketrans("aeiouAEIOUcnsyz", "àéîõüÀÉÎÕÜçñšýž")


def pseudo(text: str) -> str:
    """``text`` with accented letters and padded to 1.4 times its length; placeholders,
    markup and keyboard accelerators kept as they are."""
    pieces = _KEEP.split(text)
    shown = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTED) for p in pieces)
    visible = len(re.sub(_KEEP, "", text))
    return shown + "·" * math.ceil(GROWTH * visible) if visible else shown


class Pseudo(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)


def test_pseudo_text_is_longer_and_keeps_placeholders() -> None:
    text = "Found {count} speakers in %p% of &Edit <b>now</b>"
    grown = pseudo(text)
    assert re.findall(_KEEP, grown) == re.findall(_KEEP, text)
    assert len(grown) >= len(text) + GROWTH * len(re.sub(_KEEP, "", text))
    assert grown.format(count=2)


@pytest.fixture
def pseudo_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every language, the one start-up picks included, speaks the pseudo-translation."""
    monkeypatch.setattr(i18n, "load_translations", lambda language: Pseudo())
    i18n.set_language("en")
    yield
    monkeypatch.undo()
    i18n.set_language("en")


def clipped(widget: QWidget) -> list[str]:
    """The visible labels and buttons under ``widget`` narrower than their text needs."""
    found = []
    for child in widget.findChildren(QWidget):
        if not isinstance(child, QLabel | QAbstractButton) or not child.isVisible():
            continue
        text = child.text()
        if not text.strip():
            continue
        if isinstance(child, QLabel) and child.wordWrap():
            needs = child.heightForWidth(child.width())
            if needs > child.height() + 1:
                found.append(f"{type(child).__name__} {text!r}: {child.height()}px high of {needs}")
            continue
        hint = child.sizeHint().width()
        if child.width() + 1 < hint:
            found.append(f"{type(child).__name__} {text!r}: {child.width()}px of {hint}")
    return found


def test_a_label_narrower_than_its_text_is_found(qtbot: Any) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel(pseudo("Speech model:"), box)
    label.setFixedWidth(label.sizeHint().width() // 2)
    wrapped = QLabel(pseudo("Record a take, or choose one on the Recorder page."), box)
    wrapped.setWordWrap(True)
    wrapped.setGeometry(0, 40, 80, 15)
    box.show()
    qtbot.waitExposed(box)
    problems = clipped(box)
    assert len(problems) == 2
    assert problems[0].startswith(f"QLabel {label.text()!r}")
    assert problems[1].startswith(f"QLabel {wrapped.text()!r}")


def test_no_label_is_clipped_on_any_page(qtbot: Any, home: Path, pseudo_language: None) -> None:
    from app.__main__ import build

    window = build(home)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.audio_ready, timeout=5000):
        window.show()
    qtbot.waitExposed(window)
    problems = {}
    try:
        assert all(window.tabs.tabText(i).endswith("·") for i in range(window.tabs.count()))
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            page = window.tabs.currentWidget()
            if isinstance(page, LazyPage):
                qtbot.waitUntil(lambda page=page: page.is_built, timeout=10_000)
            QApplication.processEvents()  # the new page's layout settles
            assert window.width() <= 1280, "the text makes the window wider than the screen"
            texts = [w.text() for w in page.findChildren(QLabel)]
            texts += [w.text() for w in page.findChildren(QAbstractButton)]
            assert any("·" in text for text in texts)  # the page shows the pseudo-translation
            found = clipped(page)
            if found:
                problems[window.tabs.tabText(index)] = found
    finally:
        window.close()
    assert problems == {}
