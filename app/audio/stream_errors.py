"""Turning PortAudio's errors into the project's own, at the boundary."""

from __future__ import annotations

from app.audio.errors import AudioError, DeviceBusyError, NoDeviceError
from app.audio.portaudio import sd
from app.core.i18n import _

# PortAudio error codes (portaudio.h)
_INVALID_DEVICE = -9996
_DEVICE_UNAVAILABLE = -9985
_INVALID_CHANNEL_COUNT = -9998
_INVALID_SAMPLE_RATE = -9997


def is_format_problem(exc: sd.PortAudioError) -> bool:
    """True when another channel count or sample rate might open the device."""
    code = exc.args[1] if len(exc.args) > 1 else None
    text = str(exc).lower()
    return code in (_INVALID_CHANNEL_COUNT, _INVALID_SAMPLE_RATE) or (
        "channel" in text or "sample rate" in text or "samplerate" in text
    )


def translate(exc: Exception, device_name: str, kind: str) -> AudioError:
    code = exc.args[1] if len(exc.args) > 1 else None
    text = str(exc).lower()
    if code == _INVALID_DEVICE or "invalid device" in text or "no such device" in text:
        return NoDeviceError.for_kind(kind)
    if code == _DEVICE_UNAVAILABLE or "unavailable" in text or "busy" in text:
        return DeviceBusyError.for_device(device_name)
    return AudioError(
        _("'{name}' could not be opened ({detail}).").format(name=device_name, detail=exc)
    )
