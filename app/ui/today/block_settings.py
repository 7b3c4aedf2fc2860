"""The block's settings as a section (a QWidget with ``save()``), and a small dialog for it."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _
from app.core.prospecting import BlockSettings
from app.core.prospecting.autostart import set_start_at_login
from app.core.prospecting.settings import parse_days
from app.ui.today.hub import Prospecting

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class BlockSettingsSection(QWidget):
    def __init__(self, hub: Prospecting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        settings = hub.settings
        self.length = QSpinBox()
        self.length.setRange(5, 240)
        self.length.setSuffix(" " + _("min"))
        self.length.setValue(settings.length_min)
        self.days: list[QCheckBox] = []
        days_row = QHBoxLayout()
        for index, name in enumerate(DAY_NAMES):
            box = QCheckBox(_(name))
            box.setChecked(index in settings.workdays)
            self.days.append(box)
            days_row.addWidget(box)
        self.start = QTimeEdit(QTime(settings.start.hour, settings.start.minute))
        self.start.setDisplayFormat("HH:mm")
        self.skip = QPlainTextEdit("\n".join(d.isoformat() for d in sorted(settings.skip_days)))
        self.skip.setPlaceholderText(_("One date a line, e.g. 2026-12-25"))
        self.skip.setMaximumHeight(80)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.at_login = QCheckBox(_("Start Pitchback when I log in"))
        self.at_login.setChecked(settings.start_at_login)
        form = QFormLayout(self)
        form.addRow(_("Block length"), self.length)
        form.addRow(_("Workdays"), days_row)
        form.addRow(_("Start time"), self.start)
        form.addRow(_("Days off (holidays, sick days)"), self.skip)
        form.addRow("", self.problem)
        form.addRow("", self.at_login)

    def save(self) -> bool:
        """Keep the settings; False (and a message here) when a day off cannot be read."""
        skip, bad = parse_days(self.skip.toPlainText())
        if bad:
            self.problem.setText(
                _("These are not dates: {days}. Write them as 2026-12-25.").format(
                    days=", ".join(bad)
                )
            )
            return False
        self.problem.clear()
        start = self.start.time()
        settings = BlockSettings(
            length_min=self.length.value(),
            workdays=frozenset(i for i, box in enumerate(self.days) if box.isChecked()),
            start=start.toPython(),  # type: ignore[arg-type]
            skip_days=skip,
            start_at_login=self.at_login.isChecked(),
        )
        if settings.start_at_login != self.hub.settings.start_at_login:
            try:
                set_start_at_login(settings.start_at_login)
            except OSError as exc:
                self.problem.setText(
                    _("Starting at login could not be switched ({detail}).").format(detail=exc)
                )
                return False
        self.hub.save_settings(settings)
        return True


class BlockSettingsDialog(QDialog):
    def __init__(self, hub: Prospecting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Block settings"))
        self.section = BlockSettingsSection(hub)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.section)
        layout.addWidget(buttons)

    def _save(self) -> None:
        if self.section.save():
            self.accept()
