"""The first Pitchback on a data folder listens on a local socket; a second start asks it to
bring its window forward instead of opening the same data twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from app.core.instance import server_name
from app.core.locks import FileLock

_SHOW = b"show\n"
WAIT_MS = 2000


class InstanceServer(QObject):
    """Holds the data folder's lock for ``window`` and, while it is open, brings it forward
    for every later start on the same folder."""

    asked_forward = Signal()

    def __init__(self, window: QWidget, home: Path, lock: FileLock) -> None:
        super().__init__(window)
        self.window = window
        self.lock = lock
        self.server = QLocalServer(self)
        name = server_name(home)
        # This process holds the folder's lock, so a socket left under this name is a crash's.
        QLocalServer.removeServer(name)
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_SHOW.strip()):
            window = self.window
            if window.isMinimized():
                window.showNormal()
            window.show()
            window.raise_()
            window.activateWindow()
            self.asked_forward.emit()
            socket.write(b"ok\n")
            socket.flush()

    def close(self) -> None:
        self.server.close()
        self.lock.release()


def bring_first_forward(home: Path, wait_ms: int = WAIT_MS) -> bool:
    """Ask the Pitchback that has ``home`` to show its window; True when it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(home))
    if not socket.waitForConnected(wait_ms):
        return False
    socket.write(_SHOW)
    answered = socket.waitForBytesWritten(wait_ms) and socket.waitForReadyRead(wait_ms)
    reply = bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answered and reply.startswith(b"ok")
