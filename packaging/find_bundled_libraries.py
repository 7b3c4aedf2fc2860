"""PyInstaller runtime hook: libraries that the app looks up by name come from the bundle.

sounddevice finds PortAudio with ctypes.util.find_library("portaudio"), which on Linux asks
the system (ldconfig) and so misses the libportaudio.so.2 the bundle carries. Look in the
bundle first; anything not there is found as before.
"""

import ctypes.util
import sys
from pathlib import Path

if sys.platform.startswith("linux"):
    _system_find_library = ctypes.util.find_library

    def _find_library(name: str) -> str | None:
        bundled = sorted(Path(sys._MEIPASS).glob(f"lib{name}.so*"))
        return str(bundled[0]) if bundled else _system_find_library(name)

    ctypes.util.find_library = _find_library
