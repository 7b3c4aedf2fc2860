"""How Pitchback looks: one spacing and type scale, the page's one primary action, icons.

Colours come from the system palette (``palette(...)`` in the style sheet), so light and dark
follow the system. Only sizes, weights and the two action colours are set here.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QSizePolicy,
    QStyle,
    QWidget,
)

SPACE = 8  # the spacing unit: gaps are 1x, 2x or 3x this
RECORD_RED = "#d62828"
HANG_UP_RED = "#c0392b"
CALL_GREEN = "#2b8a3e"

STYLE = f"""
QPushButton[role="primary"] {{
    font-size: 13pt; font-weight: 600; padding: {SPACE}px {2 * SPACE}px;
    min-height: {4 * SPACE}px;
}}
QPushButton[role="primary"][tone="record"] {{ color: {RECORD_RED}; }}
QPushButton[role="primary"][tone="call"] {{ color: {CALL_GREEN}; }}
QPushButton[role="danger"] {{
    font-size: 13pt; font-weight: 600; padding: {SPACE}px {2 * SPACE}px;
    min-height: {4 * SPACE}px; color: white; background: {HANG_UP_RED};
    border: 1px solid {HANG_UP_RED}; border-radius: 4px;
}}
QPushButton[role="danger"]:disabled {{ background: palette(button); color: palette(mid);
    border: 1px solid palette(mid); }}
QLabel[role="key"] {{
    color: palette(text); border: 1px solid palette(mid); border-bottom-width: 2px;
    border-radius: 3px; padding: 0px {SPACE // 2}px; font-size: 9pt;
}}
QLabel[role="title"] {{ font-size: 15pt; font-weight: 600; }}
QLabel[role="hint"] {{ color: palette(mid); }}
QLabel#call-state {{ font-size: 15pt; font-weight: 600; }}
QLabel#call-timer {{ font-size: 15pt; }}
QLabel#call-phase {{ font-size: 12pt; font-weight: 600; }}
QListWidget#settings-sections::item {{ padding: {SPACE // 2}px {SPACE}px; }}
QFrame#report-card QLabel#provisional {{ color: {HANG_UP_RED}; }}
"""


def apply_look(app: QApplication) -> None:
    """The style sheet, once for the whole application."""
    app.setStyleSheet(STYLE)


def _role(widget: QWidget, role: str, tone: str = "") -> None:
    widget.setProperty("role", role)
    if tone:
        widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def primary(button: QAbstractButton, tone: str = "", icon: QIcon | None = None) -> None:
    """Make ``button`` the page's main action: large and coloured (tone 'record', 'call')."""
    _role(button, "primary", tone)
    if icon is not None:
        button.setIcon(icon)
        button.setIconSize(QSize(2 * SPACE + 4, 2 * SPACE + 4))


def danger(button: QAbstractButton, icon: QIcon | None = None) -> None:
    """A large red button: the action that ends something (Hang up)."""
    _role(button, "danger")
    if icon is not None:
        button.setIcon(icon)


def key_hint(key: str) -> QLabel:
    """A small keycap showing the key that does the same as the button beside it."""
    label = QLabel(key)
    label.setAccessibleName(key)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    label.setToolTip(key)
    _role(label, "key")
    return label


def _dot(colour: str, size: int = 32) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(size // 6, size // 6, size * 2 // 3, size * 2 // 3)
    painter.end()
    return QIcon(pixmap)


def icon(name: str, widget: QWidget) -> QIcon:
    """The icon for a main action: the theme's where it has one, else Qt's own, else drawn."""
    standard = {
        "play": QStyle.StandardPixmap.SP_MediaPlay,
        "stop": QStyle.StandardPixmap.SP_MediaStop,
        "refresh": QStyle.StandardPixmap.SP_BrowserReload,
        "folder": QStyle.StandardPixmap.SP_DirOpenIcon,
        "save": QStyle.StandardPixmap.SP_DialogSaveButton,
        "help": QStyle.StandardPixmap.SP_DialogHelpButton,
        "settings": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    }
    themed = {
        "record": "media-record",
        "call": "call-start",
        "hang_up": "call-stop",
        "settings": "preferences-system",
    }
    if name in themed and QIcon.hasThemeIcon(themed[name]):
        return QIcon.fromTheme(themed[name])
    if name == "record":
        return _dot(RECORD_RED)
    if name == "call":
        return _dot(CALL_GREEN)
    if name == "hang_up":
        return _dot("white")
    return widget.style().standardIcon(standard[name])
