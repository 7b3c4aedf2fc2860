"""Where the data lives (with "Open folder") and "Export everything..." (a zip, on a worker)."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.export import export_everything
from app.core.i18n import _, n_


def save_zip_path(parent: QWidget, suggested: str) -> str:
    """Ask where to save the zip (a modal dialog; tests replace this function)."""
    path, _chosen = QFileDialog.getSaveFileName(
        parent, _("Export everything"), suggested, _("Zip archive (*.zip)")
    )
    return path


def open_folder(folder: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class DataSection(QWidget):
    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.folder = QLabel(str(home))
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(_("Open folder"))
        self.export_button = QPushButton(_("Export everything…"))
        self.export_button.setToolTip(_("One zip file with your scripts, settings and recordings"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.result = QLabel()
        self.result.setWordWrap(True)
        explain = QLabel(
            _("Your scripts, takes and settings are kept here, on this computer only.")
        )
        explain.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.folder)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.open_button.clicked.connect(lambda: open_folder(self.home))
        self.export_button.clicked.connect(self.export)
        self._done = 0.0  # written by the worker, read by the timer
        self._future: Future[int] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._check)

    def export(self) -> None:
        if self._future is not None:
            return
        chosen = save_zip_path(self, str(Path.home() / "pitchback-export.zip"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        self.target = target
        self._done = 0.0
        pool = ThreadPoolExecutor(1, thread_name_prefix="export")
        self._future = pool.submit(export_everything, self.home, target, self._progress)
        pool.shutdown(wait=False)
        self.export_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.result.setText(_("Exporting…"))
        self._timer.start()

    def _progress(self, done: int, total: int) -> None:  # on the worker: no Qt here
        self._done = done / total if total else 1.0

    def _check(self) -> None:
        self.progress.setValue(int(self._done * 1000))
        future = self._future
        if future is None or not future.done():
            return
        self._timer.stop()
        self._future = None
        self.export_button.setEnabled(True)
        self.progress.hide()
        try:
            count = future.result()
        except Exception as exc:  # OSError, sqlite3.Error: said to the user, nothing lost
            self.result.setText(
                _("The export could not be written to {path}: {detail}").format(
                    path=self.target, detail=getattr(exc, "strerror", None) or exc
                )
            )
            return
        self.result.setText(
            _("Saved everything ({files}) in {path}.").format(
                files=n_("{count} file", "{count} files", count).format(count=count),
                path=self.target,
            )
        )

    @property
    def busy(self) -> bool:
        return self._future is not None

    def save(self) -> None:
        """Nothing to keep: the folder is where it is, and the export is its own action."""
