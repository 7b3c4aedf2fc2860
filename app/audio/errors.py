"""The audio layer's own exceptions: PortAudio and file errors become these at the boundary.

Each message is written for a salesperson, not an engineer, and says what to do next.
"""

from __future__ import annotations

import errno
from pathlib import Path

from app.core.i18n import _
from app.core.store import problem


class AudioError(Exception):
    """An audio problem whose ``str()`` is a message for the user."""


class NoDeviceError(AudioError):
    @classmethod
    def for_kind(cls, kind: str) -> NoDeviceError:
        if kind == "input":
            return cls(_("No microphone was found. Plug one in, then choose it under Microphone."))
        return cls(_("No speaker or headphones were found. Connect one to hear your takes."))


class PortAudioMissing(AudioError):
    @classmethod
    def create(cls, problem: str) -> PortAudioMissing:
        return cls(
            _(
                "Pitchback could not load its sound library, PortAudio ({problem}), so it "
                "cannot record or play. Install PortAudio (on Debian or Ubuntu: libportaudio2) "
                "and start Pitchback again."
            ).format(problem=problem)
        )


class DeviceBusyError(AudioError):
    @classmethod
    def for_device(cls, name: str) -> DeviceBusyError:
        return cls(
            _(
                "'{name}' is in use by another program or cannot be opened. Close the other "
                "program or choose another device."
            ).format(name=name)
        )


class DeviceLostError(AudioError):
    @classmethod
    def for_device(cls, name: str, kind: str = "input") -> DeviceLostError:
        if kind == "output":
            return cls(
                _(
                    "'{name}' stopped playing (was it unplugged?). Choose another speaker and "
                    "press play again."
                ).format(name=name)
            )
        return cls(
            _(
                "'{name}' stopped sending sound (was it unplugged?). What you recorded up to that "
                "moment is kept."
            ).format(name=name)
        )


def silent_device(device: object) -> str:
    """The warning for a microphone that sends only digital silence (see recorder.py)."""
    name = getattr(device, "name", None) or "default"
    return _(
        "'{name}' has sent only digital silence for a few seconds: it may have been unplugged "
        "or switched off. Recording goes on, and what you record is kept; check the microphone "
        "or stop and choose another one."
    ).format(name=name)


class DiskFullError(AudioError):
    @classmethod
    def create(cls) -> DiskFullError:
        return cls(
            _(
                "The disk is full or cannot be written to, so recording stopped. What you "
                "recorded up to that moment is kept. Free some space and record again."
            )
        )


class SaveError(AudioError):
    """The store could not save (a full disk, a read-only folder, a locked database)."""

    @classmethod
    def from_storage(cls, exc: BaseException, where: Path | None = None) -> SaveError:
        return cls(problem(exc, where) or str(exc))


class AudioFileError(AudioError):
    @classmethod
    def unreadable(cls, name: str) -> AudioFileError:
        return cls(_("'{name}' is not a sound file Pitchback can read.").format(name=name))


def is_disk_full(exc: BaseException) -> bool:
    """True for the ways a full disk (or a file-size limit) shows up from libsndfile or the OS."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return True
    text = str(exc).lower()
    # libsndfile reports a failed write() or ftruncate() only as "System error" (SFE_SYSTEM)
    if getattr(exc, "code", None) == 2 and "system error" in text:
        return True
    return "no space left" in text or "file too large" in text or "disk quota" in text
