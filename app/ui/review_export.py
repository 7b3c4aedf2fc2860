"""Export a take or a live-call run as one HTML page for a coach (app.core.review_export)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.i18n import _
from app.core.review_export import Review, write_page


def export_review(parent: QWidget, make: Callable[[], Review], name: str) -> str:
    """Ask where, write the page; the message to show the user ('' when they cancelled)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Export for a coach"), f"{name}.html", _("Web page (*.html)")
    )
    if not chosen:
        return ""
    path = Path(chosen)
    try:
        write_page(make(), path)
    except OSError as exc:
        return _("The page could not be saved ({detail}).").format(detail=exc)
    return _(
        "Saved {name}: one page with the recording inside. Send it to your coach; it opens "
        "in any browser."
    ).format(name=path.name)
