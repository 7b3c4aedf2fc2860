"""A tab whose page is built the first time it is needed, not at start-up.

Each feature page brings its own imports and widgets; building them all before the window
can appear would make every start pay for pages the user may not open today.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core.i18n import _


class LazyPage(QWidget):
    built = Signal(QWidget)

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._page: QWidget | None = None
        self.failure: QLabel | None = None  # why the page could not be built, in its place
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._page is not None

    @property
    def built_page(self) -> QWidget | None:
        return self._page

    def page(self) -> QWidget:
        """The real page, built now if it was not yet."""
        if self._page is None:
            self._page = self._factory()
            if self.failure is not None:
                self.failure.deleteLater()
                self.failure = None
            self._layout.addWidget(self._page)
            self.built.emit(self._page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        try:
            self.page()
        except Exception as exc:  # a blank tab would say nothing; the other tabs still work
            traceback.print_exc()
            if self.failure is None:
                self.failure = QLabel()
                self.failure.setWordWrap(True)
                self._layout.addWidget(self.failure)
            self.failure.setText(
                _("This page could not be opened: {problem} The other pages still work.").format(
                    problem=exc
                )
            )
        super().showEvent(event)
