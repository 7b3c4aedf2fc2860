"""PortAudio, through sounddevice: the one place the audio layer loads it.

sounddevice raises OSError when the PortAudio library is not installed (a Linux machine
without libportaudio2). That becomes PortAudioMissing, an AudioError whose message says what
to install, so a page that records or plays tells the user instead of failing.
"""

from __future__ import annotations

from app.audio.errors import PortAudioMissing

try:
    import sounddevice as sd
except (OSError, ImportError) as exc:
    raise PortAudioMissing.create(str(exc)) from exc

__all__ = ["library_path", "sd"]


def library_path() -> str:
    """The PortAudio library file that was loaded (a bundle carries its own)."""
    return str(sd._libname)
