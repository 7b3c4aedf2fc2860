"""Input and output devices, chosen by name (indices change between runs and machines)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from app.audio import streams
from app.audio.errors import AudioError, DeviceLostError, NoDeviceError
from app.audio.portaudio import sd
from app.core.i18n import _

Kind = Literal["input", "output"]


@dataclass(frozen=True)
class Device:
    index: int
    name: str
    hostapi: str
    channels: int
    default_samplerate: float
    is_default: bool
    generation: int = field(default=0, compare=False)  # see streams.generation()

    @property
    def label(self) -> str:
        return f"{self.name} ({self.hostapi})"


@dataclass(frozen=True)
class Choice:
    """The device to use, and a note for the user when it is not the one they chose."""

    device: Device
    note: str | None = None


class DevicesInUseError(AudioError):
    @classmethod
    def create(cls) -> DevicesInUseError:
        return cls(
            _("A recording or playback is still running. Stop it, then look for devices again.")
        )


def rescan() -> None:
    """Make PortAudio look again for devices plugged in or removed since it started.

    Paused and stopped players let go of their streams first (they open new ones on the
    device of the same name when they play again); while a recording or playback runs,
    this raises DevicesInUseError and changes nothing.
    """
    if not streams.release_all():
        raise DevicesInUseError.create()
    sd._terminate()
    sd._initialize()
    streams.restarted()


def current(device: Device | None, kind: Kind) -> Device | None:
    """``device`` as PortAudio numbers it now: numbers can change when it looks again."""
    if device is None or device.generation == streams.generation():
        return device
    for now in list_devices(kind):
        if now.label == device.label:
            return now
    raise DeviceLostError.for_device(device.name, kind)


def list_devices(kind: Kind) -> list[Device]:
    try:
        raw: Any = sd.query_devices()
        hostapis: Any = sd.query_hostapis()
    except sd.PortAudioError:
        return []
    key = "max_input_channels" if kind == "input" else "max_output_channels"
    default_key = "default_input_device" if kind == "input" else "default_output_device"
    defaults = {api[default_key] for api in hostapis}
    try:
        default_index = sd.default.device[0 if kind == "input" else 1]
        if default_index is None or default_index < 0:
            default_index = sd.query_devices(kind=kind)["index"]
    except (sd.PortAudioError, ValueError, TypeError):
        default_index = -1
    devices = []
    for info in raw:
        if info[key] <= 0:
            continue
        devices.append(
            Device(
                index=int(info["index"]),
                name=str(info["name"]),
                hostapi=str(hostapis[info["hostapi"]]["name"]),
                channels=int(info[key]),
                default_samplerate=float(info["default_samplerate"]),
                is_default=int(info["index"]) == default_index
                or (default_index < 0 and int(info["index"]) in defaults),
                generation=streams.generation(),
            )
        )
    return devices


def choose(kind: Kind, wanted: str | None, devices: list[Device] | None = None) -> Choice:
    """The device named ``wanted`` (a name or a label), or the default with a note saying so.

    Raises NoDeviceError when there is no device of this kind at all.
    """
    found = list_devices(kind) if devices is None else devices
    if not found:
        raise NoDeviceError.for_kind(kind)
    if wanted:
        for device in found:
            if wanted in (device.label, device.name):
                return Choice(device)
    fallback = next((d for d in found if d.is_default), found[0])
    if not wanted:
        return Choice(fallback)
    message = (
        _("The microphone '{wanted}' is not connected; using '{used}' instead.")
        if kind == "input"
        else _("The speaker '{wanted}' is not connected; using '{used}' instead.")
    )
    return Choice(fallback, message.format(wanted=wanted, used=fallback.name))
