"""The voicemail settings: the time limit, calling yourself first, and surprise pickups."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from app.core.i18n import _
from app.core.voicemail import LIMIT_RANGE_S, PICKUP_CHOICES, VoicemailSettings


def pickup_text(one_in: int) -> str:
    if one_in == 0:
        return _("Never")
    return _("1 call in {n}").format(n=one_in)


class OptionsBar(QWidget):
    changed = Signal(object)  # VoicemailSettings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = VoicemailSettings()
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(*LIMIT_RANGE_S)
        self.limit_spin.setSuffix(" s")
        self.limit_spin.setAccessibleName(_("Time limit"))
        self.limit_spin.setToolTip(_("How long a voicemail may last"))
        self.call_box = QCheckBox(_("Call yourself first"))
        self.call_box.setToolTip(
            _("Hear it ring, a greeting and the beep before you speak, as on a real call")
        )
        self.pickup_box = QComboBox()
        self.pickup_box.setAccessibleName(_("Sometimes a person answers"))
        for one_in in PICKUP_CHOICES:
            self.pickup_box.addItem(pickup_text(one_in), one_in)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Limit")))
        layout.addWidget(self.limit_spin)
        layout.addWidget(self.call_box)
        layout.addWidget(QLabel(_("Sometimes a person answers:")))
        layout.addWidget(self.pickup_box)
        layout.addStretch(1)
        self.limit_spin.valueChanged.connect(self._emit)
        self.call_box.toggled.connect(self._emit)
        self.pickup_box.activated.connect(self._emit)

    def set_settings(self, settings: VoicemailSettings) -> None:
        self._settings = settings
        for widget in (self.limit_spin, self.call_box, self.pickup_box):
            widget.blockSignals(True)
        self.limit_spin.setValue(round(settings.limit_s))
        self.call_box.setChecked(settings.call_yourself)
        self.pickup_box.setCurrentIndex(max(0, self.pickup_box.findData(settings.pickup_one_in)))
        for widget in (self.limit_spin, self.call_box, self.pickup_box):
            widget.blockSignals(False)
        self.pickup_box.setEnabled(settings.call_yourself)

    def _emit(self, *_args: object) -> None:
        self._settings = replace(
            self._settings,
            limit_s=float(self.limit_spin.value()),
            call_yourself=self.call_box.isChecked(),
            pickup_one_in=int(self.pickup_box.currentData() or 0),
        )
        self.pickup_box.setEnabled(self._settings.call_yourself)
        self.changed.emit(self._settings)
