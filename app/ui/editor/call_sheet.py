"""The printable call sheet: the voicemail to read out, then the map of the call (PDF)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import QMarginsF, QRectF, QSaveFile, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from app.core.i18n import _
from app.core.script import Script
from app.core.script.model import Branch, LineKind
from app.core.script.placeholders import fill
from app.ui.editor.branch_map import BranchMap

RESOLUTION = 300  # dots per inch: sharp print, small file
# The map gets a landscape page of its own unless it prints at least this large under the text.
LANDSCAPE_GAIN = 0.8


def voicemail_lines(script: Script, values: Mapping[str, str] = MappingProxyType({})) -> list[str]:
    """What to say, with the cues in brackets and the placeholders ``values`` fills filled;
    notes are for the editor, not the call."""
    if script.voicemail is None:
        return []
    lines = []
    for item in script.voicemail.body:
        if isinstance(item, Branch) or item.kind == LineKind.NOTE:
            continue
        if item.kind == LineKind.BREAK:
            lines.append("")
        else:
            text = fill(item.text, values)
            lines.append(f"({text})" if item.kind == LineKind.CUE else text)
    return lines


def write_call_sheet(
    path: Path,
    title: str,
    script: Script,
    summary: str,
    branch_map: BranchMap,
    values: Mapping[str, str] = MappingProxyType({}),
) -> None:
    """Write the call sheet to ``path``, replacing it only once all is written.

    Raises OSError when the file cannot be written.
    """
    file = QSaveFile(str(path))
    if not file.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise OSError(file.errorString())
    writer = QPdfWriter(file)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Pitchback")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = _paint_rect(writer)
    painter = QPainter(writer)
    try:
        top = _draw_text_part(painter, page, title, script, summary, values)
        if branch_map.layout_shown.boxes:
            scene = branch_map.map_scene.sceneRect()
            heading = painter.fontMetrics().height() * 2
            here = QRectF(page.left(), top + heading, page.width(), page.bottom() - top - heading)
            turned = page.transposed()
            if _scale(here, scene) < LANDSCAPE_GAIN * _scale(turned, scene):
                # Wide maps print larger, and so more readably, across a page of their own.
                writer.setPageOrientation(QPageLayout.Orientation.Landscape)
                writer.newPage()
                page = _paint_rect(writer)
                top = page.top()
            top = _draw(painter, page, top, _("The call"), 13, bold=True)
            branch_map.render_map(
                painter, QRectF(page.left(), top, page.width(), page.bottom() - top)
            )
    finally:
        painter.end()
    if not file.commit():
        raise OSError(file.errorString())


def _paint_rect(writer: QPdfWriter) -> QRectF:
    page = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
    page.moveTo(0, 0)
    return page


def _scale(area: QRectF, scene: QRectF) -> float:
    return min(area.width() / scene.width(), area.height() / scene.height())


def _draw_text_part(
    painter: QPainter,
    page: QRectF,
    title: str,
    script: Script,
    summary: str,
    values: Mapping[str, str],
) -> float:
    top = _draw(painter, page, page.top(), title, 18, bold=True)
    top = _draw(painter, page, top, summary, 9)
    top += painter.fontMetrics().height()
    top = _draw(painter, page, top, _("Voicemail"), 13, bold=True)
    text = "\n".join(voicemail_lines(script, values)) or _("This script has no voicemail yet.")
    top = _draw(painter, page, top, text, 12)
    return top + painter.fontMetrics().height()


def _draw(
    painter: QPainter, page: QRectF, top: float, text: str, points: int, bold: bool = False
) -> float:
    """Draw ``text`` wrapped across the page from ``top``; where the next text can start."""
    font = QFont(painter.font())
    font.setPointSize(points)
    font.setBold(bold)
    painter.setFont(font)
    area = QRectF(page.left(), top, page.width(), page.bottom() - top)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
        Qt.TextFlag.TextWordWrap
    )
    used = painter.boundingRect(area, flags, text)
    painter.drawText(area, flags, text)
    return used.bottom() + painter.fontMetrics().height() * 0.3
