"""Device pickers, the level meter, elapsed time and the record button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.audio.devices import Device
from app.audio.levels import Level
from app.core.i18n import _
from app.ui.level_meter import LevelMeter
from app.ui.look import icon, key_hint, primary
from app.ui.takes_model import format_duration


class RecorderPanel(QWidget):
    input_chosen = Signal(str)  # device label
    output_chosen = Signal(str)
    refresh_requested = Signal()
    record_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input_box = QComboBox()
        self.input_box.setAccessibleName(_("Microphone"))
        self.output_box = QComboBox()
        self.output_box.setAccessibleName(_("Speaker"))
        self.refresh_button = QToolButton()
        self.refresh_button.setText(_("Refresh"))
        self.refresh_button.setToolTip(_("Look again for plugged-in microphones and speakers"))
        self.meter = LevelMeter()
        self.elapsed = QLabel(format_duration(0))
        self.elapsed.setObjectName("elapsed")
        self.record_button = QPushButton(_("Record"))
        self.record_button.setToolTip(_("Start or stop recording (R)"))
        primary(self.record_button, "record", icon("record", self))
        self.refresh_button.setIcon(icon("refresh", self))
        self.refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        devices = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.input_box, 1)
        row.addWidget(self.refresh_button)
        devices.addRow(_("Microphone"), row)
        devices.addRow(_("Speaker"), self.output_box)
        meter_row = QHBoxLayout()
        meter_row.addWidget(self.record_button)
        meter_row.addWidget(key_hint("R"))
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.elapsed)
        layout = QVBoxLayout(self)
        layout.addLayout(devices)
        layout.addLayout(meter_row)

        self.input_box.activated.connect(lambda _i: self.input_chosen.emit(self.input_label()))
        self.output_box.activated.connect(lambda _i: self.output_chosen.emit(self.output_label()))
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.record_button.clicked.connect(self.record_clicked)

    def input_label(self) -> str:
        return str(self.input_box.currentData() or "")

    def output_label(self) -> str:
        return str(self.output_box.currentData() or "")

    def set_devices(
        self, inputs: list[Device], chosen_in: str, outputs: list[Device], chosen_out: str
    ) -> None:
        for box, devices, chosen, none_text in (
            (self.input_box, inputs, chosen_in, _("(no microphone found)")),
            (self.output_box, outputs, chosen_out, _("(no speaker found)")),
        ):
            box.clear()
            for device in devices:
                box.addItem(device.label, device.label)
            if not devices:
                box.addItem(none_text, "")
            index = box.findData(chosen)
            box.setCurrentIndex(max(index, 0))
        self.record_button.setEnabled(bool(inputs))

    def set_recording(self, recording: bool) -> None:
        self.record_button.setText(_("Stop") if recording else _("Record"))
        self.input_box.setEnabled(not recording)
        self.refresh_button.setEnabled(not recording)
        if not recording:
            self.meter.reset()

    def show_progress(self, seconds: float, level: Level) -> None:
        self.elapsed.setText(format_duration(seconds))
        self.meter.set_level(level)
